/* libFuzzer: the input bytes are written as gazetteer.tsv (with an empty supplement and
 * one-row place_cues.tsv and place_stoplist.tsv) and loaded; any result but a crash or leak
 * is fine. */
#include "geo/geo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];

static void put(const char *name, const uint8_t *data, size_t len)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(data, 1, len, f);
        fclose(f);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/raml-fuzz-gaz-XXXXXX");
        if (!mkdtemp(dir))
            abort();
        static const char cues[] = "مدينة\tfeature\tcity\t-\n";
        put("gazetteer_supplement.tsv", (const uint8_t *)"", 0);
        put("place_cues.tsv", (const uint8_t *)cues, sizeof cues - 1);
        static const char stop[] = "المدينة\tneed_cue\t-\n";
        put("place_stoplist.tsv", (const uint8_t *)stop, sizeof stop - 1);
    }
    put("gazetteer.tsv", data, len);
    raml_gazetteer *g = NULL;
    raml_error err;
    if (raml_gazetteer_load(dir, &g, &err) == RAML_OK)
        raml_gazetteer_free(g);
    return 0;
}
