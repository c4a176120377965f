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
    at = open_page(
        "planner", target="180", metode="Webster/Sainte-Laguë", bobot="jumlah desa (number of desa)"
    )
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


def test_user_weights_file_changes_the_plan():
    at = open_page("planner")
    at.selectbox(key="bobot").set_value("file").run()
    assert any("sama rata" in i.value for i in at.info)  # equal weights until a file is given
    weights = "code,weight\n" + "\n".join(f"32.01.{i:02d},{1000 if i == 1 else 1}" for i in range(1, 41))
    at.file_uploader(key="weights_file").upload("penduduk.csv", weights.encode(), "text/csv").run()
    plan = table_with(at, "KIM baru").set_index("Kode")
    assert plan.loc["32.01.01", "Target"] > 100  # almost all of the share goes to the heavy kecamatan
    bad = b"code,weight\n32.01.99,x\n"
    at.file_uploader(key="weights_file").upload("salah.csv", bad, "text/csv").run()
    assert not at.exception and "masalah" in at.error[0].value
