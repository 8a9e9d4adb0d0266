"""Everything the stages need that is loaded from disk: lexicon packs, gazetteer, models.

Loaded once (lazily, on first use) and passed to every stage, so stages stay pure functions that
never read files. Worker processes build their own `Resources` from the same settings.
"""
from __future__ import annotations

import gc
from dataclasses import dataclass, field
from functools import cached_property

#: Run through every stage by warm(): short, but it reaches the taggers, VADER and every model.
WARM_UP_TEXT = ("Pakistan's defence minister said on Sunday that the talks in Istanbul had failed, "
                "while officials in Kabul claimed the \u201cunprovoked\u201d strikes killed civilians.")


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

    def warm(self) -> "Resources":
        """Load everything now and take it out of the garbage collector's sight.

        Long runs (batch workers, the web server) call this once: it analyses a one-sentence
        article so every lazily loaded resource (lexicon, gazetteer, models, tagger and sentiment
        lexicons) is built, then freezes the heap. The collector then no longer re-scans those
        millions of long-lived objects on every collection, which measured 5-15% of stage time.
        The collector is paused while loading: everything loaded lives on, so its passes over the
        growing heap found nothing to free, and the one collection at the end clears what did die.
        """
        from .api import analyze_article
        from .model import Article

        collecting = gc.isenabled()
        gc.disable()
        try:
            analyze_article(Article(id="warm-up", text=WARM_UP_TEXT, outlet="warm-up"), self)
        finally:
            if collecting:
                gc.enable()
        gc.collect()
        gc.freeze()
        return self
