#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct raml_arena_block {
    raml_arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

#define ALIGN16(n) (((n) + 15u) & ~(size_t)15u)

/* What reset keeps for reuse; a rare huge document's memory is given back. */
#define ARENA_KEEP_BYTES (64u * 1024 * 1024)

void raml_arena_init(raml_arena *a, size_t block_size)
{
    a->head = NULL;
    a->spare = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->total = 0;
    a->failed = false;
}

static void free_list(raml_arena_block *b)
{
    while (b) {
        raml_arena_block *next = b->next;
        free(b);
        b = next;
    }
}

void raml_arena_free(raml_arena *a)
{
    free_list(a->head);
    free_list(a->spare);
    a->head = a->spare = NULL;
    a->total = 0;
}

void raml_arena_reset(raml_arena *a)
{
    size_t kept = 0;
    for (raml_arena_block *b = a->spare; b; b = b->next)
        kept += b->size;
    for (raml_arena_block *b = a->head; b;) {
        raml_arena_block *next = b->next;
        if (kept + b->size <= ARENA_KEEP_BYTES) {
            b->used = 0;
            b->next = a->spare;
            a->spare = b;
            kept += b->size;
        } else {
            free(b);
        }
        b = next;
    }
    a->head = NULL;
    a->total = 0;
    a->failed = false;
}

/* A spare block with room for `size`, unlinked from the spare list; NULL when none. */
static raml_arena_block *take_spare(raml_arena *a, size_t size)
{
    for (raml_arena_block **p = &a->spare; *p; p = &(*p)->next) {
        if ((*p)->size >= size) {
            raml_arena_block *b = *p;
            *p = b->next;
            return b;
        }
    }
    return NULL;
}

void *raml_arena_alloc(raml_arena *a, size_t size)
{
    size = ALIGN16(size ? size : 1);
    raml_arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        /* A block that is too small for this request is kept in the list (it may be
         * partly used); the new one becomes the head. */
        raml_arena_block *nb = take_spare(a, size);
        if (!nb) {
            size_t want = a->block_size;
            if (want < size)
                want = size;
            nb = malloc(sizeof *nb + want);
            if (!nb) {
                a->failed = true;
                return NULL;
            }
            nb->size = want;
            /* Grow geometrically so a huge document does not make thousands of blocks. */
            if (a->block_size < 16u * 1024 * 1024)
                a->block_size *= 2;
        }
        nb->used = 0;
        nb->next = a->head;
        a->head = nb;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->total += size;
    return p;
}

void *raml_arena_calloc(raml_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) {
        a->failed = true;
        return NULL;
    }
    void *p = raml_arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *raml_arena_strndup(raml_arena *a, const char *s, size_t n)
{
    char *p = raml_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *raml_arena_strdup(raml_arena *a, const char *s)
{
    return raml_arena_strndup(a, s, strlen(s));
}

void *raml_arena_grow(raml_arena *a, void *old, size_t old_bytes, size_t new_bytes)
{
    if (new_bytes <= old_bytes)
        return old;
    void *p = raml_arena_alloc(a, new_bytes);
    if (p && old && old_bytes)
        memcpy(p, old, old_bytes);
    return p;
}
