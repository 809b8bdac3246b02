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
        {"heading": sec.heading, "items": [asdict(item) for item in sec.items]}
        for sec in s.sections
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
    payload = json.dumps(
        data(quiz, title=title, answer_key=answer_key, version=version, paper=paper),
        ensure_ascii=False,
    )
    template = resources.files("deirquiz.writers").joinpath("quiz.typ").read_bytes()
    return typst.compile(template, format="pdf", sys_inputs={"data": payload})
