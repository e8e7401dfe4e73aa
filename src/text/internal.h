/* Private to src/text: the per-code-point fold and the character classes the tokeniser,
 * segmenter and number parser share. */
#ifndef RAML_TEXT_INTERNAL_H
#define RAML_TEXT_INTERNAL_H

#include "text/text.h"
#include "util/hash.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest fold of one code point (a presentation-form ligature such as ﷲ → الله). */
#define FOLD_CP_MAX 12

/* Writes the matching form of one code point to out (FOLD_CP_MAX bytes); returns its length,
 * 0 when the code point is dropped (tashkeel, tatweel, format marks). */
size_t text_fold_cp(uint32_t cp, char *out);

/* The fold of the Arabic block U+0600–06FF (fold.c): 0 = unchanged, FOLD_DROP = dropped,
 * else the code point it becomes. */
#define FOLD_DROP 0xFFFF
extern const uint16_t text_arabic_map[256];

/* Folds the bytes of one Arabic word (what the tokeniser found) into out, which holds
 * 3*len+1 bytes; same result as raml_fold, with the common two-byte letters done inline. */
size_t text_fold_word(const unsigned char *in, size_t len, char *out);

/* The character classes are inline: the tokeniser asks them for nearly every code point,
 * and a call into another file for each was a fifth of its time. The rare cases that need
 * utf8proc's tables stay out of line (chars.c). */
bool text_is_presentation_letter(uint32_t cp);

/* Arabic letter (base block, supplement, presentation forms) — starts or continues a word. */
static inline bool text_is_arabic_letter(uint32_t cp)
{
    if (cp >= 0x621 && cp <= 0x64A)
        return cp != 0x640;
    if (cp < 0x621)
        return false;
    if ((cp >= 0x66E && cp <= 0x66F) || (cp >= 0x671 && cp <= 0x6D3) || cp == 0x6D5 ||
        (cp >= 0x6EE && cp <= 0x6EF) || (cp >= 0x6FA && cp <= 0x6FC) || cp == 0x6FF)
        return true;
    if ((cp >= 0x750 && cp <= 0x77F) || (cp >= 0x8A0 && cp <= 0x8C9))
        return true;
    if (cp >= 0xFB50 && cp <= 0xFDFF)
        return text_is_presentation_letter(cp);
    if (cp >= 0xFE80 && cp <= 0xFEFC)
        return true;
    return false;
}

/* Marks and tatweel that may sit inside an Arabic word. */
static inline bool text_is_arabic_mark(uint32_t cp)
{
    if (cp < 0x610)
        return false;
    return (cp >= 0x64B && cp <= 0x65F) || cp == 0x670 || cp == 0x640 ||
           (cp >= 0x610 && cp <= 0x61A) || (cp >= 0x6D6 && cp <= 0x6DC) ||
           (cp >= 0x6DF && cp <= 0x6E4) || cp == 0x6E7 || cp == 0x6E8 ||
           (cp >= 0x6EA && cp <= 0x6ED) || (cp >= 0x8D3 && cp <= 0x8FF) ||
           (cp >= 0xFE70 && cp <= 0xFE7F && (cp & 1) == 0 && cp != 0xFE74) || cp == 0xFE71 ||
           cp == 0xFE77 || cp == 0xFE79 || cp == 0xFE7B || cp == 0xFE7D || cp == 0xFE7F;
}

/* 0-9 from ASCII, Arabic-Indic or Persian digits; -1 otherwise. */
static inline int text_digit_value(uint32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0x660 && cp <= 0x669)
        return (int)(cp - 0x660);
    if (cp >= 0x6F0 && cp <= 0x6F9)
        return (int)(cp - 0x6F0);
    return -1;
}

/* Whitespace, including NBSP and the other Unicode space separators. */
static inline bool text_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
    if (cp == 0xA0 || cp == 0x85 || cp == 0x1680 || cp == 0x2028 || cp == 0x2029 ||
        cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x200B)
        return true;
    return cp >= 0x2000 && cp <= 0x200A;
}

/* Bidi and zero-width format controls: invisible, never part of a token by themselves. */
static inline bool text_is_format(uint32_t cp)
{
    return cp == 0x200C || cp == 0x200D || cp == 0x200E || cp == 0x200F || cp == 0x61C ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) ||
           cp == 0xFEFF || cp == 0xAD;
}

/* Identifies a word set and its current size (changes when a word is added), so that a
 * cache of segmentation results can tell when it must forget. 0 for NULL. */
uint64_t text_wordset_stamp(const raml_wordset *ws);

/* The implementations behind raml_segment_token / raml_split_sentences. analyze.c calls
 * these names so that the static archive always links segment.o and sentences.o: a weak
 * stand-in elsewhere in the library (a module's temporary fallback) cannot shadow them. */
void text_segment(raml_arena *a, raml_token *t, const raml_wordset *guard);
raml_status text_split(raml_arena *a, const char *text, const raml_token *tokens, size_t ntokens,
                       uint32_t max_tokens, raml_sentence **out, size_t *nout);

/* Segmentation while tokenising: the tokeniser has the folded word, its length and its
 * raml_hash64 in hand, and looks the cut up in the calling thread's cache once per token.
 * text_seg_begin returns NULL when there is no cache (then text_segment is used). */
typedef struct seg_cache seg_cache;
seg_cache *text_seg_begin(const raml_wordset *guard);
void text_segment_hashed(raml_arena *a, seg_cache *c, raml_token *t, size_t n, uint64_t h,
                         const raml_wordset *guard);

/* raml_tokenize, optionally segmenting each Arabic token against guard as it is made
 * (segment = true; guard may still be NULL, as for raml_segment_token). */
raml_status text_tokenize(raml_arena *a, const char *text, size_t len, bool segment,
                          const raml_wordset *guard, raml_token **tokens, size_t *ntokens);

#endif
