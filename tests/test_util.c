/* The arena, the buffer and its JSON string escaping. */
#include "harness.h"
#include "util/arena.h"
#include "util/buf.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>

/* The writer's number formatting must equal printf's byte for byte (raml.event/1 output is
 * compared across versions); count the values where it does not. */
static int printf_mismatches(double v)
{
    char want[512];
    raml_buf b;
    int bad = 0;
    raml_buf_init(&b);
    static const int precs[] = {0, 1, 2, 5, 6, 9};
    for (size_t i = 0; i < sizeof precs / sizeof *precs; i++) {
        snprintf(want, sizeof want, "%.*f", precs[i], v);
        raml_buf_clear(&b);
        raml_buf_put_fixed(&b, v, precs[i]);
        if (!b.data || strcmp(b.data, want) != 0) {
            fprintf(stderr, "%%.%df of %.17g: \"%s\", printf \"%s\"\n", precs[i], v,
                    b.data ? b.data : "", want);
            bad++;
        }
    }
    snprintf(want, sizeof want, "%.6g", v);
    raml_buf_clear(&b);
    raml_buf_put_g6(&b, v);
    if (!b.data || strcmp(b.data, want) != 0) {
        fprintf(stderr, "%%.6g of %.17g: \"%s\", printf \"%s\"\n", v, b.data ? b.data : "", want);
        bad++;
    }
    raml_buf_free(&b);
    return bad;
}

static void check_numbers(void)
{
    raml_buf b;
    raml_buf_init(&b);
    raml_buf_put_long(&b, LONG_MIN);
    raml_buf_putc(&b, ' ');
    raml_buf_put_long(&b, -7);
    raml_buf_putc(&b, ' ');
    raml_buf_put_ulong(&b, 0);
    raml_buf_putc(&b, ' ');
    raml_buf_put_ulong(&b, ULONG_MAX);
    char want[96];
    snprintf(want, sizeof want, "%ld -7 0 %lu", LONG_MIN, ULONG_MAX);
    CHECK_STR(b.data, want);
    /* Digit pairs: every count of digits, with each boundary on both sides. */
    int badu = 0;
    for (unsigned long p10 = 1; p10 && p10 <= ULONG_MAX / 10; p10 *= 10) {
        const unsigned long vs[] = {p10 - 1, p10, p10 + 1, p10 * 10 - 1, p10 * 7 + 3};
        for (size_t i = 0; i < sizeof vs / sizeof *vs; i++) {
            raml_buf_clear(&b);
            raml_buf_put_ulong(&b, vs[i]);
            snprintf(want, sizeof want, "%lu", vs[i]);
            badu += strcmp(b.data, want) != 0;
        }
    }
    CHECK_INT(badu, 0);
    raml_buf_free(&b);

    static const double fixed[] = {0.0, -0.0, 0.125, 0.375, 2.5, -2.5, 0.005, 1.005, 0.45, 0.7,
                                   -9.5, 7.4, -4.4, 9.999996, 99999.95, 999999.5, 36.123455,
                                   -122.419415, 1e-300, 5e-324, 1e15, 4503599627370496.0,
                                   1e300, INFINITY, -INFINITY, NAN};
    int bad = 0;
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        bad += printf_mismatches(fixed[i]);
    /* Random bit patterns over a wide exponent range, exact ties (k/2^n) and the two-decimal
     * and coordinate values the writer sees most. */
    uint64_t x = 88172645463325252ull;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double r = (double)(x >> 11) / 9007199254740992.0; /* [0, 1) */
        double v;
        switch (i % 5) {
        case 0: v = ldexp(r, (int)(x % 64) - 20); break;
        case 1: v = (double)(long)(x % 2000001 - 1000000) / (double)(1 << (x % 12)); break;
        case 2: v = (double)(long)(x % 2001 - 1000) / 100.0; break;
        case 3: v = (double)(long)(x % 36000001 - 18000000) / 1e5; break;
        default: v = (r - 0.5) * 2e6; break;
        }
        bad += printf_mismatches(v);
        if (bad > 20)
            break;
    }
    CHECK_INT(bad, 0);
}

/* The 8-bytes-at-a-time scan against a byte-by-byte escape, with the special bytes at every
 * offset of strings of every length up to 40. */
static void check_json_escape(void)
{
    static const unsigned char specials[] = {'"', '\\', '\n', '\r', '\t', 0x01, 0x1f, 0x20, 0x21,
                                             0x5c ^ 0x80, 0x22 ^ 0x80, 0x7f, 0x80, 0xd8, 0xff};
    char in[48], want[512];
    raml_buf b;
    raml_buf_init(&b);
    int bad = 0;
    for (size_t len = 1; len <= 40; len++) {
        for (size_t at = 0; at < len; at++) {
            for (size_t k = 0; k < sizeof specials; k++) {
                for (size_t i = 0; i < len; i++)
                    in[i] = (char)(i % 2 ? 0xd8 : 0xa7); /* Arabic bytes around it */
                in[at] = (char)specials[k];
                size_t w = 0;
                want[w++] = '"';
                for (size_t i = 0; i < len; i++) {
                    unsigned char c = (unsigned char)in[i];
                    if (c == '"' || c == '\\')
                        w += (size_t)sprintf(want + w, "\\%c", c);
                    else if (c == '\n')
                        w += (size_t)sprintf(want + w, "\\n");
                    else if (c == '\r')
                        w += (size_t)sprintf(want + w, "\\r");
                    else if (c == '\t')
                        w += (size_t)sprintf(want + w, "\\t");
                    else if (c < 0x20)
                        w += (size_t)sprintf(want + w, "\\u%04x", c);
                    else
                        want[w++] = (char)c;
                }
                want[w++] = '"';
                want[w] = '\0';
                raml_buf_clear(&b);
                raml_buf_json_stringn(&b, in, len);
                bad += !b.data || strcmp(b.data, want) != 0;
            }
        }
    }
    CHECK_INT(bad, 0);
    raml_buf_free(&b);
}

int main(void)
{
    check_numbers();
    check_json_escape();

    raml_arena a;
    raml_arena_init(&a, 64);
    char *big = raml_arena_alloc(&a, 1000); /* larger than a block */
    CHECK(big != NULL);
    memset(big, 'x', 1000);
    char *s = raml_arena_strdup(&a, "سرت");
    CHECK_STR(s, "سرت");
    CHECK((((size_t)raml_arena_alloc(&a, 3)) & 15) == 0);
    int *arr = raml_arena_calloc(&a, 4, sizeof *arr);
    arr[3] = 7;
    arr = raml_arena_grow(&a, arr, 4 * sizeof *arr, 8 * sizeof *arr);
    CHECK_INT(arr[3], 7);
    raml_arena_reset(&a);
    CHECK_INT(a.total, 0);
    CHECK(raml_arena_alloc(&a, 10) != NULL);
    raml_arena_free(&a);

    raml_buf b;
    raml_buf_init(&b);
    raml_buf_json_string(&b, "a\"b\\c\n\x01درنة");
    CHECK_STR(b.data, "\"a\\\"b\\\\c\\n\\u0001درنة\"");
    raml_buf_clear(&b);
    raml_buf_json_string(&b, NULL);
    CHECK_STR(b.data, "null");
    raml_buf_clear(&b);
    raml_buf_json_stringn(&b, "", 0);
    CHECK_STR(b.data, "\"\"");
    raml_buf_clear(&b);
    for (int i = 0; i < 1000; i++)
        raml_buf_printf(&b, "%d,", i);
    CHECK(b.len > 3000 && !b.failed);
    raml_buf_free(&b);
    return harness_finish("util");
}
