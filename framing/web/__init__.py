"""The classroom web app: explore a story's framing, and practise spotting it (predict, then reveal).

    framing serve seeds/            # the command (framing/cli_serve.py)

    from framing.web import Settings, create_app
    app = create_app(Settings(data_dir="data"))   # an ASGI app, served by uvicorn

A thin shell over the project's API: stories are loaded by framing.ingest, analysed by
framing.api.analyze, and shown through framing.report's view-model and highlighter, so the web
pages show the same figures as the reports. See docs/classroom.md.
"""
from .settings import Settings


def create_app(settings, store=None, resources=None):
    from .app import create_app as _create

    return _create(settings, store=store, resources=resources)


__all__ = ["Settings", "create_app"]
