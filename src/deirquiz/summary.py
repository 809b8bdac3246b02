"""Human- and machine-readable summaries printed by the CLI."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from . import dates
from .model import Extraction


def extraction_dict(x: Extraction) -> dict:
    a = x.article
    return {
        "title": a.title,
        "source": a.source,
        "url": a.url,
        "events": [e.to_dict() for e in x.events],
        "facts": [f.to_dict() for f in x.facts],
    }


def extraction_json(xs: Sequence[Extraction]) -> str:
    return json.dumps({"articles": [extraction_dict(x) for x in xs]}, ensure_ascii=False, indent=2)


def extraction_text(x: Extraction) -> str:
    a = x.article
    lines = [a.title, "=" * len(a.title), f"source: {a.source}", f"url: {a.url}", ""]
    kinds = Counter(f.kind for f in x.facts)
    lines.append("Facts: " + ", ".join(f"{n} {k}" for k, n in kinds.items()))
    for f in x.facts:
        d = {k: v for k, v in f.to_dict().items() if v not in (None, "", [], False)}
        d.pop("source", None)
        kind = d.pop("kind")
        d.pop("field", None)
        lines.append(f"  {kind:<10} " + "; ".join(f"{k}={v}" for k, v in d.items()))
    lines.append("")
    lines.append(f"Timeline: {len(x.events)} dated events")
    for e in x.events:
        when = dates.fmt_range(e.date, e.end_date) if e.end_date else dates.fmt(e.date)
        if e.by:
            when = "by " + when
        lines.append(f"  {when:<28} {e.text}")
    return "\n".join(lines) + "\n"


def generate_summary(report, opts=None, tset=None) -> str:
    """What was written, how many questions each quiz holds, and what the teacher should know:
    fewer questions than --count asked for, a name that says which selection a set is, what a
    platform format had to leave out."""
    lines = [f"wrote {path}" for path in report.written]
    for i, (title, per) in enumerate(report.counts):
        parts = ", ".join(f"{t} {n}" for t, n in per.items())
        total = sum(per.values())
        noun = "question" if total == 1 else "questions"
        lines.append(f"{title}: {total} {noun} ({parts})")
        if opts is not None:
            lines.extend(f"  {note}" for note in _fewer(total, opts))
        lines.extend(f"  {note}" for note in getattr(report, "left_out", [[]] * (i + 1))[i])
    if opts is not None and report.written:
        lines.extend(_named(opts))
    return "\n".join(lines)


def _fewer(total: int, opts) -> list[str]:
    if opts.count is None or total >= opts.count:
        return []
    more = " (--depth full adds the details)" if opts.depth == "core" else ""
    return [f"--count {opts.count}: only {total} could be chosen, none giving another away{more}"]


def _named(opts) -> list[str]:
    from .fileset import selection

    chosen = selection(opts)
    if not chosen:
        return []
    return [
        f"These files are named after this selection (…-{chosen}.*); files of other "
        "selections in the folder were left as they are."
    ]
