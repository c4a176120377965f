"""Who may store data: roles from configuration (kim_dash.officers.roles), never from code."""

from __future__ import annotations

import pytest

from kim_dash.officers.roles import (
    EVERYWHERE,
    RolesError,
    may_store,
    public_uploads,
    regencies_of,
    roles_from_config,
)

CONFIG = {
    "emails": ["Pusat@Kominfo.test"],
    "groups": ["kim-officers"],
    "group_claim": "roles",
    "regency": {"32.04": {"emails": ["rekap@bandung.test"], "groups": ["kim-3204"]}},
}


def user(**claims) -> dict:
    return {"is_logged_in": True, **claims}


@pytest.mark.parametrize(
    ("claims", "scopes"),
    [
        (user(email="pusat@kominfo.test"), {EVERYWHERE}),  # e-mails compare without case
        (user(email="x@y.test", roles=["kim-officers"]), {EVERYWHERE}),
        (user(email="rekap@bandung.test"), {"32.04"}),
        (user(email="x@y.test", roles="kim-3204"), {"32.04"}),  # a claim with one group as text
        (user(email="x@y.test", groups=["kim-3204"]), set()),  # another claim than the configured one
        (user(email="rekap@bandung.test", email_verified=False), set()),
        ({"is_logged_in": False, "email": "pusat@kominfo.test"}, set()),
        (user(), set()),
    ],
)
def test_scopes_come_from_the_configuration(claims, scopes):
    assert regencies_of(roles_from_config(CONFIG), claims) == scopes


def test_a_regency_officer_stores_only_for_that_regency_and_never_the_national_table():
    roles = roles_from_config(CONFIG)
    bandung, central = user(email="rekap@bandung.test"), user(email="pusat@kominfo.test")
    assert may_store(roles, bandung, "counts", "32.04") and not may_store(roles, bandung, "counts", "32.01")
    assert not may_store(roles, bandung, "national", "")
    assert may_store(roles, central, "registry", "32.01") and may_store(roles, central, "national", "")


def test_no_configuration_means_nobody_stores():
    assert not roles_from_config(None).any
    assert not may_store(roles_from_config({}), user(email="a@b.test"), "counts", "32.04")


@pytest.mark.parametrize(
    "bad",
    [{"emails": "a@b.test", "regency": {"3204": {}}}, {"emails": [1]}, {"regency": []}, {"group_claim": ""}],
)
def test_a_broken_configuration_is_refused_with_a_reason(bad):
    with pytest.raises(RolesError):
        roles_from_config(bad)


@pytest.mark.parametrize(
    ("value", "on"), [(None, True), ("1", True), ("0", False), ("off", False), ("false", False)]
)
def test_public_uploads_switch(value, on):
    assert public_uploads({} if value is None else {"KIM_PUBLIC_UPLOADS": value}) is on
