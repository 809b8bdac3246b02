"""Article -> Extraction: the facts of its infobox and the dated events of its body."""

from __future__ import annotations

from pathlib import Path

from . import article as article_mod
from .events import events
from .infobox import facts
from .model import Article, Extraction


def extract(article: Article) -> Extraction:
    return Extraction(article=article, facts=tuple(facts(article)), events=tuple(events(article)))


def extract_file(path: str | Path) -> Extraction:
    return extract(article_mod.load(path))
