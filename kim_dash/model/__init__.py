"""The computations: ranking, coverage, grains of data, apportionment, plans and history.

Public names, by module:
- `ranking`: `national_ranking`, `focus_stats`, bands; `province_table`: a province side by side
- `regency`: `RegencyData`, `regency_data` (one kabupaten/kota: kecamatan, data, targets)
- `grain`, `partial`: which grain of data answers (registry ... nothing); unknown is not zero
- `coverage`: `kecamatan_table`, `coverage_kpis`, `target_spread`; `inequality`: how uneven the spread is
- `apportion`: `apportion` by a `Method` (exact Hamilton, Webster, Huntington-Hill, D'Hondt)
- `kinds`: `Spread`, `MinimumKind`, `Method`, `Mode` and their tuples (Literal types mypy checks)
- `planner`, `schedule`, `plan_time`, `plan_request`: `make_plan`, `plan_by_year`, `plan_start`,
  `PlanRequest`, `run_plan` (one request, one plan for the page, the PDF and the CLI);
  `plan_views`: the planner page's decisions, `plan_and_schedule` (one plan placed once per rerun)
- `history`: a regency's KIM over time; `citations`: the sources of a view
"""
