"""Consistency check for samples/gold.jsonl (the fictional test set).

Run from anywhere:  python samples/check_gold.py
Exit status 0 when every check passes; prints counts per event type and format.

Checks: every line parses; required fields are present; event types and
alt_types are ontology codes; dates are ISO and ordered; every text_path
exists; every inline text equals the item it was taken from (.html article,
.jsonl item, RSS content:encoded); every .txt ends with the fictional-report
line and every .html carries it as a footer paragraph; no forbidden location
is also a gold incident place in the same document.
"""
import collections
import datetime
import html.parser
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, "gold.jsonl")
ONTOLOGY = os.path.join(HERE, "..", "..", "shared", "docs", "ontology.md")
DISCLAIMER = "[Fictional report written for Yalu's tests; not real news.]"

# fallback if ../shared is absent
EVENT_TYPES = {
    "defection", "desertion", "forced_repatriation", "smuggling", "bribery",
    "illegal_communication", "arrest", "punishment", "crackdown", "lockdown",
    "deployment", "fortification", "explosion_accident", "armed_clash", "attack",
    "missile_launch", "artillery_fire", "weapons_test", "military_exercise",
    "incursion", "economic_measure", "disaster", "leadership_activity",
    "statement", "other",
}
QUANTITY_KINDS = {"people", "fatalities", "injured", "money", "weapon", "ammunition", "other"}
DOC_FIELDS = ["doc_id", "text_path", "text", "published", "outlet", "incidents", "forbidden_locations"]
INC_FIELDS = ["key", "event_type", "alt_types", "country", "admin1_code", "admin2", "date_start",
              "date_end", "time_precision_max", "actors", "quantities", "attribution",
              "corroboration", "optional"]

errors = []


def err(doc, msg):
    errors.append(f"{doc}: {msg}")


def ontology_types():
    if not os.path.exists(ONTOLOGY):
        return EVENT_TYPES
    found = set(re.findall(r"^\|[^|]*\|\s*`([a-z_]+)`", open(ONTOLOGY, encoding="utf-8").read(), re.M))
    return found or EVENT_TYPES


class ArticleText(html.parser.HTMLParser):
    """h1 plus the <p> paragraphs of div.entry-content inside <article>."""

    def __init__(self):
        super().__init__()
        self.in_article = self.in_content = False
        self.grab = None
        self.blocks, self.buf = [], []
        self.depth = 0
        self.disclaimer = False
        self._p_class = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.in_article = True
        if self.in_article and tag == "div" and a.get("class") == "entry-content":
            self.in_content = True
            self.depth = 0
        elif self.in_content and tag == "div":
            self.depth += 1
        if self.in_article and (tag == "h1" or (tag == "p" and self.in_content)):
            self.grab, self.buf = tag, []
        if tag == "p":
            self._p_class = a.get("class")
        if tag == "figcaption":
            self.grab = None

    def handle_endtag(self, tag):
        if tag == self.grab:
            self.blocks.append("".join(self.buf).strip())
            self.grab = None
        if tag == "div" and self.in_content:
            if self.depth == 0:
                self.in_content = False
            else:
                self.depth -= 1
        if tag == "article":
            self.in_article = False

    def handle_data(self, data):
        if self.grab:
            self.buf.append(data)
        if self._p_class == "disclaimer" and data.strip() == DISCLAIMER:
            self.disclaimer = True


def check_date(doc, key, value):
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        err(doc, f"{key}: bad date {value!r}")
        return None


def main():
    types = ontology_types()
    if types != EVENT_TYPES:
        err("ontology", f"ontology.md codes differ from this checker: {sorted(types ^ EVENT_TYPES)}")
    jsonl_items, rss_items = {}, {}
    for name in os.listdir(os.path.join(HERE, "reports")):
        path = os.path.join(HERE, "reports", name)
        if name.endswith(".jsonl"):
            for line in open(path, encoding="utf-8"):
                item = json.loads(line)
                for f in ("id", "text", "published", "outlet", "url", "title"):
                    if f not in item:
                        err(name, f"wire item lacks {f}")
                jsonl_items[item["id"]] = item
        elif name.endswith(".xml"):
            ns = {"content": "http://purl.org/rss/1.0/modules/content/"}
            root = ET.parse(path).getroot()
            for it in root.iter("item"):
                enc = it.find("content:encoded", ns).text
                paras = [html.unescape(re.sub(r"<[^>]+>", "", p)).strip()
                         for p in re.findall(r"<p[^>]*>.*?</p>", enc, re.S)]
                rss_items[it.find("guid").text] = "\n\n".join(paras)
        elif name.endswith(".txt"):
            lines = open(path, encoding="utf-8").read().rstrip("\n").split("\n")
            if lines[-1] != DISCLAIMER:
                err(name, "last line is not the fictional-report line")

    per_type = collections.Counter()
    per_type_opt = collections.Counter()
    per_format = collections.Counter()
    inc_per_format = collections.Counter()
    seen = set()
    n_docs = 0
    for lineno, line in enumerate(open(GOLD, encoding="utf-8"), 1):
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"line {lineno}", f"does not parse: {e}")
            continue
        n_docs += 1
        doc = d.get("doc_id", f"line {lineno}")
        for f in DOC_FIELDS:
            if f not in d:
                err(doc, f"missing field {f}")
        if doc in seen:
            err(doc, "duplicate doc_id")
        seen.add(doc)
        check_date(doc, "published", d.get("published"))
        src = d.get("text_path") or d.get("source_path") or ""
        fmt = src.rsplit(".", 1)[-1] if src else "inline"
        per_format[fmt] += 1
        if d.get("text_path"):
            if d.get("text") is not None:
                err(doc, "both text_path and text")
            if not os.path.exists(os.path.join(HERE, d["text_path"])):
                err(doc, f"text_path {d['text_path']} does not exist")
        else:
            text = d.get("text")
            if not text:
                err(doc, "no text_path and no inline text")
            sp = d.get("source_path", "")
            if sp.endswith(".jsonl"):
                if doc not in jsonl_items or jsonl_items[doc]["text"] != text:
                    err(doc, "inline text differs from the .jsonl item")
                elif jsonl_items[doc]["published"] != d["published"]:
                    err(doc, "published differs from the .jsonl item")
            elif sp.endswith(".xml"):
                if rss_items.get(doc) != text:
                    err(doc, "inline text differs from the RSS content:encoded")
            elif sp.endswith(".html"):
                p = ArticleText()
                p.feed(open(os.path.join(HERE, sp), encoding="utf-8").read())
                if "\n\n".join(p.blocks) != text:
                    err(doc, "inline text differs from the <article> body")
                if not p.disclaimer:
                    err(doc, "html lacks the disclaimer footer paragraph")
        places = set()
        keys = set()
        for inc in d.get("incidents", []):
            k = inc.get("key")
            if k in keys:
                err(doc, f"duplicate incident key {k}")
            keys.add(k)
            for f in INC_FIELDS:
                if f not in inc:
                    err(doc, f"{k}: missing field {f}")
            et = inc.get("event_type")
            if et not in types:
                err(doc, f"{k}: unknown event_type {et}")
            for a in inc.get("alt_types", []):
                if a not in types or a == et:
                    err(doc, f"{k}: bad alt_type {a}")
            ds = check_date(doc, f"{k}.date_start", inc.get("date_start"))
            de = check_date(doc, f"{k}.date_end", inc.get("date_end"))
            if ds and de and ds > de:
                err(doc, f"{k}: date_start after date_end")
            tp = inc.get("time_precision_max")
            if tp not in (None, 1, 2, 3, 4):
                err(doc, f"{k}: bad time_precision_max {tp}")
            if (ds or de) and tp is None:
                err(doc, f"{k}: dates without time_precision_max")
            if de and d.get("published") and de > datetime.date.fromisoformat(d["published"]):
                err(doc, f"{k}: date_end after publication")
            c, a1 = inc.get("country"), inc.get("admin1_code")
            if a1 and (not c or not a1.startswith(c + "-")):
                err(doc, f"{k}: admin1_code {a1} does not match country {c}")
            for qn in inc.get("quantities", []):
                if qn.get("kind") not in QUANTITY_KINDS:
                    err(doc, f"{k}: bad quantity kind {qn.get('kind')}")
                if qn.get("kind") == "money" and qn.get("unit") not in ("CNY", "KPW", "USD"):
                    err(doc, f"{k}: money without CNY/KPW/USD unit")
            places.update(x.lower() for x in inc.get("admin2", []))
            (per_type_opt if inc.get("optional") else per_type)[et] += 1
            inc_per_format[fmt] += 1
        for fl in d.get("forbidden_locations", []):
            if fl.lower() in places:
                err(doc, f"forbidden location {fl} is also an incident place")

    missing = sorted(t for t in types if per_type[t] < 2)
    if missing:
        err("coverage", f"event types with fewer than 2 required incidents: {missing}")

    print(f"{n_docs} documents; {sum(per_type.values())} required + "
          f"{sum(per_type_opt.values())} optional incidents")
    print("per event type (required / optional):")
    for t in sorted(types):
        print(f"  {t:22s} {per_type[t]:3d} / {per_type_opt[t]}")
    print("per format (documents / incidents):")
    for f in sorted(per_format):
        print(f"  {f:6s} {per_format[f]:3d} / {inc_per_format[f]}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
