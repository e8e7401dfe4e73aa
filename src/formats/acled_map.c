/* PLOVER type + mode → ACLED event_type / sub_event_type / disorder_type
 * (output-standards.md §6.2). Only actual violence and strategic developments have an
 * ACLED equivalent; verbal events and threats return false. */
#include "formats/export_impl.h"

#include <string.h>

static bool is(const char *a, const char *b) { return a && strcmp(a, b) == 0; }

static bool sector_in(const raml_actor *a, const char *const *set)
{
    for (; a && *set; set++)
        if (strcmp(a->sector, *set) == 0)
            return true;
    return false;
}

static const char *const ARMED[] = {"MIL", "REB", "PRM", "UAF", "COP", "SPY", NULL};
static const char *const STATE[] = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", NULL};

static bool recipient_civilian(const raml_event *ev)
{
    for (int i = 0; i < ev->nactors; i++)
        if (ev->actors[i].role == RAML_ROLE_RECIPIENT && strcmp(ev->actors[i].sector, "CVL") == 0)
            return true;
    return false;
}

/* Battles need two organised armed sides: an armed recipient, or several armed actors
 * fighting each other with no recipient (PLV codes two-sided fighting that way). */
static bool two_sided(const raml_event *ev)
{
    const raml_actor *rcp = raml_event_first(ev, RAML_ROLE_RECIPIENT);
    if (rcp)
        return sector_in(rcp, ARMED) && sector_in(raml_event_first(ev, RAML_ROLE_ACTOR), ARMED);
    int armed = 0;
    for (int i = 0; i < ev->nactors; i++)
        if (ev->actors[i].role == RAML_ROLE_ACTOR && sector_in(&ev->actors[i], ARMED))
            armed++;
    return armed >= 2;
}

static bool trigger_has(const raml_event *ev, const char *s)
{
    return ev->trigger.text && strstr(ev->trigger.text, s);
}

static bool set(raml_acled_class *o, const char *type, const char *sub)
{
    o->event_type = type;
    o->sub_event_type = sub;
    if (strcmp(type, "Strategic developments") == 0)
        o->disorder_type = "Strategic developments";
    else if (strcmp(type, "Protests") == 0 && strcmp(sub, "Excessive force against protesters") == 0)
        o->disorder_type = "Political violence; Demonstrations";
    else if (strcmp(type, "Protests") == 0 ||
             (strcmp(type, "Riots") == 0 && strcmp(sub, "Violent demonstration") == 0))
        o->disorder_type = "Demonstrations";
    else
        o->disorder_type = "Political violence";
    return true;
}

static bool assault(const raml_event *ev, raml_acled_class *o)
{
    const char *EXR = "Explosions/Remote violence", *VAC = "Violence against civilians";
    if (raml_event_has_mode(ev, "crowd-control"))
        return set(o, "Protests", raml_count_best(&ev->killed) > 0
                                      ? "Excessive force against protesters"
                                      : "Protest with intervention");
    if (raml_event_has_mode(ev, "unconventional"))
        return set(o, EXR, "Chemical weapon");
    if (raml_event_has_mode(ev, "suicide-attack"))
        return set(o, EXR, "Suicide bomb");
    if (raml_event_has_mode(ev, "aerial") || raml_event_has_mode(ev, "drone"))
        return set(o, EXR, "Air/drone strike");
    if (raml_event_has_mode(ev, "explosives"))
        return set(o, EXR, trigger_has(ev, "يدوية") ? "Grenade" : "Remote explosive/landmine/IED");
    if (raml_event_has_mode(ev, "heavy-weapons"))
        return set(o, two_sided(ev) ? "Battles" : EXR,
                   two_sided(ev) ? "Armed clash" : "Shelling/artillery/missile attack");
    if (raml_event_has_mode(ev, "sexual"))
        return set(o, VAC, "Sexual violence");
    if (raml_event_has_mode(ev, "abduct"))
        return two_sided(ev) ? set(o, "Battles", "Armed clash")
                             : set(o, VAC, "Abduction/forced disappearance");
    if (raml_event_has_mode(ev, "destroy") && !recipient_civilian(ev) &&
        raml_count_best(&ev->killed) <= 0 && raml_count_best(&ev->injured) <= 0)
        return set(o, "Strategic developments", "Looting/property destruction");
    if (recipient_civilian(ev))
        return set(o, VAC, "Attack");
    if (two_sided(ev) || raml_event_has_mode(ev, "firearms"))
        return set(o, "Battles", "Armed clash");
    return set(o, VAC, "Attack");
}

bool raml_acled_classify(const raml_event *ev, raml_acled_class *o)
{
    const char *t = ev->plover_type, *SD = "Strategic developments";
    memset(o, 0, sizeof *o);
    if (is(t, "ASSAULT"))
        return assault(ev, o);
    if (is(t, "COERCE")) {
        if (raml_event_has_mode(ev, "arrest"))
            return sector_in(raml_event_first(ev, RAML_ROLE_ACTOR), STATE)
                       ? set(o, SD, "Arrests")
                       : set(o, "Violence against civilians", "Abduction/forced disappearance");
        if (raml_event_has_mode(ev, "seize")) {
            for (int i = 0; i < ev->ncontexts; i++)
                if (is(ev->contexts[i], "military"))
                    return set(o, SD, "Non-violent transfer of territory");
            return set(o, SD, "Looting/property destruction");
        }
        if (raml_event_has_mode(ev, "restrict") || raml_event_has_mode(ev, "curfew") ||
            raml_event_has_mode(ev, "martial-law"))
            return set(o, SD, "Change to group/activity");
        return set(o, SD, "Other");
    }
    if (is(t, "PROTEST")) {
        if (raml_event_has_mode(ev, "riot") || raml_event_has_mode(ev, "vandalize"))
            return set(o, "Riots", recipient_civilian(ev) ? "Mob violence" : "Violent demonstration");
        if (raml_event_has_mode(ev, "strike") || raml_event_has_mode(ev, "hunger") ||
            raml_event_has_mode(ev, "boycott"))
            return set(o, SD, "Other");
        return set(o, "Protests", "Peaceful protest");
    }
    if (is(t, "MOBILIZE"))
        return set(o, SD, trigger_has(ev, "مقر") || trigger_has(ev, "قاعدة")
                              ? "Headquarters or base established"
                              : "Change to group/activity");
    if (is(t, "AGREE"))
        return set(o, SD, "Agreement");
    if (is(t, "RETREAT")) {
        if (raml_event_has_mode(ev, "withdraw"))
            return set(o, SD, "Non-violent transfer of territory");
        if (raml_event_has_mode(ev, "ceasefire") || raml_event_has_mode(ev, "release") ||
            raml_event_has_mode(ev, "disarm"))
            return set(o, SD, "Agreement");
        return false;
    }
    if (is(t, "SANCTION") && raml_event_has_mode(ev, "expel"))
        return set(o, SD, "Other");
    return false;
}
