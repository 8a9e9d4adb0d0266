"""Session 24 (found in session 23): a quotation, then the cue, then a speaker with a relative clause and no comma:
'"...," says John Bursch who argued on behalf of Harris Funeral Homes' (AllSides 4568), '"...,"
said a military official who spoke on the condition of anonymity' (4217), '"...," said one Iowa
Republican who supports another candidate' (4916). The relative clause was read as the content of
the cue and a word of the quotation as its speaker ("Everyone", "The marching orders"); the speaker
now takes the relative clause, as it does after a comma. And a relative pronoun's cue no longer
takes the main clause's quotation as its content ('"...," says John Bursch, who argued the case'
had made "who" the speaker of the quotation).

Sentences from those records, shortened; the change was read on records 4000-4999 (12 quotations
got their speaker, 27 attributions with "who" or "which" for a speaker went). Each test fails on
the session-22 code; "..._still_..." pins what the rules must leave alone.
"""
from __future__ import annotations

from test_attribution_helpers import content, run, source


def _triples(text):
    doc, atts, _ = run(text)
    return [(source(doc, a), a.cue_text, content(doc, a)) for a in atts]


def test_a_speaker_after_the_cue_keeps_its_relative_clause():
    got = _triples('"Everyone understood in 1964 that sex meant biological sex," says John Bursch '
                   'who argued on behalf of Harris Funeral Homes in the Supreme Court.')
    assert got[0] == ("John Bursch who argued on behalf of Harris Funeral Homes in the Supreme Court",
                      "says", '"Everyone understood in 1964 that sex meant biological sex,"')
    got = _triples('"The marching orders were: I want a parade," said a military official who spoke '
                   'on the condition of anonymity.')
    assert got[0] == ("a military official who spoke on the condition of anonymity", "said",
                      '"The marching orders were: I want a parade,"')


def test_a_relative_pronoun_does_not_take_the_main_clauses_quotation():
    got = _triples('"The plan will fail," says John Bursch, who argued the case.')
    assert got[0] == ("John Bursch, who argued the case", "says", '"The plan will fail,"')
    assert all(c != '"The plan will fail," says John Bursch' for _, _, c in got), got


def test_a_quotation_with_a_plain_speaker_after_the_cue_is_still_read_the_same():
    assert _triples('"The plan will fail," says John Bursch.') == [
        ("John Bursch", "says", '"The plan will fail,"')]
    assert _triples('"It was very nice," the tycoon told Reuters in an interview.') == [
        ("the tycoon", "told", '"It was very nice,"')]
    assert _triples("The talks failed, officials said on Tuesday.") == [
        ("officials", "said", "The talks failed")]


def test_a_lone_relative_pronoun_takes_the_rest_of_its_clause_not_the_clause_before():
    """'..., who claimed a 12-year affair': the content had been the clause before the pronoun
    (its antecedent's: "President Clinton admitted ... with Gennifer Flowers, right"); it is the
    rest of the relative clause. From AllSides 4003, 4076, 4347 and the session-20 tests."""
    got = _triples('President Clinton admitted to having an "inappropriate relationship" with '
                   'Gennifer Flowers, right, who claimed a 12-year affair.')
    assert ("who", "claimed", "a 12-year affair") in got, got
    got = _triples("The special counsel charged former Trump campaign adviser George Papadopoulos, "
                   "who admitted to lying to federal investigators about meetings.")
    assert ("who", "admitted", "to lying to federal investigators about meetings") in got, got
    got = _triples("Elizabeth Goitein, a co-director of the program, who recently wrote about the "
                   "law, disagreed.")
    assert [c for s, cue, c in got if cue == "recently wrote"] == ["the law"], got


def test_a_relative_pronouns_clause_content_still_follows_its_cue():
    assert _triples("Officials met with Smith, who said the talks had failed.") == [
        ("who", "said", "the talks had failed")]


def test_a_full_passive_of_an_object_cue_takes_its_subject_as_content():
    """'His comments were echoed by campaigners at Adopt a Revolution, an organization based in
    Berlin' (AllSides 4810) had the appositive after the agent as the content; the learned path now
    reads a passive with "by" of a cue whose object is its content as the agent speaking of the
    subject, or of a relative pronoun's antecedent (4823: "Sessions, who has been criticized by
    Trump for weeks, ...")."""
    got = _triples("His comments were echoed by campaigners at Adopt a Revolution, an organization "
                   "based in Berlin.")
    assert [(s, c) for s, cue, c in got if cue == "were echoed"] == \
        [("campaigners at Adopt a Revolution", "His comments")], got
    got = _triples("The plan was criticized by the opposition, which said it would fail.")
    assert ("the opposition", "was criticized", "The plan") in got, got
    assert ("which", "said", "it would fail") in got, got
    for text in ("The deal, which was rejected by the Senate, would have cut taxes.",
                 "The deal that was rejected by the Senate would have cut taxes."):
        assert ("the Senate", "was rejected", "The deal") in _triples(text), text


def test_a_passive_of_a_cue_with_an_addressee_still_does_not_take_its_subject():
    # "was told by", "was asked by": the subject is the one spoken to, not what was said
    got = _triples("He was told by aides that the plan had failed.")
    assert all(c != "He" for _, _, c in got), got


def test_an_addressee_is_not_glued_to_the_content():
    """'told The Washington Post Kislyak was ...' (session 22's "noticed"), 'told Fox News
    Bergdahl was captured' (AllSides 4077), 'told Reuters their planes would keep flying' (4304),
    'told MSNBC's "Morning Joe" that ...' (4401, 4945), 'told CNN's Dana Bash not to expect ...'
    (4875): the addressee had been read as the start of the content."""
    cases = {
        "A senior official told The Washington Post Kislyak was a spy.": "Kislyak was a spy",
        "The former CIA operative told Fox News Bergdahl was captured along with others.":
            "Bergdahl was captured along with others",
        "Most other Boeing 737 MAX operators told Reuters their planes would keep flying.":
            "their planes would keep flying",
        'Paul told MSNBC\'s "Morning Joe" that he probably heard 50 to 60 shots.':
            "that he probably heard 50 to 60 shots",
        "Sources told CNN's Dana Bash not to expect a Romney endorsement.":
            "not to expect a Romney endorsement",
        # a given name (first_names.tsv) stays with the surname after it
        "She told CNN Hillary Clinton was lying.": "Hillary Clinton was lying",
    }
    for text, want in cases.items():
        got = [c for _, cue, c in _triples(text) if cue == "told"]
        assert got == [want], (text, got)


def test_a_plain_addressee_and_a_clause_are_still_read_the_same():
    assert [c for _, cue, c in _triples("Trump told reporters the talks had failed.")] == \
        ["the talks had failed"]
    assert [c for _, cue, c in _triples("Trump told The New York Times that the talks had failed.")] \
        == ["that the talks had failed"]


def test_a_transcript_turn_is_the_whole_turn():
    """The content-end chooser had cut transcript turns at a comma ("AMY GOODMAN: Terrance, how
    does it feel ..." gave "Terrance"; AllSides 4313, 4317, 4789, 4866): the words after a
    speaker's label are now never shortened by it."""
    text = ("AMY GOODMAN: Terrance, how does it feel to learn that the CEO makes something like "
            "1,200 times more than what you make?")
    assert _triples(text) == [("AMY GOODMAN", ":", "Terrance, how does it feel to learn that the CEO "
                               "makes something like 1,200 times more than what you make")]
    text = "CAMEROTA: I hear you, but you feel that we are currently in a constitutional crisis."
    assert _triples(text)[0] == ("CAMEROTA", ":", "I hear you, but you feel that we are currently in "
                                 "a constitutional crisis")


def test_a_charge_the_chunker_joined_to_its_denier_and_the_cue_joined_to_it():
    """From the seeds (Outlet D): 'Kabul claimed ... and alleged airspace violations by Pakistan, a
    charge Islamabad neither confirmed nor denied but maintained that Afghanistan must end ...'.
    The chunker read "a charge Islamabad" as one noun phrase, so the denial was lost, and
    "maintained" was read back to the sentence's subject: Kabul."""
    got = _triples("Kabul claimed the attack was retaliatory and alleged airspace violations by "
                   "Pakistan, a charge Islamabad neither confirmed nor denied but maintained that "
                   "Afghanistan must end its sheltering of the Tehreek-e-Taliban Pakistan on its soil.")
    assert ("Islamabad", "denied", "airspace violations by Pakistan") in got, got
    assert ("Islamabad", "maintained", "that Afghanistan must end its sheltering of the "
            "Tehreek-e-Taliban Pakistan on its soil") in got, got
    assert ("Kabul", "alleged", "airspace violations by Pakistan") in got, got


def test_cues_joined_after_a_source_still_share_it():
    assert _triples("Officials denied the report but said they would review it.") == [
        ("Officials", "denied", "the report"), ("Officials", "said", "they would review it")]


def test_the_rules_word_sets_are_read_from_the_data_file():
    """The open-class word lists of the attribution rules (charge nouns, means of speech, ...) live
    in framing/data/attribution/word_sets.tsv: the code holds what the file says, and a set the
    file lacks is an error naming the file."""
    import pytest

    from framing.attribution import data, extract

    rows = list(data.data_rows("word_sets.tsv"))
    by_set = {}
    for row in rows:
        by_set.setdefault(row["set"], set()).add(row["term"])
    assert by_set["charge_nouns"] == set(extract._CHARGE_NOUNS) and "allegation" in by_set["charge_nouns"]
    assert by_set["means_of_speech"] == set(extract._MEANS_OF_SPEECH) and "telephone" in by_set["means_of_speech"]
    assert set(by_set) == {"charge_nouns", "speech_settings", "issued", "means_of_speech", "reported_by",
                           "question_verbs", "rounded"}
    with pytest.raises(ValueError, match="word_sets.tsv: no set 'nope'"):
        data.word_set("nope")
