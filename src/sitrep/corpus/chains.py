"""Attribution chains across documents: who got a claim from whom, and how many origins.

Each report's attribution (outlet, then whom it cites, outermost first) becomes edges
"cited source -> the one citing it". Nodes are keyed by KB identifier where the NLP
resolved one, so "As-Safir" cited by one outlet and "the Lebanese As-Safir newspaper"
cited by another are one node; a document whose own outlet is a cited node is linked to
it (its report is in the corpus). Why this matters: two outlets relaying one source look
like two confirmations but are one origin; `single_origin` says so, and
`independent_confirmations` counts the distinct origins behind the same figure.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sitrep.corpus.claims import Claim
from sitrep.corpus.merge import Report

CONFIRMING_ATTRIBUTES = ("magnitude", "size:")


@dataclass(frozen=True, slots=True)
class Chain:
    origin: str
    nodes: tuple[dict[str, Any], ...]
    edges: tuple[dict[str, Any], ...]
    single_origin: bool
    independent_confirmations: int


def node_key(link: dict[str, Any], outlet_ids: dict[str, str]) -> str:
    """One key per voice: KB identifier, else the outlet KB id of the name, else the words."""
    if link.get("identifier"):
        return link["identifier"]
    text = " ".join(link["text"].split())
    return outlet_ids.get(text.casefold(), text.casefold())


def origin_of(chain: tuple[dict[str, Any], ...] | list[dict[str, Any]], outlet_ids: dict[str, str]) -> str | None:
    """The deepest voice of an attribution chain (the outlet itself when it cites no one)."""
    return node_key(chain[-1], outlet_ids) if chain else None


def build_chains(reports: list[Report], claims: list[Claim], outlet_ids: dict[str, str]) -> list[Chain]:
    """The story's attribution graph split by origin (only origins someone relays)."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    voices: list[list[str]] = []
    for report in reports:
        links = report.chain()
        keys = [node_key(link, outlet_ids) for link in links]
        voices.append(keys)
        for key, link in zip(keys, links):
            node = nodes.setdefault(key, {"id": key, "label": link["text"], "kind": link["kind"]})
            if link["kind"] == "outlet" and node["kind"] != "outlet":
                node["kind"] = "outlet"
        for (target, _), (source, link) in zip(zip(keys, links), zip(keys[1:], links[1:])):
            if source != target:
                edges.setdefault((source, target, report.doc_id), {
                    "source": source, "target": target, "doc_id": report.doc_id, "evidence": link.get("evidence")})
    children: dict[str, set[str]] = defaultdict(set)
    for source, target, _ in edges:
        children[source].add(target)
    # An origin is the deepest voice of a report that someone relays, though it may cite
    # others in other reports (As-Safir relays "Arab sources" in one and reports itself in another).
    origins = sorted({keys[-1] for keys in voices if len(set(keys)) > 1})
    origins_by_value = _origins_by_value(claims, outlet_ids)
    chains = []
    for origin in origins:
        reached = _reachable(origin, children)
        relays = {keys[0] for keys in voices if origin in keys[1:]}
        chain_edges = [e for (s, _, _), e in sorted(edges.items()) if s in reached]
        values = {value for value, found in origins_by_value.items() if origin in found}
        others = set().union(*(origins_by_value[v] for v in values)) if values else {origin}
        chains.append(Chain(
            origin=origin,
            nodes=tuple(nodes[key] for key in sorted(reached)),
            edges=tuple(chain_edges),
            single_origin=len(relays) >= 2,
            independent_confirmations=len(others | {origin}),
        ))
    return chains


def _reachable(origin: str, children: dict[str, set[str]]) -> set[str]:
    seen, todo = {origin}, [origin]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in seen:
                seen.add(child)
                todo.append(child)
    return seen


def _origins_by_value(claims: list[Claim], outlet_ids: dict[str, str]) -> dict[tuple[str, str, str], set[str]]:
    """(merged event, attribute, value) of each figure -> the origins that report it."""
    found: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for claim in claims:
        if claim.attribute.startswith(CONFIRMING_ATTRIBUTES):
            origin = origin_of(claim.chain, outlet_ids)
            if origin:
                found[(claim.merged_event_id, claim.attribute, claim.value)].add(origin)
    return found
