"""Question templates: data files that say what to ask about a kind of record, and in which words.

A template names its ``topic``, the kind of record it is ``about``, the fields it ``require``s
(true or non-empty; ``field=value`` for one value) and those that must be ``absent``, its
``answer`` field, where wrong ``options`` come from, and its wording per question type. The fields
a template may name are those of the record kinds in reading/records.py; anything else is refused
when the file is loaded, with the file and template named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..model import DeirquizError
from ..reading.records import KINDS, fields_of

TYPES = ("basic", "mcq", "cloze", "truefalse", "order")
GLOBAL_FIELDS = ("subject", "title", "kind_the", "was", "value", "value_the", "value_person")
OPTIONS = ("none", "dates", "years")  # or "choices:FIELD", a list field of the record
DEPTHS = ("auto", "core", "detail")
_KEYS = {"id", "topic", "about", "require", "absent", "answer", "options", "types", "explanation",
         "depth"}  # fmt: skip
_FIELD = re.compile(r"\{([^{}]*)\}")
_FIELD_NAME = re.compile(r"[a-z_][a-z0-9_]*")


@dataclass(frozen=True)
class Template:
    id: str
    topic: str
    about: str
    answer: str
    types: dict[str, str]
    require: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    options: str = "none"
    explanation: str = ""
    depth: str = "auto"


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


def _names(v: object, where: str, key: str) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,)
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return tuple(v)
    raise DeirquizError(where, f"{key!r} must be a name or a list of names")


def _check_wording(wording: str, where: str, what: str, known: Iterable[str]) -> None:
    """Only plain '{field}' placeholders of the record's kind: '{name.attr}', '{name[0]}' or
    '{name:>999999}' would let a template file reach into Python objects or allocate without end."""
    allowed = set(known) | set(GLOBAL_FIELDS)
    for m in _FIELD.finditer(wording):
        if not _FIELD_NAME.fullmatch(m.group(1)):
            raise DeirquizError(where, f"{what}: {m.group()!r} is not a field name like '{{name}}'")
        if m.group(1) not in allowed:
            raise DeirquizError(where, f"{what}: no field {m.group()!r} for this kind of record")
    rest = _FIELD.sub("", wording)
    if "{" in rest or "}" in rest:
        raise DeirquizError(where, f"{what}: unbalanced braces in {wording!r}")


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
    kind = t["about"]
    if kind not in KINDS:
        raise DeirquizError(where, f"unknown 'about: {kind}' (one of {', '.join(KINDS)})")
    known = fields_of(kind)
    types = t.get("types")
    if not isinstance(types, dict) or not types:
        raise DeirquizError(where, "needs 'types': a mapping of question type to wording")
    for ty, wording in types.items():
        if ty not in TYPES:
            raise DeirquizError(where, f"unknown question type {ty!r} (one of {', '.join(TYPES)})")
        if not isinstance(wording, str) or not wording.strip():
            raise DeirquizError(where, f"type {ty!r} needs its wording as text")
        _check_wording(wording, where, ty, known)
    answer = t.get("answer", "")
    if not isinstance(answer, str) or (answer and answer not in known):
        raise DeirquizError(where, f"'answer': {kind} has no field {answer!r}")
    if not answer and set(types) != {"order"}:
        raise DeirquizError(where, "needs 'answer': the record field that answers it")
    require = _names(t.get("require"), where, "require")
    absent = _names(t.get("absent"), where, "absent")
    for name in (*require, *absent):
        if name.split("=", 1)[0] not in known:
            raise DeirquizError(
                where, f"{name!r}: {kind} has no such field (it has {', '.join(known)})"
            )
    options = t.get("options") or "none"
    if not isinstance(options, str) or not (
        options in OPTIONS or (options.startswith("choices:") and known.get(options[8:]) == "list")
    ):
        raise DeirquizError(
            where, f"'options: {options}' is none of {', '.join(OPTIONS)} or choices:FIELD"
        )
    if "mcq" in types and options == "none":
        raise DeirquizError(where, "an 'mcq' wording needs 'options' to take wrong answers from")
    depth = t.get("depth") or "auto"
    if depth not in DEPTHS:
        raise DeirquizError(where, f"'depth' is one of {', '.join(DEPTHS)}")
    explanation = t.get("explanation") or ""
    if not isinstance(explanation, str):
        raise DeirquizError(where, "'explanation' must be text")
    _check_wording(explanation, where, "explanation", known)
    return Template(id=tid, topic=t["topic"], about=kind, answer=answer, types=dict(types),
                    require=require, absent=absent, options=options, explanation=explanation,
                    depth=depth)  # fmt: skip


def parse_templates(text: str, where: str, loader: type | None = None) -> TemplateSet:
    """A template file's text -> templates. A teacher's file is read by the article loader's
    string-only YAML (no aliases: a bomb is refused, not expanded)."""
    if loader is None:
        from ..yamlstrings import StringLoader

        loader = StringLoader
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        line = f"line {mark.line + 1}: " if mark else ""
        raise DeirquizError(where, f"template YAML does not parse: {line}{e.problem}") from None
    except yaml.YAMLError as e:
        raise DeirquizError(
            where, f"template YAML does not parse: {' '.join(str(e).split())}"
        ) from None
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
    out = tuple(_template(t, f"{where}: template {i}") for i, t in enumerate(raw, 1))
    return TemplateSet(topics=dict(topics), templates=out)


def load_templates(extra_files: Iterable[str | Path] = ()) -> TemplateSet:
    """The shipped templates, then each --templates file: same id replaces, new id adds."""
    base = resources.files("deirquiz") / "templates"
    fast = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    sets = [
        parse_templates(p.read_text(encoding="utf-8"), f"templates/{p.name}", fast)
        for p in sorted(base.iterdir(), key=lambda p: p.name)
        if p.name.endswith(".yaml")
    ]
    for f in extra_files:
        from ..article import read  # the articles' guarded reader: size, file type, encoding

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
