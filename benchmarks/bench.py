"""How fast is deirquiz, at every scale? Run: ``python benchmarks/bench.py`` (a minute or two).

Measures, as separate processes and over interleaved rounds (median of each):

- ``deirquiz --help`` and ``deirquiz topics --help`` (the CLI must start fast);
- the import-only baseline: ``python -c "import genanki, dateparser, frontmatter, click"``;
- ``deirquiz generate`` on the bundled seed with the default formats (.apkg and Markdown), and its
  ratio to the baseline;
- ``deirquiz generate --format json`` on folders of 1, 50 and 200 articles (copies of the seed
  and the shared articles, each with its own title), with ``--jobs 1`` and ``--jobs 2``: the
  marginal cost per article, (t(N) - t(1)) / (N - 1), and the peak memory (ru_maxrss of the
  command and its worker processes);
- the same three battles as the converter's Markdown and as wikitext (folders of 1 and 50,
  ``--jobs 1``): what an article costs in each format, and the loaders alone, in this process;
- Special:Export files of 200 and 1,000 pages (copies of the three, .xml.bz2), run once each with
  ``--jobs 2``: the cost per page and the peak memory, which must not grow with the pages; and
  the stream alone (pages read, nothing made) with its peak of Python memory.

No timing is asserted: the table is for people. Python's bytecode cache is kept in a temporary
folder (PYTHONPYCACHEPREFIX) and a warm-up round fills it, so that every run is timed as an
installed package runs, even where PYTHONDONTWRITEBYTECODE is set; ``--as-is`` keeps the
environment as it is instead.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "src" / "deirquiz" / "data" / "deir-ez-zor-offensive.md"
SHARED = ROOT.parent / "shared" / "articles"
if not SHARED.is_dir():
    SHARED = ROOT / "tests" / "articles"
WIKITEXT = ROOT.parent / "shared" / "wikitext"
if not WIKITEXT.is_dir():
    WIKITEXT = ROOT / "tests" / "wikitext"
BATTLES = ("battle-of-gettysburg", "battle-of-waterloo", "battle-of-dien-bien-phu")
EXPORT_SIZES = (200, 1000)
SIZES = (50, 200)
JOBS = (1, 2)
BASELINE = "import genanki, dateparser, frontmatter, click"
REFERENCE_B = 0.130  # the baseline on the machine the targets were set on (seconds)


def make_folder(folder: Path, n: int) -> Path:
    """n articles: the seed and the shared articles in turn, each titled 'TITLE copy NNN' so
    that every one gets its own slug (and its own output files)."""
    sources = [SEED, *sorted(SHARED.glob("*.md"))] if SHARED.is_dir() else [SEED]
    folder.mkdir(parents=True)
    for i in range(n):
        src = sources[i % len(sources)]
        text = src.read_text(encoding="utf-8")
        text = re.sub(r"^title: (.*)$", rf"title: \1 copy {i:03d}", text, count=1, flags=re.M)
        (folder / f"{i:03d}-{src.name}").write_text(text, encoding="utf-8")
    return folder


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


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time (s) and peak RSS (KiB) of a command, its worker processes included."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err.decode(errors='replace')}")
    return elapsed, usage.ru_maxrss


def deirquiz_cmd() -> list[str]:
    script = Path(sys.executable).with_name("deirquiz")
    return [str(script)] if script.exists() else [sys.executable, "-m", "deirquiz"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds (default 5)")
    parser.add_argument("--as-is", action="store_true", help="keep the environment as it is")
    args = parser.parse_args()

    dq = deirquiz_cmd()
    with tempfile.TemporaryDirectory(prefix="deirquiz-bench-") as tmp_name:
        tmp = Path(tmp_name)
        env = dict(os.environ)
        if not args.as_is:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        folders = {1: make_folder(tmp / "a1", 1)}
        folders.update({n: make_folder(tmp / f"a{n}", n) for n in SIZES})
        out = tmp / "out"

        def generate(*extra: str) -> tuple[float, int]:
            shutil.rmtree(out, ignore_errors=True)
            return run([*dq, "generate", "--out", str(out), "-q", *extra], env)

        cases: dict[str, object] = {
            "help": lambda: run([*dq, "--help"], env),
            "topics help": lambda: run([*dq, "topics", "--help"], env),
            "baseline": lambda: run([sys.executable, "-c", BASELINE], env),
            "seed": lambda: generate(),
        }
        for n, folder in folders.items():
            for jobs in JOBS:
                cases[f"json {n} j{jobs}"] = lambda f=folder, j=jobs: generate(
                    str(f), "--format", "json", "--jobs", str(j)
                )
        for kind in ("md", "wiki"):
            for n in (1, SIZES[0]):
                battles = make_battles(tmp / f"{kind}{n}", n, kind)
                cases[f"{kind} {n}"] = lambda f=battles: generate(
                    str(f), "--format", "json", "--jobs", "1"
                )
        times: dict[str, list[float]] = {k: [] for k in cases}
        rss: dict[str, list[int]] = {k: [] for k in cases}
        for rnd in range(args.rounds + 1):  # round 0 warms the disk and bytecode caches
            for name, case in cases.items():
                t, m = case()  # type: ignore[operator]
                if rnd:
                    times[name].append(t)
                    rss[name].append(m)
            print(f"round {rnd}/{args.rounds} done", file=sys.stderr)
        dumps = {n: make_export(tmp / f"export{n}.xml.bz2", n) for n in EXPORT_SIZES}
        exports = {n: generate(str(d), "--format", "json", "--jobs", "2") for n, d in dumps.items()}
        streamed = stream_cost(dumps[EXPORT_SIZES[-1]])
    loaders = loader_costs(args.rounds * 4)

    med = {k: statistics.median(v) for k, v in times.items()}
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"\ndeirquiz benchmark: median of {args.rounds} rounds, {cores} cores\n")
    rows = [
        ("deirquiz --help", med["help"], "target < 150 ms"),
        ("deirquiz topics --help", med["topics help"], "target < 150 ms"),
        ("import genanki, dateparser, ... = B", med["baseline"], "the baseline"),
        ("generate seed (apkg + md)", med["seed"],
         f"{med['seed'] / med['baseline']:.2f} x B, target < 2"),
    ]  # fmt: skip
    for label, secs, note in rows:
        print(f"  {label:<38}{secs * 1000:6.0f} ms   {note}")
    print("\n  generate --format json   wall    per article      peak RSS")
    print("  articles  jobs                  (t(N) - t(1))/(N - 1)")
    for n in (1, *SIZES):
        for jobs in JOBS:
            key = f"json {n} j{jobs}"
            per = (med[key] - med[f"json 1 j{jobs}"]) / (n - 1) * 1000 if n > 1 else None
            per_text = f"{per:6.1f} ms" if per is not None else ""
            peak = max(rss[key]) / 1024
            print(f"  {n:>8}  {jobs:>4}  {med[key]:7.2f} s   {per_text:>9}        {peak:6.1f} MB")
    for jobs in JOBS:
        a, b = (med[f"json {n} j{jobs}"] for n in SIZES)
        slope = (b - a) / (SIZES[1] - SIZES[0]) * 1000
        print(
            f"  from {SIZES[0]} to {SIZES[1]} articles, --jobs {jobs}: {slope:.1f} ms per article"
        )
    # the host's speed drifts from run to run; the baseline drifts with it
    best = min((med[f"json {SIZES[1]} j{j}"] - med[f"json 1 j{j}"]) / (SIZES[1] - 1) for j in JOBS)
    print(f"  {SIZES[1]} articles, best --jobs, scaled to B = {REFERENCE_B * 1000:.0f} ms: "
          f"{best * REFERENCE_B / med['baseline'] * 1000:.1f} ms per article")  # fmt: skip
    print("\n  targets: < 10 ms per article (best --jobs); peak RSS flat from 50 to 200 articles")
    report_wikitext(med, loaders, exports, streamed)


def report_wikitext(med, loaders, exports, streamed) -> None:
    n = SIZES[0]
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


if __name__ == "__main__":
    main()
