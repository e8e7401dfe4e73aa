/*
 * Bytes → repaired NFC text. Two passes: the first validates and measures (so the output is
 * allocated once, exactly), the second writes. utf8proc's NFC runs at ~50 MB/s, so it is
 * called only when the first pass saw a code point NFC could change; pure Arabic and ASCII
 * news never pays for it. The first pass takes 16 bytes at a time with SSE2 (part of every
 * x86-64) where the text is plain ASCII and base-block Arabic letters, which is most of
 * it; elsewhere, and on other machines, it goes byte by byte.
 */
#include "text/internal.h"
#include "text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Beyond this many problems a document is binary or badly encoded; one summary issue says
 * how many more there were instead of keeping one record per byte. */
#define MAX_ISSUES 1000

static const char MSG_INVALID[] = "invalid UTF-8 sequence (replaced with U+FFFD)";
static const char MSG_NUL[] = "NUL byte (replaced with U+FFFD)";

/* True when NFC might change the text around cp (conservative: false positives only cost
 * a utf8proc pass). last_ccc tracks canonical ordering of consecutive marks. */
static bool nfc_sensitive(uint32_t cp, unsigned *last_ccc)
{
    if (cp < 0x300 || (cp >= 0x600 && cp <= 0x60F) || (cp >= 0x61B && cp <= 0x64A) ||
        (cp >= 0x660 && cp <= 0x66F) || (cp >= 0x671 && cp <= 0x6D5) ||
        (cp >= 0x6EE && cp <= 0x6FF) || (cp >= 0x2000 && cp <= 0x2125) ||
        (cp >= 0xFB50 && cp <= 0xFEFF)) {
        *last_ccc = 0;
        return false;
    }
    if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2))
        return true; /* Hangul vowel/trailing jamo compose algorithmically */
    const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
    unsigned ccc = p->combining_class;
    bool sensitive = p->comp_exclusion ||
                     (p->comb_index != UINT16_MAX && (p->comb_index & 0x8000)) ||
                     (p->decomp_type == 0 && p->decomp_seqindex != UINT16_MAX) ||
                     (ccc && *last_ccc > ccc);
    *last_ccc = ccc;
    return sensitive;
}

#if defined(__SSE2__)
/* Pass 1's vector path: from i, skips 16-byte blocks made only of characters that need no
 * repair and that NFC cannot change — printable ASCII, LF, TAB and the two-byte letters
 * U+0600–060F, U+061B–064A — and returns where the first other block starts (a block
 * whose last byte starts a letter takes the letter's second byte with it). Every skipped
 * character has combining class 0, which is what the scalar loop's last_ccc must hear. */
static size_t skip_plain(const unsigned char *s, size_t i, size_t len, bool *any)
{
    const __m128i x1f = _mm_set1_epi8(0x1F), lf = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t');
    const __m128i d8 = _mm_set1_epi8((char)0xD8), d9 = _mm_set1_epi8((char)0xD9);
    const __m128i top2 = _mm_set1_epi8((char)0xC0), cont = _mm_set1_epi8((char)0x80);
    const __m128i bias = _mm_set1_epi8((char)0x80);
    /* continuation bytes biased to 0x00–0x3F, compared as signed */
    const __m128i lo_d8_end = _mm_set1_epi8(0x10), hi_d8_start = _mm_set1_epi8(0x1A),
                  d9_end = _mm_set1_epi8(0x0B);
    while (i + 17 <= len) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i nx = _mm_loadu_si128((const __m128i *)(s + i + 1));
        __m128i is_d8 = _mm_cmpeq_epi8(v, d8), is_d9 = _mm_cmpeq_epi8(v, d9);
        __m128i is_cont = _mm_cmpeq_epi8(_mm_and_si128(v, top2), cont);
        __m128i ascii = _mm_or_si128(_mm_cmpgt_epi8(v, x1f),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, tab)));
        /* the byte after each lead, as 0x00–0x3F when it is a continuation byte */
        __m128i u = _mm_xor_si128(nx, bias);
        __m128i nx_cont = _mm_cmpeq_epi8(_mm_and_si128(nx, top2), cont);
        __m128i ok8 = _mm_and_si128(nx_cont, _mm_or_si128(_mm_cmplt_epi8(u, lo_d8_end),
                                                          _mm_cmpgt_epi8(u, hi_d8_start)));
        __m128i ok9 = _mm_and_si128(nx_cont, _mm_cmplt_epi8(u, d9_end));
        unsigned m_d8 = (unsigned)_mm_movemask_epi8(is_d8);
        unsigned m_d9 = (unsigned)_mm_movemask_epi8(is_d9);
        unsigned m_cont = (unsigned)_mm_movemask_epi8(is_cont);
        unsigned m_ascii = (unsigned)_mm_movemask_epi8(ascii);
        unsigned bad8 = m_d8 & ~(unsigned)_mm_movemask_epi8(ok8);
        unsigned bad9 = m_d9 & ~(unsigned)_mm_movemask_epi8(ok9);
        unsigned leads = m_d8 | m_d9;
        if (bad8 | bad9 || ((m_ascii | leads | m_cont) & 0xFFFF) != 0xFFFF ||
            (m_cont & 0xFFFF) != ((leads << 1) & 0xFFFF))
            break;
        *any = true;
        i += (leads & 0x8000) ? 17 : 16;
    }
    return i;
}
#endif

typedef struct scan {
    size_t out_len;
    size_t nbad;
    bool nfc;
} scan;

static void add_issue(raml_issue *issues, size_t *n, long off, const char *msg)
{
    if (*n < MAX_ISSUES)
        issues[*n] = (raml_issue){.offset = off, .message = msg};
    (*n)++;
}

raml_status raml_text_read(raml_arena *a, const char *bytes, size_t len, raml_read_result *out,
                           raml_error *err)
{
    memset(out, 0, sizeof *out);
    const unsigned char *s = (const unsigned char *)bytes;
    size_t i = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        i = 3;
    const size_t start = i;

    /* Pass 1: output size, number of problems, whether NFC is needed. The loop is shaped
     * for news text: printable ASCII and two-byte Arabic letters (U+0600–064A outside the
     * Quranic marks) are checked with a couple of compares and no decoding. */
    scan sc = {.out_len = len - start};
    bool clean = true; /* no CR, NUL or invalid sequence: pass 2 is one memcpy */
    unsigned last_ccc = 0;
#if defined(__SSE2__)
    size_t scalar_until = 0; /* after a block the vector path refused, 16 bytes go scalar */
#endif
    while (i < len) {
#if defined(__SSE2__)
        if (i >= scalar_until) {
            bool any = false;
            i = skip_plain(s, i, len, &any);
            if (any)
                last_ccc = 0;
            scalar_until = i + 16;
            if (i >= len)
                break;
        }
#endif
        unsigned c = s[i];
        if (c >= 0x20 && c < 0x80) {
            i++;
            continue;
        }
        if ((c == 0xD8 || c == 0xD9) && i + 1 < len) {
            unsigned c1 = s[i + 1];
            if (c == 0xD8 ? (c1 >= 0x80 && c1 <= 0xBF && (c1 < 0x90 || c1 > 0x9A))
                          : (c1 >= 0x80 && c1 <= 0x8A)) {
                i += 2;
                last_ccc = 0;
                continue;
            }
        }
        if (c == '\n' || c == '\t') {
            i++;
            last_ccc = 0;
            continue;
        }
        if (c == '\r') {
            clean = false;
            if (i + 1 < len && s[i + 1] == '\n') {
                sc.out_len--;
                i += 2;
            } else {
                i++;
            }
            last_ccc = 0;
            continue;
        }
        if (c == 0) {
            clean = false;
            sc.out_len += 2;
            sc.nbad++;
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (cp == UTF8_BAD) {
            clean = false;
            sc.out_len += 3 - n;
            sc.nbad++;
        } else if (!sc.nfc && nfc_sensitive(cp, &last_ccc)) {
            sc.nfc = true;
        }
        i += n;
    }

    char *text = raml_arena_alloc(a, sc.out_len + 1);
    size_t nrec = sc.nbad < MAX_ISSUES ? sc.nbad : MAX_ISSUES + 1;
    raml_issue *issues = nrec ? raml_arena_alloc(a, nrec * sizeof *issues) : NULL;
    if (!text || (nrec && !issues))
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");

    /* Pass 2: write. */
    size_t o = 0, nissues = 0;
    i = start;
    if (clean) {
        memcpy(text, s + start, len - start);
        o = len - start;
        i = len;
    }
    while (i < len) {
        unsigned c = s[i];
        if (c >= 0x20 && c < 0x80) {
            /* copy the whole printable ASCII / valid run quickly */
            text[o++] = (char)c;
            i++;
            continue;
        }
        if (c == '\r') {
            text[o++] = '\n';
            i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (c == 0) {
            add_issue(issues, &nissues, (long)i, MSG_NUL);
            o += utf8_encode(0xFFFD, text + o);
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (cp == UTF8_BAD) {
            add_issue(issues, &nissues, (long)i, MSG_INVALID);
            o += utf8_encode(0xFFFD, text + o);
        } else {
            memcpy(text + o, s + i, n);
            o += n;
        }
        i += n;
    }
    text[o] = '\0';
    if (nissues > MAX_ISSUES) {
        char msg[128];
        snprintf(msg, sizeof msg,
                 "%zu more invalid UTF-8 sequences or NUL bytes (binary input?), all replaced",
                 nissues - MAX_ISSUES);
        issues[MAX_ISSUES] = (raml_issue){.offset = issues[MAX_ISSUES - 1].offset,
                                          .message = raml_arena_strdup(a, msg)};
        nissues = MAX_ISSUES + 1;
    }

    if (sc.nfc) {
        utf8proc_uint8_t *nfc = NULL;
        utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)o,
                                          &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (n < 0) {
            free(nfc);
            if (n == UTF8PROC_ERROR_NOMEM)
                return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
            /* Cannot happen on repaired text; keep it unnormalised rather than fail. */
        } else {
            text = raml_arena_strndup(a, (const char *)nfc, (size_t)n);
            free(nfc);
            if (!text)
                return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
            o = (size_t)n;
        }
    }
    out->text = text;
    out->len = o;
    out->issues = issues;
    out->nissues = nissues;
    return RAML_OK;
}
