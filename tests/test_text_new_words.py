"""The text layer's paths for what it has not seen yet: new word forms (their tags and lemmas, with
lemminflect's out-of-vocabulary network run on many words at once), new sentence-boundary contexts
(Punkt's decision read off the context's opening), and bounded memos. Each must give exactly the
answer of the word-by-word or tokenising definition it replaces."""
from __future__ import annotations

import pytest

from conftest import make_doc
from test_text import NEWS, _paragraphs

# Words of news text, with the upos they were tagged with: most are words lemminflect's tables
# do not hold (its network picks their suffix rule), a few it does hold.
OOV_WORDS = [
    ("affordability", "NOUN"), ("birtherism", "NOUN"), ("denialism", "NOUN"), ("pushback", "NOUN"),
    ("co-founder", "NOUN"), ("co-founders", "NOUN"), ("lgbtq", "NOUN"), ("gpas", "NOUN"),
    ("under-resourced", "VERB"), ("pepper-sprayed", "VERB"), ("party-backed", "VERB"),
    ("undocumented", "VERB"), ("imbalanced", "VERB"), ("predominately", "ADV"),
    ("three-quarters", "NOUN"), ("nation-states", "NOUN"), ("drop-offs", "NOUN"),
    ("self-censorship", "NOUN"), ("volunteerism", "NOUN"), ("tweeted", "VERB"),
    ("retweets", "VERB"), ("livestreamed", "VERB"), ("geese", "NOUN"), ("militants", "NOUN"),
    ("https://t.co/eav3wkzmpp", "NOUN"), ("x", "NOUN"), ("é-mails", "NOUN"), ("lonelier", "ADV"),
]
TAG_OF = {"NOUN": "NNS", "VERB": "VBD", "ADV": "RB", "ADJ": "JJR"}


def _get_lemma(word: str, upos: str) -> str:
    from lemminflect import getLemma

    found = getLemma(word, upos=upos)
    return found[0].lower() if found else word


@pytest.mark.parametrize("margin", [None, 0.0, float("inf")])
def test_oov_lemmas_of_many_words_equal_getlemma(monkeypatch, margin):
    """The network run as one matrix picks the rule lemminflect's vector code picks, whether rows
    near a tie are re-run one by one (the default margin), never (0) or always (inf)."""
    from framing.text import lemmas

    if margin is not None:
        monkeypatch.setattr(lemmas, "_MARGIN", margin)
    oov = [(w, u) for w, u in OOV_WORDS if lemmas._dictionary_lemma(w, u) is None]
    assert len(oov) >= 20
    assert lemmas._network() is not None  # the batched path is the one under test
    found = lemmas._oov_lemmas([(w, TAG_OF[u]) for w, u in oov])
    assert found == [_get_lemma(w, u) for w, u in oov]


def test_one_hot_columns_are_those_of_lemminflects_input_vector():
    from lemminflect.kmodels.ModelLemmaInData import ModelLemmaInData

    from framing.text.lemmas import _one_hot_columns

    words = [w for w, _ in OOV_WORDS] + ["", "a" * 20, "İstanbul", "naïve-ish", "x2"]
    for word in words:
        for category in ("noun", "verb", "adj", "adv"):
            vec = ModelLemmaInData.wordToVec(word, category).reshape(-1)
            columns = _one_hot_columns(word, category)
            assert sorted(columns) == [i for i, v in enumerate(vec) if v], (word, category)
            assert len(set(columns)) == len(columns)


def test_lemmas_of_an_article_equal_lemma_word_by_word():
    from framing.text import lemmas
    from framing.text.normalize import fold

    doc = make_doc(" ".join(NEWS) + " Birtherism and denialism met pushback from co-founders.")
    words = [fold(t.text) for t in doc.tokens] + [w for w, _ in OOV_WORDS]
    tags = [t.pos for t in doc.tokens] + [TAG_OF[u] for _, u in OOV_WORDS]
    lemmas._MEMO.clear()
    batch = lemmas.lemmas(words, tags)
    lemmas._MEMO.clear()
    assert batch == [lemmas._lemma(w, t) for w, t in zip(words, tags)]
    assert batch[-len(OOV_WORDS):] == [_get_lemma(w, u) for w, u in OOV_WORDS]


def test_new_form_entries_equal_the_one_form_definition(seed_paths):
    from framing.text import tagging
    from framing.text.tokenize import tokens_in

    forms = []
    for para in _paragraphs(seed_paths):
        forms += tokens_in(para)[2]
    forms = list(dict.fromkeys(forms + ["NATO", "TTP", "It's", "he's", "wasn’t", "Birtherism"]))
    tagging._FORMS.clear()
    tagging._form_entries(forms)
    assert [tagging._FORMS[f] for f in forms] == [tagging._form_entry(f) for f in forms]


def test_memo_eviction_keeps_the_first_forms_and_changes_no_answer(monkeypatch, seed_paths):
    from framing.text import memo, tagging

    text = NEWS[0] + "\n" + NEWS[2]
    tagging._FORMS.clear()
    first = make_doc(text)
    monkeypatch.setattr(memo, "LIMIT", 300)  # every text-layer memo's bound
    monkeypatch.setattr(memo, "KEEP", 50)
    monkeypatch.setattr(tagging, "FORMS_LIMIT", 300)  # the word-form memo's own bound
    monkeypatch.setattr(tagging, "FORMS_KEEP", 50)
    kept = list(tagging._FORMS)[:50]
    assert len(kept) == 50
    for path in seed_paths:
        make_doc(path.read_text(encoding="utf-8"))
        assert len(tagging._FORMS) <= 300 + 1000  # the limit, plus one article's new forms
    assert list(tagging._FORMS)[:50] == kept
    assert make_doc(text) == first


def test_plain_sentence_break_contexts_decide_as_punkt_tokenising():
    """`_plain` says True only where tokenising the context finds a break (news contexts and
    awkward strings around the letters-mark-token shape)."""
    import itertools

    from framing.text.sentences import _punkt

    punkt = _punkt()

    def tokenising(context):
        tokens = []
        for line in context.split("\n"):
            if line.strip():
                tokens.extend(punkt._word_tokens.findall(line))
        return any(punkt._breaks(tokens[k], tokens[k + 1]) for k in range(len(tokens) - 1))

    contexts = []
    for para in NEWS + ["Dr. Smith left. Mr. Jones stayed.", "J. Bach. 3. Then", "a.m. B."]:
        contexts += [c for _, c in punkt._contexts(para)]
    words = ["said", "Mr", "Dr", "U", "etc", "Oct", "e.g", "a"]
    marks = [".", "?", "!"]
    afters = [" The", " the", '"', "”", " .", " ...", ")", " 3", "\u00a0Then", " ,", "", " "]
    contexts += ["".join(p) for p in itertools.product(words, marks, afters)]
    plain = [c for c in contexts if punkt._plain(c)]
    assert len(plain) > 60
    for context in contexts:
        if punkt._plain(context):
            assert tokenising(context), context
        assert punkt._decide(context) == tokenising(context), context
        assert punkt._decide(context) == punkt._nltk.text_contains_sentbreak(context), context
