"""A strict GIFT reader for the tests, following Moodle's own (question/format/gift/format.php,
readquestion, and qtype_ordering's import_from_gift) step by step: what Moodle would import from a
file is what this returns, and whatever Moodle would refuse or misread raises.

(The GIFT parsers on PyPI are unmaintained, and none reads Moodle's ordering type.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ESCAPES = [("\\:", "&&058;"), ("\\#", "&&035;"), ("\\=", "&&061;"), ("\\{", "&&123;"),
            ("\\}", "&&125;"), ("\\~", "&&126;"), ("\\n", "&&010")]  # fmt: skip
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
_FORMATS = ("moodle", "html", "plain", "markdown")
_ORDERING = re.compile(
    r"^([^{]*)\{>\s*(\d+)\s*(ALL|EXACT|RANDOM|REL|CONTIGUOUS|CONTIG)?\s*"
    r"(HORIZONTAL|HORI|H|1|VERTICAL|VERT|V|0)?\s*([A-Z_]+)?\s*(SHOW|TRUE|YES|1|HIDE|FALSE|NO|0)?"
    r"\s*(.*?)\s*\}\s*$",
    re.S,
)


class GiftError(ValueError):
    pass


@dataclass
class Text:
    text: str
    format: str = "moodle"


@dataclass
class Question:
    qtype: str
    text: Text
    answers: list[tuple[Text, float]] = field(default_factory=list)  # (answer, weight 0..1)
    feedback: Text = field(default_factory=lambda: Text(""))
    items: list[str] = field(default_factory=list)  # ordering, in the right order
    category: str = ""


def _pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in _ESCAPES:
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def _post(text: str) -> str:
    for escaped, placeholder in _ESCAPES:
        text = text.replace(placeholder, escaped[1] if escaped != "\\n" else "\n")
    return text


def _with_format(text: str, default: str) -> Text:
    fmt = default
    if text.startswith("[") and "]" in text:
        name = text[1 : text.index("]")]
        if name in _FORMATS:
            fmt, text = name, text[text.index("]") + 1 :]
    return Text(_post(text).strip(), fmt)


def _comment(answer: str, fmt: str) -> tuple[Text, Text]:
    bits = answer.split("#", 1)
    return _with_format(bits[0].strip(), fmt), _with_format(
        bits[1].strip() if len(bits) > 1 else "", fmt
    )


def blocks(data: str) -> list[list[str]]:
    """The file's questions: runs of lines between blank lines."""
    out: list[list[str]] = [[]]
    for line in data.split("\n"):
        if line.strip():
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [b for b in out if b]


def read(data: str) -> list[Question]:
    out = []
    for lines in blocks(data):
        lines = [" " if line.strip().startswith("//") else line for line in lines]
        text = "\n".join(lines).strip()
        if text:
            out.append(_question(lines, _pre(text)))
    return out


def _question(lines: list[str], text: str) -> Question:
    if text.startswith("$CATEGORY:"):
        return Question("category", Text(""), category=text[10:].strip())
    if text.startswith("::"):
        end = text.index("::", 2)
        text = text[end + 2 :].strip()
    start, finish = text.find("{"), text.find("}")
    if start < 0 or finish < 0 or finish < start:
        raise GiftError(f"no answer block: {text[:80]!r}")
    if text[finish + 1 :].strip():
        raise GiftError(f"text after the answer block (a missing-word question): {text[:80]!r}")
    answertext = text[start + 1 : finish].strip()
    gf = answertext.rfind("####")
    feedback = ""
    if gf >= 0:
        answertext, feedback = answertext[:gf].strip(), answertext[gf + 4 :]
    qtext = _with_format(text[:start], "moodle")
    q = Question("", qtext, feedback=_with_format(feedback, qtext.format))
    if answertext.startswith(">"):
        return _ordering(lines, q)
    if answertext.startswith("#"):
        raise GiftError("a numerical question")
    if "~" in answertext:
        return _answers(q, "multichoice", answertext.replace("=", "~=").split("~"), 0)
    if "=" in answertext and "->" in answertext:
        raise GiftError(f"read as a matching question: {answertext!r}")
    head = answertext.split("#", 1)[0].strip()
    if head in ("T", "TRUE", "F", "FALSE"):
        q.qtype, q.answers = "truefalse", [(Text(head), 1.0)]
        return q
    return _answers(q, "shortanswer", answertext.split("="), 1)


def _answers(q: Question, qtype: str, answers: list[str], default: float) -> Question:
    q.qtype = qtype
    if answers and not answers[0].strip():
        answers = answers[1:]
    for answer in answers:
        answer = answer.strip()
        weight = default
        if answer.startswith("="):
            weight, answer = 1.0, answer[1:]
        elif _WEIGHT.match(answer):
            answer = answer[1:]
            weight, answer = (
                float(answer[: answer.index("%")]) / 100,
                answer[answer.index("%") + 1 :],
            )
        text, _ = _comment(answer, q.text.format)
        q.answers.append((text, weight))
    if len(q.answers) < (2 if qtype == "multichoice" else 1):
        raise GiftError(f"too few answers: {q.text.text[:80]!r}")
    return q


def _ordering(lines: list[str], q: Question) -> Question:
    """qtype_ordering reads the block's raw lines (escapes not undone), one item a line."""
    m = _ORDERING.match("\n".join(lines))
    if not m:
        raise GiftError(f"not an ordering Moodle reads: {q.text.text[:80]!r}")
    q.qtype = "ordering"
    q.items = [line.strip() for line in m.group(7).split("\n") if line.strip()]
    return q
