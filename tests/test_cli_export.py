"""`factref export`: verified records as JSON, each evidence passage a W3C Web Annotation."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT, SEED_ID, Project
from factref.export import dumps, export
from factref.pipeline import run
from test_cli import factref, own_records

SELFIES = "President Xi Jinping posed for selfies with South Korea’s Lee Jae Myung in Beijing"


def test_each_passage_is_a_web_annotation_with_raw_offsets(project: Project) -> None:
    data = export(own_records(project).run())
    (selfies,) = [f for f in data["facts"] if f["id"] == "selfies"]
    (evidence,) = selfies["evidence"]
    assert (evidence["start"], evidence["end"], evidence["text"]) == (183, 265, SELFIES)
    assert evidence["annotation"] == {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "#selfies-evidence-1",
        "type": "Annotation",
        "motivation": "describing",
        "body": {"type": "TextualBody", "format": "text/plain",
                 "value": "Xi Jinping posed for selfies with Lee Jae Myung in Beijing."},
        "target": {
            "source": SEED_ID,
            "selector": [
                {"type": "TextQuoteSelector", "exact": SELFIES,
                 "prefix": "in News & Features\n\nHours after ",
                 "suffix": ", China sent a very different me"},
                {"type": "TextPositionSelector", "start": 183, "end": 265},
            ],
        },
    }


def test_export_holds_every_verified_record_sorted_by_id(project: Project) -> None:
    project.write("facts/late.yml", "actors:\n  - {id: aaa, name: Aaa, kind: person}\n")
    data = export(own_records(project).run())
    assert list(data) == ["sources", "actors", "issues", "events", "facts"]
    assert [a["id"] for a in data["actors"]] == [
        "china", "japan", "lee-jae-myung", "xi-jinping", "xinhua"]  # 'aaa' did not verify
    assert [f["id"] for f in data["facts"]] == ["export-controls", "one-china", "selfies"]
    (source,) = data["sources"]
    assert (source["id"], source["body"]["start"], source["body"]["end"]) == (SEED_ID, 171, 5668)
    raw = (project.root / "seeds" / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    assert raw[171:].startswith("Hours after President Xi Jinping")
    assert raw[:5668].endswith("would have closely monitored the meeting.”")


def test_export_command_prints_or_writes_the_same_stable_json(project: Project,
                                                              tmp_path: Path) -> None:
    printed = factref(own_records(project), "export")
    assert (printed.exit_code, printed.stderr) == (0, "")
    assert printed.stdout == dumps(export(project.run()))
    assert "South Korea’s" in printed.stdout  # not \u2019: ensure_ascii is off
    assert printed.stdout.startswith('{\n  "actors": [\n    {\n      "aliases": [')
    out = tmp_path / "export.json"
    assert factref(project, "export", "-o", str(out)).output == ""
    assert out.read_text(encoding="utf-8") == printed.stdout


def test_every_exported_selector_points_at_its_passage_in_the_real_project() -> None:
    result = run(ROOT)
    data = json.loads(dumps(export(result)))
    assert len(data["facts"]) == len(result.verified.facts)
    for fact in data["facts"]:
        for evidence in fact["evidence"]:
            raw = result.verified.sources[evidence["source"]].raw
            quote, position = evidence["annotation"]["target"]["selector"]
            start, end = position["start"], position["end"]
            assert raw[start:end] == quote["exact"] == evidence["text"], fact["id"]
            assert raw[:start].endswith(quote["prefix"]) and len(quote["prefix"]) == min(32, start)
            assert raw[end:].startswith(quote["suffix"])
            assert len(quote["suffix"]) == min(32, len(raw) - end)
