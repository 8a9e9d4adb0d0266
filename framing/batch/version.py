"""The analyzer version: what a stored analysis was computed with.

An article's analysis is valid while its cleaned text and the analyzer are unchanged. The analyzer
is the package version, a hash of the analysis code (every module an analysis runs through; not the
batch runner, CLI, ingest or report code, which do not change a result), a hash of the lexicon packs
and gazetteers (defaults and the user's), a hash of the model files, and the list of stages run.
Editing a lexicon entry therefore redoes the articles on the next run; restyling a report does not.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import framing

PACKAGE = Path(framing.__file__).resolve().parent
REPO = PACKAGE.parent

#: Sub-packages and modules of framing/ that do not take part in an article's analysis.
NOT_ANALYSIS = {"batch", "cli.py", "report", "web", "ingest", "jsonreport.py", "__main__.py"}
DATA_SUFFIXES = {".tsv", ".txt", ".csv", ".json", ".yaml", ".yml", ".toml", ".npz", ".joblib",
                 ".skops", ".gz", ".bin"}


def _files(root: Path, suffixes) -> list[Path]:
    if root.is_file():
        return [root]
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in suffixes
                  and "__pycache__" not in p.parts)


def _hash_files(paths, base: Path | None = None) -> str:
    h = hashlib.sha256()
    for p in paths:
        try:
            name = str(p.relative_to(base)) if base else p.name
        except ValueError:
            name = p.name
        h.update(name.encode() + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:16]


def code_hash() -> str:
    files = [p for p in _files(PACKAGE, {".py"})
             if p.relative_to(PACKAGE).parts[0] not in NOT_ANALYSIS
             and not p.name.startswith("cli_")]
    return _hash_files(files, PACKAGE)


def data_hash(lexicon_paths=(), gazetteer_paths=()) -> str:
    """Default data files (framing/data, lexicons/ and models/ beside the package) + user packs."""
    files = [p for p in _files(PACKAGE / "data", DATA_SUFFIXES) if p.name != "outlet_aliases.tsv"]
    for sub in ("lexicons", "models"):
        files += _files(PACKAGE / sub, DATA_SUFFIXES)
        files += _files(REPO / sub, DATA_SUFFIXES)
    for extra in tuple(lexicon_paths) + tuple(gazetteer_paths):
        files += _files(Path(extra), DATA_SUFFIXES)
    return _hash_files(files, REPO)


def model_hash(model_path=None) -> str:
    return _hash_files(_files(Path(model_path), DATA_SUFFIXES | {".pkl"})) if model_path else "default"


def analyzer_version(stages=(), lexicon_paths=(), gazetteer_paths=(), model_path=None) -> str:
    """A short hex string naming everything an article's analysis depends on."""
    parts = [framing.__version__, code_hash(), data_hash(lexicon_paths, gazetteer_paths),
             model_hash(model_path), ",".join(stages)]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:20]


def describe(stages=(), lexicon_paths=(), gazetteer_paths=(), model_path=None) -> dict:
    """The parts of the analyzer version, for the runs table and the docs."""
    return {"framing": framing.__version__, "code": code_hash(),
            "data": data_hash(lexicon_paths, gazetteer_paths), "model": model_hash(model_path),
            "stages": list(stages)}
