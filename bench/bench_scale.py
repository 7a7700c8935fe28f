"""Scaling: extraction throughput and memory per worker on 1 and 2 workers, with a
projection to 10 million articles.

    python bench/bench_scale.py ../shared/corpus/saudinewsnet.jsonl.gz [--limit N] [--workers 1 2]

Two engines over the same first N records of the corpus (written once to a temporary
JSON-lines file):

- ``extract_parallel``: :func:`marsad.parallel.extract_parallel`, a process pool on one
  machine, reading in the parent (as ``marsad ingest`` would);
- ``run_batch``: :func:`marsad.batch.run_batch` on a local Dask cluster: extraction,
  Parquet output, actor resolution and clustering (the cluster's start is timed apart).

Every run is a fresh subprocess, so its peak memories are its own: per worker (the
largest worker's ``ru_maxrss``) and of the driver. Parallel efficiency is
``(rate_N / N) / rate_1``. Prints Markdown and writes it to bench/results/scale.md.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

TARGET = 10_000_000  # articles in the projection
PROJECTED_WORKERS = (1, 2, 8, 32, 128)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=6000, help="Records of the corpus to use (default 6000).")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=250,
                        help="Articles per run_batch task (default 250: several tasks per worker on a sample).")
    parser.add_argument("--run", choices=("extract_parallel", "run_batch"), help=argparse.SUPPRESS)
    parser.add_argument("--sample", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        result = (run_parallel(args.sample, args.workers[0]) if args.run == "extract_parallel"
                  else run_dask(args.sample, args.workers[0], args.partition_size))
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp, "sample.jsonl")
        opener = gzip.open if args.corpus.endswith(".gz") else open
        with opener(args.corpus, "rt", encoding="utf-8") as fh, open(sample, "w", encoding="utf-8") as out:
            out.writelines(itertools.islice(fh, args.limit))
        load = os.getloadavg()[0]
        runs = [subprocess_run(engine, sample, n, args.partition_size)
                for engine in ("extract_parallel", "run_batch") for n in args.workers]
    report = markdown(runs, args.corpus, load)
    print(report)
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "scale.md").write_text(report + "\n", encoding="utf-8")


def subprocess_run(engine: str, sample: Path, workers: int, partition_size: int) -> dict:
    busy, own, start = _busy_seconds(), _cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "-", "--run", engine, "--sample", str(sample),
                           "--workers", str(workers), "--partition-size", str(partition_size)],
                          capture_output=True, text=True, check=True)
    others = (_busy_seconds() - busy) - (_cpu(resource.RUSAGE_CHILDREN) - own)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"{engine} × {workers}: {result['articles'] / result['wall']:,.0f} articles/s", file=sys.stderr)
    return {"engine": engine, "workers": workers, "others_cores": others / (time.perf_counter() - start), **result}


def _busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (Linux; NaN elsewhere):
    what other processes took during a run is this less the run's own CPU time."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fh.readline().split()[1:9])
    except (OSError, ValueError):
        return float("nan")
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _cpu(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_parallel(sample: str, workers: int) -> dict:
    from marsad.io.readers import ReadError, read_articles
    from marsad.parallel import extract_parallel

    start = time.perf_counter()
    articles = events = 0
    for item, extraction, _error in extract_parallel(read_articles([sample]), workers):
        if not isinstance(item, ReadError):
            articles += 1
            events += len(extraction.events) if extraction else 0
    wall = time.perf_counter() - start
    # With one worker the extraction runs in this process: it is the worker.
    worker = resource.RUSAGE_SELF if workers == 1 else resource.RUSAGE_CHILDREN
    return {"articles": articles, "events": events, "wall": wall, "startup": None,
            "worker_cpu": _cpu(worker), "worker_peak_mib": _peak_mib(worker),
            "driver_peak_mib": _peak_mib(), "clusters": None}


def _worker_usage() -> tuple[float, float]:
    return _cpu(), _peak_mib()


def run_dask(sample: str, workers: int, partition_size: int) -> dict:
    from distributed import Client, LocalCluster

    from marsad.batch import run_batch

    start = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        startup = time.perf_counter() - start
        before = client.run(_worker_usage)
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            summary = run_batch([sample], str(Path(out, "batch")), scheduler=cluster.scheduler_address,
                                partition_size=partition_size)
            wall = time.perf_counter() - start
        after = client.run(_worker_usage)
    return {"articles": summary.read, "events": summary.events, "wall": wall, "startup": startup,
            "worker_cpu": sum(after[w][0] - before[w][0] for w in after),
            "worker_peak_mib": max(peak for _cpu_s, peak in after.values()),
            "driver_peak_mib": _peak_mib(), "clusters": summary.clusters, "steps": summary.steps,
            "partition_size": partition_size}


def markdown(runs: list[dict], corpus: str, load: float) -> str:
    first = runs[0]
    lines = [
        f"Corpus: the first {first['articles']:,} articles of `{Path(corpus).name}` "
        f"({first['events']:,} events); {platform.machine()}, {os.cpu_count()} CPUs (load average "
        f"{load:.1f} at the start), Python {platform.python_version()}. *Other load* is the CPU other "
        "processes on the machine took during the run, in cores: what the run could not use.",
        "",
        "| engine | workers | wall s | articles/s | parallel efficiency | worker CPU s | articles per worker CPU-s "
        "| peak MiB per worker | driver peak MiB | other load |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    rate_1: dict[str, float] = {}
    for r in runs:
        rate = r["articles"] / r["wall"]
        rate_1.setdefault(r["engine"], rate if r["workers"] == 1 else float("nan"))
        r["rate"], r["efficiency"] = rate, rate / r["workers"] / rate_1[r["engine"]]
        lines.append(
            f"| `{r['engine']}` | {r['workers']} | {r['wall']:.1f} | {rate:,.0f} | {r['efficiency']:.2f} "
            f"| {r['worker_cpu']:.1f} | {r['articles'] / r['worker_cpu']:,.0f} | {r['worker_peak_mib']:,.0f} "
            f"| {r['driver_peak_mib']:,.0f} | {r['others_cores']:.1f} |")
    dask = [r for r in runs if r["engine"] == "run_batch"]
    if dask:
        startups = ", ".join(f"{r['startup']:.1f} s" for r in dask)
        lines += ["", f"`run_batch` ({dask[0]['partition_size']:,} articles per task) also wrote "
                      f"{dask[0]['clusters']:,} real-world events (clusters); starting the local Dask cluster took "
                      f"{startups} (not in the wall times). Its steps, in seconds:", "",
                  "| workers | " + " | ".join(dask[0]["steps"]) + " |",
                  "|---:|" + "---:|" * len(dask[0]["steps"])]
        lines += [f"| {r['workers']} | " + " | ".join(f"{s:.1f}" for s in r["steps"].values()) + " |" for r in dask]
    lines += ["", f"## Projection: {TARGET:,} articles", ""]
    for engine in rate_1:
        mine = [r for r in runs if r["engine"] == engine]
        widest = max(mine, key=lambda r: r["workers"])
        cpu_per_article = sum(r["worker_cpu"] for r in mine) / sum(r["articles"] for r in mine)
        lines += [
            f"`{engine}`: measured {rate_1[engine]:,.0f} articles/s on one worker, parallel efficiency "
            f"{widest['efficiency']:.2f} on {widest['workers']}; one article costs {cpu_per_article * 1000:.2f} "
            f"worker CPU-ms. Wall time = {TARGET:,} ÷ ({rate_1[engine]:,.0f} × N × efficiency), with the "
            f"efficiency measured on {widest['workers']} workers for N > 1; the last column assumes every "
            "worker has a core of its own:",
            "",
            "| N workers | arithmetic | wall time | if CPU-bound at the measured CPU cost |",
            "|---:|---|---:|---:|",
        ]
        for n in PROJECTED_WORKERS:
            efficiency = 1.0 if n == 1 else widest["efficiency"]
            seconds = TARGET / (rate_1[engine] * n * efficiency)
            ideal = TARGET * cpu_per_article / n
            lines.append(
                f"| {n} | {TARGET:,} / ({rate_1[engine]:,.0f} × {n} × {efficiency:.2f}) = {seconds:,.0f} s "
                f"| {_duration(seconds)} | {TARGET:,} × {cpu_per_article * 1000:.2f} ms / {n} = {_duration(ideal)} |")
        lines.append("")
    lines += [
        "Memory does not grow with the corpus: a worker holds one chunk (64 articles for "
        "`extract_parallel`, `partition_size` for `run_batch`) and the driver a few chunks per worker. "
        f"`run_batch`'s actor and clustering steps hold one bucket's reports ({first['events'] / first['articles']:.2f} "
        "per article in this corpus, spread over max(4, 2 × workers) buckets) in a scratch SQLite store.",
    ]
    return "\n".join(lines)


def _duration(seconds: float) -> str:
    return f"{seconds / 3600:.1f} h" if seconds >= 3600 else f"{seconds / 60:.1f} min"


if __name__ == "__main__":
    main()
