"""`factref new`: a remembered quote pinned to one passage and written as a record that verifies."""

from __future__ import annotations

import hashlib

import pytest
from conftest import SEED_ID, Project
from factref.records import Fact
from factref.scaffold import ScaffoldError, add_fact, propose_id
from factref.yamlio import load
from test_cli import CLAIMS, factref, own_records

REPEATED = (
    "Masthead\n\nOn Monday the minister said the talks went well. Officials agreed. Later, the "
    "minister said the talks went well again.\n\nFooter\n"
)


@pytest.fixture
def repeated(project: Project) -> Project:
    """The fixture's records plus a source in which one phrase occurs twice."""
    own_records(project).write_bytes("seeds/rep.txt", REPEATED.encode())
    project.write("facts/rep.yml", f"""\
        sources:
          - id: rep
            file: rep.txt
            sha256: {hashlib.sha256(REPEATED.encode()).hexdigest()}
            headline: Talks
            publisher: Example
            kind: news-report
            published: not stated
            body: {{starts_with: On Monday, ends_with: went well again.}}
        actors:
          - {{id: minister, name: the minister, kind: person}}
        """)
    return project


def test_new_finds_a_remembered_quote_and_writes_it_as_printed(project: Project) -> None:
    result = factref(own_records(project), "new", SEED_ID,
                     '"Thanks to you,  I got the shot\n of a lifetime," Lee said',
                     "--claim", "Lee said he got the shot of a lifetime.",
                     "--actor", "lee-jae-myung", "--attribution", "quote:lee-jae-myung")
    assert (result.exit_code, result.output) == (0, (
        "wrote fact 'lee-he-got-shot-lifetime' to "
        f"facts/claims/{SEED_ID}.yml:3: verified\n"))
    assert (project.root / f"facts/claims/{SEED_ID}.yml").read_text(encoding="utf-8") == f"""\
# yaml-language-server: $schema=../../schemas/record-file.json
facts:
  - id: lee-he-got-shot-lifetime
    claim: Lee said he got the shot of a lifetime.
    actors: [lee-jae-myung]
    attribution: {{kind: quote, actor: lee-jae-myung}}
    evidence:
      - source: "{SEED_ID}"
        quote: “Thanks to you, I got the shot of a lifetime,” Lee said
"""
    assert factref(project, "check").exit_code == 0


def test_new_without_a_claim_uses_the_quote_and_appends_to_the_given_file(
        project: Project) -> None:
    result = factref(own_records(project), "new", SEED_ID,
                     "Lee has sought to position himself as a potential mediator",
                     "--actor", "lee-jae-myung", "--file", "facts/claims.yml")
    assert result.output == "wrote fact 'lee-sought-position-himself-potential-mediator' to " \
                            "facts/claims.yml:24: verified\n"
    assert (project.root / "facts/claims.yml").read_text(encoding="utf-8") == CLAIMS + f"""\
  - id: lee-sought-position-himself-potential-mediator
    claim: Lee has sought to position himself as a potential mediator
    actors: [lee-jae-myung]
    attribution: {{kind: narration}}
    evidence:
      - source: "{SEED_ID}"
        quote: Lee has sought to position himself as a potential mediator
"""


def test_new_lists_the_occurrences_of_an_ambiguous_quote(repeated: Project) -> None:
    result = factref(repeated, "new", "rep", "the minister said the talks went well",
                     "--actor", "minister")
    assert result.exit_code == 1
    assert result.stderr == (
        "quote is ambiguous: it occurs 2 times in source 'rep':\n"
        "  1. line 3, column 11: On Monday [the minister said the talks went well]. Officials "
        "agreed. Later, the…\n"
        "  2. line 3, column 75: …went well. Officials agreed. Later, [the minister said the "
        "talks went well] again.\n"
        "run it again with --occurrence N to cite one of them; the shortest prefix or suffix "
        "that makes it unique is added for you\n")
    assert not (repeated.root / "facts/claims/rep.yml").exists()


@pytest.mark.parametrize("occurrence,context", [("1", "prefix: Monday"), ("2", "prefix: Later,")])
def test_new_adds_the_shortest_context_of_whole_words(repeated: Project, occurrence: str,
                                                      context: str) -> None:
    result = factref(repeated, "new", "rep", "the minister said the talks went well",
                     "--actor", "minister", "--occurrence", occurrence, "--id", "talks")
    key, value = context.split(": ")
    assert result.output == (
        f"the quote occurs 2 times; cited occurrence {occurrence} with {key}: {value!r}\n"
        "wrote fact 'talks' to facts/claims/rep.yml:3: verified\n")
    written = (repeated.root / "facts/claims/rep.yml").read_text(encoding="utf-8")
    assert written.endswith(f"        quote: the minister said the talks went well\n"
                            f"        {context}\n")
    (passage,) = repeated.run().verified.passages["talks"]
    assert passage.start == REPEATED.index("the minister", 40 if occurrence == "2" else 0)


def test_new_shows_the_nearest_passage_when_the_quote_is_not_found(project: Project) -> None:
    result = factref(own_records(project), "new", SEED_ID,
                     "China sent a very diferent message to Japan")
    assert (result.exit_code, result.stderr) == (1, (
        f"quote not found in source '{SEED_ID}'. Nearest passage (line 13): \"China sent a very "
        "different message to Japan\". Differences: quote has \"diferent\" where the source has "
        "\"different\"\n"))
    assert not (project.root / "facts/claims").exists()


@pytest.mark.parametrize("args,message", [
    (["nope", "China sent a very different message"],
     f"source 'nope' is not a registered source; verified sources: {SEED_ID}"),
    ([SEED_ID, "in Beijing"],
     "quote is too short (2 words; at least 4 are needed): quote the whole phrase that "
     "supports the claim"),
    ([SEED_ID, "China sent a very different message", "--occurrence", "2"],
     f"--occurrence 2: the quote occurs 1 time in source '{SEED_ID}'"),
    ([SEED_ID, "China sent a very different message", "--attribution", "rumour"],
     "--attribution 'rumour': the kind must be one of narration, quote, paraphrase, report"),
    ([SEED_ID, "China sent a very different message", "--actor", "China"],
     "--actor 'China' is not a valid id: use lower-case letters, digits, '-' and '_' (no "
     "spaces, dots, slashes or upper case), at most 80 characters"),
])
def test_new_refuses_and_writes_nothing(project: Project, args: list[str], message: str) -> None:
    result = factref(own_records(project), "new", *args)
    assert (result.exit_code, result.stderr) == (1, message + "\n")
    assert not (project.root / "facts/claims").exists()


NOT_NAMED = (
    f"facts/claims/{SEED_ID}.yml:5:14: facts[0].actors[0] (record "
    "'china-sent-message-japan'): actor 'xinhua' is not named in the evidence (by 'Xinhua "
    "News Agency' or 'Xinhua'); quote the words that name it, add an alias, or declare a "
    "pronoun under 'refers'\n")


def test_new_writes_nothing_that_does_not_verify(project: Project) -> None:
    result = factref(own_records(project), "new", SEED_ID, "China sent a very different message",
                     "--claim", "China sent a message to Japan.", "--actor", "xinhua")
    assert (result.exit_code, result.stderr) == (1, NOT_NAMED)
    assert result.stdout == (
        "not written: fact 'china-sent-message-japan' has 1 problem; fix it, or keep the fact "
        "as a draft with --draft\n")
    assert not (project.root / f"facts/claims/{SEED_ID}.yml").exists()
    assert factref(project, "check").exit_code == 0


def test_a_draft_is_kept_apart_never_published_and_fails_the_check(project: Project) -> None:
    own_records(project)
    before = (project.root / "facts/claims.yml").read_text(encoding="utf-8")
    result = factref(project, "new", SEED_ID, "China sent a very different message",
                     "--claim", "China sent a message to Japan.", "--actor", "xinhua",
                     "--draft", "--file", "facts/claims.yml")
    assert (result.exit_code, result.stdout) == (1, (
        "wrote draft 'china-sent-message-japan' to facts/claims.yml:26 under 'drafts:' (1 "
        "problem): not published; factref check fails until you fix it and move it under "
        "'facts:'\n"))
    text = (project.root / "facts/claims.yml").read_text(encoding="utf-8")
    assert text == before + """
drafts:
  - id: china-sent-message-japan
    claim: China sent a message to Japan.
    actors: [xinhua]
    attribution: {kind: narration}
    evidence:
      - source: "000_ed07831bd54794ff"
        quote: China sent a very different message
"""
    check = factref(project, "check")
    assert check.exit_code == 1
    assert check.stderr == (
        "facts/claims.yml:25:1: drafts: 1 draft record ('china-sent-message-japan') not "
        "published: fix each and move it under 'facts:' (factref check then verifies it), or "
        "delete it\n")
    assert "china-sent-message-japan" not in project.run().verified.facts
    build = project.build("--strict")
    assert build.returncode == 1 and "1 draft record" in build.stderr


def test_proposed_ids_are_slugs_unique_among_the_facts() -> None:
    assert propose_id("Xi’s “new era” of ties with Seoul, 2026", set()) == (
        "xi-new-era-ties-seoul-2026")
    assert propose_id("Selfies!", {"selfies", "selfies-2"}) == "selfies-3"
    assert propose_id("The", set()) == "the"
    assert propose_id("—", set()) == "fact"


FACT = Fact.model_validate({"id": "new-one", "claim": "Yes: no.", "issues": ["i"],
                            "attribution": {"kind": "narration"},
                            "evidence": [{"source": "s", "quote": "a b c d"}]})
ITEM = """\
- id: new-one
  claim: 'Yes: no.'
  issues: [i]
  attribution: {kind: narration}
  evidence:
    - source: "s"
      quote: a b c d
"""


def indented(prefix: str) -> str:
    return "".join(prefix + line + "\n" for line in ITEM.splitlines())


@pytest.mark.parametrize("before,after,line", [
    (None, "# yaml-language-server: $schema=S\nfacts:\n" + indented("  "), 3),
    ("", "facts:\n" + indented("  "), 2),
    ("actors: []\n", "actors: []\n\nfacts:\n" + indented("  "), 4),
    ("facts:\n    - {id: a}\n", "facts:\n    - {id: a}\n" + indented("    "), 3),
    ("facts:\n- {id: a}\n", "facts:\n- {id: a}\n" + indented(""), 3),
    ("facts:\n  - {id: a}\n\n# the actors\nactors: []\n",
     "facts:\n  - {id: a}\n" + indented("  ") + "\n# the actors\nactors: []\n", 3),
    ("facts:\nactors: []\n", "facts:\n" + indented("  ") + "actors: []\n", 2),
    ("facts:\n-   id: a\n", "facts:\n-   id: a\n" + indented(""), 3),
    ("facts:\r\n  - {id: a}\r\n", ("facts:\n  - {id: a}\n" + indented("  ")).replace(
        "\n", "\r\n"), 3),
])
def test_add_fact_keeps_the_file_layout(before: str | None, after: str, line: int) -> None:
    assert add_fact(before, FACT, "S") == (after, line)


@pytest.mark.parametrize("before,message", [
    ("facts: []\n", "its 'facts' list is not written one item per line ('- id: ...'); add the "
                    "record by hand or write it to another file with --file"),
    ("facts: [\n", "it does not parse (line 2: malformed YAML: while parsing a flow node did "
                   "not find expected node content); fix it first"),
    ("- a\n", "it is not a mapping of record lists"),
])
def test_add_fact_refuses_files_it_cannot_extend_safely(before: str, message: str) -> None:
    with pytest.raises(ScaffoldError) as exc:
        add_fact(before, FACT, "S")
    assert exc.value.message == message


def test_added_record_reads_back_as_the_same_fact() -> None:
    fact = Fact.model_validate({
        "id": "odd", "claim": "Two\nlines: 'yes' and \"no\", # not a comment", "event": "null-ish",
        "actors": ["yes", "no"], "attribution": {"kind": "quote", "actor": "on"},
        "evidence": [{"source": "000", "quote": "a: b # c", "prefix": "- x", "suffix": "!y"}]})
    text, line = add_fact("facts:\n  - {id: a}\n", fact, "S")
    assert line == 3
    assert "    claim: \"Two\\nlines: 'yes' and \\\"no\\\", # not a comment\"\n" in text
    doc = load(text.encode())
    assert Fact.model_validate(doc["facts"][1]) == fact
