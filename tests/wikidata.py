"""The shared articles' wikitext beside their converter Markdown, and Special:Export files made
from them, as Wikipedia writes them (export schema 0.11). The wikitext of the two 2017 offensives
is our own (tests/wikitext), written in Wikipedia's templates to give what their Markdown says."""

from __future__ import annotations

import bz2
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
# ../shared/wikitext where the team's checkout has it, else the copies kept here
WIKITEXT = ROOT.parent / "shared" / "wikitext"
if not WIKITEXT.is_dir():
    WIKITEXT = ROOT / "tests" / "wikitext"
MARKDOWN = ROOT.parent / "shared" / "articles"
if not MARKDOWN.is_dir():
    MARKDOWN = ROOT / "tests" / "articles"
NAMES = ("battle-of-gettysburg", "battle-of-waterloo", "battle-of-dien-bien-phu")
OWN = ("2017-mayadin-offensive", "2017-abu-kamal-offensive")
OWN_WIKITEXT = ROOT / "tests" / "wikitext"
TITLES = {
    "battle-of-gettysburg": "Battle of Gettysburg",
    "battle-of-waterloo": "Battle of Waterloo",
    "battle-of-dien-bien-phu": "Battle of Dien Bien Phu",
}

HEADER = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:schemaLocation="http://www.mediawiki.org/xml/export-0.11/ \
http://www.mediawiki.org/xml/export-0.11.xsd" version="0.11" xml:lang="en">
  <siteinfo>
    <sitename>Wikipedia</sitename>
    <dbname>enwiki</dbname>
    <base>https://en.wikipedia.org/wiki/Main_Page</base>
    <generator>MediaWiki 1.44.0-wmf.4</generator>
    <case>first-letter</case>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="1" case="first-letter">Talk</namespace>
    </namespaces>
  </siteinfo>
"""


def wiki_source(name: str) -> str:
    folder = OWN_WIKITEXT if name in OWN else WIKITEXT
    return (folder / f"{name}.wiki").read_text(encoding="utf-8")


def page(title: str, text: str | None, page_id: int = 1, ns: int = 0,
         redirect: str | None = None) -> str:  # fmt: skip
    """One <page> as Special:Export writes it (text None: a revision without text)."""
    redirect_tag = f"    <redirect title={quoteattr(redirect)} />\n" if redirect else ""
    body = (
        f'      <text bytes="{len(text.encode())}" xml:space="preserve">{escape(text)}</text>\n'
        if text is not None
        else ""
    )
    return (
        f"  <page>\n    <title>{escape(title)}</title>\n    <ns>{ns}</ns>\n    <id>{page_id}</id>\n"
        f"{redirect_tag}    <revision>\n      <id>{1000 + page_id}</id>\n"
        "      <timestamp>2024-05-01T12:00:00Z</timestamp>\n"
        "      <contributor><username>Example</username><id>1</id></contributor>\n"
        "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
        f"{body}      <sha1>0</sha1>\n    </revision>\n  </page>\n"
    )


def export(pages: list[str]) -> str:
    return HEADER + "".join(pages) + "</mediawiki>\n"


def shared_export(copies: int = 1) -> str:
    """The three shared articles as one export; with copies > 1, each page again under a
    title of its own ("Battle of Waterloo (copy 2)")."""
    pages = []
    for i in range(copies):
        for name in NAMES:
            title = TITLES[name] + (f" (copy {i + 1})" if i else "")
            pages.append(page(title, wiki_source(name), page_id=len(pages) + 1))
    return export(pages)


def write_export(path: Path, text: str) -> Path:
    data = text.encode("utf-8")
    path.write_bytes(bz2.compress(data) if path.name.endswith(".bz2") else data)
    return path
