"""A saved web page → its article text, title, site name and publication date, offline.

trafilatura extracts the main text and htmldate reads the date from the page's markup; both get
an already parsed tree, never a URL, so nothing is fetched. The page is untrusted: it is refused
when too large, binary or in an encoding it does not declare, and what comes out is plain text
(no tags, no scripts, no link targets, no control characters) that the site escapes like any
other source text.
"""

from __future__ import annotations

import codecs
import datetime
import re
from dataclasses import dataclass
from typing import Any

import htmldate
import trafilatura
import trafilatura.settings

MAX_PAGE_BYTES = 10 * 1024 * 1024
"""A saved article page is rarely over 2 MB; past this it is not an article (or not one page)."""

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TAG = re.compile(r"<[^<>]{0,500}>")
_SCRIPT = re.compile(r"<(script|style)\b[^>]{0,500}>.*?</\1\s*>", re.I | re.S)
_BINARY = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_CHAR_REF = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));?")


class PageError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Page:
    """What a saved page says, as plain text."""

    text: str
    """The article's paragraphs, separated by blank lines, ending with a newline."""
    title: str | None
    sitename: str | None
    date: datetime.date | None
    """The original publication date in the page's markup (htmldate), if it gives one."""


def read_page(data: bytes, name: str) -> Page:
    """The article in ``data`` (the bytes of a saved page called ``name``), or a PageError."""
    if len(data) > MAX_PAGE_BYTES:
        raise PageError(f"{name} is {len(data) / 2**20:.1f} MB; a saved article page is at most "
                        f"{MAX_PAGE_BYTES // 2**20} MB (save only the article's page)")
    html = _CHAR_REF.sub(_control_ref_to_space, decode(data, name))
    doc = trafilatura.bare_extraction(
        _tree(html, name), with_metadata=True, include_comments=False, include_links=False,
        include_images=False, include_formatting=False, include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True})
    if not isinstance(doc, trafilatura.settings.Document):
        doc = trafilatura.settings.Document()
    text = plain_text(doc.text)
    if not text:
        raise PageError(f"{name}: no article text found in the page (trafilatura found no main "
                        "content); save the article's text as a .txt file and add that instead")
    return Page(text, one_line(doc.title), one_line(doc.sitename), page_date(html, name))


def decode(data: bytes, name: str) -> str:
    """The page as text: UTF-8, or the encoding its <meta charset> declares."""
    if _BINARY.search(data[:65536]) or not data.strip():
        raise PageError(f"{name} is not a web page: it is empty or holds binary data")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = exc.start
    declared = _CHARSET.search(data[:4096])
    encoding = declared[1].decode("ascii") if declared else None
    try:
        if encoding and codecs.lookup(encoding).name != "utf-8":
            html = data.decode(encoding)
            if "<" in html[:1024] and not _CONTROL.search(html):  # it reads as markup
                return html
    except (LookupError, UnicodeDecodeError):
        pass
    said = f"declares {encoding!r} but is not valid in it" if encoding else "declares no encoding"
    raise PageError(f"{name} is not valid UTF-8 (byte {bad}) and {said}; save the page again as "
                    "UTF-8")


def _control_ref_to_space(m: re.Match[str]) -> str:
    """``&#7;`` and the like: a control character the extractor's XML cannot hold, so a space."""
    code = int(m[1], 16) if m[1] else int(m[2])
    return " " if code < 32 and chr(code) not in "\t\n\r" or code == 0x7F else m[0]


def _tree(html: str, name: str) -> Any:  # an lxml HtmlElement (lxml ships no type stubs)
    tree = trafilatura.load_html(html)
    if tree is None:
        raise PageError(f"{name} is not a web page: it could not be parsed as HTML")
    return tree


def page_date(html: str, name: str) -> datetime.date | None:
    """The original publication date stated in the page's markup (not guessed from its text)."""
    found = htmldate.find_date(_tree(html, name), extensive_search=False, original_date=True)
    return datetime.date.fromisoformat(found) if found else None


def plain_text(text: str | None) -> str:
    """Extracted text as a source file: one paragraph a line-pair, no control characters."""
    lines = [" ".join(_CONTROL.sub(" ", line).split()) for line in (text or "").splitlines()]
    kept = [line for line in lines if line]
    return "\n\n".join(kept) + "\n" if kept else ""


def one_line(value: str | None, limit: int = 200) -> str | None:
    """Page metadata as a record label: tags that leaked into it removed, one line, bounded."""
    if not value:
        return None
    text = " ".join(_CONTROL.sub(" ", _TAG.sub(" ", _SCRIPT.sub(" ", value))).split())
    return text[:limit].rstrip() or None
