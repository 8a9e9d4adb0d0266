"""`framing train`: fit a sentence classifier on your own labels file.

Registered on the main command group in framing/cli.py (`main.add_command(train)`). Exit codes as
for the other commands: 0 the model was written; 2 nothing was written (a bad labels file, labels
that cannot make a model, an unwritable output path).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import click

EXIT_OK, EXIT_NOTHING = 0, 2
_TASK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def _fail(lines) -> None:
    for line in lines:
        click.echo(f"error: {line}", err=True)
    sys.exit(EXIT_NOTHING)


@click.command("train")
@click.option("--data", "data_path", required=True, type=click.Path(dir_okay=False),
              help="Labels file: CSV with a header and the columns text,label (optional: group, "
                   "source_note, any others). Tab- or semicolon-separated files work too.")
@click.option("--task", required=True,
              help="bias (two labels, e.g. biased/neutral), frame (a frame set), or any NAME for "
                   "your own codebook. A bias or frame model replaces the default one in analyze.")
@click.option("--out", "out_path", required=True, type=click.Path(),
              help="Where to write the model (.json). A folder gets TASK.json inside it.")
@click.option("--positive", default=None,
              help="bias task: the label that means biased (default: a label named biased, bias, "
                   "loaded, yes, true or 1).")
@click.option("--text-column", default="text", show_default=True)
@click.option("--label-column", default="label", show_default=True)
@click.option("--group-column", default="group", show_default=True,
              help="Optional column that keeps related rows (same article, same sentence rewritten) "
                   "in the same cross-validation fold.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True),
              help="Extra lexicon pack whose counts become features (use the same packs in analyze).")
@click.option("--folds", default=5, show_default=True, type=click.IntRange(2, 20),
              help="Cross-validation folds for choosing the regularisation, calibrating and "
                   "reporting the expected accuracy.")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed for the fold split.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the output path.")
def train(data_path, task, out_path, positive, text_column, label_column, group_column, lexicons,
          folds, seed, quiet):
    """Fit a sentence model on your own labels and save it as a safe JSON file.

    \b
    Example:
      framing train --data class_labels.csv --task bias --out class_bias.json
      framing analyze seeds/ --model class_bias.json

    Every problem in the labels file is reported with its line number. The model records the
    lexicon and the framing version it was made with; analyze warns when they differ.
    """
    from .classify import LabelsFileError, TrainingError, read_labels, save_model, train_model
    from .resources import Resources

    if not _TASK.match(task):
        _fail([f"--task {task!r}: use letters, digits, '-', '_' or '.' (e.g. bias, frame, tone)"])
    try:
        data = read_labels(data_path, text_column=text_column, label_column=label_column,
                           group_column=group_column)
    except LabelsFileError as e:
        _fail(e.lines())
    for w in data.warnings:
        if not quiet:
            click.echo(f"warning: {w}", err=True)
    out = Path(out_path)
    if out.is_dir():
        out = out / f"{task}.json"
    resources = Resources(lexicon_paths=tuple(lexicons))
    try:
        resources.lexicon  # a broken user pack is the user's error, said in one line
    except ImportError:
        pass
    except (ValueError, OSError) as e:
        _fail([str(e)])
    if not quiet:
        counts = ", ".join(f"{lab}: {n}" for lab, n in data.counts().items())
        click.echo(f"{data_path}: {len(data.texts)} examples ({counts})")
        click.echo("training (cross-validating regularisation and calibration) ...")
    try:
        model = train_model(data.texts, data.labels, task, groups=data.groups, positive_label=positive,
                            resources=resources, folds=folds, seed=seed, source=Path(data_path).name)
    except TrainingError as e:
        _fail([f"{data_path}: {e}"])
    try:
        save_model(model, out)
    except OSError as e:
        _fail([f"{out}: cannot write the model ({e.strerror or e})"])
    if not quiet:
        _report(model)
    click.echo(f"wrote {out}")
    if not quiet:
        click.echo(f"use it with: framing analyze STORY --model {out}")


def _report(model) -> None:
    tr = model.manifest["training"]
    cv = tr["cross_validation"]
    if not cv.get("folds"):
        click.echo("too few examples per label for cross-validation: no accuracy estimate, no calibration")
        return
    click.echo(f"cross-validated ({cv['folds']} folds{', grouped' if cv['grouped'] else ''}): "
               f"macro-F1 {cv['macro_f1']:.3f}, accuracy {cv['accuracy']:.3f}")
    width = max(len(lab) for lab in cv["per_class"])
    click.echo(f"  {'label'.ljust(width)}  precision  recall  f1     n")
    for lab, f in cv["per_class"].items():
        click.echo(f"  {lab.ljust(width)}  {f['precision']:9.3f}  {f['recall']:6.3f}  {f['f1']:.3f}  "
                   f"{f['support']:>4}")
    click.echo(f"calibration error (ECE) {cv['ece_uncalibrated']:.3f} -> {cv['ece_calibrated']:.3f} "
               f"(temperature {tr['temperature']:.3f}); regularisation C={tr['C']}")
