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
    stands nowhere on the sheet, and it shows no answer of the sheet. Texts are compared as runs
    of up to GRAM words, so that a sheet of thousands stays linear."""

    GRAM = 8
    SCAN = 50  # candidates looked at per pick, in their seeded order

    def __init__(self) -> None:
        self.sources: set[str] = set()
        self.shown: set[tuple[str, ...]] = set()  # every run of words the sheet shows
        self.answers: set[tuple[str, ...]] = set()
        self._runs: dict[int, set[tuple[str, ...]]] = {}

    def add(self, q: Question) -> None:
        self.sources.add(q.source.text)
        self.shown |= self._shown_runs(q)
        if q.type not in ("truefalse", "order"):
            self.answers.add(_answer_key(q.answer))

    def fresh(self, candidates: list[Question]) -> int:
        """The first fresh candidate; else the first from a sentence not shown yet; else the
        first of all."""
        other_sentence = None
        for i, q in enumerate(candidates[: self.SCAN]):
            if q.source.text in self.sources:
                continue
            if other_sentence is None:
                other_sentence = i
            if q.type not in ("truefalse", "order") and _answer_key(q.answer) in self.shown:
                continue
            if not self.answers & self._shown_runs(q):
                return i
        return other_sentence or 0

    def _shown_runs(self, q: Question) -> set[tuple[str, ...]]:
        runs = self._runs.get(id(q))
        if runs is None:
            words = re.findall(r"\w+", " ".join((q.prompt, *q.options)).casefold())
            runs = {
                tuple(words[i:j])
                for i in range(len(words))
                for j in range(i + 1, min(i + self.GRAM, len(words)) + 1)
            }
            self._runs[id(q)] = runs
        return runs


def _answer_key(text: str) -> tuple[str, ...]:
    """An answer as the run of words a sheet would show it in (its first GRAM words)."""
    return tuple(re.findall(r"\w+", text.casefold())[: _Sheet.GRAM])
