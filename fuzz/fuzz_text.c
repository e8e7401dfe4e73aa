/* libFuzzer target for the text layer: raml_text_analyze (with a small in-process guard
 * set) and raml_fold on arbitrary bytes. Checks the invariants later stages rely on:
 * offsets monotonic and in bounds, spans on UTF-8 boundaries, code point offsets
 * consistent with byte offsets, repaired text valid UTF-8 without NUL, sentences covering
 * tokens in order, folded output within the 3× bound with a monotonic map. */
#include "text/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static raml_wordset *guard;
static raml_arena arena;

#define ASSERT(c)          \
    do {                   \
        if (!(c))          \
            __builtin_trap(); \
    } while (0)

static bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

static void init(void)
{
    static const char *const words[] = {"قوات", "جيش", "مدينه", "بنغازي", "ليبيا", "وليد",
                                        "يقصف", "حكومه", "سيطره", "موصل", "الموصل", "علي"};
    guard = raml_wordset_new();
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        raml_wordset_add(guard, words[i], strlen(words[i]));
    raml_arena_init(&arena, 1 << 16);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!guard)
        init();
    raml_arena_reset(&arena);
    const char *in = (const char *)data;

    /* fold with a map */
    size_t cap = 3 * size + 1;
    char *out = malloc(cap);
    uint32_t *map = malloc(cap * sizeof *map);
    size_t n = raml_fold(in, size, out, cap, map);
    ASSERT(n < cap && out[n] == '\0');
    for (size_t k = 0; k < n; k++) {
        ASSERT(map[k] < size);
        ASSERT(k == 0 || map[k] >= map[k - 1]);
    }
    /* a smaller buffer truncates but never overflows */
    if (size > 4) {
        size_t n2 = raml_fold(in, size, out, size / 2 + 1, NULL);
        ASSERT(n2 <= size / 2);
    }
    free(out);
    free(map);

    raml_text t;
    raml_error err;
    raml_text_opts o = {.guard = guard, .max_sentence_tokens = 1 + (size % 90)};
    ASSERT(raml_text_analyze(&arena, in, size, &o, &t, &err) == RAML_OK);
    ASSERT(t.text[t.len] == '\0' && strlen(t.text) == t.len);
    /* text is valid UTF-8 (the NFC output of utf8proc over repaired text) */
    uint32_t cps = 0;
    uint32_t *cp_at = malloc((t.len + 1) * sizeof *cp_at);
    for (size_t b = 0; b <= t.len; b++) {
        cp_at[b] = cps;
        if (b < t.len && !is_cont((unsigned char)t.text[b]))
            cps++;
    }
    for (size_t i = 0; i < t.ntokens; i++) {
        const raml_token *k = &t.tokens[i];
        ASSERT(k->bstart < k->bend && k->bend <= t.len);
        ASSERT(i == 0 || k->bstart >= t.tokens[i - 1].bend);
        ASSERT(!is_cont((unsigned char)t.text[k->bstart]));
        ASSERT(k->bend == t.len || !is_cont((unsigned char)t.text[k->bend]));
        ASSERT(k->cstart == cp_at[k->bstart] && k->cend == cp_at[k->bend]);
        ASSERT(k->norm && k->stem);
        ASSERT(strlen(k->stem) <= strlen(k->norm) + 2);
    }
    size_t next = 0;
    for (size_t s = 0; s < t.nsentences; s++) {
        const raml_sentence *se = &t.sentences[s];
        ASSERT(se->first == next && se->count > 0 && se->count <= o.max_sentence_tokens + 0u);
        next = se->first + se->count;
        ASSERT(next <= t.ntokens);
        ASSERT(se->bstart == t.tokens[se->first].bstart && se->bend == t.tokens[next - 1].bend);
    }
    ASSERT(next == t.ntokens);
    for (size_t i = 0; i < t.nissues; i++)
        ASSERT(t.issues[i].offset >= 0 && (size_t)t.issues[i].offset < size);
    free(cp_at);
    return 0;
}
