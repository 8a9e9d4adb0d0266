"""The set of models the classify stage uses: the shipped defaults, replaced or extended by a user's.

`load_models()` gives the default bias and frame models from framing/models/. With a path (or
several: `framing analyze --model PATH`), each user model replaces the default of its task ("bias",
"frame") or, for any other codebook, is added beside them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources as _res

from .inputs import fingerprint_of
from .pipeline import SentenceModel
from .store import ModelFormatError, load_model, model_from_bytes, version_notes

DEFAULT_TASKS = ("bias", "frame")


def default_model_file(task: str):
    """The shipped model file of a task (an importlib Traversable; it may not exist)."""
    return _res.files("framing").joinpath("models", f"{task}.json")


def load_default_model(task: str) -> SentenceModel | None:
    """The shipped model of `task`, or None when the package has none (not trained yet)."""
    f = default_model_file(task)
    if not f.is_file():
        return None
    model = model_from_bytes(f.read_bytes(), f"framing/models/{task}.json")
    model.location = f"default:{task}"
    return model


@dataclass
class Models:
    """Loaded models by role. `notes` says what was replaced or missing, for the summary."""

    bias: SentenceModel | None = None
    frame: SentenceModel | None = None
    other: tuple[SentenceModel, ...] = ()
    notes: tuple[str, ...] = ()
    _lexicon_notes: dict = field(default_factory=dict, repr=False)

    def all(self) -> list[SentenceModel]:
        return [m for m in (self.bias, self.frame, *self.other) if m is not None]

    def describe(self) -> dict:
        """Task -> where the model came from, its labels and lexicon fingerprint (for JSON)."""
        out = {}
        for m in self.all():
            out[m.task] = {"source": m.location or "in memory", "labels": list(m.labels),
                           "lexicon": m.manifest.get("lexicon", ""),
                           "framing_version": m.manifest.get("framing_version", "")}
        return out

    def lexicon_notes(self, lexicon) -> list[str]:
        """Version notes for every model against the lexicon now loaded (cached per lexicon)."""
        key = id(lexicon)
        if key not in self._lexicon_notes:
            lexicon_id = fingerprint_of(lexicon)
            notes = []
            for m in self.all():
                notes.extend(version_notes(m, lexicon_id))
            self._lexicon_notes[key] = notes
        return list(self._lexicon_notes[key])


def load_models(model_path=None, lexicon=None, defaults: bool = True) -> Models:
    """Default models, with user model file(s) in `model_path` taking over their tasks.

    `model_path`: None, one path, or a sequence of paths. Raises ModelFormatError (message names
    the file) for a file that is not a framing model. With `lexicon`, models trained with another
    lexicon give a ModelVersionWarning.
    """
    lexicon_id = fingerprint_of(lexicon) if lexicon is not None else None
    models = Models()
    notes = []
    if defaults:
        models.bias = load_default_model("bias")
        models.frame = load_default_model("frame")
    if model_path is None:
        paths = ()
    elif isinstance(model_path, (str, bytes)) or hasattr(model_path, "__fspath__"):
        paths = (model_path,)
    else:
        paths = tuple(model_path)
    other = []
    for p in paths:
        m = load_model(p, lexicon_id=lexicon_id)
        if m.task in DEFAULT_TASKS:
            if getattr(models, m.task) is not None:
                notes.append(f"the default {m.task} model is replaced by {p}")
            setattr(models, m.task, m)
        else:
            other = [o for o in other if o.task != m.task] + [m]
    models.other = tuple(sorted(other, key=lambda m: m.task))
    for task in DEFAULT_TASKS:
        if defaults and getattr(models, task) is None:
            notes.append(f"no default {task} model is installed (run scripts/train_default_models.py)")
    models.notes = tuple(notes)
    return models


def check_model_file(path) -> list[str]:
    """Validate a user model file before an analysis starts: its version notes, or ModelFormatError."""
    return version_notes(load_model(path, warn=False))


__all__ = ["Models", "load_models", "load_default_model", "default_model_file", "check_model_file",
           "ModelFormatError"]
