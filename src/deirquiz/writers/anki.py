"""Anki packages (.apkg): one deck per quiz, a subdeck per topic, note types of our own.

Anki matches notes on re-import by GUID and note types by id, and silently skips a note whose note
type's fields have changed. So every id here derives from a stable name (the question id, the deck
name, "deirquiz Basic v1"), and a note type's fields are frozen: a new field means a new "v2" type.

genanki copies field text into the package unescaped, and Anki reads fields as HTML and re-reads
them for its own syntax (``{{c1::…}}``, ``[sound:…]``) and for MathJax (``\\(…\\)``). Article
text therefore goes through ``_text`` (HTML-escaped, braces and brackets as entities, each
backslash in an element of its own) before it touches a field; only this module writes markup.
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import re
import sqlite3
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

from ..model import DeirquizError, Question, Quiz
from ..output import write_atomic
from .anki_notetypes import CSS, LETTERS, NOTE_TYPES
from .quotes import quote, tidy
from .sheet import shorten

LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
QUOTE_SHOWN = 140  # characters of a source quoted open on a card; a longer one folds
TYPE_IN_MAX = 40  # with --type-in, answers up to this long are typed (longer ones are not)

# genanki's advice for model ids is randrange(1 << 30, 1 << 31); we hash a name into that range.
_ID_LOW, _ID_HIGH = 1 << 30, 1 << 31

# --- text to field HTML -----------------------------------------------------------------------

# \x1f separates fields inside Anki's notes table; control characters have no business in a card.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Anki parses fields for {{c1::…}} (cloze) and [sound:…], [anki:…], [latex] tags after
# rendering; entities keep article text from ever forming them.
_INERT = str.maketrans({"{": "&#123;", "}": "&#125;", "[": "&#91;", "]": "&#93;"})
_BLANK = re.compile(r"_{3,}")
_TRUE_OR_FALSE = re.compile(r"^\s*true\s+or\s+false\s*[:?]\s*", re.IGNORECASE)


# Anki typesets MathJax (\(…\), \[…\]) in the rendered card, on the page's text, where an
# entity is a backslash again. MathJax looks for a delimiter within one run of text and ends the
# run at every element, so a backslash alone in its own <span> can start none.
_BACKSLASH = "<span>\\</span>"


def _text(s: str) -> str:
    """Article text as inert field HTML: escaped, no Anki syntax or MathJax, line breaks kept."""
    s = _CONTROL.sub("", s.replace("\r\n", "\n"))
    escaped = html.escape(s).translate(_INERT).replace("\n", "<br>")
    return escaped.replace("\\", _BACKSLASH) if "\\" in escaped else escaped


def _url(url: str | None) -> str | None:
    """An http(s) URL as an attribute value; anything else (javascript:, data:) is dropped."""
    if not url or not re.match(r"https?://", url, re.IGNORECASE) or _CONTROL.search(url):
        return None
    return html.escape(url).translate(_INERT)


# for the other writers that put article text into HTML fields (Moodle, GIFT, QTI)
html_text = _text
safe_href = _url


def _link(title: str, url: str | None) -> str:
    href = _url(url)
    return f'<a href="{href}">{_text(title)}</a>' if href else _text(title)


def stable_id(name: str) -> int:
    """A model or deck id from a name: the same name gives the same id on every machine."""
    digest = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")
    return _ID_LOW + digest % (_ID_HIGH - _ID_LOW)


def _tag(part: str) -> str:
    """A piece of a tag: no spaces or quotes (Anki splits on them), no ':' (hierarchy)."""
    return re.sub(r"[\s\"\x00-\x1f:]+", "_", part).strip("_") or "none"


def note_tags(q: Question, quiz: Quiz) -> list[str]:
    tags = ["deirquiz", f"topic::{_tag(q.topic)}", f"type::{_tag(q.type)}", _tag(quiz.slug)]
    return [*tags, f"depth::{_tag(q.depth)}"] if q.depth != "core" else tags


# A title of ASCII words and single spaces loses only its case to the slug that begins every
# question id, so its notes keep the GUIDs of deirquiz 0.2 (guid_for(id)). Any other title
# ("Offensive (2017)", "Siege of Kobanî") may share its slug with another ("Offensive 2017"):
# its GUIDs take the exact title too, or importing one article's deck would overwrite the
# other's notes.
_PLAIN_TITLE = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")


def note_guid(q: Question) -> str:
    """The note's GUID: from what the question asks (its id), so a regenerated deck updates its
    notes, and the article's exact title unless it is plain words."""
    import genanki  # heavy: keep the CLI's start fast

    title = q.source.title
    if not title or _PLAIN_TITLE.fullmatch(title):
        return genanki.guid_for(q.id)
    return genanki.guid_for(q.id, title)


def _deck_part(name: str) -> str:
    """One level of a deck name: '::' would nest, control characters would corrupt it."""
    name = " ".join(_CONTROL.sub(" ", name).split()).replace("::", ":")
    return name or "Untitled"


def topic_heading(topic: str) -> str:
    """'commanders' -> 'Commanders' (rest of the name untouched, so 'ISIL units' stays)."""
    words = topic.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


# --- questions to fields ----------------------------------------------------------------------


def _fail(q: Question, what: str) -> DeirquizError:
    return DeirquizError(f"question {q.id}", what)


def note_kind(q: Question, type_in: bool = False) -> str:
    """The note type a question is written as: its own type's, or with ``type_in`` a short
    answer's "type in" one."""
    if type_in and q.type == "basic" and len(" ".join(q.answer.split())) <= TYPE_IN_MAX:
        return "basic-typein"
    return q.type


def _quote_html(q: Question) -> str:
    """The source, cleaned of the converter's marks; a long one shows the part around the
    answer and folds the rest away (a phone's screen is for the answer)."""
    text = quote(q.source.text)
    if len(text) <= QUOTE_SHOWN:
        return f'<blockquote class="dq-quote">{_text(text)}</blockquote>'
    short = shorten(text, "" if q.type in ("truefalse", "order") else q.answer, QUOTE_SHOWN)
    return (
        '<details class="dq-fold"><summary><span class="dq-short">'
        f'{_text(short)}</span></summary><blockquote class="dq-quote">{_text(text)}</blockquote>'
        "</details>"
    )


def _source_html(q: Question, quiz: Quiz) -> str:
    """The sentence or infobox text the answer comes from, where it is, and the article link."""
    title = q.source.title or quiz.title
    cite = _link(title, q.source.url or quiz.url) + " (Wikipedia)"
    if q.source.where:
        cite += f" · {_text(q.source.where)}"
    return (_quote_html(q) if q.source.text.strip() else "") + f'<div class="dq-cite">{cite}</div>'


def _basic(q: Question) -> list[str]:
    return [_text(q.prompt), _text(q.answer), _text(tidy(q.explanation))]


def _mcq(q: Question) -> list[str]:
    if not 2 <= len(q.options) <= 4:
        raise _fail(q, f"a multiple-choice question needs 2 to 4 options, not {len(q.options)}")
    if len(q.correct) != 1 or not 0 <= q.correct[0] < len(q.options):
        raise _fail(q, f"'correct' must name one of the options, not {q.correct}")
    options = [_text(o) for o in q.options] + [""] * (4 - len(q.options))
    return [_text(q.prompt), *options, LETTERS[q.correct[0]], _text(tidy(q.explanation))]


def _truefalse(q: Question) -> list[str]:
    answer = {"true": "True", "false": "False"}.get(q.answer.strip().lower())
    if answer is None:
        raise _fail(q, f"a true/false answer must be True or False, not {q.answer!r}")
    statement = _TRUE_OR_FALSE.sub("", q.prompt)  # the card type says "True or false?" itself
    explanation = tidy(q.explanation)
    if explanation.startswith(answer + ":"):  # the card says "✗ False" itself
        explanation = explanation[len(answer) + 1 :].strip()
    return [_text(statement), answer, _text(explanation)]


def _cloze(q: Question) -> list[str]:
    parts = _BLANK.split(q.prompt)
    if len(parts) != 2:
        raise _fail(q, "a cloze prompt needs exactly one _____ blank")
    # Inside {{c1::…}} a '::' would start a hint, so colons of the answer become entities too.
    answer = _text(q.answer).replace(":", "&#58;")
    return [f"{_text(parts[0])}{{{{c1::{answer}}}}}{_text(parts[1])}", _text(tidy(q.explanation))]


def _order(q: Question) -> list[str]:
    n = len(q.options)
    if n < 2 or n > len(LETTERS) or sorted(q.correct) != list(range(n)):
        raise _fail(q, "an order question needs 'correct' to list every option once")
    items = "".join(
        f'<li class="dq-opt"><span class="dq-letter">{LETTERS[i]}</span> {_text(o)}</li>'
        for i, o in enumerate(q.options)
    )
    # The generator's answer is "date → date → …" and its explanation "date: event; …": then
    # each step carries its own date, and the explanation (the same list again) is left off.
    dates = q.answer.split(" → ")
    listed = "; ".join(f"{d}: {q.options[i]}" for i, d in zip(q.correct, dates, strict=False))
    dated = len(dates) == n and q.explanation == listed
    steps = "".join(
        f'<li class="dq-opt"><span class="dq-letter">{LETTERS[i]}</span> {_text(q.options[i])}'
        + (f' <span class="dq-when">{_text(d)}</span>' if dated else "")
        + "</li>"
        for i, d in zip(q.correct, dates if dated else [""] * n, strict=True)
    )
    order = ("" if dated else _text(q.answer)) + f'<ol class="dq-order-list">{steps}</ol>'
    explanation = "" if dated else _text(tidy(q.explanation))
    return [_text(q.prompt), f'<ol class="dq-options">{items}</ol>', order, explanation]


_FIELDS: dict[str, Callable[[Question], list[str]]] = {
    "basic": _basic,
    "mcq": _mcq,
    "truefalse": _truefalse,
    "cloze": _cloze,
    "order": _order,
}


def note_fields(q: Question, quiz: Quiz) -> list[str]:
    """The note's fields, in its note type's order, every piece of article text escaped."""
    if q.type not in _FIELDS:
        raise _fail(q, f"unknown question type {q.type!r}")
    if not q.prompt.strip() or not q.answer.strip():
        raise _fail(q, "empty prompt or answer")
    fields = _FIELDS[q.type](q)
    fields += [_source_html(q, quiz), _text(q.source.title or quiz.title)]
    assert len(fields) == len(NOTE_TYPES[q.type].fields)  # a type-in note has Basic's fields
    return fields


# --- decks ------------------------------------------------------------------------------------


def _articles(quiz: Quiz) -> list[tuple[str, str | None]]:
    """(title, url) of every article the quiz quotes, the quiz's own first, each once."""
    pairs = [(quiz.title, quiz.url), *((q.source.title, q.source.url) for q in quiz.questions)]
    linked: dict[str, str] = {}
    for title, url in pairs:
        if title and url:
            linked.setdefault(url, title)
    return [(t, u) for u, t in linked.items()] or [(quiz.title, None)]


def deck_description(quiz: Quiz) -> str:
    """The credit Wikipedia's licence asks for: article link, licence, and that we adapted it."""
    articles = _articles(quiz)
    links = ", ".join(_link(t, u) for t, u in articles)
    noun = "article" if len(articles) == 1 else "articles"
    return (
        f"Quiz questions generated by deirquiz from the Wikipedia {noun} {links}. "
        "Wikipedia's text is available under the "
        f'<a href="{LICENCE_URL}">Creative Commons Attribution-ShareAlike 4.0 License</a> '
        "(CC BY-SA 4.0); these cards quote and adapt it under the same licence."
    )


def _topics(quiz: Quiz) -> list[str]:
    """Topics with questions, in the quiz's order first, then in order of appearance."""
    used = dict.fromkeys(q.topic for q in quiz.questions)
    return [t for t in dict.fromkeys([*quiz.topics, *used]) if t in used]


def topic_decks(quiz: Quiz) -> tuple[str, dict[str, str]]:
    """The quiz's deck name and, per topic with questions, its subdeck's full name."""
    title = _deck_part(quiz.title)
    heading = quiz.heading if quiz.headings else topic_heading
    return title, {t: f"{title}::{_deck_part(heading(t))}" for t in _topics(quiz)}


def is_repeat(q: Question, written: dict[str, Question]) -> bool:
    """True for a question already written (a quiz combined with itself); two different
    questions under one id would overwrite each other's note in Anki, so that is refused."""
    key = note_guid(q)
    if key not in written:
        return False
    if written[key] != q:
        raise _fail(q, "two different questions share this id")
    return True


# --- writing ----------------------------------------------------------------------------------


def _zip_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # no wall clock in the zip
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _package_bytes(package, timestamp: float) -> bytes:
    """The .apkg as bytes. genanki's own write_to_file leaves its sqlite file in the system temp
    folder; an in-memory database serialised into the zip leaves nothing behind."""
    conn = sqlite3.connect(":memory:")
    try:
        package.write_to_db(conn.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
        conn.commit()
        db = conn.serialize()
    finally:
        conn.close()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(_zip_entry("collection.anki2"), db)
        z.writestr(_zip_entry("media"), "{}")
    return buf.getvalue()


def _models(genanki) -> dict:
    """A genanki.Model per question type, built afresh on each call (genanki edits them)."""
    return {
        kind: genanki.Model(
            stable_id(nt.name),
            nt.name,
            fields=[{"name": f} for f in nt.fields],
            templates=[{"name": nt.card, "qfmt": nt.front, "afmt": nt.back}],
            css=CSS,
            model_type=genanki.Model.CLOZE if nt.cloze else genanki.Model.FRONT_BACK,
        )
        for kind, nt in NOTE_TYPES.items()
    }


def _decks(genanki, quizzes: Sequence[Quiz], type_in: bool = False) -> tuple[list, int]:
    """The genanki decks (a title deck and its topic subdecks per quiz) and the note count."""
    models = _models(genanki)
    decks: dict[str, genanki.Deck] = {}
    written: dict[str, Question] = {}
    for quiz in quizzes:
        title, topics = topic_decks(quiz)
        for name in [title, *topics.values()]:
            if name not in decks:
                deck_id = stable_id(f"deirquiz deck {name}")
                decks[name] = genanki.Deck(deck_id, name, deck_description(quiz))
        for q in quiz.questions:
            if is_repeat(q, written):
                continue
            fields = note_fields(q, quiz)
            note = genanki.Note(
                model=models[note_kind(q, type_in)],
                fields=fields,
                tags=note_tags(q, quiz),
                guid=note_guid(q),
                due=len(written),  # new cards come up in quiz order
            )
            decks[topics[q.topic]].add_note(note)
            written[note_guid(q)] = q
    return list(decks.values()), len(written)


def render_apkg(quizzes: Sequence[Quiz], *, timestamp: float | None = None,
                type_in: bool = False) -> bytes:  # fmt: skip
    """The Anki package of ``quizzes`` as bytes (see ``write_apkg``)."""
    return _render(quizzes, timestamp, type_in)[0]


def _render(quizzes: Sequence[Quiz], timestamp: float | None,
            type_in: bool = False) -> tuple[bytes, int]:  # fmt: skip
    import genanki  # heavy: keep the CLI's start fast

    decks, count = _decks(genanki, quizzes, type_in)
    stamp = time.time() if timestamp is None else timestamp
    return _package_bytes(genanki.Package(decks), stamp), count


def write_apkg(quizzes: Sequence[Quiz], path: Path, *, timestamp: float | None = None,
               type_in: bool = False) -> int:  # fmt: skip
    """Write ``quizzes`` as one Anki package at ``path``; return the number of notes.

    ``type_in``: short answers are typed in (note type "deirquiz Basic (type in) v1"). Anki
    keeps a note's note type, so this is for a first import: a note re-imported with the other
    type is skipped as "conflicting".

    ``timestamp`` (seconds) stamps notes and note types. Anki's default import updates a note only
    when its stamp is newer than the collection's copy, so it defaults to now; pass a fixed value
    for a byte-identical package.
    """
    data, count = _render(quizzes, timestamp, type_in)
    try:
        write_atomic(path, data)
    except OSError as e:
        raise DeirquizError(str(path), f"cannot write the Anki package: {e.strerror or e}") from e
    return count
