"""The machine, the library versions and the commit a benchmark run measured."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

from .children import REPO

DISTRIBUTIONS = (
    "mkdocs",
    "mkdocs-material",
    "pydantic",
    "pydantic-core",
    "PyYAML",
    "Jinja2",
    "Markdown",
)


def git_state() -> dict:
    def git(*a: str) -> str:
        try:
            return subprocess.run(
                ["git", *a], cwd=REPO, capture_output=True, text=True, check=False
            ).stdout.strip()
        except OSError:
            return ""

    dirty = git("status", "--porcelain", "--", "hooks", "mkdocs.yml", "pyproject.toml")
    return {"commit": git("rev-parse", "--short", "HEAD"), "pipeline_dirty": bool(dirty)}


def machine() -> dict:
    model, mem = "", 0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) // 1024
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": model or platform.processor(),
        "ram_mb": mem,
        "os": f"{platform.system()} {platform.release()}",
    }


def versions() -> dict:
    import yaml

    out = {"python": platform.python_version()}
    for dist in DISTRIBUTIONS:
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "-"
    out["libyaml"] = _libyaml_version() if yaml.__with_libyaml__ else "not available"
    return out


def _libyaml_version() -> str:
    try:
        from yaml import _yaml  # type: ignore[attr-defined]

        return str(_yaml.get_version_string())
    except (ImportError, AttributeError):
        return "-"
