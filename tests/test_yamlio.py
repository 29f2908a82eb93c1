"""Records load from a tree that places only the records (``located=False``): it must hold the
same values as the fully located tree, and refuse the same files with the same message at the
same position, so that a position looked up later (by parsing again) is never a different story.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from factref.yamlio import LocatedDict, LocatedList, YamlProblem, load
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
SCALE = int(os.environ.get("FACTREF_PROPERTY_SCALE", "1"))
FILES = sorted(p for base in (ROOT / "facts", ROOT / "tests" / "fixtures")
               for p in base.rglob("*.y*ml"))


def inputs() -> list[bytes]:
    """Every record file of the project and the fixtures, and the input of each hostile case
    (tests/hostile/README.md: ``text`` as UTF-8, ``bytes`` one byte per code point)."""
    found = [p.read_bytes() for p in FILES]
    for case in sorted((ROOT / "tests" / "hostile").glob("*.yml")):
        given = load(case.read_bytes())
        text = given.get("text")
        found.append(text.encode() if text is not None else given["bytes"].encode("latin-1"))
    return found


def outcome(data: bytes, located: bool) -> tuple[str, Any]:
    try:
        return "ok", load(data, located=located)
    except YamlProblem as exc:
        return "refused", (exc.message, exc.pos)


def plain(value: Any) -> Any:
    """A tree as plain dicts and lists."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def assert_same(data: bytes) -> None:
    fast, full = outcome(data, located=False), outcome(data, located=True)
    assert fast[0] == full[0], (data, fast, full)
    if fast[0] == "refused":
        assert fast == full
        return
    assert plain(fast[1]) == plain(full[1])
    doc, located = fast[1], full[1]
    if isinstance(located, LocatedDict):  # the records are placed as the full tree places them
        assert isinstance(doc, LocatedDict) and doc.key_pos == located.key_pos
        for key, items in located.items():
            if isinstance(items, LocatedList):
                assert doc[key].item_pos == items.item_pos
                assert not any(isinstance(i, LocatedDict) for i in doc[key])


def test_the_records_fixtures_and_hostile_cases_load_the_same_either_way() -> None:
    given = inputs()
    assert len(given) > 80
    refused = 0
    for data in given:
        assert_same(data)
        refused += outcome(data, located=True)[0] == "refused"
    assert refused > 10  # the hostile cases include malformed files


@pytest.mark.parametrize("text", [
    "facts:\n  - id: a\n    id: b\n",             # a duplicate key inside a record
    "facts:\n  - id: a\nfacts: []\n",             # a duplicate record list
    "facts:\n  - &x {id: a}\n  - *x\n",           # anchors
    "facts:\n  - id: !!int 3\n",                  # a tag
    "facts:\n  - {<<: {a: b}}\n",                 # a merge key
    "facts:\n  - {[a]: b}\n",                     # a key that is not a string
    "facts: !!set {a}\n",
    "facts:\n  - id: ~\n    x: null\n    y: ''\n    z: \"null\"\n",
    "facts:\n  -" + " [" * 40 + " ]" * 40 + "\n",  # too deep
    "- a\n- b\n",
    "plain text\n",
])
def test_each_rule_holds_the_same_either_way(text: str) -> None:
    assert_same(text.encode())


YAMLISH = st.lists(st.sampled_from([*"ab:- \n'\"[]{},&*!#~|>?<\t", "null", "id", "  - ", "\n  "]),
                   max_size=30).map("".join)


@settings(max_examples=300 * SCALE, deadline=None)
@given(YAMLISH)
def test_any_text_loads_or_is_refused_the_same_either_way(text: str) -> None:
    assert_same(text.encode())


@settings(max_examples=100 * SCALE, deadline=None)
@given(st.recursive(st.none() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=12))
def test_any_record_list_loads_the_same_either_way(tree: Any) -> None:
    import yaml

    assert_same(yaml.safe_dump({"facts": [tree]}, allow_unicode=True).encode())
