"""Real `mkdocs build --strict` runs on small fixture sites in tmp_path."""

from __future__ import annotations

from conftest import SEED_ID, Project, fact
from factref.text import normalise_quote
from sitecheck import broken_links, citation_links, resolve, text_after_anchor


def test_strict_build_generates_every_page_type(project: Project) -> None:
    done = project.build("--strict")
    assert done.returncode == 0, done.stderr
    site = project.root / "site"
    for page in ("actors/index.html", "actors/xi-jinping/index.html", "actors/xinhua/index.html",
                 f"sources/{SEED_ID}/index.html", "sources/index.html", "issues/index.html",
                 "events/index.html"):
        assert (site / page).is_file(), page
    assert broken_links(site) == []


def test_every_citation_lands_on_text_that_contains_the_quote(project: Project) -> None:
    assert project.build("--strict").returncode == 0
    site = project.root / "site"
    result = project.run()
    checked = 0
    for page in (site / "actors").rglob("index.html"):
        for href in citation_links(page):
            found = resolve(site, page, href)
            assert found is not None
            target, anchor = found
            start, end = (int(x) for x in anchor.removeprefix("q-").split("-"))
            raw = result.verified.sources[SEED_ID].raw[start:end]
            assert text_after_anchor(target, anchor).startswith(normalise_quote(raw))
            checked += 1
    assert checked >= 5


def test_source_page_links_each_passage_back_to_its_facts(project: Project) -> None:
    assert project.build("--strict").returncode == 0
    page = project.page(f"sources/{SEED_ID}/index.html")
    assert 'href="../../actors/xi-jinping/#fact-selfies"' in page
    assert page.count('class="fr-body"') == 22
    assert page.count('class="fr-furniture"') == 12
    assert '<mark class="fr-cited" data-depth="1" data-passages="q-2875-2964">' in page
    # the note beside the paragraph: the passage's number, its start, and each claim citing it
    assert ('<li class="fr-note" id="cited-q-2875-2964" data-passage="q-2875-2964"><a '
            'class="fr-note-n" href="#q-2875-2964" aria-label="Passage 3">3</a><ul><li><a '
            'href="../../actors/lee-jae-myung/#fact-one-china" data-fact="fact-one-china" '
            'title="Lee reiterated respect for the &quot;One China&quot; policy, according to '
            'Xinhua.">Lee reiterated respect for the &#34;One China&#34; policy, according to '
            'Xinhua.</a></li></ul></li>') in page
    assert "- claim" not in page and "(line " not in page


def test_record_text_is_data_not_markup(project: Project) -> None:
    hostile = "<script>alert('x')</script> *bold* [x](javascript:alert('y')) ![i](http://e/x.png)"
    project.write("facts/extra.yml", fact(
        "hostile", f'"{hostile}"', "China sent a very different message to Japan"))
    assert project.build("--strict").returncode == 0
    page = project.page("actors/china/index.html")
    assert "<script>alert(" not in page
    assert 'href="javascript:' not in page
    assert ("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; *bold* [x](javascript:alert("
            "&#39;y&#39;)) ![i](http://e/x.png)") in page
    assert "<img" not in page.split('class="md-content"')[1]


def test_tampered_quote_fails_the_strict_build_with_location(project: Project) -> None:
    project.write("facts/extra.yml", fact(
        "tampered", "China sent a message.", "China sent a very diferent message to Japan"))
    done = project.build("--strict")
    assert done.returncode == 1
    assert (
        "WARNING -  facts/extra.yml:8:9: facts[0].evidence[0].quote (record 'tampered'): quote "
        f"not found in source '{SEED_ID}'. Nearest passage (line 13): \"China sent a very "
        "different message to Japan\"." in done.stderr
    )
    assert "Aborted with 1 warnings in strict mode!" in done.stdout + done.stderr


def test_without_strict_the_bad_record_is_left_out_and_the_rest_published(
    project: Project,
) -> None:
    project.write("facts/extra.yml", fact(
        "tampered", "China sent a message.", "China sent a very diferent message to Japan"))
    done = project.build()
    assert done.returncode == 0
    assert "record 'tampered'" in done.stderr
    page = project.page("actors/china/index.html")
    assert "fact-export-controls" in page and "fact-tampered" not in page


def test_changed_source_fails_the_build_naming_it(project: Project) -> None:
    seed = project.root / "seeds" / f"{SEED_ID}.txt"
    seed.write_bytes(seed.read_bytes().replace(b"400-member", b"401-member"))
    done = project.build("--strict")
    assert done.returncode == 1
    assert f"source '{SEED_ID}' has changed: seeds/{SEED_ID}.txt now has SHA-256" in done.stderr


def test_duplicate_key_fails_the_build_with_its_line(project: Project) -> None:
    project.write("facts/extra.yml", fact(
        "dup", "China escalated the dispute.", "escalating their dispute by imposing export "
        "controls", extra="    claim: A second claim.\n"))
    done = project.build("--strict")
    assert done.returncode == 1
    assert ("WARNING -  facts/extra.yml:6:5: duplicate key 'claim' (first given on line 3); YAML "
            "would silently keep only the last value") in done.stderr


def test_hand_written_page_in_the_way_of_a_generated_one_is_reported(project: Project) -> None:
    project.write("docs/actors/china.md", "# Mine\n")
    done = project.build("--strict")
    assert done.returncode == 1
    assert "docs/actors/china.md is generated from the records" in done.stderr


def test_edit_this_page_opens_the_record_behind_a_generated_page(project: Project) -> None:
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "theme:", "edit_uri_template: https://example.org/r/edit/main/{path}\ntheme:\n"
                  "  features: [content.action.edit]", 1).replace(
        "  name: material", "  name: material", 1), encoding="utf-8")
    done = project.build("--strict")
    assert done.returncode == 0, done.stderr
    assert 'href="https://example.org/r/edit/main/facts/actors.yml"' in project.page(
        "actors/china/index.html")
    assert 'href="https://example.org/r/edit/main/facts/sources.yml"' in project.page(
        f"sources/{SEED_ID}/index.html")
    assert 'href="https://example.org/r/edit/main/docs/index.md"' in project.page("index.html")
