/*
 * String hashes shared by the text layer and the lookup tables built over its tokens.
 */
#ifndef RAML_UTIL_HASH_H
#define RAML_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The hash of the guard word set, the segmentation cache and the phrase tables: whole words
 * of 8 bytes a step, not a byte (the FNV-1a it replaced), since it runs once per token and
 * once per guard word at load. Loads are spelled out byte by byte, which compilers turn
 * into one load, and which gives the same value on every machine. */
static inline uint64_t raml_load_le64(const unsigned char *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
           (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
           (uint64_t)p[7] << 56;
}

static inline uint64_t raml_load_le32(const unsigned char *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
}

/* Short words (most of them) take one or two loads that may overlap, as in wyhash; every
 * byte is read, and the length is mixed in first. */
__attribute__((always_inline)) static inline uint64_t raml_hash64(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t h = 0x9E3779B97F4A7C15ull ^ ((uint64_t)n * 0xFF51AFD7ED558CCDull);
    uint64_t w;
    if (n >= 8) {
        size_t left = n;
        while (left > 8) {
            h = (h ^ raml_load_le64(p)) * 0xBF58476D1CE4E5B9ull;
            h ^= h >> 31;
            p += 8;
            left -= 8;
        }
        w = raml_load_le64((const unsigned char *)s + n - 8);
    } else if (n >= 4) {
        w = raml_load_le32(p) | raml_load_le32(p + n - 4) << 32;
    } else if (n) {
        w = (uint64_t)p[0] | (uint64_t)p[n / 2] << 8 | (uint64_t)p[n - 1] << 16;
    } else {
        w = 0;
    }
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 33;
    h *= 0x94D049BB133111EBull;
    h ^= h >> 29;
    return h;
}


/* ----- Keys of folded words separated by single spaces -----
 * The hash of "w1 w2 w3" is made from the hashes of w1, w2 and w3, so a token's word hash,
 * computed once when the text is split into words, serves every phrase table (places, cues,
 * dates, numbers, the dictionary) and a phrase's hash grows by one step per word read.
 * A key is cut at every space (empty pieces included): the hash is a function of the
 * bytes alone, whichever way the key was put together. */

static inline uint32_t raml_word_hash(const char *s, size_t n)
{
    return (uint32_t)(raml_hash64(s, n) >> 32);
}

/* The hash of key + " " + a word whose raml_word_hash is w. */
static inline uint32_t raml_key_join(uint32_t h, uint32_t w)
{
    uint64_t x = (uint64_t)h << 32 | w;
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDull;
    x ^= x >> 33;
    return (uint32_t)x;
}

/* The hash of key + " " + s[0..n), given h, the hash of key. */
static inline uint32_t raml_key_hash_more(uint32_t h, const char *s, size_t n)
{
    for (;;) {
        const char *sp = memchr(s, ' ', n);
        size_t k = sp ? (size_t)(sp - s) : n;
        h = raml_key_join(h, raml_word_hash(s, k));
        if (!sp)
            return h;
        s += k + 1;
        n -= k + 1;
    }
}

static inline uint32_t raml_key_hash(const char *s, size_t n)
{
    const char *sp = memchr(s, ' ', n);
    if (!sp)
        return raml_word_hash(s, n);
    size_t k = (size_t)(sp - s);
    return raml_key_hash_more(raml_word_hash(s, k), sp + 1, n - k - 1);
}

#endif
