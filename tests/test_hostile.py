"""Hostile input: every malformed, tricky or malicious record gets an exact, located outcome.

Most scenarios are data, one small YAML file each in tests/hostile/ (see its README). The rest are
here: those that need generated input (very long values, a changed source) or a real build (record
text that tries to become markup, checked in the built HTML).
"""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ACTORS_YML, GOOD_FACTS, SEED, SEED_ID, SOURCES_YML, Project, fact
from factref.yamlio import YamlProblem, load

CASES = Path(__file__).resolve().parent / "hostile"
CASE_KEYS = {"what", "file", "text", "bytes", "files", "problems", "verified"}


def _case_files() -> list[Path]:
    return sorted(CASES.glob("*.yml"))


def _fill(text: str, root: Path) -> str:
    text = text.replace("{SEED}", SEED_ID)
    return re.sub(r"\{SHA256:([^}]+)\}",
                  lambda m: hashlib.sha256((root / m.group(1)).read_bytes()).hexdigest(), text)


def _encode(value: Any, root: Path) -> bytes:
    """Text as UTF-8; {bytes: ...} (or a case's ``bytes``) as one byte per code point."""
    if isinstance(value, dict):
        return _fill(str(value["bytes"]), root).encode("latin-1")
    return _fill(str(value), root).encode("utf-8")


def run_case(project: Project, path: Path) -> tuple[dict[str, Any], list[str], set[str]]:
    """Write the case's files into the project; return the case, the problems and verified ids."""
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(case) <= CASE_KEYS and "what" in case and "problems" in case, path.name
    assert ("text" in case) != ("bytes" in case), f"{path.name}: give one of text or bytes"
    for rel, content in (case.get("files") or {}).items():
        project.write_bytes(rel, _encode(content, project.root))
    content = case["text"] if "text" in case else {"bytes": case["bytes"]}
    project.write_bytes(case.get("file", "facts/extra.yml"), _encode(content, project.root))
    result = project.run()
    return case, [str(p) for p in result.problems], set(result.verified.facts)


@pytest.mark.parametrize("path", _case_files(), ids=lambda p: p.stem)
def test_case(project: Project, path: Path) -> None:
    case, problems, verified = run_case(project, path)
    expected = [_fill(p, project.root) for p in case["problems"]]
    assert problems == expected, case["what"]
    # Fail closed, and nothing lost: the fixture's own facts are untouched by the hostile file.
    assert {"selfies", "export-controls", "one-china"} <= verified
    assert set(case.get("verified") or ()) <= verified


def test_corpus_is_large_enough() -> None:
    assert len(_case_files()) >= 40


# --- Generated input --------------------------------------------------------------------------


def test_alias_bomb_is_refused_at_once() -> None:
    levels = ["a: &a [" + ", ".join(['"lol"'] * 9) + "]"]
    for i in range(1, 12):  # 9**12 strings if it were expanded
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    data = ("\n".join(levels) + "\nactors: *l\n").encode()
    with pytest.raises(YamlProblem) as caught:  # refused before anything is expanded
        load(data)
    assert (caught.value.pos.line, caught.value.pos.column) == (1, 4)  # type: ignore[union-attr]
    assert caught.value.message == ("anchors and aliases (&name / *name) are not allowed in "
                                    "records; write the value out in full")


def test_scalars_stay_text_exactly_as_typed() -> None:
    doc = load(b"a: [yes, NO, 1.10, 2025-06, 0x1F, .inf, ~, '', null, 'null', !!str 7]\n")
    assert doc == {"a": ["yes", "NO", "1.10", "2025-06", "0x1F", ".inf", None, "", None, "null",
                         "7"]}


@pytest.mark.parametrize("depth", [40, 900])
def test_deep_nesting_is_refused_not_a_crash(project: Project, depth: int) -> None:
    project.write("facts/extra.yml", "facts: " + "[" * depth + "]" * depth + "\n")
    assert project.problems() == [
        "facts/extra.yml:1:39: nested more than 32 levels deep; no record needs that"
    ]


def test_very_long_claim_is_refused_with_a_short_message(project: Project) -> None:
    long_claim = "China sent a very different message to Japan. " * 25_000  # about 1.2 MB
    project.write("facts/extra.yml", fact("long", long_claim.strip(),
                                          "China sent a very different message to Japan",
                                          actors="[china, japan]"))
    problems = project.problems()
    assert problems == [
        "facts/extra.yml:3:5: facts[0].claim (record 'long'): String should have at most 2000 "
        "characters (found 'China sent a very different message to Japan. China sent a very "
        "different me...')"
    ]


def test_very_long_quote_is_refused(project: Project) -> None:
    quote = "China sent a very different message to Japan " * 50
    project.write("facts/extra.yml", fact("long-quote", "China sent a message.", quote.strip(),
                                          actors="[china, japan]"))
    assert project.problems() == [
        "facts/extra.yml:8:9: facts[0].evidence[0].quote (record 'long-quote'): String should "
        "have at most 2000 characters (found 'China sent a very different message to Japan "
        "China sent a very different mes...')"
    ]


def test_very_long_name_and_many_records(project: Project) -> None:
    names = "".join(f"  - {{id: a{i}, name: A{i}, kind: person}}\n" for i in range(2000))
    project.write("facts/extra.yml", "actors:\n" + names
                  + f"  - {{id: long, name: {'N' * 201}, kind: person}}\n")
    problems = project.problems()
    assert len(problems) == 2001
    assert problems[0] == ("facts/extra.yml:2:5: actors[0] (record 'a0'): no verified fact or "
                           "event concerns this actor; a page needs evidence")
    assert problems[-1] == (
        "facts/extra.yml:2002:16: actors[2000].name (record 'long'): String should have at most "
        f"200 characters (found '{'N' * 76}...')"
    )


def test_source_changed_after_its_facts_were_written(project: Project) -> None:
    seed = project.root / "seeds" / SEED.name
    changed = seed.read_bytes().replace(b"400-member", b"401-member")
    seed.write_bytes(changed)
    digest = hashlib.sha256(changed).hexdigest()
    left_out = (f"source '{SEED_ID}' did not verify (see its own error), so nothing can cite it")
    assert project.problems() == [  # the cause first, then every record that depended on it
        f"facts/sources.yml:4:5: sources[0].sha256 (record '{SEED_ID}'): source '{SEED_ID}' has "
        f"changed: seeds/{SEED_ID}.txt now has SHA-256 {digest}, but the registry pins "
        "30af8cc3b064c9d07a3ce441eb9a1fe153aac310b9100d1e728daabd3a05b750. Sources are evidence "
        "and are never edited: restore the original file, or register the new text as a new "
        "source",
        "facts/actors.yml:2:5: actors[0] (record 'xi-jinping'): no verified fact or event "
        "concerns this actor; a page needs evidence",
        "facts/actors.yml:3:5: actors[1] (record 'lee-jae-myung'): no verified fact or event "
        "concerns this actor; a page needs evidence",
        "facts/actors.yml:4:5: actors[2] (record 'china'): no verified fact or event concerns "
        "this actor; a page needs evidence",
        "facts/actors.yml:5:5: actors[3] (record 'japan'): no verified fact or event concerns "
        "this actor; a page needs evidence",
        "facts/actors.yml:6:5: actors[4] (record 'xinhua'): no verified fact or event concerns "
        "this actor; a page needs evidence",
        f"facts/claims.yml:7:9: facts[0].evidence[0].source (record 'selfies'): {left_out}",
        f"facts/claims.yml:14:9: facts[1].evidence[0].source (record 'export-controls'): "
        f"{left_out}",
        f"facts/claims.yml:23:9: facts[2].evidence[0].source (record 'one-china'): {left_out}",
    ]


# --- Record text in the built site: shown as text, never as markup ----------------------------

MARK = "__pwned"
SCRIPT = "<script>Object.assign(window,{__pwned:true})</script>"
TITLE = "</title><script>Object.assign(window,{__pwned:true})</script>"
IMG = '<img src=x onerror="window.__pwned=true">'
LINK = "[click me](javascript:window.__pwned=true)"
IMAGE = "![pic](javascript:window.__pwned=true)"
HREF = '<a href="javascript:window.__pwned=true">Evil Press</a>'
TAG = "<x-pwned>tag</x-pwned>"
MD = "*bold* _it_ `code` # hash & ~ = ^ | {{ jinja }} &lt;already&gt;"

AD = "Advertisement <x-pwned>buy</x-pwned> [Subscribe](javascript:window.__pwned=true) now."
DATELINE = "<svg onload=alert(document.domain)> 12 March 2026"
EVIL_BODY = (
    "Masthead " + SCRIPT + "\n\n" + DATELINE + "\n\n"
    "The council of " + SCRIPT + " Springfield met " + IMG + " on " + LINK + " at " + IMAGE
    + " in town.\n\n"
    + AD + "\n\n"
    "Hours later, the mayor of " + TITLE + " resigned, said <b>officials</b> " + TAG + ".\n\n"
    "Footer " + IMG + "\n"
)

FIELDS: dict[str, str] = {
    "actor name": "Council " + TITLE + " " + IMG,
    "actor alias": IMAGE + " " + TAG,
    "person name": "Mayor " + TITLE,
    "issue name": "Issue " + TITLE + " " + IMG + " " + LINK,
    "event name": "Meeting " + TITLE + " " + IMAGE,
    "second event name": "Resignation " + TITLE,
    "fact claim": "The council met " + SCRIPT + " " + IMG + " " + LINK + " " + IMAGE + " " + TAG,
    "markdown claim": "The mayor resigned " + MD,
    "fact date": "on " + LINK,
    "event date": "on " + LINK,
    "event place": SCRIPT + " Springfield",
    "ordering phrase": "Hours later, the mayor of " + TITLE,
    "headline": "Headline " + TITLE + " " + LINK,
    "byline": "By " + IMG,
    "contributor": IMAGE,
    "publisher": HREF,
    "distributor": SCRIPT,
    "copy of": "<iframe src=javascript:window.__pwned=true></iframe>",
    "published": DATELINE,
    "url": "https://example.test/?q=');window.__pwned=true;('&x=*a*_b_",
    "source body": "Hours later, the mayor of " + TITLE + " resigned, said <b>officials</b> " + TAG,
    "non-claim sentence": AD,
    "non-claim reason": "an advert " + IMG + " " + LINK,
}
"""Every hostile text field, with the text as an editor typed it."""

FIELD_PAGES = {
    "actor name": "actors/council/", "actor alias": "actors/council/",
    "person name": "actors/mayor/", "issue name": "issues/evil-issue/",
    "event name": "events/evil-meeting/", "second event name": "events/evil-resignation/",
    "fact claim": "issues/evil-issue/", "markdown claim": "events/evil-resignation/",
    "fact date": "issues/evil-issue/", "event date": "events/evil-meeting/",
    "event place": "events/evil-meeting/", "ordering phrase": "events/evil-meeting/",
    "headline": "sources/evil/", "byline": "sources/evil/", "contributor": "sources/evil/",
    "publisher": "sources/evil/", "distributor": "sources/evil/", "copy of": "sources/evil/",
    "published": "sources/evil/", "url": "sources/evil/", "source body": "sources/evil/",
    "non-claim sentence": "coverage/", "non-claim reason": "coverage/",
}


def _q(text: str) -> str:
    """A YAML double-quoted scalar holding ``text``."""
    return json.dumps(text, ensure_ascii=False)


def hostile_records() -> str:
    f = FIELDS
    evil_quote = ("The council of " + SCRIPT + " Springfield met " + IMG + " on " + LINK + " at "
                  + IMAGE + " in town.")
    return f"""\
sources:
  - id: evil
    kind: news-report
    file: evil.txt
    sha256: {hashlib.sha256(EVIL_BODY.encode()).hexdigest()}
    headline: {_q(f["headline"])}
    byline: {_q(f["byline"])}
    contributors: [{_q(f["contributor"])}]
    publisher: {_q(f["publisher"])}
    distributor: {_q(f["distributor"])}
    copy_of: {_q(f["copy of"])}
    published: {{date: "2026-03-12", text: {_q(f["published"])}}}
    url: {_q(f["url"])}
    body: {{starts_with: "The council of", ends_with: {_q("said <b>officials</b> " + TAG + ".")}}}
    non_claims: [{{sentence: {_q(f["non-claim sentence"])}, reason: {_q(f["non-claim reason"])}}}]
actors:
  - id: council
    name: {_q(f["actor name"])}
    kind: organisation
    aliases: [The council, {_q(f["actor alias"])}]
  - id: mayor
    name: {_q(f["person name"])}
    kind: person
    aliases: [the mayor]
issues:
  - id: evil-issue
    name: {_q(f["issue name"])}
events:
  - id: evil-meeting
    name: {_q(f["event name"])}
    date: {{text: {_q(f["event date"])}, precision: weekday}}
    place: {_q(f["event place"])}
    roles: [{{actor: council, role: initiator}}]
    issues: [evil-issue]
  - id: evil-resignation
    name: {_q(f["second event name"])}
    relations: [{{relation: after, event: evil-meeting, text: {_q(f["ordering phrase"])}}}]
    roles: [{{actor: mayor, role: participant}}]
facts:
  - id: evil-met
    claim: {_q(f["fact claim"])}
    actors: [council]
    issues: [evil-issue]
    event: evil-meeting
    attribution: {{kind: narration}}
    date: {{text: {_q(f["fact date"])}, precision: weekday}}
    evidence:
      - source: evil
        quote: {_q(evil_quote)}
  - id: evil-resigned
    claim: {_q(f["markdown claim"])}
    actors: [mayor]
    issues: [evil-issue]
    event: evil-resignation
    attribution: {{kind: quote, actor: council}}
    evidence:
      - source: evil
        quote: {_q(f["source body"] + ".")}
        refers: {{officials: council}}
"""


def make_hostile_project(root: Path, mkdocs_yml: str | None = None) -> Project:
    """The fixture project plus a hostile source and records that verify."""
    from conftest import FACTREF_YML, MKDOCS_YML

    p = Project(root)
    p.write_bytes(f"seeds/{SEED.name}", SEED.read_bytes())
    p.write_bytes("seeds/evil.txt", EVIL_BODY.encode())
    p.write("facts/sources.yml", SOURCES_YML)
    p.write("facts/actors.yml", ACTORS_YML)
    p.write("facts/claims.yml", GOOD_FACTS)
    p.write_bytes("facts/evil.yml", hostile_records().encode())
    p.write("mkdocs.yml", mkdocs_yml or MKDOCS_YML)
    p.write("factref.yml", FACTREF_YML)
    p.write("docs/index.md", "# Fixture\n\nSee the [actors](actors/index.md).\n")
    return p


class Page(HTMLParser):
    """A built page read as a browser's HTML parser would, for what record text could inject."""

    URL_ATTRS = {"href", "src", "srcdoc", "action", "formaction", "data", "xlink:href", "poster"}

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[str | None, str]] = []
        self.injected: list[str] = []
        self.text: list[str] = []
        self._script: list[str] | None = None
        self._script_type: str | None = None
        self._svg = 0
        self._skip = 0
        self._in_main = 0
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in attrs)}>"
        if tag == "x-pwned" or (tag in ("img", "iframe", "object", "embed") and self._in_main):
            self.injected.append(f"element from record text: {where}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and (MARK in value or "alert(" in value):
                self.injected.append(f"event handler from record text: {where}")
            if name in self.URL_ATTRS and value.strip().lower().startswith("javascript:"):
                self.injected.append(f"javascript: URL: {where}")
        if tag == "svg":
            self._svg += 1
        if tag == "title" and not self._svg:
            self.set_cdata_mode("title")  # RCDATA in HTML: only </title> ends it
        if tag == "script":
            self._script, self._script_type = [], dict(attrs).get("type")
        if tag in ("style", "title", "template"):
            self._skip += 1
        if tag == "main":
            self._in_main += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script_type, "".join(self._script)))
            self._script = None
        if tag == "svg":
            self._svg = max(0, self._svg - 1)
        if tag in ("style", "title", "template"):
            self._skip = max(0, self._skip - 1)
        if tag == "main":
            self._in_main = max(0, self._in_main - 1)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        elif not self._skip and self._in_main:
            self.text.append(data)

    def problems(self) -> list[str]:
        found = list(self.injected)
        for kind, code in self.scripts:
            if kind == "application/ld+json":
                json.loads(code)  # still one JSON document: record text did not close the element
            elif MARK in code or "alert(" in code:
                found.append(f"script from record text: <script>{code}</script>")
        return found

    def visible_text(self) -> str:
        return " ".join("".join(self.text).split())


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_hostile_project(tmp_path_factory.mktemp("hostile"))
    assert project.problems() == []
    done = project.build("--strict")
    assert done.returncode == 0, done.stderr
    return project.root / "site"


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


HOSTILE_PAGES = sorted(set(FIELD_PAGES.values()) | {
    "actors/", "issues/", "events/", "sources/", "timeline/", "map/", "coverage/", "",
})


@pytest.mark.parametrize("page", HOSTILE_PAGES, ids=lambda p: p or "home")
def test_record_text_never_becomes_markup(hostile_site: Path, page: str) -> None:
    path = hostile_site / page / "index.html"
    if not path.is_file():
        pytest.skip(f"this build has no {page} page")
    assert Page(path.read_text(encoding="utf-8")).problems() == []


def test_no_page_anywhere_carries_injected_markup(hostile_site: Path) -> None:
    found = {}
    for rel in _pages(hostile_site):
        problems = Page((hostile_site / rel).read_text(encoding="utf-8")).problems()
        if problems:
            found[rel] = problems
    assert found == {}


@pytest.mark.parametrize("field", list(FIELDS), ids=lambda f: f.replace(" ", "-"))
def test_record_text_is_shown_exactly_as_typed(hostile_site: Path, field: str) -> None:
    page = Page((hostile_site / FIELD_PAGES[field] / "index.html").read_text(encoding="utf-8"))
    assert " ".join(FIELDS[field].split()) in page.visible_text()


@pytest.mark.parametrize("page", sorted(set(FIELD_PAGES.values())))
def test_no_markdown_escape_shows_through(hostile_site: Path, page: str) -> None:
    """No record text here holds a backslash, so none may show: a visible one is an escape
    Markdown did not undo (it undoes them only before its own special characters)."""
    text = Page((hostile_site / page / "index.html").read_text(encoding="utf-8")).visible_text()
    shown = sorted({text[i : i + 2] for i in range(len(text) - 1) if text[i] == "\\"})
    assert shown == []


def test_search_index_keeps_record_text_escaped(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        for key in ("title", "text"):
            assert "<script" not in doc[key] and "<img" not in doc[key], doc["location"]
            assert "<x-pwned" not in doc[key] and "<iframe" not in doc[key], doc["location"]


# --- Nothing lost: one bad record is left out, and only it --------------------------------------

MORE_RECORDS = f"""\
issues:
  - {{id: export-controls-issue, name: China's export controls on Japan}}
events:
  - id: controls-event
    name: China imposes export controls on Japan
    roles: [{{actor: china, role: initiator}}, {{actor: japan, role: target}}]
    issues: [export-controls-issue]
facts:
  - id: controls-fact
    claim: China imposed export controls on Japan.
    actors: [china, japan]
    issues: [export-controls-issue]
    event: controls-event
    attribution: {{kind: narration}}
    evidence:
      - source: "{SEED_ID}"
        quote: China sent a very different message to Japan, escalating their dispute by
          imposing export controls
"""

BAD_RECORDS = {
    "tampered-quote": (
        fact("tampered", "China sent a message.", "China sent a very diferent message to Japan"),
        "facts/bad.yml:8:9: facts[0].evidence[0].quote (record 'tampered'): quote not found in "
        f"source '{SEED_ID}'. Nearest passage (line 13): \"China sent a very different message "
        "to Japan\". Differences: quote has \"diferent\" where the source has \"different\"",
    ),
    "malformed-file": (
        "facts:\n  - id: broken\n    claim: [unclosed\n",
        "facts/bad.yml:4:1: malformed YAML: while parsing a flow sequence did not find expected "
        "',' or ']'",
    ),
    "unknown-field": (
        "issues:\n  - {id: typo-issue, name: Typo, descripton: misspelt}\n",
        "facts/bad.yml:2:34: issues[0].descripton (record 'typo-issue'): unknown field "
        "'descripton'; allowed here: id, name",
    ),
}


def _warnings(stderr: str) -> list[str]:
    return [line.removeprefix("WARNING -  ") for line in stderr.splitlines()
            if line.startswith("WARNING")]


@pytest.mark.parametrize("bad", list(BAD_RECORDS))
def test_one_bad_record_is_reported_and_every_other_one_published(
    project: Project, bad: str
) -> None:
    project.write("facts/more.yml", MORE_RECORDS)
    clean = project.run()
    assert [str(p) for p in clean.problems] == []
    text, problem = BAD_RECORDS[bad]
    project.write("facts/bad.yml", text)

    done = project.build()
    assert done.returncode == 0, done.stderr
    assert _warnings(done.stderr) == [problem]
    site = project.root / "site"
    v = clean.verified
    expected = ([f"actors/{i}/index.html" for i in v.actors]
                + [f"issues/{i}/index.html" for i in v.issues]
                + [f"events/{i}/index.html" for i in v.events]
                + [f"sources/{i}/index.html" for i in v.sources])
    assert [page for page in expected if not (site / page).is_file()] == []
    assert len(expected) == 8  # five actors, an issue, an event, the source
    published = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert [f for f in v.facts if f'id="fact-{f}"' not in published] == []
    assert "fact-tampered" not in published and "typo-issue" not in published

    strict = project.build("--strict")
    assert strict.returncode == 1
    assert _warnings(strict.stderr) == [problem]
    assert "Aborted with 1 warnings in strict mode!" in strict.stdout + strict.stderr
