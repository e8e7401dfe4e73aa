/*
 * The matching form. One table-driven pass over UTF-8; every later comparison (guard
 * lexicon, dictionaries, gazetteer) uses this form, so the table is the single place where
 * spelling variation is decided:
 *
 *   dropped      tashkeel U+064B–065F, U+0670, Quranic marks U+0610–061A / U+06D6–06ED,
 *                tatweel U+0640, soft hyphen, ZWSP/ZWNJ/ZWJ/LRM/RLM U+200B–200F, ALM U+061C,
 *                embeddings U+202A–202E, isolates U+2066–2069, word joiner, U+FEFF
 *   alef         أ إ آ ٱ (and the wavy-hamza alefs) → ا
 *   ya, ta       ى → ي, Persian ی → ي, ک → ك, ة → ه (so ة and ه never differ in matching)
 *   hamza        ؤ and ئ → ء. The press writes the same word with either seat (مسؤول /
 *                مسئول, شؤون / شئون) or with a bare hamza (رءوس): only folding both seats to
 *                the bare hamza makes all three spellings equal. Folding them to و / ي
 *                instead would keep مسؤول ≠ مسئول.
 *   digits       ٠–٩ and ۰–۹ → 0–9; ٫ → '.', ٬ → ',', ٪ → '%'
 *   punctuation  ، ؛ ؟ ۔ → , ; ? .   « » “ ” „ → "   ‘ ’ → '
 *   spaces       NBSP and the other space separators → ' '
 *   presentation U+FB50–FDFF, U+FE70–FEFF → their compatibility decomposition, folded again
 *                (ﻻ → لا, ﷲ → الله); a ligature that would grow past 3× its bytes (ﷺ)
 *                is kept as it is, which keeps the 3× output bound of text.h
 *   Latin        lower-cased (ASCII by hand, the rest through utf8proc)
 *
 * Invalid UTF-8 folds to U+FFFD. map[k] is the byte offset in the input of the code point
 * that produced out[k].
 */
#include "text/internal.h"
#include "text/utf8.h"

#include <string.h>
#include <utf8proc.h>

#define DROP FOLD_DROP

/* Arabic block U+0600–06FF: 0 = unchanged, DROP, or the replacement code point. */
const uint16_t text_arabic_map[256] = {
    [0x0C] = ',', [0x1B] = ';', [0x1C] = DROP, [0x1F] = '?',
    [0x10] = DROP, [0x11] = DROP, [0x12] = DROP, [0x13] = DROP, [0x14] = DROP,
    [0x15] = DROP, [0x16] = DROP, [0x17] = DROP, [0x18] = DROP, [0x19] = DROP, [0x1A] = DROP,
    [0x22] = 0x627, [0x23] = 0x627, [0x25] = 0x627, [0x24] = 0x621, [0x26] = 0x621,
    [0x29] = 0x647, [0x40] = DROP, [0x49] = 0x64A,
    [0x4B] = DROP, [0x4C] = DROP, [0x4D] = DROP, [0x4E] = DROP, [0x4F] = DROP,
    [0x50] = DROP, [0x51] = DROP, [0x52] = DROP, [0x53] = DROP, [0x54] = DROP,
    [0x55] = DROP, [0x56] = DROP, [0x57] = DROP, [0x58] = DROP, [0x59] = DROP,
    [0x5A] = DROP, [0x5B] = DROP, [0x5C] = DROP, [0x5D] = DROP, [0x5E] = DROP, [0x5F] = DROP,
    [0x60] = '0', [0x61] = '1', [0x62] = '2', [0x63] = '3', [0x64] = '4',
    [0x65] = '5', [0x66] = '6', [0x67] = '7', [0x68] = '8', [0x69] = '9',
    [0x6A] = '%', [0x6B] = '.', [0x6C] = ',', [0x70] = DROP,
    [0x71] = 0x627, [0x72] = 0x627, [0x73] = 0x627, [0x75] = 0x627,
    [0xA9] = 0x643, [0xCC] = 0x64A, [0xC0] = 0x647, [0xD4] = '.',
    [0xD6] = DROP, [0xD7] = DROP, [0xD8] = DROP, [0xD9] = DROP, [0xDA] = DROP,
    [0xDB] = DROP, [0xDC] = DROP, [0xDF] = DROP, [0xE0] = DROP, [0xE1] = DROP,
    [0xE2] = DROP, [0xE3] = DROP, [0xE4] = DROP, [0xE7] = DROP, [0xE8] = DROP,
    [0xEA] = DROP, [0xEB] = DROP, [0xEC] = DROP, [0xED] = DROP,
    [0xF0] = '0', [0xF1] = '1', [0xF2] = '2', [0xF3] = '3', [0xF4] = '4',
    [0xF5] = '5', [0xF6] = '6', [0xF7] = '7', [0xF8] = '8', [0xF9] = '9',
};

static size_t fold_presentation(uint32_t cp, char *out)
{
    utf8proc_int32_t parts[8];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, parts, 8,
                                                 UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
    if (n <= 0 || n > 8)
        return utf8_encode(cp, out);
    char tmp[8 * FOLD_CP_MAX];
    size_t len = 0;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        uint32_t p = (uint32_t)parts[i];
        if ((p >= 0xFB50 && p <= 0xFDFF) || (p >= 0xFE70 && p <= 0xFEFF))
            len += utf8_encode(p, tmp + len); /* no further decomposition */
        else
            len += text_fold_cp(p, tmp + len);
    }
    if (len > 9) /* e.g. ﷺ: keep the 3× bound */
        return utf8_encode(cp, out);
    memcpy(out, tmp, len);
    return len;
}

size_t text_fold_cp(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        return 1;
    }
    if (cp >= 0x600 && cp <= 0x6FF) {
        uint16_t m = text_arabic_map[cp - 0x600];
        if (m == DROP)
            return 0;
        return utf8_encode(m ? m : cp, out);
    }
    switch (cp) {
    case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
        out[0] = ' ';
        return 1;
    case 0xAB: case 0xBB: case 0x201C: case 0x201D: case 0x201E:
        out[0] = '"';
        return 1;
    case 0x2018: case 0x2019:
        out[0] = '\'';
        return 1;
    case 0xAD: case 0x2060: case 0x2061: case 0x2062: case 0x2063: case 0x2064: case 0xFEFF:
        return 0;
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A) {
        out[0] = ' ';
        return 1;
    }
    if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2066 && cp <= 0x2069))
        return 0;
    if ((cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE))
        return fold_presentation(cp, out);
    if (cp > 0x10FFFF)
        return utf8_encode(0xFFFD, out);
    if (cp < 0x2C00 || (cp >= 0xA640 && cp <= 0xABFF) || (cp >= 0xFF21 && cp <= 0xFF5A))
        return utf8_encode((uint32_t)utf8proc_tolower((utf8proc_int32_t)cp), out);
    return utf8_encode(cp, out);
}

/* The unbounded, map-free case: no per-byte checks for room or offsets. */
size_t text_fold_word(const unsigned char *s, size_t len, char *out)
{
    size_t i = 0, o = 0;
    while (i < len) {
        unsigned c = s[i];
        if ((c == 0xD8 || c == 0xD9) && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
            uint32_t cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
            uint16_t m = text_arabic_map[cp - 0x600];
            if (m == 0) {
                out[o] = (char)c;
                out[o + 1] = (char)s[i + 1];
                o += 2;
            } else if (m != DROP) {
                o += utf8_encode(m, out + o);
            }
            i += 2;
            continue;
        }
        if (c < 0x80) {
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        o += cp == UTF8_BAD ? utf8_encode(0xFFFD, out + o) : text_fold_cp(cp, out + o);
        i += n;
    }
    out[o] = '\0';
    return o;
}

size_t raml_fold(const char *in, size_t len, char *out, size_t out_cap, uint32_t *map)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0, o = 0;
    if (out_cap == 0)
        return 0;
    /* A fold never grows past 3x (see text.h): with that much room nothing is cut short. */
    if (!map && (out_cap - 1) / 3 >= len)
        return text_fold_word(s, len, out);
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) { /* ASCII fast path */
            if (o + 1 >= out_cap)
                break;
            if (map)
                map[o] = (uint32_t)i;
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        if ((c == 0xD8 || c == 0xD9) && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
            /* Arabic letters: most common case, a 2-byte sequence mapped by the table */
            uint32_t cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
            uint16_t m = text_arabic_map[cp - 0x600];
            if (m == 0) {
                if (o + 2 >= out_cap)
                    break;
                if (map)
                    map[o] = map[o + 1] = (uint32_t)i;
                out[o++] = (char)c;
                out[o++] = (char)s[i + 1];
                i += 2;
                continue;
            }
        }
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        char tmp[FOLD_CP_MAX];
        size_t k = cp == UTF8_BAD ? utf8_encode(0xFFFD, tmp) : text_fold_cp(cp, tmp);
        if (o + k >= out_cap)
            break;
        for (size_t j = 0; j < k; j++) {
            if (map)
                map[o] = (uint32_t)i;
            out[o++] = tmp[j];
        }
        i += n;
    }
    out[o] = '\0';
    return o;
}

char *raml_fold_arena(raml_arena *a, const char *in, size_t len, size_t *out_len)
{
    size_t cap = 3 * len + 1;
    char *out = raml_arena_alloc(a, cap);
    if (!out) {
        if (out_len)
            *out_len = 0;
        return NULL;
    }
    size_t n = raml_fold(in, len, out, cap, NULL);
    if (out_len)
        *out_len = n;
    return out;
}
