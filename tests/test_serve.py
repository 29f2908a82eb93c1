"""Live editing: `mkdocs serve` picks up record edits, survives a broken record, and recovers."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from conftest import Project, fact


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait(check: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def _log(project: Project) -> str:
    return (project.root / "serve.log").read_text(encoding="utf-8")


@contextmanager
def _serving(project: Project, *options: str) -> Iterator[str]:
    """``mkdocs serve`` on the project until the block ends; yields its URL."""
    port = _free_port()
    args = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *options]
    log = (project.root / "serve.log").open("w")
    proc = subprocess.Popen(args, cwd=project.root, stdout=log, stderr=subprocess.STDOUT,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(lambda: "Xi Jinping" in _get(f"{url}/actors/xi-jinping/"), "the first build")
        yield url
    finally:
        # Stopped as from the keyboard, so that MkDocs runs the hook's shutdown, which removes
        # the serve cache (a terminated server leaves it in the temporary folder).
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=20)
        log.close()


@pytest.fixture(params=["full", "dirty"])
def served(project: Project, request: pytest.FixtureRequest) -> Iterator[tuple[Project, str]]:
    with _serving(project, *(["--dirty"] if request.param == "dirty" else [])) as url:
        yield project, url


def test_edits_show_up_and_a_broken_record_does_not_stop_the_server(
    served: tuple[Project, str],
) -> None:
    project, url = served
    page = f"{url}/actors/china/"
    good = fact("live", "China sent Japan a very different message.",
                "China sent a very different message to Japan")
    project.write("facts/live.yml", good)
    _wait(lambda: "China sent Japan a very different message." in _get(page), "the new fact")

    project.write("facts/live.yml", good.replace("very different message", "very diferent message"))
    _wait(lambda: "fact-live" not in _get(page), "the broken fact to be left out")
    assert "fact-export-controls" in _get(page)  # the rest of the site is still served

    project.write("facts/live.yml", good.replace("Japan a very", "Japan a markedly"))
    _wait(lambda: "China sent Japan a markedly different message." in _get(page), "recovery")
    # The served search index follows the edits, with each page once (under --dirty too, where
    # Material's index keeps the previous build's entries).
    index = json.loads(_get(f"{url}/search/search_index.json"))
    locations = [doc["location"] for doc in index["docs"]]
    assert len(locations) == len(set(locations))
    assert "markedly" in " ".join(doc.get("claims", "") for doc in index["docs"])


@pytest.mark.parametrize("served", ["full"], indirect=True)  # --dirty keeps every old file
def test_a_page_an_edit_removes_is_no_longer_served(served: tuple[Project, str]) -> None:
    # Unchanged pages' files stay in the site folder between rebuilds (inplace.py): a page the
    # records no longer make must not stay with them.
    project, url = served
    actors = (project.root / "facts" / "actors.yml").read_text(encoding="utf-8")
    project.write("facts/actors.yml", actors + "  - {id: taiwan, name: Taiwan, kind: state}\n")
    live = project.write("facts/live.yml", fact(
        "claims", "China claims Taiwan.", "China, which claims Taiwan as part of its territory",
        actors="[china, taiwan]"))
    _wait(lambda: "China claims Taiwan." in _get(f"{url}/actors/taiwan/"), "the new actor's page")
    live.unlink()  # the actor is left without a fact, and so without a page
    _wait(lambda: _get(f"{url}/actors/taiwan/") == "", "the removed actor's page to go")
    project.write("facts/actors.yml", actors)
    assert "Xi Jinping" in _get(f"{url}/actors/xi-jinping/")


_LIVERELOAD = re.compile(r"<script>[^<]*livereload[^<]*</script>(?=</body>)", re.S)
_CANONICAL = re.compile(r'\s*<link rel="canonical" href="[^"]*">')


def _lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


def _served_form(page: str) -> list[str]:
    """A page's lines as a build writes them: without what the server adds (the live-reload
    script) and the canonical link to the server's own address, which a build without a site
    URL does not write."""
    return _lines(_CANONICAL.sub("", _LIVERELOAD.sub("", page)))


def test_after_an_edit_every_page_served_is_the_page_a_fresh_build_makes(
    served: tuple[Project, str], request: pytest.FixtureRequest,
) -> None:
    # The server re-renders only what the edit touched and reuses the rest: what it serves must
    # still be, page for page, what a clean build of the same records writes.
    project, url = served
    mode = request.node.callspec.params["served"]
    project.write("facts/live.yml", fact("live", "China sent Japan a very different message.",
                                         "China sent a very different message to Japan"))
    _wait(lambda: "very different message." in _get(f"{url}/actors/china/"), "the new fact")
    _wait(lambda: _log(project).count("unchanged ones reused") >= 2, "the rebuild's summary")
    builds = [(int(a), int(b)) for a, b in re.findall(
        r"factref: (\d+) generated pages themed, (\d+) unchanged ones reused", _log(project))]
    (first, none), (themed, reused) = builds[0], builds[-1]
    assert none == 0  # the first build themes every page
    assert themed < first / 2, builds  # the edit's build themes only the pages it touched
    if mode == "full":  # (--dirty skips the others altogether)
        assert themed + reused == first
        # and the reused pages' files stayed in the site folder, not written again (inplace.py)
        assert f"{reused} unchanged ones reused ({reused} left in place)" in _log(project)
    done = project.build()
    assert done.returncode == 0, done.stderr
    site = project.root / "site"
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert len(pages) > 10
    for rel in pages:
        served_page = _get(f"{url}/{rel.removesuffix('index.html')}")
        assert _served_form(served_page) == _lines((site / rel).read_text(encoding="utf-8")), rel
    # and so are the files made from every record, parts of which are kept between rebuilds
    for rel in ("export.json", "search/search_index.json"):
        assert _get(f"{url}/{rel}") == (site / rel).read_text(encoding="utf-8"), rel
    if mode != "full":
        return  # --dirty rebuilds no unchanged page after a change to mkdocs.yml (MkDocs' rule)
    # The frame of every page (here the site's name, in mkdocs.yml) is part of what a reused
    # output is kept for: a page no edit touched shows the new frame too.
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    project.write("mkdocs.yml", config.replace("site_name: Fixture", "site_name: Renamed"))
    _wait(lambda: "Renamed" in _get(f"{url}/actors/japan/"), "an untouched page's new frame")


def test_a_reused_page_follows_an_edit_of_the_theme_overrides(project: Project) -> None:
    # Plain `mkdocs serve` does not watch the theme: an edited override shows with the next
    # rebuild, on every page, the pages whose output is reused (reuse.py) and left in place
    # (inplace.py) included.
    project.write("overrides/main.html", '{% extends "base.html" %}\n'
                  "{% block content %}{{ super() }}<p>frame-one</p>{% endblock %}\n")
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    project.write("mkdocs.yml", config.replace("  name: material\n",
                                               "  name: material\n  custom_dir: overrides\n"))
    with _serving(project) as url:
        assert "frame-one" in _get(f"{url}/actors/japan/")
        project.write("overrides/main.html", '{% extends "base.html" %}\n'
                      "{% block content %}{{ super() }}<p>frame-two</p>{% endblock %}\n")
        project.write("facts/live.yml", fact("live", "China sent Japan a very different message.",
                                             "China sent a very different message to Japan",
                                             actors="[china]"))
        _wait(lambda: "very different message." in _get(f"{url}/actors/china/"), "the new fact")
        assert "frame-two" in _get(f"{url}/actors/china/")  # themed again
        assert "frame-two" in _get(f"{url}/actors/xi-jinping/")  # untouched by the edit
