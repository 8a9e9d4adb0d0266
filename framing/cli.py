"""The `framing` command line: a thin shell over framing.api.

Exit codes: 0 everything was analysed; 1 some input was skipped (the rest was analysed and written);
2 nothing could be analysed, or the command was used wrongly.
"""
from __future__ import annotations

import sys

import click

from . import __version__

EXIT_OK, EXIT_SKIPPED, EXIT_NOTHING = 0, 1, 2
FORMATS = ("text", "json", "md", "html", "csv")


def _problem_lines(problems) -> list[str]:
    return [("error: " if p.fatal else "warning: ") + str(p) for p in problems]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="framing")
def main():
    """Show, side by side, how several outlets frame the same news story.

    Start with `framing analyze seeds/` (the bundled example story).
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format. csv writes a folder of tables (needs -o).")
@click.option("-o", "--output", type=click.Path(dir_okay=True, allow_dash=True), default=None,
              help="Write the report here instead of standard output.")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Story manifest (outlets, dates, titles, actor grouping). Default: manifest.json "
                   "in the story folder, if any.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True),
              help="A lexicon pack (file or folder) that adds to or overrides the default packs. Repeatable.")
@click.option("--model", "model_path", type=click.Path(exists=True), default=None,
              help="A model written by `framing train`, used instead of the default classifier.")
@click.option("--name", default=None, help="Story name (default: from the manifest or folder).")
@click.option("-q", "--quiet", is_flag=True, help="Do not print warnings about skipped input.")
def analyze(paths, fmt, output, manifest, lexicons, model_path, name, quiet):
    """Analyse the articles of one story and report how each outlet frames it.

    PATHS are story folders, article files (.txt .md .html .json .jsonl .csv) or - for stdin.
    """
    from .api import analyze as run_analysis
    from .ingest import load_story
    from .resources import Resources

    story = load_story(*paths, manifest=manifest, name=name)
    if not quiet:
        for line in _problem_lines(story.problems):
            click.echo(line, err=True)
    if not story.articles:
        click.echo("error: no article could be loaded; nothing to analyse", err=True)
        sys.exit(EXIT_NOTHING)
    resources = Resources(lexicon_paths=tuple(lexicons), model_path=model_path)
    try:
        resources.lexicon  # load packs now: a broken user pack is a usage error, not a crash later
        if model_path:
            resources.models
    except (ValueError, OSError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_NOTHING)
    result = run_analysis(story, resources)
    if not quiet:
        for line in _problem_lines(result.problems[len(story.problems):]):
            click.echo(line, err=True)
    if not result.analyses:
        click.echo("error: no article could be analysed", err=True)
        sys.exit(EXIT_NOTHING)
    from .report import render

    try:
        render(result, fmt, output)
    except OSError as exc:
        click.echo(f"error: cannot write {output}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_NOTHING)
    except ValueError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_NOTHING)
    sys.exit(EXIT_SKIPPED if any(p.fatal for p in result.problems) else EXIT_OK)


def _register_commands() -> None:
    """Attach the commands that live beside the part they drive (lexicon, train, batch, serve)."""
    from .cli_batch import batch, export, profile
    from .cli_lexicon import lexicon
    from .cli_serve import serve
    from .cli_train import train

    for command in (lexicon, train, batch, export, profile, serve):
        main.add_command(command)


_register_commands()


if __name__ == "__main__":  # pragma: no cover
    main()
