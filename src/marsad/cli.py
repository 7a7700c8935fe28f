"""The ``marsad`` command: a thin layer over the library.

``marsad extract PATH...`` reads articles (text files, JSONL, JSON, zip archives,
directories, ``-``) and writes their events; ``marsad evaluate GOLD.jsonl`` scores
extraction against a gold file as docs/events.md defines it. Bad input is reported per file/line on stderr,
counted in the final summary, and never stops the batch.
"""
from __future__ import annotations

import json
import signal
import sys

import click

from marsad.io.readers import MAX_ARTICLE_BYTES, ReadError, read_articles
from marsad.model import EVENT_TYPES, STATUSES, Extraction


class CommandError(click.ClickException):
    """A failure of the whole command, printed like the per-input errors: ``marsad: error: …``."""

    def show(self, file=None) -> None:
        click.echo(f"marsad: error: {self.format_message()}", err=True)


def _parse_overrides(values: tuple[str, ...]) -> dict[str, str]:
    overrides = {}
    for value in values:
        if "=" not in value:
            raise click.BadParameter(f"expected SOURCE=CODE, got {value!r}", param_hint="--source-country")
        source, code = value.split("=", 1)
        overrides[source.strip().lower()] = code.strip().upper()
    return overrides


def iter_extractions(items, summary, *, home_country=None, overrides=None, workers=1):
    """Extract every readable article, in input order; report and count the rest."""
    from marsad.parallel import extract_parallel

    for item, extraction, error in extract_parallel(items, workers, home_country=home_country,
                                                    overrides=overrides or {}):
        if isinstance(item, ReadError):
            summary.reject(item)
            continue
        summary.read += 1
        if error is not None:  # one bad article never stops a batch
            message = f"{item.origin or item.id}: extraction failed: {error}"
            summary.errors.append(message)
            click.echo(f"marsad: error: {message}", err=True)
            continue
        assert extraction is not None  # extract_parallel gives an extraction whenever no error
        summary.events += len(extraction.events)
        yield extraction


def _reported(items, verbose: bool = False):
    """``items`` with every rejected input reported on stderr as it is read (an empty
    text only when ``verbose``: the summary counts them)."""
    for item in items:
        if isinstance(item, ReadError) and (verbose or not item.empty):
            click.echo(f"marsad: error: {item}", err=True)
        yield item


def _sigterm_as_interrupt() -> None:
    """Stop on SIGTERM as on Ctrl-C: the work in progress is closed (transactions rolled
    back, worker processes stopped) instead of the process vanishing mid-write."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


WORKERS_OPTION = click.option(
    "--workers", type=click.IntRange(1), default=None,
    help="Extraction processes (default: one per core); output is identical for any number.",
)
MAX_SIZE_OPTION = click.option(
    "--max-article-size", "max_article_size", type=click.IntRange(1), default=MAX_ARTICLE_BYTES // 2**20,
    show_default=True, help="MiB: a longer article (JSON line, text file, after decompression) is one rejected input.",
)


@click.group()
@click.version_option(package_name="marsad")
def main() -> None:
    """marsad: diplomatic engagement events from Arabic news."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl", show_default=True)
@click.option("--home-country", help="ISO3 code of the outlet's country for every article (else inferred).")
@click.option("--source-country", "source_country", multiple=True, metavar="SOURCE=CODE",
              help="Home country for articles whose `source` is SOURCE (repeatable).")
@WORKERS_OPTION
@MAX_SIZE_OPTION
def extract(paths, output, fmt, home_country, source_country, workers, max_article_size) -> None:
    """Extract engagement events from PATHS (files, directories, or - for stdin)."""
    from marsad.ingest import Summary

    _sigterm_as_interrupt()
    summary = Summary("extract")
    overrides = _parse_overrides(source_country)
    try:
        # Closed in the finally below, unless it is stdout.
        out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    except OSError as exc:
        raise CommandError(f"{output}: cannot write: {exc.strerror}") from None
    try:
        items = _reported(read_articles(paths, max_article_bytes=max_article_size * 2**20))
        extractions = iter_extractions(items, summary, home_country=home_country, overrides=overrides,
                                       workers=workers)
        if fmt == "jsonl":
            for ex in extractions:
                out.write(json.dumps(ex.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "json":
            json.dump([ex.to_dict() for ex in extractions], out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            from marsad.table import render_table

            render_table(list(extractions), out)
    finally:
        if output:
            out.close()
    click.echo(summary.line(), err=True)
    if summary.errors and summary.read == 0:
        sys.exit(1)


GOLD_ARGUMENT = click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
FOLDS_OPTION = click.option("--folds", type=click.IntRange(2), default=5, show_default=True,
                            help="Cross-validation folds, split by article.")


@main.command()
@GOLD_ARGUMENT
@click.option("--pred", type=click.Path(exists=True, dir_okay=False),
              help="Score these predictions instead of extracting.")
@click.option("--errors", "show_errors", is_flag=True, help="List misses and false alarms with their sentences.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--cross-validate", "cross", type=click.Choice(["article", "outlet"]),
              help="Retrain the confidence model in each fold and score the held-out articles: "
                   "folds by article (--folds) or one per outlet.")
@FOLDS_OPTION
@click.option("--unknown-outlet", is_flag=True,
              help="Hide each article's source and address, as for pages of an outlet marsad does "
                   "not know: its state is then read from the text alone.")
def evaluate(gold, pred, show_errors, as_json, cross, folds, unknown_outlet) -> None:
    """Score extraction against GOLD.jsonl files annotated as docs/events.md describes.

    Without options the extraction runs as installed (rules and the shipped confidence
    model). With --cross-validate the shipped model is not used: each fold gets a model
    trained on the other folds, so every article is scored by a model that never saw it.
    """
    from marsad.evaluate import errors, score

    gold_articles = [a for path in gold for a in _load_gold(path)]
    if cross:
        _cross_validate(gold_articles, cross, folds, as_json, unknown_outlet)
        return
    if pred:
        predicted = _load_predictions(pred)
        extractions: dict[str, Extraction] = {}
    else:
        predicted, extractions = _predict(_anonymous(gold_articles) if unknown_outlet else gold_articles)
    report = score(gold_articles, predicted)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(report.format_table())
    if show_errors:
        for item in errors(gold_articles, predicted):
            click.echo(_format_error(item, extractions))


def _anonymous(gold_articles: list[dict]) -> list[dict]:
    """The articles without their source and address."""
    return [{**a, "source": None, "url": None} for a in gold_articles]


def _cross_validate(gold_articles: list[dict], by: str, folds: int, as_json: bool, unknown_outlet: bool) -> None:
    from marsad import learn

    sample = learn.propose(_anonymous(gold_articles) if unknown_outlet else gold_articles)
    groups = (learn.fold_by_outlet(gold_articles) if by == "outlet" else
              {f"fold {i + 1}": ids for i, ids in
               enumerate(learn.fold_by_article([a["id"] for a in gold_articles], folds))})
    validation = learn.cross_validate(sample, groups)
    if as_json:
        click.echo(json.dumps(validation.to_dict(), indent=2))
        return
    click.echo(f"rules only (no confidence model), {len(groups)} folds pooled")
    click.echo(validation.rules.format_table())
    click.echo(f"\nwith a confidence model trained on the other folds ({by} folds)")
    click.echo(validation.learned.format_table())
    click.echo("\nper fold: occurred events P / R / F1, rules only -> with the model")
    for name, rules, learned in validation.folds:
        click.echo(f"  {name:14} {rules.articles:4} articles  "
                   f"{_prf(rules.events_occurred)}  ->  {_prf(learned.events_occurred)}")


def _prf(m) -> str:
    def fmt(x: float | None) -> str:
        return "n/a  " if x is None else f"{x:.3f}"
    return f"{fmt(m.precision)} / {fmt(m.recall)} / {fmt(m.f1)}"


@main.command()
@GOLD_ARGUMENT
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="Write the model here (JSON: feature weights, thresholds, how it was made).")
@FOLDS_OPTION
@click.option("--no-validate", "skip_validation", is_flag=True,
              help="Skip the cross-validation figures recorded in the model file.")
def train(gold, output, folds, skip_validation) -> None:
    """Train the confidence model from GOLD.jsonl files (needs scikit-learn: pip install 'marsad[train]').

    Use it with MARSAD_MODEL=FILE (every command then scores with it). The same gold files
    always give the same model file.
    """
    import hashlib

    from marsad import learn

    gold_articles = [a for path in gold for a in _load_gold(path)]
    sample = learn.propose(gold_articles)
    try:
        model = learn.train(sample)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    validation = None
    if not skip_validation:
        groups = {f"fold {i + 1}": ids for i, ids in
                  enumerate(learn.fold_by_article([a["id"] for a in gold_articles], folds))}
        validation = learn.cross_validate(sample, groups)

    def digest(path: str) -> str:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()

    learn.describe(model, sample, list(gold), validation, digest)
    model.save(output)
    click.echo(f"{len(gold_articles)} articles, {len(sample.proposals)} proposed events "
               f"({sum(p.label for p in sample.proposals)} match gold); thresholds: occurred "
               f"{model.threshold}, planned {model.planned_threshold}; {len(model.weights)} weights -> {output}",
               err=True)
    if validation is not None:
        click.echo(f"cross-validated occurred events P / R / F1: rules only {_prf(validation.rules.events_occurred)}"
                   f", with the model {_prf(validation.learned.events_occurred)}", err=True)


DB_OPTION = click.option(
    "--db", type=click.Path(dir_okay=False), default=None,
    help="SQLite file (default: $MARSAD_DB, else marsad.db here).",
)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--home-country", help="ISO3 code of the outlet's country for every article (else inferred).")
@click.option("--source-country", "source_country", multiple=True, metavar="SOURCE=CODE",
              help="Home country for articles whose `source` is SOURCE (repeatable).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--batch", type=click.IntRange(1), default=200, show_default=True,
              help="Articles per transaction (a crash loses at most one batch, which a rerun adds).")
@WORKERS_OPTION
@MAX_SIZE_OPTION
@click.option("-v", "--verbose", is_flag=True, help="Also list the articles with an empty text.")
def ingest(paths, db, home_country, source_country, progress, batch, workers, max_article_size, verbose) -> None:
    """Extract PATHS into the event store: articles, reports, real-world events, actors."""
    from marsad.ingest import ingest_articles
    from marsad.store import StoreError

    _sigterm_as_interrupt()
    overrides = _parse_overrides(source_country)
    show = sys.stderr.isatty() if progress is None else progress
    items = _reported(read_articles(paths, max_article_bytes=max_article_size * 2**20), verbose)
    try:
        with _ingest_progress(show) as on_progress:
            summary = ingest_articles(items, db, home_country=home_country, overrides=overrides,
                                      on_progress=on_progress, batch_size=batch, workers=workers)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    for message in summary.errors:
        if "extraction failed" in message:
            click.echo(f"marsad: error: {message}", err=True)
    for message in summary.duplicates:
        click.echo(f"marsad: warning: {message}", err=True)
    click.echo(summary.line(), err=True)
    if summary.errors and summary.read == 0:
        sys.exit(1)


class _ingest_progress:
    """A rich progress line: articles, articles/s and events found (no-op when hidden)."""

    def __init__(self, show: bool) -> None:
        self.show = show

    def __enter__(self):
        if not self.show:
            return None
        import time

        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.start = time.perf_counter()
        self._time = time.perf_counter
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                 transient=False, console=None)
        self.progress.start()
        self.task = self.progress.add_task("starting…", total=None)
        return self.update

    def update(self, summary) -> None:
        rate = summary.read / max(self._time() - self.start, 1e-9)
        self.progress.update(self.task, description=(
            f"{summary.read:,} articles · {rate:,.0f}/s · {summary.events:,} events · {len(summary.errors)} rejected"))

    def __exit__(self, *exc) -> None:
        if self.show:
            self.progress.stop()


@main.command()
@DB_OPTION
@click.option("--country", help="Events with this state or organisation among the parties: a code (KWT) "
                                "or a name in Arabic or English (الكويت, Kuwait).")
@click.option("--pair", help="Events between two parties: KWT,BEL (or their names: Kuwait,Belgium).")
@click.option("--type", "type_", type=click.Choice(EVENT_TYPES, case_sensitive=False))
@click.option("--topic", help="A topic (docs/events.md lists them), e.g. defense_military.")
@click.option("--person", help="A person, by any spelling or part of their name chain, in Arabic or "
                               "in Latin letters (matched against the romanised names).")
@click.option("--since", help="From this date (YYYY-MM-DD).")
@click.option("--until", help="Up to this date (YYYY-MM-DD).")
@click.option("--status", type=click.Choice(STATUSES))
@click.option("--text", help="Full-text search in the articles (spelling variants match).")
@click.option("--min-confidence", "min_confidence", type=click.FloatRange(0, 1),
              help="Events whose confidence (0-1) is at least this; events without one are left out.")
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many events (0: all).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def query(db, country, pair, type_, topic, person, since, until, status, text, min_confidence, limit, fmt) -> None:
    """List real-world events from the store, newest first."""
    from marsad.store import StoreError, connect
    from marsad.store.query import FilterError, Filters, count_events, select_events

    try:
        filters = Filters.parse(dict(country=country, pair=pair, type=type_, topic=topic, person=person, since=since,
                                     until=until, status=status, text=text,
                                     min_confidence=None if min_confidence is None else str(min_confidence)),
                              limit=limit or None)
    except FilterError as exc:
        raise click.BadParameter(exc.reason, param_hint=f"--{exc.field}") from None
    try:
        conn = connect(db, readonly=True)
        records = select_events(conn, filters)
        total = count_events(conn, filters) if limit and len(records) == limit else len(records)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "json":
        json.dump([r.to_dict() for r in records], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "csv":
        from marsad.store.export import write_csv

        write_csv(records, sys.stdout)
    else:
        from marsad.table import render_store_table

        render_store_table(records, sys.stdout)
    shown = f"showing {len(records)} of {total} events (use --limit)" if total > len(records) else f"{total} events"
    click.echo(f"marsad: {shown}", err=True)


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True)
def export(db, fmt, output) -> None:
    """Write every real-world event of the store to OUTPUT (jsonl, csv, parquet or GDELT TSV)."""
    from marsad.store import StoreError, connect
    from marsad.store.export import export as write

    try:
        rows = write(connect(db, readonly=True), fmt, output)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"{output}: cannot write: {exc.strerror}") from None
    click.echo(f"marsad: {rows} events written to {output}", err=True)


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another name requests may use for this server (repeatable); others are refused.")
@click.option("--ingest", "ingest_paths", multiple=True, metavar="PATH",
              help="Ingest these files or folders before serving (repeatable).")
def serve(db, host, port, allow_hosts, ingest_paths) -> None:
    """Serve the dashboard and the HTTP API over the store (read-only; uploads need $MARSAD_TOKEN)."""
    from marsad.ingest import ingest_articles
    from marsad.store import StoreError, default_path
    from marsad.web import create_app
    from marsad.web.app import KEEP_ALIVE
    from marsad.web.server import ServeError, allowed_hosts, serve

    try:
        if ingest_paths:
            summary = ingest_articles(read_articles(ingest_paths), db)
            click.echo(summary.line(), err=True)
        hosts = allowed_hosts(host, allow_hosts)
        app = create_app(db, hosts=hosts)

        def announce(url: str) -> None:
            click.echo(f"marsad: dashboard on {url} (API description: {url}openapi.json) over {default_path(db)}, "
                       f"answering to {', '.join(hosts)}; Ctrl-C to stop", err=True)

        serve(app, host, port, announce, keep_alive=KEEP_ALIVE)
    except (StoreError, ServeError) as exc:
        raise click.ClickException(str(exc)) from None


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, help="Folder (or fsspec URL) for the Parquet datasets.")
@click.option("--scheduler", help="Dask scheduler address (default: a local cluster on this machine).")
@click.option("--workers", type=click.IntRange(1), default=2, show_default=True,
              help="Workers of the local cluster (ignored with --scheduler).")
@click.option("--partition-size", type=click.IntRange(1), default=2000, show_default=True,
              help="Articles per extraction task.")
@click.option("--home-country", help="ISO3 code of the outlet's country for every article (else inferred).")
@click.option("--source-country", "source_country", multiple=True, metavar="SOURCE=CODE",
              help="Home country for articles whose `source` is SOURCE (repeatable).")
def batch(inputs, output, scheduler, workers, partition_size, home_country, source_country) -> None:
    """Extract INPUTS (JSONL, JSON, text, zip or Parquet files, folders or globs; optionally
    compressed) on a Dask cluster into Parquet partitions of articles, events and
    real-world events (by publication month)."""
    try:
        from marsad.batch import BatchError, run_batch
    except ImportError as exc:
        raise CommandError(f"{exc} (install with: pip install 'marsad[dask]')") from None
    try:
        summary = run_batch(list(inputs), output, scheduler=scheduler, workers=workers,
                            partition_size=partition_size, home_country=home_country,
                            overrides=_parse_overrides(source_country))
    except (BatchError, ImportError, OSError) as exc:
        raise CommandError(str(exc)) from None
    for message in summary.errors:
        click.echo(f"marsad: error: {message}", err=True)
    click.echo(summary.line(), err=True)


@main.command()
@click.argument("feeds_file", type=click.Path(exists=True, dir_okay=False))
@DB_OPTION
@click.option("--interval", default="10m", show_default=True, help="Time between polls: 90, 30s, 10m, 1h.")
@click.option("--once", is_flag=True, help="Poll every feed once and stop (for cron).")
@click.option("--delay", type=float, default=1.0, show_default=True, help="Seconds between requests to one host.")
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds before a request is abandoned.")
def watch(feeds_file, db, interval, once, delay, timeout) -> None:
    """Keep the store current from the RSS/Atom feeds or section pages listed in FEEDS_FILE.

    \b
    FEEDS_FILE has one feed a line: the address, then optionally the outlet's
    source id and its home country (ISO3), separated by a TAB; "-" leaves the
    source id out and "#" starts a comment:
        # Kuwait News Agency, local news
        https://www.kuna.net.kw/rss/local.xml   kuna   KWT
        https://suna-sd.net/ar/politics   -   SDN
    Addresses on this machine or a private network are refused unless an
    "allow" line names the host:
        allow   news.intranet.example
    examples/feeds/arab-agencies.tsv lists official Arab news agencies and
    foreign ministries.
    """
    from marsad.store import StoreError
    from marsad.watch import FeedsFileError, load_feeds, parse_interval
    from marsad.watch import watch as run_watch

    try:
        seconds = parse_interval(interval)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--interval") from None
    try:
        watchlist = load_feeds(feeds_file)
    except FeedsFileError as exc:
        for problem in exc.problems:
            click.echo(f"marsad: error: {problem}", err=True)
        raise click.ClickException(f"{feeds_file}: {len(exc.problems)} bad line(s)") from None
    try:
        summary = run_watch(watchlist.feeds, db, once=once, interval=seconds, per_host_delay=delay, timeout=timeout,
                            allow_hosts=watchlist.allow,
                            log=lambda line: click.echo(f"marsad watch: {line}", err=True))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(summary.line(), err=True)


def _load_gold(path: str) -> list[dict]:
    articles = []
    with open(path, encoding="utf-8-sig") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                articles.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise click.ClickException(f"{path}:{n}: invalid JSON: {exc.msg}") from None
    return articles


def _load_predictions(path: str) -> dict[str, list[dict]]:
    return {a["id"]: a.get("events", []) for a in _load_gold(path)}


def _predict(gold_articles: list[dict]) -> tuple[dict[str, list[dict]], dict[str, Extraction]]:
    from marsad.pipeline import extract

    predicted: dict[str, list[dict]] = {}
    extractions: dict[str, Extraction] = {}
    for a in gold_articles:
        ex = extract(a.get("text", ""), title=a.get("title", ""), published=a.get("published"),
                     source=a.get("source"), url=a.get("url"), id=a["id"])
        predicted[a["id"]] = [e.to_dict() for e in ex.events]
        extractions[a["id"]] = ex
    return predicted, extractions


def _format_error(item, extractions: dict[str, Extraction]) -> str:
    line = (f"{item.kind:11} {item.article_id} {item.status} {item.type} "
            f"{','.join(sorted(item.countries))} {' / '.join(n for n in item.names if n)}")
    ex = extractions.get(item.article_id)
    if ex is not None and item.kind == "false_alarm" and item.index < len(ex.events):
        sentence = ex.events[item.index].sentence
        if sentence is not None:
            line += f"\n      « {sentence.text[:300]} »"
    return line


if __name__ == "__main__":
    main()
