/* Closed-class words the coder's syntax rules look for (prepositions, complementisers,
 * relative pronouns, light verbs, context words). They are grammar rather than dictionary
 * content, so they live here instead of a data file; the lexicon interns them so the coder
 * tests a token with one array lookup. Folded spellings (ة→ه, ى→ي, أ→ا). */
#include "lexicon/lexicon_priv.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *words; /* space separated */
    raml_wclass cls;
} table[] = {
    {"في على من الى عن مع ضد خلال بعد قبل اثر جراء عقب داخل قرب نحو لدي لدى حول بين عند امام", RAML_W_PREP},
    /* locative nouns: a place after them is where, not who (شمال بغداد، مدينة سرت) */
    {"شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي ضواحي اطراف مدينه بلده قريه محافظه ولايه "
     "منطقه اقليم حي عاصمه مخيم",
     RAML_W_PREP},
    {"على ضد استهدف استهدفت يستهدف تستهدف استهدفوا استهداف", RAML_W_TARGET},
    {"ان انه انها انهم", RAML_W_COMP},
    {"التي الذي الذين اللذين اللتين اللذان اللتان اللواتي اللاتي", RAML_W_REL},
    {"مباراه مباريات فريق فرق منتخب لاعب لاعبين لاعبو لاعبي ملعب دوري كاس بطوله نادي هدف اهداف "
     "مرمي حارس شوط الشوط مدرب جمهور فوز تعادل ركله جزاء هداف",
     RAML_W_SPORT},
    {"قتيل قتلي قتلا جريح جرحي مصاب مصابين مصابون ضحايا ضحيه شهداء شهيد جثث جثه اصابات", RAML_W_CASUALTY},
    /* words that state a concrete human toll: a report of an attack says who died or was
     * hurt (مقتل، لقي مصرعه، أصيب بجروح); commentary about violence rarely does */
    {"قتيل قتلي جريح جرحي مصاب مصابين مصابون مقتل مصرع مصرعه مصرعهم حتف حتفه حتفهم جروح "
     "اصابه اصابات اصيب اصيبت اصيبوا اصيبا قتلوا قتلا جرحوا جرحا سقط سقوط اوقع اوقعت خلف "
     "خلفت اسفر اسفرت ادي ادت",
     RAML_W_TOLL},
    {"صاروخ صواريخ عبوه عبوات قذيفه قذائف رصاص مفخخه مفخخ لغم الغام قنبله قنابل سلاح اسلحه "
     "مدفع نيران ناسفه انتحاري انتحاريه هاون "
     /* duals, which the segmenter leaves whole */
     "صاروخين صاروخان عبوتين عبوتان قذيفتين قذيفتان قنبلتين قنبلتان لغمين لغمان ناسفتين "
     "ناسفتان مفخختين مفخختان انتحاريين انتحاريان متفجرات",
     RAML_W_WEAPON},
    {"طائره طائرات طيران مقاتلات مقاتله مدفعيه دبابه دبابات بوارج بارجه مروحيه مروحيات زوارق "
     "سفن مسيره مسيرات درون",
     RAML_W_MILEQUIP},
    {"تعرض تعرضت تعرضوا يتعرض تتعرض يتعرضون", RAML_W_UNDERGO},
    /* light verbs whose object is the event noun (شن هجوما، نظم وقفة، دخل في إضراب، ألقى القبض); شنه
     * and نفذه are what the segmenter makes of شنته، نفذته */
    {"شن شنت شنوا يشن تشن يشنون شنه نفذ نفذت نفذوا ينفذ تنفذ ينفذون نفذه نظم نظمت نظموا ينظم "
     "تنظم ينظمون نظمه دخل دخلت دخلوا يدخل خرج خرجت خرجوا يخرج شارك شاركت شاركوا يشارك اقام اقامت "
     "اقاموا نزل نزلت نزلوا ينزل ينزلون القي القت القوا يلقي تلقي يلقون "
     /* قام ب + verbal noun is "did" (قامت القوة بمداهمة المسجد) */
     "قام قامت قاموا يقوم تقوم يقومون "
     /* occurrence verbs with the event noun as subject (اندلعت مظاهرات، جرت تظاهرة) */
     "اندلع اندلعت تندلع انطلق انطلقت تنطلق جرت جري تجري عمت تعم",
     RAML_W_LIGHT},
    {"يد", RAML_W_HAND},
    {"عام سنه منذ اعوام سنوات", RAML_W_YEARWORD},
    /* heads that turn an event noun into a time or cause reference to an earlier event
     * (بعد الهجوم، منذ التفجيرات، رغم مقتل، ذكرى المجزرة، ملف الاغتيال) */
    {"بعد عقب اثر منذ رغم بسبب ذكري ذكري خلفيه ملف ملفات اعقاب", RAML_W_BACKREF},
    {"قبل", RAML_W_BEFORE},
    {"نيران", RAML_W_FIRE},
    {"لم لن ما لا ليس ليست لست", RAML_W_NEG},
    {"قد", RAML_W_QAD},
    {"سوف", RAML_W_FUTURE},
    {"ربما اذا لو", RAML_W_HYPO},
    {"قال قالت قالوا يقول تقول اعلن اعلنت اكد اكدت افاد افادت ذكر ذكرت اوضح اوضحت اضاف اضافت "
     "صرح صرحت نقل نقلت اقر اقرت اعترف اعترفت زعم زعمت ادعي ادعت كشف كشفت",
     RAML_W_SAY},
    {"حسب وفقا وفق نقلا", RAML_W_SOURCE},
    {"تبني تبنت تبنوا يتبني مسؤوليه تبنا", RAML_W_CLAIM},
    {"بين", RAML_W_BETWEEN},
    {"مع", RAML_W_WITH},
    {"من", RAML_W_MIN},
    {"نفي نفت نفوا ينفي تنفي", RAML_W_DENY},
    {"هدد هددت هددوا يهدد تهدد توعد توعدت يتوعد تتوعد", RAML_W_THREAT},
    {"يعتزم تعتزم اعتزم قرر قررت يقرر ينوي تنوي يخطط تخطط خطط", RAML_W_INTENT},
    {"حاول حاولت حاولوا يحاول تحاول محاوله محاولات", RAML_W_ATTEMPT},
    {"المقبل المقبله القادم القادمه", RAML_W_FUTURE},
    {"مجهول مجهولون مجهولين مجهوله", RAML_W_UNKNOWN},
    {"حق", RAML_W_HAQQ},
    /* subordinators: the verb after them heads a clause of its own (أصيب 13 شخصا بعدما قصفت
     * الطائرات...: the aircraft are not who was hurt) */
    {"بعدما عندما بينما حينما ريثما كلما طالما فيما حيث", RAML_W_SUBORD},
    /* time adverbs a writer sets off inside the clause (قصفت الطائرات، بعد ظهر أمس، المدينة) */
    {"صباح مساء ظهر عصر فجر ليل ليله ظهيره عشيه", RAML_W_DAYPART},
    {"امس اليوم الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت", RAML_W_DAYWORD},
};

bool raml_lex_intern_function_words(raml_lexicon *lex)
{
    size_t n = sizeof table / sizeof *table;
    for (size_t i = 0; i < n; i++) {
        const char *s = table[i].words;
        while (*s) {
            const char *sp = strchr(s, ' ');
            size_t len = sp ? (size_t)(sp - s) : strlen(s);
            char folded[128];
            size_t fl = len * 3 + 1 <= sizeof folded ? raml_fold(s, len, folded, sizeof folded, NULL) : 0;
            uint32_t id = fl ? raml_intern_add(&lex->words, folded, fl) : 0;
            if (fl && !raml_wordset_add(lex->guard, folded, fl))
                return false;
            if (!id) {
                if (fl)
                    return false;
                s = sp ? sp + 1 : s + len;
                continue;
            }
            if (id >= lex->cap_wclass) {
                size_t nc = lex->cap_wclass ? lex->cap_wclass : 1024;
                while (nc <= id)
                    nc *= 2;
                raml_wclass *nw = realloc(lex->wclass, nc * sizeof *nw);
                if (!nw)
                    return false;
                memset(nw + lex->cap_wclass, 0, (nc - lex->cap_wclass) * sizeof *nw);
                lex->wclass = nw;
                lex->cap_wclass = nc;
            }
            lex->wclass[id] |= table[i].cls;
            s = sp ? sp + 1 : s + len;
        }
    }
    return true;
}

raml_wclass raml_lexicon_word_class(const raml_lexicon *lex, uint32_t id)
{
    return id && id < lex->cap_wclass ? lex->wclass[id] : 0;
}
