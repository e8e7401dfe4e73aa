#!/usr/bin/env python3
"""Validate data/countries.tsv, data/actors.tsv and data/sectors.tsv (dev tool, stdlib only).

usage: python3 tools/countries/check.py [DATA_DIR]

Errors (exit 1): wrong column count, empty cell, bad ISO3 / non-state code, unknown sector code,
years not numeric or from > to, duplicate ids, empty forms, tashkeel or non-Arabic letters in
Arabic cells, a form listed twice in one row, bad kind / is_armed values.
Warnings (printed, exit 0): the same Arabic form in two actor rows whose years overlap by more
than the one boundary year of successive roles (SISI-MOD 2012-2014 / SISI 2014-), two countries or a country and an actor sharing a form, sectors forms repeated.
Prints OK at the end when there are no errors.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.dirname(HERE)), "data")

NONSTATE = {"IGO", "UNO", "EUR", "NGO", "IMG", "MNC", "ISM"}
SECTORS = set("GOV MIL COP REB UAF OPP CVL JRN LAB EDU BUS REL PTY LEG JUD SPY PRM ELI MED REF "
              "AGR CRM SOC PRE UNK".split())
KINDS = {"state_body", "armed_group", "party", "igo", "ngo", "person", "media", "company", "movement"}
TASHKEEL = re.compile("[\u064B-\u065F\u0670\u0640]")
# Arabic letters (hamza..yeh), digits, space, + (lists like 5+5); no Persian/Urdu letters.
ARABIC_FORM = re.compile(r"^[\u0621-\u063A\u0641-\u064A0-9 +]+$")
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")

errors, warnings = [], []


def err(f, n, msg):
    errors.append(f"{f}:{n}: {msg}")


def warn(f, n, msg):
    warnings.append(f"{f}:{n}: {msg}")


def rows(name, ncol):
    path = os.path.join(DATA, name)
    if not os.path.exists(path):
        err(name, 0, "file missing")
        return
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if line.startswith("#"):
            continue
        if not line.strip():
            err(name, n, "blank line")
            continue
        if line != line.strip() or "\r" in line:
            err(name, n, "leading/trailing whitespace or CR")
        f = line.split("\t")
        if len(f) != ncol:
            err(name, n, f"expected {ncol} columns, got {len(f)}")
            continue
        for i, c in enumerate(f):
            if c == "":
                err(name, n, f"column {i + 1} is empty (use -)")
            elif c != c.strip():
                err(name, n, f"column {i + 1} has surrounding spaces")
        yield n, f


def forms(name, n, cell, optional, allow_eq=False):
    """Split an Arabic |-cell, validate each form, return the list (without '=' marks)."""
    if cell == "-":
        if not optional:
            err(name, n, "required Arabic cell is -")
        return []
    out, folded = [], set()
    for x in cell.split("|"):
        raw = x
        if allow_eq and x.startswith("="):
            x = x[1:]
        if not x:
            err(name, n, f"empty form in {cell!r}")
            continue
        if x != x.strip() or "  " in x:
            err(name, n, f"form {raw!r} has stray spaces")
        if TASHKEEL.search(x):
            err(name, n, f"form {raw!r} has tashkeel/tatweel")
        elif not ARABIC_FORM.match(x):
            err(name, n, f"form {raw!r} has non-Arabic characters")
        if x in out:
            err(name, n, f"form {raw!r} listed twice in the row")
        elif fold(x) in folded:
            warn(name, n, f"form {raw!r} differs from another form of the row only by folding (redundant)")
        folded.add(fold(x))
        out.append(x)
    return out


def fold(s):
    """The folding the loader is documented to do (alef forms, ى/ي, ة/ه), for duplicate detection."""
    return re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه")


def span(a, b):
    lo = int(a) if YEAR.match(a) else 0
    hi = int(b) if YEAR.match(b) else 9999
    return lo, hi


# ---------------------------------------------------------------- countries
iso = {}
cforms = {}
for n, f in rows("countries.tsv", 6) or []:
    code, name_en, names, dems, caps, source = f
    if not re.fullmatch("[A-Z]{3}", code):
        err("countries.tsv", n, f"bad iso3 {code!r}")
    if code in iso:
        err("countries.tsv", n, f"duplicate iso3 {code} (first line {iso[code]})")
    iso[code] = n
    if source not in ("cldr", "cldr+raml", "raml"):
        err("countries.tsv", n, f"bad source {source!r}")
    for kind, cell, opt in (("name", names, False), ("demonym", dems, True), ("capital", caps, True)):
        for x in forms("countries.tsv", n, cell, opt, allow_eq=(kind == "demonym")):
            k = fold(x)
            if k in cforms and cforms[k][0] != code:
                warn("countries.tsv", n, f"{kind} {x!r} also in {cforms[k][0]} ({cforms[k][1]})")
            cforms.setdefault(k, (code, kind))
if len(iso) < 198:
    err("countries.tsv", 0, f"only {len(iso)} countries (expected 193 UN members + PSE KOS ESH TWN VAT)")
for must in ("PSE", "KOS", "ESH", "TWN", "VAT", "LBY", "USA"):
    if must not in iso:
        err("countries.tsv", 0, f"missing {must}")

CODES = set(iso) | NONSTATE

# ---------------------------------------------------------------- actors
ids = {}
aforms = {}
n_actors = 0
for n, f in rows("actors.tsv", 10) or []:
    n_actors += 1
    aid, names, name_en, country, sector, sectors, y0, y1, kind, source = f
    if not re.fullmatch(r"[A-Z0-9][A-Z0-9-]*", aid):
        err("actors.tsv", n, f"bad actor_id {aid!r} (ASCII upper-case, digits, -)")
    if aid in ids:
        err("actors.tsv", n, f"duplicate actor_id {aid} (first line {ids[aid]})")
    ids[aid] = n
    if country not in CODES:
        err("actors.tsv", n, f"unknown country code {country!r}")
    if sector != "-" and sector not in SECTORS:
        err("actors.tsv", n, f"unknown sector {sector!r}")
    secs = [] if sectors == "-" else sectors.split("|")
    for s in secs:
        if s not in SECTORS:
            err("actors.tsv", n, f"unknown sector {s!r} in sectors")
    if sector != "-" and secs and sector not in secs:
        err("actors.tsv", n, f"primary sector {sector} not in sectors {sectors}")
    if sector == "-" and secs:
        err("actors.tsv", n, "sectors given but primary sector is -")
    for y in (y0, y1):
        if y != "-" and not YEAR.match(y):
            err("actors.tsv", n, f"bad year {y!r}")
    if YEAR.match(y0) and YEAR.match(y1) and int(y0) > int(y1):
        err("actors.tsv", n, f"from_year {y0} > to_year {y1}")
    if kind not in KINDS:
        err("actors.tsv", n, f"bad kind {kind!r}")
    if kind == "person" and not aid.startswith("PER-"):
        warn("actors.tsv", n, f"person id {aid} does not start with PER-")
    if source != "raml":
        err("actors.tsv", n, f"bad source {source!r}")
    if not name_en or name_en == "-":
        err("actors.tsv", n, "name_en missing")
    lo, hi = span(y0, y1)
    for x in forms("actors.tsv", n, names, False):
        k = fold(x)
        for (oid, on, olo, ohi) in aforms.get(k, []):
            boundary = (hi == olo or ohi == lo) and min(hi, ohi) - max(lo, olo) == 0
            if lo <= ohi and olo <= hi and not boundary:
                warn("actors.tsv", n, f"form {x!r} also in {oid} (line {on}) with overlapping years")
        aforms.setdefault(k, []).append((aid, n, lo, hi))
        if k in cforms:
            warn("actors.tsv", n, f"form {x!r} is also a country {cforms[k][1]} of {cforms[k][0]}")

# ---------------------------------------------------------------- sectors
sforms = {}
n_sectors = 0
for n, f in rows("sectors.tsv", 5) or []:
    n_sectors += 1
    fcell, sector, armed, dc, note = f
    if sector not in SECTORS:
        err("sectors.tsv", n, f"unknown sector {sector!r}")
    if armed not in ("yes", "no"):
        err("sectors.tsv", n, f"is_armed must be yes|no, got {armed!r}")
    if dc != "-" and dc not in CODES:
        err("sectors.tsv", n, f"unknown default_country {dc!r}")
    for x in forms("sectors.tsv", n, fcell, False):
        k = fold(x)
        if k in sforms:
            warn("sectors.tsv", n, f"form {x!r} also on line {sforms[k]}")
        sforms.setdefault(k, n)

for w in warnings:
    print("warning:", w)
for e in errors:
    print("ERROR:", e)
print(f"countries {len(iso)}, actors {n_actors}, sectors {n_sectors}; "
      f"{len(errors)} errors, {len(warnings)} warnings")
if errors:
    sys.exit(1)
print("OK")
