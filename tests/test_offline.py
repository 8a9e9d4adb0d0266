"""framing must never touch the network: no nltk.download, no model hub, no socket at all.

The whole pipeline runs in a fresh interpreter (so import-time downloads are caught too) with every
socket connection and nltk.download replaced by a function that fails loudly.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import ROOT

GUARD = textwrap.dedent("""
    import socket, sys
    attempts = []
    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2]))
        raise OSError("network access attempted: " + repr(args[:2]))
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    import nltk
    nltk.download = refuse
    import framing, framing.report, framing.jsonreport
    story = framing.load_story(sys.argv[1])
    result = framing.analyze(story)
    framing.jsonreport.build_json(result)
    for fmt in ("html", "md", "text"):
        framing.report.render(result, fmt, sys.argv[2] + "." + fmt)
    assert not attempts, attempts
    assert len(result.analyses) == len(story.articles) > 0
    print("offline-ok", len(result.analyses))
""")


def test_whole_pipeline_runs_with_the_network_blocked(tmp_path):
    proc = subprocess.run([sys.executable, "-c", GUARD, str(ROOT / "seeds"), str(tmp_path / "report")],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "offline-ok 5" in proc.stdout
