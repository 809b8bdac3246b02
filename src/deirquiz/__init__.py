"""deirquiz: Wikipedia articles -> Anki decks and printable quizzes.

The stages, each one call (imported on first use, so that `deirquiz --help` stays fast)::

    article = deirquiz.load("battle.md")              # or .wiki, or one page of an export
    records = deirquiz.read(deirquiz.extract(article))
    questions = deirquiz.generate(records, deirquiz.load_templates())
    quiz = deirquiz.quiz_for("battle.md", deirquiz.load_templates(), deirquiz.Options())
    deirquiz.generate_files(["battle.md"], deirquiz.load_templates(), deirquiz.Options(), out)
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.3.5"

# name -> the module that holds it
_FACE = {
    "load": "article",
    "extract": "extraction",
    "read": "reading",
    "generate": "questions",
    "load_templates": "questions",
    "select": "selection",
    "Options": "pipeline",
    "quiz_for": "pipeline",
    "generate_files": "run",
    "DeirquizError": "model",
}
__all__ = [*_FACE, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _FACE:
        return getattr(import_module(f".{_FACE[name]}", __name__), name)
    raise AttributeError(f"module 'deirquiz' has no attribute {name!r}")
