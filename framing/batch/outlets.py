"""Outlet-name normalisation through an editable aliases file.

The same outlet reaches a corpus under several names ("Fox News", "Fox Online News", "foxnews.com");
profiles must count it once. framing/data/outlet_aliases.tsv maps aliases to one name; a user's file
(`--aliases FILE`, same format) is read after it and wins. Matching ignores case, repeated spaces
and a leading "www."; a name that no row mentions is kept as written (spaces tidied).
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def _key(name: str) -> str:
    key = " ".join(name.split()).casefold()
    return key[4:] if key.startswith("www.") else key


class OutletAliases:
    def __init__(self, mapping: dict[str, str] | None = None):
        self.mapping = dict(mapping or {})

    def __call__(self, name: str) -> str:
        tidy = " ".join((name or "").split())
        return self.mapping.get(_key(tidy), tidy)

    def __len__(self) -> int:
        return len(self.mapping)


def read_aliases(path: Path) -> dict[str, str]:
    """alias key -> outlet, from one TSV file (header `alias<TAB>outlet`, '#' comments).

    Errors name the file and line.
    """
    mapping: dict[str, str] = {}
    header_seen = False
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if not header_seen:
                header_seen = True
                if [c.lower() for c in cells[:2]] == ["alias", "outlet"]:
                    continue
            if len(cells) < 2 or not cells[0] or not cells[1]:
                raise ValueError(f"{path}:{number}: expected 'alias<TAB>outlet', got {line!r}")
            outlet = " ".join(cells[1].split())
            mapping[_key(cells[0])] = outlet
            mapping.setdefault(_key(outlet), outlet)
    return mapping


def default_aliases_path() -> Path:
    return Path(str(resources.files("framing.data").joinpath("outlet_aliases.tsv")))


def load_aliases(extra: str | Path | None = None) -> OutletAliases:
    mapping = read_aliases(default_aliases_path())
    if extra:
        user = read_aliases(Path(extra))
        # a user row naming an outlet overrides the default canonical self-mapping too
        mapping.update(user)
    return OutletAliases(mapping)
