"""What the home page tells first: the story's key facts, actors and issues, chosen by rule.

Every fact chosen is a verified record (the site model holds no other), shown with its
citations like anywhere else. The rule: the issues with the most facts; for each, its first fact
in the order of the source text (a story's lede comes first), preferring the reporters' own
narration over what someone said; then those facts in text order.
"""

from __future__ import annotations

from dataclasses import dataclass

from .records import Actor, Issue
from .relations import Connections
from .site import FactView, Site

KEY_ISSUES = 5
KEY_ACTORS = 8


@dataclass(frozen=True)
class Story:
    facts: tuple[FactView, ...]
    issues: tuple[tuple[Issue, int], ...]
    """The key issues, each with its number of facts."""
    actors: tuple[tuple[Actor, int], ...]
    """The key actors, each with the number of actors it is connected to."""


def story(site: Site, conns: Connections) -> Story:
    ranked = sorted(site.issues.values(),
                    key=lambda i: (-len(site.by_issue.get(i.id, ())), i.name))
    issues = [(i, len(site.by_issue.get(i.id, ()))) for i in ranked[:KEY_ISSUES]]
    chosen: dict[str, FactView] = {}
    for issue, _ in issues:
        views = [v for v in site.by_issue.get(issue.id, ()) if v.fact.id not in chosen]
        if views:
            best = min(views, key=lambda v: (v.fact.attribution.kind != "narration",
                                             _text_order(v)))
            chosen[best.fact.id] = best
    facts = tuple(sorted(chosen.values(), key=_text_order))
    actors = sorted(site.actors.values(), key=lambda a: (-conns.degree(a.id), a.name))
    key_actors = tuple((a, conns.degree(a.id)) for a in actors[:KEY_ACTORS] if conns.degree(a.id))
    return Story(facts, tuple(issues), key_actors)


def _text_order(view: FactView) -> tuple[str, int]:
    first = view.citations[0].passage if view.citations else None
    return (first.source_id, first.start) if first else ("", 0)
