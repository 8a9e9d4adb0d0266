"""A speaker's quotation that runs on past its sentence belongs to the content whole.

A paraphrase that opens a quotation ('Trump argued that Cruz is "for the oil" because "Oil pays him
a lot of money. He's got to be for oil, right?"') used to end at the first sentence's end, with the
quotation still open; and a quotation credited by a learned cue ('"...," Gorka urged.') did not take
the quotations after it, as one credited by a rule does. PolNeAR annotates both as one content.
Sentences from PolNeAR and AllSides articles, some shortened.
"""
from __future__ import annotations

from test_attribution_helpers import by_cue, content, run


def test_a_paraphrase_that_opens_a_quotation_ends_where_it_closes():
    doc, atts, _ = run("Mr. Trump argued that Cruz has “got to come a long way” on ethanol because "
                       "“Oil pays him a lot of money. He has got to be for oil, right?”\n\n"
                       "The senator left early.")
    att = by_cue(atts, "argued")
    assert content(doc, att).endswith("He has got to be for oil, right?”")
    assert "senator" not in content(doc, att)


def test_a_quotation_closed_in_its_sentence_is_left_as_it_was():
    doc, atts, _ = run("Kristi Campbell said her boss “is committed to picking the best people.” "
                       "He has never discriminated in the past, the campaign added.")
    assert content(doc, by_cue(atts, "said")).endswith("the best people.”")


def test_a_learned_cue_takes_the_quotation_that_goes_on():
    text = ("The adviser spoke on Monday.\n\n“Compare that to his other competitor. Compare him to "
            "Hillary,” Gorka urged. “This is a woman who is responsible for Libya, for Benghazi. "
            "This is a person who could be blackmailed tomorrow.”\n")
    doc, atts, _ = run(text)
    att = by_cue(atts, "urged")
    assert att.speaker == "Gorka"
    assert [doc.text[c.start:c.end][:12] for c in att.content] == ["“Compare tha", "“This is a w"]


def test_wrongly_paired_straight_quotes_do_not_stretch_a_content():
    # No space after the periods: the text layer pairs the closing mark after "actions," with the
    # opening one before "Americans", a region of the words between the two quotations.
    text = ('Reid spokesman Adam Jentleson issued a statement Monday.'
            '"There is now a consistent pattern of Speaker Boehner saying things that fly in the face '
            'of the facts or stand at odds with his past actions," Jentleson said. "Americans across '
            'the country are suffering because Speaker Boehner refuses to come to grips with reality."'
            'For the moment, neither side is moving.')
    doc, atts, _ = run(text)
    assert any(doc.text[q.start:q.end] == '" Jentleson said. "' for q in doc.quotes)
    for att in atts:
        assert not content(doc, att).endswith('said. "'), (att.cue_text, content(doc, att))
