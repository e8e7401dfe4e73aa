/* Large zeroed blocks for tables that are built once and then read (the guard word set's
 * slots and strings). On Linux they are mapped with their pages populated in one call:
 * on the VMs we measure on, touching fresh anonymous memory a page at a time costs about
 * 15 µs a page (40 ms per 10 MB, most of the dictionary load), populating it up front
 * about 2 ms per 10 MB. Small blocks, and systems without MAP_POPULATE, use calloc. */
#ifndef RAML_UTIL_BIGMEM_H
#define RAML_UTIL_BIGMEM_H

#include <stdbool.h>
#include <stddef.h>

typedef struct raml_bigmem {
    void *p;
    size_t size;
    bool mapped; /* mmap (true) or calloc */
} raml_bigmem;

/* Zeroed memory of `size` bytes into *m; false (and *m empty) when out of memory. */
bool raml_bigmem_alloc(raml_bigmem *m, size_t size);
/* Frees and empties *m (safe on an empty one). */
void raml_bigmem_free(raml_bigmem *m);

/* Asks the kernel to fault in, in one call, the whole pages of [p, p+n) of memory that is
 * about to be written from start to end (a file read into a malloc'd buffer, a table that
 * will fill). A hint: does nothing below 64 KB, or on kernels without
 * MADV_POPULATE_WRITE (before Linux 5.14). */
void raml_prefault(void *p, size_t n);

#endif
