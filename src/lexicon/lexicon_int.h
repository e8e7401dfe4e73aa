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

/* Closed-class word classes (function_words.c): a bit set per word. */
typedef uint64_t raml_wclass;
#define RAML_W_PREP ((raml_wclass)1 << 0)
#define RAML_W_TARGET ((raml_wclass)1 << 1) /* على ضد استهدف: the recipient follows */
#define RAML_W_COMP ((raml_wclass)1 << 2) /* إن/أن: a clause starts */
#define RAML_W_REL ((raml_wclass)1 << 3)
#define RAML_W_SPORT ((raml_wclass)1 << 4)
#define RAML_W_CASUALTY ((raml_wclass)1 << 5)
#define RAML_W_WEAPON ((raml_wclass)1 << 6)
#define RAML_W_MILEQUIP ((raml_wclass)1 << 7) /* aircraft, artillery...: metonymy for the armed forces */
#define RAML_W_UNDERGO ((raml_wclass)1 << 8) /* تعرض: its subject is the recipient */
#define RAML_W_LIGHT ((raml_wclass)1 << 9) /* شن، نفذ */
#define RAML_W_HAND ((raml_wclass)1 << 10) /* يد (على يد) */
#define RAML_W_BEFORE ((raml_wclass)1 << 11) /* قبل (من قبل) */
#define RAML_W_FIRE ((raml_wclass)1 << 12) /* نيران (بنيران) */
#define RAML_W_NEG ((raml_wclass)1 << 13)
#define RAML_W_QAD ((raml_wclass)1 << 14)
#define RAML_W_FUTURE ((raml_wclass)1 << 15)
#define RAML_W_HYPO ((raml_wclass)1 << 16)
#define RAML_W_SAY ((raml_wclass)1 << 17)
#define RAML_W_SOURCE ((raml_wclass)1 << 18)
#define RAML_W_CLAIM ((raml_wclass)1 << 19)
#define RAML_W_DENY ((raml_wclass)1 << 20)
#define RAML_W_THREAT ((raml_wclass)1 << 21)
#define RAML_W_INTENT ((raml_wclass)1 << 22)
#define RAML_W_ATTEMPT ((raml_wclass)1 << 23)
#define RAML_W_UNKNOWN ((raml_wclass)1 << 24) /* مجهولون: unidentified */
#define RAML_W_HAQQ ((raml_wclass)1 << 25) /* حق (بحق: against) */
#define RAML_W_BETWEEN ((raml_wclass)1 << 26) /* بين X و Y */
#define RAML_W_WITH ((raml_wclass)1 << 27) /* مع: the other side of a fight */
#define RAML_W_MIN ((raml_wclass)1 << 28) /* من: partitive after numbers, agent after event nouns */
#define RAML_W_YEARWORD ((raml_wclass)1 << 29) /* عام 2004، منذ: a year that dates the clause elsewhere */
#define RAML_W_TOLL ((raml_wclass)1 << 30) /* مقتل، مصرع، جرحى، أسفر: a stated human toll or outcome */
#define RAML_W_BACKREF ((raml_wclass)1 << 31) /* بعد، منذ، رغم، ذكرى + event noun: a reference, not a report */
#define RAML_W_SUBORD ((raml_wclass)1 << 32) /* بعدما، عندما، بينما: a subordinate clause starts */
#define RAML_W_DAYPART ((raml_wclass)1 << 33) /* صباح، مساء، فجر (صباح أمس) */
#define RAML_W_DAYWORD ((raml_wclass)1 << 34) /* أمس، اليوم, the weekdays: a time adverb on their own */
raml_wclass raml_lexicon_word_class(const raml_lexicon *lex, uint32_t id);

#endif
