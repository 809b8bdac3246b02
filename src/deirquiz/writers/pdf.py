"""The printable quiz as a print-ready PDF (A4 or US Letter), typeset by Typst.

The layout lives in ``quiz.typ``; the quiz goes in as JSON through ``sys.inputs`` and the template
only places its strings as text. Article text is therefore never parsed as Typst markup, where
``#``, ``*``, ``_``, ``$``, ``@`` or ``<`` would format, link or run code.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from importlib import resources

from ..model import DeirquizError, Quiz
from .sheet import PAGE_KEY_CHOICES, check_answer_key, sheet, shown_url

PAPERS = {"a4": "a4", "letter": "us-letter"}
# The text area's top and height in points, as quiz.typ sets the page (margins 14 and 20 mm).
_TOP = 14 / 25.4 * 72
_TEXT_HEIGHT = {"a4": (297 - 34) / 25.4 * 72, "us-letter": (279.4 - 34) / 25.4 * 72}
SPARSE = 0.35  # a last page of questions filled less than this is worth a tighter layout
TIGHTER = (1, 2)  # quiz.typ's tighter spacings, tried in turn


def data(
    quiz: Quiz,
    *,
    title: str | None = None,
    answer_key: str = "end",
    version: int | None = None,
    paper: str = "a4",
) -> dict:
    """What the template reads: the sheet plan, plus page and key settings."""
    s = sheet(quiz, title=title, version=version)
    sections = [
        {
            "heading": sec.heading,
            "items": [asdict(item) for item in sec.items],
        }
        for sec in s.sections
    ]
    # the key's grid, row by row: each row's cells (number, key, columns), a blank cell to fill it
    grid = [
        [{"number": i.number, "key": i.key, "span": i.key_span} for i in row]
        for row in s.key_rows()
    ]
    credits = [
        {
            "title": t,
            "url": u,
            "shown": shown_url(u) if u else None,
            "link": u is not None and u.startswith(("https://", "http://")),
        }
        for t, u in s.credits
    ]
    doc_title = s.title + (f" (Version {version})" if version is not None else "")
    return {
        "paper": PAPERS[paper],
        "doc_title": doc_title + (": answer key" if answer_key == "only" else ""),
        "title": s.title,
        "version": version,
        "instructions": s.instructions,
        "summary": s.summary,
        "count": s.count,
        "sections": sections,
        "key_grid": grid,
        "credits": credits,
        "questions": answer_key != "only",
        "key": answer_key in ("end", "only"),
    }


def render(
    quiz: Quiz,
    *,
    title: str | None = None,
    answer_key: str = "end",
    version: int | None = None,
    paper: str = "a4",
) -> bytes:
    """The quiz as PDF bytes.

    ``answer_key``: "end" (the key from a new page after the questions), "separate" or "none"
    (questions only; render again with "only" for the key), "only" (just the key).
    ``paper``: "a4" or "letter". No question is split across pages; each page's footer carries
    the page number and the Wikipedia credit. The PDF has no creation date, so the same quiz gives
    the same bytes.
    """
    check_answer_key(answer_key, PAGE_KEY_CHOICES)
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    try:
        import typst
    except ImportError as e:  # a dependency of ours: a broken install
        raise DeirquizError("pdf", "PDF output needs the typst package: pip install typst") from e
    doc = data(quiz, title=title, answer_key=answer_key, version=version, paper=paper)
    with resources.as_file(resources.files("deirquiz.writers") / "quiz.typ") as template:
        return _fitted(typst, str(template), doc)


def _fitted(typst, template: str, doc: dict) -> bytes:
    """The PDF at the first spacing that saves a page, when the questions' last page would
    hold only a few of them; else at the normal spacing. A page a teacher prints for three
    questions is paper (and a student's turn of the page) for nothing."""
    payload = {"data": json.dumps(doc, ensure_ascii=False)}
    first = typst.Compiler(template, sys_inputs=payload)
    if not doc["questions"]:
        return first.compile(format="pdf")
    page, fill = _questions_end(first, doc["paper"])
    if page > 1 and fill < SPARSE:
        for tight in TIGHTER:
            tighter = {"data": json.dumps({**doc, "tight": tight}, ensure_ascii=False)}
            compiler = typst.Compiler(template, sys_inputs=tighter)
            if _questions_end(compiler, doc["paper"])[0] < page:
                return compiler.compile(format="pdf")
    return first.compile(format="pdf")


def _questions_end(compiler, paper: str) -> tuple[int, float]:
    """(page, how full it is) where the questions end; the layout is kept for the compile."""
    found = json.loads(compiler.query("<questions-end>", field="value", one=True))
    return int(found["page"]), (float(found["y"]) - _TOP) / _TEXT_HEIGHT[paper]
