/* Casualty cue words (cues.c), loaded from data/casualties.tsv. Internal to count/. */
#ifndef RAML_COUNT_CUES_H
#define RAML_COUNT_CUES_H

#include "count/count.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum { CAS_KILLED, CAS_INJURED, CAS_ARRESTED } cas_class;

typedef enum {
    CUE_HEAD, /* the figure follows: قتل 12، مقتل 12، أصيب 20، اعتقال 30، أودى بحياة 7 */
    CUE_NOUN, /* the figure precedes: 12 قتيلا، عشرات القتلى؛ plural alone = unspecified */
    CUE_GAP,  /* the figure precedes with a noun between: لقي 12 شخصا حتفهم */
    CUE_VERB  /* a HEAD whose figure may follow the verb's subject: اعتقلت الشرطة 40 متظاهرا */
} cue_kind;

typedef struct cas_cue {
    const char *folded; /* the folded form (fold.c: ة→ه، ى→ي، أ/إ/آ→ا) */
    const char *plain;  /* as written in the file */
    cas_class cls;
    cue_kind kind;
    bool plural;  /* a NOUN cue that counts as "unspecified" without a figure */
    int implied;  /* duals: قتيلين = 2; 0 = none */
    bool by_norm; /* match the whole token (بحياة) rather than its stem */
    int next_same; /* the next cue (index) with the same folded form; -1 = none */
} cas_cue;

/* A distinct folded form: its hash and its first cue (index + 1; 0 = empty slot). */
typedef struct cas_slot {
    uint32_t hash;
    int first;
} cas_slot;

struct raml_casualties {
    char *buf;    /* the file, split in place: plain forms point here */
    char *folded; /* every folded form, NUL-separated */
    cas_cue *cues;
    int n;
    cas_slot *index; /* open addressing over the folded forms */
    size_t index_mask;
};

/* The next cue after `prev` (NULL: the first) whose form is the token's stem (or norm for
 * token-matched forms), or NULL. Several rows may share a form: the caller tries each. */
const cas_cue *cas_cue_next(const raml_casualties *cs, const raml_token *t, const cas_cue *prev);
/* Units that make a number a distance, duration or share, never a casualty figure. */
bool cas_is_unit(const char *stem);
/* Words that end a verb's subject before a figure: a preposition or time word there means
 * the number is a date, a distance or a time (قتل في 12 مارس، اعتقل منذ 3 أيام). */
bool cas_ends_subject(const char *stem);
/* عام / سنة: the number after it is a year. */
bool cas_is_year_word(const char *stem);

#endif
