/* The text layer's fast paths against slow references: the vector scan of raml_text_read,
 * the fused scan-and-fold of the tokeniser, the segmentation cache, and the guard word set
 * (8-byte slots, long words, the word list read in place). Random inputs are generated from
 * a fixed seed, so a failure reproduces. */
#include "harness.h"
#include "text/internal.h"
#include "text/utf8.h"

#include <fcntl.h>
#include <stdint.h>
#include <unistd.h>
#include <utf8proc.h>

static raml_arena A;
static uint64_t rs = 0x9E3779B97F4A7C15ull;
static uint64_t rnd(void)
{
    rs ^= rs << 13;
    rs ^= rs >> 7;
    rs ^= rs << 17;
    return rs;
}

/* Pieces that random texts are made of: plain Arabic and ASCII (the vector path), and
 * everything that must leave it — CR, NUL, invalid bytes, marks NFC reorders or composes,
 * other scripts, presentation forms, format marks, digits. */
static const char *const pieces[] = {
    "قوات ", "الجيش ", "مدينة ", "وبالقوات ", "سيطرته ", "في ", "على ", "، ", ". ", "\n",
    "abc ", "NATO ", "12 ", "1,500 ", "2017/6/4 ", "\t", "\r\n", "\r", "\x00", "\xFF",
    "\xC0\xAF", "\xED\xA0\x80", "\xD9", "\xE2\x80", "e\xCC\x81", "\xD8\xA7\xD9\x93",
    "\xD8\xB4\xD9\x91\xD9\x8E", "\xD9\x8E", "\xD9\x91", "ـ", "\xE2\x80\x8C", "\xE2\x80\x8F",
    "\xC2\xA0", "ﺳﺮﺕ", "ﷲ", "ﷺ", "ک", "ی", "\xD8\x90", "\xDB\x96", "١٢", "٫", "中文", "Ünited",
    "\xF0\x9F\x98\x80", "\xEF\xBB\xBF", "\xEF\xBF\xBD", "\x0B", "https://x.org/a ", "…",
};

static size_t random_text(char *buf, size_t cap)
{
    size_t np = sizeof pieces / sizeof *pieces, len = 0;
    int n = 1 + (int)(rnd() % 120);
    bool plain = rnd() % 3 == 0; /* long runs the vector path can take whole */
    for (int k = 0; k < n; k++) {
        const char *p = pieces[plain && rnd() % 8 ? rnd() % 12 : rnd() % np];
        size_t pl = p[0] ? strlen(p) : 1;
        if (len + pl >= cap)
            break;
        memcpy(buf + len, p, pl);
        len += pl;
    }
    return len;
}

/* The reference repair: byte by byte, then NFC always (raml_text_read skips NFC when it
 * can tell that nothing would change; it must never skip it wrongly). */
static char *reference_read(const char *in, size_t len, size_t *out_len, size_t *nbad)
{
    const unsigned char *s = (const unsigned char *)in;
    char *out = malloc(3 * len + 1);
    size_t i = len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0, o = 0;
    *nbad = 0;
    while (i < len) {
        if (s[i] == '\r') {
            out[o++] = '\n';
            i += i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
            continue;
        }
        if (s[i] == 0) {
            o += utf8_encode(0xFFFD, out + o);
            (*nbad)++;
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (cp == UTF8_BAD) {
            o += utf8_encode(0xFFFD, out + o);
            (*nbad)++;
        } else {
            memcpy(out + o, s + i, n);
            o += n;
        }
        i += n;
    }
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)out, (utf8proc_ssize_t)o, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    free(out);
    *out_len = n < 0 ? 0 : (size_t)n;
    return (char *)nfc;
}

static void test_read_against_reference(void)
{
    char buf[4096];
    int bad = 0;
    for (int it = 0; it < 4000 && bad < 5; it++) {
        /* an ASCII prefix of 0–17 bytes moves everything across the 16-byte blocks */
        size_t shift = it % 18;
        memset(buf, 'x', shift);
        size_t len = shift + random_text(buf + shift, sizeof buf - shift);
        size_t want_len, nbad;
        char *want = reference_read(buf, len, &want_len, &nbad);
        raml_read_result r;
        raml_error err;
        raml_arena_reset(&A);
        CHECK(raml_text_read(&A, buf, len, &r, &err) == RAML_OK);
        bool same = want && r.len == want_len && memcmp(r.text, want, want_len) == 0 &&
                    r.text[r.len] == '\0' && r.nissues == (nbad > 1000 ? 1001 : nbad);
        if (!same)
            bad++;
        CHECK_MSG(same, "read differs from the reference on text %d (%zu bytes)", it, len);
        free(want);
    }
}

static bool spans_fold(const raml_text *t)
{
    for (size_t i = 0; i < t->ntokens; i++) {
        const raml_token *k = &t->tokens[i];
        size_t fl;
        char *f = raml_fold_arena(&A, t->text + k->bstart, k->bend - k->bstart, &fl);
        if (!f || strcmp(f, k->norm) != 0)
            return false;
    }
    return true;
}

/* Every token's folded form is raml_fold of its span, whatever the word length (the
 * fused scan folds words up to WORD_ROOM bytes as it goes, longer ones afterwards), and
 * tokenising with segmentation gives the tokens of raml_tokenize, cut as
 * raml_segment_token cuts them. */
static void test_tokens_against_reference(raml_wordset *g)
{
    char buf[4096];
    for (int it = 0; it < 1500; it++) {
        size_t len = random_text(buf, sizeof buf - 1);
        if (it % 50 == 0) { /* one very long Arabic word */
            len = 0;
            for (int k = 0; k < 150 + it % 7; k++)
                len += (size_t)snprintf(buf + len, sizeof buf - len, "%s",
                                        k % 9 ? "ق" : "\xD9\x8E");
            len += (size_t)snprintf(buf + len, sizeof buf - len, " وبالقوات");
        }
        raml_arena_reset(&A);
        raml_text t;
        raml_error err;
        raml_text_opts o = {.guard = g};
        CHECK(raml_text_analyze(&A, buf, len, &o, &t, &err) == RAML_OK);
        CHECK_MSG(spans_fold(&t), "a folded form differs from raml_fold on text %d", it);
        raml_token *tk;
        size_t nt;
        CHECK(raml_tokenize(&A, t.text, t.len, &tk, &nt) == RAML_OK);
        CHECK_INT(nt, t.ntokens);
        for (size_t i = 0; i < nt && i < t.ntokens; i++) {
            raml_segment_token(&A, &tk[i], g);
            const raml_token *a = &t.tokens[i], *b = &tk[i];
            bool same = a->bstart == b->bstart && a->bend == b->bend && a->cstart == b->cstart &&
                        a->cend == b->cend && a->kind == b->kind && !strcmp(a->norm, b->norm) &&
                        !strcmp(a->stem, b->stem) && a->proclitics == b->proclitics &&
                        a->stem_known == b->stem_known && a->value == b->value &&
                        ((!a->enclitic && !b->enclitic) ||
                         (a->enclitic && b->enclitic && !strcmp(a->enclitic, b->enclitic)));
            CHECK_MSG(same, "text %d token %zu: %s/%s differs", it, i, a->norm, b->norm);
        }
    }
}

/* The per-thread segmentation cache: many words, each cut the same way the first time (a
 * miss) and every time after (hits, in either way of a two-way set); a new guard word
 * forgets the cache. */
static void test_segment_cache(raml_wordset *g)
{
    enum { N = 3000 };
    static char words[N][32];
    static raml_token first[N];
    static const char *const pre[] = {"", "و", "ب", "ال", "وال", "لل", "ف"};
    static const char *const stems[] = {"قوات", "مدينه", "سيطره", "جيش", "بنغازي", "حكومه"};
    static const char *const suf[] = {"", "ها", "هم", "ه", "نا"};
    for (int i = 0; i < N; i++) {
        snprintf(words[i], sizeof words[i], "%s%s%s%s", pre[i % 7], stems[(i / 7) % 6],
                 suf[(i / 42) % 5], i >= 210 ? "ي" : "");
        if (i >= 420) /* distinct words beyond the combinations above */
            snprintf(words[i], sizeof words[i], "%sكلمه%c%c", pre[i % 7], 'a' + i % 26,
                     'a' + (i / 26) % 26);
    }
    for (int round = 0; round < 3; round++)
        for (int i = 0; i < N; i++) {
            raml_token t = {.kind = RAML_TOK_ARABIC, .norm = words[i]};
            raml_segment_token(&A, &t, g);
            if (round == 0) {
                first[i] = t;
                continue;
            }
            const raml_token *f = &first[i];
            bool same = !strcmp(t.stem, f->stem) && t.proclitics == f->proclitics &&
                        t.stem_known == f->stem_known &&
                        ((!t.enclitic && !f->enclitic) ||
                         (t.enclitic && f->enclitic && !strcmp(t.enclitic, f->enclitic)));
            CHECK_MSG(same, "%s: cut differently on round %d", words[i], round);
        }
    raml_token t = {.kind = RAML_TOK_ARABIC, .norm = "وبسكويت"};
    raml_segment_token(&A, &t, g);
    CHECK_STR(t.stem, "وبسكويت");
    raml_wordset_add(g, "بسكويت", strlen("بسكويت"));
    t = (raml_token){.kind = RAML_TOK_ARABIC, .norm = "وبسكويت"};
    raml_segment_token(&A, &t, g);
    CHECK_STR(t.stem, "بسكويت");
    CHECK_INT(t.proclitics, RAML_PRO_WA);
}

/* Long words keep their length outside the slot; NUL bytes and shared prefixes are fine. */
static void test_wordset_edges(void)
{
    raml_wordset *ws = raml_wordset_new();
    char big[1200];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (char)('a' + i % 26);
    size_t lens[] = {1, 2, 7, 8, 9, 16, 254, 255, 256, 257, 1000, 1200};
    for (size_t k = 0; k < sizeof lens / sizeof *lens; k++)
        CHECK(raml_wordset_add(ws, big, lens[k]));
    CHECK_INT(raml_wordset_size(ws), sizeof lens / sizeof *lens);
    for (size_t n = 0; n <= sizeof big; n++) {
        bool want = false;
        for (size_t k = 0; k < sizeof lens / sizeof *lens; k++)
            want |= lens[k] == n;
        CHECK_MSG(raml_wordset_has(ws, big, n) == want, "length %zu", n);
    }
    CHECK(raml_wordset_add(ws, "a\0b", 3));
    CHECK(raml_wordset_has(ws, "a\0b", 3));
    CHECK(!raml_wordset_has(ws, "a\0c", 3));
    CHECK(!raml_wordset_has(ws, "", 0));
    CHECK(raml_wordset_add(ws, "", 0)); /* ignored */
    size_t before = raml_wordset_size(ws);
    CHECK(raml_wordset_add(ws, big, 255)); /* already in */
    CHECK_INT(raml_wordset_size(ws), before);
    raml_wordset_free(ws);
}

static char *write_temp(const char *content, size_t len)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/raml_tf_XXXXXX");
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK(write(fd, content, len) == (ssize_t)len);
    close(fd);
    return path;
}

/* The word list is read in place: each line's first cell, folded (in place when folding
 * shrinks it, appended when it grows, as ﷲ → الله), comments, blank and over-long lines
 * skipped, CRLF and a missing last newline handled; loading into a non-empty set adds. */
static void test_wordset_tsv(void)
{
    char long255[256], long300[301];
    memset(long255, 'q', 255);
    long255[255] = '\0';
    memset(long300, 'r', 300);
    long300[300] = '\0';
    char content[2048];
    int n = snprintf(content, sizeof content,
                     "# comment\n\nمدينة\tnoun\r\nأحمد\nقُوّات\tx\tyy\nABC\nﷲ\n%s\n%s\n\tlead tab\n"
                     "ﺳﺮﺕ\n# مدينة2\nمدينة\nlast-no-newline",
                     long255, long300);
    const char *path = write_temp(content, (size_t)n);
    raml_wordset *ws = raml_wordset_new();
    raml_wordset_add(ws, "before", 6);
    raml_error err;
    CHECK(raml_wordset_load_tsv(ws, path, &err));
    const char *const want[] = {"before", "مدينه", "احمد", "قوات", "abc", "الله", long255, "سرت",
                                "last-no-newline"};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        CHECK_MSG(raml_wordset_has(ws, want[i], strlen(want[i])), "missing %.20s", want[i]);
    CHECK_INT(raml_wordset_size(ws), sizeof want / sizeof *want);
    CHECK(!raml_wordset_has(ws, long300, 300));
    CHECK(!raml_wordset_has(ws, "ﷲ", strlen("ﷲ")));
    CHECK(!raml_wordset_has(ws, "# comment", 9));
    raml_wordset_free(ws);
    remove(path);

    /* an empty file, and a file of comments only */
    static const char *const empty[] = {"", "# one\n# two"};
    for (int k = 0; k < 2; k++) {
        path = write_temp(empty[k], strlen(empty[k]));
        ws = raml_wordset_new();
        CHECK(raml_wordset_load_tsv(ws, path, &err));
        CHECK_INT(raml_wordset_size(ws), 0);
        raml_wordset_free(ws);
        remove(path);
    }
}

static raml_wordset *guard(void)
{
    static const char *const words[] = {"قوات", "جيش", "شرطة", "مدينة", "حكومة", "سيطرة", "على",
                                        "بنغازي", "ليبيا", "الموصل", "موصل", "مواقع", NULL};
    raml_wordset *ws = raml_wordset_new();
    char buf[64];
    for (const char *const *w = words; *w; w++)
        raml_wordset_add(ws, buf, raml_fold(*w, strlen(*w), buf, sizeof buf, NULL));
    return ws;
}

int main(void)
{
    raml_arena_init(&A, 1 << 16);
    raml_wordset *g = guard();
    test_read_against_reference();
    test_tokens_against_reference(g);
    test_tokens_against_reference(NULL);
    test_segment_cache(g);
    test_wordset_edges();
    test_wordset_tsv();
    raml_wordset_free(g);
    raml_arena_free(&A);
    return harness_finish("test_text_fast");
}
