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

static bool add_hashed(raml_wordset *ws, const char *word, size_t len, uint32_t h)
{
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

bool raml_wordset_add(raml_wordset *ws, const char *word, size_t len)
{
    if (!ws)
        return false;
    if (len == 0 || len > UINT32_MAX / 2)
        return true; /* nothing worth guarding */
    return add_hashed(ws, word, len, hash_bytes(word, len));
}

bool raml_wordset_has(const raml_wordset *ws, const char *word, size_t len)
{
    if (!ws || len == 0)
        return false;
    return find(ws, word, len, hash_bytes(word, len))->len != 0;
}

/* Makes room for `extra` more words without regrowing (each regrow rehashes every slot). */
static bool reserve(raml_wordset *ws, size_t extra, size_t pool_extra)
{
    while ((ws->count + extra) * 2 > ws->cap)
        if (!grow(ws))
            return false;
    if (ws->pool_len + pool_extra > ws->pool_cap) {
        size_t ncap = ws->pool_len + pool_extra;
        if (ncap > UINT32_MAX)
            return false;
        char *np = realloc(ws->pool, ncap);
        if (!np)
            return false;
        ws->pool = np;
        ws->pool_cap = ncap;
    }
    return true;
}

/* Only non-ASCII letters, tatweel and the like change under folding; a line of plain folded
 * Arabic (what tools/words writes) is added as it is, which halves the load time. */
static bool needs_fold(const char *s, size_t n)
{
    char tmp[256];
    if (n >= sizeof tmp / 3)
        return true;
    size_t fl = raml_fold(s, n, tmp, sizeof tmp, NULL);
    return fl != n || memcmp(tmp, s, n) != 0;
}

bool raml_wordset_load_tsv(raml_wordset *ws, const char *path, raml_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        raml_error_set(err, RAML_ERR_INPUT, path, 0, -1, "cannot open: %s", strerror(errno));
        return false;
    }
    /* One read of the whole file, then one pass: the word list is half a million lines. */
    char *data = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 65536 > cap) {
            cap = cap ? cap * 2 : 1 << 20;
            char *nd = realloc(data, cap);
            if (!nd) {
                free(data);
                fclose(fp);
                raml_error_set(err, RAML_ERR_INTERNAL, path, 0, -1, "out of memory");
                return false;
            }
            data = nd;
        }
        size_t got = fread(data + len, 1, cap - len, fp);
        len += got;
        if (got == 0)
            break;
    }
    bool read_failed = ferror(fp);
    fclose(fp);
    if (read_failed) {
        free(data);
        raml_error_set(err, RAML_ERR_INPUT, path, 0, (long)len, "read error");
        return false;
    }
    size_t lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += data[i] == '\n';
    bool ok = reserve(ws, lines + 1, len);
    /* Words are hashed in batches and their slots prefetched before insertion: the table is
     * far larger than the cache, and overlapping the misses is most of the load time. */
    enum { BATCH = 32 };
    struct pending {
        const char *w;
        size_t n;
        uint32_t h;
    } batch[BATCH];
    int nb = 0;
    char folded[BATCH][3 * 256 + 1];
    long lineno = 0;
    for (size_t at = 0; ok && at <= len;) {
        bool last = at == len;
        if (!last) {
            char *eol = memchr(data + at, '\n', len - at);
            size_t end = eol ? (size_t)(eol - data) : len;
            const char *line = data + at;
            size_t n = end - at;
            at = end + 1;
            lineno++;
            if (at > len)
                at = len;
            size_t w = 0;
            while (w < n && line[w] != '\t' && line[w] != '\r')
                w++;
            /* Comments, blank lines and over-long cells are no words a stem could be. */
            if (n == 0 || line[0] == '#' || w == 0 || w > 256)
                continue;
            if (needs_fold(line, w)) {
                w = raml_fold(line, w, folded[nb], sizeof folded[nb], NULL);
                line = folded[nb];
            }
            if (w == 0)
                continue;
            uint32_t h = hash_bytes(line, w);
            __builtin_prefetch(&ws->slots[h & (ws->cap - 1)]);
            batch[nb++] = (struct pending){line, w, h};
        }
        if (nb == BATCH || (last && nb)) {
            for (int i = 0; i < nb && ok; i++)
                ok = add_hashed(ws, batch[i].w, batch[i].n, batch[i].h);
            nb = 0;
        }
        if (last)
            break;
    }
    free(data);
    if (!ok)
        raml_error_set(err, RAML_ERR_INTERNAL, path, lineno, -1, "out of memory");
    return ok;
}
