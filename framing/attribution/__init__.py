"""Attribution extraction: who is quoted or paraphrased, through which cue, saying what.

    from framing.attribution import attributions_of
    atts, extra = attributions_of(doc, lexicon=None, gazetteer=None)

Modules, one job each: data (the data files), chunks (noun phrases over tags), quotes (quotation
regions), extract (the cue rules), learned (the learned cue detector for tokens the rules leave
alone; model framing/models/attribution_cues.json, trained by scripts/train_attribution_polnear.py;
`attributions_of(doc, model=None)` runs the rules alone), spans (the learned chooser of where a
paraphrased content starts and ends; model framing/models/attribution_spans.json), speakers (name, title, role, side of a source phrase), coref
(pronouns and merging), build (turning matches into `Attribution` records). The stage
framing.stages.attribution wraps this for the pipeline.
"""
from .build import attributions_of

__all__ = ["attributions_of"]
