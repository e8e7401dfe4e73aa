/* The guard word set: open addressing (linear probing) over one string pool.
 *
 * A slot is 8 bytes: the word's offset in the pool and a tag (24 bits of its hash and its
 * length), so a probe rejects almost every other word without touching the pool, and eight
 * slots share a cache line. Half a million words take an 8 MB table at most 60% full.
 *
 * Loading data/words.tsv is most of the dictionary load, and most of that was page faults
 * on fresh memory (see util/bigmem.h) rather than work: the file is now read straight into
 * the pool, which keeps it (a line's word is used where it lies, folded in place when
 * folding changes it), and the table is sized once for the whole file and populated in one
 * call, instead of doubling through every size on the way. */
#include "text/internal.h"
#include "util/bigmem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct slot {
    uint32_t off; /* into pool */
    uint32_t tag; /* 0 = empty; else (hash >> 40) << 8 | min(len, LONG_LEN) */
} slot;

/* A word this long or longer has its length in the 4 bytes before it in the pool. */
#define LONG_LEN 255

struct raml_wordset {
    uint32_t id; /* unique per set, for caches keyed on (set, size) */
    raml_bigmem slotmem;
    slot *slots;
    size_t cap, count; /* cap is a power of two */
    raml_bigmem poolmem;
    char *pool;
    size_t pool_len; /* capacity: poolmem.size */
};

static _Atomic uint32_t next_id = 1;

uint64_t text_wordset_stamp(const raml_wordset *ws)
{
    return ws ? ((uint64_t)ws->id << 32) | (uint32_t)ws->count : 0;
}

static inline uint32_t make_tag(uint64_t h, size_t len)
{
    return (uint32_t)(h >> 40) << 8 | (uint32_t)(len < LONG_LEN ? len : LONG_LEN);
}

static size_t slot_len(const raml_wordset *ws, slot s)
{
    uint32_t lb = s.tag & 0xFF;
    if (lb < LONG_LEN)
        return lb;
    uint32_t n;
    memcpy(&n, ws->pool + s.off - 4, 4);
    return n;
}

/* Grows only past 60% full: linear probing stays within a cache line or two, and the word
 * list's half million words leave room in a 1M-slot table for the dictionaries' own. */
static bool too_full(size_t count, size_t cap) { return count * 5 > cap * 3; }

static bool alloc_slots(raml_wordset *ws, size_t cap)
{
    raml_bigmem m;
    if (!raml_bigmem_alloc(&m, cap * sizeof(slot)))
        return false;
    slot *ns = m.p;
    for (size_t i = 0; ws->slots && i < ws->cap; i++) {
        slot s = ws->slots[i];
        if (!s.tag)
            continue;
        uint64_t h = raml_hash64(ws->pool + s.off, slot_len(ws, s));
        size_t j = h & (cap - 1);
        while (ns[j].tag)
            j = (j + 1) & (cap - 1);
        ns[j] = s;
    }
    raml_bigmem_free(&ws->slotmem);
    ws->slotmem = m;
    ws->slots = ns;
    ws->cap = cap;
    return true;
}

/* Room for `extra` more words without regrowing (each regrow rehashes every word). */
static bool reserve_slots(raml_wordset *ws, size_t extra)
{
    size_t cap = ws->cap;
    while (too_full(ws->count + extra, cap))
        cap *= 2;
    return cap == ws->cap || alloc_slots(ws, cap);
}

/* Room for `extra` more pool bytes. Offsets stay valid; pointers into the pool do not. */
static bool reserve_pool(raml_wordset *ws, size_t extra)
{
    if (ws->pool_len + extra <= ws->poolmem.size)
        return true;
    /* A quarter more, not double: after the word list only a few thousand dictionary
     * words come, and each step copies the pool into freshly populated memory. */
    size_t ncap = ws->poolmem.size + ws->poolmem.size / 4 + (1 << 16);
    if (ncap < ws->pool_len + extra)
        ncap = ws->pool_len + extra;
    if (ncap > UINT32_MAX)
        return false;
    raml_bigmem m;
    if (!raml_bigmem_alloc(&m, ncap))
        return false;
    if (ws->pool_len)
        memcpy(m.p, ws->pool, ws->pool_len);
    raml_bigmem_free(&ws->poolmem);
    ws->poolmem = m;
    ws->pool = m.p;
    return true;
}

raml_wordset *raml_wordset_new(void)
{
    raml_wordset *ws = calloc(1, sizeof *ws);
    if (!ws)
        return NULL;
    ws->id = next_id++;
    if (!alloc_slots(ws, 1024)) {
        free(ws);
        return NULL;
    }
    return ws;
}

void raml_wordset_free(raml_wordset *ws)
{
    if (!ws)
        return;
    raml_bigmem_free(&ws->slotmem);
    raml_bigmem_free(&ws->poolmem);
    free(ws);
}

size_t raml_wordset_size(const raml_wordset *ws) { return ws ? ws->count : 0; }

static slot *find(const raml_wordset *ws, const char *w, size_t len, uint64_t h)
{
    size_t mask = ws->cap - 1;
    uint32_t tag = make_tag(h, len);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        slot *s = &ws->slots[i];
        if (!s->tag)
            return s;
        if (s->tag == tag && (len < LONG_LEN || slot_len(ws, *s) == len) &&
            memcmp(ws->pool + s->off, w, len) == 0)
            return s;
    }
}

/* Adds the word already stored at pool[off, off+len) (with its length before it when
 * long), unless an equal word is in. Slots must have room (reserve_slots). */
static void insert_at(raml_wordset *ws, uint32_t off, size_t len, uint64_t h)
{
    slot *s = find(ws, ws->pool + off, len, h);
    if (s->tag)
        return;
    *s = (slot){.off = off, .tag = make_tag(h, len)};
    ws->count++;
}

/* Copies word to the end of the pool; returns its offset, or UINT32_MAX when out of memory. */
static uint32_t append(raml_wordset *ws, const char *word, size_t len)
{
    size_t pre = len >= LONG_LEN ? 4 : 0;
    if (!reserve_pool(ws, pre + len))
        return UINT32_MAX;
    if (pre) {
        uint32_t n = (uint32_t)len;
        memcpy(ws->pool + ws->pool_len, &n, 4);
    }
    memcpy(ws->pool + ws->pool_len + pre, word, len);
    uint32_t off = (uint32_t)(ws->pool_len + pre);
    ws->pool_len += pre + len;
    return off;
}

bool raml_wordset_add(raml_wordset *ws, const char *word, size_t len)
{
    if (!ws)
        return false;
    if (len == 0 || len > UINT32_MAX / 2)
        return true; /* nothing worth guarding */
    uint64_t h = raml_hash64(word, len);
    if (find(ws, word, len, h)->tag)
        return true;
    if (!reserve_slots(ws, 1))
        return false;
    uint32_t off = append(ws, word, len);
    if (off == UINT32_MAX)
        return false;
    insert_at(ws, off, len, h);
    return true;
}

/* Backward-shift deletion: the slots after the hole that probed past it move up, so
 * lookups never need tombstones. The word's bytes stay in the pool. */
bool raml_wordset_remove(raml_wordset *ws, const char *word, size_t len)
{
    if (!ws || len == 0 || !ws->cap)
        return false;
    slot *hole = find(ws, word, len, raml_hash64(word, len));
    if (!hole->tag)
        return false;
    size_t mask = ws->cap - 1, i = (size_t)(hole - ws->slots);
    for (size_t j = (i + 1) & mask; ws->slots[j].tag; j = (j + 1) & mask) {
        slot s = ws->slots[j];
        size_t home = raml_hash64(ws->pool + s.off, slot_len(ws, s)) & mask;
        /* s may fill the hole unless its home lies cyclically in (i, j] */
        bool stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (!stays) {
            ws->slots[i] = s;
            i = j;
        }
    }
    ws->slots[i].tag = 0;
    ws->count--;
    return true;
}

bool raml_wordset_has(const raml_wordset *ws, const char *word, size_t len)
{
    if (!ws || len == 0)
        return false;
    return find(ws, word, len, raml_hash64(word, len))->tag != 0;
}

/* Reads the whole file onto the end of the pool; *got is its size. The pool is sized
 * for the file plus a margin for the dictionary words added after it. */
static bool read_into_pool(raml_wordset *ws, int fd, size_t *got, raml_error *err,
                           const char *path)
{
    struct stat st;
    size_t size = fstat(fd, &st) == 0 && st.st_size > 0 ? (size_t)st.st_size : 0;
    size_t n = 0;
    if (!reserve_pool(ws, size + size / 16 + (1 << 16)))
        goto oom;
    for (;;) {
        size_t room = ws->poolmem.size - ws->pool_len - n;
        if (room == 0) {
            if (!reserve_pool(ws, n + (1 << 16)))
                goto oom;
            continue;
        }
        ssize_t r = read(fd, ws->pool + ws->pool_len + n, room);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            raml_error_set(err, RAML_ERR_INPUT, path, 0, (long)n, "read error: %s",
                           strerror(errno));
            return false;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    *got = n;
    return true;
oom:
    raml_error_set(err, RAML_ERR_INTERNAL, path, 0, -1, "out of memory");
    return false;
}

/* Newlines in p[0, n), eight bytes at a time (a byte loop, or memchr per 13-byte line,
 * cost more than a millisecond on the word list). */
static size_t count_lines(const unsigned char *p, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, lows = 0x7F7F7F7F7F7F7F7Full;
    size_t lines = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x = raml_load_le64(p + i) ^ (ones * '\n'); /* zero bytes where '\n' was */
        uint64_t zero = ~(((x & lows) + lows) | x | lows); /* high bit set per zero byte */
        lines += (size_t)(((zero >> 7) * ones) >> 56); /* sum of the bytes (no popcnt) */
    }
    for (; i < n; i++)
        lines += p[i] == '\n';
    return lines;
}

/* Loads the TSV open on fd into ws. */
static bool load_fd(raml_wordset *ws, int fd, const char *path, raml_error *err)
{
    size_t len = 0;
    bool ok = read_into_pool(ws, fd, &len, err, path);
    if (!ok)
        return false;
    const size_t base = ws->pool_len;
    ws->pool_len += len;
    size_t lines = count_lines((const unsigned char *)ws->pool + base, len);
    if (!reserve_slots(ws, lines + 1)) {
        raml_error_set(err, RAML_ERR_INTERNAL, path, 0, -1, "out of memory");
        return false;
    }
    /* Words are hashed in batches and their slots prefetched before insertion: the table is
     * far larger than the cache, and overlapping the misses is most of what is left. */
    enum { BATCH = 32 };
    struct pending {
        uint32_t off, n;
        uint64_t h;
    } batch[BATCH];
    int nb = 0;
    long lineno = 0;
    for (size_t at = 0; ok && at <= len;) {
        bool last = at == len;
        if (!last) {
            /* One pass over the line: where the word (first cell) ends, where the line
             * ends, and whether the word is already in its folded form. */
            const unsigned char *line = (const unsigned char *)ws->pool + base + at;
            const size_t rest = len - at;
            size_t w = 0;
            bool plain = true;
            while (w < rest) {
                unsigned c = line[w];
                if (c < 0x80) {
                    if (c == '\t' || c == '\r' || c == '\n')
                        break;
                    plain &= !(c >= 'A' && c <= 'Z');
                    w++;
                } else if ((c == 0xD8 || c == 0xD9) && w + 1 < rest &&
                           (line[w + 1] & 0xC0) == 0x80) {
                    plain &= !text_arabic_map[((c & 1u) << 6) | (line[w + 1] & 0x3Fu)];
                    w += 2;
                } else {
                    plain = false;
                    w++;
                }
            }
            size_t n = w;
            while (n < rest && line[n] != '\n')
                n++;
            size_t off = base + at;
            at += n + 1;
            lineno++;
            if (at > len)
                at = len;
            /* Comments, blank lines and over-long cells are no words a stem could be. */
            if (n == 0 || line[0] == '#' || w == 0 || w > 256)
                continue;
            if (!plain) {
                char folded[3 * 256 + 1];
                size_t fl = raml_fold((const char *)line, w, folded, sizeof folded, NULL);
                if (fl == 0)
                    continue;
                if (fl <= w && fl < LONG_LEN) {
                    memcpy(ws->pool + off, folded, fl); /* the line is read: fold in place */
                } else {
                    uint32_t o = append(ws, folded, fl);
                    if (o == UINT32_MAX) {
                        ok = false;
                        break;
                    }
                    off = o;
                }
                w = fl;
            } else if (w >= LONG_LEN) {
                char copy[256]; /* append may move the pool the line is in */
                memcpy(copy, line, w);
                uint32_t o = append(ws, copy, w); /* needs its length before it */
                if (o == UINT32_MAX) {
                    ok = false;
                    break;
                }
                off = o;
            }
            uint64_t h = raml_hash64(ws->pool + off, w);
            __builtin_prefetch(&ws->slots[h & (ws->cap - 1)]);
            batch[nb++] = (struct pending){(uint32_t)off, (uint32_t)w, h};
        }
        if (nb == BATCH || (last && nb)) {
            for (int i = 0; i < nb; i++)
                insert_at(ws, batch[i].off, batch[i].n, batch[i].h);
            nb = 0;
        }
        if (last)
            break;
    }
    if (!ok)
        raml_error_set(err, RAML_ERR_INTERNAL, path, lineno, -1, "out of memory");
    return ok;
}

bool raml_wordset_load_tsv(raml_wordset *ws, const char *path, raml_error *err)
{
    if (!ws) {
        raml_error_set(err, RAML_ERR_USAGE, path, 0, -1, "no word set");
        return false;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        raml_error_set(err, RAML_ERR_INPUT, path, 0, -1, "cannot open: %s", strerror(errno));
        return false;
    }
    bool ok = load_fd(ws, fd, path, err);
    close(fd);
    return ok;
}
