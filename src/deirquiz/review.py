"""`deirquiz review`: an article's questions one at a time in the terminal, each with its answer,
options and source, to keep, strike or reword. Each decision is written to the edits file as it
is made (editsfile.save is atomic), so quitting, a crash or Ctrl-C loses nothing.

Text is asked for inline, or in $VISUAL/$EDITOR when one is set (click.edit).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from . import editsfile
from .edits import Edit, Edits, clean, edited_question
from .model import DeirquizError, Question
from .pipeline import Options, review_for
from .questions import TemplateSet
from .writers.sheet import LETTERS

MENU = "[k]eep  [s]trike  [e]dit  [b]ack  [q]uit  (Enter: next, no decision)"
EDIT_MENU = "Rewrite the [p]rompt, the [a]nswer, an [o]ption, the e[x]planation (Enter: done)"


class Quit(Exception):
    """The teacher asked to stop: the articles after this one are not reviewed."""


@dataclass
class Session:
    """One article under review: its questions as generated, and the decisions so far."""

    title: str
    path: Path
    generated: dict[str, Question]
    edits: Edits

    def decide(self, qid: str, decision: str, edit: Edit | None = None) -> None:
        self.edits = self.edits.decide(qid, decision, edit)
        labels = {i: q.prompt for i, q in self.generated.items()}
        editsfile.save(self.path, self.edits, self.title, labels)

    def shown(self, q: Question) -> tuple[Question, list[str]]:
        """The question as it would be written now, and why an edit of it is not used."""
        edit = self.edits.edit.get(q.id)
        return edited_question(q, edit) if edit else (q, [])


def review_articles(paths: Sequence[Path], tset: TemplateSet, opts: Options,
                    only_new: bool) -> list[DeirquizError]:  # fmt: skip
    """Review each article in turn; returns the articles that could not be read (skipped)."""
    skipped = []
    for path in paths:
        try:
            review_one(path, tset, opts, only_new)
        except Quit:
            break
        except DeirquizError as e:
            if len(paths) == 1:
                raise
            skipped.append(e)
    return skipped


def review_one(path: Path, tset: TemplateSet, opts: Options, only_new: bool) -> None:
    article, generated, deck, edits = review_for(path, tset, opts)
    target = editsfile.target(opts.edits, opts.edits_dir, article.slug)
    assert target is not None  # the CLI always names a folder
    s = Session(article.title, target, {q.id: q for q in generated}, edits)
    todo = [q for q in deck if not only_new or s.edits.status(q.id) is None]
    click.echo(_line(f"{article.title}: {len(todo)} of {len(deck)} questions to review; "
                     f"decisions go to {target}"))  # fmt: skip
    try:
        walk(s, todo)
    finally:
        counts = [f"{sum(s.edits.status(q.id) == k for q in deck)} {k}"
                  for k in ("kept", "struck", "edited")]  # fmt: skip
        click.echo(_line(f"{article.title}: {', '.join(counts)} of {len(deck)} questions"))


def walk(s: Session, todo: Sequence[Question]) -> None:
    """One question at a time: a decision moves on, back goes back, quit stops."""
    i = 0
    while i < len(todo):
        q = todo[i]
        show(s, q, i, len(todo))
        key = _key(MENU, "ksebq")
        if key in ("k", "s"):
            s.decide(q.id, "keep" if key == "k" else "strike")
        elif key == "e":
            edit_loop(s, q)
            continue  # show it again as rewritten
        elif key == "b":
            i = max(0, i - 1)
            continue
        elif key == "q":
            raise Quit
        i += 1


def show(s: Session, q: Question, i: int, n: int) -> None:
    now, wrong = s.shown(q)
    status = s.edits.status(q.id) or "no decision yet"
    click.echo("")
    click.echo(_line(f"── {i + 1}/{n} · {q.topic} · {q.type} · {q.depth} · {status} ──"))
    click.echo(_line(now.prompt))
    for k, option in enumerate(now.options if now.type in ("mcq", "order") else ()):
        mark = "✓" if now.type == "mcq" and k in now.correct else " "
        click.echo(_line(f"  {mark} {LETTERS[k]}. {option}"))
    if now.type == "order":
        click.echo("Right order: " + ", ".join(LETTERS[k] for k in now.correct))
    click.echo(_line(f"Answer: {now.answer}"))
    if now.explanation:
        click.echo(_line(f"Explanation: {now.explanation}"))
    click.echo(_line(f"Source ({q.source.where}): {q.source.text}"))
    click.echo(_line(f"id: {q.id}"))
    if wrong:
        click.echo(_line(f"Your edit is not used ({'; '.join(wrong)}): the generated one is."))


def edit_loop(s: Session, q: Question) -> None:
    """Rewrite fields until Enter; each change is saved at once."""
    while True:
        key = _key(EDIT_MENU, "paox")
        if not key:
            return
        now, _ = s.shown(q)
        before = s.edits.edit.get(q.id, Edit())
        edit = _changed(q, now, before, key)
        if edit is None:
            continue
        if minimal(q, edit) == before:
            click.echo("Unchanged.")
            continue
        s.decide(q.id, "edit", minimal(q, edit))
        _, wrong = s.shown(q)
        if wrong:
            click.echo(_line(f"Saved, but not used while: {'; '.join(wrong)}"))
        else:
            click.echo("Saved.")


def _changed(q: Question, now: Question, edit: Edit, key: str) -> Edit | None:
    """The edit with one field rewritten, or None when this question has no such field."""
    if key == "p":
        prompt = ask_text("Prompt", now.prompt)
        if q.type == "truefalse":  # a statement keeps its truth and explanation with it
            return dataclasses.replace(edit, prompt=prompt, answer=now.answer,
                                       explanation=now.explanation)  # fmt: skip
        return dataclasses.replace(edit, prompt=prompt)
    if key == "x":
        return dataclasses.replace(edit, explanation=ask_text("Explanation", now.explanation))
    if key == "a":
        if q.type == "truefalse":
            answer = click.prompt(
                "Answer", type=click.Choice(["True", "False"]), default=now.answer
            )
            explanation = now.explanation if answer == now.answer else ""  # it told the other
            return dataclasses.replace(edit, prompt=now.prompt, answer=answer,
                                       explanation=explanation)  # fmt: skip
        answer = ask_text("Answer", now.answer)
        if q.type == "mcq":
            options = [answer if k in now.correct else o for k, o in enumerate(now.options)]
            return dataclasses.replace(edit, answer=answer, options=tuple(options))
        return dataclasses.replace(edit, answer=answer)
    if q.type not in ("mcq", "order"):
        click.echo(f"A {q.type} question has no options.")
        return None
    letters = list(LETTERS[: len(now.options)])
    k = letters.index(
        click.prompt("Which option", type=click.Choice(letters, case_sensitive=False)).upper()
    )
    options = list(now.options)
    options[k] = ask_text(f"Option {letters[k]}", options[k])
    if q.type == "order":  # kept in their right order in the file, whatever the seed shows
        return dataclasses.replace(edit, options=tuple(options[c] for c in now.correct))
    answer = options[k] if k in now.correct else now.answer
    return dataclasses.replace(edit, answer=answer, options=tuple(options))


def minimal(q: Question, e: Edit) -> Edit:
    """The edit without what is as generated, so that the file says only what the teacher
    changed (and a question's new seed-chosen options show through). A true/false statement and
    its answer go together: another seed may make the other statement."""
    now, _ = edited_question(q, e)
    tf = q.type == "truefalse" and (now.prompt, now.answer) != (q.prompt, q.answer)
    same_options = e.options is None or (
        sorted(e.options) == sorted(q.options) if q.type == "mcq"
        else e.options == tuple(q.options[c] for c in q.correct)
    )  # fmt: skip
    return Edit(
        prompt=now.prompt if tf or now.prompt != q.prompt else None,
        answer=now.answer if tf or now.answer != q.answer else None,
        options=None if same_options else e.options,
        explanation=now.explanation if tf or now.explanation != q.explanation else None,
    )


def ask_text(label: str, old: str) -> str:
    """New text for a field: in the teacher's editor when one is set, else inline."""
    if os.environ.get("VISUAL") or os.environ.get("EDITOR"):
        new = click.edit(old + "\n", require_save=True, extension=".txt")
        return old if new is None else clean(new)
    return clean(click.prompt(f"{label} (Enter keeps it)", default=old, show_default=False))


def _key(menu: str, keys: str) -> str:
    """One of ``keys``, or '' for Enter; anything else asks again."""
    while True:
        got = click.prompt(menu, default="", show_default=False).strip().lower()[:1]
        if not got or got in keys:
            return got
        click.echo(f"Type one of {', '.join(keys)}, or Enter.")


def _line(text: str) -> str:
    """Article text as one printable line: no escape sequence reaches the terminal."""
    return "".join(c if c.isprintable() else " " for c in text)
