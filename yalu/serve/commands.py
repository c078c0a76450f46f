"""`yalu serve` and `yalu user`: registered on the `yalu` group with cli.add_command."""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
import webbrowser
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict
from typing import TYPE_CHECKING

import click

from ..store import DEFAULT_DB, Store
from ..store.postgres import is_url

if TYPE_CHECKING:
    import uvicorn


def _gui_available() -> bool:
    """True where a browser window can open (so --open never blocks a terminal with a
    text browser, nor fails on a headless server)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _open_later(url: str, delay: float = 1.0) -> None:
    def go() -> None:
        try:
            if not _gui_available() or not webbrowser.open(url):
                click.echo(f"Open {url} in a browser.", err=True)
        except (webbrowser.Error, OSError):  # a missing or broken browser is not an error
            click.echo(f"Open {url} in a browser.", err=True)

    threading.Timer(delay, go).start()


@click.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              envvar="YALU_DB", help="The Yalu database: a file, or a postgresql:// URL (default $YALU_DB).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but loopback shares the app with the network.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535))
@click.option("--single-user", is_flag=True,
              help="Allow writes without signing in (only when bound to localhost).")
@click.option("--read-only", is_flag=True, help="Refuse every change (for publishing).")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="A Host name the server answers to besides --host and localhost "
                   "(repeatable; e.g. the name a reverse proxy serves it under).")
@click.option("--behind-https", is_flag=True,
              help="Every request came over HTTPS (a TLS proxy in front): Secure cookies, HSTS.")
@click.option("--trusted-proxy", "trusted_proxies", multiple=True, metavar="ADDRESS",
              help="A proxy address or network (repeatable) whose X-Forwarded-Proto and "
                   "X-Forwarded-For are believed; from anyone else they are ignored.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes answering at once (on a server: one per CPU core).")
@click.option("--open", "open_browser", is_flag=True, help="Open the app in a browser, if there is one.")
def serve(db_path: str, host: str, port: int, single_user: bool, read_only: bool,
          allowed_hosts: tuple[str, ...], behind_https: bool, trusted_proxies: tuple[str, ...],
          workers: int, open_browser: bool) -> None:
    """Serve the analyst's workbench: search, map, timeline, review and export."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from .app import OPTIONS_ENV, create_app
    from .edge import WILDCARD_BINDS
    from .security import is_loopback

    if single_user and not is_loopback(host):
        raise click.UsageError("--single-user allows writes without sign-in: it only binds to "
                               "127.0.0.1, ::1 or localhost")
    if read_only and not is_url(db_path) and not os.path.exists(db_path):
        raise click.UsageError(f"no database at {db_path}")
    try:
        # also with --workers: the database is migrated and the signing key made once, here
        app = create_app(db_path, read_only=read_only, single_user=single_user and not read_only,
                         host=host, allowed_hosts=allowed_hosts, behind_https=behind_https,
                         trusted_proxies=trusted_proxies, workers=workers)
    except (OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    mode = "read-only" if read_only else ("single-user" if single_user else "sign-in for review")
    processes = f"; {workers} workers" if workers > 1 else ""
    click.echo(f"Yalu workbench on {url} ({mode}; database {os.path.abspath(db_path)}{processes})")
    if not is_loopback(host):
        click.echo("Warning: bound to a non-loopback address; put it behind HTTPS before "
                   "sharing sign-ins over a network.", err=True)
    if host in WILDCARD_BINDS and not allowed_hosts:
        click.echo("Only localhost, 127.0.0.1 and ::1 are answered: add --allowed-host NAME "
                   "for each name or address clients use.", err=True)
    if open_browser:
        _open_later(url)
    # the app reads X-Forwarded-* itself, from --trusted-proxy addresses only
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="info", access_log=False,
                    proxy_headers=False)
        return
    # each worker makes the same app from the same settings, signing key included (it goes
    # in their environment, which only this user can read)
    settings = {k: v for k, v in asdict(app.state.web.settings).items() if k != "single_user_name"}
    app.state.web.store.close()
    os.environ[OPTIONS_ENV] = json.dumps(settings)
    config = uvicorn.Config("yalu.serve.app:app_from_env", factory=True, workers=workers, host=host,
                            port=port, log_level="info", access_log=False, proxy_headers=False)
    with suppress(KeyboardInterrupt):  # Ctrl+C stops the workers: not an error
        Multiprocess(config, sockets=[tcp_listener(config)]).run()


def tcp_listener(config: uvicorn.Config) -> socket.socket:
    """The socket the workers share, as uvicorn binds it but marked TCP: accepted sockets
    copy the mark and asyncio turns Nagle's algorithm off only on sockets marked so;
    uvicorn's own leaves it on, and every response after a connection's first then waits
    ~40 ms for the client's delayed ACK (uvicorn issue 3149; 0.7 vs 48 ms measured)."""
    bound = config.bind_socket()
    if bound.family not in (socket.AF_INET, socket.AF_INET6):
        return bound
    sock = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, fileno=bound.detach())
    sock.set_inheritable(True)
    return sock


@click.group()
def user() -> None:
    """Manage reviewer accounts (passwords hashed with argon2id)."""


@contextmanager
def _accounts(db_path: str) -> Iterator[Store]:
    """The database the `user` commands change; a UserError becomes the command's error."""
    from . import users

    store = Store(db_path)
    try:
        yield store
    except users.UserError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


DB_PATH = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
                       type=click.Path(dir_okay=False), envvar="YALU_DB")


@user.command("add")
@click.argument("name")
@DB_PATH
@click.password_option(prompt="Password", confirmation_prompt=True,
                       help="Prompted for when not given (reads a line from standard input).")
def user_add(name: str, db_path: str, password: str) -> None:
    """Create the reviewer NAME."""
    from . import users

    with _accounts(db_path) as store:
        users.add(store, name, password)
    click.echo(f"User {name} added.")


@user.command("passwd")
@click.argument("name")
@DB_PATH
@click.password_option(prompt="New password", confirmation_prompt=True)
def user_passwd(name: str, db_path: str, password: str) -> None:
    """Set a new password for NAME (ends NAME's web sessions)."""
    from . import users

    with _accounts(db_path) as store:
        users.set_password(store, name, password)
    click.echo(f"Password of {name} changed.")


@user.command("remove")
@click.argument("name")
@DB_PATH
def user_remove(name: str, db_path: str) -> None:
    """Delete the reviewer NAME and end their web sessions (their audit rows stay)."""
    from . import users

    with _accounts(db_path) as store:
        users.remove(store, name)
    click.echo(f"User {name} removed.")


@user.command("list")
@DB_PATH
def user_list(db_path: str) -> None:
    """List reviewers."""
    from . import users

    with _accounts(db_path) as store:
        for row in users.names(store):
            click.echo(f"{row['name']}\t{row['created_at']}")
