"""The batch store's schema, as numbered migrations.

The store is one SQLite file (OUT_DIR/framing.sqlite). Its schema version lives in the `meta` table;
opening a store applies the migrations it lacks, in order, each in its own transaction, so a store
written by an older framing is upgraded in place and a store written by a newer one is refused
(rather than misread). docs/batch.md documents every table and column.

Conventions: every annotation row has a text id "<article uid>:<letter><n>" (f = finding,
q = quote/attribution, m = actor mention, g = agency event, s = sentence score) that is stable across
runs, so a resumed run writes exactly the rows an uninterrupted one does, and a profile figure can name
the rows it came from. `start_char`/`end_char` index `articles.text`; the other columns are the fields
queries need most, and `data` holds the annotation's remaining fields as compact JSON
(framing.jsonout.dumps_compact: the same values as the JSON report, floats at full precision):
columns plus `data` are the whole annotation.
"""
from __future__ import annotations

SCHEMA_VERSION = 2

#: Tables a user may export, in documentation order.
TABLES = (
    "articles", "stories", "findings", "quotes", "actor_mentions", "agency", "sentence_scores",
    "story_comparisons", "failures", "runs", "meta",
)

#: Tables holding one row per annotation of an analysed article: table -> id letter.
ANNOTATION_TABLES = {
    "findings": "f", "quotes": "q", "actor_mentions": "m", "agency": "g", "sentence_scores": "s",
}

_V1 = [
    """CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE runs (
        run INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, status TEXT NOT NULL,
        analyzer TEXT NOT NULL, options TEXT NOT NULL,
        records INTEGER DEFAULT 0, analysed INTEGER DEFAULT 0, already_done INTEGER DEFAULT 0,
        failed INTEGER DEFAULT 0)""",
    """CREATE TABLE articles (
        uid TEXT PRIMARY KEY, source_id TEXT NOT NULL, source TEXT NOT NULL, line INTEGER NOT NULL,
        outlet TEXT NOT NULL, outlet_raw TEXT NOT NULL, title TEXT NOT NULL, date TEXT NOT NULL,
        date_raw TEXT NOT NULL, url TEXT NOT NULL, story_hint TEXT NOT NULL, story_id TEXT,
        text TEXT NOT NULL, text_hash TEXT NOT NULL, chars INTEGER NOT NULL, words INTEGER,
        sentences INTEGER, analysis_key TEXT, summary TEXT, notes TEXT NOT NULL,
        removed TEXT NOT NULL)""",
    "CREATE INDEX articles_story ON articles(story_id)",
    "CREATE INDEX articles_outlet ON articles(outlet)",
    """CREATE TABLE stories (
        story_id TEXT PRIMARY KEY, method TEXT NOT NULL, name TEXT NOT NULL,
        n_articles INTEGER NOT NULL, date_min TEXT NOT NULL, date_max TEXT NOT NULL,
        cohesion REAL)""",
    """CREATE TABLE findings (
        id TEXT PRIMARY KEY, article_uid TEXT NOT NULL, n INTEGER NOT NULL, start_char INTEGER,
        end_char INTEGER, text TEXT, category TEXT, term TEXT, polarity INTEGER, strength INTEGER,
        voice TEXT, flag INTEGER, sentence INTEGER, data TEXT NOT NULL)""",
    """CREATE TABLE quotes (
        id TEXT PRIMARY KEY, article_uid TEXT NOT NULL, n INTEGER NOT NULL, start_char INTEGER,
        end_char INTEGER, speaker TEXT, speaker_id INTEGER, role TEXT, title TEXT,
        affiliation TEXT, anonymous INTEGER, source_text TEXT, cue_text TEXT, cue_lemma TEXT,
        cue_class TEXT, cue_type TEXT, kind TEXT, content_text TEXT, content_words INTEGER,
        sentence INTEGER, data TEXT NOT NULL)""",
    """CREATE TABLE actor_mentions (
        id TEXT PRIMARY KEY, article_uid TEXT NOT NULL, n INTEGER NOT NULL, start_char INTEGER,
        end_char INTEGER, text TEXT, label TEXT, actor_id TEXT, actor_name TEXT, kind TEXT,
        affiliation TEXT, title TEXT, role TEXT, sentence INTEGER, in_quote INTEGER,
        is_guess INTEGER, data TEXT NOT NULL)""",
    """CREATE TABLE sentence_scores (
        id TEXT PRIMARY KEY, article_uid TEXT NOT NULL, n INTEGER NOT NULL, start_char INTEGER,
        end_char INTEGER, sentence INTEGER, voice TEXT, quote_share REAL,
        bias_probability REAL, bias_label TEXT, frame TEXT, frame_probability REAL,
        data TEXT NOT NULL)""",
    """CREATE TABLE story_comparisons (
        story_id TEXT PRIMARY KEY, key TEXT NOT NULL, n_articles INTEGER NOT NULL,
        outlets TEXT NOT NULL, data TEXT, error TEXT)""",
    """CREATE TABLE failures (
        id TEXT PRIMARY KEY, source TEXT NOT NULL, line INTEGER NOT NULL, article_uid TEXT,
        stage TEXT NOT NULL, reason TEXT NOT NULL)""",
]
for _t in ("findings", "quotes", "actor_mentions", "sentence_scores"):
    _V1.append(f"CREATE INDEX {_t}_article ON {_t}(article_uid)")

# Version 2: agentless passives and other agency events get their own table (the actors stage's
# AgencyEvent), and per-article readability is kept for outlet profiles.
_V2 = [
    """CREATE TABLE agency (
        id TEXT PRIMARY KEY, article_uid TEXT NOT NULL, n INTEGER NOT NULL, start_char INTEGER,
        end_char INTEGER, text TEXT, lemma TEXT, action_class TEXT, construction TEXT,
        agent_text TEXT, agent_actor TEXT, patient_text TEXT, patient_actor TEXT,
        agent_hidden INTEGER, victims TEXT, voice TEXT, sentence INTEGER, data TEXT NOT NULL)""",
    "CREATE INDEX agency_article ON agency(article_uid)",
    "ALTER TABLE articles ADD COLUMN readability TEXT",
]

#: version -> statements that bring a store from version-1 to version.
MIGRATIONS: dict[int, list[str]] = {1: _V1, 2: _V2}
