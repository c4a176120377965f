"""TEMPORARY: the PDF brief lands with the pdf branch."""

from dataclasses import dataclass, field

from kim_dash.plans import PlanRequest
from kim_dash.ranking import RankingFilter


@dataclass(frozen=True)
class BriefRequest:
    page: str
    lang: str
    regency: str
    ranking: RankingFilter = field(default_factory=RankingFilter)
    focus: str = ""
    kecamatan: tuple[str, ...] = ()
    plan: PlanRequest | None = None


def brief_pdf(dataset, request) -> bytes:
    return b"%PDF-1.4 stub"
