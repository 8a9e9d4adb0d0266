"""A group noun's modifier says what kind of group it is (lexicons/gazetteer/group_modifiers.tsv):
"a militant group" is armed, but "a conservative group", "environmental groups" and "the trade
groups" are not. Before, every modified "group" or "network" was "armed group members": on
AllSides records 1500-1899, 110 of them, almost all advocacy, ethnic, religious or business
groups in US news. A capitalised "Group" or "Network" after a name is an organisation's name
("Altria Group", "Judicial Crisis Network"). Sentences from those articles, shortened.
"""
from __future__ import annotations

from conftest import make_doc
from framing.actors.mentions import find_mentions


def _mentions(gaz, text):
    doc = make_doc(text)
    return {doc.text[m.start:m.end]: (m.actor_id, m.sector) for m in find_mentions(doc, gaz)}


def test_an_armed_modifier_makes_an_armed_group(gaz):
    found = _mentions(gaz, "The militant group claimed the attack. A Pakistani militant group "
                           "attacked a checkpoint.")
    assert found["The militant group"] == ("generic:armed_nonstate", "armed_nonstate")
    assert found["A Pakistani militant group"] == ("PAK:armed_nonstate", "armed_nonstate")


def test_other_modifiers_make_other_groups(gaz):
    found = _mentions(gaz, "A conservative group sued the state. Critics, led by environmental "
                           "groups, objected. The trade groups argued for the funds. Other "
                           "religious groups kept up the fight. The gap is wider than for any "
                           "other racial group.")
    assert found["A conservative group"] == ("generic:political", "political")
    assert found["environmental groups"] == ("generic:political", "political")
    assert found["The trade groups"] == ("generic:business", "business")
    assert found["Other religious groups"] == ("generic:religious", "religious")
    assert found["any other racial group"] == ("generic:civilian", "civilian")
    assert not any(sector == "armed_nonstate" for _, sector in found.values())


def test_a_network_is_a_group_only_when_armed(gaz):
    found = _mentions(gaz, "The Wi-Fi network failed. Comey appeared on multiple networks. A "
                           "terror network was dismantled.")
    assert "The Wi-Fi network" not in found and "multiple networks" not in found
    assert found["A terror network"][1] == "armed_nonstate"


def test_a_capitalised_group_after_a_name_is_an_organisation(gaz):
    found = _mentions(gaz, "The country's biggest tobacco company, Altria Group, has invested. "
                           "The allegations sparked criticism from the conservative Judicial "
                           "Crisis Network.")
    assert found["Altria Group"][0] == "org:altria group"
    assert found["Judicial Crisis Network"][0] == "org:judicial crisis network"


def test_a_campaign_is_an_actor_only_when_someone_owns_it(gaz):
    """Fox News and Christian Science Monitor, September 2014 (AllSides): every modified
    "campaign" was "unnamed political figures" (now "political actors"), the air war included."""
    found = _mentions(gaz, "The United States launched an intense campaign of airstrikes. Obama "
                           "authorized strikes as part of a broad campaign to root out the "
                           "militants. The Trump campaign said it raised money. Donald Trump's "
                           "presidential campaign denied the report. Such pleas have failed to "
                           "persuade the Human Rights Campaign.")
    assert "an intense campaign" not in found and "a broad campaign" not in found
    assert found["The Trump campaign"][0] == "group:trump:political"
    assert found["presidential campaign"][0] == "group:trump:political"  # the same campaign
    assert found["Human Rights Campaign"][0] == "org:human rights campaign"


def test_aircraft_named_by_a_model_code_are_no_armed_group(gaz):
    """Fox News, 2014-09-23 (AllSides): "B-1 bombers, F-16 and F-18 fighters" were armed group
    members; a model code names a machine. "G-7 leaders" are still people."""
    found = _mentions(gaz, "Officials said B-1 bombers, F-16 and F-18 fighters, and Predator drones "
                           "were also used. G-7 leaders met in France. Al-Shabab fighters attacked.")
    assert not any("bombers" in k or k == "fighters" or "F-18" in k for k in found)
    assert found["G-7 leaders"][0] == "group:g-7:political"
    assert found["Al-Shabab fighters"][1] == "armed_nonstate"
