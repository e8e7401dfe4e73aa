/* UTF-8 decoding shared by the text layer. Every caller may see arbitrary bytes (the fold
 * and tokenise entry points are public), so decoding validates: an invalid sequence yields
 * U+FFFD and the length of its maximal valid prefix (at least 1), never reading past n. */
#ifndef RAML_TEXT_UTF8_H
#define RAML_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_BAD 0xFFFFFFFFu

/* Decodes one code point from s[0..n), n >= 1. Returns the bytes consumed; *cp is UTF8_BAD
 * for an invalid sequence (and the return value is its maximal-subpart length). */
static inline size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        if (n >= 2 && (s[1] & 0xC0) == 0x80) {
            *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
            return 2;
        }
        *cp = UTF8_BAD;
        return 1;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        if (n < 2 || s[1] < lo || s[1] > hi) {
            *cp = UTF8_BAD;
            return 1;
        }
        if (n < 3 || (s[2] & 0xC0) != 0x80) {
            *cp = UTF8_BAD;
            return 2;
        }
        *cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        if (n < 2 || s[1] < lo || s[1] > hi) {
            *cp = UTF8_BAD;
            return 1;
        }
        if (n < 3 || (s[2] & 0xC0) != 0x80) {
            *cp = UTF8_BAD;
            return 2;
        }
        if (n < 4 || (s[3] & 0xC0) != 0x80) {
            *cp = UTF8_BAD;
            return 3;
        }
        *cp = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        return 4;
    }
    *cp = UTF8_BAD;
    return 1;
}

static inline size_t utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

#endif
