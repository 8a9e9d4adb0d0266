"""The JSON report: the lead's documented document (framing/jsonreport.py, described by
framing/schema/analysis.schema.json), reused here so `render(result, "json", path)` and the CLI write
the same bytes. The report package adds nothing to it: the JSON is the data, the other formats are
views of it.
"""
from __future__ import annotations


def build_json(result) -> dict:
    from ..jsonreport import build_json as lead_build_json

    return lead_build_json(result)
