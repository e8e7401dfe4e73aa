/* libFuzzer: arbitrary bytes as a dictionary file. The input's first byte picks which file
 * of the fixture set it replaces; the rest is written there and the whole set is loaded.
 * Any outcome but a crash, a leak or a sanitizer report is fine: malformed rows must come
 * back as RAML_ERR_INPUT with everything freed. */
#include "lexicon/lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const files[] = {"countries.tsv", "actors.tsv", "sectors.tsv",
                                    "triggers.tsv",  "cues.tsv",   "taxonomy.tsv",
                                    "place_stoplist.tsv"};
static const char *const minimal[] = {
    "TUR\tTurkey\tتركيا\tتركي\tأنقرة\traml\n",
    "",
    "",
    "",
    "",
    "",
    "المدينة\tneed_cue\t-\n",
};
static char dir[256];

static void write_file(const char *name, const void *data, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return;
    fwrite(data, 1, len, f);
    fclose(f);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(dir, sizeof dir, "/tmp/raml_fuzz_dict_%ld", (long)getpid());
    mkdir(dir, 0700);
    /* geo/, time/ and count/ load their own files from the same directory */
    write_file("gazetteer.tsv", "# none\n", 7);
    write_file("gazetteer_supplement.tsv", "# none\n", 7);
    write_file("place_cues.tsv", "# none\n", 7);
    write_file("dates.tsv", "# none\n", 7);
    write_file("numbers.tsv", "# none\n", 7);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t which = data[0] % (sizeof files / sizeof *files);
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        write_file(files[i], minimal[i], strlen(minimal[i]));
    write_file(files[which], data + 1, size - 1);
    raml_lexicon *lex = NULL;
    raml_error err;
    if (raml_lexicon_load(dir, &lex, &err) == RAML_OK) {
        (void)raml_lexicon_describe(lex);
        raml_lexicon_free(lex);
    }
    return 0;
}
