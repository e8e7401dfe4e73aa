/* The lexicon's own state, shared by the files of src/lexicon/ only. */
#ifndef RAML_LEXICON_PRIV_H
#define RAML_LEXICON_PRIV_H

#include "geo/geo.h"
#include "lexicon/intern.h"
#include "lexicon/lexicon_int.h"
#include "util/tsv.h"
#include "time/time.h"
#include "util/arena.h"

typedef struct raml_pending_phrase {
    uint32_t entry;
    const char *folded; /* folded phrase, words separated by single spaces */
} raml_pending_phrase;

typedef struct raml_mode_score {
    const char *type, *mode;
    double score;
} raml_mode_score;

struct raml_lexicon {
    raml_arena strings; /* every string the entries point to */
    raml_intern words;
    raml_trie trie;
    raml_lex_entry *entries;
    size_t nentries, cap_entries;
    raml_pending_phrase *pending;
    size_t npending, cap_pending;
    /* (state, entry) pairs while loading; then per-state ranges */
    uint32_t *pv_state, *pv_entry;
    size_t npv, cap_pv;
    uint32_t *state_off; /* nstates + 1 */
    uint32_t *state_entries;
    raml_wordset *guard;
    raml_gazetteer *gaz;
    raml_timelex *timelex;
    raml_numwords *numwords;
    raml_type_info types[24];
    int ntypes;
    raml_mode_score *modes;
    size_t nmodes, cap_modes;
    raml_wclass *wclass; /* word id → RAML_W_* */
    size_t cap_wclass;
    size_t count[RAML_ENT_NKINDS];
    size_t nphrases;
    uint64_t hash;
    char missing[256]; /* optional files not found */
    char describe[768];
    char version[20];
};

/* A new entry (zeroed, kind set); NULL when out of memory. The pointer is valid until the
 * next raml_lex_new_entry. */
raml_lex_entry *raml_lex_new_entry(raml_lexicon *lex, raml_ent_kind kind, uint32_t *index);
/* Queues a dictionary phrase (raw Arabic) for `entry`; its folded words join the guard. */
bool raml_lex_add_phrase(raml_lexicon *lex, uint32_t entry, const char *phrase, size_t len);
/* Same, for a phrase that is already folded (generated inflections). */
bool raml_lex_add_folded(raml_lexicon *lex, uint32_t entry, const char *folded, size_t len);
/* Does the folded word start with one of the one-letter proclitics و ف ب ل ك (2 bytes each)? */
bool raml_lex_proclitic_first(const char *folded);
const char *raml_lex_strdup(raml_lexicon *lex, const char *s);
void raml_lex_copy_code(char dst[4], const char *src);

/* Per-file loaders (load_*.c). */
raml_status raml_lex_load_countries(raml_lexicon *lex, const char *dir, raml_error *err);
/* After the gazetteer: every demonym of countries.tsv becomes a place adjective there. */
raml_status raml_lex_country_adjectives(raml_lexicon *lex, const char *dir, raml_error *err);
raml_status raml_lex_load_actors(raml_lexicon *lex, const char *dir, raml_error *err);
raml_status raml_lex_load_sectors(raml_lexicon *lex, const char *dir, raml_error *err);
raml_status raml_lex_load_triggers(raml_lexicon *lex, const char *dir, raml_error *err);
raml_status raml_lex_load_cues(raml_lexicon *lex, const char *dir, raml_error *err);
raml_status raml_lex_load_taxonomy(raml_lexicon *lex, const char *dir, raml_error *err);
void raml_lex_builtin_taxonomy(raml_lexicon *lex);

/* Records an optional file that was not found (for describe). */
void raml_lex_note_missing(raml_lexicon *lex, const char *name);
raml_status raml_lex_close_dictionary(raml_lexicon *lex, raml_tsvfile *t, int r, raml_status st,
                                      raml_error *err);
raml_status raml_lex_open_optional(raml_lexicon *lex, raml_tsvfile *t, const char *dir,
                                   const char *file, const char *const *cols, int ncols,
                                   bool *present, raml_error *err);

/* Inflection (inflect.c): calls add(lex, entry, form, len) for every generated form. */
typedef bool (*raml_form_fn)(raml_lexicon *lex, uint32_t entry, const char *folded, size_t len);
bool raml_inflect_demonym(raml_lexicon *lex, uint32_t entry, const char *folded, raml_form_fn add);
bool raml_inflect_perfect(raml_lexicon *lex, uint32_t entry, const char *folded, raml_form_fn add);
bool raml_inflect_imperfect(raml_lexicon *lex, uint32_t entry, const char *folded, raml_form_fn add);

/* Single words: imperfect conjugation for a ي-initial form, else perfect; phrases as is. */
bool raml_inflect_participle(raml_lexicon *lex, uint32_t entry, const char *folded, raml_form_fn add);
bool raml_inflect_verb_guess(raml_lexicon *lex, uint32_t entry, const char *folded, raml_form_fn add);
const char *raml_lex_plover_type(const char *s);

bool raml_lex_intern_function_words(raml_lexicon *lex);

#endif
