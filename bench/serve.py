"""How long an edit to one fact takes to show under `mkdocs serve`, end to end.

    python -m bench.serve CORPUS [--edits 3] [--dirty]

Starts ``mkdocs serve`` on CORPUS (a free local port), waits for the first build, then edits the
claim of one fact (in the middle claims file, a fact about an event) and polls that event's page
over HTTP until the new claim is served; then restores the claim and waits again. Each latency is
from the moment the file is written to the moment the changed page is served, so it includes the
file watcher, the whole rebuild and writing the site. The "Documentation built in N seconds"
lines of the server's log give the rebuild itself, and the number of entries in the served search
index after each edit shows whether a (dirty) rebuild still indexes every page. CORPUS is restored
afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

from .children import BIN, env
from .synth.yamlout import y

MARKERS = ("EDITMARKALPHA", "EDITMARKBRAVO", "EDITMARKCHARLIE", "EDITMARKDELTA", "EDITMARKECHO")
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pick_fact(corpus: Path) -> tuple[Path, str, str, str]:
    """(claims file, fact id, event id, claim) of a fact with an event, in the middle file."""
    files = sorted((corpus / "facts" / "claims").glob("*.yml"))
    for path in files[len(files) // 2 :] + files[: len(files) // 2]:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506
        for fact in doc.get("facts") or []:
            if fact.get("event"):
                return path, str(fact["id"]), str(fact["event"]), str(fact["claim"])
    raise SystemExit("no fact with an event in the corpus")


def set_claim(path: Path, fid: str, claim: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.rstrip() == f"  - id: {fid}")
    at = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("    claim:"))
    lines[at] = f"    claim: {y(claim)}\n"
    path.write_text("".join(lines), encoding="utf-8")


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:  # noqa: S310 - local server
            return r.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(url: str, test, timeout: float, interval: float = 0.05,
             proc: subprocess.Popen | None = None) -> float | None:
    """Seconds until ``test(page)`` holds, or None on timeout or once ``proc`` has exited."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout and (proc is None or proc.poll() is None):
        page = fetch(url)
        if page is not None and test(page):
            return time.perf_counter() - t0
        time.sleep(interval)
    return None


def search_docs(base: str) -> int | None:
    """Entries in the served search index (a dirty rebuild may index only the pages it built)."""
    page = fetch(f"{base}search/search_index.json")
    try:
        return len(json.loads(page)["docs"]) if page else None
    except (ValueError, KeyError, TypeError):
        return None


def hook_caches() -> set[Path]:
    """The folders the factref hook makes for `mkdocs serve --dirty` (it leaves them behind)."""
    return set(Path(tempfile.gettempdir()).glob("factref-serve-*"))


def remove_caches_of(corpus: Path, before: set[Path]) -> None:
    """Remove the hook's serve caches made since ``before`` that hold pages of ``corpus``."""
    sources = {p.stem for p in (corpus / "seeds").glob("*.txt")}
    for folder in hook_caches() - before:
        pages = {p.stem for p in (folder / "sources").glob("*.md")} - {"index"}
        if pages and pages <= sources:
            shutil.rmtree(folder, ignore_errors=True)


def measure(corpus: Path, edits: int = 3, timeout: float = 1800.0, dirty: bool = False) -> dict:
    corpus = corpus.resolve()
    mkdocs = BIN / "mkdocs"
    path, fid, event, claim = pick_fact(corpus)
    original = path.read_bytes()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    url = f"{base}events/{event}/"
    caches = hook_caches()
    log = tempfile.NamedTemporaryFile(prefix="factref-bench-serve-", suffix=".log", delete=False)
    t_start = time.perf_counter()
    proc = subprocess.Popen(
        [str(mkdocs), "serve", "-f", str(corpus / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
        + (["--dirty"] if dirty else []),
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env(),
        start_new_session=True,
    )
    result: dict = {
        "mode": "dirty" if dirty else "full",
        "fact": fid,
        "page": f"events/{event}/",
        "edits": [],
    }
    try:
        first = wait_for(url, lambda page: True, timeout, proc=proc)
        if first is None:
            result["error"] = ("the server exited before serving the page" if proc.poll()
                               is not None else "the server did not serve the page in time")
            return result
        result["first_page_seconds"] = time.perf_counter() - t_start
        result["search_docs_first"] = search_docs(base)
        time.sleep(1.0)  # let the watcher settle
        for n in range(edits):
            marker = MARKERS[n % len(MARKERS)]
            set_claim(path, fid, f"{claim} {marker}")
            shown = wait_for(url, lambda page, m=marker: m in page, timeout, proc=proc)
            docs_after = search_docs(base)
            path.write_bytes(original)
            gone = wait_for(url, lambda page, m=marker: m not in page, timeout, proc=proc)
            result["edits"].append(
                {
                    "edit_visible_seconds": shown,
                    "revert_visible_seconds": gone,
                    "search_docs_after_edit": docs_after,
                }
            )
            time.sleep(1.0)
    finally:
        path.write_bytes(original)
        try:
            os.killpg(proc.pid, signal.SIGINT)
            proc.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()
        text = Path(log.name).read_text(encoding="utf-8", errors="replace")
        os.unlink(log.name)
        remove_caches_of(corpus, caches)
        result["builds_seconds"] = [float(x) for x in BUILT.findall(text)]
        result["log_tail"] = text.splitlines()[-5:]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=1800.0)
    parser.add_argument("--dirty", action="store_true", help="run `mkdocs serve --dirty`")
    args = parser.parse_args()
    print(json.dumps(measure(args.corpus, args.edits, args.timeout, args.dirty), indent=2))


if __name__ == "__main__":
    main()
