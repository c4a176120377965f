"""The snapshot store's tables (SQLAlchemy Core, one schema for SQLite and PostgreSQL) and the columns
a store made by an older version gains when it is next written to."""

from __future__ import annotations

import sqlalchemy as sa

from kim_dash.sources.specs import SNAPSHOT_KINDS, SPECS

METADATA = sa.MetaData()
SNAPSHOTS = sa.Table(
    "kim_snapshot",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("regency_code", sa.String(8), nullable=False),  # "" for the national table
    sa.Column("as_of", sa.String(10), nullable=False),  # YYYY, YYYY-MM or YYYY-MM-DD: as precise as known
    sa.Column("row_count", sa.Integer, nullable=False),
    sa.Column("total_kim", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("file_name", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    # who stored it and when (issue 26); `sample`: the shipped illustrative sample, which real data replaces
    sa.Column("author", sa.Text, nullable=False, server_default=""),
    sa.Column("stored_at", sa.String(32), nullable=False, server_default=""),
    sa.Column("sample", sa.Boolean, nullable=False, server_default=sa.false()),
)
ADDED_COLUMNS = ("author", "stored_at", "sample")  # added to a store made before them by ensure_schema
ROWS = {
    kind: sa.Table(
        f"kim_{kind}_row",
        METADATA,
        sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("kim_snapshot.id"), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        *[sa.Column(col.name, sa.Text, nullable=False) for col in SPECS[kind]],
    )
    for kind in SNAPSHOT_KINDS
}
# One real and one sample snapshot per kind, area and date: the sample never blocks real data.
KEY = sa.Index(
    "kim_snapshot_key",
    SNAPSHOTS.c.kind,
    SNAPSHOTS.c.regency_code,
    SNAPSHOTS.c.as_of,
    SNAPSHOTS.c.sample,
    unique=True,
)


def add_missing_columns(conn: sa.Connection) -> None:
    """Columns added after a store was made (author, stored_at, sample), with their defaults."""
    present = {c["name"] for c in sa.inspect(conn).get_columns(SNAPSHOTS.name)}
    for name in ADDED_COLUMNS:
        if name not in present:
            kind = SNAPSHOTS.c[name].type.compile(dialect=conn.dialect)
            default = "false" if name == "sample" else "''"
            conn.execute(
                sa.text(f"ALTER TABLE {SNAPSHOTS.name} ADD COLUMN {name} {kind} NOT NULL DEFAULT {default}")
            )
