/* Casualty cue words (cues.c). Internal to count/. */
#ifndef RAML_COUNT_CUES_H
#define RAML_COUNT_CUES_H

#include <stdbool.h>

typedef enum { CAS_KILLED, CAS_INJURED, CAS_ARRESTED } cas_class;

typedef enum {
    CUE_HEAD, /* the figure follows: قتل 12، مقتل 12، أصيب 20، اعتقال 30، أودى بحياة 7 */
    CUE_NOUN, /* the figure precedes: 12 قتيلا، عشرات القتلى؛ plural alone = unspecified */
    CUE_GAP   /* the figure precedes with a noun between: لقي 12 شخصا حتفهم */
} cue_kind;

typedef struct cas_cue {
    const char *folded; /* the folded stem (fold.c: ة→ه، ى→ي، أ/إ/آ→ا) */
    const char *plain;  /* as written, for the table test and the reader */
    cas_class cls;
    cue_kind kind;
    bool plural;  /* a NOUN cue that counts as "unspecified" without a figure */
    int implied;  /* duals: قتيلين = 2; 0 = none */
    bool by_norm; /* match the whole token (بحياة) rather than its stem */
} cas_cue;

extern const cas_cue cas_cues[];
extern const int cas_ncues;

/* The cue whose form is the token's stem (or norm for by_norm cues), or NULL. */
const cas_cue *cas_cue_find(const char *stem, const char *norm);
/* Units that make a number a distance, duration or share, never a casualty figure. */
bool cas_is_unit(const char *stem);
/* عام / سنة: the number after it is a year. */
bool cas_is_year_word(const char *stem);

#endif
