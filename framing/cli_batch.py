"""`framing batch`, `framing export`, `framing profile`: the batch path's command line.

Thin shells over framing.batch (docs/batch.md). Exit codes as everywhere in framing: 0 everything
was analysed; 1 some input was skipped (recorded in the store's failures table); 2 nothing could be
analysed, or the command was used wrongly.
"""
from __future__ import annotations

import sys

import click

EXIT_OK, EXIT_SKIPPED, EXIT_NOTHING = 0, 1, 2


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Output folder: the store (framing.sqlite), reports/ and exports/ go here.")
@click.option("--group-stories", is_flag=True,
              help="Group articles without a story id into stories by TF-IDF similarity within "
                   "a date window (an article can stand alone).")
@click.option("--window-days", type=click.IntRange(0, 365), default=3, show_default=True,
              help="With --group-stories: how many days apart two articles of a story may be.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.30, show_default=True,
              help="With --group-stories: average cosine similarity needed to join a story.")
@click.option("--undated-threshold", type=click.FloatRange(0, 1), default=0.45,
              show_default=True, help="The same, for articles without a date.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Worker processes on this machine.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run on a Dask distributed cluster (e.g. tcp://10.0.0.5:8786) instead of "
                   "local processes; this process stays the only writer.")
@click.option("--force", is_flag=True, help="Redo every article, even those already done.")
@click.option("--reports", default="", metavar="FORMATS",
              help="Also write per-story reports to OUT_DIR/reports/: comma-separated, of "
                   "html,json,md,text.")
@click.option("--aliases", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Outlet aliases file (alias<TAB>outlet) read after the default one.")
@click.option("--date-order", type=click.Choice(["auto", "mdy", "dmy"]), default="auto",
              show_default=True,
              help="How to read numeric dates like 4/12/19 (auto: only when unambiguous).")
@click.option("--stages", default=None, metavar="NAMES",
              help="Comma-separated stages to run (default: every installed stage).")
@click.option("--no-compare", is_flag=True, help="Do not compare the articles of a story.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True),
              help="A user lexicon pack that adds to or overrides the defaults. Repeatable.")
@click.option("--model", "model_path", type=click.Path(exists=True), default=None,
              help="A model written by `framing train`, used instead of the default.")
@click.option("--limit", type=click.IntRange(1), default=None,
              help="Read at most this many input records (a trial run).")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary; errors only.")
def batch(inputs, out_dir, group_stories, window_days, threshold, undated_threshold, jobs,
          scheduler, force, reports, aliases, date_order, stages, no_compare, lexicons,
          model_path, limit, quiet):
    """Analyse many articles into a store in OUTPUT, resumably.

    INPUTS are JSONL or CSV files of articles (text, outlet, title, date, url, optional story id;
    .gz too), or folders of story folders. Running again skips what is done; a killed run resumes.
    """
    from .batch import BatchOptions, GroupingOptions, run_batch
    from .batch.runner import REPORT_FORMATS, available_stages, summary_lines
    from .batch.store import StoreError

    report_formats = _split(reports)
    bad = [f for f in report_formats if f not in REPORT_FORMATS]
    if bad:
        click.echo(f"error: unknown report format(s) {', '.join(bad)}; choose from "
                   f"{', '.join(REPORT_FORMATS)}", err=True)
        sys.exit(EXIT_NOTHING)
    stage_list = _split(stages) if stages is not None else None
    if stage_list is not None:
        unknown = [s for s in stage_list if s not in available_stages()]
        if unknown:
            click.echo(f"error: stage(s) not installed: {', '.join(unknown)}; installed: "
                       f"{', '.join(available_stages()) or 'none'}", err=True)
            sys.exit(EXIT_NOTHING)
    opts = BatchOptions(
        inputs=tuple(inputs), out_dir=out_dir, group_stories=group_stories,
        grouping=GroupingOptions(threshold=threshold, undated_threshold=undated_threshold,
                                 window_days=window_days),
        jobs=jobs, scheduler=scheduler, force=force, reports=report_formats, aliases=aliases,
        date_order=date_order, stages=stage_list, compare=not no_compare,
        lexicon_paths=tuple(lexicons), model_path=model_path, limit=limit, quiet=quiet)
    try:
        summary = run_batch(opts)
    except (ValueError, OSError) as exc:  # unreadable aliases file, store on a full disk ...
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_NOTHING)
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_NOTHING)
    if not quiet:
        for line in summary_lines(summary):
            click.echo(line, err=True)
    if summary.exit_code == EXIT_NOTHING:
        click.echo("error: no article could be analysed", err=True)
    sys.exit(summary.exit_code)


@click.command()
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False))
@click.option("-t", "--table", required=True,
              help="Table to export: articles, stories, findings, quotes, actor_mentions, agency, "
                   "sentence_scores, story_comparisons, failures, runs, meta.")
@click.option("-f", "--format", "fmt", type=click.Choice(["csv", "parquet", "jsonl"]),
              default="csv", show_default=True)
@click.option("-o", "--output", default=None, type=click.Path(allow_dash=True),
              help="Output file (default OUT_DIR/exports/TABLE.FORMAT; - for standard output).")
def export(out_dir, table, fmt, output):
    """Export one table of the batch store in OUT_DIR."""
    from .batch.export import export_table
    from .batch.store import StoreError

    try:
        path = export_table(out_dir, table, fmt, output)
    except (StoreError, ValueError, OSError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_NOTHING)
    if path != "-":
        click.echo(path)


@click.command()
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False))
@click.option("-f", "--format", "fmt", type=click.Choice(["html", "md", "csv", "json"]),
              default="html", show_default=True)
@click.option("-o", "--output", default=None, type=click.Path(allow_dash=True),
              help="Output file (default OUT_DIR/profiles.FORMAT; - for standard output).")
@click.option("--outlet", "outlets", multiple=True, help="Only this outlet. Repeatable.")
@click.option("--top", type=click.IntRange(1), default=None,
              help="Only the N outlets with the most articles.")
@click.option("--min-articles", type=click.IntRange(1), default=10, show_default=True,
              help="Outlets with fewer articles are marked small.")
@click.option("--resamples", type=click.IntRange(100), default=1000, show_default=True,
              help="Bootstrap resamples for the 95% intervals.")
@click.option("--seed", type=int, default=0, show_default=True, help="Bootstrap seed.")
def profile(out_dir, fmt, output, outlets, top, min_articles, resamples, seed):
    """Profile every outlet in the batch store in OUT_DIR: wording, voices, agency, frames,
    readability, with bootstrap intervals, a monthly trend and the rows behind every figure."""
    from pathlib import Path

    from .batch.profile import ProfileOptions, build_profiles
    from .batch.profile_render import render_profiles
    from .batch.store import StoreError

    try:
        profiles = build_profiles(out_dir, ProfileOptions(min_articles=min_articles,
                                                          resamples=resamples, seed=seed),
                                  outlets=outlets or None, top=top)
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_NOTHING)
    if not profiles["outlets"]:
        click.echo("error: no analysed article in the store" +
                   (" for the outlet(s) asked for" if outlets else ""), err=True)
        sys.exit(EXIT_NOTHING)
    target = output or Path(out_dir) / f"profiles.{fmt}"
    text = render_profiles(profiles, fmt, None if str(target) == "-" else target,
                           reports_dir=Path(out_dir) / "reports")
    if str(target) == "-":
        click.echo(text, nl=False)
    else:
        click.echo(str(target))


COMMANDS = (batch, export, profile)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main():
    """The batch commands on their own (`python -m framing.cli_batch`); `framing` has them too."""


for _command in COMMANDS:
    main.add_command(_command)

if __name__ == "__main__":  # pragma: no cover
    main()
