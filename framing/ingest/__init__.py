"""Ingestion: read a story (folders, files, stdin) into cleaned Articles with metadata.

    from framing.ingest import load_story
    story = load_story("seeds/")                 # finds seeds/manifest.json
    story = load_story("a.html", "b.md", "-")    # files and stdin, no manifest needed
    for problem in story.problems: print(problem)

Formats: .txt, .md (front matter), .html (trafilatura), .json / .jsonl / .csv / .tsv (one article
per record; .gz compressed too). Each article's `removed` lists the web leftovers cleaning dropped,
its `notes` how outlet, title and date were found. Modules, one job each:

    sources     paths -> Sources (folder listing, stdin sniffing)
    readers/    one reader per format -> RawArticles
    encoding    bytes -> text (BOM, UTF-8, charset-normalizer; binary files refused)
    normalize   Unicode and white space, line by line
    boilerplate web-leftover rules (framing/data/boilerplate.tsv)
    clean       rules + metadata lines + paragraph layout for one text
    dates       ISO dates from values and timestamp lines
    frontmatter, markdown, fields   Markdown front matter, Markdown markup, record field names
    manifest    the optional story manifest (TOML or JSON)
    assemble    RawArticle + manifest entry -> article fields and notes
    story       the loader: order, ids, duplicates, outlet labels, problems
"""
from .boilerplate import load_rules
from .clean import clean_text, looks_like_headline
from .errors import IngestError
from .manifest import MANIFEST_NAMES, load_manifest
from .raw import DEFAULT_MAX_BYTES, DEFAULT_MAX_FILE_BYTES
from .story import StoryLoader, iter_story, load_story, outlet_label

__all__ = [
    "DEFAULT_MAX_BYTES", "DEFAULT_MAX_FILE_BYTES", "IngestError", "MANIFEST_NAMES", "StoryLoader",
    "clean_text", "iter_story", "load_manifest", "load_rules", "load_story", "looks_like_headline",
    "outlet_label",
]
