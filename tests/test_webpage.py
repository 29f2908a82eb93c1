"""Saved web pages: the article text comes out clean, and bad pages get a clear error, offline."""

from __future__ import annotations

import datetime
import socket
from pathlib import Path

import pytest
from factref.webpage import MAX_PAGE_BYTES, PageError, read_page

PAGES = Path(__file__).parent / "pages"
READOUT = (PAGES / "readout.html").read_bytes()
ARTICLE = ("<p>The harbour council of Eastwick voted on Tuesday to repair the old pier before "
           "the winter storms arrive.</p>\n<p>The council said the repairs would take three "
           "weeks and cost less than the new pier that was planned last year.</p>\n")


def page(body: str, head: str = "<title>Pier repairs</title>") -> bytes:
    return (f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body><article>"
            f"{body}{ARTICLE}</article></body></html>").encode()


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test: extraction must use the file only."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_the_article_text_title_site_and_date_come_from_the_page() -> None:
    got = read_page(READOUT, "readout.html")
    assert got.text.split("\n\n") == [
        "Foreign Minister Hale's Call with Republic of Brenna Foreign Minister Vask",
        "March 25, 2022",
        "Foreign Minister Tamsin Hale spoke today with Republic of Brenna (ROB) Foreign Minister "
        "Oren Vask about the Northern Republic of Carden's (NRC) March 24 long-range missile "
        "launch.",
        "Foreign Minister Hale and Foreign Minister Vask condemned the launch as a clear breach "
        "of the Harbour Accord and called on the NRC to return to talks.",
        "The two ministers agreed that Avalon and the ROB would meet again later this month in "
        "Port Sayer to discuss the security of the Northern Strait.\n"]
    assert "Contact us" not in got.text and "All rights reserved" not in got.text
    assert got.sitename == "Ministry of Foreign Affairs of Avalon"
    assert got.title == ("Foreign Minister Hale's Call with Republic of Brenna Foreign Minister "
                         "Vask")
    assert got.date == datetime.date(2022, 3, 25)


def test_a_page_whose_address_is_in_the_markup_is_not_fetched() -> None:
    head = ("<title>Pier</title><link rel='canonical' href='https://example.org/pier'>"
            "<meta property='og:url' content='https://example.org/pier'>")
    assert "harbour council" in read_page(page("", head), "p.html").text


HOSTILE = [
    ("<script>alert('x')</script><p onclick=\"alert('y')\">Click</p>", ["alert", "onclick"]),
    ("<p><a href=\"javascript:alert(1)\">here</a> and <img src=x onerror=\"alert(2)\"></p>",
     ["javascript", "alert", "onerror", "<"]),
    ("<style>body{background:url(javascript:alert(3))}</style><iframe src='https://evil.example'>"
     "</iframe><svg onload=alert(4)><script>alert(5)</script></svg>",
     ["alert", "evil", "javascript", "background"]),
    ("<p>Broken <b><i>nesting</b></i> <div><p>and <unclosed", ["<b", "<i", "<div"]),
    ("<p>A &#0;null, a &#7;bell and a &#x9f;C1 control</p>", ["\u0000", "\u0007", "\x9f", "&#"]),
]


@pytest.mark.parametrize("body,absent", HOSTILE)
def test_hostile_markup_gives_clean_text(body: str, absent: list[str]) -> None:
    text = read_page(page(body), "hostile.html").text
    assert "harbour council of Eastwick voted" in text
    for needle in absent:
        assert needle not in text


def test_markup_in_the_title_is_removed_from_the_headline() -> None:
    head = "<title>Pier <b>repairs</b> <script>alert(1)</script>&lt;i&gt;now&lt;/i&gt;</title>"
    got = read_page(page("", head), "t.html")
    assert got.title is not None and "<" not in got.title and "alert" not in got.title


@pytest.mark.parametrize("data,message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
     "x.html is not a web page: it is empty or holds binary data"),
    (b"", "x.html is not a web page: it is empty or holds binary data"),
    (b"<p>A raw \x00 byte in the middle of a page about the pier.</p>",
     "x.html is not a web page: it is empty or holds binary data"),
    ("<html><body><p>Caf\u00e9 and na\u00efve stories.</p></body></html>".encode("latin-1"),
     "x.html is not valid UTF-8 (byte 18) and declares no encoding; save the page again as "
     "UTF-8"),
    ("<html><head><meta charset='utf-16'></head><p>Caf\u00e9 here.</p></html>".encode(
        "latin-1"),
     "x.html is not valid UTF-8 (byte 48) and declares 'utf-16' but is not valid in it; save "
     "the page again as UTF-8"),
    (b"<html><head><title>Menu</title></head><body><script>go()</script></body></html>",
     "x.html: no article text found in the page (trafilatura found no main "
     "content); save the article's text as a .txt file and add that instead"),
])
def test_bad_pages_get_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(PageError) as exc:
        read_page(data, "x.html")
    assert exc.value.message == message


def test_a_page_in_a_declared_encoding_is_read_in_it() -> None:
    data = page("<p>The caf\u00e9 on the quay will reopen.</p>",
                "<meta charset='windows-1252'><title>Caf\u00e9</title>")
    data = data.decode().replace("charset='utf-8'", "").encode("windows-1252")
    assert "The caf\u00e9 on the quay will reopen." in read_page(data, "c.html").text


def test_a_huge_page_is_refused_before_it_is_parsed() -> None:
    data = page("<p>" + "word " * (50 * 2**20 // 5) + "</p>")
    assert len(data) > MAX_PAGE_BYTES
    with pytest.raises(PageError) as exc:
        read_page(data, "big.html")
    assert exc.value.message == ("big.html is 50.0 MB; a saved article page is at most 10 MB "
                                 "(save only the article's page)")


def test_deeply_nested_markup_does_not_crash() -> None:
    nested = "<div>" * 20000 + "<p>Deep inside.</p>" + "</div>" * 20000
    try:
        text = read_page(page(nested), "deep.html").text
    except PageError as exc:
        assert exc.message.startswith("deep.html: no article text found")
    else:
        assert "<div" not in text and "harbour council" in text
