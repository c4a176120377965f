"""What every table's columns are: names, kinds, references, choices (the data dictionary in code).

data/README.md says the same for people; kim_dash.sources.schema turns these specs into checks.
"""

from __future__ import annotations

from dataclasses import dataclass

CODE_PATTERNS = {
    "province": (r"[0-9]{2}", "NN"),
    "regency": (r"[0-9]{2}\.[0-9]{2}", "NN.NN"),
    "kecamatan": (r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}", "NN.NN.NN"),
    "desa": (r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}", "NN.NN.NN.NNNN"),
}
FIELDS_OF_ACTIVITY = (
    "pertanian",
    "pembangunan",
    "peternakan",
    "keagamaan",
    "seni budaya",
    "sosial kemasyarakatan",
    "pusat informasi massa",
    "percetakan",
    "usaha kecil mikro",
    "pendidikan",
    "lingkungan hidup",
)
STATUSES = ("aktif", "kurang aktif", "tidak aktif")
FIRST_YEAR = 1980
MAX_COUNT = 1_000_000  # more KIM than Indonesia has desa is a typo, and int64 overflow is a crash
MAX_NUMBER = 1e12
INT_TEXT = r"-?[0-9]+"
MAX_DIGITS = 15  # longer is never a count; checked before any conversion (5,000 digits, 2^63)
NUMBER_TEXT = (
    r"-?[0-9]{1,15}(\.[0-9]{1,15})?"  # a weight such as 5331149 or 0.25; "inf" and "²" are not numbers
)
DATE_TEXT = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
REPORT_WHATS = (
    "kim",
    "kim_active",
    "kim_formed",
    "desa_with_kim",
    "kecamatan_with_kim",
    "kecamatan_without_kim",
    "kim_registered_kimid",
    "provinces_with_kim_registered_kimid",
)
SNAPSHOT_KINDS = ("registry", "national", "counts")
TARGET_IDS = ("kim_total", "kim_per_desa", "kim_per_kecamatan", "kim_new", "spm_kecamatan_coverage")


@dataclass(frozen=True)
class Col:
    name: str
    kind: str = "text"  # text | code:<level> | int | year | float | date | source | fields | choice
    required: bool = True  # the column must be present
    nullable: bool = False  # the cell may be empty
    unique: bool = False
    ref: str | None = None  # code must exist in this reference level
    choices: tuple[str, ...] = ()


_POINT = (Col("lat", "float"), Col("lon", "float"), Col("area_km2", "float"))
SPECS: dict[str, tuple[Col, ...]] = {
    "provinces": (Col("code", "code:province", unique=True), Col("name"), *_POINT),
    "regencies": (
        Col("code", "code:regency", unique=True),
        Col("name"),
        Col("type", "choice", choices=("Kabupaten", "Kota")),
        Col("province_code", "code:province", ref="province"),
        *_POINT,
    ),
    "kecamatan": (
        Col("code", "code:kecamatan", unique=True),
        Col("name"),
        Col("regency_code", "code:regency", ref="regency"),
        Col("desa_count", "int"),
        Col("kelurahan_count", "int"),
        *_POINT,
    ),
    "desa": (
        Col("code", "code:desa", unique=True),
        Col("name"),
        Col("type", "choice", choices=("desa", "kelurahan", "desa_adat")),  # desa adat: customary desa
    ),
    "national": (
        Col("code", "code:regency", unique=True, ref="regency"),
        Col("count", "int"),
        Col("source", "source"),
        Col("note", required=False, nullable=True),
    ),
    "registry": (
        Col("id", unique=True),
        Col("name"),
        Col("kecamatan_code", "code:kecamatan", ref="kecamatan"),
        # a published KIM may be known by name and kecamatan only: the rest stays unknown, never invented
        Col("desa_code", "code:desa", ref="desa", nullable=True),
        Col("year_formed", "year", nullable=True),
        Col("status", "choice", nullable=True, choices=STATUSES),
        Col("fields", "fields", nullable=True),
        Col("source", "source"),
    ),
    "counts": (
        Col("kecamatan_code", "code:kecamatan", unique=True, ref="kecamatan"),
        Col("count", "int"),
        Col("source", "source"),
        Col("as_of", "date", required=False, nullable=True),
        Col("note", required=False, nullable=True),
    ),
    "history": (
        Col("regency_code", "code:regency", ref="regency"),
        Col("as_of", "date", nullable=True),
        Col("count", "int"),
        Col("counted_by"),
        Col("source", "source"),
        Col("note", required=False, nullable=True),
    ),
    "targets": (
        Col("regency_code", "code:regency", ref="regency"),
        Col("id", "choice", choices=TARGET_IDS),
        Col("value", "float"),
        Col("deadline", "year", nullable=True),
        Col("source", "source"),
        Col("note", required=False, nullable=True),
    ),
    "facts": (
        Col("kind", "choice", choices=SNAPSHOT_KINDS),
        Col("as_of", "date"),
        Col("regency_code", "code:regency", nullable=True),
        Col(
            "figure",
            "choice",
            choices=(
                "total_kim",
                "regencies_with_kim",
                "provinces_with_kim",
                "band_count",
                "rank",
                "kecamatan_with_kim",
            ),
        ),
        Col("subject", nullable=True),
        Col("value", "int"),
        Col("source", "source"),
    ),
    # published reports of any kabupaten/kota, province or the nation (scripts/build_published.py)
    "reports": (
        Col("level", "choice", choices=("national", "province", "regency")),
        Col("province_code", "code:province", ref="province", nullable=True),
        Col("regency_code", "code:regency", ref="regency", nullable=True),
        Col("what", "choice", choices=REPORT_WHATS),
        Col("count", "int"),
        Col("of_total", "int", nullable=True),
        Col("of_unit", nullable=True),
        Col("as_of", "date", nullable=True),
        Col("date_text"),
        Col("date_kind", "choice", choices=("as_of", "event", "article", "inferred")),
        Col("source", "source"),
        Col("url"),
        Col("note", nullable=True),
    ),
    # partial facts per kecamatan from published lists: an exact count, or "at least" one
    "kecamatan_facts": (
        Col("regency_code", "code:regency", ref="regency"),
        Col("kecamatan_code", "code:kecamatan", ref="kecamatan"),
        Col("as_of", "date"),
        Col("count", "int", nullable=True),
        Col("at_least", "int", nullable=True),
        Col("source", "source"),
        Col("note", nullable=True),
    ),
    "seed": (
        Col("file"),
        Col("kind", "choice", choices=SNAPSHOT_KINDS),
        Col("regency_code", "code:regency", ref="regency", nullable=True),
        Col("as_of", "date"),
        Col("note", nullable=True),
    ),
    "weights": (
        Col("code", "code:kecamatan", unique=True, ref="kecamatan"),
        Col("weight", "float"),
        Col("name", required=False, nullable=True),
        Col("current", "int", required=False),
    ),
}
