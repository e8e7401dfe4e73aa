/*
 * The text layer: raw bytes → repaired NFC text → tokens (with clitic segments and a
 * folded matching form) → sentences. Everything a later stage needs to point back at the
 * original text is here: every token carries byte and code-point offsets into the repaired
 * NFC text (raml_text.text), never into the folded copy.
 *
 * Internal header: shared by the library's modules, not installed.
 */
#ifndef RAML_TEXT_H
#define RAML_TEXT_H

#include "raml.h"
#include "util/arena.h"
#include "util/hash.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ----- Word sets: the guard lexicon for clitic segmentation ----- */

/* An open-addressing hash set of folded words (UTF-8). Built once (dictionaries + word
 * list), then read-only and shareable between threads. */
typedef struct raml_wordset raml_wordset;
raml_wordset *raml_wordset_new(void);
void raml_wordset_free(raml_wordset *ws);
/* Adds a folded word; returns false only on allocation failure. */
bool raml_wordset_add(raml_wordset *ws, const char *word, size_t len);
bool raml_wordset_has(const raml_wordset *ws, const char *word, size_t len);
bool raml_wordset_remove(raml_wordset *ws, const char *word, size_t len);
size_t raml_wordset_size(const raml_wordset *ws);
/* Adds the first column (folded) of every non-comment line of a TSV file such as
 * data/words.tsv. Returns false with *err filled when the file cannot be read. */
bool raml_wordset_load_tsv(raml_wordset *ws, const char *path, raml_error *err);

/* ----- Folding: the matching form ----- */

/* Folds UTF-8 `in` into the matching form (see fold.c for the table): drops tashkeel and
 * tatweel and bidi marks, unifies alef variants, ى→ي, ة→ه, ؤ ئ→ء, Arabic-Indic/Persian digits →
 * ASCII, presentation forms → base letters, Arabic punctuation → ASCII equivalents,
 * Latin → lower case. Writes at most out_cap-1 bytes plus NUL; returns the folded length.
 * If map is non-NULL, map[k] is the byte offset in `in` of the character that produced
 * out[k] (map must hold out_cap entries). Folding never makes text longer than
 * 3 × its input, so out_cap = 3*len+1 is always enough. */
size_t raml_fold(const char *in, size_t len, char *out, size_t out_cap, uint32_t *map);
/* Convenience: folds into the arena. */
char *raml_fold_arena(raml_arena *a, const char *in, size_t len, size_t *out_len);

/* ----- Reading: bytes → repaired NFC text ----- */

/* Repairs and normalises input bytes: strips a UTF-8 BOM, turns CRLF and lone CR into LF,
 * replaces NUL bytes and every invalid UTF-8 sequence with U+FFFD (recording an issue with
 * the byte offset in the input), then applies NFC (utf8proc). The result and the issues
 * live in the arena. Fails only on allocation failure. */
typedef struct raml_read_result {
    const char *text; /* NUL-terminated */
    size_t len;
    raml_issue *issues;
    size_t nissues;
} raml_read_result;
raml_status raml_text_read(raml_arena *a, const char *bytes, size_t len, raml_read_result *out,
                           raml_error *err);

/* ----- Tokens ----- */

typedef enum {
    RAML_TOK_ARABIC,
    RAML_TOK_LATIN,
    RAML_TOK_NUMBER, /* 12, 1,500, 3.5, ١٢ */
    RAML_TOK_DATE,   /* 2017/6/4, 30/05/2017, 30-05-2017 */
    RAML_TOK_PUNCT,
    RAML_TOK_URL,
    RAML_TOK_OTHER
} raml_tok_kind;

/* Proclitic flags, in surface order: conjunction (و ف), then preposition/particle
 * (ب ل ك س), then the article (ال; لل = ل + ال). */
enum {
    RAML_PRO_WA = 1 << 0,
    RAML_PRO_FA = 1 << 1,
    RAML_PRO_BI = 1 << 2,
    RAML_PRO_LI = 1 << 3,
    RAML_PRO_KA = 1 << 4,
    RAML_PRO_SA = 1 << 5, /* future سـ on an imperfect verb */
    RAML_PRO_AL = 1 << 6
};

typedef struct raml_token {
    uint32_t bstart, bend; /* bytes into raml_text.text */
    uint32_t cstart, cend; /* code points into raml_text.text */
    raml_tok_kind kind;
    const char *norm;     /* folded whole token (NUL-terminated, arena) */
    const char *stem;     /* folded, proclitics and enclitic removed; == norm if nothing cut */
    const char *enclitic; /* folded pronoun suffix (ه ها هم هما هن ك كم نا ي ...) or NULL */
    uint16_t proclitics;  /* RAML_PRO_* */
    bool stem_known;      /* stem (or norm when uncut) is in the guard lexicon */
    double value;         /* NUMBER: numeric value; DATE: 0 */
    /* Filled by the lexicon (lexicon_intern_tokens); 0 = not a dictionary token. */
    uint32_t norm_id, stem_id;
    /* Byte lengths and raml_word_hash of norm and stem, set by the tokeniser so that the
     * lookup tables need not measure and hash a token again each; a length of 0 means not
     * known (a token made or edited elsewhere, or a form holding a space), and the
     * raml_tok_* functions below then compute them. Whoever changes norm or stem of a
     * token resets the length beside it. */
    uint32_t norm_len, stem_len;
    uint32_t norm_hash, stem_hash;
} raml_token;

static inline size_t raml_tok_norm_len(const raml_token *t)
{
    return t->norm_len ? t->norm_len : strlen(t->norm);
}

/* The length and key hash (util/hash.h) of a token's norm / stem. */
static inline uint32_t raml_tok_norm_key(const raml_token *t, size_t *len)
{
    if (t->norm_len) {
        *len = t->norm_len;
        return t->norm_hash;
    }
    *len = strlen(t->norm);
    return raml_key_hash(t->norm, *len);
}

static inline uint32_t raml_tok_stem_key(const raml_token *t, size_t *len)
{
    if (t->stem_len) {
        *len = t->stem_len;
        return t->stem_hash;
    }
    *len = strlen(t->stem);
    return raml_key_hash(t->stem, *len);
}

/* The hash of key + " " + the token's norm, given h, the hash of key. */
static inline uint32_t raml_tok_key_more(uint32_t h, const raml_token *t)
{
    return t->norm_len ? raml_key_join(h, t->norm_hash)
                       : raml_key_hash_more(h, t->norm, strlen(t->norm));
}

typedef struct raml_sentence {
    uint32_t first, count; /* token range */
    uint32_t bstart, bend, cstart, cend;
} raml_sentence;

typedef struct raml_text {
    const char *text; /* repaired NFC text */
    size_t len;
    raml_token *tokens;
    size_t ntokens;
    raml_sentence *sentences;
    size_t nsentences;
    raml_issue *issues;
    size_t nissues;
} raml_text;

/* Options for analysis. `guard` may be NULL (then segmentation accepts only the article and
 * conjunction cuts that leave a stem of 3+ letters — a poor fallback used in tests). */
typedef struct raml_text_opts {
    const raml_wordset *guard;
    uint32_t max_sentence_tokens; /* 0 = default (80) */
} raml_text_opts;

/* read + tokenise + segment + split, all in the arena. */
raml_status raml_text_analyze(raml_arena *a, const char *bytes, size_t len,
                              const raml_text_opts *opts, raml_text *out, raml_error *err);

/* Individual stages, for tests and for the lexicon compiler (which segments dictionary
 * phrases with the same code as running text). */
raml_status raml_tokenize(raml_arena *a, const char *text, size_t len, raml_token **tokens,
                          size_t *ntokens);
void raml_segment_token(raml_arena *a, raml_token *t, const raml_wordset *guard);
raml_status raml_split_sentences(raml_arena *a, const char *text, const raml_token *tokens,
                                 size_t ntokens, uint32_t max_tokens, raml_sentence **out,
                                 size_t *nout);

/* The first token whose bstart is >= bstart (ntokens when none): how later stages find the
 * token of an event's trigger span. */
size_t raml_token_at(const raml_text *text, uint32_t bstart);
/* Is token i a dash as written (-, ـ, –, —)? Datelines use one between place and agency. */
bool raml_token_is_dash(const raml_text *text, size_t i);
/* Is word one of sorted[0..n) (sorted by bytes, as strcmp orders them)? */
bool raml_word_in_sorted(const char *word, const char *const *sorted, size_t n);
/* Is token i a word that names an event after where it was held (اتفاق، مؤتمر، محادثات، قمة
 * in اتفاق أبوجا، قمة الرياض)? A place after it is neither where the report happens nor,
 * for a capital, the government acting. */
bool raml_token_names_meeting(const raml_text *text, size_t i);

/* ----- Numbers ----- */

/* Number words, vague quantities and qualifiers from data/numbers.tsv. Immutable after
 * load, shareable between threads. */
typedef struct raml_numwords raml_numwords;
raml_status raml_numwords_load(const char *path, raml_numwords **out, raml_error *err);
void raml_numwords_free(raml_numwords *nw);
/* Adds every number word to the guard lexicon so that segmentation does not cut them. */
bool raml_numwords_add_guard_words(const raml_numwords *nw, raml_wordset *guard);

typedef struct raml_number {
    double value;             /* exact value, or the low bound for vague quantities */
    double high;              /* range upper bound, or -1 */
    raml_qualifier qualifier; /* exact, at_least, more_than, about, at_most, range, unspecified */
    uint32_t first, count;    /* tokens covered, qualifier words included */
} raml_number;

/* Parses a number expression starting at token i (digits, number words with و-joining,
 * duals, tens/hundreds/thousands/millions, vague quantities such as عشرات / مئات, and
 * qualifiers such as نحو, أكثر من, على الأقل when they precede or follow). Returns false
 * when no number starts at i. */
bool raml_number_at(const raml_numwords *nw, const raml_token *tokens, size_t ntokens, size_t i, raml_number *out);

#endif
