"""The edits file: a teacher's decisions on one article's questions, as YAML they can read and
edit by hand, beside the outputs (``<out>/<slug>.edits.yaml``).

    strike:
    # What was the result of ...?        <- the question's prompt, as a reminder
    - <question id>
    edit:
      <question id>:
        prompt: ...
    keep:
    - <question id>

Read as the article's front matter is (strings only, no aliases, a size cap, regular files only);
written whole and atomically after each decision, so a crash or Ctrl-C loses nothing.
"""

from __future__ import annotations

import stat
from collections.abc import Mapping
from pathlib import Path

import yaml  # type: ignore[import-untyped]

from .edits import FIELDS, Edit, Edits, clean
from .model import DeirquizError
from .output import safe_path, write_atomic
from .yamlstrings import StringLoader

SUFFIX = ".edits.yaml"
MAX_BYTES = 1_000_000  # thousands of decisions; an article has a few hundred questions
SECTIONS = ("strike", "edit", "keep")


def path_for(folder: str | Path, slug: str) -> Path:
    return safe_path(Path(folder), slug + SUFFIX)


def target(given: str | None, folder: str | None, slug: str) -> Path | None:
    """Where one article's edits are: the file given, else the one in ``folder`` named after the
    article."""
    if given:
        return Path(given)
    return None if folder is None else path_for(folder, slug)


def for_article(given: str | None, folder: str | None, slug: str, new: bool = False) -> Edits:
    """The edits of one article: from the file given (which must exist, unless it is ``new``,
    about to be written), else from the one in ``folder`` named after the article, if there is
    one. The edits' ``where`` says where they are, or would be."""
    path = target(given, folder, slug)
    if path is None:
        return Edits()
    try:
        absent = (new or not given) and not path.exists() and not path.is_symlink()
    except OSError as e:
        raise DeirquizError(str(path), e.strerror or "cannot be read") from None
    return Edits(where=str(path)) if absent else read(path)


def read(path: Path) -> Edits:
    """The file's decisions; anything wrong with it is a one-line error naming it."""
    where = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise DeirquizError(where, "is not a regular file (a folder, a device or a pipe?)")
        if info.st_size > MAX_BYTES:
            raise DeirquizError(where, f"is larger than an edits file can be ({MAX_BYTES:,} bytes)")
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)  # the file may have grown since
    except FileNotFoundError:
        raise DeirquizError(where, "no such edits file") from None
    except OSError as e:
        raise DeirquizError(where, e.strerror or "cannot be read") from None
    if len(data) > MAX_BYTES:
        raise DeirquizError(where, f"is larger than an edits file can be ({MAX_BYTES:,} bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DeirquizError(where, "is not UTF-8 text") from None
    return parse(text, where)


def parse(text: str, where: str) -> Edits:
    try:
        doc = yaml.load(text, Loader=StringLoader)
    except yaml.MarkedYAMLError as e:
        line = f" at line {e.problem_mark.line + 1}" if e.problem_mark else ""
        raise DeirquizError(where, f"is not valid YAML ({e.problem}{line})") from None
    except yaml.YAMLError as e:
        raise DeirquizError(where, f"is not valid YAML ({e})") from None
    if doc in (None, ""):
        return Edits(where=where)
    if not isinstance(doc, dict):
        raise DeirquizError(where, "should map strike, edit and keep to question ids")
    for name in doc:
        if name not in SECTIONS:
            raise DeirquizError(where, f"unknown section {name!r} (there are strike, edit, keep)")
    edits = {qid: e for qid, e in _edits(doc.get("edit"), where).items() if e.fields()}
    return Edits(keep=_ids(doc, "keep", where), strike=_ids(doc, "strike", where), edit=edits,
                 where=where)  # fmt: skip


def _ids(doc: dict, name: str, where: str) -> tuple[str, ...]:
    value = doc.get(name)
    if value in (None, ""):
        return ()
    if not isinstance(value, list) or not all(isinstance(i, str) for i in value):
        raise DeirquizError(where, f"{name}: should be a list of question ids, one '- id' a line")
    return tuple(dict.fromkeys(i.strip() for i in value if i.strip()))


def _edits(value, where: str) -> dict[str, Edit]:
    if value in (None, ""):
        return {}
    if not isinstance(value, dict):
        raise DeirquizError(where, "edit: should map question ids to what you rewrote")
    out = {}
    for qid, fields in value.items():
        if not isinstance(qid, str):
            raise DeirquizError(where, "edit: a question id is text, not a list or a mapping")
        out[qid.strip()] = _edit(qid.strip(), fields, where)
    return out


def _edit(qid: str, fields, where: str) -> Edit:
    if fields in (None, ""):
        return Edit()
    if not isinstance(fields, dict):
        raise DeirquizError(where, f"edit: {qid}: should map {', '.join(FIELDS)} to new text")
    got: dict[str, str | tuple[str, ...]] = {}
    for name, value in fields.items():
        if name not in FIELDS:
            raise DeirquizError(where, f"edit: {qid}: unknown field {name!r} ({', '.join(FIELDS)})")
        if name == "options":
            if not isinstance(value, list) or not all(isinstance(o, str) for o in value):
                raise DeirquizError(
                    where, f"edit: {qid}: options should be a list, '- text' a line"
                )
            got[name] = tuple(clean(o) for o in value)
        elif isinstance(value, str):
            got[name] = clean(value)
        else:
            raise DeirquizError(where, f"edit: {qid}: {name} should be text")
    return Edit(**got)  # type: ignore[arg-type]


# --- writing ---------------------------------------------------------------------------------


def dump(edits: Edits, title: str, labels: Mapping[str, str]) -> str:
    """The file's text. ``labels`` (id -> prompt) become comments, so that a reader sees which
    question an id is."""
    out = [
        f"# deirquiz: your decisions on the questions of {_comment(title)}",
        "# strike: never written, in any format. edit: written as you rewrote it (prompt, answer,",
        "# options, explanation), as the same Anki note. keep: checked and kept as made.",
        "# deirquiz review rewrites this file after each decision; comments are not kept.",
    ]
    for name in SECTIONS:
        ids = list(edits.edit) if name == "edit" else list(getattr(edits, name))
        out += ["", f"{name}:" if ids else f"{name}: {'{}' if name == 'edit' else '[]'}"]
        for qid in ids:
            pad = "  " if name == "edit" else ""
            if qid in labels:
                out.append(f"{pad}# {_comment(labels[qid])}")
            if name == "edit":
                out += [pad + line for line in _yaml({qid: edits.edit[qid].fields()}).splitlines()]
            else:
                out += _yaml([qid]).splitlines()
    return "\n".join(out) + "\n"


def save(path: Path, edits: Edits, title: str, labels: Mapping[str, str]) -> None:
    try:
        write_atomic(path, dump(edits, title, labels))
    except OSError as e:
        raise DeirquizError(str(path), f"cannot be written ({e.strerror or e})") from None


def _yaml(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1_000_000,
                          default_flow_style=False)  # fmt: skip


def _comment(text: str, limit: int = 96) -> str:
    text = clean(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
