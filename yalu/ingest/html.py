"""HTML pages: the article body by trafilatura, its metadata (title, date, outlet,
author, tags), and captions set aside as page furniture, never incident text."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..model import Article, Furniture
from .errors import IngestError
from .fields import parse_date
from .text import read_text


def article_from_html(path: Path, html: str) -> Article | IngestError:
    import trafilatura
    from trafilatura.settings import Document

    tree = _parse_html(html)
    if tree is None:
        return IngestError(path, "no article text found (not parseable as HTML)")
    captions = _captions_in_tree(tree)
    _drop_captions(tree, captions)
    today = date.today().isoformat()
    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_tables=True,
        # metadata and markup only: no guessing a date from the running text
        date_extraction_params={"original_date": True, "extensive_search": False, "max_date": today},
    )
    raw = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not raw.strip() or not isinstance(doc, Document):
        return IngestError(path, "no article text found")

    title = clean_space(doc.title)
    paragraphs = [clean_space(line) for line in raw.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    furniture: list[Furniture] = []
    caption_set = set(captions)
    kept = []
    for p in paragraphs:
        if p in caption_set:
            continue  # trafilatura kept a caption: it is furniture, listed below
        kept.append(p)
    furniture.extend(Furniture("caption", c) for c in captions)

    tags = split_tags(list(doc.tags or []) + list(doc.categories or []))
    if tags:
        furniture.append(Furniture("tags", ", ".join(tags)))
    published = parse_date(doc.date)
    article = read_text(
        "\n\n".join(kept),
        title=title or None,
        url=doc.url or None,
        author=clean_space(doc.author) or None,
        outlet=_site_name(tree, doc.sitename, title),
        published=published,
        published_source="html-meta" if published else None,
        tags=tags,
        furniture=furniture,
        source_path=str(path),
        lang=tree.getroottree().getroot().get("lang"),  # <html lang="ko">
    )
    if not article.text.strip():
        return IngestError(path, "no article text found (only page furniture)")
    return article


def _site_name(tree, sitename: str | None, headline: str) -> str | None:
    """The site's name. Without og:site_name, trafilatura may take the headline half of
    "<title>Headline | Yonhap News Agency</title>": then the other half is the name."""
    name = clean_space(sitename)
    if name and name.casefold() != headline.casefold():
        return name
    page_title = clean_space(" ".join(tree.xpath("//head/title//text()")))
    parts = [clean_space(p) for p in re.split(r"\s+(?:\||–|—|-|::|·)\s+", page_title)]
    others = [p for p in parts if p and p.casefold() != headline.casefold() and len(p) <= 60]
    return others[-1] if len(parts) > 1 and others else None


def clean_space(value: str | None) -> str:
    return " ".join(value.split()) if value else ""


def split_tags(values: list[str]) -> list[str]:
    tags: list[str] = []
    for v in values:
        for t in re.split(r"[,;]", v or ""):
            t = clean_space(t)
            if t and t not in tags:
                tags.append(t)
    return tags


def _parse_html(html: str):
    """An lxml tree of an HTML page as trafilatura reads it, or None when it is not HTML."""
    from trafilatura import load_html

    return load_html(html)


def _drop_captions(tree, captions: list[str]) -> None:
    """Remove caption elements so that the text extractor cannot mix them into paragraphs."""
    for el in list(tree.iter("figcaption")):
        el.drop_tree()
    for el in tree.xpath(".//*[contains(translate(@class, 'CAPTION', 'caption'), 'caption')]"):
        if el.getparent() is not None and clean_space(el.text_content()) in captions:
            el.drop_tree()


def _captions_in_tree(tree) -> list[str]:
    captions: list[str] = []

    def add(text: str | None) -> None:
        text = clean_space(text)
        if text and text not in captions:
            captions.append(text)

    for el in tree.iter("figcaption"):
        add(el.text_content())
    for el in tree.xpath(
        ".//*[contains(translate(@class, 'CAPTION', 'caption'), 'caption')]"
        "[not(.//figcaption) and not(.//p) and not(.//div)]"
    ):
        if el.tag not in ("figcaption", "img", "script", "style"):
            add(el.text_content())
    for img in tree.iter("img"):
        for attr in ("alt", "title"):
            value = clean_space(img.get(attr))
            if len(value.split()) >= 3:  # skip "logo", "icon", "photo"
                add(value)
    return captions


_BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "footer", "aside", "main",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre",
    "table", "tr", "dl", "dt", "dd", "figure", "hr",
}  # fmt: skip


def html_fragment_to_text(html: str) -> tuple[str, list[str]]:
    """Text of an HTML fragment (a feed entry's content), one paragraph per block, and its captions."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:
        return "", []
    for el in list(root.iter("script", "style", "noscript", "iframe")):
        el.drop_tree()
    captions = _captions_in_tree(root)
    _drop_captions(root, captions)
    marker = "\u2029"  # paragraph separator, not expected in feed text
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in _BLOCK_TAGS:
            el.text = marker + (el.text or "")
            el.tail = marker + (el.tail or "")
    text = root.text_content()
    paragraphs = []
    for block in text.split(marker):
        for line in block.split("\n"):
            line = clean_space(line)
            if line:
                paragraphs.append(line)
    return "\n\n".join(paragraphs), captions
