"""The article inside an HTML page: main text with paragraph breaks, headline, publication date.

Page chrome lives in predictable elements (nav, header, footer, aside, forms, scripts), so those
are dropped whole; the article is the <article> or <main> element when the page has one, else
the block holding the most paragraph text. Metadata (og:title, article:published_time,
<time datetime>) is preferred to guessing from the text because the site states it outright.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from judikg.errors import InputError
from judikg.ingest.dates import parse_date

_DROP = ("script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg", "iframe", "button")
_BLOCKS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 br tr td th blockquote pre article section main figcaption dd dt ul ol table hr".split()
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str
    title: str | None
    published: str | None  # ISO, reduced precision allowed
    lang: str | None  # from <html lang>, as written (e.g. "ru-RU")


def _block_text(element: object) -> str:
    """Text of an element with a newline at every block boundary, blank-line paragraphs."""
    from lxml import etree

    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        local = tag.rsplit("}", 1)[-1].lower()
        block = local in _BLOCKS
        if block:
            parts.append("\n\n" if local in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote") else "\n")
        if node.text and tag:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n\n" if local in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote") else "\n")

    walk(element)  # type: ignore[arg-type]
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _paragraph_chars(element: object) -> int:
    return sum(len("".join(p.itertext()).strip()) for p in element.iter("p"))  # type: ignore[attr-defined]


def _meta(root: object, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            found = root.xpath(f"//meta[@{attr}=$n]/@content", n=name)  # type: ignore[attr-defined]
            if found and found[0].strip():
                return str(found[0]).strip()
    return None


def extract(html: str, source: str) -> HtmlText:
    """Main text, title and publication date of an HTML page; InputError if it has no text."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(source, f"is not parseable HTML ({exc}); save the page as HTML or plain text") from exc

    heading = root.xpath("//h1")
    title = _meta(root, "og:title", "twitter:title") or (
        " ".join(heading[0].text_content().split()) if heading else None
    )
    if not title:
        found = root.xpath("//title/text()")
        title = " ".join(found[0].split()) if found and found[0].strip() else None

    published_raw = _meta(root, "article:published_time", "datePublished", "date", "pubdate", "DC.date.issued")
    if not published_raw:
        times = root.xpath("//time/@datetime")
        published_raw = str(times[0]) if times else None
    published = parse_date(published_raw) if published_raw else None
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")

    for element in root.xpath("|".join(f"//{tag}" for tag in _DROP)):
        element.drop_tree()
    for comment in root.xpath("//comment()"):
        comment.drop_tree()

    body = root.find("body")
    candidates = root.xpath("//article") or root.xpath("//main") or root.xpath("//*[@role='main']")
    if candidates:
        main = max(candidates, key=_paragraph_chars)
    else:
        blocks = [el for el in root.iter("div", "section", "td") if _paragraph_chars(el)]
        # The innermost block that holds most of the page's paragraph text.
        total = _paragraph_chars(body if body is not None else root)
        main = body if body is not None else root
        if total:
            holding = [el for el in blocks if _paragraph_chars(el) >= 0.6 * total]
            if holding:
                main = min(holding, key=lambda el: len(el.text_content()))
    text = _block_text(main)
    if title and title not in text:
        # Keep the headline in the text: extraction reads it and title_of() finds it there.
        text = f"{title}\n\n{text}" if text else title
    return HtmlText(text=text, title=title, published=published, lang=lang)
