"""Story grouping (`--group-stories`) on a fixture with known stories."""
from __future__ import annotations

import sqlite3

from framing.batch import BatchOptions, GroupingOptions, run_batch
from framing.batch.grouping import cluster, group_stories, vectorize
from test_batch_support import STORIES, fixture_articles


def _docs():
    return [(a["id"], a["date"], a["title"], a["text"]) for a in fixture_articles()]


def _partition(labels_by_id: dict) -> set:
    groups: dict = {}
    for uid, label in labels_by_id.items():
        groups.setdefault(label, set()).add(uid)
    return {frozenset(g) for g in groups.values()}


def _expected() -> set:
    groups: dict = {}
    for a in fixture_articles():
        groups.setdefault(a["expected_story"] or a["id"], set()).add(a["id"])
    return {frozenset(g) for g in groups.values()}


def test_grouping_finds_the_known_stories_and_leaves_the_rest_alone():
    docs = _docs()
    assignments, stories = group_stories(lambda: docs, len(docs))
    assert _partition(assignments) == _expected()
    by_id = {s["story_id"]: s for s in stories}
    fire = by_id[assignments["art06"]]
    assert fire["n_articles"] == 3 and fire["method"] == "grouped"  # undated art08 joined it
    assert (fire["date_min"], fire["date_max"]) == ("2021-03-10", "2021-03-10")
    alone = by_id[assignments["art15"]]  # the Kerrow flood, three months after Millbrook's
    assert alone["method"] == "single" and alone["n_articles"] == 1


def test_date_window_and_threshold_matter():
    docs = _docs()
    uids, dates, X = vectorize(lambda: docs, len(docs))
    # a zero-day window splits the flood story (its third article is a day later)
    labels, _ = cluster(uids, dates, X, GroupingOptions(window_days=0))
    part = _partition(dict(zip(uids, labels.tolist())))
    assert frozenset({"art00", "art01"}) in part and frozenset({"art02"}) in part
    # an impossible threshold leaves every article alone
    labels, _ = cluster(uids, dates, X, GroupingOptions(threshold=1.01, undated_threshold=1.01))
    assert len(set(labels.tolist())) == len(docs)
    # the order of the input does not change the stories
    rev = list(reversed(docs))
    a1, _ = group_stories(lambda: docs, len(docs))
    a2, _ = group_stories(lambda: rev, len(rev))
    assert a1 == a2


def test_batch_group_stories_stores_stories_and_comparisons(tmp_path):
    out = tmp_path / "o"
    s = run_batch(BatchOptions(inputs=(str(STORIES),), out_dir=str(out), group_stories=True,
                               quiet=True))
    assert s.exit_code == 0 and s.stories == 9
    conn = sqlite3.connect(out / "framing.sqlite")
    sizes = sorted(n for (n,) in conn.execute("SELECT n_articles FROM stories"))
    assert sizes == [1, 1, 1, 1, 1, 3, 3, 3, 3]
    assert conn.execute("SELECT count(*) FROM story_comparisons").fetchone()[0] == 4
    outlets = {o for (o,) in conn.execute("SELECT DISTINCT outlet FROM articles")}
    assert "Fox News" in outlets and "Fox Online News" not in outlets
