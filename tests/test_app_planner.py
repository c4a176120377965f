"""AppTest: gaps and the planner."""

from kim_dash.cli import main

from .apptest_helpers import download_bytes, metric_values, open_page, table_with


def test_default_plan():
    at = open_page("planner")
    values = metric_values(at)
    assert (values["KIM sekarang"], values["Target"], values["Masih perlu dibentuk"]) == ("136", "150", "14")
    plan = table_with(at, "KIM baru")
    assert plan["KIM baru"].sum() == 14 and plan["Sesudah"].sum() == 150


def test_changing_target_or_method_changes_the_table():
    at = open_page("planner")
    before = table_with(at, "KIM baru")
    at.number_input(key="target").set_value(200).run()
    bigger = table_with(at, "KIM baru")
    assert bigger["KIM baru"].sum() == 64 and not bigger.equals(before)
    at.selectbox(key="bobot").set_value("desa").run()
    at.selectbox(key="mode").set_value("full").run()
    hamilton = table_with(at, "Target")
    at.selectbox(key="metode").set_value("dhondt").run()
    dhondt = table_with(at, "Target")
    assert not hamilton.equals(dhondt)


def test_download_equals_cli(downloads, capsysbinary):
    at = open_page("planner", target="180", metode="Webster/Sainte-Laguë", bobot="jumlah desa (number of desa)")
    assert at.selectbox(key="metode").value == "webster" and at.selectbox(key="bobot").value == "desa"
    data, name = download_bytes(at, "plan_csv", downloads)
    assert name.startswith("kim_rencana_180-desa-webster-topup_")
    capsysbinary.readouterr()
    assert main(["plan", "--target", "180", "--weights", "desa", "--method", "webster"]) == 0
    assert data == capsysbinary.readouterr().out


def test_method_explained_in_plain_indonesian():
    at = open_page("planner", metode="Huntington–Hill")
    text = " ".join(m.value for m in at.markdown)
    assert "Huntington–Hill" in text and "Aturan seri" in text
