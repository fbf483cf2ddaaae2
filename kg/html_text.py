"""HTML to plain text with the standard library's parser.

Scripts, styles and other non-content elements are dropped; block elements
become paragraph breaks; the ``<title>`` and common metadata are kept.

Examples
--------
>>> page = html_to_text("<html><title>T</title><p>One<script>x()</script></p><p>Two</p></html>")
>>> page.title, page.text
('T', 'One\\n\\nTwo')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
          "blockquote", "tr", "header", "footer", "figcaption", "pre", "ul", "ol", "table"}
_META = {"article:published_time": "published", "og:title": "title", "og:url": "url",
         "og:site_name": "source", "date": "published", "pubdate": "published"}


@dataclass(frozen=True)
class Page:
    """Text and metadata recovered from an HTML document."""

    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.meta: dict[str, str] = {}
        self.title: list[str] = []
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = dict(attrs)
            name = (values.get("property") or values.get("name") or "").lower()
            if name in _META and values.get("content"):
                self.meta.setdefault(_META[name], values["content"] or "")
        elif tag == "title":
            self._in_title = True
        elif tag in _SKIP:
            self._skip_depth += 1
        elif tag in _BLOCK:
            self.chunks.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP and self._skip_depth:
            self._skip_depth -= 1
        elif tag in _BLOCK:
            self.chunks.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip_depth:
            self.chunks.append(data)


def html_to_text(html: str) -> Page:
    """Return the readable text and metadata of an HTML document."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.chunks)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    title = " ".join("".join(parser.title).split()) or parser.meta.get("title")
    return Page(text=text, title=title or None, published=parser.meta.get("published"),
                url=parser.meta.get("url"), source=parser.meta.get("source"))
