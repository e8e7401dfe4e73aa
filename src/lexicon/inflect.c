/* Load-time inflection on folded forms (ة is already ه, ى is ي, أ/إ/آ are ا):
 * nisba demonyms and the regular verb endings. Unvocalised passives (قُتل، يُقتل) are
 * spelled like actives, so one set of forms covers both voices; the coder decides. */
#include "lexicon/lexicon_priv.h"

#include <stdio.h>
#include <string.h>

#define YA "\xd9\x8a" /* ي */

static bool ends_with(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(s + n - k, suf, k) == 0;
}

/* Splits at the word to inflect: the last word (demonyms: جنوب افريقي) or the first (verb
 * phrases: اطلق النار). */
static void split_word(const char *p, bool last, size_t *ws, size_t *we)
{
    size_t n = strlen(p);
    if (last) {
        const char *sp = strrchr(p, ' ');
        *ws = sp ? (size_t)(sp - p) + 1 : 0;
        *we = n;
    } else {
        const char *sp = strchr(p, ' ');
        *ws = 0;
        *we = sp ? (size_t)(sp - p) : n;
    }
}

/* Emits prefix + word[ws..we) (minus `cut` trailing bytes) + suffix, keeping the rest. */
static bool emit(raml_lexicon *lex, uint32_t entry, raml_form_fn add, const char *p, size_t ws,
                 size_t we, size_t cut, const char *pre, const char *suf)
{
    char buf[1024];
    int n = snprintf(buf, sizeof buf, "%.*s%s%.*s%s%s", (int)ws, p, pre, (int)(we - ws - cut),
                     p + ws, suf, p + we);
    if (n < 0 || (size_t)n >= sizeof buf)
        return true;
    return add(lex, entry, buf, (size_t)n);
}

/* Do all the words of p end in ي? Then they are nisba adjectives that agree (كوري جنوبي →
 * كوريون جنوبيون); otherwise only the last word is one (جنوب افريقي → جنوب افريقيون). */
static bool every_word_nisba(const char *p)
{
    size_t n = strlen(p), start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && p[i] != ' ')
            continue;
        if (!ends_with(p + start, i - start, YA))
            return false;
        start = i + 1;
    }
    return true;
}

/* Appends suf to every word of p. */
static bool emit_agreeing(raml_lexicon *lex, uint32_t entry, raml_form_fn add, const char *p,
                          const char *suf)
{
    char buf[1024];
    size_t o = 0, k = strlen(suf);
    for (const char *c = p;; c++) {
        if (*c == ' ' || !*c) {
            if (o + k >= sizeof buf)
                return true;
            memcpy(buf + o, suf, k);
            o += k;
        }
        if (!*c)
            break;
        if (o + 1 >= sizeof buf)
            return true;
        buf[o++] = *c;
    }
    buf[o] = '\0';
    return add(lex, entry, buf, o);
}

bool raml_inflect_demonym(raml_lexicon *lex, uint32_t entry, const char *p, raml_form_fn add)
{
    size_t ws, we;
    split_word(p, true, &ws, &we);
    if (!add(lex, entry, p, strlen(p)))
        return false;
    if (!ends_with(p + ws, we - ws, YA))
        return true;
    bool agree = ws > 0 && every_word_nisba(p);
    /* تركي → تركيه تركيون تركيين تركيات تركيان تركيتان تركيتين */
    static const char *const sufs[] = {"\xd9\x87", "\xd9\x88\xd9\x86", YA "\xd9\x86",
                                       "\xd8\xa7\xd8\xaa", "\xd8\xa7\xd9\x86",
                                       "\xd8\xaa\xd8\xa7\xd9\x86", "\xd8\xaa" YA "\xd9\x86"};
    for (size_t i = 0; i < sizeof sufs / sizeof *sufs; i++)
        if (!(agree ? emit_agreeing(lex, entry, add, p, sufs[i])
                    : emit(lex, entry, add, p, ws, we, 0, "", sufs[i])))
            return false;
    return true;
}

bool raml_inflect_perfect(raml_lexicon *lex, uint32_t entry, const char *p, raml_form_fn add)
{
    size_t ws, we;
    split_word(p, false, &ws, &we);
    if (!add(lex, entry, p, strlen(p)))
        return false;
    if (we - ws < 4) /* fewer than two letters: not a verb */
        return true;
    /* ت وا ا تا ن نا تم; a final ى (folded ي: رمى، ألقى) drops before ت/وا (رمت، رموا). */
    static const char *const sufs[] = {"\xd8\xaa",         "\xd9\x88\xd8\xa7", "\xd8\xa7",
                                       "\xd8\xaa\xd8\xa7", "\xd9\x86",         "\xd9\x86\xd8\xa7",
                                       "\xd8\xaa\xd9\x85"};
    bool weak = ends_with(p + ws, we - ws, YA);
    for (size_t i = 0; i < sizeof sufs / sizeof *sufs; i++) {
        if (!emit(lex, entry, add, p, ws, we, 0, "", sufs[i]))
            return false;
        if (weak && i < 2 && !emit(lex, entry, add, p, ws, we, 2, "", sufs[i]))
            return false;
    }
    return true;
}

bool raml_inflect_imperfect(raml_lexicon *lex, uint32_t entry, const char *p, raml_form_fn add)
{
    size_t ws, we;
    split_word(p, false, &ws, &we);
    if (!add(lex, entry, p, strlen(p)))
        return false;
    if (we - ws < 6 || memcmp(p + ws, YA, 2) != 0)
        return true;
    size_t ss = ws + 2; /* the stem after the person prefix */
    /* ي ت ن ا × {"", ون ان ين ن وا ا}; ين only with ت (تقتلين), the rest with ي and ت. */
    static const char *const pres[] = {YA, "\xd8\xaa", "\xd9\x86", "\xd8\xa7"};
    static const char *const sufs[] = {"\xd9\x88\xd9\x86", "\xd8\xa7\xd9\x86", YA "\xd9\x86",
                                       "\xd9\x86", "\xd9\x88\xd8\xa7", "\xd8\xa7"};
    for (size_t i = 0; i < 4; i++) {
        char head[1024];
        int hn = snprintf(head, sizeof head, "%.*s%s", (int)ws, p, pres[i]);
        if (hn < 0 || (size_t)hn >= sizeof head)
            return true;
        char buf[1024];
        int n = snprintf(buf, sizeof buf, "%s%.*s%s", head, (int)(we - ss), p + ss, p + we);
        if (n > 0 && (size_t)n < sizeof buf && !add(lex, entry, buf, (size_t)n))
            return false;
        if (i >= 2)
            continue;
        for (size_t k = 0; k < sizeof sufs / sizeof *sufs; k++) {
            if (k == 2 && i == 0)
                continue;
            n = snprintf(buf, sizeof buf, "%s%.*s%s%s", head, (int)(we - ss), p + ss, sufs[k], p + we);
            if (n > 0 && (size_t)n < sizeof buf && !add(lex, entry, buf, (size_t)n))
                return false;
        }
    }
    return true;
}

bool raml_inflect_verb_guess(raml_lexicon *lex, uint32_t entry, const char *p, raml_form_fn add)
{
    if (strchr(p, ' '))
        return add(lex, entry, p, strlen(p));
    if (strncmp(p, YA, 2) == 0)
        return raml_inflect_imperfect(lex, entry, p, add);
    return raml_inflect_perfect(lex, entry, p, add);
}

/* The active participle of a derived verb as an agent noun: form V/VI تفعّل → متفعّل
 * (تظاهر → متظاهر), forms IV/VII/VIII/X افعل → مفعل (احتج → محتج، اعتصم → معتصم), with the
 * sound plurals and the feminine. Form I verbs have no regular participle here. */
bool raml_inflect_participle(raml_lexicon *lex, uint32_t entry, const char *p, raml_form_fn add)
{
    if (strchr(p, ' ') || strlen(p) < 8)
        return true;
    const char *stem;
    if (strncmp(p, "\xd8\xaa", 2) == 0)
        stem = p; /* ت... */
    else if (strncmp(p, "\xd8\xa7", 2) == 0)
        stem = p + 2; /* ا... */
    else
        return true;
    static const char *const sufs[] = {"", "\xd9\x88\xd9\x86", YA "\xd9\x86", "\xd9\x87",
                                       "\xd8\xa7\xd8\xaa"};
    for (size_t i = 0; i < sizeof sufs / sizeof *sufs; i++) {
        char buf[512];
        int n = snprintf(buf, sizeof buf, "\xd9\x85%s%s", stem, sufs[i]);
        if (n > 0 && (size_t)n < sizeof buf && !add(lex, entry, buf, (size_t)n))
            return false;
    }
    return true;
}
