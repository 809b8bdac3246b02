"""Several versions of one quiz, so neighbours in a classroom cannot copy each other's answers.

Each version keeps the questions grouped by topic, with the topics in the quiz's own order: every
version then has the same sections on the same pages, which makes a stack of mixed versions easy
to hand out and to mark. Inside a topic the questions are shuffled, and so are the options of
multiple-choice and ordering questions (``correct`` is recomputed; ``answer`` is text, so it stays
right). True/false options keep their conventional True-then-False order.

Everything is drawn from ``random.Random(f"{seed}:{version}")``: the same seed and version give the
same paper, whatever else is printed, and the global RNG is never touched.
"""

from __future__ import annotations

import random
from dataclasses import replace

from ..model import Question, Quiz

# How many times a version is re-drawn when it comes out equal to an earlier one (or, for an
# ordering question, already in chronological order). Small quizzes may have no other arrangement.
_REDRAWS = 50


def group_by_topic(questions: tuple[Question, ...] | list[Question]) -> list[list[Question]]:
    """Questions grouped by topic, topics in order of first appearance, questions in their order.

    Printed quizzes number across topic sections, so they group the same way.
    """
    groups: dict[str, list[Question]] = {}
    for q in questions:
        groups.setdefault(q.topic, []).append(q)
    return list(groups.values())


def shuffle_options(q: Question, rng: random.Random) -> Question:
    """The question with its options in a new order and ``correct`` pointing at the same texts.

    An ordering question is never shown already in chronological order (when it can be avoided),
    since then the shown order would give the answer away.
    """
    if q.type not in ("mcq", "order") or len(q.options) < 2:
        return q
    n = len(q.options)
    perm = list(range(n))
    for _ in range(_REDRAWS):
        rng.shuffle(perm)
        new_index = {old: new for new, old in enumerate(perm)}
        correct = tuple(new_index[c] for c in q.correct if c in new_index)
        if q.type != "order" or correct != tuple(range(n)) or len(correct) < 2:
            break
    return replace(q, options=tuple(q.options[i] for i in perm), correct=correct)


def _arrangement(quiz: Quiz) -> tuple:
    """What a student sees: the question order and each question's option order."""
    return tuple((q.id, q.options) for q in quiz.questions)


def _draw(quiz: Quiz, rng: random.Random) -> Quiz:
    questions: list[Question] = []
    for group in group_by_topic(quiz.questions):
        group = list(group)
        rng.shuffle(group)
        questions.extend(shuffle_options(q, rng) for q in group)
    return replace(quiz, questions=tuple(questions))


def make_versions(quiz: Quiz, n: int, seed: int) -> list[Quiz]:
    """``n`` shuffled versions of ``quiz`` (version numbers 1..n), each different from the others
    whenever the quiz has enough questions and options to allow it."""
    if n < 1:
        raise ValueError(f"need at least one version, not {n}")
    versions: list[Quiz] = []
    seen: set[tuple] = set()
    for version in range(1, n + 1):
        rng = random.Random(f"{seed}:{version}")
        draw = _draw(quiz, rng)
        for _ in range(_REDRAWS):
            if _arrangement(draw) not in seen:
                break
            draw = _draw(quiz, rng)
        seen.add(_arrangement(draw))
        versions.append(draw)
    return versions
