"""Article -> Extraction: the facts of its infobox and the dated events of its body."""

from __future__ import annotations

from pathlib import Path

from . import article as article_mod
from . import limits
from .events import events
from .fallen import mark_fallen
from .infobox import facts
from .model import Article, Extraction


def extract(article: Article) -> Extraction:
    """The facts and dated events, each part read up to its cap (limits.py)."""
    article = limits.trim(article)
    dated = limits.cap_events(events(article))
    found = limits.cap_facts(facts(article))
    return Extraction(
        article=article, facts=tuple(mark_fallen(found, article, dated)), events=tuple(dated)
    )


def extract_file(path: str | Path) -> Extraction:
    return extract(article_mod.load(path))
