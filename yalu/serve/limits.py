"""Sign-in rate limiting, in this process: failed sign-ins are counted per account name and
per client address. After a few free failures (FREE) each further one locks that key for
twice as long as the last (1 s, 2 s, 4 s, ... at most LONGEST); while either key is
locked, a sign-in is answered 429 with Retry-After before the password is even checked,
so the right password is refused too. A success forgets the account's failures (not the
address's: one good account must not reset an address trying others); a key is forgotten
FORGET seconds after its last failure. At most MAX_KEYS keys are kept (the stalest go).

The counts are this process's. One process checks FREE + 1 wrong passwords of a key
before the first lock; `yalu serve --workers N` gives each worker a share of them, so
that N workers together check no more than one would (up to N = FREE + 1: past it, each
worker still checks one). A lock holds in the worker that set it only, so while locked the
tries can come up to N times as often."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

FREE = {"account": 5, "address": 20}
FIRST_LOCK = 1.0
LONGEST = 15 * 60.0
FORGET = 3600.0
MAX_KEYS = 10_000


@dataclass
class Strikes:
    failures: int = 0
    locked_until: float = 0.0
    last: float = 0.0


class SignInLimiter:
    def __init__(self, clock: Callable[[], float] = time.monotonic, *, workers: int = 1) -> None:
        self.clock = clock
        self.free = {kind: max(0, (n + 1) // workers - 1) for kind, n in FREE.items()}
        self._strikes: dict[tuple[str, str], Strikes] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _keys(name: str, address: str) -> tuple[tuple[str, str], tuple[str, str]]:
        return ("account", name.strip()[:128]), ("address", address)

    def retry_after(self, name: str, address: str) -> int:
        """Seconds until this account and this address may try again; 0: now."""
        now = self.clock()
        with self._lock:
            waits = [s.locked_until - now for key in self._keys(name, address)
                     if (s := self._strikes.get(key))]
        return max([0, *(math.ceil(w) for w in waits)])

    def failed(self, name: str, address: str) -> None:
        now = self.clock()
        with self._lock:
            for key in self._keys(name, address):
                strikes = self._strikes.get(key)
                if strikes is None or now - strikes.last > FORGET:
                    strikes = self._strikes[key] = Strikes()
                strikes.failures += 1
                strikes.last = now
                over = strikes.failures - self.free[key[0]]
                if over > 0:
                    strikes.locked_until = now + min(LONGEST, FIRST_LOCK * 2 ** min(over - 1, 30))
            if len(self._strikes) > MAX_KEYS:
                self._prune(now)

    def succeeded(self, name: str, address: str) -> None:
        with self._lock:
            self._strikes.pop(self._keys(name, address)[0], None)

    def _prune(self, now: float) -> None:
        stale = [k for k, s in self._strikes.items() if now - s.last > FORGET]
        for key in stale:
            del self._strikes[key]
        if len(self._strikes) > MAX_KEYS:  # a flood of fresh keys: keep the newest nine tenths
            newest = sorted(self._strikes.items(), key=lambda item: item[1].last)
            self._strikes = dict(newest[len(newest) - MAX_KEYS * 9 // 10:])
