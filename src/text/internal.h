/* Private to src/text: the per-code-point fold and the character classes the tokeniser,
 * segmenter and number parser share. */
#ifndef RAML_TEXT_INTERNAL_H
#define RAML_TEXT_INTERNAL_H

#include "text/text.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest fold of one code point (a presentation-form ligature such as ﷲ → الله). */
#define FOLD_CP_MAX 12

/* Writes the matching form of one code point to out (FOLD_CP_MAX bytes); returns its length,
 * 0 when the code point is dropped (tashkeel, tatweel, format marks). */
size_t text_fold_cp(uint32_t cp, char *out);

/* Arabic letter (base block, supplement, presentation forms) — starts or continues a word. */
bool text_is_arabic_letter(uint32_t cp);
/* Marks and tatweel that may sit inside an Arabic word. */
bool text_is_arabic_mark(uint32_t cp);
/* 0-9 from ASCII, Arabic-Indic or Persian digits; -1 otherwise. */
int text_digit_value(uint32_t cp);
/* Whitespace, including NBSP and the other Unicode space separators. */
bool text_is_space(uint32_t cp);
/* Bidi and zero-width format controls: invisible, never part of a token by themselves. */
bool text_is_format(uint32_t cp);

/* Identifies a word set and its current size (changes when a word is added), so that a
 * cache of segmentation results can tell when it must forget. 0 for NULL. */
uint64_t text_wordset_stamp(const raml_wordset *ws);

/* The implementations behind raml_segment_token / raml_split_sentences. analyze.c calls
 * these names so that the static archive always links segment.o and sentences.o: a weak
 * stand-in elsewhere in the library (a module's temporary fallback) cannot shadow them. */
void text_segment(raml_arena *a, raml_token *t, const raml_wordset *guard);
raml_status text_split(raml_arena *a, const char *text, const raml_token *tokens, size_t ntokens,
                       uint32_t max_tokens, raml_sentence **out, size_t *nout);

#endif
