"""Wikitext's cost beside Markdown's, and Special:Export's at scale: benchmarks/bench.py's part on
the readers of issue 15 (its figures follow the main table)."""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "articles"
if not SHARED.is_dir():
    SHARED = ROOT / "tests" / "articles"
WIKITEXT = ROOT.parent / "shared" / "wikitext"
if not WIKITEXT.is_dir():
    WIKITEXT = ROOT / "tests" / "wikitext"
BATTLES = ("battle-of-gettysburg", "battle-of-waterloo", "battle-of-dien-bien-phu")
EXPORT_SIZES = (200, 1000)
FOLDER = 50


def battle_text(i: int, kind: str) -> tuple[str, str]:
    """(file name, text) of the i-th copy of the three battles, as Markdown or wikitext, titled
    'TITLE copy NNN'."""
    name = BATTLES[i % len(BATTLES)]
    if kind == "md":
        text = (SHARED / f"{name}.md").read_text(encoding="utf-8")
        text = re.sub(r"^title: (.*)$", rf"title: \1 copy {i:03d}", text, count=1, flags=re.M)
        return f"{i:03d}-{name}.md", text
    text = (WIKITEXT / f"{name}.wiki").read_text(encoding="utf-8")
    text = re.sub(r"^(\| conflict\s*= )(.*)$", rf"\1\2 copy {i:03d}", text, count=1, flags=re.M)
    return f"{i:03d}-{name}.wiki", text


def make_battles(folder: Path, n: int, kind: str) -> Path:
    folder.mkdir(parents=True)
    for i in range(n):
        name, text = battle_text(i, kind)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def make_export(path: Path, n: int) -> Path:
    """A Special:Export file of n pages, bz2-compressed, as Wikipedia writes one; written page by
    page, so that this process stays small (a child forked from it starts at its size)."""
    import bz2
    from xml.sax.saxutils import escape

    with bz2.open(path, "wt", encoding="utf-8") as f:
        f.write(
            '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11">\n'
            "  <siteinfo>\n    <base>https://en.wikipedia.org/wiki/Main_Page</base>\n"
            "  </siteinfo>\n"
        )
        for i in range(n):
            text = battle_text(i, "wiki")[1]
            title = f"{BATTLES[i % len(BATTLES)].replace('-', ' ').capitalize()} copy {i:04d}"
            f.write(
                f"  <page>\n    <title>{escape(title)}</title>\n    <ns>0</ns>\n"
                f'    <id>{i + 1}</id>\n    <revision>\n      <text xml:space="preserve">'
                f"{escape(text)}</text>\n    </revision>\n  </page>\n"
            )
        f.write("</mediawiki>\n")
    return path


def loader_costs(rounds: int) -> tuple[float, float]:
    """ms per article to load the three battles as Markdown and as wikitext, in this process."""
    sys.path.insert(0, str(ROOT / "src"))
    from deirquiz import article, wikitext

    md = [(SHARED / f"{n}.md").read_text(encoding="utf-8") for n in BATTLES]
    wiki = [(WIKITEXT / f"{n}.wiki").read_text(encoding="utf-8") for n in BATTLES]
    out = []
    for texts, parse in ((md, article.parse), (wiki, wikitext.parse)):
        laps = []
        for _ in range(rounds):
            start = time.perf_counter()
            for text in texts:
                parse(text, "bench")
            laps.append((time.perf_counter() - start) / len(texts))
        out.append(statistics.median(laps) * 1000)
    return out[0], out[1]


def stream_cost(path: Path) -> tuple[float, float]:
    """(ms per page, peak MB of Python memory) to stream an export's pages, nothing made."""
    import tracemalloc

    from deirquiz import export

    tracemalloc.start()
    start = time.perf_counter()
    count = sum(1 for _ in export.pages(path))
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed / count * 1000, peak / 1e6


def report(med, loaders, exports, streamed) -> None:
    n = FOLDER
    print(f"\n  the three battles, --format json --jobs 1   per article (1 to {n})   loader alone")
    for kind, label, loader in (
        ("md", "converter Markdown", loaders[0]),
        ("wiki", "wikitext", loaders[1]),
    ):
        per = (med[f"{kind} {n}"] - med[f"{kind} 1"]) / (n - 1) * 1000
        print(f"  {label:<42}{per:8.1f} ms {loader:12.1f} ms")
    (small, (t_small, m_small)), (big, (t_big, m_big)) = sorted(exports.items())
    print("\n  Special:Export .xml.bz2, --jobs 2, once   wall      peak RSS")
    print(
        f"  {small:>5} pages                            {t_small:6.1f} s   {m_small / 1024:6.1f} MB"
    )
    print(f"  {big:>5} pages                            {t_big:6.1f} s   {m_big / 1024:6.1f} MB")
    print(
        f"  from {small} to {big} pages: {(t_big - t_small) / (big - small) * 1000:.1f} ms per page"
    )
    print(f"  the {big} pages streamed alone: {streamed[0]:.2f} ms per page, "
          f"peak {streamed[1]:.1f} MB of Python memory")  # fmt: skip


def cases(tmp: Path, generate) -> dict[str, object]:
    """The timed cases, keyed as report() reads them: the three battles in folders of 1 and 50."""
    out: dict[str, object] = {}
    for kind in ("md", "wiki"):
        for n in (1, FOLDER):
            battles = make_battles(tmp / f"{kind}{n}", n, kind)
            out[f"{kind} {n}"] = lambda f=battles: generate(
                str(f), "--format", "json", "--jobs", "1"
            )
    return out


def exports(tmp: Path, generate) -> tuple[dict, tuple[float, float]]:
    """The export files run once each with --jobs 2, and the largest streamed alone."""
    dumps = {n: make_export(tmp / f"export{n}.xml.bz2", n) for n in EXPORT_SIZES}
    runs = {n: generate(str(d), "--format", "json", "--jobs", "2") for n, d in dumps.items()}
    return runs, stream_cost(dumps[EXPORT_SIZES[-1]])
