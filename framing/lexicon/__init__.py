"""The lexicon: human-editable packs of loaded wording, their validation, overlay and matching.

    from framing.lexicon import load_lexicon
    lex = load_lexicon()                      # general + topic packs
    lex = load_lexicon(["my_pack/"])          # plus a user pack that adds or overrides rows
    lex.cue_class("claim")                    # -> "distancing"
    lex.lookup("martyred")                    # -> [Entry(term="martyred", category="casualty", ...)]
    findings = lex.matcher.findings(doc)      # framing.model.findings.Finding, one per match

The pack format and the categories are described in lexicons/README.md.
"""
from .categories import CATEGORIES, CUE_CLASSES, SCARE_QUOTE, is_flag
from .entry import Entry
from .lexicon import Lexicon, default_lexicon, default_packs, default_root, load_lexicon, validate_pack
from .packs import LexiconError

__all__ = [
    "CATEGORIES", "CUE_CLASSES", "SCARE_QUOTE", "Entry", "Lexicon", "LexiconError", "default_lexicon",
    "default_packs",
    "default_root", "is_flag", "load_lexicon", "validate_pack",
]
