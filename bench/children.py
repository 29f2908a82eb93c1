"""Running one measured child process: wall time, its own peak RSS, exit code and output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@dataclass
class Run:
    seconds: float
    rss_mb: float
    rc: int
    timed_out: bool
    stdout: str
    stderr: str
    all_seconds: list[float] = field(default_factory=list)
    all_rss_mb: list[float] = field(default_factory=list)


def env() -> dict[str, str]:
    """The environment every child runs in: no MkDocs 2 banner, fixed hashing, no site URL."""
    out = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    out.pop("SITE_URL", None)
    return out


def module(name: str, *args: str) -> list[str]:
    """The command that runs ``bench.<name>`` (the children run from the repository root)."""
    return [sys.executable, "-m", f"bench.{name}", *args]


def child(cmd: list[str], *, timeout: float | None = None, nice: int = 0) -> Run:
    """Run ``cmd`` from the repository root; peak RSS is this child's own ``ru_maxrss``."""
    if nice:
        cmd = ["nice", "-n", str(nice), *cmd]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdout=out, stderr=err, env=env(), cwd=REPO, start_new_session=True
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        if timer:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            seconds=seconds,
            rss_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
            rc=proc.returncode,
            timed_out=timed_out.is_set(),
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


def must(run: Run, what: str) -> Run:
    if run.rc != 0:
        sys.stderr.write(run.stdout[-3000:] + run.stderr[-3000:])
        raise SystemExit(f"{what} failed (exit {run.rc})")
    return run


def alternating(commands: dict[str, list[str]], repeat: int, **kw: object) -> dict[str, Run]:
    """Each command ``repeat`` times, taking turns (a, b, a, b, ...), so that load on the machine
    falls on both sides alike; per command the fastest run, with the largest peak RSS seen."""
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(max(1, repeat)):
        for name, cmd in commands.items():
            runs[name].append(child(cmd, **kw))  # type: ignore[arg-type]
    out = {}
    for name, rs in runs.items():
        failed = [r for r in rs if r.rc != 0 or r.timed_out]
        if failed:
            out[name] = failed[0]
            continue
        fastest = min(rs, key=lambda r: r.seconds)
        fastest.all_seconds = [round(r.seconds, 3) for r in rs]
        fastest.all_rss_mb = [round(r.rss_mb, 1) for r in rs]
        fastest.rss_mb = max(r.rss_mb for r in rs)
        out[name] = fastest
    return out
