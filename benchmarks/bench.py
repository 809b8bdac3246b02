"""How fast is deirquiz, at every scale? Run: ``python benchmarks/bench.py`` (about fifteen minutes on a 2-core machine; ``--only-pathological`` for the made-up articles alone).

Measures, as separate processes and over interleaved rounds (median of each):

- ``deirquiz --help`` and ``deirquiz topics --help`` (the CLI must start fast);
- the import-only baseline: ``python -c "import genanki, dateparser, frontmatter, click"``;
- ``deirquiz generate`` on the bundled seed with the default formats (.apkg and Markdown), and its
  ratio to the baseline; with ``--format all`` (every format, the classroom platforms' too), and
  with the seven platform formats alone;
- ``deirquiz generate --format json`` on folders of 1, 50 and 200 articles (copies of the seed
  and the shared articles, each with its own title), with ``--jobs 1`` and ``--jobs 2``: the
  marginal cost per article, (t(N) - t(1)) / (N - 1), and the peak memory (ru_maxrss of the
  command and its worker processes);
- ``deirquiz generate`` with all five formats on each made-up article of issue 17's table
  (tests/pathological.py: 300,000 capitalised words, 20,000 commanders, ...) and on the worst
  article the caps let through, once each (``--only-pathological`` runs just these).

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

sys.path.insert(0, str(Path(__file__).resolve().parent))
import wikicost

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "src" / "deirquiz" / "data" / "deir-ez-zor-offensive.md"
SHARED = ROOT.parent / "shared" / "articles"
if not SHARED.is_dir():
    SHARED = ROOT / "tests" / "articles"
SIZES = (50, 200)
JOBS = (1, 2)
BASELINE = "import genanki, dateparser, frontmatter, click"
REFERENCE_B = 0.130
PLATFORMS = (
    "moodle",
    "gift",
    "qti",
    "kahoot",
    "quizlet",
    "blooket",
    "anki-csv",
)  # the baseline on the machine the targets were set on (seconds)


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


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time (s) and peak RSS (KiB) of a command, its worker processes included."""
    elapsed, peak, _ = run_cpu(cmd, env)
    return elapsed, peak


def run_cpu(cmd: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Wall time (s), peak RSS (KiB) and CPU time (user + system, s) of a command and its
    worker processes: the CPU time holds on a machine that other work shares."""
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
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def deirquiz_cmd() -> list[str]:
    script = Path(sys.executable).with_name("deirquiz")
    return [str(script)] if script.exists() else [sys.executable, "-m", "deirquiz"]


def pathological(dq: list[str], env: dict[str, str], tmp: Path) -> list[str]:
    """Each made-up article through every format, once: lines of wall time and peak memory."""
    sys.path.insert(0, str(ROOT))
    from tests.pathological import CASES, everything_at_its_cap

    cases = {**CASES, "everything at its cap": everything_at_its_cap}
    formats = [f"--format={f}" for f in ("apkg", "md", "json", "html", "pdf")]
    lines = ["", "  made-up article, all five formats      wall       CPU    peak RSS"]
    for name, make in cases.items():
        src = tmp / f"{re.sub(r'[^a-z0-9]+', '-', name)}.md"
        src.write_text(make(), encoding="utf-8")
        out = tmp / "patho-out"
        shutil.rmtree(out, ignore_errors=True)
        t, m, cpu = run_cpu([*dq, "generate", "--out", str(out), "-q", *formats, str(src)], env)
        lines.append(f"  {name:<38}{t:6.2f} s  {cpu:6.2f} s  {m / 1024:6.0f} MB")
    return [*lines, "  target: every accepted article < 10 s and < 1 GB"]


def _edits_for_seed(path: Path) -> None:
    """An edits file that strikes, rewords or keeps each of the seed's questions in turn."""
    from deirquiz import editsfile
    from deirquiz.edits import Edit, Edits
    from deirquiz.pipeline import Options, review_for
    from deirquiz.questions import load_templates

    _, generated, _, _ = review_for(SEED, load_templates(), Options(depth="full"))
    edits = Edits()
    for i, q in enumerate(generated):
        kind = ("strike", "edit", "keep")[i % 3]
        edits = edits.decide(q.id, kind, Edit(prompt="Reworded: " + q.prompt))
    editsfile.save(path, edits, "the seed", {q.id: q.prompt for q in generated})


def print_table(times: dict[str, list[float]], rss: dict[str, list[int]], rounds: int) -> None:
    """The table of medians."""
    med = {k: statistics.median(v) for k, v in times.items()}
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"\ndeirquiz benchmark: median of {rounds} rounds, {cores} cores\n")
    rows = [
        ("deirquiz --help", med["help"], "target < 150 ms"),
        ("deirquiz topics --help", med["topics help"], "target < 150 ms"),
        ("import genanki, dateparser, ... = B", med["baseline"], "the baseline"),
        ("generate seed (apkg + md)", med["seed"],
         f"{med['seed'] / med['baseline']:.2f} x B, target < 2"),
        ("generate seed --format all", med["seed all"], f"{med['seed all'] / med['seed']:.2f} x default"),
        ("generate seed, 7 platform formats", med["seed platforms"],
         f"{med['seed platforms'] / med['seed']:.2f} x default"),
        ("generate seed --depth full --edits", med["seed edits"],
         f"{med['seed edits'] / med['seed full']:.2f} x without (every question decided)"),
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


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds (default 5)")
    parser.add_argument("--as-is", action="store_true", help="keep the environment as it is")
    parser.add_argument("--only-pathological", action="store_true",
                        help="only the made-up articles of issue 17")  # fmt: skip
    return parser.parse_args()


def main() -> None:
    args = _args()
    if args.only_pathological:
        with tempfile.TemporaryDirectory(prefix="deirquiz-bench-") as tmp_name:
            print("\n".join(pathological(deirquiz_cmd(), dict(os.environ), Path(tmp_name))))
        return

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
        edits = tmp / "edits.yaml"  # a decision on every question of the seed
        _edits_for_seed(edits)

        def generate(*extra: str) -> tuple[float, int]:
            shutil.rmtree(out, ignore_errors=True)
            return run([*dq, "generate", "--out", str(out), "-q", *extra], env)

        cases: dict[str, object] = {
            "help": lambda: run([*dq, "--help"], env),
            "topics help": lambda: run([*dq, "topics", "--help"], env),
            "baseline": lambda: run([sys.executable, "-c", BASELINE], env),
            "seed": lambda: generate(),
            "seed all": lambda: generate("--format", "all"),
            "seed platforms": lambda: generate(*(f"--format={f}" for f in PLATFORMS)),
            "seed edits": lambda: generate("--edits", str(edits), "--depth", "full"),
            "seed full": lambda: generate("--depth", "full"),
        }
        for n, folder in folders.items():
            for jobs in JOBS:
                cases[f"json {n} j{jobs}"] = lambda f=folder, j=jobs: generate(
                    str(f), "--format", "json", "--jobs", str(j)
                )
        cases.update(wikicost.cases(tmp, generate))
        times: dict[str, list[float]] = {k: [] for k in cases}
        rss: dict[str, list[int]] = {k: [] for k in cases}
        for rnd in range(args.rounds + 1):  # round 0 warms the disk and bytecode caches
            for name, case in cases.items():
                t, m = case()  # type: ignore[operator]
                if rnd:
                    times[name].append(t)
                    rss[name].append(m)
            print(f"round {rnd}/{args.rounds} done", file=sys.stderr)
        made_up = pathological(dq, env, tmp)
        exported, streamed = wikicost.exports(tmp, generate)
    loaders = wikicost.loader_costs(args.rounds * 4)

    print_table(times, rss, args.rounds)
    wikicost.report(
        {k: statistics.median(v) for k, v in times.items()}, loaders, exported, streamed
    )
    print("\n".join(made_up))


if __name__ == "__main__":
    main()
