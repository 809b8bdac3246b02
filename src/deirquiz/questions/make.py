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

from ..model import Question, Source
from ..reading import salience
from ..reading.names import with_the
from ..reading.records import Record, RecordSet
from . import options
from .checks import problems
from .templates import Template, TemplateSet

MAX_PER_SOURCE = 3  # cards from one sentence or infobox line: more would be the same card again


def _h(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def _rng(seed: int, *parts: str) -> random.Random:
    return random.Random(f"{seed}:" + ":".join(parts))


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def _fields(rec: Record, rs: RecordSet) -> _Fields:
    out = _Fields(subject=rs.subject, title=rs.title, kind_the=rs.kind_the)
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


def _others(rec: Record, rs: RecordSet, field: str) -> list[str]:
    """The same field of the other records of this kind and family: another side's total."""
    if not hasattr(rec, "what") or not field:
        return []
    same = [r for r in rs.of(rec.kind) if r is not rec and r.value("what") == rec.value("what")]
    return [str(r.value(field)) for r in same]


def _apply(t: Template, rec: Record, rs: RecordSet, seed: int) -> list[Question]:
    fields = _fields(rec, rs)
    answer = str(rec.value(t.answer)) if t.answer else ""
    base = f"{rs.slug}:{t.id}:{_h(rec.identity)}"
    source = Source(text=rec.source, where=rec.where, title=rs.title, url=rs.url)
    wrong = options.wrong(rec, t.options, answer, _others(rec, rs, t.answer), f"{seed}:{base}")
    common = {"topic": t.topic, "template": t.id, "depth": _depth(t, rec),
              "salience": rec.salience, "fact": rec.fact}  # fmt: skip
    explanation = _fill(t.explanation, {**fields, "value": answer}) if t.explanation else ""
    out = []
    for ty, wording in t.types.items():
        qid = f"{base}:{ty}"
        q = None
        if ty in ("basic", "cloze"):
            prompt = _fill(wording, {**fields, "value": answer, "value_the": with_the(answer)})
            if prompt:
                q = Question(qid, type=ty, prompt=prompt, answer=answer, source=source,
                             explanation=explanation or "", **common)  # fmt: skip
        elif ty == "mcq" and len(wrong) >= 2:
            prompt = _fill(wording, {**fields, "value": answer})
            shown = (answer, *wrong[:3])
            if prompt:
                q = Question(qid, type=ty, prompt=prompt, answer=answer, source=source,
                             options=shown, correct=(0,), explanation=explanation or "",
                             **common)  # fmt: skip
        elif ty == "truefalse" and wrong:
            q = _true_false(qid, wording, fields, answer, wrong[0], seed, source, common,
                            explanation or "")  # fmt: skip
        elif ty == "order":
            q = _order(qid, wording, fields, rec, seed, source, common)
        if q is not None and not problems(q):
            out.append(q)
    return out


def _true_false(qid, wording, fields, answer, wrong, seed, source, common, explanation):
    truth = _rng(seed, qid).random() < 0.5
    value = answer if truth else wrong
    statement = _fill(wording, {**fields, "value": value, "value_the": with_the(value)})
    true_text = _fill(wording, {**fields, "value": answer, "value_the": with_the(answer)})
    if not statement or not true_text:
        return None
    expl = (
        explanation if truth else f"False: {true_text}" + (f" {explanation}" if explanation else "")
    )
    return Question(qid, type="truefalse", prompt=statement, answer="True" if truth else "False",
                    source=source, options=("True", "False"), correct=(0 if truth else 1,),
                    explanation=expl, **common)  # fmt: skip


def _order(qid, wording, fields, rec, seed, source, common):
    items = list(rec.value("items"))
    when = list(rec.value("dates"))
    if len(items) != 4:
        return None
    shown = list(range(4))
    rng = _rng(seed, qid)
    while shown in ([0, 1, 2, 3], [3, 2, 1, 0]):  # in order, or reversed: the answer shows
        rng.shuffle(shown)
    opts = tuple(items[k] for k in shown)
    correct = tuple(shown.index(k) for k in range(4))
    answer = " → ".join(when)
    prompt = _fill(wording, fields)
    if not prompt:
        return None
    expl = "; ".join(f"{d}: {i}" for d, i in zip(when, items, strict=True))
    return Question(qid, type="order", prompt=prompt, answer=answer, source=source, options=opts,
                    correct=correct, explanation=expl, **common)  # fmt: skip


def _limit_per_source(questions: list[Question]) -> list[Question]:
    """At most MAX_PER_SOURCE cards from one sentence, the weightiest first."""
    by_source: dict[str, list[Question]] = defaultdict(list)
    for q in questions:
        by_source[q.source.text].append(q)
    keep: set[str] = set()
    for qs in by_source.values():
        qs.sort(key=lambda q: (-q.salience, q.id))
        keep.update(q.id for q in qs[:MAX_PER_SOURCE])
    return [q for q in questions if q.id in keep]


def _balance_letters(questions: list[Question], seed: int) -> list[Question]:
    """The key's letter spread evenly: the n-th multiple-choice question of the article (in a
    seeded order) puts its answer at the n-th place of a shuffled cycle of the letters."""
    mcqs = sorted((q for q in questions if q.type == "mcq"), key=lambda q: _h(f"{seed}:{q.id}"))
    slots: dict[int, list[int]] = {}
    placed: dict[str, Question] = {}
    for q in mcqs:
        n = len(q.options)
        cycle = slots.get(n)
        if not cycle:
            cycle = list(range(n))
            _rng(seed, q.id, "letters").shuffle(cycle)
            slots[n] = cycle
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
