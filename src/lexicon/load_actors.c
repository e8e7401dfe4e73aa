/* countries.tsv, actors.tsv (IGOs included) and sectors.tsv → actor entries. */
#include "lexicon/lexicon_priv.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Calls fn for every |-separated value of a cell (cell is modified temporarily). */
typedef bool (*value_fn)(raml_lexicon *lex, uint32_t entry, const char *v, size_t len);

static bool each_value(raml_lexicon *lex, uint32_t entry, const char *cell, value_fn fn)
{
    const char *s = cell;
    while (*s) {
        const char *bar = strchr(s, '|');
        size_t n = bar ? (size_t)(bar - s) : strlen(s);
        while (n && s[0] == ' ')
            s++, n--;
        while (n && s[n - 1] == ' ')
            n--;
        if (n && !fn(lex, entry, s, n))
            return false;
        if (!bar)
            break;
        s = bar + 1;
    }
    return true;
}

static bool is_code(const char *s, size_t min, size_t max)
{
    size_t n = strlen(s);
    if (n < min || n > max)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)s[i]))
            return false;
    return true;
}

static const char *rule_id(raml_lexicon *lex, const char *file, const char *id)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s:%s", file, id);
    return raml_lex_strdup(lex, buf);
}

static bool add_demonym(raml_lexicon *lex, uint32_t entry, const char *v, size_t n)
{
    if (v[0] == '=')
        return raml_lex_add_phrase(lex, entry, v + 1, n - 1);
    char folded[512];
    if (3 * n + 1 > sizeof folded)
        return true;
    raml_fold(v, n, folded, sizeof folded, NULL);
    return raml_inflect_demonym(lex, entry, folded, raml_lex_add_folded);
}

static raml_status oom(raml_error *err)
{
    return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
}

raml_status raml_lex_load_countries(raml_lexicon *lex, const char *dir, raml_error *err)
{
    static const char *const cols[] = {"iso3", "name_en", "names_ar", "demonyms_ar", "capitals_ar", "source"};
    raml_tsvfile t;
    raml_status st = raml_tsvfile_open(&t, dir, "countries.tsv", cols, 6, NULL, err);
    if (st)
        return st;
    int r;
    while ((r = raml_tsvfile_next(&t, err)) > 0) {
        const char *iso = raml_tsvfile_cell(&t, 0), *names = raml_tsvfile_cell(&t, 2);
        if (!is_code(iso, 3, 3)) {
            st = raml_tsvfile_error(&t, err, "bad iso3 code '%s'", iso);
            break;
        }
        if (!*names) {
            st = raml_tsvfile_error(&t, err, "no Arabic name");
            break;
        }
        uint32_t ie, de, ce;
        raml_lex_entry *e = raml_lex_new_entry(lex, RAML_ENT_COUNTRY, &ie);
        if (!e) { st = oom(err); break; }
        raml_lex_copy_code(e->country, iso);
        e->id = rule_id(lex, "countries.tsv", iso);
        e->name_en = raml_lex_strdup(lex, raml_tsvfile_cell(&t, 1));
        const char *bar = strchr(names, '|');
        e->name_ar = bar ? raml_arena_strndup(&lex->strings, names, (size_t)(bar - names))
                         : raml_lex_strdup(lex, names);
        raml_lex_entry base = *e;
        e = raml_lex_new_entry(lex, RAML_ENT_DEMONYM, &de);
        if (!e) { st = oom(err); break; }
        *e = base;
        e->kind = RAML_ENT_DEMONYM;
        e = raml_lex_new_entry(lex, RAML_ENT_CAPITAL, &ce);
        if (!e) { st = oom(err); break; }
        *e = base;
        e->kind = RAML_ENT_CAPITAL;
        if (!each_value(lex, ie, names, raml_lex_add_phrase) ||
            !each_value(lex, de, raml_tsvfile_cell(&t, 3), add_demonym) ||
            !each_value(lex, ce, raml_tsvfile_cell(&t, 4), raml_lex_add_phrase)) {
            st = oom(err);
            break;
        }
    }
    return raml_lex_close_dictionary(lex, &t, r, st, err);
}

static int parse_sectors(const char *cell, char out[RAML_MAX_SECTORS][4])
{
    int n = 0;
    const char *s = cell;
    while (*s && n < RAML_MAX_SECTORS) {
        const char *bar = strchr(s, '|');
        size_t len = bar ? (size_t)(bar - s) : strlen(s);
        if (len == 3) {
            memcpy(out[n], s, 3);
            out[n++][3] = '\0';
        } else if (len) {
            return -1;
        }
        if (!bar)
            break;
        s = bar + 1;
    }
    return n;
}

static bool valid_year(const char *s, int *out)
{
    if (!*s) {
        *out = 0;
        return true;
    }
    char *end;
    long y = strtol(s, &end, 10);
    if (*end || y < 1800 || y > 2200)
        return false;
    *out = (int)y;
    return true;
}

static raml_status load_named(raml_lexicon *lex, const char *dir, const char *file,
                              const char *const *cols, int ncols, raml_error *err)
{
    raml_tsvfile t;
    bool present;
    raml_status st = raml_lex_open_optional(lex, &t, dir, file, cols, ncols, &present, err);
    if (st || !present)
        return st;
    int r;
    while ((r = raml_tsvfile_next(&t, err)) > 0) {
        const char *id = raml_tsvfile_cell(&t, 0);
        const char *names = raml_tsvfile_cell(&t, 1);
        const char *country = raml_tsvfile_cell(&t, 3);
        const char *sector = raml_tsvfile_cell(&t, 4);
        if (!*id || !*names) {
            st = raml_tsvfile_error(&t, err, "missing actor_id or names_ar");
            break;
        }
        if (*country && !is_code(country, 3, 3)) {
            st = raml_tsvfile_error(&t, err, "bad country code '%s'", country);
            break;
        }
        if (*sector && !is_code(sector, 3, 3)) {
            st = raml_tsvfile_error(&t, err, "bad sector code '%s'", sector);
            break;
        }
        uint32_t ix;
        raml_lex_entry *e = raml_lex_new_entry(lex, RAML_ENT_NAMED, &ix);
        if (!e) { st = oom(err); break; }
        e->id = rule_id(lex, file, id);
        e->name_en = raml_lex_strdup(lex, raml_tsvfile_cell(&t, 2));
        const char *bar = strchr(names, '|');
        e->name_ar = bar ? raml_arena_strndup(&lex->strings, names, (size_t)(bar - names))
                         : raml_lex_strdup(lex, names);
        raml_lex_copy_code(e->country, country);
        raml_lex_copy_code(e->sector, sector);
        int n = parse_sectors(raml_tsvfile_cell(&t, 5), e->sectors);
        if (n < 0) {
            st = raml_tsvfile_error(&t, err, "bad sectors cell '%s'", raml_tsvfile_cell(&t, 5));
            break;
        }
        e->nsectors = n;
        if (!valid_year(raml_tsvfile_cell(&t, 6), &e->from_year) ||
            !valid_year(raml_tsvfile_cell(&t, 7), &e->to_year)) {
            st = raml_tsvfile_error(&t, err, "bad year");
            break;
        }
        const char *kind = raml_tsvfile_cell(&t, 8);
        e->is_armed = strcmp(kind, "armed_group") == 0 ||
                      (strcmp(kind, "state_body") == 0 &&
                       (!strcmp(e->sector, "MIL") || !strcmp(e->sector, "COP")));
        e->is_person = strcmp(kind, "person") == 0;
        if (!e->nsectors && e->sector[0]) {
            memcpy(e->sectors[0], e->sector, 4);
            e->nsectors = 1;
        }
        if (!each_value(lex, ix, names, raml_lex_add_phrase)) {
            st = oom(err);
            break;
        }
    }
    return raml_lex_close_dictionary(lex, &t, r, st, err);
}

/* Hands every country's demonyms (masculine and feminine singular: ليبي، ليبية) to the
 * gazetteer, which reads a place name followed by one as a place in that country. Run after
 * the gazetteer is loaded; countries.tsv was checked by raml_lex_load_countries. */
raml_status raml_lex_country_adjectives(raml_lexicon *lex, const char *dir, raml_error *err)
{
    static const char *const cols[] = {"iso3", "name_en", "names_ar", "demonyms_ar", "capitals_ar", "source"};
    if (!lex->gaz)
        return RAML_OK;
    raml_tsvfile t;
    raml_status st = raml_tsvfile_open(&t, dir, "countries.tsv", cols, 6, NULL, err);
    if (st)
        return st;
    int r;
    while (st == RAML_OK && (r = raml_tsvfile_next(&t, err)) > 0) {
        const char *iso = raml_tsvfile_cell(&t, 0);
        char *forms[32];
        int n = raml_split_bar(raml_tsvfile_cell(&t, 3), forms, 32);
        for (int i = 0; i < n && st == RAML_OK; i++) {
            if (forms[i][0] == '=') /* a multi-word phrase: not an adjective after a name */
                continue;
            char fem[256];
            size_t len = strlen(forms[i]);
            bool ya = len >= 2 && !strcmp(forms[i] + len - 2, "\xd9\x8a"); /* ي */
            if (!raml_gazetteer_add_adjective(lex->gaz, forms[i], iso) ||
                (ya && len + 3 < sizeof fem &&
                 (snprintf(fem, sizeof fem, "%s\xd8\xa9", forms[i]), /* + ة */
                  !raml_gazetteer_add_adjective(lex->gaz, fem, iso))))
                st = raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
        }
    }
    if (st == RAML_OK && r < 0)
        st = RAML_ERR_INPUT;
    raml_tsvfile_close(&t);
    return st;
}

raml_status raml_lex_load_actors(raml_lexicon *lex, const char *dir, raml_error *err)
{
    static const char *const cols[] = {"actor_id", "names_ar", "name_en", "country", "sector",
                                       "sectors", "from_year", "to_year", "kind", "source"};
    return load_named(lex, dir, "actors.tsv", cols, 10, err);
}

static bool truthy(const char *s)
{
    return !strcmp(s, "1") || !strcmp(s, "yes") || !strcmp(s, "true") || !strcmp(s, "armed");
}

raml_status raml_lex_load_sectors(raml_lexicon *lex, const char *dir, raml_error *err)
{
    static const char *const cols[] = {"forms_ar", "sector", "is_armed", "default_country", "note"};
    raml_tsvfile t;
    bool present;
    raml_status st = raml_lex_open_optional(lex, &t, dir, "sectors.tsv", cols, 5, &present, err);
    if (st || !present)
        return st;
    int r;
    while ((r = raml_tsvfile_next(&t, err)) > 0) {
        const char *forms = raml_tsvfile_cell(&t, 0), *sector = raml_tsvfile_cell(&t, 1);
        const char *armed = raml_tsvfile_cell(&t, 2), *country = raml_tsvfile_cell(&t, 3);
        if (!*forms || !is_code(sector, 3, 3)) {
            st = raml_tsvfile_error(&t, err, "missing forms_ar or bad sector '%s'", sector);
            break;
        }
        if (*armed && !truthy(armed) && strcmp(armed, "0") && strcmp(armed, "no") &&
            strcmp(armed, "false")) {
            st = raml_tsvfile_error(&t, err, "is_armed must be yes/no, got '%s'", armed);
            break;
        }
        if (*country && !is_code(country, 3, 3)) {
            st = raml_tsvfile_error(&t, err, "bad default_country '%s'", country);
            break;
        }
        uint32_t ix;
        raml_lex_entry *e = raml_lex_new_entry(lex, RAML_ENT_SECTOR, &ix);
        if (!e) { st = oom(err); break; }
        char id[160];
        snprintf(id, sizeof id, "%.120s", forms);
        char *bar = strchr(id, '|');
        if (bar)
            *bar = '\0';
        e->id = rule_id(lex, "sectors.tsv", id);
        e->name_ar = raml_lex_strdup(lex, id);
        raml_lex_copy_code(e->sector, sector);
        memcpy(e->sectors[0], e->sector, 4);
        e->nsectors = 1;
        raml_lex_copy_code(e->country, country);
        e->is_armed = truthy(armed);
        if (!each_value(lex, ix, forms, raml_lex_add_phrase)) {
            st = oom(err);
            break;
        }
    }
    return raml_lex_close_dictionary(lex, &t, r, st, err);
}

static size_t fold_cell(const char *cell, char *out, size_t cap)
{
    size_t n = strlen(cell);
    return 3 * n + 1 <= cap ? raml_fold(cell, n, out, cap, NULL) : 0;
}

/* clitic_words.tsv: words of the hunspell list that news prose almost only writes as a
 * clitic on a word (لقوات "palsies" is nearly always ل + قوات). They leave the guard, so
 * the segmenter cuts them like any other clitic form. Each row spells out its cut, and the
 * cut is checked: a clitic, then a word the guard knows. */
static raml_status load_clitic_words(raml_lexicon *lex, const char *dir, raml_error *err)
{
    static const char *const cols[] = {"word", "cut", "note"};
    raml_tsvfile t;
    bool present;
    raml_status st = raml_lex_open_optional(lex, &t, dir, "clitic_words.tsv", cols, 3, &present, err);
    if (st || !present)
        return st;
    int r;
    while ((r = raml_tsvfile_next(&t, err)) > 0) {
        const char *word = raml_tsvfile_cell(&t, 0), *cut = raml_tsvfile_cell(&t, 1);
        char w[256], c[256];
        size_t wl = fold_cell(word, w, sizeof w), cl = fold_cell(cut, c, sizeof c);
        /* the folded cut is "clitic+rest", the word the same without the + */
        const char *rest = cl > 3 && c[2] == '+' ? c + 3 : NULL;
        size_t rl = rest ? cl - 3 : 0;
        if (!rest || !raml_lex_proclitic_first(c) || wl != 2 + rl || memcmp(w, c, 2) || memcmp(w + 2, rest, rl)) {
            st = raml_tsvfile_error(&t, err, "cut '%s' is not one of و ف ب ل ك + the rest of '%s'", cut, word);
            break;
        }
        if (!raml_wordset_has(lex->guard, rest, rl)) {
            st = raml_tsvfile_error(&t, err, "'%s' after the clitic is no word of words.tsv", strchr(cut, '+') + 1);
            break;
        }
        raml_wordset_remove(lex->guard, w, wl);
    }
    return raml_lex_close_dictionary(lex, &t, r, st, err);
}

raml_status raml_lex_load_words(raml_lexicon *lex, const char *dir, raml_error *err)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/words.tsv", dir);
    FILE *f = fopen(path, "rb");
    if (!f) {
        raml_lex_note_missing(lex, "words.tsv");
        return RAML_OK;
    }
    fclose(f);
    if (!raml_wordset_load_tsv(lex->guard, path, err))
        return err && err->code ? err->code : RAML_ERR_INPUT;
    return load_clitic_words(lex, dir, err);
}
