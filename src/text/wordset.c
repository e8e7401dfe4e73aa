/* The guard word set: open addressing over one growing string pool. Half a million words
 * cost ~12 bytes a slot plus the strings; lookups hash once and compare lengths first. */
#include "text/internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct slot {
    uint32_t hash;
    uint32_t len; /* 0 = empty */
    uint32_t off; /* into pool */
} slot;

struct raml_wordset {
    uint32_t id; /* unique per set, for caches keyed on (set, size) */
    slot *slots;
    size_t cap, count; /* cap is a power of two */
    char *pool;
    size_t pool_len, pool_cap;
};

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h ? h : 1;
}

static _Atomic uint32_t next_id = 1;

uint64_t text_wordset_stamp(const raml_wordset *ws)
{
    return ws ? ((uint64_t)ws->id << 32) | (uint32_t)ws->count : 0;
}

raml_wordset *raml_wordset_new(void)
{
    raml_wordset *ws = calloc(1, sizeof *ws);
    if (!ws)
        return NULL;
    ws->id = next_id++;
    ws->cap = 1024;
    ws->slots = calloc(ws->cap, sizeof *ws->slots);
    if (!ws->slots) {
        free(ws);
        return NULL;
    }
    return ws;
}

void raml_wordset_free(raml_wordset *ws)
{
    if (!ws)
        return;
    free(ws->slots);
    free(ws->pool);
    free(ws);
}

size_t raml_wordset_size(const raml_wordset *ws) { return ws ? ws->count : 0; }

static slot *find(const raml_wordset *ws, const char *w, size_t len, uint32_t h)
{
    size_t mask = ws->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        slot *s = &ws->slots[i];
        if (!s->len)
            return s;
        if (s->hash == h && s->len == len && memcmp(ws->pool + s->off, w, len) == 0)
            return s;
    }
}

static bool grow(raml_wordset *ws)
{
    size_t ncap = ws->cap * 2;
    slot *ns = calloc(ncap, sizeof *ns);
    if (!ns)
        return false;
    for (size_t i = 0; i < ws->cap; i++) {
        slot s = ws->slots[i];
        if (!s.len)
            continue;
        size_t j = s.hash & (ncap - 1);
        while (ns[j].len)
            j = (j + 1) & (ncap - 1);
        ns[j] = s;
    }
    free(ws->slots);
    ws->slots = ns;
    ws->cap = ncap;
    return true;
}

bool raml_wordset_add(raml_wordset *ws, const char *word, size_t len)
{
    if (!ws)
        return false;
    if (len == 0 || len > UINT32_MAX / 2)
        return true; /* nothing worth guarding */
    uint32_t h = hash_bytes(word, len);
    slot *s = find(ws, word, len, h);
    if (s->len)
        return true;
    if (ws->pool_len + len > ws->pool_cap) {
        size_t ncap = ws->pool_cap ? ws->pool_cap * 2 : 1 << 16;
        while (ncap < ws->pool_len + len)
            ncap *= 2;
        if (ncap > UINT32_MAX)
            return false;
        char *np = realloc(ws->pool, ncap);
        if (!np)
            return false;
        ws->pool = np;
        ws->pool_cap = ncap;
    }
    memcpy(ws->pool + ws->pool_len, word, len);
    *s = (slot){.hash = h, .len = (uint32_t)len, .off = (uint32_t)ws->pool_len};
    ws->pool_len += len;
    ws->count++;
    if (ws->count * 2 > ws->cap && !grow(ws))
        return false;
    return true;
}

bool raml_wordset_has(const raml_wordset *ws, const char *word, size_t len)
{
    if (!ws || len == 0)
        return false;
    return find(ws, word, len, hash_bytes(word, len))->len != 0;
}

bool raml_wordset_load_tsv(raml_wordset *ws, const char *path, raml_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        raml_error_set(err, RAML_ERR_INPUT, path, 0, -1, "cannot open: %s", strerror(errno));
        return false;
    }
    char *line = NULL, *folded = NULL;
    size_t cap = 0, fcap = 0;
    ssize_t n;
    long lineno = 0;
    bool ok = true;
    while ((n = getline(&line, &cap, fp)) >= 0) {
        lineno++;
        if (n == 0 || line[0] == '#')
            continue;
        size_t w = strcspn(line, "\t\r\n");
        if (w == 0)
            continue;
        if (3 * w + 1 > fcap) {
            fcap = 3 * w + 1;
            char *nf = realloc(folded, fcap);
            if (!nf) {
                ok = false;
                break;
            }
            folded = nf;
        }
        size_t fl = raml_fold(line, w, folded, fcap, NULL);
        if (!raml_wordset_add(ws, folded, fl)) {
            ok = false;
            break;
        }
    }
    if (!ok)
        raml_error_set(err, RAML_ERR_INTERNAL, path, lineno, -1, "out of memory");
    else if (ferror(fp)) {
        raml_error_set(err, RAML_ERR_INPUT, path, lineno, -1, "read error");
        ok = false;
    }
    free(line);
    free(folded);
    fclose(fp);
    return ok;
}
