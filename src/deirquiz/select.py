"""Choose which questions a quiz holds: by topic and type, at most N balanced across topics."""

from __future__ import annotations

import hashlib
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
        used: set[str] = set()  # sentences a chosen question already shows
        remaining = count
        while remaining > 0 and any(by_topic.values()):
            for t in by_topic:
                if remaining and by_topic[t]:
                    q = by_topic[t].pop(_fresh(by_topic[t], used))
                    taken[t].append(q)
                    used.add(q.source.text)
                    remaining -= 1
        by_topic = taken
    return [q for t in by_topic for q in by_topic[t]]


def _fresh(candidates: list[Question], used: set[str]) -> int:
    """The first question from a sentence no chosen question shows yet: on one sheet, "When did
    X happen?" next to "Which of these happened on 18 September?" answers itself."""
    return next((i for i, q in enumerate(candidates) if q.source.text not in used), 0)
