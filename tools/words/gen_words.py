#!/usr/bin/env python3
"""Generates data/words.tsv, the guard word list for clitic segmentation, from hunspell-ar.

Why: segmentation accepts a cut (و+ب+ال+stem+ه) only when the stem is a known bare word.
hunspell-ar (Ayaspell) lists stems and encodes inflection and clitics as affix classes; we
expand only the inflectional suffix classes, never the clitic ones (every PFX class is a
proclitic; the Xy / xx suffix classes are pronoun enclitics), so the list holds bare words.
A few dictionary sections (stopwords, tools) spell clitic forms out; those are dropped when
the remainder after a proclitic is itself a listed word of 3+ letters.

Usage: tools/words/gen_words.py [/usr/share/hunspell/ar] > data/words.tsv
Rerunnable; output is folded (same table as src/text/fold.c), sorted and unique.
"""
import re
import sys

base = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell/ar"

TASHKEEL = set(range(0x64B, 0x660)) | {0x670, 0x640, 0x200C, 0x200D, 0x200E, 0x200F, 0x61C}
MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "ء", "ئ": "ء",
       "ی": "ي", "ک": "ك"}


def fold(w):
    return "".join(MAP.get(c, c) for c in w if ord(c) not in TASHKEEL)


def is_clitic_class(flag):
    # Ayaspell naming: Upper + a..i (Ha, Gi, Ab ...; "Ax" is the bare inflection) and doubled lower (cc, ff) are pronoun
    # enclitics; P* and T* are proclitic prefixes.
    return bool(re.fullmatch(r"[A-Z][a-i]|([a-z])\1", flag))


aliases = {}
rules = {}  # flag -> (kind, [(strip, add, contflags, cond_re)])
with open(base + ".aff", encoding="utf-8") as f:
    for line in f:
        p = line.split()
        if not p or p[0].startswith("#"):
            continue
        if p[0] == "AF" and len(p) >= 2 and not p[1].isdigit():
            aliases[len(aliases) + 1] = p[1]
        elif p[0] in ("PFX", "SFX") and len(p) >= 4:
            flag = p[1]
            if flag not in rules and p[2] in "YN" and p[3].isdigit() and len(p) == 4:
                rules[flag] = (p[0], [])
                continue
            if len(p) >= 5 and flag in rules:
                strip = "" if p[2] == "0" else p[2]
                add = p[3]
                cont = ""
                if "/" in add:
                    add, cont = add.split("/", 1)
                    if cont.isdigit():
                        cont = aliases.get(int(cont), "")
                if add == "0":
                    add = ""
                cond = p[4] if len(p) >= 5 else "."
                try:
                    cre = re.compile("(?:" + cond + ")$") if p[0] == "SFX" else re.compile("^(?:" + cond + ")")
                except re.error:
                    cre = re.compile(".")
                rules[flag][1].append((strip, add, cont, cre))


def flags_of(s):
    if s.isdigit():
        s = aliases.get(int(s), "")
    return [s[i:i + 2] for i in range(0, len(s) - 1, 2)]


def expand(word, flags, depth, out):
    out.add(word)
    if depth > 2:
        return
    for fl in flags:
        r = rules.get(fl)
        if not r or r[0] != "SFX" or is_clitic_class(fl):
            continue
        for strip, add, cont, cre in r[1]:
            if strip and not word.endswith(strip):
                continue
            if not cre.search(word):
                continue
            nw = (word[: len(word) - len(strip)] if strip else word) + add
            expand(nw, flags_of(cont), depth + 1, out)


words = set()
sources = {}  # folded form -> {(spelling, "head" | "derived" | "spelled")}
section = ""
with open(base + ".dic", encoding="utf-8") as f:
    next(f)
    for line in f:
        line = line.rstrip("\n")
        if not line or line.startswith("::") or line.startswith("#"):
            continue
        if line.endswith(".dic"):
            section = line
            continue
        w = line.split("\t")[0]
        fl = []
        if "/" in w:
            w, fs = w.split("/", 1)
            fl = flags_of(fs)
        got = set()
        expand(w, fl, 0, got)
        for g in got:
            f = fold(g)
            if f and all(0x621 <= ord(c) <= 0x64A for c in f):
                words.add(f)
                kind = "spelled" if section in ("stopwords.dic", "tools.dic") else (
                    "derived" if g != w else "head")
                sources.setdefault(f, set()).add((g, kind))

# A folded word is dropped only when every spelling that produced it is a clitic form, so
# بعثة stays although بعث + ه (بعثه) folds to the same letters.
ENC = ["هما", "ها", "هم", "هن", "ه", "كما", "كم", "كن", "نا"]
PRO = ["وال", "فال", "بال", "كال", "وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "لل", "ال",
       "وب", "فب", "ول", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك"]


def clitic_form(raw, kind):
    if kind == "head":
        return False
    # Inflection classes that chain into a pronoun (سيطرته = سيطرت + ه, ت restored to ة),
    # and the stopword/tool sections that spell pronoun forms out (عليهم, ضدهم, منها).
    min_rest = 3 if kind == "derived" else 2
    for e in ENC:
        if raw.endswith(e) and len(raw) - len(e) >= min_rest:
            r = raw[: -len(e)]
            cands = [r] + ([r[:-1] + "ة"] if r.endswith("ت") else [])
            if any(fold(c) in words for c in cands):
                return True
    if kind == "spelled":
        f = fold(raw)
        for p in PRO:
            rest = f[len(p):]
            if not f.startswith(p) or rest not in words:
                continue
            # و/ف before another function word (ومن, وهو, فلم) is a clitic form even when
            # the rest has two letters; otherwise keep two-letter rests (لكن is not ل + كن).
            if len(rest) >= 3 or (p in ("و", "ف") and len(rest) == 2 and rest in spelled_words):
                return True
    return False


spelled_words = {f for f, srcs in sources.items() if any(k == "spelled" for _, k in srcs)}
# Function words whose first letter only looks like a clitic.
KEEP = {"فقط", "فحسب", "وراء", "وفق", "وسط", "فوق", "لدي", "لكن", "لعل", "كذا"}
dropped = set()
for f, srcs in sources.items():
    if f not in KEEP and all(clitic_form(raw, kind) for raw, kind in srcs):
        dropped.add(f)
words -= dropped

out = sys.stdout
out.write("# words.tsv: folded bare Arabic words (no clitics), the guard list for clitic\n")
out.write("# segmentation. Generated by tools/words/gen_words.py from hunspell-ar 3.2 (Ayaspell,\n")
out.write("# /usr/share/hunspell/ar.dic + ar.aff), licensed GPL-2 / LGPL-2.1 / MPL-1.1 (tri-licence).\n")
out.write("# Do not edit by hand; rerun the generator.\n")
for w in sorted(words):
    out.write(w + "\n")
print("words: %d (dropped %d clitic forms)" % (len(words), len(dropped)), file=sys.stderr)
