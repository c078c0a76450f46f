"""One clear line for a bad file or record, so that a batch goes on past it."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A file or record that could not be read: `str(e)` is one line naming it.

    `path` is the file; `where` optionally narrows it down ("line 7",
    "entry 3"); `problem` says what is wrong.
    str(e) == f"{path}: {problem}", or f"{path} {where}: {problem}".
    """

    def __init__(self, path: str | Path, problem: str, where: str | None = None):
        self.path = str(path)
        self.problem = " ".join(str(problem).split())  # always one line
        self.where = where
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.where:
            return f"{self.path} {self.where}: {self.problem}"
        return f"{self.path}: {self.problem}"
