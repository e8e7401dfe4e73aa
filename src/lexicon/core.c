/* The lexicon's life cycle: load every dictionary, compile the phrases into the trie,
 * and the small accessors. */
#include "lexicon/keys.h"
#include "lexicon/lexicon_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *raml_lex_strdup(raml_lexicon *lex, const char *s)
{
    return s && *s ? raml_arena_strdup(&lex->strings, s) : NULL;
}

void raml_lex_copy_code(char dst[4], const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n > 3)
        n = 3;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

raml_lex_entry *raml_lex_new_entry(raml_lexicon *lex, raml_ent_kind kind, uint32_t *index)
{
    if (lex->nentries == lex->cap_entries) {
        size_t nc = lex->cap_entries ? lex->cap_entries * 2 : 1024;
        raml_lex_entry *ne = realloc(lex->entries, nc * sizeof *ne);
        if (!ne)
            return NULL;
        lex->entries = ne;
        lex->cap_entries = nc;
    }
    raml_lex_entry *e = &lex->entries[lex->nentries];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    *index = (uint32_t)lex->nentries++;
    lex->count[kind]++;
    return e;
}

/* A dictionary word joins the guard unless it is a clitic plus a known word: the phrase
 * "الجناح العسكري لحزب العمال" must not make لحزب a word of its own, or running text
 * would never be cut to حزب. Runs after words.tsv and the other word lists are in. */
static bool clitic_plus_known(const raml_wordset *g, const char *w, size_t n)
{
    if (n < 8 || !raml_lex_proclitic_first(w))
        return false;
    if (raml_wordset_has(g, w + 2, n - 2))
        return true;
    /* لل + word = ل + ال + word */
    return memcmp(w, "\xd9\x84\xd9\x84", 4) == 0 && n >= 10 && raml_wordset_has(g, w + 4, n - 4);
}

bool raml_lex_proclitic_first(const char *folded)
{
    static const char *const pre[] = {"\xd9\x88", "\xd9\x81", "\xd8\xa8", "\xd9\x84", "\xd9\x83"};
    for (size_t k = 0; k < sizeof pre / sizeof *pre; k++)
        if (memcmp(folded, pre[k], 2) == 0)
            return true;
    return false;
}

/* A person's name is never a clitic on a word: باراك stays Barack even when أراك is a town
 * (Arāk) and فيصل a name although يصل is a verb. */
static bool add_guard_words(raml_lexicon *lex, const char *folded, size_t len, bool person)
{
    size_t i = 0;
    while (i < len) {
        while (i < len && folded[i] == ' ')
            i++;
        size_t j = i;
        while (j < len && folded[j] != ' ')
            j++;
        if (j > i && (person || !clitic_plus_known(lex->guard, folded + i, j - i)) &&
            !raml_wordset_add(lex->guard, folded + i, j - i))
            return false;
        i = j;
    }
    return true;
}

bool raml_lex_add_folded(raml_lexicon *lex, uint32_t entry, const char *folded, size_t len)
{
    while (len && folded[len - 1] == ' ')
        len--;
    while (len && *folded == ' ')
        folded++, len--;
    if (!len)
        return true;
    if (lex->npending == lex->cap_pending) {
        size_t nc = lex->cap_pending ? lex->cap_pending * 2 : 4096;
        raml_pending_phrase *np = realloc(lex->pending, nc * sizeof *np);
        if (!np)
            return false;
        lex->pending = np;
        lex->cap_pending = nc;
    }
    char *copy = raml_arena_strndup(&lex->strings, folded, len);
    if (!copy)
        return false;
    lex->pending[lex->npending++] = (raml_pending_phrase){entry, copy};
    return true;
}

bool raml_lex_add_phrase(raml_lexicon *lex, uint32_t entry, const char *phrase, size_t len)
{
    char stack[1024];
    size_t cap = 3 * len + 1;
    char *buf = cap <= sizeof stack ? stack : malloc(cap);
    if (!buf)
        return false;
    size_t n = raml_fold(phrase, len, buf, cap, NULL);
    bool ok = raml_lex_add_folded(lex, entry, buf, n);
    if (buf != stack)
        free(buf);
    return ok;
}

void raml_lex_note_missing(raml_lexicon *lex, const char *name)
{
    size_t n = strlen(lex->missing);
    snprintf(lex->missing + n, sizeof lex->missing - n, "%s%s", n ? " " : "", name);
}

/* Opens an optional dictionary: a missing file is noted for `describe` and is not an
 * error; *present says whether there are rows to read. */
raml_status raml_lex_open_optional(raml_lexicon *lex, raml_tsvfile *t, const char *dir,
                                   const char *file, const char *const *cols, int ncols,
                                   bool *present, raml_error *err)
{
    bool missing = false;
    raml_status st = raml_tsvfile_open(t, dir, file, cols, ncols, &missing, err);
    *present = st == RAML_OK && !missing;
    if (st == RAML_OK && missing)
        raml_lex_note_missing(lex, file);
    return st;
}

/* Ends a dictionary read: a read error (r < 0) wins over st, the file's contents join the
 * dictionary version hash, and the file is closed. */
raml_status raml_lex_close_dictionary(raml_lexicon *lex, raml_tsvfile *t, int r, raml_status st,
                                      raml_error *err)
{
    if (r < 0)
        st = err ? err->code : RAML_ERR_INPUT;
    lex->hash ^= t->hash;
    lex->hash *= 1099511628211ull;
    raml_tsvfile_close(t);
    return st;
}

static bool add_pair(raml_lexicon *lex, uint32_t state, uint32_t entry)
{
    if (lex->npv == lex->cap_pv) {
        size_t nc = lex->cap_pv ? lex->cap_pv * 2 : 8192;
        uint32_t *ns = realloc(lex->pv_state, nc * sizeof *ns);
        if (!ns)
            return false;
        lex->pv_state = ns;
        uint32_t *ne = realloc(lex->pv_entry, nc * sizeof *ne);
        if (!ne)
            return false;
        lex->pv_entry = ne;
        lex->cap_pv = nc;
    }
    lex->pv_state[lex->npv] = state;
    lex->pv_entry[lex->npv++] = entry;
    return true;
}

/* Segments a folded phrase with the text layer's own code, so dictionary words and running
 * text meet on the same keys (keys.h). A trailing lone letter (وفقا لـ) stands for a
 * proclitic on the next word and is dropped. */
static bool compile_phrase(raml_lexicon *lex, raml_arena *tmp, const raml_pending_phrase *p)
{
    raml_token *toks = NULL;
    size_t n = 0;
    if (raml_tokenize(tmp, p->folded, strlen(p->folded), &toks, &n) != RAML_OK)
        return false;
    uint32_t state = 0;
    size_t used = 0;
    size_t last = n;
    while (last > 0 && (toks[last - 1].kind == RAML_TOK_PUNCT ||
                        strlen(toks[last - 1].norm ? toks[last - 1].norm : "") <= 2))
        last--;
    for (size_t i = 0; i < last; i++) {
        raml_token *t = &toks[i];
        if (t->kind == RAML_TOK_PUNCT)
            continue;
        raml_segment_token(tmp, t, lex->guard);
        char buf[RAML_KEY_MAX];
        const char *key = raml_key_article(t, buf);
        if (!key)
            key = raml_key_bare(t);
        if (!*key)
            continue;
        uint32_t id = raml_intern_add(&lex->words, key, strlen(key));
        if (!id)
            return false;
        state = raml_trie_add(&lex->trie, state, id);
        if (!state)
            return false;
        used++;
    }
    if (!used)
        return true;
    lex->nphrases++;
    return add_pair(lex, state, p->entry);
}

static raml_status compile_all(raml_lexicon *lex, raml_error *err)
{
    for (size_t i = 0; i < lex->npending; i++)
        if (!add_guard_words(lex, lex->pending[i].folded, strlen(lex->pending[i].folded),
                             lex->entries[lex->pending[i].entry].is_person))
            return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    raml_arena tmp;
    raml_arena_init(&tmp, 64 * 1024);
    for (size_t i = 0; i < lex->npending; i++) {
        /* Reset for every phrase: the same few kilobytes are reused while they are in
         * cache, instead of a new page (and a page fault) every few phrases. */
        raml_arena_reset(&tmp);
        if (!compile_phrase(lex, &tmp, &lex->pending[i])) {
            raml_arena_free(&tmp);
            return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
        }
    }
    raml_arena_free(&tmp);
    /* Per-state entry lists, without the duplicates that inflection produces. */
    uint32_t ns = lex->trie.nstates;
    lex->state_off = calloc((size_t)ns + 1, sizeof *lex->state_off);
    lex->state_entries = malloc((lex->npv ? lex->npv : 1) * sizeof *lex->state_entries);
    uint32_t *fill = calloc((size_t)ns + 1, sizeof *fill);
    if (!lex->state_off || !lex->state_entries || !fill) {
        free(fill);
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    }
    for (size_t i = 0; i < lex->npv; i++)
        lex->state_off[lex->pv_state[i] + 1]++;
    for (uint32_t s = 0; s < ns; s++)
        lex->state_off[s + 1] += lex->state_off[s];
    for (size_t i = 0; i < lex->npv; i++) {
        uint32_t s = lex->pv_state[i], e = lex->pv_entry[i];
        uint32_t *list = lex->state_entries + lex->state_off[s];
        bool dup = false;
        for (uint32_t k = 0; k < fill[s]; k++)
            dup |= list[k] == e;
        if (!dup)
            list[fill[s]++] = e;
    }
    /* Compact: shrink each range to its filled part by storing the count in fill. */
    uint32_t w = 0;
    for (uint32_t s = 0; s < ns; s++) {
        uint32_t start = lex->state_off[s];
        uint32_t cnt = fill[s];
        memmove(lex->state_entries + w, lex->state_entries + start, cnt * sizeof(uint32_t));
        lex->state_off[s] = w;
        w += cnt;
    }
    lex->state_off[ns] = w;
    free(fill);
    free(lex->pv_state);
    free(lex->pv_entry);
    lex->pv_state = lex->pv_entry = NULL;
    free(lex->pending);
    lex->pending = NULL;
    return RAML_OK;
}

static void describe(raml_lexicon *lex)
{
    static const char *names[RAML_ENT_NKINDS] = {"countries", "demonyms", "capitals", "named",
                                                 "sectors", "triggers", "cues"};
    size_t n = 0;
    for (int k = 0; k < RAML_ENT_NKINDS; k++)
        n += (size_t)snprintf(lex->describe + n, sizeof lex->describe - n, "%s%s %zu",
                              k ? ", " : "", names[k], lex->count[k]);
    if (n < sizeof lex->describe)
        n += (size_t)snprintf(lex->describe + n, sizeof lex->describe - n,
                              "; %zu phrases, %u words, %u trie states, %zu guard words, %zu places",
                              lex->nphrases, lex->words.n, lex->trie.nstates,
                              raml_wordset_size(lex->guard), raml_gazetteer_size(lex->gaz));
    if (lex->missing[0] && n < sizeof lex->describe)
        snprintf(lex->describe + n, sizeof lex->describe - n, "; missing: %s", lex->missing);
    snprintf(lex->version, sizeof lex->version, "%016llx", (unsigned long long)lex->hash);
    lex->version[12] = '\0'; /* 48 bits are plenty to tell dictionary versions apart */
}

raml_status raml_lex_load_words(raml_lexicon *lex, const char *dir, raml_error *err);

/* The files loaded outside the lexicon's own TSV reader (the gazetteer, dates, casualty cues,
 * numbers, place cues, the guard words) change coding just as much: their bytes go into the
 * dictionary version too. A missing file leaves the hash as it is. */
static void hash_file(raml_lexicon *lex, const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    unsigned char buf[1 << 16];
    size_t n;
    uint64_t h = lex->hash;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            memcpy(&w, buf + i, 8);
            h = (h ^ w) * 0x100000001b3ull;
            h ^= h >> 29;
        }
        for (; i < n; i++)
            h = (h ^ buf[i]) * 0x100000001b3ull;
    }
    fclose(f);
    lex->hash = h;
}

static raml_status load_all(raml_lexicon *lex, const char *dir, raml_error *err)
{
    raml_status st;
    lex->hash = 14695981039346656037ull;
    lex->guard = raml_wordset_new();
    if (!lex->guard)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    raml_lex_builtin_taxonomy(lex);
    if (!raml_lex_intern_function_words(lex))
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    /* taxonomy first: triggers take their defaults from it */
    if ((st = raml_lex_load_taxonomy(lex, dir, err)) || (st = raml_lex_load_countries(lex, dir, err)) ||
        (st = raml_lex_load_actors(lex, dir, err)) ||
        (st = raml_lex_load_sectors(lex, dir, err)) || (st = raml_lex_load_triggers(lex, dir, err)) ||
        (st = raml_lex_load_cues(lex, dir, err)))
        return st;
    if ((st = raml_gazetteer_load(dir, &lex->gaz, err)) != RAML_OK ||
        (st = raml_lex_country_adjectives(lex, dir, err)) != RAML_OK)
        return st;
    if ((st = raml_timelex_load(dir, &lex->timelex, err)) != RAML_OK)
        return st;
    char path[1024];
    snprintf(path, sizeof path, "%s/numbers.tsv", dir);
    if ((st = raml_numwords_load(path, &lex->numwords, err)) != RAML_OK)
        return st;
    if ((st = raml_lex_load_words(lex, dir, err)) != RAML_OK)
        return st;
    if ((lex->gaz && !raml_gazetteer_add_guard_words(lex->gaz, lex->guard)) ||
        (lex->timelex && !raml_timelex_add_guard_words(lex->timelex, lex->guard)) ||
        (lex->numwords && !raml_numwords_add_guard_words(lex->numwords, lex->guard)))
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    static const char *const other_files[] = {"gazetteer.tsv", "gazetteer_supplement.tsv", "place_cues.tsv",
                                              "place_stoplist.tsv", "dates.tsv", "casualties.tsv",
                                              "numbers.tsv", "words.tsv"};
    for (size_t i = 0; i < sizeof other_files / sizeof *other_files; i++)
        hash_file(lex, dir, other_files[i]);
    if ((st = compile_all(lex, err)) != RAML_OK)
        return st;
    if (lex->strings.failed)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    describe(lex);
    return RAML_OK;
}

raml_status raml_lexicon_load(const char *data_dir, raml_lexicon **out, raml_error *err)
{
    raml_error_clear(err);
    if (!out)
        return raml_error_set(err, RAML_ERR_USAGE, NULL, 0, -1, "raml_lexicon_load: out is NULL");
    *out = NULL;
    const char *dir = data_dir ? data_dir : raml_default_data_dir();
    raml_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    raml_arena_init(&lex->strings, 64 * 1024);
    raml_intern_init(&lex->words);
    raml_trie_init(&lex->trie);
    raml_status st = load_all(lex, dir, err);
    if (st != RAML_OK) {
        raml_lexicon_free(lex);
        return st;
    }
    *out = lex;
    return RAML_OK;
}

void raml_lexicon_free(raml_lexicon *lex)
{
    if (!lex)
        return;
    raml_gazetteer_free(lex->gaz);
    raml_timelex_free(lex->timelex);
    raml_numwords_free(lex->numwords);
    raml_wordset_free(lex->guard);
    raml_intern_free(&lex->words);
    raml_trie_free(&lex->trie);
    free(lex->entries);
    free(lex->pending);
    free(lex->pv_state);
    free(lex->pv_entry);
    free(lex->state_off);
    free(lex->state_entries);
    free(lex->modes);
    free(lex->wclass);
    raml_arena_free(&lex->strings);
    free(lex);
}

const char *raml_lexicon_describe(const raml_lexicon *lex) { return lex ? lex->describe : ""; }
const char *raml_lexicon_version(const raml_lexicon *lex) { return lex ? lex->version : ""; }
const raml_wordset *raml_lexicon_guard(const raml_lexicon *lex) { return lex ? lex->guard : NULL; }
const raml_gazetteer *raml_lexicon_gazetteer(const raml_lexicon *lex) { return lex ? lex->gaz : NULL; }
const raml_timelex *raml_lexicon_timelex(const raml_lexicon *lex) { return lex ? lex->timelex : NULL; }
const raml_numwords *raml_lexicon_numwords(const raml_lexicon *lex) { return lex ? lex->numwords : NULL; }

const raml_lex_entry *raml_lexicon_entry(const raml_lexicon *lex, uint32_t i)
{
    return i < lex->nentries ? &lex->entries[i] : NULL;
}
