/* libFuzzer: the input is a document; its dateline and every sentence's date expressions are
 * read against the fixture date words (RAML_TESTS/fixtures/geo/data/dates.tsv). */
#include "text/text.h"
#include "time/time.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static raml_timelex *tl;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
    if (!tl) {
        const char *tests = getenv("RAML_TESTS");
        char d[1024];
        snprintf(d, sizeof d, "%s/fixtures/geo/data", tests ? tests : "tests");
        raml_error err;
        if (raml_timelex_load(d, &tl, &err) != RAML_OK)
            abort();
    }
    raml_arena a;
    raml_arena_init(&a, 1 << 16);
    raml_text t;
    raml_error err;
    if (raml_text_analyze(&a, (const char *)data, len, NULL, &t, &err) == RAML_OK) {
        char doc[11];
        raml_time_doc_date(tl, &t, NULL, doc);
        size_t n = t.nsentences;
        raml_event *ev = raml_arena_calloc(&a, n ? n : 1, sizeof *ev);
        for (size_t i = 0; ev && i < n; i++) {
            ev[i].sentence_index = (uint32_t)i;
            ev[i].trigger.bstart = t.sentences[i].bstart;
            ev[i].trigger.bend = t.sentences[i].bstart;
        }
        if (ev) {
            raml_time_date_events(tl, &a, &t, doc, ev, n, NULL, &err);
            raml_time_date_events(tl, &a, &t, "2017-06-07", ev, n, NULL, &err);
        }
    }
    raml_arena_free(&a);
    return 0;
}
