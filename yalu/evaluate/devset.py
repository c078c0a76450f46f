"""The real development set: text-less gold (../shared/docs/gold-format.md).

The repository keeps annotations, addresses, how each text was found and its
SHA-256; the texts live in an ignored cache folder (`.cache/texts/<doc_id>.txt`).
Addresses the project holds out (`../shared/held-out/urls.sha1`) are refused, and so are
link shorteners' addresses, whose pages cannot be checked against that list.

    python -m yalu.evaluate.devset check-url URL...        # held out or not
    python -m yalu.evaluate.devset split DOC_ID...         # the document's split (fixed by its id)
    python -m yalu.evaluate.devset sha FILE...             # SHA-256 of a cached text
    python -m yalu.evaluate.devset validate GOLD... [--texts DIR]
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
TEXTS = ROOT / ".cache" / "texts"
GOLD = ROOT / "gold"

# One split per document, fixed by its id so that no one chooses where a report goes.
TEST_SHARE = 3  # in 10


def normalize_url(url: str) -> str:
    """The held-out list's normal form: lower case, no scheme, no leading www., no trailing /."""
    url = re.sub(r"^https?://", "", url.strip().lower())
    url = re.sub(r"^www\.", "", url)
    return url.rstrip("/")


def held_out_hashes(shared: Path = SHARED) -> set[str]:
    path = shared / "held-out" / "urls.sha1"
    if not path.exists():
        raise FileNotFoundError(f"{path}: the held-out list is missing; no real report may be checked without it")
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def is_held_out(url: str, held: set[str] | None = None) -> bool:
    """On the list as written or percent-decoded (a link may spell its path either way)."""
    held = held_out_hashes() if held is None else held
    forms = {normalize_url(url), normalize_url(unquote(url))}
    return any(hashlib.sha1(form.encode("utf-8")).hexdigest() in held for form in forms)


# link shorteners: the page such an address stands for cannot be checked against the
# held-out list, so a report found under one is refused
SHORTENERS = frozenset(["j.mp", "bit.ly", "t.co", "goo.gl", "tinyurl.com", "ow.ly", "buff.ly", "dlvr.it", "is.gd"])


def shortened(url: str) -> bool:
    return normalize_url(url).split("/", 1)[0] in SHORTENERS


def split_for(doc_id: str) -> str:
    return "test" if int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 10 < TEST_SHARE else "dev"


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


REQUIRED = ("doc_id", "url", "retrieve", "text_sha256", "outlet", "published", "split", "incidents")
INCIDENT_KEYS = (
    "key", "event_type", "alt_types", "country", "admin1_code", "admin2", "date_start", "date_end",
    "time_precision_max", "actors", "quantities", "attribution", "corroboration", "optional",
)


# an address a text cites: a board or blog that copies a story names its source
CITED = re.compile(r"https?://[^\s\"'<>()\[\]]+")


def cited_held_out(text: str, held: set[str]) -> list[str]:
    """The held-out addresses a text cites: a copy of a held-out report is held out too."""
    return [u for u in dict.fromkeys(m.group().rstrip(".,;:") for m in CITED.finditer(text)) if is_held_out(u, held)]


def validate(paths: list[Path], texts: Path = TEXTS, held: set[str] | None = None) -> tuple[list[str], list[str]]:
    """(errors, missing texts) over text-less gold files: fields, held-out addresses (the
    report's own and those its cached text cites), unique ids and addresses, the split rule,
    known event types, and cached texts' hashes."""
    from ..ontology import event_types

    held = held_out_hashes() if held is None else held
    errors: list[str] = []
    missing: list[str] = []
    seen_ids: dict[str, str] = {}
    seen_urls: dict[str, str] = {}
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                rec = json.loads(line)
            except ValueError as exc:
                errors.append(f"{where}: not JSON ({exc})")
                continue
            absent = [k for k in REQUIRED if k not in rec]
            if absent:
                errors.append(f"{where}: missing {', '.join(absent)}")
                continue
            doc_id, url = rec["doc_id"], rec["url"]
            if rec.get("text"):
                errors.append(f"{where}: {doc_id} carries its text; text-less gold keeps only the hash")
            if is_held_out(url, held):
                errors.append(f"{where}: {doc_id} is a held-out address ({url})")
            if shortened(url):
                errors.append(f"{where}: {doc_id} is a short address ({url}): its page cannot be checked against the held-out list")
            for seen, value in ((seen_ids, doc_id), (seen_urls, normalize_url(url))):
                if value in seen:
                    errors.append(f"{where}: {value} also at {seen[value]}")
                seen[value] = where
            if rec["split"] != split_for(doc_id):
                errors.append(f"{where}: {doc_id} split is {rec['split']}, the rule gives {split_for(doc_id)}")
            for inc in rec["incidents"]:
                absent = [k for k in INCIDENT_KEYS if k not in inc]
                if absent:
                    errors.append(f"{where}: {doc_id} incident {inc.get('key')} misses {', '.join(absent)}")
                for t in [inc.get("event_type"), *inc.get("alt_types", [])]:
                    if t not in event_types():
                        errors.append(f"{where}: {doc_id} incident {inc.get('key')} has unknown type {t!r}")
            text_file = texts / f"{doc_id}.txt"
            if not text_file.exists():
                missing.append(doc_id)
            else:
                text = text_file.read_text(encoding="utf-8")
                if text_sha256(text) != rec["text_sha256"]:
                    errors.append(f"{where}: {doc_id} cached text does not match text_sha256")
                for cited in cited_held_out(text, held):
                    errors.append(f"{where}: {doc_id} copies a held-out report (its text cites {cited})")
    return errors, missing


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, args = argv[0], argv[1:]
    if cmd == "check-url":
        held = held_out_hashes()
        status = 0
        for url in args:
            out = is_held_out(url, held) or shortened(url)
            status |= out
            print(f"{'HELD-OUT (skip)' if is_held_out(url, held) else 'SHORT ADDRESS (skip)' if out else 'ok'}\t{url}")
        return status
    if cmd == "split":
        for doc_id in args:
            print(f"{split_for(doc_id)}\t{doc_id}")
        return 0
    if cmd == "sha":
        for name in args:
            print(f"{text_sha256(Path(name).read_text(encoding='utf-8'))}\t{name}")
        return 0
    if cmd == "validate":
        texts = TEXTS
        if "--texts" in args:
            i = args.index("--texts")
            texts = Path(args[i + 1])
            args = args[:i] + args[i + 2:]
        paths = [Path(a) for a in args] or sorted(GOLD.glob("real-*/*.jsonl"))
        errors, missing = validate(paths, texts)
        for e in errors:
            print(e)
        if missing:
            print(f"{len(missing)} texts not in {texts}: {' '.join(missing)}")
        print(f"{len(errors)} errors")
        return 1 if errors else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
