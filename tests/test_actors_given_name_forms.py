"""One person whose first name two outlets (or one) write in two forms: a short form ("Jim" /
"James") or another spelling of a name from another alphabet ("Sergey" / "Sergei"). Found in the
AllSides story on Jeff Sessions' recusal (records 314, 1585, 2042, 5697)."""
from __future__ import annotations

from framing.actors import group_actors
from framing.text.resources import given_name_forms

from test_actors_grouping import analysis


def _rows(table, surname):
    return [x for x in table.actors if surname in x.actor_id.lower()]


def test_a_transliterated_first_name_is_one_person_across_outlets():
    a = analysis("Sessions met Russian Ambassador Sergey Kislyak twice. Kislyak declined to "
                 "comment.", "Outlet A", "a")
    b = analysis("Sessions met Russian Ambassador Sergei Kislyak at a convention.", "Outlet B", "b")
    rows = _rows(group_actors([a, b]), "kislyak")
    assert len(rows) == 1 and set(rows[0].outlets) == {"Outlet A", "Outlet B"}
    assert "given name form" in rows[0].grouped_by and rows[0].is_guess


def test_a_short_first_name_and_the_bare_surname_join_the_full_name_in_one_article():
    a = analysis("The FBI director, Jim Comey, is leading the inquiry. James Comey reported to "
                 "the attorney general. Comey declined to comment.", "Outlet A", "a")
    rows = _rows(group_actors([a]), "comey")
    assert len(rows) == 1, [r.actor_id for r in rows]
    assert {"Jim Comey", "James Comey", "Comey"} <= {label for label, _ in rows[0].labels}


def test_different_first_names_with_one_surname_stay_apart():
    a = analysis("On Monday, Mark Kelly spoke in Tucson. Michael Kelly, his aide, agreed.",
                 "Outlet A", "a")
    b = analysis("On Tuesday, Megyn Kelly interviewed him.", "Outlet B", "b")
    people = [x for x in group_actors([a, b]).actors
              if x.actor_id.startswith("person:") and "kelly" in x.actor_id]
    assert len(people) == 3


def test_the_forms_table_joins_the_lines_that_share_a_form():
    forms = given_name_forms()
    assert forms["jim"] == forms["james"] == forms["jimmy"]
    assert forms["sergey"] == forms["sergei"]
    # "steve" stands on two lines: Steven and Stephen are one name for the table
    assert forms["steven"] == forms["stephen"] == forms["steve"]
    assert "megyn" not in forms and "mark" not in forms and forms["mike"] == forms["michael"]
