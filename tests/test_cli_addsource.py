"""`factref add-source`: a text or a saved page registered in one step, or nothing written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import SEED_ID, SOURCES_YML, Project
from test_cli import factref

PAGES = Path(__file__).parent / "pages"
READOUT = """\
Ministry of Foreign Affairs of Avalon

Readout

March 25, 2022

Foreign Minister Tamsin Hale spoke today with Foreign Minister Oren Vask of the Republic of
Brenna about the launch of March 24.

The ministers agreed to meet again later this month in Port Sayer, the ministry said.

Share this page
"""
READOUT_SHA = hashlib.sha256(READOUT.encode()).hexdigest()
READOUT_ID = f"001_{READOUT_SHA[:16]}"
OPTIONS = ["--kind", "readout", "--publisher", "Ministry of Foreign Affairs of Avalon",
           "--headline", "Foreign Minister Hale's call with Foreign Minister Vask"]


@pytest.fixture
def registry(project: Project) -> str:
    """The fixture's registry, with an editor's comments that must survive."""
    text = "# The sources, in order of registration.\n" + SOURCES_YML + "    # end of the seed\n"
    project.write("facts/sources.yml", text)
    return text


def add(project: Project, name: str, data: bytes | str, *args: str):  # type: ignore[no-untyped-def]
    path = project.root.parent / "incoming" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return factref(project, "add-source", str(path), *args)


def test_a_text_is_copied_pinned_named_and_registered(project: Project, registry: str) -> None:
    result = add(project, "readout.txt", READOUT, *OPTIONS, "--url",
                 "https://example.org/readout", "--retrieved", "2026-11-20")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"""\
registered source '{READOUT_ID}' (readout) in facts/sources.yml:14
  seeds/{READOUT_ID}.txt  SHA-256 {READOUT_SHA}
confirm in facts/sources.yml, and correct what is wrong:
  body starts with (line 7): 'Foreign Minister Tamsin Hale spoke'
  body ends with (line 10): 'Port Sayer, the ministry said.'
  published: 2022-03-25, read from the words 'March 25, 2022' (line 5)
  kind: readout
next: 2 claim-bearing body sentences to cite with factref new {READOUT_ID} "QUOTE" (or to \
declare under non_claims)
"""
    assert (project.root / "seeds" / f"{READOUT_ID}.txt").read_bytes() == READOUT.encode()
    assert (project.root / "facts/sources.yml").read_text(encoding="utf-8") == registry + f"""\
  - id: "{READOUT_ID}"
    kind: readout
    file: {READOUT_ID}.txt
    sha256: {READOUT_SHA}
    headline: Foreign Minister Hale's call with Foreign Minister Vask
    publisher: Ministry of Foreign Affairs of Avalon
    url: https://example.org/readout
    retrieved: '2026-11-20'
    published:
      date: '2022-03-25'
      text: March 25, 2022
    body:
      starts_with: Foreign Minister Tamsin Hale spoke
      ends_with: Port Sayer, the ministry said.
"""
    source = project.run().verified.sources[READOUT_ID]
    assert source.raw[source.body_start:source.body_end].startswith("Foreign Minister Tamsin")
    assert factref(project, "check").exit_code == 0


def test_a_saved_page_is_kept_beside_its_extracted_text(project: Project, registry: str) -> None:
    html = (PAGES / "readout.html").read_bytes()
    result = add(project, "readout.html", html, "--kind", "readout")
    page_sha = hashlib.sha256(html).hexdigest()
    sid = f"001_{page_sha[:16]}"
    text = (project.root / "seeds" / f"{sid}.txt").read_text(encoding="utf-8")
    assert result.exit_code == 0, result.output
    assert (project.root / "seeds" / f"{sid}.html").read_bytes() == html
    assert text.startswith("Foreign Minister Hale's Call with Republic of Brenna Foreign "
                           "Minister Vask\n\nMarch 25, 2022\n\nForeign Minister Tamsin Hale")
    assert "<" not in text and "Contact us" not in text
    lines = result.stdout.splitlines()
    assert lines[2] == (f"  seeds/{sid}.html  SHA-256 {page_sha} (the saved page; the .txt is "
                        "the article text trafilatura extracted from it)")
    assert lines[-3:-1] == [
        "  headline: \"Foreign Minister Hale's Call with Republic of Brenna Foreign Minister "
        "Vask\" (from the page's metadata)",
        "  publisher: 'Ministry of Foreign Affairs of Avalon' (from the page's metadata)"]
    registry_text = (project.root / "facts/sources.yml").read_text(encoding="utf-8")
    assert f"    original: {sid}.html\n    original_sha256: {page_sha}\n" in registry_text
    loaded = project.run().verified.sources[sid].record
    assert (loaded.kind, loaded.dateline and loaded.dateline.date) == ("readout", "2022-03-25")
    assert loaded.sha256 == hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize("args,message", [
    ([], "--kind is required: one of news-report, press-release, readout, transcript, "
         "statement, interview"),
    (["--kind", "readout"], "--headline is required"),
    ([*OPTIONS, "--id", "Readout"], "--id 'Readout' is not a valid id: use lower-case letters, "
                                    "digits, '-' and '_', at most 80 characters"),
    ([*OPTIONS, "--id", SEED_ID], f"source id '{SEED_ID}' is already registered; choose another "
                                  "--id"),
    ([*OPTIONS, "--dateline", "March 24"], "--dateline 'March 24': no full date written so is "
                                           "in the file; found: 'March 25, 2022'"),
    ([*OPTIONS, "--url", "ftp://example.org/x"],
     f"the registry entry would not load, so nothing was written:\nfacts/sources.yml:20:5: "
     f"sources[1].url (record '{READOUT_ID}'): a URL must start with http:// or https:// and "
     "hold no spaces, quotes or angle brackets (at most 500 characters) (found "
     "'ftp://example.org/x')"),
    ([*OPTIONS, "--outlet", "nobody"],
     "the new source did not verify, so nothing was written:\nfacts/sources.yml:20:15: "
     f"sources[1].outlets[0] (record '{READOUT_ID}'): unknown actor 'nobody'"),
])
def test_bad_options_write_nothing(project: Project, registry: str, args: list[str],
                                   message: str) -> None:
    result = add(project, "readout.txt", READOUT, *args)
    assert (result.exit_code, result.stderr) == (1, message + "\n")
    assert (project.root / "facts/sources.yml").read_text(encoding="utf-8") == registry
    assert sorted(p.name for p in (project.root / "seeds").iterdir()) == [f"{SEED_ID}.txt"]


@pytest.mark.parametrize("name,data,message", [
    ("seed.txt", (Path(__file__).parent.parent / "seeds" / f"{SEED_ID}.txt").read_bytes(),
     f"seed.txt is already registered, as source '{SEED_ID}' (same SHA-256)"),
    ("latin.txt", "Caf\u00e9 society reopens on the quay this week, the council said.".encode(
        "latin-1"), "latin.txt is not valid UTF-8 (byte 3); convert it first, e.g. iconv -f "
     "windows-1252 -t utf-8"),
    ("nul.txt", b"A text with a \x00 byte in it.\n", "nul.txt: line 1 holds the control "
     "character U+0000; a source text is plain text"),
    ("big.txt", b"word " * (11 * 2**20 // 5), "big.txt is 11.0 MB; a source text is at most "
     "10 MB"),
    ("page.html", b"\x89PNG\r\n\x1a\n\x00\x00garbage", "page.html is not a web page: it is "
     "empty or holds binary data"),
    ("empty.txt", b"  \n\n", "empty.txt is empty"),
])
def test_bad_files_get_a_clear_error(project: Project, registry: str, name: str, data: bytes,
                                     message: str) -> None:
    result = add(project, name, data, *OPTIONS)
    assert (result.exit_code, result.stderr) == (1, message + "\n")
    assert (project.root / "facts/sources.yml").read_text(encoding="utf-8") == registry


def test_without_a_dateline_published_is_not_stated(project: Project, registry: str) -> None:
    undated = READOUT.replace("March 25, 2022", "Friday")
    result = add(project, "undated.txt", undated, *OPTIONS)
    assert result.exit_code == 0
    assert "  published: not stated\n" in result.stdout
    assert ("note: no full date (like 'March 25, 2022') is written in the file, so "
            "'published' says 'not stated'\n") in result.stdout
    assert "    published: not stated\n" in (project.root / "facts/sources.yml").read_text(
        encoding="utf-8")


def test_several_dates_are_listed_and_one_can_be_chosen(project: Project, registry: str) -> None:
    text = READOUT.replace("the launch of March 24.", "the launch of 24 March 2022.")
    first = add(project, "a.txt", text, *OPTIONS)
    assert ("note: the file writes other dates too ('24 March 2022'); if one of them is the "
            "dateline, give its words with --dateline\n") in first.stdout
    second = add(project, "b.txt", text + "\n", *OPTIONS, "--dateline", "24 March 2022")
    assert "  published: 2022-03-24, read from the words '24 March 2022' (line 8)\n" in (
        second.stdout)
    digest = hashlib.sha256((text + "\n").encode()).hexdigest()
    assert second.stdout.startswith(f"registered source '002_{digest[:16]}'")


HOSTILE_PAGE = (PAGES / "hostile.html").read_bytes()


def test_a_hostile_page_is_published_as_text_never_as_markup(project: Project,
                                                             registry: str) -> None:
    result = add(project, "hostile.html", HOSTILE_PAGE, "--kind", "news-report")
    assert result.exit_code == 0, result.output
    sid = f"001_{hashlib.sha256(HOSTILE_PAGE).hexdigest()[:16]}"
    text = (project.root / "seeds" / f"{sid}.txt").read_text(encoding="utf-8")
    assert "injected" not in text and "javascript" not in text and "tracker" not in text
    build = project.build("--strict")
    assert build.returncode == 0, build.stderr
    page = project.page(f"sources/{sid}/index.html")
    assert "repair the old pier &lt;script&gt;alert(4)&lt;/script&gt; before" in page
    for needle in ("<script>alert", "<img src=x", "onerror=", "onload=", "onmouseover",
                   "javascript:", "tracker.example", "<b>reopens"):
        assert needle not in page, needle


def test_under_full_coverage_the_sentences_to_cite_are_required(project: Project,
                                                               registry: str) -> None:
    project.write("factref.yml", f"coverage:\n  require: full\n  sources: {{{SEED_ID}: report}}\n")
    result = add(project, "readout.txt", READOUT, *OPTIONS)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[-1] == (
        "next: 2 claim-bearing body sentences to cite (factref.yml requires every one) with "
        f"factref new {READOUT_ID} \"QUOTE\" (or to declare under non_claims)")
    check = factref(project, "check")
    assert check.exit_code == 1 and check.stderr.count("body sentence not cited") == 2


def test_a_page_date_its_text_does_not_write_is_not_taken(project: Project,
                                                         registry: str) -> None:
    html = (PAGES / "readout.html").read_bytes().replace(
        b'<p class="dateline">March 25, 2022</p>', b"")
    result = add(project, "undated.html", html, "--kind", "readout")
    assert result.exit_code == 0, result.output
    assert "  published: not stated\n" in result.stdout
    assert ("note: the page's markup gives 2022-03-25 as its publication date, but its text "
            "writes no such date, so 'published' says 'not stated'; if the page shows a "
            "dateline, give its words with --dateline\n") in result.stdout
