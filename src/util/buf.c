#include "buf.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void raml_buf_init(raml_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

void raml_buf_free(raml_buf *b)
{
    free(b->data);
    raml_buf_init(b);
}

void raml_buf_clear(raml_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

bool raml_buf_reserve(raml_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

/* Two digits per division: offsets and counts, written a few hundred thousand times per
 * thousand documents. */
static const char digit_pairs[201] = "00010203040506070809101112131415161718192021222324"
                                     "25262728293031323334353637383940414243444546474849"
                                     "50515253545556575859606162636465666768697071727374"
                                     "75767778798081828384858687888990919293949596979899";

size_t raml_utoa(char *out, unsigned long v)
{
    char tmp[24];
    char *p = tmp + sizeof tmp;
    while (v >= 100) {
        unsigned long r = v % 100;
        v /= 100;
        p -= 2;
        memcpy(p, digit_pairs + 2 * r, 2);
    }
    if (v >= 10) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * v, 2);
    } else {
        *--p = (char)('0' + v);
    }
    size_t n = (size_t)(tmp + sizeof tmp - p);
    memcpy(out, p, n);
    return n;
}

void raml_buf_put_ulong(raml_buf *b, unsigned long v)
{
    char d[24];
    raml_buf_append(b, d, raml_utoa(d, v));
}

void raml_buf_put_long(raml_buf *b, long v)
{
    if (v < 0) {
        raml_buf_putc(b, '-');
        /* Negating in unsigned arithmetic keeps LONG_MIN defined. */
        raml_buf_put_ulong(b, 0ul - (unsigned long)v);
    } else {
        raml_buf_put_ulong(b, (unsigned long)v);
    }
}

/* round(a * 10^prec) with the exact product, ties to even, as glibc's printf rounds: p is
 * the rounded product and e its exact error (fma), so p + e is a*10^prec exactly. Below 2^52
 * the fraction d = p - floor(p) is exact and a multiple of ulp(p), as is 0.5; |e| <= ulp(p)/2
 * can therefore only decide the case d == 0.5. False when a*10^prec is too large for that. */
static bool scaled_round(double a, int prec, uint64_t *out)
{
    static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    if (prec < 0 || prec > 9 || !(a >= 0))
        return false;
    double p = a * p10[prec];
    if (!(p < 4503599627370496.0)) /* 2^52 */
        return false;
    double e = fma(a, p10[prec], -p);
    double fl = floor(p), d = p - fl;
    uint64_t r = (uint64_t)fl;
    if (d > 0.5 || (d == 0.5 && (e > 0 || (e == 0 && (r & 1)))))
        r++;
    *out = r;
    return true;
}

/* r as an integer part and prec fraction digits; with `trim`, trailing fraction zeros and a
 * bare point go, as %g does. */
static void put_scaled(raml_buf *b, bool neg, uint64_t r, int prec, bool trim)
{
    char tmp[48];
    char *end = tmp + sizeof tmp, *p = end;
    bool any = false; /* a fraction digit kept */
    for (int i = 0; i < prec; i++) {
        char c = (char)('0' + r % 10);
        r /= 10;
        if (trim && !any && c == '0')
            continue;
        any = true;
        *--p = c;
    }
    if (prec > 0 && (any || !trim))
        *--p = '.';
    do {
        *--p = (char)('0' + r % 10);
        r /= 10;
    } while (r);
    if (neg)
        *--p = '-';
    raml_buf_append(b, p, (size_t)(end - p));
}

void raml_buf_put_fixed(raml_buf *b, double v, int prec)
{
    uint64_t r;
    if (isfinite(v) && scaled_round(fabs(v), prec, &r)) {
        put_scaled(b, signbit(v) != 0, r, prec, false);
        return;
    }
    raml_buf_printf(b, "%.*f", prec, v);
}

void raml_buf_put_g6(raml_buf *b, double v)
{
    /* %.6g of 1 <= |v| < 1e6 is %f with 5 - X decimals, X = the decimal exponent, trimmed;
     * a rounding that carries into a new digit (9.999996) changes X, so printf gets it. */
    double a = fabs(v);
    if (isfinite(v) && a >= 1 && a < 1e6) {
        int x = a < 1e1 ? 0 : a < 1e2 ? 1 : a < 1e3 ? 2 : a < 1e4 ? 3 : a < 1e5 ? 4 : 5;
        uint64_t r;
        if (scaled_round(a, 5 - x, &r) && r < 1000000) {
            put_scaled(b, v < 0, r, 5 - x, true);
            return;
        }
    }
    raml_buf_printf(b, "%.6g", v);
}

void raml_buf_printf(raml_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        raml_buf_append(b, small, (size_t)n);
        return;
    }
    if (!raml_buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Does any of the 8 bytes need escaping: a control byte, '"' or '\\'? The classic SWAR tests
 * (a byte less than n; a zero byte) may misplace a hit but never miss or invent one. */
static bool json_special8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\');
    uint64_t lt = (x - ones * 0x20) & ~x;
    uint64_t zq = (q - ones) & ~q, zb = (bs - ones) & ~bs;
    return ((lt | zq | zb) & highs) != 0;
}

/* True when none of s[0..n) needs escaping, 8 bytes at a time; a tail is read as one
 * 8-byte word ending at s + n when the string has 8 bytes, else as two 4-byte words or
 * single bytes that may overlap (rereading a byte changes nothing), never past s + n. */
static bool json_plain(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t x;
    if (n >= 8) {
        size_t i = 0;
        for (; n - i > 8; i += 8) {
            memcpy(&x, p + i, 8);
            if (json_special8(x))
                return false;
        }
        memcpy(&x, p + n - 8, 8);
        return !json_special8(x);
    }
    if (n >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, p, 4);
        memcpy(&hi, p + n - 4, 4);
        x = (uint64_t)lo | (uint64_t)hi << 32;
        return !json_special8(x);
    }
    x = 0x6161616161616161ull; /* "aaaaaaaa": needs no escaping */
    if (n) {
        x = (x & ~0xFFFFFFull) | p[0] | (uint64_t)p[n / 2] << 8 | (uint64_t)p[n - 1] << 16;
    }
    return !json_special8(x);
}

void raml_buf_json_stringn(raml_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (!raml_buf_reserve(b, n + 2))
        return;
    /* Text is mostly Arabic, names and codes: nearly every string goes out as it is, into
     * the room just reserved. */
    if (json_plain(s, n)) {
        char *d = b->data + b->len;
        d[0] = '"';
        memcpy(d + 1, s, n);
        d[n + 1] = '"';
        d[n + 2] = '\0';
        b->len += n + 2;
        return;
    }
    raml_buf_putc(b, '"');
    size_t run = 0; /* copy unescaped runs in one go */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        raml_buf_append(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': raml_buf_append(b, "\\\"", 2); break;
        case '\\': raml_buf_append(b, "\\\\", 2); break;
        case '\n': raml_buf_append(b, "\\n", 2); break;
        case '\r': raml_buf_append(b, "\\r", 2); break;
        case '\t': raml_buf_append(b, "\\t", 2); break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            raml_buf_append(b, e, 6);
        }
        }
    }
    raml_buf_append(b, s + run, n - run);
    raml_buf_putc(b, '"');
}

void raml_buf_json_string(raml_buf *b, const char *s)
{
    if (!s) {
        raml_buf_append(b, "null", 4);
        return;
    }
    raml_buf_json_stringn(b, s, strlen(s));
}
