"""The analyst's workbench: `yalu serve` (FastAPI, server-rendered pages, JSON API)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(*args: Any, **kwargs: Any) -> FastAPI:
    """The FastAPI app (imported on first use: the CLI's other commands do not pay for it)."""
    from .app import create_app as make

    return make(*args, **kwargs)


__all__ = ["create_app"]
