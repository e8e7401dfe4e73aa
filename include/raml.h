/*
 * raml.h — the public interface of libraml, an Arabic news → conflict-event coder.
 *
 * One header, one prefix. The library never prints and never exits: every call that can
 * fail returns a raml_status and, when given one, fills a raml_error with a message and
 * the file, line and byte offset it concerns.
 *
 * Life cycle:
 *   raml_lexicon_load()  once; immutable afterwards and safe to share between threads.
 *   raml_doc_new()       one per worker; raml_doc_code() reuses its arena document after
 *                        document (each call forgets the previous document's events).
 *   raml_doc_free(), raml_lexicon_free() accept NULL.
 *
 * Events point into the document's arena: they are valid until the next raml_doc_code()
 * or raml_doc_free() on the same document.
 */
#ifndef RAML_H
#define RAML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RAML_VERSION "0.1.0"
#define RAML_EVENT_SCHEMA "raml.event/1"

/* ===== Status and errors ===== */

typedef enum {
    RAML_OK = 0,
    RAML_ERR_USAGE = 1,   /* bad argument from the caller */
    RAML_ERR_INPUT = 2,   /* input could not be read or parsed (file, line or offset given) */
    RAML_ERR_INTERNAL = 3 /* out of memory, storage failure, broken invariant */
} raml_status;

typedef struct raml_error {
    raml_status code;
    char message[512];
    char file[256]; /* "" when not about a file */
    long line;      /* 1-based; 0 when unknown */
    long offset;    /* byte offset; -1 when unknown */
} raml_error;

/* Clears *err (safe on NULL). */
void raml_error_clear(raml_error *err);
/* Fills *err (safe on NULL) and returns code, so callers can `return raml_error_set(...)`. */
raml_status raml_error_set(raml_error *err, raml_status code, const char *file, long line,
                           long offset, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* ===== Spans: evidence in the original text ===== */

/* text == NULL means "no span" (serialised as null). Offsets are end-exclusive, into the
 * document text after UTF-8 repair and NFC: start/end in code points, bstart/bend in bytes. */
typedef struct raml_span {
    const char *text;
    uint32_t start, end;
    uint32_t bstart, bend;
} raml_span;

/* ===== The event record (raml.event/1, see shared/spec/event-record.md) ===== */

typedef enum { RAML_ROLE_ACTOR, RAML_ROLE_RECIPIENT, RAML_ROLE_ASSOC } raml_role;

#define RAML_MAX_SECTORS 4
typedef struct raml_actor {
    raml_role role;
    raml_span span;
    const char *name;     /* English name, or NULL */
    const char *name_ar;  /* Arabic canonical name, or NULL */
    const char *actor_id; /* dictionary id of a named actor, or NULL for generic agents */
    char country[4];      /* ISO3 or IGO/UNO/EUR/NGO/IMG/MNC; "" = unknown */
    char sector[4];       /* PLOVER sector; "" = unknown */
    char sectors[RAML_MAX_SECTORS][4];
    int nsectors;
    char cameo[16]; /* country + sector concatenated, "" when both unknown */
    bool is_generic;
} raml_actor;

typedef enum {
    RAML_GEO_NONE = 0,
    RAML_GEO_POINT,
    RAML_GEO_TOWN,
    RAML_GEO_NEAR_TOWN,
    RAML_GEO_ADMIN2,
    RAML_GEO_ADMIN1,
    RAML_GEO_SUB_COUNTRY_REGION,
    RAML_GEO_COUNTRY,
    RAML_GEO_WATER
} raml_geo_precision;

typedef struct raml_location {
    bool present;
    raml_span span;
    const char *resolved_name; /* English */
    const char *name_ar;
    char country[4];
    const char *admin1;
    double lat, lon;
    raml_geo_precision precision;
    const char *method; /* "clause", "sentence", "document_focus", ... */
} raml_location;

typedef enum {
    RAML_DATE_UNKNOWN = 0,
    RAML_DATE_DAY,
    RAML_DATE_WEEK,
    RAML_DATE_MONTH,
    RAML_DATE_YEAR
} raml_date_precision;

typedef enum {
    RAML_DATE_NONE = 0,
    RAML_DATE_EXPLICIT,
    RAML_DATE_RELATIVE_WEEKDAY,
    RAML_DATE_RELATIVE_OFFSET,
    RAML_DATE_PUB_FALLBACK
} raml_date_method;

typedef struct raml_date {
    char value[11]; /* YYYY-MM-DD, YYYY-MM or YYYY; "" = null */
    raml_span span;
    raml_date_precision precision;
    raml_date_method method;
} raml_date;

typedef enum {
    RAML_QUAL_EXACT,
    RAML_QUAL_AT_LEAST,
    RAML_QUAL_MORE_THAN,
    RAML_QUAL_ABOUT,
    RAML_QUAL_AT_MOST,
    RAML_QUAL_RANGE,
    RAML_QUAL_UNSPECIFIED
} raml_qualifier;

typedef struct raml_count {
    bool present;
    long count; /* -1 = null (e.g. "dozens") */
    raml_qualifier qualifier;
    long low, high; /* -1 = null */
    raml_span span;
} raml_count;

typedef enum { RAML_POLARITY_POSITIVE, RAML_POLARITY_NEGATED } raml_polarity;
typedef enum {
    RAML_REALIS_ACTUAL,
    RAML_REALIS_FUTURE,
    RAML_REALIS_HYPOTHETICAL,
    RAML_REALIS_INTENDED,
    RAML_REALIS_THREATENED,
    RAML_REALIS_HISTORICAL,
    RAML_REALIS_GENERIC
} raml_realis;
typedef enum {
    RAML_CERTAINTY_ASSERTED,
    RAML_CERTAINTY_REPORTED,
    RAML_CERTAINTY_ALLEGED,
    RAML_CERTAINTY_DENIED
} raml_certainty;

typedef struct raml_modality {
    raml_polarity polarity;
    raml_realis realis;
    raml_certainty certainty;
    raml_span cue;
} raml_modality;

typedef struct raml_attribution {
    bool present;
    raml_span speaker;
    const char *speaker_name; /* NULL when the speaker is not a known actor */
    char speaker_country[4];
    char speaker_sector[4];
    raml_span cue;
    bool is_claim_of_responsibility;
} raml_attribution;

#define RAML_MAX_MODES 4
#define RAML_MAX_RULES 12
#define RAML_MAX_ACTORS 8

typedef struct raml_event {
    uint32_t sentence_index;
    raml_span sentence; /* sentence.text is NULL; offsets only */
    uint32_t index_in_sentence;
    raml_span trigger;
    const char *plover_type; /* one of the 16 PLOVER 2.0 types */
    const char *modes[RAML_MAX_MODES];
    int nmodes;
    const char *contexts[RAML_MAX_MODES];
    int ncontexts;
    char cameo[8];
    int quad_class;
    double goldstein, plover_score, confidence;
    const char *rule_ids[RAML_MAX_RULES];
    int nrules;
    raml_actor actors[RAML_MAX_ACTORS];
    int nactors;
    raml_location location;
    raml_date date;
    raml_count killed, injured, arrested;
    raml_modality modality;
    raml_attribution attribution;
    const char *cluster_id; /* filled by the store; NULL otherwise */
} raml_event;

/* ===== Documents ===== */

typedef struct raml_doc_meta {
    const char *id;        /* required */
    const char *url;       /* optional, NULL */
    const char *publisher; /* optional */
    const char *pub_date;  /* optional, YYYY-MM-DD */
    const char *title;     /* optional */
} raml_doc_meta;

/* A problem found in the input that did not stop the work (e.g. invalid UTF-8 repaired). */
typedef struct raml_issue {
    long offset; /* byte offset in the input as received */
    const char *message;
} raml_issue;

typedef struct raml_lexicon raml_lexicon;
typedef struct raml_doc raml_doc;

/* Loads every dictionary under data_dir (NULL = raml_default_data_dir()). */
raml_status raml_lexicon_load(const char *data_dir, raml_lexicon **out, raml_error *err);
void raml_lexicon_free(raml_lexicon *lex);
/* A short description of the loaded dictionaries (counts), owned by the lexicon. */
const char *raml_lexicon_describe(const raml_lexicon *lex);

/* The data directory: $RAML_DATA, else data/ beside the executable's build dir, else the
 * compiled-in source data dir, else the installed share dir. Never NULL. */
const char *raml_default_data_dir(void);

raml_doc *raml_doc_new(void);
void raml_doc_free(raml_doc *doc);

/* Reads, repairs, analyses and codes one document. Invalid UTF-8 is repaired and listed in
 * raml_doc_issues(); it is not an error. Returns RAML_ERR_INTERNAL only on failure to
 * allocate or a broken invariant. */
raml_status raml_doc_code(raml_doc *doc, const raml_lexicon *lex, const raml_doc_meta *meta,
                          const char *bytes, size_t len, raml_error *err);

const raml_doc_meta *raml_doc_get_meta(const raml_doc *doc);
/* The repaired NFC text that all spans index into. */
const char *raml_doc_text(const raml_doc *doc, size_t *len);
size_t raml_doc_event_count(const raml_doc *doc);
const raml_event *raml_doc_event(const raml_doc *doc, size_t i);
size_t raml_doc_issue_count(const raml_doc *doc);
const raml_issue *raml_doc_issue(const raml_doc *doc, size_t i);
size_t raml_doc_sentence_count(const raml_doc *doc);

/* ===== Enum names as they appear in raml.event/1 ===== */
const char *raml_role_name(raml_role r);
const char *raml_geo_precision_name(raml_geo_precision p);
const char *raml_date_precision_name(raml_date_precision p);
const char *raml_date_method_name(raml_date_method m);
const char *raml_qualifier_name(raml_qualifier q);
const char *raml_polarity_name(raml_polarity p);
const char *raml_realis_name(raml_realis r);
const char *raml_certainty_name(raml_certainty c);

#ifdef __cplusplus
}
#endif
#endif /* RAML_H */
