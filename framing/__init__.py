"""framing: how several outlets frame the same news event, side by side.

    import framing
    story = framing.load_story("seeds/")
    analysis = framing.analyze(story)
"""
__version__ = "0.1.0"


def load_story(*paths, manifest=None, name=None):
    """Load a story from folders, files or "-" (stdin). See framing.ingest.load_story."""
    from .ingest import load_story as _load
    return _load(*paths, manifest=manifest, name=name)


def analyze(story, resources=None):
    """Analyse every article of a story and compare them. See framing.api.analyze."""
    from .api import analyze as _analyze
    return _analyze(story, resources=resources)


__all__ = ["__version__", "load_story", "analyze"]
