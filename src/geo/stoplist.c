/*
 * Place names that are also everyday words, and person titles.
 *
 * Built from evidence, not guessed: every entry below is a single-word Arabic name present in
 * data/gazetteer*.tsv (checked 2025 against the generated file) that is also a common word
 * in news prose — e.g. المدينة "the city" (→ Medina), العاصمة "the capital", الداخلية
 * "the interior (ministry)", الجزيرة "Al Jazeera / the island", الخبر "the news" (→ Khobar),
 * الثورة "the revolution" (→ Ath Thawrah, Syria), لي "for me" (→ Lee, UK), قم "stand up".
 *   NEED_CUE: only recognised after a place cue word (مدينة، بلدة، قرية...).
 *   NEED_CUE_OR_PREP: also after a place preposition (في، قرب، من...) or ب/ل proclitic —
 *   names that are real places in conflict news but also a word or a first name
 *   (الباب "the door" / Al-Bab, Syria; جمال a first name / Jammal, Tunisia; إب Ibb, Yemen).
 * Single-word names of at most two letters always need a cue (toponym.c).
 */
#include "geo/geo_int.h"

static const char *const need_cue[] = {
    "المدينة", "العاصمة", "الجنوب",  "الشمال",  "الشمالية", "الشرقية", "الغربية",
    "الوسطى",  "الداخلية", "الجزيرة", "الخبر",   "الثورة",   "الجديدة", "الجديد",
    "العين",   "الحي",     "الشهداء", "القصر",   "القلعة",   "الحراك",  "الأربعاء",
    "الحزم",   "الحد",     "التاج",   "الجميل",  "القابل",   "الأبيض",  "الأزرق",
    "البيض",   "التل",     "الكنائس", "الفيل",   "الشجرة",   "المالح",  "الظاهرة",
    "الوادي",  "الوجه",    "الوفاء",  "الهضبة",  "الواحات",  "الهندية",
    /* Collisions with the coder's own vocabulary (2026: every single-word gazetteer name whose
     * folded form, with or without the article, is a demonym, sector, trigger, cue, number,
     * date or place-cue form in data/): معسكر "camp" (→ Mascara), سوري "Syrian" (→ Surrey,
     * Canada), أمن "security" (→ Emmen, Netherlands), ليل "night" (→ Lille), ميدان "square"
     * (→ Medan), جامعة "university" ... */
    "معسكر",   "سوري",     "أمن",     "ليل",     "ميدان",    "جامعة",   "بيان",
    "البحيرة", "الطرف",    "العصابة", "المنشأة", "المنشاة",  "جنوبية",  "شمالية",
    "آلاشهر",  "ألباني",   "ألفين",   "روي",     "سوف",      "فان",     "مول",
    "أدا",
    /* Found coding data/samples: function words and adjectives (وإن/وأن → Van, لأي "for
     * any" → Laï, المركزي "central" → Markazi, الجنوبية "southern" → a Bahraini governorate). */
    "وان",     "لاي",      "المركزي", "الجنوبية",
};
/* The same evidence, for names that are real places in conflict news (الخمس Khoms, Libya /
 * "the five"; الميادين Mayadin, Syria / "the squares"; السفيرة Safira / "the ambassador"). */
static const char *const need_cue_or_prep[] = {"الباب",    "جمال", "إب",  "الخمس", "السفيرة",
                                               "الميادين", "قبلي", "نوى", "عنة" /* عنه "about him" */};

static const char *const titles[] = {
    "الرئيس", "رئيس",  "الشيخ",   "شيخ",   "السيد",   "الأمير", "أمير",   "الملك",
    "الوزير", "وزير",  "العقيد",  "اللواء", "العميد",  "الدكتور", "الجنرال", "المشير",
    "الحاج",  "أبو",   "أبي",     "ابن",   "بن",      "بنت",    "عبد",    "الإمام",
    "النقيب", "الرائد", "المقدم",  "القائد", "المتحدث", "الناطق", "السفير",  "النائب",
};

bool geo_stoplist_build(raml_gazetteer *g)
{
    for (size_t i = 0; i < sizeof need_cue / sizeof *need_cue; i++)
        if (!geo_phrase_add(&g->stop_ix, need_cue[i], GEO_STOP_NEED_CUE))
            return false;
    for (size_t i = 0; i < sizeof need_cue_or_prep / sizeof *need_cue_or_prep; i++)
        if (!geo_phrase_add(&g->stop_ix, need_cue_or_prep[i], GEO_STOP_NEED_CUE_OR_PREP))
            return false;
    for (size_t i = 0; i < sizeof titles / sizeof *titles; i++)
        if (!geo_phrase_add(&g->title_ix, titles[i], 0))
            return false;
    return true;
}
