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


def check_ontology(types):
    """Check that ontology.md lists the same event-type codes as this checker."""
    if types != EVENT_TYPES:
        err("ontology", f"ontology.md codes differ from this checker: {sorted(types ^ EVENT_TYPES)}")


def check_wire_items(name, path, jsonl_items):
    """Check that every .jsonl wire item has the required fields, and collect the items by id."""
    for line in open(path, encoding="utf-8"):
        item = json.loads(line)
        for f in ("id", "text", "published", "outlet", "url", "title"):
            if f not in item:
                err(name, f"wire item lacks {f}")
        jsonl_items[item["id"]] = item


def read_rss_items(path, rss_items):
    """Collect the paragraph text of each RSS item's content:encoded, keyed by guid."""
    ns = {"content": "http://purl.org/rss/1.0/modules/content/"}
    root = ET.parse(path).getroot()
    for it in root.iter("item"):
        enc = it.find("content:encoded", ns).text
        paras = [html.unescape(re.sub(r"<[^>]+>", "", p)).strip()
                 for p in re.findall(r"<p[^>]*>.*?</p>", enc, re.S)]
        rss_items[it.find("guid").text] = "\n\n".join(paras)


def check_txt_disclaimer(name, path):
    """Check that a .txt report ends with the fictional-report line."""
    lines = open(path, encoding="utf-8").read().rstrip("\n").split("\n")
    if lines[-1] != DISCLAIMER:
        err(name, "last line is not the fictional-report line")


def check_reports():
    """Check the files in reports/ and return their .jsonl items and RSS texts by id."""
    jsonl_items, rss_items = {}, {}
    for name in os.listdir(os.path.join(HERE, "reports")):
        path = os.path.join(HERE, "reports", name)
        if name.endswith(".jsonl"):
            check_wire_items(name, path, jsonl_items)
        elif name.endswith(".xml"):
            read_rss_items(path, rss_items)
        elif name.endswith(".txt"):
            check_txt_disclaimer(name, path)
    return jsonl_items, rss_items


def check_doc_fields(doc, d, seen):
    """Check that a document has every required field, a unique doc_id and an ISO published date."""
    for f in DOC_FIELDS:
        if f not in d:
            err(doc, f"missing field {f}")
    if doc in seen:
        err(doc, "duplicate doc_id")
    seen.add(doc)
    check_date(doc, "published", d.get("published"))


def check_text_path(doc, d):
    """Check that a text_path exists and is not combined with inline text."""
    if d.get("text") is not None:
        err(doc, "both text_path and text")
    if not os.path.exists(os.path.join(HERE, d["text_path"])):
        err(doc, f"text_path {d['text_path']} does not exist")


def check_jsonl_text(doc, d, text, jsonl_items):
    """Check that inline text and published date equal the .jsonl wire item."""
    if doc not in jsonl_items or jsonl_items[doc]["text"] != text:
        err(doc, "inline text differs from the .jsonl item")
    elif jsonl_items[doc]["published"] != d["published"]:
        err(doc, "published differs from the .jsonl item")


def check_rss_text(doc, text, rss_items):
    """Check that inline text equals the RSS item's content:encoded."""
    if rss_items.get(doc) != text:
        err(doc, "inline text differs from the RSS content:encoded")


def check_html_text(doc, sp, text):
    """Check that inline text equals the .html <article> body and the page has the disclaimer footer."""
    p = ArticleText()
    p.feed(open(os.path.join(HERE, sp), encoding="utf-8").read())
    if "\n\n".join(p.blocks) != text:
        err(doc, "inline text differs from the <article> body")
    if not p.disclaimer:
        err(doc, "html lacks the disclaimer footer paragraph")


def check_inline_text(doc, d, jsonl_items, rss_items):
    """Check that inline text is present and equals the item of its source_path."""
    text = d.get("text")
    if not text:
        err(doc, "no text_path and no inline text")
    sp = d.get("source_path", "")
    if sp.endswith(".jsonl"):
        check_jsonl_text(doc, d, text, jsonl_items)
    elif sp.endswith(".xml"):
        check_rss_text(doc, text, rss_items)
    elif sp.endswith(".html"):
        check_html_text(doc, sp, text)


def check_incident_fields(doc, inc, keys):
    """Check that an incident has a unique key and every required field."""
    k = inc.get("key")
    if k in keys:
        err(doc, f"duplicate incident key {k}")
    keys.add(k)
    for f in INC_FIELDS:
        if f not in inc:
            err(doc, f"{k}: missing field {f}")


def check_incident_types(doc, inc, types):
    """Check that event_type and alt_types are ontology codes and no alt_type repeats the event_type."""
    k = inc.get("key")
    et = inc.get("event_type")
    if et not in types:
        err(doc, f"{k}: unknown event_type {et}")
    for a in inc.get("alt_types", []):
        if a not in types or a == et:
            err(doc, f"{k}: bad alt_type {a}")


def check_incident_dates(doc, d, inc):
    """Check that incident dates are ISO, ordered, not after publication, and come with a time precision."""
    k = inc.get("key")
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


def check_incident_admin1(doc, inc):
    """Check that admin1_code belongs to the incident's country."""
    k = inc.get("key")
    c, a1 = inc.get("country"), inc.get("admin1_code")
    if a1 and (not c or not a1.startswith(c + "-")):
        err(doc, f"{k}: admin1_code {a1} does not match country {c}")


def check_incident_quantities(doc, inc):
    """Check that quantity kinds are known and money carries a CNY/KPW/USD unit."""
    k = inc.get("key")
    for qn in inc.get("quantities", []):
        if qn.get("kind") not in QUANTITY_KINDS:
            err(doc, f"{k}: bad quantity kind {qn.get('kind')}")
        if qn.get("kind") == "money" and qn.get("unit") not in ("CNY", "KPW", "USD"):
            err(doc, f"{k}: money without CNY/KPW/USD unit")


def check_forbidden_locations(doc, d, places):
    """Check that no forbidden location is also a gold incident place in the document."""
    for fl in d.get("forbidden_locations", []):
        if fl.lower() in places:
            err(doc, f"forbidden location {fl} is also an incident place")


def check_document(doc, d, fmt, types, sources, counts):
    """Check one gold document and its incidents, counting incidents per type and format."""
    jsonl_items, rss_items = sources
    per_type, per_type_opt, inc_per_format = counts
    if d.get("text_path"):
        check_text_path(doc, d)
    else:
        check_inline_text(doc, d, jsonl_items, rss_items)
    places = set()
    keys = set()
    for inc in d.get("incidents", []):
        check_incident_fields(doc, inc, keys)
        check_incident_types(doc, inc, types)
        check_incident_dates(doc, d, inc)
        check_incident_admin1(doc, inc)
        check_incident_quantities(doc, inc)
        places.update(x.lower() for x in inc.get("admin2", []))
        (per_type_opt if inc.get("optional") else per_type)[inc.get("event_type")] += 1
        inc_per_format[fmt] += 1
    check_forbidden_locations(doc, d, places)


def check_coverage(types, per_type):
    """Check that every event type has at least 2 required incidents."""
    missing = sorted(t for t in types if per_type[t] < 2)
    if missing:
        err("coverage", f"event types with fewer than 2 required incidents: {missing}")


def report(n_docs, types, per_type, per_type_opt, per_format, inc_per_format):
    """Print the counts and any problems; return the exit status."""
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


def main():
    types = ontology_types()
    check_ontology(types)
    sources = check_reports()

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
        check_doc_fields(doc, d, seen)
        src = d.get("text_path") or d.get("source_path") or ""
        fmt = src.rsplit(".", 1)[-1] if src else "inline"
        per_format[fmt] += 1
        check_document(doc, d, fmt, types, sources, (per_type, per_type_opt, inc_per_format))

    check_coverage(types, per_type)
    return report(n_docs, types, per_type, per_type_opt, per_format, inc_per_format)


if __name__ == "__main__":
    sys.exit(main())
