"""schema.org descriptions of generated pages, embedded as JSON-LD."""

from __future__ import annotations

from typing import Any

from .site import Site

ACTOR_TYPES = {"person": "Person", "state": "Country", "organisation": "Organization",
               "outlet": "NewsMediaOrganization"}


SOURCE_TYPES = {
    "news-report": "NewsArticle",
    "readout": "Report",  # schema.org: a report by a governmental or other organisation
    "press-release": "Article",  # schema.org has no press-release type: Article + genre
    "statement": "Article",
    "interview": "Article",
    "transcript": "CreativeWork",
}


def _article(site: Site, sid: str) -> dict[str, Any]:
    src = site.sources[sid].record
    data: dict[str, Any] = {"@type": SOURCE_TYPES[src.kind], "headline": src.headline,
                            "publisher": {"@type": "Organization", "name": src.publisher}}
    if data["@type"] != "NewsArticle":
        data["genre"] = site.source_kind(sid)
    if src.byline:
        data["author"] = src.byline
    if src.dateline:  # only a real date: never the words of a copy that gives none
        data["datePublished"] = src.dateline.date
    if src.url:
        data["url"] = src.url
    return data


def jsonld(site: Site, kind: str, rid: str) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": "https://schema.org"}
    if kind == "actors":
        actor = site.actors[rid]
        data.update({"@type": ACTOR_TYPES[actor.kind], "name": actor.name})
        if actor.aliases:
            data["alternateName"] = list(actor.aliases)
        views = site.by_actor.get(rid, []) + site.by_speaker.get(rid, [])
    elif kind == "issues":
        data.update({"@type": "DefinedTerm", "name": site.issues[rid].name})
        views = site.by_issue.get(rid, [])
    elif kind == "events":
        event = site.events[rid]
        data.update({"@type": "Event", "name": event.name})
        if event.place:
            data["location"] = {"@type": "Place", "name": event.place}
        when = site.timeline_value(rid)
        if when is not None:
            data["startDate"] = when.iso
        views = site.by_event.get(rid, [])
        data["actor"] = [{"@type": ACTOR_TYPES[site.actors[r.actor].kind],
                          "name": site.actors[r.actor].name} for r in event.roles]
    else:
        return {**data, **_article(site, rid)}
    sources = sorted({c.passage.source_id for v in views for c in v.citations})
    data["subjectOf"] = [_article(site, sid) for sid in sources]
    return data
