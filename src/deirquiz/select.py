"""Choose which questions a quiz holds: by topic and type, at most N balanced across topics."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from .model import Question


def _key(seed: int, q: Question) -> str:
    return hashlib.sha1(f"{seed}:{q.id}".encode()).hexdigest()


def select(
    questions: Sequence[Question],
    topics: Sequence[str],
    *,
    only_topics: Sequence[str] = (),
    only_types: Sequence[str] = (),
    count: int | None = None,
    seed: int = 0,
) -> list[Question]:
    """Filter, then take round-robin from each topic (seeded order within a topic), then show the
    kept questions grouped by topic in the topics' order. The order never depends on input order."""
    chosen_topics = [t for t in topics if not only_topics or t in only_topics]
    by_topic: dict[str, list[Question]] = {t: [] for t in chosen_topics}
    for q in questions:
        if q.topic in by_topic and (not only_types or q.type in only_types):
            by_topic[q.topic].append(q)
    for t in by_topic:
        by_topic[t].sort(key=lambda q: _key(seed, q))
    if count is not None:
        taken: dict[str, list[Question]] = {t: [] for t in by_topic}
        sheet = _Sheet()
        remaining = count
        while remaining > 0 and any(by_topic.values()):
            for t in by_topic:
                if remaining and by_topic[t]:
                    q = by_topic[t].pop(sheet.fresh(by_topic[t]))
                    taken[t].append(q)
                    sheet.add(q)
                    remaining -= 1
        by_topic = taken
    return [q for t in by_topic for q in by_topic[t]]


class _Sheet:
    """What the questions chosen so far show: on one sheet, "When did X happen?" beside "Which
    of these happened on 18 September?", or "_____ captured Ayyash" beside an option naming
    Ayyash, answers itself. A question is fresh when its sentence is not shown yet, its answer
    stands nowhere on the sheet, and it shows no answer of the sheet."""

    def __init__(self) -> None:
        self.sources: set[str] = set()
        self.text = " "
        self.answers: list[str] = []

    def add(self, q: Question) -> None:
        self.sources.add(q.source.text)
        self.text += f"{_words(_shown(q))} "
        if q.type not in ("truefalse", "order"):
            self.answers.append(f" {_words(q.answer)} ")

    def fresh(self, candidates: list[Question]) -> int:
        """The first fresh candidate; else the first from a sentence not shown yet; else the
        first of all."""
        other_sentence = None
        for i, q in enumerate(candidates):
            if q.source.text in self.sources:
                continue
            if other_sentence is None:
                other_sentence = i
            if q.type not in ("truefalse", "order") and f" {_words(q.answer)} " in self.text:
                continue
            shown = f" {_words(_shown(q))} "
            if not any(a in shown for a in self.answers):
                return i
        return other_sentence or 0


def _shown(q: Question) -> str:
    return " ".join((q.prompt, *q.options))


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))
