"""Save and load sentence models as plain JSON: safe to open from any path.

A model file holds a manifest (what made it: task, labels, framing / scikit-learn / numpy versions,
the lexicon's fingerprint, training data digest and cross-validated figures), the feature
vocabularies and idf weights, and the linear weights. Loading parses JSON and rebuilds the pipeline
from those lists; nothing is unpickled, so a model file from a stranger cannot run code.

Files are written with sorted label order, rounded floats and no timestamps: the same training data
gives byte-identical files.
"""
from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

from .pipeline import SentenceModel
from .training import FORMAT, FORMAT_VERSION

MAX_MODEL_BYTES = 200 * 1024 * 1024


class ModelFormatError(ValueError):
    """A file that is not a usable framing model; the message names the file and the problem."""


class ModelVersionWarning(UserWarning):
    """A model made with another lexicon or another version of framing: it loads, but say so."""


def model_bytes(model: SentenceModel) -> bytes:
    return (json.dumps(model.to_json(), ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


def save_model(model: SentenceModel, path) -> Path:
    """Write `model` to `path` (a .json file; parent folders are created)."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    data = model_bytes(model)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return path


def model_from_bytes(data: bytes, where: str) -> SentenceModel:
    try:
        d = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ModelFormatError(f"{where}: not a framing model file (not UTF-8 text)") from None
    except json.JSONDecodeError as e:
        raise ModelFormatError(f"{where}: not a framing model file (invalid JSON at line {e.lineno}, "
                               f"column {e.colno})") from None
    if not isinstance(d, dict) or not isinstance(d.get("manifest"), dict):
        raise ModelFormatError(f"{where}: not a framing model file (no manifest)")
    m = d["manifest"]
    if m.get("format") != FORMAT:
        raise ModelFormatError(f"{where}: not a framing model file (format {m.get('format')!r})")
    version = m.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ModelFormatError(f"{where}: model format version {version!r} is newer than this framing "
                               f"reads ({FORMAT_VERSION}); upgrade framing or retrain the model")
    try:
        return SentenceModel.from_json(d)
    except (KeyError, TypeError, ValueError, IndexError) as e:
        raise ModelFormatError(f"{where}: damaged model file ({type(e).__name__}: {e})") from None


def version_notes(model: SentenceModel, lexicon_id: str | None = None) -> list[str]:
    """Differences between what made the model and what runs it, as sentences for the user.

    The framing version is compared for user models only: the shipped models are checked against
    their training data and lexicon by the test suite whenever the package changes.
    """
    import framing

    m = model.manifest
    task = m.get("task", "?")
    notes = []
    shipped = model.location.startswith("default:")
    if not shipped and m.get("framing_version") != framing.__version__:
        notes.append(f"the {task} model was made by framing {m.get('framing_version')}, this is "
                     f"framing {framing.__version__}: retrain it if results look wrong")
    if lexicon_id is not None and m.get("lexicon") != lexicon_id:
        notes.append(f"the {task} model was trained with lexicon {m.get('lexicon')}, the lexicon now "
                     f"loaded is {lexicon_id}: its lexicon features may mean something different; "
                     "retrain it (framing train, or scripts/train_default_models.py for the defaults)")
    return notes


def load_model(path, lexicon_id: str | None = None, warn: bool = True) -> SentenceModel:
    """Load a model file; raise ModelFormatError with the path when it is not a usable model.

    With `lexicon_id`, a model trained with a different lexicon triggers a ModelVersionWarning
    (as does a model made by another framing version).
    """
    path = Path(path)
    where = str(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise ModelFormatError(f"{where}: cannot read model file ({e.strerror or e})") from None
    if size > MAX_MODEL_BYTES:
        raise ModelFormatError(f"{where}: {size} bytes is too large for a model file")
    if path.is_dir():
        raise ModelFormatError(f"{where}: is a folder, expected a model .json file")
    model = model_from_bytes(path.read_bytes(), where)
    model.location = where
    if warn:
        for note in version_notes(model, lexicon_id):
            warnings.warn(f"{where}: {note}", ModelVersionWarning, stacklevel=2)
    return model
