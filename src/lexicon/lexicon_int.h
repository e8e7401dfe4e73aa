/*
 * What the coder sees of the lexicon: dictionary entries and phrase matches over a token
 * range. Internal to libraml (lexicon/ and coder/).
 */
#ifndef RAML_LEXICON_INT_H
#define RAML_LEXICON_INT_H

#include "lexicon/lexicon.h"

typedef enum {
    RAML_ENT_COUNTRY,
    RAML_ENT_DEMONYM,
    RAML_ENT_CAPITAL,
    RAML_ENT_NAMED, /* actors.tsv and igos.tsv */
    RAML_ENT_SECTOR,
    RAML_ENT_TRIGGER,
    RAML_ENT_CUE,
    RAML_ENT_NKINDS
} raml_ent_kind;

typedef enum { RAML_POS_NOUN, RAML_POS_VERB, RAML_POS_PATTERN } raml_trig_pos;
/* How a trigger form was produced: the coder reads subject position and voice from it. */
/* AGENT: the participant noun derived from a PROTEST verb (تظاهر → متظاهرون). */
typedef enum { RAML_FORM_NOUN, RAML_FORM_PERFECT, RAML_FORM_IMPERFECT, RAML_FORM_AGENT } raml_trig_form;
typedef enum { RAML_VOICE_ANY, RAML_VOICE_ACTIVE, RAML_VOICE_PASSIVE } raml_voice;

typedef enum {
    RAML_CUE_NEGATION,
    RAML_CUE_DENIAL,
    RAML_CUE_FUTURE,
    RAML_CUE_INTENT,
    RAML_CUE_THREAT,
    RAML_CUE_HYPOTHETICAL,
    RAML_CUE_ATTEMPT,
    RAML_CUE_REPORT,
    RAML_CUE_SOURCE, /* بحسب، وفقا لـ، نقلا عن: the source follows, no verb */
    RAML_CUE_CLAIM,
    RAML_CUE_ALLEGED,
    RAML_CUE_HISTORICAL,
    RAML_CUE_GENERIC,
    RAML_CUE_AGENT, /* على يد، من قبل، بنيران: the actor follows */
    RAML_CUE_TARGET, /* ضد، بحق: the recipient follows */
    RAML_CUE_OTHER
} raml_cue_kind;

typedef struct raml_lex_entry {
    raml_ent_kind kind;
    const char *id; /* "actors.tsv:LBY-LNA" — used as a rule id */
    const char *name_en, *name_ar;
    char country[4];
    char sector[4];
    char sectors[RAML_MAX_SECTORS][4];
    int nsectors;
    bool is_armed;     /* sectors: the word names an armed group */
    bool plural;       /* demonyms/sectors: the matched form is plural */
    bool is_person;    /* named actors: a person (speaker, not an armed body) */
    int from_year, to_year; /* named actors: 0 = open */
    /* triggers */
    raml_trig_pos pos;
    raml_trig_form form;
    raml_voice voice;
    const char *plover_type;
    const char *modes[RAML_MAX_MODES];
    int nmodes;
    char cameo[8];
    int quad;
    double goldstein, plover_score;
    /* cues */
    raml_cue_kind cue;
    bool cue_after; /* position: the cue follows what it modifies */
} raml_lex_entry;

/* A dictionary phrase found in text: tokens [first, first+count). */
typedef struct raml_lex_match {
    uint32_t first, count;
    const uint32_t *entries; /* indices for raml_lexicon_entry */
    uint32_t nentries;
} raml_lex_match;

const raml_lex_entry *raml_lexicon_entry(const raml_lexicon *lex, uint32_t i);

/* Longest-match, left-to-right, non-overlapping phrase matches over tokens [first, end),
 * which must have been interned. Writes at most cap matches; returns how many. */
size_t raml_lexicon_match(const raml_lexicon *lex, const raml_token *tokens, uint32_t first,
                          uint32_t end, raml_lex_match *out, size_t cap);

/* The intern id of a folded word (0 if no dictionary phrase contains it). */
uint32_t raml_lexicon_word_id(const raml_lexicon *lex, const char *folded);

/* Type defaults from taxonomy.tsv (or the built-in PLOVER table): false when unknown. */
typedef struct raml_type_info {
    const char *type;
    int quad;
    double goldstein, plover_score;
    char cameo[8];
} raml_type_info;
bool raml_lexicon_type_info(const raml_lexicon *lex, const char *plover_type, raml_type_info *out);
/* The PLOVER score of a type+mode when taxonomy.tsv gives one; NaN-free: false when unknown. */
bool raml_lexicon_mode_score(const raml_lexicon *lex, const char *plover_type, const char *mode,
                             double *score);

/* Closed-class word classes (function_words.c). */
enum {
    RAML_W_PREP = 1u << 0,
    RAML_W_TARGET = 1u << 1, /* على ضد استهدف: the recipient follows */
    RAML_W_COMP = 1u << 2,   /* إن/أن: a clause starts */
    RAML_W_REL = 1u << 3,
    RAML_W_SPORT = 1u << 4,
    RAML_W_CASUALTY = 1u << 5,
    RAML_W_WEAPON = 1u << 6,
    RAML_W_MILEQUIP = 1u << 7, /* aircraft, artillery...: metonymy for the armed forces */
    RAML_W_UNDERGO = 1u << 8,  /* تعرض: its subject is the recipient */
    RAML_W_LIGHT = 1u << 9,    /* شن، نفذ */
    RAML_W_HAND = 1u << 10,    /* يد (على يد) */
    RAML_W_BEFORE = 1u << 11,  /* قبل (من قبل) */
    RAML_W_FIRE = 1u << 12,    /* نيران (بنيران) */
    RAML_W_NEG = 1u << 13,
    RAML_W_QAD = 1u << 14,
    RAML_W_FUTURE = 1u << 15,
    RAML_W_HYPO = 1u << 16,
    RAML_W_SAY = 1u << 17,
    RAML_W_SOURCE = 1u << 18,
    RAML_W_CLAIM = 1u << 19,
    RAML_W_DENY = 1u << 20,
    RAML_W_THREAT = 1u << 21,
    RAML_W_INTENT = 1u << 22,
    RAML_W_ATTEMPT = 1u << 23,
    RAML_W_UNKNOWN = 1u << 24, /* مجهولون: unidentified */
    RAML_W_HAQQ = 1u << 25,    /* حق (بحق: against) */
    RAML_W_BETWEEN = 1u << 26, /* بين X و Y */
    RAML_W_WITH = 1u << 27,    /* مع: the other side of a fight */
    RAML_W_YEARWORD = 1u << 29, /* عام 2004، منذ: a year that dates the clause elsewhere */
    RAML_W_MIN = 1u << 28,     /* من: partitive after numbers, agent after event nouns */
    RAML_W_BACKREF = 1u << 31, /* بعد، منذ، رغم، ذكرى + event noun: a reference, not a report */
    RAML_W_TOLL = 1u << 30,    /* مقتل، مصرع، جرحى، أسفر: a stated human toll or outcome */
};
uint32_t raml_lexicon_word_class(const raml_lexicon *lex, uint32_t id);

#endif
