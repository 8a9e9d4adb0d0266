"""Everything the stages need that is loaded from disk: lexicon packs, gazetteer, models.

Loaded once (lazily, on first use) and passed to every stage, so stages stay pure functions that
never read files. Worker processes build their own `Resources` from the same settings.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass
class Resources:
    lexicon_paths: tuple[str, ...] = ()  # user packs that add to or override the defaults
    model_path: str | None = None  # a user model from `framing train`, replacing the default
    gazetteer_paths: tuple[str, ...] = ()
    options: dict = field(default_factory=dict)

    @cached_property
    def lexicon(self):
        from .lexicon import load_lexicon

        return load_lexicon(extra_paths=tuple(self.lexicon_paths))

    @cached_property
    def gazetteer(self):
        from .gazetteer import load_gazetteer

        return load_gazetteer(extra_paths=tuple(self.gazetteer_paths))

    @cached_property
    def models(self):
        from .classify import load_models

        return load_models(self.model_path)
