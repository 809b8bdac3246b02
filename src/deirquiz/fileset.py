"""What a run's files are called: one name, one set of questions.

Every format a run writes holds the same questions, and its files share one stem. A run that
chooses other questions (``--topic commanders``, ``--count 20``, ...) writes under a stem of its
own, ``battle-of-x-commanders``, so that its Markdown never sits beside another set's PDF under
the same name, and no file of another selection is replaced or removed.
"""

from __future__ import annotations

from .article import slugify
from .pipeline import DEFAULT_SEED, Options


def selection(opts: Options) -> str:
    """The part of a file name that says which questions it holds: "" for the default set,
    "commanders-mcq-20q" for ``--topic commanders --type mcq --count 20``."""
    parts = [slugify(t) for t in sorted(set(opts.topics))]
    parts += sorted(set(opts.types))
    if opts.count is not None:
        parts.append(f"{opts.count}q")
    elif opts.whole_sheet:
        parts.append("all")
    if opts.depth != "core":
        parts.append(opts.depth)
    if opts.seed != DEFAULT_SEED:
        parts.append(f"seed{opts.seed}")
    return slugify("-".join(p for p in parts if p), 80) if parts else ""  # cut long lists
