"""What every CSV reader and writer of the project must agree on.

Reading: which delimiter a header line uses, and what a csv.Error means to someone who has to fix
the file. Three readers take CSV (single-file input in framing.ingest, `framing batch`, and the
classifier's labels files); sharing these decisions gives one file one verdict whichever command
reads it: a semicolon export loads everywhere, and a quoted field that is never closed is reported
with its line everywhere instead of silently swallowing the rows after it.

Writing: article text, titles and outlet names are untrusted, and a spreadsheet runs a cell that
starts with = + - @ as a formula (CSV injection). Every CSV the project writes for people (the
report's tables, batch exports, outlet profiles) passes its text cells through `safe_cell`.
"""
from __future__ import annotations

import csv
import re

_DELIMITERS = (",", ";", "\t")


def sniff_delimiter(header_line: str) -> str:
    """The delimiter a header line uses most (a comma on a tie or when the line has none):
    spreadsheets in many locales export with ';', and TSV exports named .csv are common."""
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def describe_csv_error(exc: csv.Error) -> str:
    """A csv.Error in words a user can act on. Python's "unexpected end of data" means a quoted
    field ran to the end of the file: its closing quote is missing, and every row after it was
    read into that one field; "',' expected after '"'" means a quote ended a field too early."""
    message = str(exc)
    if "unexpected end of data" in message:
        return ("malformed CSV row: a quoted field is never closed (its closing quote is missing, "
                "so the rest of the file was read into it)")
    if "expected after '\"'" in message:
        return ("malformed CSV row: text follows a closing quotation mark (a quotation mark inside "
                "a quoted field must be doubled, \"\"; or a quoted field was not closed where it "
                "should have been)")
    return f"malformed CSV row: {message}"


_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$")


def safe_cell(text: str) -> str:
    """`text` with an apostrophe in front when a spreadsheet would run it as a formula (a number
    such as "-3.5" or "+12%" is left alone: it is data, and spreadsheets read it as a number)."""
    if _FORMULA.match(text) and not _NUMBER.match(text):
        return "'" + text
    return text
