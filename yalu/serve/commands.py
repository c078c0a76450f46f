"""`yalu serve` and `yalu user`: registered on the `yalu` group with cli.add_command."""

from __future__ import annotations

import os
import sys
import threading
import webbrowser

import click

from ..store import DEFAULT_DB


def _gui_available() -> bool:
    """True where a browser window can open (so --open never blocks a terminal with a
    text browser, nor fails on a headless server)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _open_later(url: str, delay: float = 1.0) -> None:
    def go():
        try:
            if not _gui_available() or not webbrowser.open(url):
                click.echo(f"Open {url} in a browser.", err=True)
        except Exception:  # noqa: BLE001 - a missing browser is not an error
            click.echo(f"Open {url} in a browser.", err=True)

    threading.Timer(delay, go).start()


@click.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="The Yalu database.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but loopback shares the app with the network.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535))
@click.option("--single-user", is_flag=True,
              help="Allow writes without signing in (only when bound to localhost).")
@click.option("--read-only", is_flag=True, help="Refuse every change (for publishing).")
@click.option("--open", "open_browser", is_flag=True, help="Open the app in a browser, if there is one.")
def serve(db_path, host, port, single_user, read_only, open_browser):
    """Serve the analyst's workbench: search, map, timeline, review and export."""
    import uvicorn

    from .app import create_app, is_loopback

    if single_user and not is_loopback(host):
        raise click.UsageError("--single-user allows writes without sign-in: it only binds to "
                               "127.0.0.1, ::1 or localhost")
    if read_only and not os.path.exists(db_path):
        raise click.UsageError(f"no database at {db_path}")
    try:
        app = create_app(db_path, read_only=read_only, single_user=single_user and not read_only,
                         host=host)
    except (OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    mode = "read-only" if read_only else ("single-user" if single_user else "sign-in for review")
    click.echo(f"Yalu workbench on {url} ({mode}; database {os.path.abspath(db_path)})")
    if not is_loopback(host):
        click.echo("Warning: bound to a non-loopback address; put it behind HTTPS before "
                   "sharing sign-ins over a network.", err=True)
    if open_browser:
        _open_later(url)
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=False)


@click.group()
def user():
    """Manage reviewer accounts (passwords hashed with argon2id)."""


def _store(db_path):
    from ..store import Store

    return Store(db_path)


@user.command("add")
@click.argument("name")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.password_option(prompt="Password", confirmation_prompt=True,
                       help="Prompted for when not given (reads a line from standard input).")
def user_add(name, db_path, password):
    """Create the reviewer NAME."""
    from . import users

    store = _store(db_path)
    try:
        users.add(store, name, password)
    except users.UserError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(f"User {name} added.")


@user.command("passwd")
@click.argument("name")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.password_option(prompt="New password", confirmation_prompt=True)
def user_passwd(name, db_path, password):
    """Set a new password for NAME."""
    from . import users

    store = _store(db_path)
    try:
        users.set_password(store, name, password)
    except users.UserError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(f"Password of {name} changed.")


@user.command("remove")
@click.argument("name")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
def user_remove(name, db_path):
    """Delete the reviewer NAME (their audit rows stay)."""
    from . import users

    store = _store(db_path)
    try:
        users.remove(store, name)
    except users.UserError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(f"User {name} removed.")


@user.command("list")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
def user_list(db_path):
    """List reviewers."""
    from . import users

    store = _store(db_path)
    try:
        for row in users.names(store):
            click.echo(f"{row['name']}\t{row['created_at']}")
    finally:
        store.close()
