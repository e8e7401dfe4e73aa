/*
 * Casualty cue words: a short closed list kept here in code rather than in data/ (no data
 * file belongs to count/; moving it to a TSV such as data/casualties.tsv is proposed in the
 * report). Forms are stored already folded; tests/test_count.c checks each against
 * raml_fold(plain) so a folding change cannot silently break the table.
 */
#include "count/cues.h"

#include <string.h>

const cas_cue cas_cues[] = {
    /* killed */
    {"قتل", "قتل", CAS_KILLED, CUE_HEAD, false, 0, false},
    {"مقتل", "مقتل", CAS_KILLED, CUE_HEAD, false, 0, false},
    {"بحياه", "بحياة", CAS_KILLED, CUE_HEAD, false, 0, true}, /* أودى بحياة */
    {"قتلي", "قتلى", CAS_KILLED, CUE_NOUN, true, 0, false},
    {"قتيلا", "قتيلا", CAS_KILLED, CUE_NOUN, false, 0, false},
    {"قتيل", "قتيل", CAS_KILLED, CUE_NOUN, false, 0, false},
    {"قتيلين", "قتيلين", CAS_KILLED, CUE_NOUN, false, 2, false},
    {"قتيلان", "قتيلان", CAS_KILLED, CUE_NOUN, false, 2, false},
    {"ضحايا", "ضحايا", CAS_KILLED, CUE_NOUN, true, 0, false},
    {"جثث", "جثث", CAS_KILLED, CUE_NOUN, true, 0, false},
    {"جثه", "جثة", CAS_KILLED, CUE_NOUN, false, 0, false},
    {"حتف", "حتف", CAS_KILLED, CUE_GAP, false, 0, false},   /* لقي/لقوا حتفهم */
    {"مصرع", "مصرع", CAS_KILLED, CUE_GAP, false, 0, false}, /* لقوا مصرعهم */
    /* the same with the pronoun, for when segmentation kept it (unknown stem) */
    {"حتفهم", "حتفهم", CAS_KILLED, CUE_GAP, false, 0, false},
    {"حتفه", "حتفه", CAS_KILLED, CUE_GAP, false, 0, false},
    {"مصرعهم", "مصرعهم", CAS_KILLED, CUE_GAP, false, 0, false},
    {"مصرعه", "مصرعه", CAS_KILLED, CUE_GAP, false, 0, false},
    {"قتلوا", "قتلوا", CAS_KILLED, CUE_GAP, false, 0, false},
    /* injured */
    {"جرح", "جرح", CAS_INJURED, CUE_HEAD, false, 0, false},
    {"اصيب", "أصيب", CAS_INJURED, CUE_HEAD, false, 0, false},
    {"اصابه", "إصابة", CAS_INJURED, CUE_HEAD, false, 0, false},
    {"جرحي", "جرحى", CAS_INJURED, CUE_NOUN, true, 0, false},
    {"جريحا", "جريحا", CAS_INJURED, CUE_NOUN, false, 0, false},
    {"جريح", "جريح", CAS_INJURED, CUE_NOUN, false, 0, false},
    {"جريحين", "جريحين", CAS_INJURED, CUE_NOUN, false, 2, false},
    {"جريحان", "جريحان", CAS_INJURED, CUE_NOUN, false, 2, false},
    {"مصابين", "مصابين", CAS_INJURED, CUE_NOUN, true, 0, false},
    {"مصابا", "مصابا", CAS_INJURED, CUE_NOUN, false, 0, false},
    {"اصيبوا", "أصيبوا", CAS_INJURED, CUE_GAP, false, 0, false},
    /* arrested */
    {"اعتقال", "اعتقال", CAS_ARRESTED, CUE_HEAD, false, 0, false},
    {"اعتقل", "اعتقل", CAS_ARRESTED, CUE_HEAD, false, 0, false},
    {"احتجاز", "احتجاز", CAS_ARRESTED, CUE_HEAD, false, 0, false},
    {"احتجز", "احتجز", CAS_ARRESTED, CUE_HEAD, false, 0, false},
    {"اوقف", "أوقف", CAS_ARRESTED, CUE_HEAD, false, 0, false},
    {"توقيف", "توقيف", CAS_ARRESTED, CUE_HEAD, false, 0, false},
    {"معتقلين", "معتقلين", CAS_ARRESTED, CUE_NOUN, true, 0, false},
    {"معتقلا", "معتقلا", CAS_ARRESTED, CUE_NOUN, false, 0, false},
    {"موقوفين", "موقوفين", CAS_ARRESTED, CUE_NOUN, true, 0, false},
    {"محتجزين", "محتجزين", CAS_ARRESTED, CUE_NOUN, true, 0, false},
    {"اسري", "أسرى", CAS_ARRESTED, CUE_NOUN, true, 0, false},
};
const int cas_ncues = (int)(sizeof cas_cues / sizeof *cas_cues);

static const cas_cue *find1(const char *stem, const char *norm);

/* When segmentation cut nothing (stem unknown to the guard lexicon), a leading و/ف is still
 * tried: وأصيب must not be lost. */
const cas_cue *cas_cue_find(const char *stem, const char *norm)
{
    const cas_cue *c = find1(stem, norm);
    if (!c && stem && stem == norm && (unsigned char)stem[0] == 0xD9 &&
        ((unsigned char)stem[1] == 0x88 || (unsigned char)stem[1] == 0x81) && strlen(stem) > 6)
        c = find1(stem + 2, norm + 2);
    return c;
}

static const cas_cue *find1(const char *stem, const char *norm)
{
    for (int i = 0; i < cas_ncues; i++) {
        const char *w = cas_cues[i].by_norm ? norm : stem;
        /* Two-byte first letter check before the full compare keeps the scan cheap. */
        if (w && w[0] == cas_cues[i].folded[0] && w[1] == cas_cues[i].folded[1] &&
            strcmp(w, cas_cues[i].folded) == 0)
            return &cas_cues[i];
    }
    return NULL;
}

static bool in(const char *s, const char *const *list, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(s, list[i]) == 0)
            return true;
    return false;
}

bool cas_is_unit(const char *stem)
{
    static const char *const units[] = {
        "كيلومترا", "كيلومتر", "كيلومترات", "كلم", "كم",  "مترا",   "متر",  "امتار",
        "ميلا",     "ساعه",    "ساعات",    "يوما", "ايام", "دقيقه", "دقائق", "شهرا",
        "اشهر",     "عاما",    "سنوات",    "سنه",  "بالمئه", "بالمائه", "%",   "دولار",
    };
    return stem && in(stem, units, (int)(sizeof units / sizeof *units));
}

bool cas_is_year_word(const char *stem)
{
    static const char *const w[] = {"عام", "سنه", "العام"};
    return stem && in(stem, w, 3);
}
