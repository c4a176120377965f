"""A bad weights file is judged once (plans.checked_request): a report, then equal weights everywhere."""

from __future__ import annotations

from kim_dash.model.plan_request import PlanRequest, checked_request, run_plan
from tests.apptest_helpers import APP

PARTIAL = b"code,weight\n32.01.01,5\n32.01.02,3\n"  # two of Kabupaten Bogor's 40 kecamatan


def test_checked_request_reports_and_drops_the_bad_file(dataset):
    asked = PlanRequest("32.01", weighting="file", weights_file=(PARTIAL, "bobot.csv"))
    request, problems = checked_request(dataset, asked)
    assert problems and {p.reason for p in problems} == {"weight_missing"}
    assert (request.weighting, request.weights_file) == ("equal", None)
    assert run_plan(dataset, request).plan.equals(run_plan(dataset, PlanRequest("32.01")).plan)


def test_a_partial_weights_file_is_a_report_on_the_planner_page():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.query_params["bobot"] = "file"
    at.query_params["per_tahun"] = "10"
    at.query_params["sampai"] = "2026"
    at.switch_page("pages/rencana.py")
    at.run()
    at.file_uploader(key="weights_file").upload("bobot.csv", PARTIAL, "text/csv").run()
    assert not at.exception, [e.value for e in at.exception]
    report = at.dataframe[0].value
    assert set(report.iloc[:, 0]) == {"bobot.csv"} and "32.01.03" in set(report.iloc[:, 3])
    assert at.number_input(key="sampai").value == 2026  # the plan by year ran, with equal weights
