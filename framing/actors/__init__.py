"""Actors, naming and agency: the work behind the actors stage and the story-level actor tables.

- mentions: find actor mentions in one article (gazetteer + noun-phrase rules).
- agency: who is written as doing what to whom (active, passive, nominalisation).
- initiator: who is cast as starting the fight and who as answering it.
- tone: sentiment and flagged wording of the clauses that mention each actor.
- grouping: across the outlets of a story: group_actors, naming_matrix, actor_profiles.
"""
from .grouping import actor_profiles, group_actors, naming_matrix, parse_overrides

__all__ = ["actor_profiles", "group_actors", "naming_matrix", "parse_overrides"]
