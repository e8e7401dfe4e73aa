#!/usr/bin/env python3
"""dictcheck — validate raml's hand-written dictionaries (python3 stdlib only).

usage: python3 tools/dictcheck/check.py [DATA_DIR]      (default: <repo>/data)

Checks data/taxonomy.tsv, triggers.tsv, cues.tsv, numbers.tsv, dates.tsv, place_cues.tsv:
  - UTF-8, one TAB between columns, the right number of columns, no empty cells
    (an empty optional cell is written '-'), no stray spaces around cells or '|' values;
  - no tashkeel or tatweel in Arabic cells, Arabic cells contain Arabic;
  - PLOVER 2.0 types and modes (output-standards.md §1.2), quad class per type,
    PLOVER scores in -10..10 and equal to the mode score (first mode) or the type's base score;
  - CAMEO codes numeric, 2-4 digits, known to the Goldstein table below, goldstein equal to
    the table value (or the root value when the code is not in the table);
  - triggers/cues: ids unique and well-formed, pos/voice/kind/position values,
    imperfect given for verbs, no duplicate (folded form, type) / (folded form, kind) pairs;
  - numbers: numeric values (qualifier names for qualifier rows), no duplicate folded forms;
  - dates: month values 1..12, weekday 0..6, relative values well-formed;
  - place_cues: kinds and feature hints from the fixed lists.
Prints one line per problem as FILE:LINE: message, then `OK` (exit 0) or `FAILED n` (exit 1).
"""
import os
import re
import sys

# ---------------------------------------------------------------------------------------
# Reference tables
# PLOVER 2.0 (PLOVER_MANUAL.tex v2.0 via /work/shared/research/output-standards.md §1.2).
PLOVER = {
    # type: (quad, base score, {mode: score})
    "AGREE": (1, 2.5, {}),
    "CONSULT": (1, 2.5, {"visit": 4, "third-party": 1, "multilateral": 4, "phone": 1.5}),
    "SUPPORT": (1, 5, {}),
    "CONCEDE": (1, 4.5, {}),
    "COOPERATE": (2, 9.5, {}),
    "AID": (2, 10, {}),
    "RETREAT": (2, 6.5, {"withdraw": 8, "release": 6.5, "disarm": 10, "ceasefire": 7.5,
                         "access": 6.5, "resign": 4.5}),
    "REQUEST": (3, 0, {"assist": 0.5, "change": -1, "yield": -1, "meet": 0}),
    # ACCUSE: the manual prints +3 as base; the research note flags it as a likely typo of -2.
    "ACCUSE": (3, -2, {"disapprove": -2, "investigate": -3.5, "allege": -3.5}),
    "REJECT": (3, -2, {"assist": -1.5, "change": -2, "yield": -2, "meet": -2}),
    "THREATEN": (3, -3.5, {"restrict": -3, "arrest": -3.5, "relations": -3.5, "expel": -3.5,
                           "territory": -4, "violence": -3.5}),
    # vandalize has no printed score: the base score is used.
    "PROTEST": (4, -5, {"demo": -5, "riot": -7, "strike": -5, "hunger": -4.5, "boycott": -4.5,
                        "obstruct": -4.5, "vandalize": -5}),
    "SANCTION": (4, -6, {"convict": -6, "expel": -5.5, "withdraw": -6, "discontinue": -6}),
    "MOBILIZE": (4, -5.5, {"troops": -6.5, "weapons": -6.5, "police": -5.5, "militia": -6}),
    "COERCE": (4, -7, {"seize": -7, "restrict": -7, "censor": -6.5, "curfew": -6.5,
                       "martial-law": -7.5, "arrest": -7, "deport": -7, "withhold": -7,
                       "misinformation": -6.5, "cyber": -7}),
    "ASSAULT": (4, -9, {"abduct": -8.5, "beat": -7.5, "torture": -8.5, "sexual": -8.5,
                        "targeted": -9.5, "destroy": -8.5, "primitive": -8, "firearms": -9,
                        "explosives": -9, "suicide-attack": -9.5, "aerial": -9.5,
                        "drone": -9.5, "heavy-weapons": -9.5, "crowd-control": -7.5,
                        "unconventional": -10}),
}

# Goldstein values per CAMEO code. Codes 08x/13x-20x as printed in output-standards.md
# §2.1-2.2 (GDELT CAMEO.goldsteinscale.txt, "GS"); 02x-12x second-level values from the same
# GS file as known to the team (flagged for verification in the file headers). A code that is
# absent here must carry its root value (ROOT below).
ROOT = {"01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0,
        "08": 5.0, "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5,
        "15": -7.2, "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0}
GS = {
    "020": 3.0, "021": 3.4, "022": 3.2, "023": 3.4, "024": -0.3, "025": -0.3, "026": 4.0,
    "027": 4.0, "028": 4.0,
    "030": 4.0, "031": 5.2, "032": 4.5, "033": 5.2, "034": 7.0, "036": 4.0, "037": 5.0,
    "038": 7.0, "039": 5.0,
    "040": 1.0, "041": 1.0, "042": 1.9, "043": 2.8, "044": 2.5, "045": 5.0, "046": 7.0,
    "050": 3.5, "051": 3.4, "052": 3.5, "053": 3.8, "054": 6.0, "055": 7.0, "056": 7.0,
    "057": 8.0,
    "060": 6.0, "061": 6.4, "062": 7.4, "063": 7.4, "064": 7.0,
    "070": 7.0, "071": 7.4, "072": 8.3, "073": 7.4, "074": 8.5, "075": 7.0,
    "080": 5.0, "081": 5.0, "082": 5.0, "083": 5.0, "0831": 5.0, "084": 7.0, "0841": 7.0,
    "0842": 7.0, "085": 7.0, "086": 9.0, "0861": 9.0, "0862": 9.0, "0863": 9.0,
    "087": 9.0, "0871": 9.0, "0872": 9.0, "0873": 9.0, "0874": 10.0,
    "090": -2.0, "091": -2.0, "092": -2.0, "093": -2.0, "094": -2.0,
    "100": -5.0, "101": -5.0, "102": -5.0, "103": -5.0, "104": -5.0, "105": -5.0,
    "106": -5.0, "107": -5.0, "108": -5.0,
    "110": -2.0, "111": -2.0, "112": -2.0, "113": -2.0, "114": -2.0, "115": -2.0,
    "116": -2.0,
    "120": -4.0, "121": -4.0, "122": -4.0, "123": -4.0, "124": -4.0, "125": -5.0,
    "126": -5.0, "127": -5.0, "128": -5.0, "129": -5.0,
    "130": -4.4, "131": -5.8, "132": -5.8, "133": -5.8, "134": -5.8, "135": -5.8,
    "136": -7.0, "137": -7.0, "138": -7.0, "1381": -7.0, "1382": -7.0, "1383": -7.0,
    "1384": -7.0, "1385": -7.0, "139": -7.0,
    "140": -6.5, "141": -6.5, "142": -6.5, "143": -6.5, "144": -7.5, "145": -7.5,
    "150": -7.2, "151": -7.2, "152": -7.2, "153": -7.2, "154": -7.2,
    "160": -4.0, "161": -4.0, "162": -5.6, "163": -8.0, "164": -7.0, "165": -6.5,
    "166": -7.0,
    "170": -7.0, "171": -9.2, "172": -5.0, "1721": -5.0, "1722": -5.0, "1723": -5.0,
    "1724": -5.0, "173": -5.0, "174": -5.0, "175": -9.0,
    "180": -9.0, "181": -9.0, "182": -9.5, "1821": -9.0, "1822": -9.0, "1823": -10.0,
    "183": -10.0, "1831": -10.0, "1832": -10.0, "1833": -10.0, "184": -8.0, "185": -8.0,
    "186": -10.0,
    "190": -10.0, "191": -9.5, "192": -9.5, "193": -10.0, "194": -10.0, "195": -10.0,
    "196": -9.5,
    "200": -10.0, "201": -9.5, "202": -10.0, "203": -10.0, "204": -10.0, "2041": -10.0,
    "2042": -10.0,
}


def goldstein_of(code):
    """GS value of a CAMEO code: the code itself, else its 3-digit parent, else the root."""
    if code in GS:
        return GS[code]
    if len(code) == 4 and code[:3] in GS:
        return GS[code[:3]]
    return ROOT.get(code[:2])


def plover_score(ptype, modes):
    quad, base, ms = PLOVER[ptype]
    return ms[modes[0]] if modes else base


# ---------------------------------------------------------------------------------------
TASHKEEL = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
ARABIC = re.compile("[\u0621-\u064A]")
NONARABIC_IN_FORM = re.compile("[^\u0621-\u064A\u0671-\u06D3 ]")


def fold(s):
    """The loader's letter folding (hamza/alef seats, ta marbuta, alef maqsura) plus the
    article, enough to find forms that the loader would treat as the same string."""
    s = TASHKEEL.sub("", s)
    s = re.sub("[أإآٱ]", "ا", s)
    s = s.replace("ة", "ه").replace("ى", "ي")
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in s.split(" "))


# A pattern word that visibly carries a clitic + article (بال، لل، وال، فال، كال).
CLITIC_ART = re.compile(r"^(?:[وف]?[بك]ال|[وف]?لل|[وف]ال)..")
CLITIC_OK = {"والي", "بالغ", "بالون", "فالح", "كالح", "والدة", "والد", "بالي", "للا", "باليستي",
             "باليستية", "كالسيوم", "وكالات", "وكالة", "والدته"}


class Checker:
    def __init__(self):
        self.errors = 0
        self.counts = {}

    def err(self, path, line, msg):
        self.errors += 1
        print(f"{os.path.basename(path)}:{line}: {msg}")

    def rows(self, path, ncols):
        """Yields (line_no, cells) for the data rows of a TSV dictionary. The last column is
        always the free-text note: it may carry tashkeel to show a vocalisation."""
        if not os.path.exists(path):
            self.err(path, 0, "file missing")
            return
        with open(path, "rb") as fh:
            raw = fh.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            self.err(path, 0, f"not UTF-8: {e}")
            return
        if text.startswith("\ufeff"):
            self.err(path, 1, "byte-order mark")
        if "\r" in text:
            self.err(path, 0, "CR line endings")
        n = 0
        for ln, line in enumerate(text.split("\n"), 1):
            if line == "" or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != ncols:
                self.err(path, ln, f"{len(cells)} columns, expected {ncols}")
                continue
            bad = False
            for i, c in enumerate(cells):
                if c == "":
                    self.err(path, ln, f"empty cell in column {i + 1} (write '-')")
                    bad = True
                elif c != c.strip() or "  " in c:
                    self.err(path, ln, f"stray spaces in column {i + 1}")
                    bad = True
                elif TASHKEEL.search(c) and i != ncols - 1:
                    self.err(path, ln, f"tashkeel/tatweel in column {i + 1}")
                    bad = True
            if bad:
                continue
            n += 1
            yield ln, cells
        self.counts[os.path.basename(path)] = n

    def forms(self, path, ln, cell, allow_space=True, what="forms"):
        out = []
        for f in cell.split("|"):
            if f == "" or f != f.strip():
                self.err(path, ln, f"empty or padded value in {what}: {cell!r}")
                continue
            if not ARABIC.search(f):
                self.err(path, ln, f"no Arabic letters in {what} value {f!r}")
            if NONARABIC_IN_FORM.search(f):
                self.err(path, ln, f"non-Arabic character in {what} value {f!r}")
            for w in f.split(" "):
                if CLITIC_ART.match(w) and w not in CLITIC_OK:
                    self.err(path, ln, f"{what} word {w!r} carries a clitic (write the stem)")
            if not allow_space and " " in f:
                self.err(path, ln, f"space in single-word {what} value {f!r}")
            out.append(f)
        if len(set(map(fold, out))) != len(out):
            self.err(path, ln, f"the same folded form twice in {what}: {cell}")
        return out

    def number(self, path, ln, s, what, lo=None, hi=None):
        try:
            v = float(s)
        except ValueError:
            self.err(path, ln, f"{what} {s!r} is not a number")
            return None
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            self.err(path, ln, f"{what} {s} out of range {lo}..{hi}")
        return v

    def cameo(self, path, ln, code):
        if not re.fullmatch(r"\d{2,4}", code):
            self.err(path, ln, f"CAMEO code {code!r} is not 2-4 digits")
            return None
        if code[:2] not in ROOT:
            self.err(path, ln, f"CAMEO code {code} has no root 01-20")
            return None
        return goldstein_of(code)

    # ------------------------------------------------------------------------------------
    def taxonomy(self, path):
        seen = set()
        for ln, (ptype, mode, cameo, quad, gold, score, note) in self.rows(path, 7):
            if ptype not in PLOVER:
                self.err(path, ln, f"unknown PLOVER type {ptype}")
                continue
            q, base, ms = PLOVER[ptype]
            if mode != "-" and mode not in ms:
                self.err(path, ln, f"{mode} is not a mode of {ptype}")
                continue
            if (ptype, mode) in seen:
                self.err(path, ln, f"duplicate row {ptype} {mode}")
            seen.add((ptype, mode))
            g = self.cameo(path, ln, cameo)
            if quad != str(q):
                self.err(path, ln, f"quad {quad}, expected {q}")
            gv = self.number(path, ln, gold, "goldstein", -10, 10)
            if g is not None and gv is not None and abs(gv - g) > 1e-9:
                self.err(path, ln, f"goldstein {gold} != GS {g} for {cameo}")
            sv = self.number(path, ln, score, "plover_score", -10, 10)
            want = ms[mode] if mode != "-" else base
            if sv is not None and abs(sv - want) > 1e-9:
                self.err(path, ln, f"plover_score {score}, expected {want}")
        for t, (q, b, ms) in PLOVER.items():
            for m in ["-"] + list(ms):
                if (t, m) not in seen:
                    self.err(path, 0, f"missing taxonomy row {t} {m}")

    def triggers(self, path):
        ids, pairs, types = set(), {}, {}
        for ln, c in self.rows(path, 12):
            (tid, forms, pos, imperf, ptype, modes, cameo, quad, gold, score, voice, note) = c
            if not re.fullmatch(r"T-[A-Z]+-[A-Z0-9]+(-[A-Z0-9]+)*", tid):
                self.err(path, ln, f"bad id {tid!r}")
            if tid in ids:
                self.err(path, ln, f"duplicate id {tid}")
            ids.add(tid)
            if ptype not in PLOVER:
                self.err(path, ln, f"unknown PLOVER type {ptype}")
                continue
            if not tid.startswith(f"T-{ptype}-"):
                self.err(path, ln, f"id {tid} does not start with T-{ptype}-")
            types[ptype] = types.get(ptype, 0) + 1
            if pos not in ("verb", "noun", "phrase", "verbphrase"):
                self.err(path, ln, f"bad pos {pos}")
            fl = self.forms(path, ln, forms, allow_space=pos in ("phrase", "verbphrase"))
            if pos in ("phrase", "verbphrase"):
                for f in fl:
                    if " " not in f:
                        self.err(path, ln, f"{pos} form {f!r} is a single word")
            if pos in ("verb", "verbphrase"):
                if imperf == "-":
                    # an imperfect left out on purpose says so in the note
                    if voice != "passive" and "no imperfect" not in note.lower():
                        self.err(path, ln, "active verb without imperfect")
                else:
                    for f in self.forms(path, ln, imperf, allow_space=False, what="imperfect"):
                        if f[0] not in "يتنأ":
                            self.err(path, ln, f"imperfect {f} does not start with ي/ت/ن/أ")
                if voice not in ("active", "passive"):
                    self.err(path, ln, f"verb voice {voice!r} must be active|passive")
            else:
                if imperf != "-":
                    self.err(path, ln, f"{pos} row with an imperfect")
                if voice != "-":
                    self.err(path, ln, f"{pos} row with voice {voice}")
            q, base, ms = PLOVER[ptype]
            ml = [] if modes == "-" else modes.split("|")
            for m in ml:
                if m not in ms:
                    self.err(path, ln, f"{m} is not a mode of {ptype}")
            if len(set(ml)) != len(ml):
                self.err(path, ln, "repeated mode")
            g = self.cameo(path, ln, cameo)
            if quad != str(q):
                self.err(path, ln, f"quad {quad}, expected {q} for {ptype}")
            gv = self.number(path, ln, gold, "goldstein", -10, 10)
            if g is not None and gv is not None and abs(gv - g) > 1e-9:
                self.err(path, ln, f"goldstein {gold} != GS {g} for {cameo}")
            sv = self.number(path, ln, score, "plover_score", -10, 10)
            if sv is not None and all(m in ms for m in ml):
                want = plover_score(ptype, ml)
                if abs(sv - want) > 1e-9:
                    self.err(path, ln, f"plover_score {score}, expected {want}")
            if note == "-" and pos == "verb" and False:
                pass
            for f in fl:
                # the matcher tells a verb (قبض على) from its verbal noun with the article
                # (القبض على), which fold() does not
                key = (fold(f), ptype, pos in ("verb", "verbphrase"))
                if key in pairs:
                    self.err(path, ln, f"form {f} already listed for {ptype} on line {pairs[key]}")
                pairs[key] = ln
        for t in PLOVER:
            if t not in types:
                self.err(path, 0, f"no trigger for {t}")
        self.type_counts = types

    CUE_KINDS = {"negation", "denial", "future", "intent", "plan", "threat", "hypothetical",
                 "attempt", "report", "allege", "claim", "historical", "generic"}

    def cues(self, path):
        ids, pairs, kinds = set(), {}, {}
        for ln, (cid, forms, pos, imperf, kind, position, note) in self.rows(path, 7):
            if not re.fullmatch(r"C-[A-Z]+-[A-Z0-9]+(-[A-Z0-9]+)*", cid):
                self.err(path, ln, f"bad id {cid!r}")
            if cid in ids:
                self.err(path, ln, f"duplicate id {cid}")
            ids.add(cid)
            if kind not in self.CUE_KINDS:
                self.err(path, ln, f"bad kind {kind}")
            elif not cid.startswith(f"C-{kind.upper()}-"):
                self.err(path, ln, f"id {cid} does not start with C-{kind.upper()}-")
            kinds[kind] = kinds.get(kind, 0) + 1
            if pos not in ("verb", "noun", "particle", "phrase", "verbphrase"):
                self.err(path, ln, f"bad pos {pos}")
            if position not in ("before", "after", "either"):
                self.err(path, ln, f"bad position {position}")
            fl = self.forms(path, ln, forms, allow_space=pos in ("phrase", "verbphrase"))
            if pos in ("verb", "verbphrase"):
                if imperf == "-":
                    self.err(path, ln, "verb without imperfect")
                else:
                    self.forms(path, ln, imperf, allow_space=False, what="imperfect")
            elif imperf != "-":
                self.err(path, ln, f"{pos} row with an imperfect")
            for f in fl:
                key = (fold(f), kind)
                if key in pairs:
                    self.err(path, ln, f"form {f} already listed for {kind} on line {pairs[key]}")
                pairs[key] = ln
        self.cue_counts = kinds

    NUM_KINDS = {"unit", "teen_unit", "teen_ten", "teen", "ten", "hundred", "thousand",
                 "million", "ordinal", "fraction", "vague"}
    QUALIFIERS = {"exact", "at_least", "more_than", "about", "at_most", "range", "unspecified"}

    def numbers(self, path):
        seen, kinds = {}, {}
        for ln, (forms, value, kind, note) in self.rows(path, 4):
            kinds[kind] = kinds.get(kind, 0) + 1
            if kind in ("qualifier", "qualifier_post"):
                if value not in self.QUALIFIERS:
                    self.err(path, ln, f"qualifier value {value!r} not in {sorted(self.QUALIFIERS)}")
            elif kind in self.NUM_KINDS:
                v = self.number(path, ln, value, "value", 0, 1e12)
                if kind == "unit" and v is not None and not 1 <= v <= 10:
                    self.err(path, ln, "unit value outside 1..10")
                if kind == "ten" and v is not None and (v % 10 or not 20 <= v <= 90):
                    self.err(path, ln, "ten value not in 20..90")
                if kind == "hundred" and v is not None and (v % 100 or not 100 <= v <= 900):
                    self.err(path, ln, "hundred value not in 100..900")
                if kind == "teen" and v is not None and not 11 <= v <= 19:
                    self.err(path, ln, "teen value not in 11..19")
            else:
                self.err(path, ln, f"bad kind {kind}")
            for f in self.forms(path, ln, forms):
                k = fold(f)
                if k in seen:
                    self.err(path, ln, f"form {f} already on line {seen[k]}")
                seen[k] = ln
        self.num_counts = kinds

    DATE_KINDS = {"month", "hijri_month", "weekday", "relative_day", "relative_period",
                  "modifier", "part", "marker", "vague"}
    SYSTEMS = {"gregorian", "levant", "maghreb", "morocco", "mauritania", "hijri", "-"}
    PARTS = {"early", "mid", "late", "first_day"}
    MARKERS = {"day", "morning", "noon", "afternoon", "evening", "night", "dawn", "midnight",
               "hour", "week", "month", "year", "era_hijri", "era_gregorian", "equiv", "date",
               "forenoon"}

    def dates(self, path):
        seen, kinds = {}, {}
        for ln, (forms, kind, value, system, note) in self.rows(path, 5):
            kinds[kind] = kinds.get(kind, 0) + 1
            if kind not in self.DATE_KINDS:
                self.err(path, ln, f"bad kind {kind}")
                continue
            systems = system.split("|")
            for s in systems:
                if s not in self.SYSTEMS:
                    self.err(path, ln, f"bad system {s}")
            if kind == "month":
                self.number(path, ln, value, "month", 1, 12)
                if not re.fullmatch(r"\d{1,2}", value):
                    self.err(path, ln, "month value must be an integer")
                if "-" in systems or "hijri" in systems:
                    self.err(path, ln, "month row needs a Gregorian naming system")
            elif kind == "hijri_month":
                if not re.fullmatch(r"\d{1,2}", value) or not 1 <= int(value) <= 12:
                    self.err(path, ln, "hijri month value must be 1..12")
                if system != "hijri":
                    self.err(path, ln, "hijri_month rows use system hijri")
            elif kind == "weekday":
                if not re.fullmatch(r"[0-6]", value):
                    self.err(path, ln, "weekday value must be 0..6 (0=Sunday)")
            elif kind in ("relative_day", "modifier"):
                if not re.fullmatch(r"[-+]?\d+", value):
                    self.err(path, ln, f"{kind} value must be a signed integer")
            elif kind == "relative_period":
                if not re.fullmatch(r"(day|week|weekend|month|year):[-+]?\d+", value):
                    self.err(path, ln, "relative_period value must be unit:offset")
            elif kind == "part":
                if value not in self.PARTS:
                    self.err(path, ln, f"part value {value} not in {sorted(self.PARTS)}")
            elif kind == "marker":
                if value not in self.MARKERS:
                    self.err(path, ln, f"marker value {value} not in {sorted(self.MARKERS)}")
            elif kind == "vague":
                if value not in ("unknown", "past", "future"):
                    self.err(path, ln, "vague value must be unknown|past|future")
            for f in self.forms(path, ln, forms):
                k = (fold(f), kind)
                if k in seen:
                    self.err(path, ln, f"form {f} already listed as {kind} on line {seen[k]}")
                seen[k] = ln
        self.date_counts = kinds

    PLACE_KINDS = {"feature", "direction", "distance_unit", "preposition"}
    FEATURES = {"town", "village", "admin1", "admin2", "admin3", "region", "district", "camp",
                "base", "airbase", "airport", "oilfield", "gasfield", "port", "mountain",
                "valley", "crossing", "prison", "hospital", "square", "street", "road",
                "bridge", "university", "school", "mosque", "church", "market", "checkpoint",
                "station", "refinery", "facility", "island", "river", "lake", "desert",
                "oasis", "border", "plain", "plateau", "capital", "headquarters", "building",
                "embassy", "coast", "sea", "dam", "farm", "factory", "neighbourhood_block",
                "strip", "bank", "hill", "forest", "city_centre"}
    DIRECTIONS = {"N", "S", "E", "W", "NE", "NW", "SE", "SW", "C", "edge", "near", "between",
                  "inside", "outside", "upper", "lower"}
    DIST = {"km", "mi", "m"}
    PREPS = {"in", "on", "to", "from", "at", "toward", "inside", "outside", "near"}

    def place_cues(self, path):
        seen, kinds = {}, {}
        for ln, (forms, kind, hint, note) in self.rows(path, 4):
            kinds[kind] = kinds.get(kind, 0) + 1
            allowed = {"feature": self.FEATURES, "direction": self.DIRECTIONS,
                       "distance_unit": self.DIST, "preposition": self.PREPS}.get(kind)
            if allowed is None:
                self.err(path, ln, f"bad kind {kind}")
                continue
            if hint not in allowed:
                self.err(path, ln, f"feature_hint {hint} not allowed for {kind}")
            for f in self.forms(path, ln, forms):
                k = (fold(f), kind)
                if k in seen:
                    self.err(path, ln, f"form {f} already listed as {kind} on line {seen[k]}")
                seen[k] = ln
        self.place_counts = kinds


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "data")
    c = Checker()
    c.taxonomy(os.path.join(data, "taxonomy.tsv"))
    c.triggers(os.path.join(data, "triggers.tsv"))
    c.cues(os.path.join(data, "cues.tsv"))
    c.numbers(os.path.join(data, "numbers.tsv"))
    c.dates(os.path.join(data, "dates.tsv"))
    c.place_cues(os.path.join(data, "place_cues.tsv"))
    for f, n in sorted(c.counts.items()):
        print(f"{f}: {n} rows")
    for name in ("type_counts", "cue_counts", "num_counts", "date_counts", "place_counts"):
        d = getattr(c, name, None)
        if d:
            print(f"  {name}: " + " ".join(f"{k}={v}" for k, v in sorted(d.items())))
    if c.errors:
        print(f"FAILED {c.errors}")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
