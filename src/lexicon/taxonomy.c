/* PLOVER type defaults: quad class, Goldstein value of the CAMEO root, PLOVER base score
 * (output-standards.md §1.2, §2.1), and per-mode scores. taxonomy.tsv, when present,
 * overrides the built-in table row by row. */
#include "lexicon/lexicon_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const raml_type_info builtin[] = {
    {"AGREE", 1, 4.0, 2.5, "03"},     {"CONSULT", 1, 1.0, 2.5, "04"},
    {"SUPPORT", 1, 3.5, 5.0, "05"},   {"CONCEDE", 1, 5.0, 4.5, "08"},
    {"COOPERATE", 2, 6.0, 9.5, "06"}, {"AID", 2, 7.0, 10.0, "07"},
    {"RETREAT", 2, 5.0, 6.5, "08"},   {"REQUEST", 3, -5.0, 0.0, "10"},
    /* ACCUSE: the manual prints +3, an evident typo; its older table's -2 is used. */
    {"ACCUSE", 3, -2.0, -2.0, "11"},  {"REJECT", 3, -4.0, -2.0, "12"},
    {"THREATEN", 3, -6.0, -3.5, "13"}, {"PROTEST", 4, -6.5, -5.0, "14"},
    {"SANCTION", 4, -4.0, -6.0, "16"}, {"MOBILIZE", 4, -7.2, -5.5, "15"},
    {"COERCE", 4, -7.0, -7.0, "17"},  {"ASSAULT", 4, -10.0, -9.0, "19"},
};

static const raml_mode_score builtin_modes[] = {
    {"ASSAULT", "abduct", -8.5}, {"ASSAULT", "beat", -7.5}, {"ASSAULT", "torture", -8.5},
    {"ASSAULT", "sexual", -8.5}, {"ASSAULT", "targeted", -9.5}, {"ASSAULT", "destroy", -8.5},
    {"ASSAULT", "primitive", -8}, {"ASSAULT", "firearms", -9}, {"ASSAULT", "explosives", -9},
    {"ASSAULT", "suicide-attack", -9.5}, {"ASSAULT", "aerial", -9.5}, {"ASSAULT", "drone", -9.5},
    {"ASSAULT", "heavy-weapons", -9.5}, {"ASSAULT", "crowd-control", -7.5},
    {"ASSAULT", "unconventional", -10}, {"COERCE", "seize", -7}, {"COERCE", "restrict", -7},
    {"COERCE", "censor", -6.5}, {"COERCE", "curfew", -6.5}, {"COERCE", "martial-law", -7.5},
    {"COERCE", "arrest", -7}, {"COERCE", "deport", -7}, {"COERCE", "withhold", -7},
    {"COERCE", "misinformation", -6.5}, {"COERCE", "cyber", -7}, {"MOBILIZE", "troops", -6.5},
    {"MOBILIZE", "weapons", -6.5}, {"MOBILIZE", "police", -5.5}, {"MOBILIZE", "militia", -6},
    {"SANCTION", "convict", -6}, {"SANCTION", "expel", -5.5}, {"SANCTION", "withdraw", -6},
    {"SANCTION", "discontinue", -6}, {"PROTEST", "demo", -5}, {"PROTEST", "riot", -7},
    {"PROTEST", "strike", -5}, {"PROTEST", "hunger", -4.5}, {"PROTEST", "boycott", -4.5},
    {"PROTEST", "obstruct", -4.5}, {"THREATEN", "restrict", -3}, {"THREATEN", "arrest", -3.5},
    {"THREATEN", "relations", -3.5}, {"THREATEN", "expel", -3.5}, {"THREATEN", "territory", -4},
    {"THREATEN", "violence", -3.5}, {"REJECT", "assist", -1.5}, {"REJECT", "change", -2},
    {"REJECT", "yield", -2}, {"REJECT", "meet", -2}, {"REQUEST", "assist", 0.5},
    {"REQUEST", "change", -1}, {"REQUEST", "yield", -1}, {"REQUEST", "meet", 0},
    {"ACCUSE", "disapprove", -2}, {"ACCUSE", "investigate", -3.5}, {"ACCUSE", "allege", -3.5},
    {"CONSULT", "visit", 4}, {"CONSULT", "third-party", 1}, {"CONSULT", "multilateral", 4},
    {"CONSULT", "phone", 1.5}, {"RETREAT", "withdraw", 8}, {"RETREAT", "release", 6.5},
    {"RETREAT", "disarm", 10}, {"RETREAT", "ceasefire", 7.5}, {"RETREAT", "access", 6.5},
    {"RETREAT", "resign", 4.5},
};

void raml_lex_builtin_taxonomy(raml_lexicon *lex)
{
    lex->ntypes = (int)(sizeof builtin / sizeof *builtin);
    memcpy(lex->types, builtin, sizeof builtin);
}

bool raml_lexicon_type_info(const raml_lexicon *lex, const char *type, raml_type_info *out)
{
    for (int i = 0; type && i < lex->ntypes; i++)
        if (strcmp(lex->types[i].type, type) == 0) {
            *out = lex->types[i];
            return true;
        }
    memset(out, 0, sizeof *out);
    return false;
}

bool raml_lexicon_mode_score(const raml_lexicon *lex, const char *type, const char *mode,
                             double *score)
{
    for (size_t i = 0; i < lex->nmodes; i++)
        if (!strcmp(lex->modes[i].type, type) && !strcmp(lex->modes[i].mode, mode)) {
            *score = lex->modes[i].score;
            return true;
        }
    for (size_t i = 0; i < sizeof builtin_modes / sizeof *builtin_modes; i++)
        if (!strcmp(builtin_modes[i].type, type) && !strcmp(builtin_modes[i].mode, mode)) {
            *score = builtin_modes[i].score;
            return true;
        }
    return false;
}

/* One row per type (mode `-`) or per type+mode. */
raml_status raml_lex_load_taxonomy(raml_lexicon *lex, const char *dir, raml_error *err)
{
    static const char *const cols[] = {"plover_type", "mode", "quad", "goldstein",
                                       "plover_score", "cameo_default", "note"};
    raml_tsvfile t;
    bool present;
    raml_status st = raml_lex_open_optional(lex, &t, dir, "taxonomy.tsv", cols, 7, &present, err);
    if (st || !present)
        return st;
    int r;
    while ((r = raml_tsvfile_next(&t, err)) > 0) {
        const char *type = raml_lex_plover_type(raml_tsvfile_cell(&t, 0));
        const char *mode = raml_tsvfile_cell(&t, 1);
        if (!type) {
            st = raml_tsvfile_error(&t, err, "'%s' is not a PLOVER 2.0 type", raml_tsvfile_cell(&t, 0));
            break;
        }
        double q = 0, g = 0, s = 0;
        const char *qs = raml_tsvfile_cell(&t, 2), *gs = raml_tsvfile_cell(&t, 3), *ss = raml_tsvfile_cell(&t, 4);
        if ((*qs && !raml_parse_double_in(qs, 1, 4, &q)) || (*gs && !raml_parse_double_in(gs, -10, 10, &g)) ||
            (*ss && !raml_parse_double_in(ss, -10, 10, &s))) {
            st = raml_tsvfile_error(&t, err, "quad 1-4, goldstein and plover_score -10..10 expected");
            break;
        }
        if (*mode) {
            if (!*ss)
                continue;
            if (lex->nmodes == lex->cap_modes) {
                size_t nc = lex->cap_modes ? lex->cap_modes * 2 : 64;
                raml_mode_score *nm = realloc(lex->modes, nc * sizeof *nm);
                if (!nm) {
                    st = raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
                    break;
                }
                lex->modes = nm;
                lex->cap_modes = nc;
            }
            lex->modes[lex->nmodes++] =
                (raml_mode_score){type, raml_lex_strdup(lex, mode), s};
            continue;
        }
        for (int i = 0; i < lex->ntypes; i++) {
            raml_type_info *ti = &lex->types[i];
            if (strcmp(ti->type, type))
                continue;
            if (*qs)
                ti->quad = (int)q;
            if (*gs)
                ti->goldstein = g;
            if (*ss)
                ti->plover_score = s;
            const char *cameo = raml_tsvfile_cell(&t, 5);
            if (*cameo && strlen(cameo) < sizeof ti->cameo)
                strcpy(ti->cameo, cameo);
        }
    }
    return raml_lex_close_dictionary(lex, &t, r, st, err);
}
