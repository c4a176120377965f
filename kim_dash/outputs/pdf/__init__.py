"""The PDF brief of a view (reportlab): the same sentences, KPIs, chart, map and table rows as the page.

Public names, by module:
- `views`: `build_doc`, `brief_pdf`, `brief_file` (what the page's button and `kim-dash brief` call)
- `parts`: `BriefRequest` and the pieces of a brief; `content`: `BriefDoc` and its parts, filled in by the caller
- `render`: `render_pdf` (deterministic A4); `chart`, `plots`, `marks`, `map`, `table`, `fonts`: its layout
"""
