"""Which replicas to start, keep and stop: a plan from what runs now, so `scale` and `heal` never stop
the last healthy replica and never leave a dead one behind. Standard library only, no processes here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


def number(name: str) -> int:
    return int(name[1:])


@dataclass(frozen=True)
class Plan:
    heal: list[str]  # dead replicas that stay: started again on their own port
    add: list[str]  # new replicas
    remove: list[str]  # drained and stopped (dead ones first)


def plan_scale(alive: Mapping[str, bool], wanted: int) -> Plan:
    """Reach `wanted` running replicas from `alive` (name -> its process runs).

    Removing takes dead replicas first, then the highest-numbered healthy ones; every replica kept is
    running afterwards (a dead one is started again), so the balancer always keeps a healthy one.
    """
    if wanted < 1:
        raise ValueError("at least one replica")
    names = sorted(alive, key=number)
    dead = [n for n in names if not alive[n]]
    healthy = [n for n in names if alive[n]]
    surplus = max(len(names) - wanted, 0)
    remove = (sorted(dead, key=number, reverse=True) + sorted(healthy, key=number, reverse=True))[:surplus]
    kept = [n for n in names if n not in remove]
    free = (f"r{i}" for i in range(1, len(names) + wanted + 1) if f"r{i}" not in alive)
    add = [next(free) for _ in range(max(wanted - len(names), 0))]
    plan = Plan([n for n in kept if not alive[n]], add, remove)
    assert kept or add, "a plan always keeps or starts a replica"
    assert not (healthy and set(healthy) <= set(remove)), "the last healthy replica is never stopped"
    return plan


def heal_plan(alive: Mapping[str, bool]) -> Plan:
    """Start every dead replica again; touch no healthy one."""
    return plan_scale(alive, max(len(alive), 1))


def down_line(alive: Mapping[str, bool]) -> str:
    """The status's last line: which replicas are down, and the command that brings them back."""
    dead = sorted((n for n, up in alive.items() if not up), key=number)
    if not dead:
        return f"all {len(alive)} replicas running"
    return f"DOWN: {', '.join(dead)} ({len(dead)} of {len(alive)}): deploy/run.sh heal starts them again"
