"""The text layer on real news sentences: splitting, tokens and offsets, tags, lemmas, quotes."""
from __future__ import annotations

import pytest

from conftest import make_doc

from framing.model import Article


def sentences(text):
    doc = make_doc(text)
    return [doc.sentence_text(i) for i in range(len(doc.sentences))]


def test_titles_and_abbreviations_do_not_end_sentences():
    text = ("The proposal emerged during a meeting in Tehran between Iranian President Dr. Masoud "
            "Pezeshkian and Pakistan’s Interior Minister Mohsin Naqvi on Tuesday. The clashes began "
            "on Oct. 12 near the border. The U.S. State Department said it was watching closely.")
    got = sentences(text)
    assert len(got) == 3
    assert got[0].endswith("on Tuesday.")
    assert got[1] == "The clashes began on Oct. 12 near the border."
    assert got[2].startswith("The U.S. State Department")


def test_us_at_sentence_end_keeps_following_sentence_apart():
    got = sentences("Officials flew to Washington, D.C. on Monday. They met Mr. Smith at 10 a.m. today.")
    assert got == ["Officials flew to Washington, D.C. on Monday.", "They met Mr. Smith at 10 a.m. today."]


def test_quote_spanning_two_sentences():
    text = ('"They [Taliban delegation] would express their helplessness when they return. I have all '
            'the sympathies with that delegation," he said. Meanwhile, the minister left.')
    doc = make_doc(text)
    got = [doc.sentence_text(i) for i in range(len(doc.sentences))]
    assert got[0].startswith('"They') and got[0].endswith("return.")
    assert got[1].endswith('he said.')
    assert got[2] == "Meanwhile, the minister left."
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert text[q.inner_start:q.inner_end].endswith("with that delegation,")
    said = [t for t in doc.tokens if t.text == "said"][0]
    assert not said.in_quote
    assert [t for t in doc.tokens if t.text == "helplessness"][0].in_quote


def test_closing_quote_stays_with_its_sentence():
    got = sentences("He said Iran would “not shy away.” The talks ended.")
    assert got == ["He said Iran would “not shy away.”", "The talks ended."]


def test_headline_lines_are_their_own_paragraph_and_sentence():
    doc = make_doc("Istanbul talks end without progress\nThe four-day negotiations ended without a deal.")
    assert len(doc.paragraphs) == 2
    assert doc.sentence_text(0) == "Istanbul talks end without progress"


def test_offsets_index_the_text_for_every_token_and_sentence(seed_paths):
    for path in seed_paths:
        doc = make_doc(path.read_text(encoding="utf-8"))
        text = doc.text
        assert doc.tokens, path
        for tok in doc.tokens:
            assert text[tok.start:tok.end] == tok.text
            assert tok.text.strip() == tok.text and tok.text
        for sent in doc.sentences:
            assert text[sent.start:sent.end].strip() == text[sent.start:sent.end]
            toks = doc.tokens[sent.token_start:sent.token_end]
            assert all(sent.start <= t.start and t.end <= sent.end for t in toks)
        for q in doc.quotes:
            assert text[q.start] in "\"“‘'" and q.start < q.inner_start <= q.inner_end <= q.end


def test_tokens_fold_curly_punctuation_but_keep_the_original_text():
    doc = make_doc("Pakistan’s troops aren’t “here”.")
    texts = [t.text for t in doc.tokens]
    assert texts == ["Pakistan", "’s", "troops", "are", "n’t", "“", "here", "”", "."]
    norms = [t.norm for t in doc.tokens]
    assert norms[:5] == ["pakistan", "'s", "troops", "are", "n't"]
    assert doc.tokens[4].lemma == "not"


def test_hyphenated_names_and_numbers_are_single_tokens():
    doc = make_doc("Takht-Ravanchi said 1,500 people and 23% of Pak-Afghan trade were hit at 10:41 AM.")
    texts = [t.text for t in doc.tokens]
    for expected in ("Takht-Ravanchi", "1,500", "23%", "Pak-Afghan", "10:41"):
        assert expected in texts


@pytest.mark.parametrize("text, word, tag", [
    ("23 soldiers were killed by the militants.", "killed", "VBN"),
    ("The militants who attacked the posts fled.", "attacked", "VBD"),
    ("The talks had failed to produce a solution.", "failed", "VBN"),
    ("Kabul claimed the attack was retaliatory.", "claimed", "VBD"),
    ("The forces launched an unprovoked attack.", "unprovoked", "JJ"),
    ("The killing of civilians drew protests.", "killing", "NN"),
    ("Tehreek-e-Taliban Pakistan (TTP) denied it.", "TTP", "NNP"),
])
def test_tags_that_passive_and_agency_detection_rely_on(text, word, tag):
    doc = make_doc(text)
    tok = next(t for t in doc.tokens if t.text == word)
    assert tok.pos == tag


def test_lemmas():
    doc = make_doc("Officials claimed the soldiers were martyred in attacks.")
    lemmas = {t.text: t.lemma for t in doc.tokens}
    assert lemmas["claimed"] == "claim"
    assert lemmas["soldiers"] == "soldier"
    assert lemmas["were"] == "be"
    assert lemmas["attacks"] == "attack"


def test_single_quoted_headline_is_a_quote_but_apostrophes_are_not():
    doc = make_doc("'Pakistan welcomes Iran's proposal for mediation'\nThe country's position is firm.")
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert doc.text[q.inner_start:q.inner_end] == "Pakistan welcomes Iran's proposal for mediation"


def test_multi_paragraph_quote_continues_when_next_paragraph_reopens():
    text = ('He said: "We will not accept this.\n"We have told them so many times," he added.')
    doc = make_doc(text)
    inner = [doc.text[q.inner_start:q.inner_end] for q in doc.quotes]
    assert "We will not accept this." in inner
    assert "We have told them so many times," in inner


def test_unpaired_quote_mark_is_not_guessed():
    doc = make_doc('The 12" gun fired twice.\nNothing else happened.')
    assert all(q.words < 5 for q in doc.quotes)
    assert not any(t.in_quote for t in doc.tokens if t.text == "Nothing")


@pytest.mark.parametrize("text, word, tag, lemma", [
    ("The deal will result in lower prices.", "result", "VB", "result"),
    ("Officials could not shift the blame.", "shift", "VB", "shift"),
    ("He’s heading to Islamabad.", "’s", "VBZ", "be"),
])
def test_tag_repairs_after_modals_and_pronoun_contractions(text, word, tag, lemma):
    tok = next(t for t in make_doc(text).tokens if t.text == word)
    assert (tok.pos, tok.lemma) == (tag, lemma)


def test_number_compounds_stay_whole():
    texts = [t.text for t in make_doc("The 81-year-old senator won 2-1 after a four-day count.").tokens]
    assert "81-year-old" in texts and "2-1" in texts and "four-day" in texts


# --- The fast paths give exactly the libraries' answers (the speed work must not change output) ---

NEWS = [
    "Pakistan’s Foreign Office said on Tuesday that Dr. Masoud Pezeshkian’s offer “would be "
    "studied carefully.” Officials in Islamabad didn’t comment further.",
    "The U.S. State Department said Gen. Asim Munir met Sen. J. D. Vance at 10 a.m. on Oct. 12. "
    "No. 10 Downing St. declined to comment... Then the talks resumed.",
    "“We will not accept this,” he said. (The statement came late.) Militants who attacked the "
    "posts fled; 23 soldiers were killed and 1,500 people aren’t able to return.",
    "He arrived at 3.5 p.m. The 2. Bundesliga match was delayed! Why? Nobody knew... A. Smith "
    "scored twice. e.g. the 81-year-old can’t run. Visit https://example.com/news?id=5 today.",
]


def _paragraphs(seed_paths):
    from framing.text.sentences import paragraph_spans

    out = []
    for text in NEWS + [p.read_text(encoding="utf-8") for p in seed_paths]:
        out += [text[p.start:p.end] for p in paragraph_spans(text)]
    return out


def test_fast_punkt_splits_exactly_like_nltk_punkt(seed_paths):
    from framing.text.sentences import _punkt

    punkt = _punkt()
    paragraphs = _paragraphs(seed_paths) + ["Dr. Smith left. Mr. Jones stayed.", "J. Bach. 3. Then",
                                            "“Go.” She left!) Then... (Really.) yes. No.", "a.m. B.",
                                            "in the U.S. The firm. At 9 a.m. He left. King Jr. A. "
                                            "Smith ... The end. Sen. The U.S. Army. knew... A. B"]
    assert len(paragraphs) > 40
    for para in paragraphs:
        assert punkt.span_tokenize(para) == punkt.reference_spans(para), para
        for _, context in punkt._contexts(para):
            assert punkt._decide(context) == punkt._nltk.text_contains_sentbreak(context), context


@pytest.mark.parametrize("text, sentences", [
    # AllSides sentences, shortened: an abbreviation ends the sentence when a capitalised
    # sentence starter follows
    ("The program tracked Muslim men in the U.S. When it was fully operational, it listed 80,000.",
     2),
    ("McCoy says the first call came around 1:30 a.m. He didn't pick up.", 2),
    ("He was seen at the restaurant in Washington, D.C. A Post analysis found nothing.", 2),
    # ... and not when a name or a noun follows
    ("U.S. officials met Sen. John Smith and Martin Luther King Jr. Day was declared.", 1),
    ("The U.S. Army and the U.N. Security Council met on Jan. 5 in St. Louis.", 1),
])
def test_an_abbreviation_ends_a_sentence_before_a_sentence_starter(text, sentences):
    from framing.text import build_doc

    assert len(build_doc(Article(id="t", text=text, outlet="o")).sentences) == sentences


def test_fast_punkt_regular_expressions_match_like_nltks(seed_paths):
    """FastPunkt writes out nltk's Punkt patterns; they must find exactly what nltk's find."""
    from nltk.tokenize.punkt import PunktLanguageVars, PunktToken

    from framing.text.sentences import _punkt

    punkt, lang = _punkt(), PunktLanguageVars()
    odd = ["He said “no.”) Then -- again... 5.5% vs. 3.2 — (Sic.) [Ok?] ‘Yes!’ «Non.» a.m.",
           "U.S.-led talks, e.g. in Oct. 2025; 1,500.00. J. D. Vance... . . . done? ‹?›"]
    for para in _paragraphs(seed_paths) + odd:
        assert punkt._word_tokens.findall(para) == lang.word_tokenize(para), para
        ours = [(m.span(), m.group("after_tok"), m.group("next_tok"))
                for m in punkt._period_context.finditer(para)]
        theirs = [(m.span(), m.group("after_tok"), m.group("next_tok"))
                  for m in lang.period_context_re().finditer(para)]
        assert ours == theirs, para
        for tok in lang.word_tokenize(para):
            for mine, ref in ((punkt._numeric, PunktToken._RE_NUMERIC),
                              (punkt._initial, PunktToken._RE_INITIAL),
                              (punkt._ellipsis, PunktToken._RE_ELLIPSIS)):
                assert bool(mine.match(tok)) == bool(ref.match(tok)), tok
        for k in range(0, len(para), 7):
            m, r = punkt._realign.match(para[k:]), lang.re_boundary_realignment.match(para[k:])
            assert (m and m.group(0)) == (r and r.group(0))


def test_split_tokenizer_equals_the_match_by_match_rules(seed_paths):
    from framing.text.tokenize import span_tokenize, span_tokenize_reference, tokens_in

    extra = ["Dr.. Mr... J.. aren't can’t isn'T O'Brien's n't",
             "Xi Jinping (习近平) didn't say “no” 😀 to Dr. Lee's U.S. trip."]  # beyond resplit.LIMIT
    for para in _paragraphs(seed_paths) + extra:
        starts, ends, forms = tokens_in(para)
        assert list(zip(starts, ends)) == span_tokenize_reference(para), para
        assert forms == [para[s:e] for s, e in zip(starts, ends)]
        # and on a window of the text, as build_doc uses it (one sentence at a time)
        cut = len(para) // 3
        assert span_tokenize(para, cut, len(para) - 2) == span_tokenize_reference(para, cut, len(para) - 2)


def test_lexical_tags_equal_textblob_pattern_tagger(seed_paths):
    from framing.text.lexical_tags import _library, lexical_tags, library_tags
    from framing.text.normalize import ascii_punct
    from framing.text.tokenize import span_tokenize

    for para in _paragraphs(seed_paths):
        words = [ascii_punct(para[s:e]) for s, e in span_tokenize(para)]
        assert lexical_tags(words) == library_tags(words), para
    # every 50th lexicon entry, first in its sentence and not, lower- and title-cased
    lexicon = sorted(_library()[0])[::50]
    for word in lexicon:
        for form in (word, word.title()):
            assert lexical_tags([form, form]) == library_tags([form, form]), form


def test_tag_forms_equals_tag_words_and_lemma(seed_paths):
    from framing.text.normalize import ascii_punct
    from framing.text.tagging import lemma, tag_forms, tag_words
    from framing.text.tokenize import span_tokenize

    for para in _paragraphs(seed_paths):
        forms = [para[s:e] for s, e in span_tokenize(para)]
        cased = [ascii_punct(f) for f in forms]
        norms, tags, lemmas = tag_forms(forms)
        assert list(norms) == [c.lower() for c in cased]
        assert tags == tag_words(cased), para
        assert lemmas == [lemma(n, t) for n, t in zip(norms, tags)]


MODAL_SENTENCES = [
    "The talks will probably not result in a deal, and Congress could quickly shift its stance.",
    "Officials said the ban would n't hold; critics may well oppose it, and he can't really "
    "object.",
    "It will, officials said, result in cuts. They should not only vote but must act.",
    "Will talks resume? Voters might never forgive NATO, and it's over; he's heading home.",
]


def test_modal_candidates_give_the_repairs_of_every_nn_nns_jj(seed_paths):
    """The modal rule's candidates (the tokens right after a modal, over adverbs and "not")
    give exactly the repairs of the reference, which visited every NN/NNS/JJ of a sentence
    holding a modal, on whole articles (their sentences as token ranges)."""
    from framing.text.normalize import ascii_punct
    from framing.text.tagging import _candidates_reference, lexical_tags, repair_sentences

    texts = NEWS + MODAL_SENTENCES + [p.read_text(encoding="utf-8") for p in seed_paths]
    checked = 0
    for text in texts:
        doc = make_doc(text)
        bounds = [(s.token_start, s.token_end) for s in doc.sentences]
        cased = [ascii_punct(t.text) for t in doc.tokens]
        words = [c.lower() for c in cased]
        tags = []
        for lo, hi in bounds:
            tags += lexical_tags(cased[lo:hi])
        fast, reference = list(tags), list(tags)
        repair_sentences(cased, words, fast, bounds)
        repair_sentences(cased, words, reference, bounds, candidates=_candidates_reference)
        assert fast == reference, text[:60]
        checked += "MD" in tags
    assert checked >= 6


def test_dictionary_lemmas_equal_lemminflect(seed_paths):
    from lemminflect import getLemma

    from framing.text.lemmas import lemminflect_lemma

    words = set()
    for path in seed_paths:
        words.update(w.lower() for w in path.read_text(encoding="utf-8").split() if w.isalpha())
    words.update({"Running", "NATO", "iPhones", "martyred", "were", "geese", "militants"})
    assert len(words) > 300
    for word in sorted(words):
        for upos in ("NOUN", "VERB", "ADJ", "ADV"):
            assert lemminflect_lemma(word, upos) == getLemma(word, upos=upos), (word, upos)


def test_fast_token_records_are_ordinary_tokens():
    import pickle

    from framing.model import Token
    from framing.text.records import make_token

    values = (3, 9, "claims", "claims", "VBZ", "claim", 0, True)
    fast, slow = make_token(*values), Token(*values)
    assert type(fast) is Token
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert pickle.dumps(fast) == pickle.dumps(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow


def test_fast_sentence_records_are_ordinary_sentences():
    import pickle

    from framing.model import Sentence
    from framing.text.records import make_sentence

    values = (10, 52, 1, 4, 13)
    fast, slow = make_sentence(*values), Sentence(*values)
    assert type(fast) is Sentence
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert pickle.dumps(fast) == pickle.dumps(slow)


def test_doc_is_the_same_whatever_was_seen_before(seed_paths):
    """Memo tables must not change answers: a text gives the same Doc before and after others."""
    from framing.text import tagging

    text = NEWS[1] + "\n" + NEWS[2]
    first = make_doc(text)
    for path in seed_paths:
        make_doc(path.read_text(encoding="utf-8"))
    tagging._FORMS.clear()
    assert make_doc(text) == first


def test_quote_word_count_equals_its_definition():
    from framing.text.quotes import _word_count, _word_count_reference

    for text in ("We have told them so many times,", " -- ” 23 , él’s  \u00a0a_b _ ½ ", "", "...",
                 "Tehreek-e-Taliban Pakistan (TTP) denied it."):
        assert _word_count(text) == _word_count_reference(text), text


def test_re_split_equals_the_regex_split(seed_paths):
    """The `re` spelling of the tokenizer must split exactly as the `regex` pattern, for every
    character it is used on, in each context where a class or a look-ahead decides."""
    from framing.text.resplit import LIMIT, re_split
    from framing.text.tokenize import _SPLIT

    split = re_split()
    texts = _paragraphs(seed_paths) + NEWS
    contexts = ("{}", "can't{}", "we’re{}x", "ab{}cd", "9{}1", "http://x.y/{}", "A.{}.", "x-{}y",
                "O'{}a", "{}’t", "$3{}", "http{}//x.y", "https{}//x", "I{}. Lee", "won{}t", "aren’{}",
                "U{}S.", "Ab{}", "{}ab", "a{}-b")
    for code in range(ord(LIMIT)):
        texts += [c.format(chr(code)) for c in contexts]
    assert all(max(t) < LIMIT for t in texts)
    for text in texts:
        assert split(text) == _SPLIT.split(text), repr(text)


def test_in_quote_region_by_region_equals_token_by_token(seed_paths):
    """`_in_quote` against its definition, on real quotes and on random (nested, overlapping,
    crossing-token) regions over real token offsets."""
    import random
    from types import SimpleNamespace

    from framing.text import _in_quote, _in_quote_reference

    rng = random.Random(11)
    for path in seed_paths:
        doc = make_doc(path.read_text(encoding="utf-8"))
        starts = [t.start for t in doc.tokens]
        ends = [t.end for t in doc.tokens]
        n = len(doc.text)
        trials = [list(doc.quotes)]
        for _ in range(60):
            regions = []
            for _ in range(rng.randint(0, 12)):
                a = rng.randrange(n)
                regions.append(SimpleNamespace(inner_start=a, inner_end=a + rng.randint(1, 400)))
            trials.append(regions)
        for quotes in trials:
            assert (_in_quote(quotes, doc.sentences, starts, ends)
                    == _in_quote_reference(quotes, doc.sentences, starts, ends))


def test_tokens_ending_in_nt_are_found_from_the_text(seed_paths):
    """`_ending_in_nt` (looking only where the text holds "n't") gives the tokens whose text ends
    in "n't"/"n’t", as testing every token does, on news text and constructed edge cases."""
    import random
    from itertools import accumulate

    from framing.text.tokenize import _NT, _ending_in_nt, _re_split

    rng = random.Random(5)
    texts = _paragraphs(seed_paths) + ["n't", "won't can’t isn't", "in' t don'tn't", "N'T ain't"]
    pieces = ["don't", "n't", "n’t", " ", "x", "'", "t", "isn", "’", "-", "."]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(500)]
    for text in texts:
        parts = _re_split()(text)
        bounds = list(accumulate(map(len, parts), initial=7))
        ends, forms = bounds[2::2], parts[1::2]
        expected = [i for i in range(len(forms)) if forms[i].endswith(_NT)][::-1]
        assert _ending_in_nt(text, 7, ends, forms) == expected, text


@pytest.mark.parametrize("sentence, name", [
    ("British Prime Minister Theresa May said on Tuesday that talks would go on .", "May"),
    ("Columnist George Will said the ruling was wrong .", "Will"),
    ("Rep. Will Hurd , R-Texas , said the threat was real .", "Will"),
])
def test_modal_names_after_a_proper_noun_are_names(sentence, name):
    from framing.text.tagging import tag_forms, tag_words

    words = sentence.split()
    i = words.index(name)
    assert tag_words(words)[i] == "NNP"
    assert tag_forms(words)[1][i] == "NNP"


@pytest.mark.parametrize("sentence, modal", [
    ("Will the deal survive the vote ?", "Will"),
    ("The question remains : Will the deal survive ?", "Will"),
    ("He said they may resume .", "may"),
])
def test_modals_stay_modals(sentence, modal):
    from framing.text.tagging import tag_forms

    words = sentence.split()
    assert tag_forms(words)[1][words.index(modal)] == "MD"


def test_web_domains_are_one_proper_noun_token():
    from framing.model import Article
    from framing.text import build_doc

    text = ("FactCheck.org found the claim false. Visit HealthCare.gov, MoveOn.org said. "
            "He wrote to twitter.com/x. Dr. Smith said U.S. officials agreed, e.g. on Monday.")
    doc = build_doc(Article(id="d", text=text, outlet=""))
    tokens = {t.text: t.pos for t in doc.tokens}
    for domain in ("FactCheck.org", "HealthCare.gov", "MoveOn.org", "twitter.com"):
        assert tokens[domain] == "NNP", domain
    # abbreviations, initials and sentence ends are untouched
    assert {"Dr.", "U.S.", "e.g."} <= set(tokens)
    assert [doc.text[s.start:s.end].split()[0] for s in doc.sentences][:2] == ["FactCheck.org", "Visit"]
