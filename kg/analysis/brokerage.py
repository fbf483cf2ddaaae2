"""Gould–Fernandez brokerage roles relative to a partition into blocs.

A broker ``b`` sits on a two-step path ``a -> b -> c`` of cooperative ties
with no direct tie ``a -> c``. By the blocs of ``a``, ``b`` and ``c`` the path
makes ``b`` a *coordinator* (all in one bloc), *itinerant* (``a`` and ``c``
share a bloc that is not ``b``'s), *representative* (``a`` in ``b``'s bloc,
``c`` outside), *gatekeeper* (``a`` outside, ``c`` in ``b``'s bloc) or
*liaison* (three different blocs) — Gould and Fernandez (1989). Counting is
by bloc sizes among each broker's neighbours, corrected for closed pairs,
so hubs cost their degree, not its square.

Examples
--------
>>> out = {"a": {"b"}, "b": {"c"}, "c": set()}
>>> roles(out, {"a": 0, "b": 1, "c": 2})["b"]
{'coordinator': 0, 'itinerant': 0, 'representative': 0, 'gatekeeper': 0, 'liaison': 1}
>>> roles(out, {"a": 0, "b": 0, "c": 1})["b"]["representative"]
1
"""

from __future__ import annotations

from collections import Counter

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def _role(g_a: int, g_b: int, g_c: int) -> str:
    if g_a == g_c:
        return "coordinator" if g_a == g_b else "itinerant"
    if g_a == g_b:
        return "representative"
    return "gatekeeper" if g_c == g_b else "liaison"


def _open_counts(ins: Counter[int], outs: Counter[int], g_b: int) -> dict[str, int]:
    in_total, out_total = sum(ins.values()), sum(outs.values())
    in_b, out_b = ins[g_b], outs[g_b]
    diagonal = sum(count * outs[group] for group, count in ins.items())
    return {"coordinator": in_b * out_b, "itinerant": diagonal - in_b * out_b,
            "representative": in_b * (out_total - out_b),
            "gatekeeper": (in_total - in_b) * out_b,
            "liaison": (in_total - in_b) * (out_total - out_b) - (diagonal - in_b * out_b)}


def roles(out: dict[str, set[str]], bloc: dict[str, int]) -> dict[str, dict[str, int]]:
    """Brokerage counts per role for every actor with an in- and an out-tie.

    ``out[u]`` is the set of actors ``u`` has a directed tie to; ``bloc``
    maps actors to bloc numbers (an actor missing from it is a bloc of its own).
    """
    group = dict(bloc)
    fresh = -1
    incoming: dict[str, set[str]] = {}
    for u, targets in out.items():
        for v in targets:
            if u != v:
                incoming.setdefault(v, set()).add(u)
    for node in set(out) | set(incoming):
        if node not in group:
            group[node], fresh = fresh, fresh - 1
    found = {}
    for b, sources in incoming.items():
        targets = out.get(b, set()) - {b}
        if not targets:
            continue
        counts = _open_counts(Counter(group[a] for a in sources),
                              Counter(group[c] for c in targets), group[b])
        for a in sources:  # remove a == c and closed pairs (a -> c tied directly)
            closed = ({a} & targets) | (out.get(a, set()) & targets)
            for c in closed:
                counts[_role(group[a], group[b], group[c])] -= 1
        if any(counts.values()):
            found[b] = {name: counts[name] for name in ROLES}
    return found
