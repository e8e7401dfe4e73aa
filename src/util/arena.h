/* Per-document bump allocator: every token, match and event of a document lives here and
 * is released at once by raml_arena_reset() (memory kept for the next document) or
 * raml_arena_free(). Allocation failure is sticky: arena->failed is set and NULL returned,
 * so hot loops can test once at the end instead of after every call. */
#ifndef RAML_UTIL_ARENA_H
#define RAML_UTIL_ARENA_H

#include <stdbool.h>
#include <stddef.h>

typedef struct raml_arena_block raml_arena_block;
typedef struct raml_arena {
    raml_arena_block *head;  /* blocks in use, newest (current) first */
    raml_arena_block *spare; /* blocks kept by reset for the next document */
    size_t block_size;
    size_t total;           /* bytes handed out since the last reset */
    bool failed;
} raml_arena;

void raml_arena_init(raml_arena *a, size_t block_size);
void raml_arena_free(raml_arena *a);
/* Keeps the blocks (up to a bound) for the next document, so a stream of documents does
 * not map and unmap fresh memory each time. */
void raml_arena_reset(raml_arena *a);
void *raml_arena_alloc(raml_arena *a, size_t size);       /* 16-byte aligned, uninitialised */
void *raml_arena_calloc(raml_arena *a, size_t n, size_t size);
char *raml_arena_strndup(raml_arena *a, const char *s, size_t n);
char *raml_arena_strdup(raml_arena *a, const char *s);
/* Grows an array allocated in the arena (copying; the old memory stays until reset). */
void *raml_arena_grow(raml_arena *a, void *old, size_t old_bytes, size_t new_bytes);

#endif
