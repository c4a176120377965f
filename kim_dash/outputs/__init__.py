"""What goes out: sentences, extract tables, CSV/XLSX bytes, chart and map decisions, and the PDF brief.

Public names, by module:
- `sentences`, `grain_sentences`: the answer first, as `Sentence`s with their sources
- `grain_cards`: the KPI cards each grain supports (never a blank card)
- `extract_tables`, `grain_extracts`: the tables behind every download; `writers`: CSV/XLSX bytes
  (`xlsx_sheet`: same bytes for the same table); `cells`: a cell as a person reads it
- `chart_marks`, `palette`: how marks and colours carry meaning on screen and in the PDF
- `map_views`, `map_labels`, `map_picture`: what a map shows, its labels, a static map drawn once
- `snapshot_list`: the stored snapshots as the Kelola Data page lists them
- `pdf`: the PDF brief of a view (`pdf.views.build_doc`, `pdf.views.brief_pdf`)
"""
