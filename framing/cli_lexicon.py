"""`framing lexicon ...`: list the packs, validate a user pack, explain a term.

Registered on the main CLI by framing/cli.py. Exit codes: 0 ok, 1 problems found (validate) or term
unknown (explain), 2 usage error (click's own).
"""
from __future__ import annotations

import json
import sys

import click

from .lexicon import CATEGORIES, LexiconError, load_lexicon, validate_pack
from .lexicon.categories import NON_FINDING


def _load(extra, topics: bool):
    try:
        return load_lexicon(extra_paths=tuple(extra), include_topics=topics)
    except LexiconError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)


@click.group()
def lexicon():
    """Inspect and check the lexicon packs (loaded wording, labels, hedges, reporting verbs)."""


@lexicon.command("list")
@click.option("--category", "-c", help="Print the entries of one category.")
@click.option("--lexicon", "extra", multiple=True, type=click.Path(exists=True),
              help="A user pack (file or folder) overlaid on the defaults. Repeatable.")
@click.option("--topics/--no-topics", default=True, show_default=True,
              help="Include the topic packs (lexicons/topics/*).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def list_cmd(category, extra, topics, as_json):
    """List packs and categories with entry counts, or the entries of one category."""
    lex = _load(extra, topics)
    if category:
        if category not in CATEGORIES or category in NON_FINDING:
            raise click.BadParameter(f"unknown category {category!r}; known: "
                                     f"{', '.join(c for c in CATEGORIES if c not in NON_FINDING)}",
                                     param_hint="--category")
        entries = lex.entries_in(category)
        if as_json:
            click.echo(json.dumps([e.as_dict() for e in entries], indent=1, ensure_ascii=False))
            return
        for e in entries:
            alt = f" -> {e.alternative}" if e.alternative else ""
            pos = f" [{e.pos}]" if e.pos else ""
            flag = "" if e.flag else " (information only)"
            click.echo(f"{e.term}{pos}  {e.polarity:+d}/{e.strength}{alt}{flag}  - {e.explanation}  ({e.source})")
        click.echo(f"{len(entries)} entries in {category}")
        return
    counts = lex.categories()
    packs: dict[str, int] = {}
    for e in lex.entries:
        packs[e.pack] = packs.get(e.pack, 0) + 1
    if as_json:
        click.echo(json.dumps({"packs": [{"name": n, "path": p, "entries": packs.get(n, 0)} for n, p in lex.packs],
                               "categories": counts, "entries": len(lex.entries),
                               "derived": len(lex.derived), "negators": sorted(lex.negators),
                               "fingerprint": lex.fingerprint()}, indent=1))
        return
    click.echo("Packs:")
    for name, path in lex.packs:
        click.echo(f"  {name:14s} {packs.get(name, 0):5d} entries  {path}")
    click.echo("Categories:")
    for cat, n in counts.items():
        click.echo(f"  {cat:22s} {n:5d}  {CATEGORIES[cat]}")
    click.echo(f"Total: {len(lex.entries)} entries (+{len(lex.derived)} derived adverbs and nouns, "
               f"{len(lex.negators)} negators); fingerprint {lex.fingerprint()}")


@lexicon.command("validate")
@click.argument("path", type=click.Path(exists=True))
@click.option("--topics/--no-topics", default=True, show_default=True,
              help="Compare against the topic packs too when listing overrides.")
def validate_cmd(path, topics):
    """Check a pack (a TSV file or a folder of them): every problem with its file and line."""
    report = validate_pack(path, include_topics=topics)
    if report["problems"]:
        for p in report["problems"]:
            click.echo(p, err=True)
        click.echo(f"{len(report['problems'])} problem(s) in {path}", err=True)
        sys.exit(1)
    click.echo(f"OK: {report['entries']} entries in {report['files']} file(s).")
    if report["overrides"]:
        click.echo(f"Overrides {len(report['overrides'])} default entr{'y' if len(report['overrides']) == 1 else 'ies'}:")
        for o in report["overrides"]:
            click.echo(f"  {o['term']}: {o['old']} ({o['old_source']}) -> {o['new']} ({o['source']})")


@lexicon.command("explain")
@click.argument("term", nargs=-1, required=True)
@click.option("--lexicon", "extra", multiple=True, type=click.Path(exists=True),
              help="A user pack overlaid on the defaults. Repeatable.")
@click.option("--topics/--no-topics", default=True, show_default=True)
def explain_cmd(term, extra, topics):
    """Explain a word or phrase: category, why it is loaded, a neutral alternative."""
    from .lexicon.scores import word_subjectivity, word_valence
    from .text.normalize import fold

    phrase = " ".join(term)
    lex = _load(extra, topics)
    entries = lex.lookup(phrase)
    words = fold(phrase).split()
    valence, subjectivity = word_valence(words), word_subjectivity(words)
    extra_scores = []
    if valence is not None:
        extra_scores.append(f"VADER valence {valence:+.1f} (-4..4)")
    if subjectivity is not None:
        extra_scores.append(f"subjectivity {subjectivity:.2f} (0..1)")
    if not entries:
        click.echo(f"{phrase!r} is not in the lexicon." + (f" {'; '.join(extra_scores)}." if extra_scores else ""))
        cue = lex.cue_class(phrase)
        if cue:
            click.echo(f"As a reporting verb it is {cue}.")
        sys.exit(1)
    for e in entries:
        direction = {-1: "negative", 0: "neutral", 1: "positive"}[e.polarity]
        strength = {1: "mild", 2: "clear", 3: "strong"}[e.strength]
        pos = f", {dict(N='noun', V='verb', J='adjective', R='adverb')[e.pos]}" if e.pos else ""
        click.echo(f"{e.term} — {e.category}{pos} ({direction}, {strength}"
                   f"{'' if e.flag else ', information only'})")
        click.echo(f"  Why: {e.explanation}")
        if e.alternative:
            click.echo(f"  More neutral: {e.alternative}")
        if e.derived_from:
            click.echo(f"  Derived from {e.derived_from!r}.")
        click.echo(f"  From: {e.source} (pack {e.pack})")
    if extra_scores:
        click.echo("  Scores: " + "; ".join(extra_scores))
