/* A tiny test harness (after cmark's api_test): CHECK records a failure and goes on; each
 * test program ends with "N passed, N failed" and exits non-zero on any failure. */
#ifndef RAML_TEST_HARNESS_H
#define RAML_TEST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int harness_passed, harness_failed;

#define CHECK(cond) CHECK_MSG(cond, "%s", #cond)
#define CHECK_MSG(cond, ...)                                              \
    do {                                                                  \
        if (cond) {                                                       \
            harness_passed++;                                             \
        } else {                                                          \
            harness_failed++;                                             \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);          \
            fprintf(stderr, __VA_ARGS__);                                 \
            fputc('\n', stderr);                                          \
        }                                                                 \
    } while (0)
#define CHECK_INT(got, want)                                                           \
    do {                                                                               \
        long long g_ = (long long)(got), w_ = (long long)(want);                       \
        CHECK_MSG(g_ == w_, "%s == %lld, expected %lld", #got, g_, w_);                \
    } while (0)
#define CHECK_STR(got, want)                                                           \
    do {                                                                               \
        const char *g_ = (got), *w_ = (want);                                          \
        CHECK_MSG(g_ && w_ && strcmp(g_, w_) == 0, "%s == \"%s\", expected \"%s\"",   \
                  #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");                       \
    } while (0)

/* Speed floors only mean something in an optimised build without sanitizers. */
#ifdef RAML_SLOW_BUILD
#define CHECK_SPEED(cond) ((void)0)
#else
#define CHECK_SPEED(cond) CHECK(cond)
#endif

static inline int harness_finish(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, harness_passed, harness_failed);
    return harness_failed ? 1 : 0;
}

#endif
