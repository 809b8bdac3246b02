"""Templates (data) x records -> questions, each checked by the validator before it is kept.

A template names the kind of record it asks about, the fields it needs, where its answer and its
distractors come from, and its wording per question type. Nothing here knows about commanders or
casualties: that knowledge lives in the YAML files under ``templates/``.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from . import distractors
from .distractors import Pool
from .model import DeirquizError, Extraction, Question, Source
from .records import Record, build
from .validate import problems

TYPES = ("basic", "mcq", "cloze", "truefalse", "order")
MAX_PER_SENTENCE = 4
MAX_PER_FACT = 2
_KEYS = {
    "id", "topic", "about", "require", "unique", "answer", "pool", "pool_same", "pool_extra",
    "exclude", "types", "explanation", "absent", "group", "fact", "pool_require",
}  # fmt: skip


@dataclass(frozen=True)
class Template:
    id: str
    topic: str
    about: str
    answer: str
    types: dict[str, str]
    require: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    unique: tuple[str, ...] = ()
    pool: str = ""
    pool_same: tuple[str, ...] = ()
    pool_extra: str = ""
    pool_require: tuple[str, ...] = ()  # fields a record must have to give a wrong option
    exclude: str = ""
    explanation: str = ""
    group: str = ""  # "first": an mcq over a group of events, "which came first?"
    fact: str = ""  # what the question tests, e.g. "when:{_id}": templates sharing it ask one fact


@dataclass(frozen=True)
class TemplateSet:
    topics: dict[str, str]  # topic -> heading shown to people, in display order
    templates: tuple[Template, ...] = field(default=())

    def check_topics(self, wanted: Iterable[str]) -> None:
        for topic in wanted:
            if topic not in self.topics:
                raise DeirquizError(
                    "--topic", f"unknown topic {topic!r} (one of {', '.join(self.topics)})"
                )


def _tuple(v: object, where: str, key: str) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,)
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return tuple(v)
    raise DeirquizError(where, f"{key!r} must be a name or a list of names")


def parse_templates(text: str, where: str, loader: type | None = None) -> TemplateSet:
    """A template file's text -> templates. A teacher's file is read by the article loader
    (strings only, no aliases: a bomb in 'pool' is refused, not expanded); only our own shipped
    files take the faster libyaml loader."""
    if loader is None:
        from .yamlstrings import StringLoader

        loader = StringLoader
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        line = f"line {mark.line + 1}: " if mark else ""
        raise DeirquizError(where, f"template YAML does not parse: {line}{e.problem}") from None
    except yaml.YAMLError as e:
        problem = " ".join(str(e).split())
        raise DeirquizError(where, f"template YAML does not parse: {problem}") from None
    except RecursionError:
        raise DeirquizError(where, "template YAML is nested too deeply") from None
    if not isinstance(data, dict):
        raise DeirquizError(
            where, "a template file must be a mapping with 'templates' (and 'topics')"
        )
    topics = data.get("topics") or {}
    if not isinstance(topics, dict) or not all(isinstance(v, str) for v in topics.values()):
        raise DeirquizError(where, "'topics' must map topic names to headings")
    raw = data.get("templates") or []
    if not isinstance(raw, list):
        raise DeirquizError(where, "'templates' must be a list")
    out = []
    for i, t in enumerate(raw, 1):
        out.append(_template(t, f"{where}: template {i}"))
    return TemplateSet(topics=dict(topics), templates=tuple(out))


def _template(t: object, where: str) -> Template:
    if not isinstance(t, dict):
        raise DeirquizError(where, "must be a mapping")
    tid = t.get("id")
    if not isinstance(tid, str) or not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", tid):
        raise DeirquizError(where, "needs an 'id' of lowercase letters, digits, '-' or '_'")
    where = f"{where.rsplit(': template', 1)[0]}: template {tid!r}"
    unknown = set(t) - _KEYS
    if unknown:
        raise DeirquizError(where, f"unknown key(s): {', '.join(sorted(unknown))}")
    for key in ("topic", "about"):
        if not isinstance(t.get(key), str) or not t[key]:
            raise DeirquizError(where, f"needs {key!r}")
    types = t.get("types")
    if not isinstance(types, dict) or not types:
        raise DeirquizError(where, "needs 'types': a mapping of question type to wording")
    for ty, wording in types.items():
        if ty not in TYPES:
            raise DeirquizError(where, f"unknown question type {ty!r} (one of {', '.join(TYPES)})")
        if not isinstance(wording, str) or not wording.strip():
            raise DeirquizError(where, f"type {ty!r} needs its wording as text")
        _check_fields(wording, where, ty)
    _check_kind(t, where)
    answer = t.get("answer", "")
    if not isinstance(answer, str) or (
        not answer and set(types) != {"order"} and not t.get("group")
    ):
        raise DeirquizError(where, "needs 'answer': the record field that answers it")
    return Template(
        id=tid,
        topic=t["topic"],
        about=t["about"],
        answer=answer,
        types=dict(types),
        require=_tuple(t.get("require"), where, "require"),
        absent=_tuple(t.get("absent"), where, "absent"),
        unique=_tuple(t.get("unique"), where, "unique"),
        pool=str(t.get("pool") or answer),
        pool_same=_tuple(t.get("pool_same"), where, "pool_same"),
        pool_extra=str(t.get("pool_extra") or ""),
        pool_require=_tuple(t.get("pool_require"), where, "pool_require"),
        exclude=str(t.get("exclude") or ""),
        explanation=_checked(t.get("explanation"), where, "explanation"),
        group=_group(t.get("group"), where),
        fact=_checked(t.get("fact"), where, "fact"),
    )


_FIELD = re.compile(r"\{([^{}]*)\}")
_FIELD_NAME = re.compile(r"[a-z_][a-z0-9_]*")


_POOL_EXTRAS = ("", "none", "dates", "numbers", "numbers_above", "ranks")


def _check_kind(t: dict, where: str) -> None:
    """A typo ('about: comander', 'answer: unitt') would make no question and say nothing: name
    it instead, with what the kind offers."""
    from .records import BASE_FIELDS, FIELDS, LISTS

    kind = t["about"]
    if kind not in FIELDS:
        raise DeirquizError(where, f"unknown 'about: {kind}' (one of {', '.join(FIELDS)})")
    known = (*BASE_FIELDS, *FIELDS[kind])
    named = [("answer", t.get("answer")), ("pool", t.get("pool"))]
    for key in ("require", "absent", "unique", "pool_require"):
        value = t.get(key)
        named += [(key, v) for v in (value if isinstance(value, list) else [value])]
    for rule in t.get("pool_same") or []:
        if isinstance(rule, str):
            named += [("pool_same", part) for part in rule.split("=")]
    extra = t.get("pool_extra") or ""
    if isinstance(extra, str) and extra.startswith("own:"):
        named.append(("pool_extra", extra[4:]))
    elif extra not in _POOL_EXTRAS:
        raise DeirquizError(where, f"unknown 'pool_extra: {extra}'")
    if t.get("pool_require") and extra in ("dates", "numbers", "numbers_above"):
        # those wrong options are made, not taken from other records: the key would do nothing
        raise DeirquizError(where, f"'pool_require' does nothing with 'pool_extra: {extra}'")
    for key, field_name in named:
        if isinstance(field_name, str) and field_name and field_name not in known:
            raise DeirquizError(
                where, f"'{key}': {kind} has no field {field_name!r} (it has {', '.join(known)})"
            )
    exclude = t.get("exclude")
    if exclude and exclude not in LISTS.get(kind, ()):
        raise DeirquizError(where, f"'exclude': {kind} has no list {exclude!r}")
    wording = [w for w in (t.get("types") or {}).values() if isinstance(w, str)]
    for text in (*wording, t.get("explanation") or "", t.get("fact") or ""):
        for m in _FIELD.finditer(text if isinstance(text, str) else ""):
            name = m.group(1)
            if _FIELD_NAME.fullmatch(name) and name not in (*known, "value", "value_the", "_id"):
                raise DeirquizError(where, f"'{{{name}}}': {kind} has no such field")


def _check_fields(wording: str, where: str, what: str) -> None:
    """Only plain '{field}' placeholders: '{name.attr}', '{name[0]}' or '{name:>999999}' would let
    a template file reach into Python objects or allocate without end."""
    for m in _FIELD.finditer(wording):
        if not _FIELD_NAME.fullmatch(m.group(1)):
            raise DeirquizError(where, f"{what}: {m.group()!r} is not a field name like '{{name}}'")
    if _FIELD.sub("", wording).count("{") or _FIELD.sub("", wording).count("}"):
        raise DeirquizError(where, f"{what}: unbalanced braces in {wording!r}")


def _checked(value: object, where: str, key: str) -> str:
    if value in (None, ""):
        return ""
    if not isinstance(value, str):
        raise DeirquizError(where, f"{key!r} must be text")
    _check_fields(value, where, key)
    return value


def _group(value: object, where: str) -> str:
    if value in (None, ""):
        return ""
    if value != "first":
        raise DeirquizError(where, "'group' can only be 'first'")
    return "first"


def load_templates(extra_files: Iterable[str | Path] = ()) -> TemplateSet:
    """The shipped templates, then each --templates file: same id replaces, new id adds."""
    base = resources.files("deirquiz") / "templates"
    # the shipped files are read by libyaml (same result as BaseLoader, ten times faster)
    fast = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    sets = [
        parse_templates(p.read_text(encoding="utf-8"), f"templates/{p.name}", fast)
        for p in sorted(base.iterdir(), key=lambda p: p.name)
        if p.name.endswith(".yaml")
    ]
    for f in extra_files:
        from .article import read  # the articles' guarded reader: size, file type, encoding

        path = Path(f)
        if not path.exists() and not path.is_symlink():
            raise DeirquizError(str(path), "no such template file")
        sets.append(parse_templates(read(path), str(path)))
    topics: dict[str, str] = {}
    by_id: dict[str, Template] = {}
    for s in sets:
        topics.update(s.topics)
        for t in s.templates:
            by_id[t.id] = t
    for t in by_id.values():
        topics.setdefault(t.topic, t.topic.capitalize())
    return TemplateSet(topics=topics, templates=tuple(by_id.values()))


# --- applying templates -------------------------------------------------------------------


class _Fmt(dict):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def _fill(wording: str, fields: dict[str, str]) -> str | None:
    try:
        text = wording.format_map(_Fmt(fields))
    except (KeyError, IndexError, ValueError):
        return None
    text = " ".join(text.split())  # = re.sub(r"\s+", " ", text).strip(), at a third of the cost
    return text[:1].upper() + text[1:] if text else text


def _qid(slug: str, template: str, identity: str) -> str:
    return f"{slug}:{template}:{hashlib.sha1(identity.encode()).hexdigest()[:12]}"


def _rng(seed: int, *parts: str) -> random.Random:
    return random.Random(f"{seed}:" + ":".join(parts))


_NON_WORDS = re.compile(r"\W+")


def generate(extraction: Extraction, tset: TemplateSet, seed: int = 0) -> list[Question]:
    """Every question the templates can make well from this article, validated, in a stable order."""
    records, the = build(extraction)
    by_kind: dict[str, Pool] = {}
    for r in records:
        by_kind.setdefault(r.kind, Pool()).records.append(r)
    art = extraction.article
    seen: set[str] = set()
    ids: set[str] = set()
    kept: list[tuple[int, Question]] = []  # (how many of its fact came before, question)
    per_fact: dict[str, int] = {}

    def admit(q: Question) -> None:
        fact = q.extra.get("fact", q.id)
        if per_fact.get(fact, 0) >= MAX_PER_FACT:
            return  # "when was Janenah taken?" once as a choice, once as a blank: enough
        key = _NON_WORDS.sub(" ", q.prompt.lower()).strip()
        if q.type == "order" or _is_group(q):
            key += "|" + "|".join(sorted(q.options))  # one wording, other events to order
        if key in seen or q.id in ids:
            return
        seen.add(key)
        ids.add(q.id)
        kept.append((per_fact.get(fact, 0), q))
        per_fact[fact] = per_fact.get(fact, 0) + 1

    for t in tset.templates:
        pool_records = by_kind.get(t.about) or Pool()
        if "order" in t.types or t.group:
            for q in _order_questions(t, pool_records, art, seed):
                admit(q)
            continue
        truths = _truths(t, pool_records, seed)
        for rec in pool_records:
            # a fact asked twice already by earlier templates: nothing of this one could stay
            if t.fact and per_fact.get(_fact(t, rec), 0) >= MAX_PER_FACT:
                continue
            for q in _apply(t, rec, pool_records, art, seed, truths.get(rec.identity, True), the):
                admit(q)
    return _spread(kept)


def _fact(t: Template, rec: Record) -> str:
    """What a question of this template about this record tests: templates sharing a 'fact'
    wording ("when:{_id}") ask one fact between them."""
    fact = (_fill(t.fact, {**rec.fields, "_id": rec.identity}) or "") if t.fact else ""
    return fact or f"{t.id}:{rec.identity}"


def _is_group(q: Question) -> bool:
    return bool(q.extra.get("group"))


_STATEMENTS = ("section:", "infobox: result")  # sources that are sentences, not infobox facts


def _spread(kept: list[tuple[int, Question]]) -> list[Question]:
    """One statement gives at most MAX_PER_SENTENCE cards, however many templates it fits: as
    many different facts of it as that allows (its date, a place, a figure) before a second
    card on any one of them. ("On 15 September, X, and a day later, Y" holds two statements.)"""
    per_source: dict[str, list[int]] = {}
    for i, (_, q) in enumerate(kept):
        if q.source.where.startswith(_STATEMENTS) and q.type != "order" and not _is_group(q):
            per_source.setdefault(f"{q.source.text}|{q.extra.get('day', '')}", []).append(i)
    dropped: set[int] = set()
    for idx in per_source.values():
        if len(idx) > MAX_PER_SENTENCE:
            # first one card per fact, and among those one per template (its date, one of its
            # places, one of its formations) before a second of the same template
            nth: dict[str, int] = {}
            rank = {}
            for i in idx:
                q = kept[i][1]
                rank[i] = (kept[i][0], nth.get(q.template, 0), i)
                nth[q.template] = nth.get(q.template, 0) + 1
            ranked = sorted(idx, key=rank.__getitem__)
            dropped.update(ranked[MAX_PER_SENTENCE:])
    return [q for i, (_, q) in enumerate(kept) if i not in dropped]


def _truths(t: Template, recs: Pool, seed: int) -> dict[str, bool]:
    """Half of a template's true/false statements true, half false, in a seeded order: a coin per
    statement can make all four of an article's statements true."""
    if "truefalse" not in t.types:
        return {}
    eligible = sorted(
        (r for r in recs if _eligible(t, r, recs)),
        key=lambda r: hashlib.sha1(f"{seed}:{t.id}:{r.identity}".encode()).digest(),
    )
    return {r.identity: i % 2 == 0 for i, r in enumerate(eligible)}


_NONE = Pool()  # no other record: 'unique' holds trivially


def _eligible(t: Template, rec: Record, pool: Pool) -> bool:
    if any(not rec.get(f) for f in t.require) or any(rec.get(f) for f in t.absent):
        return False
    if t.answer and not rec.get(t.answer):
        return False
    return all(pool.count(f)[rec.get(f).casefold()] <= 1 for f in t.unique)


def _apply(
    t: Template,
    rec: Record,
    same_kind: Pool,
    art,
    seed: int,
    truth: bool = True,
    the: Callable[[str], str] = str,
) -> list[Question]:
    if not _eligible(t, rec, same_kind):
        return []
    fact = _fact(t, rec)
    answer = rec.get(t.answer)
    qid_base = _qid(art.slug, t.id, rec.identity)
    source = Source(text=rec.source_text, where=rec.source_where, title=art.title, url=art.url)
    explanation = _fill(t.explanation, rec.fields) or "" if t.explanation else ""
    # wrong options serve mcq and true/false only; at most 3 are used
    wants_wrong = "mcq" in t.types or "truefalse" in t.types
    wrong = distractors.pick(t, rec, same_kind, answer, seed, limit=3) if wants_wrong else []
    out: list[Question] = []
    needs_the = any("{value_the}" in w for w in t.types.values())
    with_answer = {**rec.fields, "value": answer, "value_the": the(answer) if needs_the else ""}
    made: set[str] = set()
    for ty, wording in t.types.items():
        if ty == "order":
            continue
        qid = f"{qid_base}:{ty}"
        prompt = _fill(wording, with_answer)
        if prompt is None or (prompt in made and ty != "truefalse"):
            continue  # a blank already asked as a choice: the same prompt would be dropped
        q = None
        if ty == "basic" or ty == "cloze":
            q = Question(qid, t.topic, ty, prompt, answer, source, template=t.id,
                         explanation=explanation)  # fmt: skip
        elif ty == "mcq":
            if len(wrong) < 3:
                continue
            options = [answer, *wrong[:3]]
            _rng(seed, qid).shuffle(options)
            q = Question(qid, t.topic, ty, prompt, answer, source, options=tuple(options),
                         correct=(options.index(answer),), template=t.id,
                         explanation=explanation)  # fmt: skip
        elif ty == "truefalse":
            if not wrong:
                continue  # with no false twin to offer, every such statement would be true
            value = answer if truth else wrong[0]
            value_the = the(value) if needs_the else ""
            statement = _fill(wording, {**rec.fields, "value": value, "value_the": value_the})
            if statement is None:
                continue
            statement = statement.replace("_____", value)
            expl = explanation
            if not truth:
                true_text = (_fill(wording, with_answer) or "").replace("_____", answer)
                expl = f"False: {true_text}" + (f" {explanation}" if explanation else "")
            q = Question(qid, t.topic, ty, statement, "True" if truth else "False", source,
                         options=("True", "False"), correct=(0 if truth else 1,),
                         template=t.id, explanation=expl)  # fmt: skip
        if q is not None and not problems(q):
            made.add(prompt)
            q.extra["fact"] = fact
            q.extra["day"] = rec.get("iso")  # a sentence of two dates holds two statements
            out.append(q)
    return out


def _event_groups(t: Template, recs: Pool, offset: int) -> list[list[Record]]:
    """Groups of four self-contained events, one a day, so that their order is never in doubt."""
    usable = [r for r in recs if r.get("clause") and not r.get("by") and _eligible(t, r, _NONE)]
    usable.sort(key=lambda r: (r.get("iso"), r.identity))
    chosen: list[Record] = []
    for r in usable:
        if not chosen or r.get("iso") != chosen[-1].get("iso"):
            chosen.append(r)
    return [chosen[i : i + 4] for i in range(offset, len(chosen) - 3, 4)]


def _order_questions(t: Template, recs: Pool, art, seed: int) -> list[Question]:
    """'Put these in order' (type order), or 'which came first?' (group: first, type mcq), each
    over its own groups of four events so the two never ask the same set."""
    first = t.group == "first"
    out: list[Question] = []
    ty = "mcq" if first else "order"
    wording = t.types.get(ty)
    if wording is None:
        return []
    for group in _event_groups(t, recs, offset=2 if first else 0):
        identity = "|".join(r.identity for r in group)
        qid = f"{_qid(art.slug, t.id, identity)}:{ty}"
        items = [r.get("clause") for r in group]
        shown = list(range(4))
        rng = _rng(seed, qid)
        while shown == sorted(shown):  # already in order would give the answer away
            rng.shuffle(shown)
        options = tuple(items[k] for k in shown)
        prompt = _fill(wording, group[0].fields)
        if prompt is None:
            continue
        source = Source(
            text=" / ".join(f"{r.get('date')}: {r.source_text}" for r in group),
            where="; ".join(dict.fromkeys(r.source_where for r in group)),
            title=art.title,
            url=art.url,
        )
        if first:
            answer = items[0]
            dated = "; ".join(f"{r.get('date')}: {r.get('clause')}" for r in group)
            q = Question(qid, t.topic, "mcq", prompt, answer, source, options=options,
                         correct=(options.index(answer),), template=t.id,
                         explanation=dated)  # fmt: skip
            q.extra["group"] = "first"
        else:
            correct = tuple(shown.index(k) for k in range(4))
            letters = "ABCD"
            answer = ", ".join(f"{letters[correct[k]]} ({group[k].get('date')})" for k in range(4))
            q = Question(qid, t.topic, "order", prompt, answer, source, options=options,
                         correct=correct, template=t.id, explanation="")  # fmt: skip
        if not problems(q):
            out.append(q)
    return out
