"""A teacher's own decisions, applied between questions.generate and selection.select.

Decisions are keyed by question id, which derives from what a question asks, not from its wording
or the seed: they outlive a new seed, a new --count, a newer article or a newer deirquiz. A struck
question is gone before selection, so no count or seed brings it back; an edited one keeps its id
(and so its Anki note). An edit is checked as a generated question is; one that fails is reported
and the generated question used. Pure: reading and writing the file is editsfile.py's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .model import Question
from .questions.checks import problems

FIELDS = ("prompt", "answer", "options", "explanation")


def clean(text: str) -> str:
    """A teacher's text as one line of printable text, like a generated question's."""
    return " ".join("".join(c if c.isprintable() else " " for c in str(text)).split())


@dataclass(frozen=True)
class Edit:
    """What the teacher rewrote; None is 'as generated'. ``options`` of a multiple-choice
    question are its choices, the answer among them; of an order question, its events in their
    right order, earliest first."""

    prompt: str | None = None
    answer: str | None = None
    options: tuple[str, ...] | None = None
    explanation: str | None = None

    def fields(self) -> dict[str, str | list[str]]:
        """The fields set, for the file."""
        out: dict[str, str | list[str]] = {}
        for name in FIELDS:
            value = getattr(self, name)
            if value is not None:
                out[name] = list(value) if isinstance(value, tuple) else value
        return out


@dataclass(frozen=True)
class Edits:
    """One article's decisions. Strike wins: an id under strike is never written, even if it is
    also kept or has an edit (the edit is kept, and used again once the strike is lifted)."""

    keep: tuple[str, ...] = ()
    strike: tuple[str, ...] = ()
    edit: Mapping[str, Edit] = field(default_factory=dict)
    where: str = ""  # the file they come from, for the summary

    def __bool__(self) -> bool:
        return bool(self.keep or self.strike or self.edit)

    def ids(self) -> list[str]:
        return list(dict.fromkeys((*self.strike, *self.edit, *self.keep)))

    def status(self, qid: str) -> str | None:
        if qid in self.strike:
            return "struck"
        if qid in self.edit:
            return "edited"
        if qid in self.keep:
            return "kept"
        return None

    def decide(self, qid: str, decision: str, edit: Edit | None = None) -> Edits:
        """These edits with one more decision: 'keep', 'strike', or 'edit' (an ``edit`` of None
        or of no field drops the edit and keeps the question)."""
        keep = tuple(i for i in self.keep if i != qid)
        strike = tuple(i for i in self.strike if i != qid)
        edits = dict(self.edit)
        if decision == "strike":
            strike += (qid,)
        elif decision == "edit" and edit is not None and edit.fields():
            edits[qid] = edit
        else:
            if decision == "edit":
                edits.pop(qid, None)
            if qid not in edits:
                keep += (qid,)
        return dataclasses.replace(self, keep=keep, strike=strike, edit=edits)


@dataclass(frozen=True)
class Applied:
    """What applying the edits did, for the summary."""

    where: str = ""
    struck: int = 0
    edited: int = 0
    kept: int = 0
    refused: tuple[tuple[str, str], ...] = ()  # (id, why): the generated question was used
    missing: tuple[str, ...] = ()  # ids no question of this run has

    def lines(self) -> list[str]:
        if not (self.struck or self.edited or self.kept or self.refused or self.missing):
            return []
        done = [f"{n} {what}" for n, what in ((self.struck, "struck"), (self.edited, "reworded"),
                                             (self.kept, "kept as made")) if n]  # fmt: skip
        applied = self.struck + self.edited
        out = [f"edits from {self.where}: {applied or 'none'} applied"
               + (f" ({', '.join(done)})" if done else "")]  # fmt: skip
        out += [f"  edit of {i} not used ({why}): the generated question is written"
                for i, why in self.refused]  # fmt: skip
        if self.missing:
            out.append(f"  {len(self.missing)} no longer made (the article or deirquiz changed), "
                       f"left in the file: {', '.join(self.missing)}")  # fmt: skip
        return out


def apply(questions: Sequence[Question], edits: Edits) -> tuple[list[Question], Applied]:
    """The questions without the struck ones, with the edits that pass the checks."""
    by_id = {q.id: q for q in questions}
    struck = set(edits.strike)
    out: list[Question] = []
    refused: list[tuple[str, str]] = []
    edited = 0
    for q in questions:
        if q.id in struck:
            continue
        if q.id in edits.edit:
            new, wrong = edited_question(q, edits.edit[q.id])
            if wrong:
                refused.append((q.id, "; ".join(wrong)))
            else:
                q, edited = new, edited + 1
        out.append(q)
    kept = [i for i in edits.keep if i in by_id and i not in struck and i not in edits.edit]
    report = Applied(
        where=edits.where,
        struck=len(struck & by_id.keys()),
        edited=edited,
        kept=len(kept),
        refused=tuple(refused),
        missing=tuple(i for i in edits.ids() if i not in by_id),
    )
    return out, report


def edited_question(q: Question, e: Edit) -> tuple[Question, list[str]]:
    """The question as the teacher rewrote it, and what is wrong with it (empty: use it)."""
    wrong: list[str] = []
    answer = q.answer if e.answer is None else e.answer
    options, correct = q.options, q.correct
    explanation = q.explanation if e.explanation is None else e.explanation
    if e.options is not None:
        options, correct, why = _options(q, e.options, answer)
        wrong += why
        if q.type == "order" and e.explanation is None:  # it names the events: reword them
            for old, new in zip(q.options, options, strict=True):
                explanation = explanation.replace(old, new)
    elif q.type == "mcq" and e.answer is not None and q.correct:
        options = tuple(answer if i == q.correct[0] else o for i, o in enumerate(q.options))
    if q.type == "truefalse":
        if (e.prompt is None) != (e.answer is None):  # another seed may make the other one
            wrong.append("a true/false statement is rewritten with its answer, True or False")
        if answer != q.answer and e.explanation is None:
            explanation = ""  # the generated one explains the other statement
        correct = (0,) if answer == "True" else (1,)
    new = dataclasses.replace(
        q,
        prompt=q.prompt if e.prompt is None else e.prompt,
        answer=answer,
        options=options,
        correct=correct,
        explanation=explanation,
    )
    return new, wrong + problems(new)


def _options(q: Question, given: tuple[str, ...], answer: str):
    """(options, correct, problems): the teacher's options in the places the generated question
    had them, so that the key's letters stay spread as generated."""
    if q.type == "mcq":
        if answer not in given:
            return q.options, q.correct, ["the answer is not among the options"]
        rest = [o for o in given if o != answer]
        at = min(q.correct[0] if q.correct else 0, len(rest))
        return (*rest[:at], answer, *rest[at:]), (at,), []
    if q.type == "order":
        if len(given) != len(q.options):
            return q.options, q.correct, [f"an order question has {len(q.options)} events"]
        shown = list(q.options)
        for k, place in enumerate(q.correct):
            shown[place] = given[k]
        return tuple(shown), q.correct, []
    return q.options, q.correct, [f"a {q.type} question has no options to edit"]
