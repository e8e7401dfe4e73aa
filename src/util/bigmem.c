#include "util/bigmem.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 /* Linux 5.14; older kernels answer EINVAL, which is fine */
#endif

/* Below this, calloc's own pages are as good (and a mapping per block would waste). */
#define BIG (1u << 20)

bool raml_bigmem_alloc(raml_bigmem *m, size_t size)
{
    m->p = NULL;
    m->size = 0;
    m->mapped = false;
    if (size == 0)
        size = 1;
#if defined(MAP_ANONYMOUS) && defined(MAP_POPULATE)
    if (size >= BIG) {
        void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
        if (p != MAP_FAILED) {
            m->p = p;
            m->size = size;
            m->mapped = true;
            return true;
        }
    }
#endif
    m->p = calloc(1, size);
    if (!m->p)
        return false;
    m->size = size;
    return true;
}

void raml_bigmem_free(raml_bigmem *m)
{
    if (!m->p)
        return;
    if (m->mapped)
        munmap(m->p, m->size);
    else
        free(m->p);
    m->p = NULL;
    m->size = 0;
    m->mapped = false;
}

void raml_prefault(void *p, size_t n)
{
#if defined(__linux__)
    if (!p || n < (64u << 10))
        return;
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0)
        return;
    uintptr_t lo = ((uintptr_t)p + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
    uintptr_t hi = ((uintptr_t)p + n) & ~((uintptr_t)page - 1);
    if (hi > lo)
        (void)madvise((void *)lo, hi - lo, MADV_POPULATE_WRITE);
#else
    (void)p;
    (void)n;
#endif
}
