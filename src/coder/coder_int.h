/* The coder's per-sentence working state, shared by the files of src/coder/. */
#ifndef RAML_CODER_INT_H
#define RAML_CODER_INT_H

#include "coder/coder.h"
#include "lexicon/lexicon_int.h"

#include <string.h>

#define CW_MAX_ITEMS 64
#define CW_MAX_RULES 10

/* An actor mention: one or more adjacent dictionary matches composed into one agent
 * (الجيش + العراقي → IRQ MIL). */
typedef struct cw_mention {
    uint32_t first, end;
    char country[4], sector[4];
    char sectors[RAML_MAX_SECTORS][4];
    int nsectors;
    const char *name, *name_ar, *actor_id;
    const char *ids[3]; /* dictionary entry ids */
    int nids;
    const char *rule; /* how it was composed */
    bool bare_country;  /* a country or capital alone: GOV when it acts */
    bool generic, armed, person;
    bool prep;  /* governed by a preposition: not a subject or object */
    bool li;    /* ل proclitic: possessor / agent of a verbal noun */
    bool wa;    /* و proclitic: coordinated with the previous mention */
    bool demonym_only;
    bool dateline; /* in a dateline (لندن ـ وكالات:): where the story was filed */
    bool in_name;  /* a capital naming an agreement or talks (اتفاق أبوجا، محادثات أستانا) */
    bool event_adj; /* the adjective of an event noun inside a phrase (في غارة أميركية) */
} cw_mention;

typedef struct cw_trigger {
    uint32_t first, end;
    const raml_lex_entry *e;
    int host; /* index of the trigger whose event this one restates, or -1 */
    bool folded; /* a toll or attack word merged into another trigger's incident */
    bool masdar; /* a verb spelling read as its verbal noun (القصف، بخطف): R-MASDAR-NOUN */
    bool split;  /* a verb phrase whose subject stands inside it (R-SPLIT-PHRASE): active */
    uint32_t tail; /* split: where the rest of the phrase starts (its object, أسقطت ... طائرة) */
} cw_trigger;

typedef struct cw_cue {
    uint32_t first, end;
    raml_cue_kind kind;
    const char *id;
} cw_cue;

typedef struct cw_sentence {
    const raml_lexicon *lex;
    const raml_text *text;
    raml_arena *arena;
    const raml_trace *trace;
    uint32_t index;
    int doc_year;          /* 0 = unknown */
    uint32_t first, end;   /* token range */
    raml_wclass *cls;      /* per token (relative): RAML_W_* */
    int16_t *mention_at;   /* per token: mention covering it, or -1 */
    int16_t *trigger_at;
    cw_mention mentions[CW_MAX_ITEMS];
    int nmentions;
    cw_trigger triggers[CW_MAX_ITEMS];
    int ntriggers;
    cw_cue cues[CW_MAX_ITEMS];
    int ncues;
    bool sport, conflict; /* context words in the sentence */
    bool weapons;         /* weapon, casualty or military-equipment words */
    bool toll;            /* a stated human toll (مقتل، جرحى، أسفر عن) */
    int nsport;           /* sport words */
} cw_sentence;

/* Roles found for one trigger. */
typedef struct cw_roles {
    int actor[3], nactor;
    int recip[3], nrecip;
    const char *rules[CW_MAX_RULES];
    int nrules;
    bool passive;
    bool actor_from_speaker;
    const char *actor_sector_override; /* e.g. MIL for غارة تركية */
} cw_roles;

/* Chanting and slogans (هتف، هتافات، رفع/ردد شعارات) describe how protesters protest; the
 * protest itself is reported by other words (خرجوا، تظاهروا، اعتصموا). */
static inline bool cw_chant(const raml_lex_entry *e)
{
    return !strcmp(e->plover_type, "PROTEST") &&
           (strstr(e->id, "-HATAFA") || strstr(e->id, "-HUTAF") || strstr(e->id, "-SHIARAT"));
}

static inline const raml_token *cw_tok(const cw_sentence *s, uint32_t i)
{
    return &s->text->tokens[i];
}
static inline raml_wclass cw_cls(const cw_sentence *s, uint32_t i)
{
    return i >= s->first && i < s->end ? s->cls[i - s->first] : 0;
}

/* analyze.c */
void cw_analyze(cw_sentence *s);
bool cw_is_boundary(const cw_sentence *s, uint32_t i);
uint32_t cw_time_phrase_end(const cw_sentence *s, uint32_t i);
uint32_t cw_believed_adjective(const cw_sentence *s, uint32_t i);
bool cw_is_number(const cw_sentence *s, uint32_t i);
/* An ASSAULT word that reports what happened to people (قتل، أصيب، مقتل) rather than naming
 * the attack (غارة، هجوم). */
bool cw_toll_trigger(const cw_sentence *s, const cw_trigger *tr);
uint32_t cw_clause_start(const cw_sentence *s, uint32_t i);
uint32_t cw_clause_end(const cw_sentence *s, uint32_t i);
/* Is the token's stem (or its whole folded word) one of words[0..n)? */
bool cw_stem_in(const raml_token *t, const char *const *words, size_t n);
bool cw_one_of(const char *w, const char *const *words, size_t n);
uint32_t cw_count_start(const cw_sentence *s, uint32_t first);
bool cw_norm_in(const raml_token *t, const char *const *words, size_t n);
/* Is a word of class cls among the `within` tokens before i, in i's clause? */
bool cw_class_before(const cw_sentence *s, uint32_t i, raml_wclass cls, uint32_t within);
/* roles.c */
void cw_roles_for(cw_sentence *s, int t, cw_roles *r);
void cw_add_rule(cw_roles *r, const char *rule);
/* modality.c */
void cw_modality_for(cw_sentence *s, int t, raml_modality *m, raml_attribution *a, cw_roles *r,
                     double *confidence_penalty);
/* trace */
void cw_tracef(const cw_sentence *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
raml_span cw_span(const cw_sentence *s, uint32_t first, uint32_t end);

#endif
