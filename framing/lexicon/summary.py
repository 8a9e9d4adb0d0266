"""Per-article aggregates of the lexicon findings, and the lines the text summary prints.

Every figure keeps the indices of the findings it counts (into ArticleAnalysis.findings), so a
report can always point from a number back to the highlighted words.
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import compress

from ..model.findings import NARRATOR, QUOTED
from ..text.tokenize import is_word_text
from .categories import CUE_CLASSES

TOP_TERMS = 10


def _per100(count: int, words: int) -> float:
    return round(100.0 * count / words, 2) if words else 0.0


def _side(f) -> str:
    """Narrator side (narrator + scare quotes) or quoted side."""
    return QUOTED if f.voice == QUOTED else NARRATOR


def summarize(doc, findings, voices: list[str], sentence_scores: list[tuple[float, float]],
              lexicon=None, is_word: list[bool] | None = None,
              quoted_tokens: list[int] | None = None) -> dict:
    """The lexicon summary of one article. `is_word`: Token.is_word of every token, when known;
    `quoted_tokens`: the indices of the tokens whose voice is quoted, ascending, when known
    (build.word_voices_quoted), so the voices need not be read again.

    Word counts come from C-level sums over the is-a-word column, and quotation shares from the
    few quoted tokens only (a Python loop over every token of every sentence was most of the
    summary's time).
    """
    if is_word is None:
        is_word = [is_word_text(t.text) for t in doc.tokens]  # = t.is_word, memoised
    all_words = sum(is_word)
    if quoted_tokens is None:
        quoted_tokens = list(compress(range(len(voices)), map(QUOTED.__eq__, voices)))
    quoted = list(compress(quoted_tokens, map(is_word.__getitem__, quoted_tokens)))  # ascending
    words_by_voice = {NARRATOR: all_words - len(quoted), QUOTED: len(quoted)}
    shares = _quote_shares(doc, is_word, quoted)
    # one walk over the findings for the article's lists and each side's findings, then one walk
    # over each side's findings for all its figures (a pass per figure before)
    by_side: dict[str, list[int]] = {NARRATOR: [], QUOTED: []}
    n_flags, scare, negated = 0, [], []
    for i, f in enumerate(findings):
        by_side[_side(f)].append(i)
        if f.flag:
            n_flags += 1
        if f.category == "scare_quote":
            scare.append({"finding": i, "text": f.text})
        if f.negated:
            negated.append(i)
    out: dict = {
        "packs": [n for n, _ in lexicon.packs] if lexicon is not None else [],
        "lexicon_id": lexicon.fingerprint() if lexicon is not None else "",
        "words": {"all": all_words, NARRATOR: words_by_voice[NARRATOR],
                  QUOTED: words_by_voice[QUOTED]},
        "findings": len(findings),
        "flags": n_flags,
        "voices": {},
        "scare_quotes": scare,
        "negated": negated,
    }
    for side in (NARRATOR, QUOTED):
        idx = by_side[side]
        words = words_by_voice[side]
        cats: dict[str, dict] = {}
        flagged: list[int] = []
        terms: dict[tuple[str, str], list[int]] = {}
        reporting = {cls: 0 for cls in CUE_CLASSES.values()}
        neg = pos = n_negated = 0
        for i in idx:
            f = findings[i]
            category = f.category
            c = cats.get(category)
            if c is None:
                c = cats[category] = {"count": 0, "flags": 0, "per_100_words": 0.0, "findings": []}
            c["count"] += 1
            c["flags"] += int(f.flag)
            c["findings"].append(i)
            cls = CUE_CLASSES.get(category)
            if cls:
                reporting[cls] += 1
            if f.negated:
                n_negated += 1
            if f.flag:
                flagged.append(i)
                terms.setdefault((f.term, category), []).append(i)
                if not f.negated:  # leaning: flagged and not negated
                    if f.polarity < 0:
                        neg += 1
                    if f.polarity > 0:
                        pos += 1
        for c in cats.values():
            c["per_100_words"] = _per100(c["flags"], words)
        top = sorted(terms.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:TOP_TERMS]
        out["voices"][side] = {
            "words": words,
            "findings": len(idx),
            "flags": len(flagged),
            "per_100_words": _per100(len(flagged), words),
            "negated": n_negated,
            "categories": dict(sorted(cats.items())),
            "polarity": {"negative": neg, "positive": pos,
                         "net_per_100_words": _per100(pos - neg, words)},
            "top_terms": [{"term": t, "category": c, "count": len(ix), "findings": ix}
                          for (t, c), ix in top],
            "reporting": reporting,
            "tone": _tone(shares, sentence_scores, side),
        }
    out["sentences"] = _sentences(doc, findings, shares, sentence_scores)
    return out


def _quote_shares(doc, is_word, quoted: list[int]) -> list[float]:
    """Per sentence: the share of its words inside credited quotations (0.0 without words).

    `quoted`: the indices of the quoted words, ascending. A sentence's count is the number of
    them inside its token range (the tokens whose `sentence` it is), found by two bisections
    per sentence instead of reading the sentence of every quoted token."""
    if not quoted:
        return [0.0] * len(doc.sentences)
    out = []
    for s in doc.sentences:
        lo = bisect_left(quoted, s.token_start)
        q = bisect_left(quoted, s.token_end, lo) - lo
        if q:
            out.append(round(q / sum(is_word[s.token_start:s.token_end]), 3))
        else:
            out.append(0.0)
    return out


def _tone(shares, scores, side) -> dict:
    picked = [scores[i] for i, share in enumerate(shares)
              if (share >= 0.5) == (side == QUOTED)] if scores else []
    if not picked:
        return {"sentences": 0, "vader_mean": None, "subjectivity_mean": None}
    return {"sentences": len(picked),
            "vader_mean": round(sum(v for v, _ in picked) / len(picked), 4),
            "subjectivity_mean": round(sum(s for _, s in picked) / len(picked), 4)}


def _sentences(doc, findings, shares, scores) -> list[dict]:
    """One row per sentence: its scores, quotation share, flags and findings. The flags are
    counted in the one walk over the findings that sorts them by sentence, so a sentence
    without findings (most) costs one dict."""
    by_sentence: dict[int, list] = {}  # sentence -> [finding indices, flags]
    for i, f in enumerate(findings):
        got = by_sentence.get(f.sentence)
        if got is None:
            got = by_sentence[f.sentence] = [[], 0]
        got[0].append(i)
        if f.flag:
            got[1] += 1
    rows = []
    for i in range(len(doc.sentences)):
        got = by_sentence.get(i)
        ix, flags = got if got is not None else ([], 0)
        vader, subj = scores[i] if scores else (None, None)
        rows.append({"sentence": i, "vader": vader, "subjectivity": subj,
                     "quote_share": shares[i], "flags": flags, "findings": ix})
    return rows


# ---------------------------------------------------------------------------- text summary
def _term_list(items, findings) -> str:
    parts = []
    for t in items:
        n = t["count"]
        parts.append(f"{t['term']}{' ×' + str(n) if n > 1 else ''} ({t['category']})")
    return ", ".join(parts)


def summarize_text(analysis) -> list[str]:
    """Short human-readable lines about an article's wording, for the terminal and markdown."""
    s = (getattr(analysis, "summary", None) or {}).get("lexicon")
    findings = getattr(analysis, "findings", ()) or ()
    if not s:
        return ["Wording (lexicon): not analysed."]
    nar, quo = s["voices"][NARRATOR], s["voices"][QUOTED]
    lines = [
        f"Wording (lexicon): the narrator used {nar['flags']} flagged term(s) in {nar['words']} words "
        f"({nar['per_100_words']} per 100 words); quoted speakers {quo['flags']} in {quo['words']} words "
        f"({quo['per_100_words']} per 100 words)."
    ]
    for label, v in (("Narrator", nar), ("Quoted speakers", quo)):
        if not v["flags"]:
            continue
        cats = sorted(((c, d["flags"]) for c, d in v["categories"].items() if d["flags"]),
                      key=lambda kv: (-kv[1], kv[0]))
        lines.append(f"  {label} by category: " + ", ".join(f"{c} {n}" for c, n in cats) + ".")
        if v["top_terms"]:
            lines.append(f"  {label}, top terms: {_term_list(v['top_terms'], findings)}.")
    rep = nar["reporting"]
    if any(rep.values()):
        lines.append("  Narrator's reporting verbs: " + ", ".join(f"{k} {n}" for k, n in rep.items()) + ".")
    if s["scare_quotes"]:
        shown = "; ".join(q["text"] for q in s["scare_quotes"][:6])
        lines.append(f"  Scare quotes ({len(s['scare_quotes'])}): {shown}.")
    if s["negated"]:
        shown = ", ".join(findings[i].text for i in s["negated"][:6]) if findings else ""
        lines.append(f"  Negated ({len(s['negated'])}): {shown}.")
    tone = nar["tone"]
    if tone["sentences"]:
        lines.append(f"  Narrator tone: VADER {tone['vader_mean']:+.2f}, subjectivity "
                     f"{tone['subjectivity_mean']:.2f} over {tone['sentences']} sentence(s).")
    return lines
