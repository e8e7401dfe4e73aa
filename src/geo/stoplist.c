/*
 * The place stop-list (data/place_stoplist.tsv): place names that are also everyday words
 * or people's names, which need a cue word (or a preposition) before them to count as places,
 * and person titles, after which a name is a person. The file's header says why each tier
 * exists; each row's note says why the name is there.
 */
#include "geo/geo_int.h"
#include "util/tsv.h"

#include <string.h>

static const char *const stop_cols[] = {"name_ar", "tier", "note"};

raml_status geo_stoplist_load(raml_gazetteer *g, const char *dir, raml_error *err)
{
    raml_tsvfile t;
    raml_status st = raml_tsvfile_open(&t, dir, "place_stoplist.tsv", stop_cols, 3, NULL, err);
    if (st != RAML_OK)
        return st;
    int r;
    while ((r = raml_tsvfile_next(&t, err)) == 1) {
        const char *name = raml_tsvfile_cell(&t, 0), *tier = raml_tsvfile_cell(&t, 1);
        geo_phrase_index *ix = &g->stop_ix;
        uint32_t value;
        if (!*name) {
            st = raml_tsvfile_error(&t, err, "empty name_ar");
            break;
        }
        if (strcmp(tier, "need_cue") == 0) {
            value = GEO_STOP_NEED_CUE;
        } else if (strcmp(tier, "need_cue_or_prep") == 0) {
            value = GEO_STOP_NEED_CUE_OR_PREP;
        } else if (strcmp(tier, "title") == 0) {
            ix = &g->title_ix;
            value = 0;
        } else {
            st = raml_tsvfile_error(&t, err,
                                    "unknown tier '%s' (need_cue, need_cue_or_prep or title)", tier);
            break;
        }
        if (!geo_phrase_add(ix, name, value)) {
            st = ix->failed ? raml_error_set(err, RAML_ERR_INTERNAL, t.path, 0, -1, "out of memory")
                            : raml_tsvfile_error(&t, err, "'%s' has no letters", name);
            break;
        }
    }
    if (r < 0)
        st = RAML_ERR_INPUT;
    raml_tsvfile_close(&t);
    return st;
}
