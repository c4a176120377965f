"""What comes in: every file read within a budget, its columns and place names matched, its rows validated.

The lowest job: nothing here imports a higher one. Public names, by module:
- `readers`: `read_table`, `sheet_names`, `check_zip`, `Budget` (every upload and curated CSV)
- `upload`: `ingest`, `Ingested`, `template` (an uploaded table: read -> columns -> places -> validate)
- `specs`, `schema`, `validate`: `SPECS` (the data dictionary in code), pandera schemas, `validate_frame`
- `columns`, `names`, `places`: header aliases, name matching ("Kec. Gunung Putri" -> 32.01.02)
- `geography`: `Geography`, `load_geography` (Kemendagri 2025 codes)
- `dates`: `parse_as_of`, `date_problem` (a data date as precise as known); `url_values`: link values bounded
- `problems`: `Problem`, `DatasetError` (file, row, column, reason)
- `provenance`: `Figure`, `Sentence`, `derive`, `combine`, `is_published` (a figure is published only if
  every input is); `SourceKind`, `published`, `reference_of`, `mix_of`: the only reader of a source string
- `kinds`: `InputKind`, `Level`, `BoundaryLevel` (Literal types over the strings data and URLs use)
"""
