"""Build a STRINGS table from (id, en[, en_one]) tuples: shorter to read than nested dicts."""


def table(entries: dict[str, tuple[str, ...]]) -> dict[str, dict[str, str]]:
    return {
        k: ({"id": v[0], "en": v[1]} | ({"en_one": v[2]} if len(v) > 2 else {})) for k, v in entries.items()
    }
