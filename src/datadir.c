/* Where the dictionaries live. A checkout runs build/raml against ./data; an install
 * against share/raml; RAML_DATA overrides both (tests set it). */
#include "raml.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef RAML_SOURCE_DATA_DIR
#define RAML_SOURCE_DATA_DIR "data"
#endif

static int is_dir_with_actors(const char *dir)
{
    /* A directory holding countries.tsv is taken for a raml data directory. */
    size_t n = strlen(dir);
    char *p = malloc(n + sizeof "/countries.tsv");
    if (!p)
        return 0;
    memcpy(p, dir, n);
    memcpy(p + n, "/countries.tsv", sizeof "/countries.tsv");
    struct stat st;
    int ok = stat(p, &st) == 0;
    free(p);
    return ok;
}

const char *raml_default_data_dir(void)
{
    static char found[PATH_MAX];
    const char *env = getenv("RAML_DATA");
    if (env && *env)
        return env;
    if (found[0])
        return found;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            const char *rel[] = {"/../data", "/../share/raml/data", "/data"};
            for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
                char cand[PATH_MAX + 32];
                snprintf(cand, sizeof cand, "%s%s", exe, rel[i]);
                if (is_dir_with_actors(cand) && realpath(cand, found))
                    return found;
            }
        }
    }
    snprintf(found, sizeof found, "%s", RAML_SOURCE_DATA_DIR);
    return found;
}
