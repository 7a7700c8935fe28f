"""Extraction speed on the news corpus: articles/s on one process and peak memory.

Runs two passes over the same articles, each in a fresh process so that peak memory
(ru_maxrss) belongs to that pass alone:

- ``baseline``: read + decompress + JSON-parse + normalise (the floor any pipeline pays);
- ``extract``: the full marsad extraction of every article.

    python bench/bench_extract.py ../shared/corpus/saudinewsnet.jsonl.gz [--limit N]

Prints a Markdown table (the one in the README) and writes it to bench/results/.
"""
from __future__ import annotations

import argparse
import gzip
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path


def iter_records(path: str, limit: int | None):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            yield json.loads(line)


def run_pass(mode: str, path: str, limit: int | None) -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from marsad.text.normalize import normalize

    if mode == "extract":
        from marsad.lexicon import load_lexicon
        from marsad.pipeline import extract

        load_lexicon()  # compile once, outside the timed loop, as a long batch would
    articles = events = chars = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    for rec in iter_records(path, limit):
        title, text = rec.get("title") or "", rec.get("text") or ""
        chars += len(title) + len(text)
        if mode == "baseline":
            normalize(title + "\n\n" + text)
        else:
            ex = extract(text, title=title, published=rec.get("published"), source=rec.get("source"))
            events += len(ex.events)
        articles += 1
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "articles": articles, "events": events, "chars": chars,
            "seconds": seconds, "cpu_seconds": cpu, "per_second": articles / seconds,
            "per_cpu_second": articles / cpu, "peak_mib": peak_mib}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--pass", dest="single", choices=["baseline", "extract"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.single:
        print(json.dumps(run_pass(args.single, args.corpus, args.limit)))
        return
    results = {}
    for mode in ("baseline", "extract"):
        cmd = [sys.executable, __file__, args.corpus, "--pass", mode]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        results[mode] = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    base, full = results["baseline"], results["extract"]
    table = "\n".join([
        f"Corpus: {base['articles']} articles, {base['chars'] / 1e6:.1f} M characters; "
        f"one process on {platform.processor() or platform.machine()}, Python {platform.python_version()}.",
        "",
        "| pass | articles/s (wall) | articles per CPU-second | wall time (s) | peak memory (MiB) | events |",
        "|---|---:|---:|---:|---:|---:|",
        f"| read + normalise only | {base['per_second']:,.0f} | {base['per_cpu_second']:,.0f} | {base['seconds']:.1f} "
        f"| {base['peak_mib']:.0f} | – |",
        f"| full extraction | {full['per_second']:,.0f} | {full['per_cpu_second']:,.0f} | {full['seconds']:.1f} "
        f"| {full['peak_mib']:.0f} | {full['events']:,} |",
        "",
        f"Extraction runs at {full['per_cpu_second'] / base['per_cpu_second']:.2f}× the speed of the "
        f"read+normalise floor ({base['per_cpu_second'] / full['per_cpu_second']:.1f}× slower), per CPU-second.",
    ])
    print(table)
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "extract.md").write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
