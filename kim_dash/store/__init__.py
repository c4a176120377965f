"""The dated snapshots (SQLite or PostgreSQL) and the Dataset a view is computed from.

Public names, by module:
- `database`: `Store`, `Snapshot` (append-only; every wait bounded by `waits`); `schema`: the tables
- `engine`: supported database URLs, `StoreUnavailable`; `waits`: the bounds on every wait
- `imports`: `store_import`, `check_import` (the one writer: command line and signed-in officers)
- `seeding`: `default_store`, `seed` (the shipped sample, seeded safely); `sample`: real data replaces it
- `dataset`: `Dataset`, `load_dataset`, `DEFAULT_DATA_DIR`; `frames`: a snapshot's validated rows
- `derived`: `@derived`, one cache per Dataset for derived tables
"""
