"""The analyst's workbench: `yalu serve` (FastAPI, server-rendered pages, JSON API)."""


def create_app(*args, **kwargs):
    """The FastAPI app (imported on first use: the CLI's other commands do not pay for it)."""
    from .app import create_app as make

    return make(*args, **kwargs)


__all__ = ["create_app"]
