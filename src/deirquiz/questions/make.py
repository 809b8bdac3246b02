"""Templates (data) x records -> questions, each checked before it is kept.

Nothing here knows about commanders or casualties: that lives in the records (reading/) and the
wording in templates/*.yaml. Ids derive from the template and what the record is about, never from
wording or position, so a regenerated deck updates the same Anki notes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
from collections import defaultdict
from dataclasses import dataclass

from ..model import Question, Source
from ..reading import salience
from ..reading.names import person_the, with_the
from ..reading.records import Record, RecordSet
from . import options
from .checks import problems
from .templates import Template, TemplateSet

MAX_PER_SOURCE = 3  # facts asked from one sentence or infobox line: more is the same card again


def _h(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def _rng(seed: int, *parts: str) -> random.Random:
    return random.Random(f"{seed}:" + ":".join(parts))


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def _fields(rec: Record, rs: RecordSet) -> _Fields:
    out = _Fields(subject=rs.subject, title=rs.title, kind_the=rs.kind_the, was=rs.was)
    for f in dataclasses.fields(rec):
        v = getattr(rec, f.name)
        if isinstance(v, bool):
            out[f.name] = "yes" if v else ""
        elif isinstance(v, (str, int, float)):
            out[f.name] = str(v)
    return out


def _fill(wording: str, fields: dict[str, str]) -> str | None:
    try:
        text = wording.format_map(fields)
    except (KeyError, IndexError, ValueError):
        return None
    text = " ".join(text.split())
    return text[:1].upper() + text[1:] if text else text


def _holds(rec: Record, cond: str) -> bool:
    name, _, want = cond.partition("=")
    v = rec.value(name)
    return str(v) == want if want else bool(v)


def eligible(t: Template, rec: Record) -> bool:
    return all(_holds(rec, c) for c in t.require) and not any(_holds(rec, c) for c in t.absent)


def _depth(t: Template, rec: Record) -> str:
    if t.depth != "auto":
        return t.depth
    return "core" if rec.salience >= salience.CORE else "detail"


@dataclass(frozen=True)
class _Ask:
    """What every question of one template about one record shares."""

    t: Template
    rec: Record
    fields: _Fields
    answer: str
    source: Source
    base: str
    seed: int
    explanation: str

    def question(self, ty: str, prompt: str, answer: str, options: tuple[str, ...] = (),
                 correct: tuple[int, ...] = (), explanation: str | None = None) -> Question:  # fmt: skip
        return Question(
            id=f"{self.base}:{ty}", topic=self.t.topic, type=ty, prompt=prompt, answer=answer,
            source=self.source, options=options, correct=correct, template=self.t.id,
            explanation=self.explanation if explanation is None else explanation,
            depth=_depth(self.t, self.rec), salience=self.rec.salience, fact=self.rec.fact,
        )  # fmt: skip

    def fill(self, wording: str, value: str) -> str | None:
        return _fill(wording, {**self.fields, "value": value, "value_the": with_the(value),
                               "value_person": person_the(value)})  # fmt: skip


def _apply(t: Template, rec: Record, rs: RecordSet, seed: int) -> list[Question]:
    fields = _fields(rec, rs)
    answer = str(rec.value(t.answer)) if t.answer else ""
    base = f"{rs.slug}:{t.id}:{_h(rec.identity)}"
    source = Source(text=rec.source, where=rec.where, title=rs.title, url=rs.url)
    explanation = (_fill(t.explanation, {**fields, "value": answer}) or "") if t.explanation else ""
    ask = _Ask(t, rec, fields, answer, source, base, seed, explanation)
    wrong = options.wrong(rec, t.options, answer, f"{seed}:{base}")
    out = []
    for ty, wording in t.types.items():
        q = None
        prompt = ask.fill(wording, answer)
        if ty in ("basic", "cloze") and prompt:
            q = ask.question(ty, prompt, answer)
        elif ty == "mcq" and len(wrong) >= 2 and prompt:
            q = ask.question(ty, prompt, answer, options=(answer, *wrong[:3]), correct=(0,))
        elif ty == "truefalse" and wrong:
            q = _true_false(ask, wording, wrong[0])
        elif ty == "order" and prompt:
            q = _order(ask, prompt)
        if q is not None and not problems(q):
            out.append(q)
    return out


def _true_false(ask: _Ask, wording: str, wrong: str) -> Question | None:
    truth = _rng(ask.seed, ask.base, "truth").random() < 0.5
    statement = ask.fill(wording, ask.answer if truth else wrong)
    true_text = ask.fill(wording, ask.answer)
    if not statement or not true_text:
        return None
    expl = ask.explanation
    if not truth:
        expl = f"False: {true_text}" + (f" {expl}" if expl else "")
    return ask.question("truefalse", statement, "True" if truth else "False",
                        options=("True", "False"), correct=(0 if truth else 1,),
                        explanation=expl)  # fmt: skip


def _order(ask: _Ask, prompt: str) -> Question | None:
    items = list(ask.rec.value("items"))
    when = list(ask.rec.value("dates"))
    if len(items) != 4:
        return None
    shown = list(range(4))
    rng = _rng(ask.seed, ask.base, "order")
    while shown in ([0, 1, 2, 3], [3, 2, 1, 0]):  # in order, or reversed: the answer shows
        rng.shuffle(shown)
    opts = tuple(items[k] for k in shown)
    correct = tuple(shown.index(k) for k in range(4))
    expl = "; ".join(f"{d}: {i}" for d, i in zip(when, items, strict=True))
    return ask.question("order", prompt, " → ".join(when), options=opts, correct=correct,
                        explanation=expl)  # fmt: skip


def _limit_per_source(questions: list[Question]) -> list[Question]:
    """At most MAX_PER_SOURCE facts asked from one sentence, the weightiest first (a fact may
    be asked as a choice and as a statement)."""
    by_source: dict[str, dict[str, float]] = defaultdict(dict)
    for q in questions:
        facts = by_source[q.source.text]
        facts[q.fact] = max(facts.get(q.fact, 0.0), q.salience)
    keep: set[tuple[str, str]] = set()
    for text, facts in by_source.items():
        top = sorted(facts, key=lambda f: (-facts[f], f))[:MAX_PER_SOURCE]
        keep.update((text, f) for f in top)
    return [q for q in questions if (q.source.text, q.fact) in keep]


def _balance_letters(questions: list[Question], seed: int) -> list[Question]:
    """The key's letter spread evenly: the n-th multiple-choice question of the article (in a
    seeded order) puts its answer at the n-th place of a shuffled cycle of the letters."""
    mcqs = sorted(
        (q for q in questions if q.type == "mcq"), key=lambda q: (q.depth, _h(f"{seed}:{q.id}"))
    )  # the default deck's own turns first: a --depth full deck adds the details' turns
    slots: dict[tuple[str, int], list[int]] = {}
    placed: dict[str, Question] = {}
    for q in mcqs:
        n = len(q.options)
        cycle = slots.get((q.depth, n))
        if not cycle:
            cycle = list(range(n))
            _rng(seed, q.id, "letters").shuffle(cycle)
            slots[q.depth, n] = cycle
        at = cycle.pop()
        rest = [o for o in q.options if o != q.answer]
        _rng(seed, q.id, "rest").shuffle(rest)
        shown = (*rest[:at], q.answer, *rest[at:])
        placed[q.id] = dataclasses.replace(q, options=shown, correct=(at,))
    return [placed.get(q.id, q) for q in questions]


def generate(rs: RecordSet, tset: TemplateSet, seed: int = 0) -> list[Question]:
    """Every question the templates can make well from these records, in a stable order."""
    out: list[Question] = []
    seen: set[str] = set()
    for t in tset.templates:
        for rec in rs.of(t.about):
            if not eligible(t, rec):
                continue
            for q in _apply(t, rec, rs, seed):
                key = f"{q.type}|{q.prompt}|{'|'.join(sorted(q.options))}"
                if key not in seen and q.id not in seen:
                    seen.update((key, q.id))
                    out.append(q)
    return _balance_letters(_limit_per_source(out), seed)
