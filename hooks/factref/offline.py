"""The offline bundle's 404 page: MkDocs writes it with links from the site root ("/assets/…"),
which from file:// point at the root of the disk. Rewritten relative to the bundle's root folder,
where the page lives, it is styled and its links work there too."""

from __future__ import annotations

import re

_ROOT_ATTR = re.compile(r'\b(href|src)="/(?!/)')
_ROOT_CONFIG = re.compile(r'"(base|search)": "/')


def relative_404(page: str) -> str:
    page = _ROOT_ATTR.sub(r'\1="./', page)
    return _ROOT_CONFIG.sub(lambda m: f'"{m.group(1)}": "./' if m.group(1) == "search"
                            else f'"{m.group(1)}": ".', page)
