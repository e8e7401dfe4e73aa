/* Compact stored event JSON: a fixed dictionary of the writer's recurring pieces (keys,
 * enumerations, whole runs of the raml.event/1 skeleton), learnt once from coded news and
 * frozen, replaces those pieces by one- or two-byte codes. The writer never emits raw
 * bytes below 0x20 (JSON escapes them), so those bytes are free to be codes:
 *   0x01            first byte of an encoded record (anything else is plain JSON)
 *   0x02-0x08, 0x0b, 0x0c, 0x0e-0x17     one-byte codes for entries 0..18
 *   0x18-0x1e then 0x20-0x7f              two-byte codes for entries 19..
 * Tab, newline, CR and 0x1f never appear in an encoded record, and it stays ASCII-safe
 * UTF-8. Encoding is a pure substitution (greedy longest match), so decoding gives the
 * writer's bytes back exactly. The dictionary must never change once records use it: a
 * new one would take a new first byte. Stores a third of the bytes for a typical event. */
#include "store/store_impl.h"

#include <pthread.h>
#include <string.h>

static const char *const dict[] = {
    ",\"span\":null,\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities"
    "\":{\"killed\":null,\"injured\":null,\"arrested\":null},\"modality\":{\"polarity"
    "\":\"positive\",\"realis\":",
    "\"links\":{\"cluster_id\":null,\"related\":[]},\"coder\":{\"name\":\"raml\",\"version\":",
    "\"links\":{\"cluster_id\":null,\"related\":[]},\"coder\":{\"name\":\"raml\",\"version\"",
    "\"injured\":null,\"arrested\":null},\"modality\":{\"polarity\":\"positive\",\"realis\":",
    ":null,\"injured\":null,\"arrested\":null},\"modality\":{\"polarity\":\"positive\",\"rea"
    "lis\":",
    ",\"span\":null,\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities"
    "\":{\"killed\":null,\"injured\":null,\"arrested\":null},\"modality\":{\"polarity"
    "\":\"positive\",\"realis\":\"actual\",\"certainty\":",
    "\"injured\":null,\"arrested\":null},\"modality\":{\"polarity\":\"positive\",\"realis\"",
    "\"links\":{\"cluster_id\":null,\"related\":[]},\"coder\":{\"name\":\"raml\",",
    "\"links\":{\"cluster_id\":null,\"related\":[]},\"coder\":{\"name\":\"raml\"",
    "\"injured\":null,\"arrested\":null},\"modality\":{\"polarity\":\"positive\",",
    "\"injured\":null,\"arrested\":null},\"modality\":{\"polarity\":\"positive\"",
    "},\"is_claim_of_responsibility\":false},\"links\":{\"cluster_id\":null,\"related\":[]},"
    "\"coder\":{\"name\":\"raml\",\"version\":",
    "\"links\":{\"cluster_id\":null,\"related\":[]},\"coder\":{\"name\":",
    "\"links\":{\"cluster_id\":null,\"related\":[]},\"coder\":{\"name\"",
    ",\"span\":null,\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities"
    "\":{\"killed\"",
    "\"span\":null,\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities"
    "\":{\"killed\"",
    "\"injured\":null,\"arrested\":null},\"modality\":{\"polarity\":",
    "\"injured\":null,\"arrested\":null},\"modality\":{\"polarity\"",
    ":null,\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities\":{\"killed\"",
    ",\"title\":null,\"language\":\"ar\"},\"sentence\":{\"index\":",
    ",\"title\":null,\"language\":\"ar\"},\"sentence\":{\"index\"",
    "\"links\":{\"cluster_id\":null,\"related\":[]},\"coder\":{",
    "},\"event\":{\"plover_type\":\"ASSAULT\",\"plover_mode\":[],\"plover_context\":[],\"cam"
    "eo_code\":\"190\",\"quad_class\":4,\"goldstein\":-10,\"plover_score\":-9,\"confidence\":",
    "\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities\":{\"killed\"",
    "\"links\":{\"cluster_id\":null,\"related\":[]},\"coder\"",
    "\"asserted\",\"cue\":null},\"attribution\":null,\"links\":{\"cluster_id\":null,\"relate"
    "d\":[]},\"coder\":{\"name\":\"raml\",\"version\":",
    ",\"bstart\":",
    "\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities\":{",
    ",\"title\":null,\"language\":\"ar\"},\"sentence\":{",
    "\"injured\":null,\"arrested\":null},\"modality\":{",
    "},\"links\":{\"cluster_id\":null,\"related\":[]},\"coder\":{\"name\":\"raml\",\"version"
    "\":",
    "\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities\"",
    ",\"title\":null,\"language\":\"ar\"},\"sentence\"",
    "\"links\":{\"cluster_id\":null,\"related\":[]},",
    "\"injured\":null,\"arrested\":null},\"modality\"",
    "\"links\":{\"cluster_id\":null,\"related\":[]",
    ",\"start\":",
    ",\"bstart\"",
    "\"links\":{\"cluster_id\":null,\"related\":[",
    ":null,\"links\":{\"cluster_id\":null,\"related\":[]},\"coder\":{\"name\":\"raml\",\"ver"
    "sion\":",
    "\"links\":{\"cluster_id\":null,\"related\":",
    "{\"schema\":\"raml.event/1\",\"event_id\":",
    "\"links\":{\"cluster_id\":null,\"related\"",
    ":null,",
    "{\"schema\":\"raml.event/1\",\"event_id\"",
    "],\"plover_context\":[],\"cameo_code\":",
    "],\"plover_context\":[],\"cameo_code\"",
    "\"precision\":\"day\",\"method\":\"pub_date_fallback\"},",
    ",\"start\"",
    ",\"bend\":",
    "\"bstart\"",
    ":null",
    "\"precision\":\"day\",\"method\":\"pub_date_fallback\"",
    ":{\"text\":",
    ",\"title\":null,\"language\":\"ar\"},",
    "\"injured\":null,\"arrested\":null},",
    "},\"event\":{\"plover_type\":\"ASSAULT\",\"plover_mode\":[],\"plover_context\":[],\"cam"
    "eo_code\":",
    ",\"span\":null,\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities"
    "\":{\"killed\":null,\"injured\":null,\"arrested\":null},\"modality\":{\"polarity"
    "\":\"positive\",\"realis\":\"actual\",\"certainty\":\"reported\",\"cue\":null},\"attrib"
    "ution\":{\"speaker\":{\"text\":",
    ",\"plover_mode\":[],\"plover_context\":[],\"cameo_code\":",
    "},\"fatalities\":{\"killed\":null,\"injured\":null,\"arrested\":null},\"modality"
    "\":{\"polarity\":\"positive\",\"realis\":",
    "},\"event\":{\"plover_type\":\"ASSAULT\",\"plover_mode\":[],\"plover_context\":[],\"cam"
    "eo_code\":\"190\"",
    ":{\"cluster_id\":null,\"related\"",
    ",\"title\":null,\"language\":\"ar\"",
    "\"fatalities\":{\"killed\":null,\"injured\":null,\"arrested\":null},\"modality\":{\"pol"
    "arity\":\"positive\",\"realis\":",
    "\"injured\":null,\"arrested\":null",
    "\"span\":{\"text\":",
    ",\"end\":",
    ",\"bend\"",
    "\"start\"",
    "],\"location\":{\"span\":{\"text\":",
    "\"cluster_id\":null,\"related\"",
    ":{\"text\"",
    ",\"span\":null,\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities"
    "\":{\"killed\":null,\"injured\":null,\"arrested\":null},\"modality\":{\"polarity"
    "\":\"positive\",\"realis\":\"generic\",\"certainty\":",
    ",\"location\":{\"span\":{\"text\":",
    "\"country_iso3\"",
    ":{\"killed\":null,\"injured\":null,\"arrested\":null},\"modality\":{\"polarity\":\"posi"
    "tive\",\"realis\":",
    "\"location\":{\"span\":{\"text\":",
    "\"killed\":null,\"injured\":null,\"arrested\":null},\"modality\":{\"polarity\":\"positi"
    "ve\",\"realis\":",
    "},\"event\":{\"plover_type\":",
    "{\"schema\":\"raml.event/1\",",
    ",\"title\":null,\"language\":",
    ":\"day\",\"method\":\"pub_date_fallback\"",
    ",\"quad_class\":4,\"goldstein\":-10,\"plover_score\":-9,\"confidence\":",
    "\"injured\":null,\"arrested\"",
    "},\"event\":{\"plover_type\"",
    "{\"schema\":\"raml.event/1\"",
    ",\"url\":null,\"publisher\":",
    ",\"title\":null,\"language\"",
    "\"day\",\"method\":\"pub_date_fallback\"",
    "},\"fatalities\":{\"killed\":null,\"injured\":null,\"arrested\":null},\"modality"
    "\":{\"polarity\":\"positive\",\"realis\":\"actual\",\"certainty\":",
    ",\"url\":null,\"publisher\"",
    "\"title\":null,\"language\"",
    "\"schema\":\"raml.event/1\"",
    "{\"text\"",
    ",\"end\"",
    "\"bend\"",
    ",\"cue\":null},\"attribution\"",
    "null",
    "],\"plover_context\":[],",
    "\"url\":null,\"publisher\"",
    "\"event\":{\"plover_type\"",
    "\"reported\",\"cue\":null},\"attribution\":{\"speaker\"",
    "},\"fatalities\":{\"killed\":null,\"injured\":null,\"arrested\":null},\"modality"
    "\":{\"polarity\":\"positive\",\"realis\":\"actual\",\"certainty\":\"asserted\",\"cue"
    "\":null},\"attribution\":null,\"links\":{\"cluster_id\":null,\"related\":[]},\"coder"
    "\":{\"name\":\"raml\",\"version\":",
    ",\"quad_class\":4,\"goldstein\":-10,\"plover_score\":",
    "\"cue\":null},\"attribution\"",
    ",\"country_iso3\"",
    "],\"plover_context\":[]",
    ",\"method\":\"pub_date_fallback\"",
    "]},\"actors\":[{\"role\":\"actor\",\"span\":{\"text\":",
    "},\"trigger\":{\"text\":",
    "],\"plover_context\":[",
    "},\"event\":{\"plover_type\":\"ASSAULT\",\"plover_mode\":[],\"plover_context\":[],\"cam"
    "eo_code\":\"190\",\"quad_class\":4,\"goldstein\":-10,\"plover_score\":-9,\"confidence"
    "\":0.45,\"rule_ids\":[",
    ",\"country_iso3\":",
    "},\"actors\":[{\"role\":\"actor\",\"span\":{\"text\":",
    "\"reported\",\"cue\":null},\"attribution\":{\"speaker\":{\"text\":",
    "},\"is_claim_of_responsibility\":false",
    ",\"quad_class\":4,\"goldstein\":",
    "]},\"actors\":[],\"location\":{\"span\":{\"text\":",
    ",\"is_generic\":true}],\"location\":{\"span\":{\"text\":",
    ",\"quad_class\":4,\"goldstein\":-10,\"plover_score\":-9",
    "],\"plover_context\":",
    "\"actors\":[{\"role\":\"actor\",\"span\":{\"text\":",
    "},\"actors\":[],\"location\":{\"span\":{\"text\":",
    "\"is_generic\":true}],\"location\":{\"span\":{\"text\":",
    ",\"geo_precision\":\"town\",\"method\":",
    "\"text\"",
    ",\"geo_precision\":\"town\",\"method\":\"sentence\"},\"date\":{\"value\":",
    ",\"cue\":null},\"attribution\":{\"speaker\"",
    "],\"plover_context\"",
    "\"trigger\":{\"text\":",
    "\"cluster_id\":null,",
    "\"actors\":[],\"location\":{\"span\":{\"text\":",
    "},\"event\":{\"plover_type\":\"ASSAULT\"",
    "},\"is_claim_of_responsibility\":",
    ",\"method\":",
    "\"end\"",
    ":null},\"attribution\"",
    "},\"is_claim_of_responsibility\"",
    ",\"actor_id\":null,\"country_iso3\":null,\"sector\":",
    "},\"resolved_name\":",
    "},\"date\":{\"value\":",
    ":null,\"publisher\"",
    ",\"plover_context\"",
    ",\"doc\":{\"doc_id\":",
    "\"actor_id\":null,\"country_iso3\"",
    ",\"span\":{\"text\":",
    ",\"actor_id\":null,\"country_iso3\"",
    "}],\"location\":{\"span\":{\"text\":",
    "},\"resolved_name\"",
    ":{\"span\":{\"text\":",
    ",\"geo_precision\":",
    "\"is_claim_of_responsibility\"",
    ":null,\"language\"",
    ",\"plover_score\":",
    ",\"plover_mode\":[",
    ",\"doc\":{\"doc_id\"",
    ",\"dictionaries\":",
    "\"plover_context\"",
    "\"date\":{\"value\":",
    ",\"method\"",
    ":[{\"role\":\"actor\",\"span\":{\"text\":",
    ":null,\"arrested\"",
    "\"asserted\",\"cue\":null},\"attribution\"",
    ",\"geo_precision\"",
    "{\"role\":\"actor\",\"span\":{\"text\":",
    "[{\"role\":\"actor\",\"span\":{\"text\":",
    "},\"attribution\"",
    ":{\"plover_type\"",
    ":\"raml.event/1\"",
    ",\"plover_score\"",
    ",\"plover_mode\":",
    ",\"dictionaries\"",
    "\"doc\":{\"doc_id\"",
    "\"date\":{\"value\"",
    "\"role\":\"actor\",\"span\":{\"text\":",
    ",\"quad_class\":4,\"goldstein\":-10",
    "},\"fatalities\":{\"killed\":null,\"injured\":null,\"arrested\":null},\"modality"
    "\":{\"polarity\":\"positive\",\"realis\":\"actual\",\"certainty\":\"reported\",\"cue"
    "\":null},\"attribution\":{\"speaker\":{\"text\":",
    ":[],\"location\":{\"span\":{\"text\":",
    "\"name_ar\":",
    "\"sentence\"},\"date\":{\"value\":",
    "\"actual\",\"certainty\":",
    ":true}],\"location\":{\"span\":{\"text\":",
    "\"resolved_name\"",
    "\"geo_precision\"",
    "[],\"location\":{\"span\":{\"text\":",
    ",\"quad_class\":",
    ",\"plover_mode\"",
    ",\"confidence\":",
    "\"raml.event/1\"",
    "\"plover_score\"",
    "\"dictionaries\"",
    ",\"R-NO-EVIDENCE\"]},\"actors\":[],\"location\":{\"span\":{\"text\":",
    "true}],\"location\":{\"span\":{\"text\":",
    ",\"cue\":null},\"attribution\":{",
    "\"sentence\"",
    "\"R-NO-EVIDENCE\"]},\"actors\":[],\"location\":{\"span\":{\"text\":",
    "\"actual\",\"certainty\"",
    "\"pub_date_fallback\"",
    "\"method\"",
    ",\"geo_precision\":\"town\"",
    "\"name_ar\"",
    ",\"rule_ids\":[",
    ",\"quad_class\"",
    ",\"goldstein\":",
    ",\"confidence\"",
    "\"plover_type\"",
    "\"plover_mode\"",
    "\"attribution\"",
    "\"span\"",
    ",\"title\":null,\"language\":\"ar\"},\"sentence\":{\"index\":0,\"start\":0,\"end\":",
    ",\"title\":null,\"language\":\"ar\"},\"sentence\":{\"index\":0,\"start\":",
    ",\"span\":null,\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities"
    "\":{\"killed\":null,\"injured\":null,\"arrested\":null},\"modality\":{\"polarity"
    "\":\"positive\",\"realis\":\"generic\",\"certainty\":\"reported\",\"cue\":null},\"attri"
    "bution\":{\"speaker\":{\"text\":",
    ",\"name_ar\":",
    ",\"rule_ids\":",
    ",\"pub_date\":",
    ",\"goldstein\"",
    ",\"certainty\"",
    "\"quad_class\"",
    "\"fatalities\"",
    "\"confidence\"",
    "\"cluster_id\"",
    "\"cameo_code\"",
    "},\"precision\":\"day\",\"method\":\"relative_weekday\"},\"fatalities\":{\"killed\":nul"
    "l,\"injured\":null,\"arrested\":null},\"modality\":{\"polarity\":\"positive\",\"realis"
    "\":\"actual\",\"certainty\":\"reported\",\"cue\":null},\"attribution\":{\"speaker"
    "\":{\"text\":",
    "\"reported\",\"cue\":null},\"attribution\":{\"speaker\":null,\"speaker_actor\":null,"
    "\"cue\":{\"text\":",
    ":\"actor\",\"span\":{\"text\":",
    "},\"speaker_actor\":{\"name\":",
    "},\"name\":null,\"name_ar\":",
    ",\"actor_id\":null,\"country_iso3\":null,\"sector\":\"MIL\",\"sectors\":[\"MIL\"],\"cam"
    "eo\":\"MIL\",\"is_generic\":true}],\"location\":{\"span\":{\"text\":",
    ",\"geo_precision\":\"town\",\"method\":\"clause\"},\"date\":{\"value\":",
    ",\"actor_id\":null,\"country_iso3\":null,\"sector\":\"CVL\",\"sectors\":[\"CVL\"],\"cam"
    "eo\":\"CVL\",\"is_generic\":true}],\"location\":{\"span\":{\"text\":",
    "\"actor\",\"span\":{\"text\":",
    "},\"speaker_actor\":{\"name\"",
    ":null,\"country_iso3\"",
    ",\"title\":null,\"language\":\"ar\"},\"sentence\":{\"index\":0,\"start\":0",
    "},\"event\":{\"plover_type\":\"ASSAULT\",\"plover_mode\":[],\"plover_context\":[],\"cam"
    "eo_code\":\"190\",\"quad_class\":4,\"goldstein\":-10,\"plover_score\":-9,\"confidence"
    "\":0.45,\"rule_ids\":[\"R-REPORT\",",
    "},\"fatalities\":{\"killed\":null,\"injured\":null,\"arrested\":null},\"modality"
    "\":{\"polarity\":\"positive\",\"realis\":\"generic\",\"certainty\":",
    ",\"rule_ids\"",
    ",\"pub_date\"",
    "\"publisher\"",
    "\"precision\"",
    "\"goldstein\"",
    "\"certainty\"",
    "\"name\":null,\"name_ar\":",
    ",\"title\":null,\"language\":\"ar\"},\"sentence\":{\"index\":0",
    ",\"quad_class\":4",
    ",\"title\":null,\"language\":\"ar\"},\"sentence\":{\"index\":2,\"start\":",
    "\"reported\",\"cue\":null},\"attribution\":{\"speaker\":null,\"speaker_actor\":null,",
    "\"cue\":{\"text\":",
    "\"name\"",
    ":{\"doc_id\"",
    "\"rule_ids\"",
    "\"pub_date\"",
    "\"polarity\"",
    "\"modality\"",
    "\"location\"",
    "\"language\"",
    "\"event_id\"",
    "\"arrested\"",
    "\"positive\"",
    "\"reported\",\"cue\":null},\"attribution\":{\"speaker\":null,\"speaker_actor\"",
    ",\"actor_id\":null,\"country_iso3\":null,\"sector\":\"MIL\",\"sectors\":[\"MIL\"],\"cam"
    "eo\":\"MIL\"",
    ",\"actor_id\":null,\"country_iso3\":null,\"sector\":\"CVL\",\"sectors\":[\"CVL\"],\"cam"
    "eo\":\"CVL\"",
    ",\"method\":\"sentence\"},\"date\":{\"value\":",
    "},\"event\":{\"plover_type\":\"ASSAULT\",\"plover_mode\":[",
    ":null,\"sector\":",
    "},\"fatalities\":{\"killed\":null,\"injured\":null,\"arrested\":null},\"modality"
    "\":{\"polarity\":\"positive\",\"realis\":\"generic\",\"certainty\":\"asserted\",\"cue"
    "\":null},\"attribution\":null,\"links\":{\"cluster_id\":null,\"related\":[]},\"coder"
    "\":{\"name\":\"raml\",\"version\":",
    ",\"title\":null,\"language\":\"ar\"},\"sentence\":{\"index\":2",
    "\"sector\":",
    "\"speaker_actor\"",
    "},\"speaker_actor\":{",
    ":{\"value\"",
    "\"version\"",
    "\"trigger\"",
    "\"related\"",
    "\"injured\"",
    ",\"actor_id\":null,\"country_iso3\":null,\"sector\":\"CVL\",\"sectors\":[\"CVL\"],\"cam"
    "eo\":",
    "{\"role\":\"recipient\",\"span\":{\"text\":",
    "\"clause\"},\"date\":{\"value\":",
    ",\"country_iso3\":\"LBY\",\"admin1\":",
    "\"role\":\"recipient\",\"span\":{\"text\":",
    "\"is_generic\"",
    "}},\"attribution\":null,\"links\":{\"cluster_id\":null,\"related\":[]},\"coder\":{\"nam"
    "e\":\"raml\",\"version\":",
    ",\"admin1\"",
    "\"sector\"",
    ",\"country_iso3\":\"LBY\"",
    ",\"title\":null,\"language\":\"ar\"},\"sentence\":{\"index\":3,\"start\":",
    ":null,\"name_ar\":",
    ",\"admin1\":",
    ",\"is_generic\":false}],\"location\":{\"span\":{\"text\":",
    "},\"speaker_actor\"",
    "},\"precision\":\"day\",\"method\":\"relative_weekday\"",
    "},\"event\":{\"plover_type\":\"PROTEST\",\"plover_mode\":[\"demo\"],\"plover_context"
    "\":[],\"cameo_code\":\"141\",\"quad_class\":4,\"goldstein\":",
    ",\"actor_id\":null,\"country_iso3\":null,\"sector\":\"CVL\",\"sectors\":[\"CVL\"",
    ",\"sectors\":[",
    "\"schema\"",
    "\"realis\"",
    "\"killed\"",
    "\"doc_id\"",
    "\"actors\"",
    ",\"country_iso3\":null,\"sector\":",
    ",\"geo_precision\":\"town\",\"method\":\"document_focus\"},\"date\":{\"value\":",
    "\"sectors\":[",
    "\"reported\",\"cue\":null},\"attribution\":{\"speaker\":null,",
    "\"admin1\"",
    ",\"geo_precision\":\"country\",\"method\":\"sentence\"},\"date\":{\"value\":",
    "}},\"injured\":null,\"arrested\":null},\"modality\":{\"polarity\":\"positive\",\"realis"
    "\":\"actual\",\"certainty\":\"reported\",\"cue\":null},\"attribution\":{\"speaker"
    "\":{\"text\":",
    "},\"cue\":{\"text\":",
    "}},\"injured\":null,\"arrested\":null},\"modality\":{\"polarity\":\"positive\",\"realis"
    "\":\"actual\",\"certainty\":",
    ",\"confidence\":0.45,\"rule_ids\":[",
    "}},\"injured\":null,\"arrested\":null},\"modality\":{\"polarity\":\"positive\",\"realis"
    "\":",
    ",\"actor_id\":null,\"country_iso3\":null,\"sector\":\"CVL\",\"sectors\":[",
    "\"MIL\",\"sectors\":[\"MIL\"],\"cameo\":",
    "},\"injured\":null,\"arrested\":null},\"modality\":{\"polarity\":\"positive\",\"realis"
    "\":",
    "\"document_focus\"},\"date\":{\"value\":",
    ":\"recipient\",\"span\":{\"text\":",
    ",\"title\":null,\"language\":\"ar\"},\"sentence\":{\"index\":3",
    "],\"cameo\":",
    "\"sectors\":",
    "\"actor_id\"",
    "\"recipient\",\"span\":{\"text\":",
    "\"generic\",\"certainty\":",
    "},\"precision\":\"day\",\"method\":",
    "},\"fatalities\":{\"killed\":null,\"injured\":null,\"arrested\":null},\"modality"
    "\":{\"polarity\":\"positive\",\"realis\":\"generic\",\"certainty\":\"reported\",\"cue"
    "\":null},\"attribution\":{\"speaker\":{\"text\":",
    "\"value\"",
    "\"title\"",
    "\"links\"",
    "\"index\"",
    "\"event\"",
    "\"coder\"",
    "0.45,\"rule_ids\":[",
    "\"generic\",\"certainty\"",
    "\"R-REPORT\",",
    "},\"event\":{\"plover_type\":\"PROTEST\",\"plover_mode\":[\"demo\"],\"plover_context"
    "\":[],\"cameo_code\":\"141\"",
    ",\"lon\":",
    ",\"span\":null,\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities"
    "\":{\"killed\":{\"count\"",
    "],\"cameo\"",
    "\"sectors\"",
    "\"cue\"",
    ",\"actor_id\":null,\"country_iso3\":null,\"sector\":\"CVL\"",
    ",\"actor_id\":null,\"country_iso3\":",
    "},\"event\":{\"plover_type\":\"PROTEST\",\"plover_mode\":[\"demo\"],\"plover_context"
    "\":[],\"cameo_code\":",
    ",\"title\":null,\"language\":\"ar\"},\"sentence\":{\"index\":4,\"start\":",
    "]},\"actors\":[{\"role\":\"recipient\",\"span\":{\"text\":",
    "},\"event\":{\"plover_type\":\"REQUEST\",\"plover_mode\":[],\"plover_context\":[],\"cam"
    "eo_code\":",
    ",\"span\":null,\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities"
    "\":{\"killed\":{",
    "},\"actors\":[{\"role\":\"recipient\",\"span\":{\"text\":",
    ",\"R-CONTEXT-COUNTRY\"]},\"actors\":[{\"role\":\"actor\",\"span\":{\"text\":",
    "\"R-REPORT\"",
    ",\"span\":null,\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities"
    "\":{\"killed\":null,",
    "\"actors\":[{\"role\":\"recipient\",\"span\":{\"text\":",
    "\"raml\"",
    "\"date\"",
    "},{\"role\":\"recipient\",\"span\":{\"text\":",
    ",\"cameo\"",
    "\"MIL\",\"sectors\":[\"MIL\"",
    ",\"method\":\"clause\"},\"date\":{\"value\":",
    "\"reported\"",
    "\"actual\"",
    ",\"lat\":",
    ",\"confidence\":0.45,\"rule_ids\":[\"R-REPORT\",",
    ",\"is_generic\":true},{\"role\":\"recipient\",\"span\":{\"text\":",
    "\"speaker\"",
    "},\"precision\":",
    ",\"lon\"",
    "\"lat\":",
    "},\"event\":{\"plover_type\":\"PROTEST\",\"plover_mode\":[",
    "\"asserted\"",
    ",\"title\":null,\"language\":\"ar\"},\"sentence\":{\"index\":4",
    ",\"quad_class\":3,\"goldstein\":",
    ",\"sector\":",
    "},\"resolved_name\":\"Libya\",\"name_ar"
    "\":\"\331\204\331\212\330\250\331\212\330\247\",\"country_iso3\":\"LBY\",\"admin1\":nul"
    "l,\"lat\":",
    ",\"sector\":\"MIL\",\"sectors\":[\"MIL\"],\"cameo\":",
    "},\"precision\"",
    ",\"is_generic\":",
    "\"MIL\",\"sectors\":[\"MIL\"],\"cameo\":\"MIL\"",
    "\"ASSAULT\"",
    ",\"method\":\"document_focus\"},\"date\":{\"value\":",
    "\"R-NO-EVIDENCE\"",
    "\"cameo\"",
    ":[{\"role\":\"recipient\",\"span\":{\"text\":",
    ",\"country_iso3\":null,\"sector\":\"GOV\"},\"cue\":{\"text\":",
    ",\"bstart\":0,\"bend\":",
    ",\"geo_precision\":\"country\"",
    ",\"span\":null,\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities"
    "\":{\"killed\":{\"count\":null,\"qualifier\":\"unspecified\",\"low\":null,\"high\":null"
    ",\"span\":{\"text\":",
    "},\"precision\":\"day\"",
    "[{\"role\":\"recipient\",\"span\":{\"text\":",
    ",\"is_generic\"",
    ",\"span\":null,\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities"
    "\":{\"killed\":null,\"injured\":null,\"arrested\":null},\"modality\":{\"polarity\":",
    ",\"is_generic\":false",
    "\"url\"",
    "\"doc\"",
    "\"MIL\",\"sectors\":[",
    ",\"admin1\":null,\"lat\":",
    ",\"R-REPORT\",",
    ",\"geo_precision\":\"sub_country_region\"",
    "\"lon\"",
    "\"lat\"",
    "},\"precision\":\"month\",\"method\":",
    ",\"geo_precision\":\"near_town\",\"method\":\"clause\"},\"date\":{\"value\":",
    ":null,\"qualifier\":\"unspecified\",\"low\":null,\"high\":null,\"span\":{\"text\":",
    ",\"geo_precision\":\"near_town\"",
    "},\"event\":{\"plover_type\":\"PROTEST\",\"plover_mode\":[\"demo\"",
    "\"role\"",
    "\"day\"",
    "},\"is_claim_of_responsibility\":true},\"links\":{\"cluster_id\":null,\"related\":[]},"
    "\"coder\":{\"name\":\"raml\",\"version\":",
    ",\"actor_id\":null,\"country_iso3\":null,\"sector\":\"GOV\",\"sectors\":[\"GOV\"],\"cam"
    "eo\":\"GOV\"",
    ",\"actor_id\":null,\"country_iso3\":null,\"sector\":\"GOV\",\"sectors\":[\"GOV\"],\"cam"
    "eo\":\"GOV\",\"is_generic\":true}],\"location\":{\"span\":{\"text\":",
    ",\"span\":null,\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities"
    "\":{\"killed\":{\"count\":",
    ",\"quad_class\":2,\"goldstein\":",
    ",\"geo_precision\":\"sub_country_region\",\"method\":\"document_focus\"},\"date"
    "\":{\"value\":",
    "},\"event\":{\"plover_type\":\"PROTEST\"",
    "},\"precision\":\"day\",\"method\":\"relative_weekday\"},\"fatalities\":{\"killed\"",
    "},\"event\":{\"plover_type\":\"COERCE\",\"plover_mode\":[",
    ",\"geo_precision\":\"near_town\",\"method\":\"sentence\"},\"date\":{\"value\":",
    ",\"actor_id\":null,\"country_iso3\":null,\"sector\":\"GOV\",\"sectors\":[\"GOV\"],\"cam"
    "eo\":",
    "\"GOV\"},\"cue\":{\"text\":",
    "\"document_focus\"",
    "}},\"attribution\":{\"speaker\":{\"text\":",
    ",\"country_iso3\":\"SYR\",\"admin1\":",
    ",\"span\":null,\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities"
    "\":{\"killed\":null,\"injured\":{\"count\"",
    "\"GOV\",\"sectors\":[\"GOV\"],\"cameo\":",
    ",\"is_generic\":false},{\"role\":\"recipient\",\"span\":{\"text\":",
    "\"actor\"",
    "},\"precision\":\"day\",\"method\":\"relative_offset\"",
    "},\"precision\":\"day\",\"method\":\"relative_weekday\"},\"fatalities\":{",
    ",\"rule_ids\":[\"R-SVO\"",
    ",\"country_iso3\":\"LBY\",\"admin1\":\"Surt\",\"lat\":",
    "\"relative_weekday\"",
    "\"town\"",
    "}},\"attribution\"",
    "},\"precision\":\"day\",\"method\":\"relative_weekday\"},\"fatalities\"",
    "},\"precision\":\"month\",\"method\":\"explicit\"",
    "false",
    "}},\"attribution\":{\"speaker\"",
    "\"high\":null,\"span\":{\"text\":",
    ",\"geo_precision\":\"sub_country_region\",\"method\":\"sentence\"},\"date\":{\"value\":",
    "}},\"arrested\":null},\"modality\":{\"polarity\":\"positive\"",
    ",\"admin1\":null,",
    ",\"country_iso3\":\"EGY\"",
    "\"ar\"",
    "],\"location\":null,\"date\":{\"value\":",
    ",\"cue\":{\"text\":",
    ",\"country_iso3\":\"SYR\"",
    ",\"sector\":null,\"sectors\":[],\"cameo\":",
    ",\"certainty\":\"asserted\",\"cue\":{\"text\":",
    "},\"precision\":\"month\",\"method\":\"relative_offset\"",
    ",\"location\":null,\"date\":{\"value\":",
    ",\"rule_ids\":[\"R-NOUN-SUBJ\"",
    ",\"country_iso3\":\"LBY\",\"admin1\":null,\"lat\":",
    "\"sector\":null,\"sectors\":[],\"cameo\":",
    "\"recipient\"",
    "\"location\":null,\"date\":{\"value\":",
    ",\"quad_class\":3",
    "},\"resolved_name\":\"Libya\",\"name_ar\":\"\331\204\331\212\330\250\331\212\330\247\"",
    "}},\"arrested\":null},\"modality\":{\"polarity\":\"positive\",\"realis\":\"generic"
    "\",\"certainty\":",
    "},\"precision\":\"month\"",
    "},\"name\":null,\"name_ar\":null,\"actor_id\":null,\"country_iso3\"",
    ",\"country_iso3\":\"LBY\",\"admin1\":\"Surt\"",
    "]},\"actors\":[],\"location\":null,\"date\":{\"value\":",
    ",\"sector\":\"MIL\"},\"cue\":{\"text\":",
    ",\"sector\":\"GOV\"},\"cue\":{\"text\":",
    "},\"event\":{\"plover_type\":\"REQUEST\"",
    "\"generic\"",
    "},\"actors\":[],\"location\":null,\"date\":{\"value\":",
    ",\"sector\":\"GOV\",\"sectors\":[\"GOV\"],\"cameo\":",
    ":null,\"qualifier\":\"unspecified\",\"low\"",
    "\"MIL\"",
    ",\"country_iso3\":\"EGY\",\"admin1\":",
    "},\"event\":{\"plover_type\":\"COERCE\"",
    ",\"quad_class\":4,\"goldstein\":-10,\"plover_score\":-9,\"confidence\":0.45,\"rule_ids"
    "\":[",
    "\"clause\"",
    ",\"bstart\":0",
    ",\"geo_precision\":\"admin1\",\"method\":\"sentence\"},\"date\":{\"value\":",
    ",\"geo_precision\":\"sub_country_region\",\"method\":\"clause\"},\"date\":{\"value\":",
    ",\"is_generic\":true",
    "},\"precision\":\"day\",\"method\":\"relative_weekday\"},",
    "\"actors\":[],\"location\":null,\"date\":{\"value\":",
    "\"MIL\"},\"cue\":{\"text\":",
    ",\"R-CONTEXT-COUNTRY\"",
    "\"relative_offset\"",
    "}},\"arrested\":null},\"modality\":{\"polarity\":",
    "}},\"arrested\":null},\"modality\":{\"polarity\"",
    ",\"rule_ids\":[\"R-NOUN-SUBJ\",\"R-REPORT\",",
    ":null,\"name_ar\":null,\"actor_id\":null,\"country_iso3\"",
    "\"R-CONTEXT-COUNTRY\"",
    ",\"geo_precision\":\"country\",\"method\":\"clause\"},\"date\":{\"value\":",
    ":null,\"span\":{\"text\":",
    ",\"geo_precision\":\"near_town\",\"method\":\"document_focus\"},\"date\":{\"value\":",
    "\"GOV\",\"sectors\":[\"GOV\"",
    ",\"rule_ids\":[\"R-VSO\"",
    "\"sub_country_region\"",
    "},\"name\":null,\"name_ar\":null,\"actor_id\":null,\"country_iso3\":",
    ":null,\"qualifier\":\"unspecified\",",
    ",\"sector\":\"REB\",\"sectors\":[\"REB\"",
    ",\"rule_ids\":[\"R-SVO\",",
    ",\"rule_ids\":[\"R-REPORT\",",
    ":null,\"sectors\":[],\"cameo\":",
    ":null,\"qualifier\":\"unspecified\"",
    ",\"certainty\":\"reported\",\"cue\":{\"text\":",
    ",\"rule_ids\":[\"R-VSO\",",
    "},\"precision\":\"day\",\"method\":\"pub_date_fallback\"},\"fatalities\":{\"killed\"",
    "\"name_ar\":null,\"actor_id\":null,\"country_iso3\"",
    ":null,\"high\":null,\"span\":{\"text\":",
    ":[],\"location\":null,\"date\":{\"value\":",
    ",\"sector\":\"REB\",\"sectors\":[\"REB\"],\"cameo\":",
    ",\"actor_id\":",
    ",\"country_iso3\":\"TUR\",\"admin1\":",
    "\"asserted\",\"cue\":{\"text\":",
    ",\"country_iso3\":\"SDN\"",
    "[],\"location\":null,\"date\":{\"value\":",
    ",\"rule_ids\":[\"R-SVO\",\"R-REPORT\",",
    "}},\"attribution\":{",
    ",\"country_iso3\":\"EGY\",\"sector\":\"GOV\"},\"cue\":{\"text\":",
    ":\"asserted\",\"cue\":{\"text\":",
    ",\"sector\":\"CVL\",\"sectors\":[\"CVL\"],\"cameo\":",
    ",\"sector\":\"REB\"},\"cue\":{\"text\":",
    ",\"realis\":\"actual\",\"certainty\":",
    ",\"R-NO-EVIDENCE\"]},\"actors\":[{\"role\":\"actor\",\"span\":{\"text\":",
    ",\"quad_class\":2",
    ",\"country_iso3\":null,\"sector\":\"MIL\"},\"cue\":{\"text\":",
    "},\"name\"",
    "},\"name\":",
    ",\"country_iso3\":\"USA\"",
    ",\"sector\":\"REB\",\"sectors\":[",
    ":null,\"date\":{\"value\":",
    "\"realis\":\"actual\",\"certainty\":",
    ",\"actor_id\"",
    ",\"sector\":\"REB\"",
    "}},\"arrested\":null},\"modality\":{",
    ",\"geo_precision\":\"admin1\",\"method\":\"clause\"},\"date\":{\"value\":",
    "\"qualifier\":",
    "\"Libya\",\"name_ar\":\"\331\204\331\212\330\250\331\212\330\247\"",
    ",\"quad_class\":3,\"goldstein\":3,\"plover_score\":0,\"confidence\":",
    ",\"country_iso3\":\"SDN\",\"admin1\":",
    "\"reported\",\"cue\":{\"text\":",
    "\"qualifier\":\"unspecified\"",
    "\"GOV\",\"sectors\":[",
    ",\"is_generic\":true}],\"location\":null,\"date\":{\"value\":",
    "}},\"arrested\":null},\"modality\"",
    ",\"goldstein\":4,\"plover_score\":",
    ",\"geo_precision\":\"admin1\"",
    ",\"plover_score\":0,\"confidence\":",
    "\"sectors\":[],\"cameo\":",
    ":null,\"actor_id\":null,\"country_iso3\"",
    "\"LBY\"",
    "},\"arrested\":null},\"modality\"",
    "\"CVL\"",
    "\"qualifier\"",
    ",\"quad_class\":4,\"goldstein\":-9,\"plover_score\":",
    "true",
    ",\"high\":null,\"span\":{\"text\":",
    ",\"country_iso3\":null,\"sector\":\"CVL\"},\"cue\":{\"text\":",
    ":\"reported\",\"cue\":{\"text\":",
    ",\"sector\":\"CVL\",\"sectors\":[\"CVL\"",
    ",\"country_iso3\":\"USA\",\"admin1\":null,\"lat\":",
    "\"GOV\"",
    "\"R-NOUN-SUBJ\"",
    "\"country\"",
    "\"near_town\"",
    "\"190\"",
    ",\"country_iso3\":\"TUR\"",
    ",\"rule_ids\":[\"R-NOUN-SUBJ\",",
    ",\"name_ar\":\"\331\204\331\212\330\250\331\212\330\247\"",
    ":\"actual\",\"certainty\":",
    ",\"sector\":\"CVL\",\"sectors\":[",
    "},\"is_claim_of_responsibility\":true",
    ",\"rule_ids\":[\"R-SVO\",\"R-OBJ\"",
    ",\"realis\":\"generic\",\"certainty\":",
    ",\"plover_score\":0",
    ",\"rule_ids\":[\"R-SVO\",\"R-OBJ\",\"R-REPORT\",",
    "\"realis\":\"generic\",\"certainty\":",
    ",\"qualifier\":",
    "}],\"location\":null,\"date\":{\"value\":",
    ",\"actor_id\":null,\"country_iso3\":\"EGY\"",
    "},\"arrested\":null},",
    ",\"quad_class\":4,\"goldstein\":-9",
    ",\"country_iso3\":null,\"sector\":\"CVL\"",
    "0.45",
    "\"injured\":{\"count\"",
    ",\"rule_ids\":[\"R-TARGET\"",
    "\"REB\"",
    "\"R-SVO\"",
    "},\"arrested\":null",
    "4,\"plover_score\":",
    "\"count\"",
    ",\"R-NO-EVIDENCE\"",
    "\"unspecified\"",
    ":\"generic\",\"certainty\":",
    "\"PROTEST\"",
    "\"explicit\"",
    ",\"quad_class\":3,\"goldstein\":3",
    "\"arrested\":null",
    ",\"rule_ids\":[\"R-TARGET\",",
    "\"month\"",
    "\"CVL\",\"sectors\":[",
    "\"high\"",
    ":{\"count\"",
    "-10",
    "\"R-TARGET\"",
    "\"\331\204\331\212\330\250\331\212\330\247\"",
    "\"R-VSO\"",
    "\"REQUEST\"",
    "\"EGY\"",
    "\"low\"",
    "\"COERCE\"",
    "\"SYR\"",
    "\"USA\"",
    "\"R-OBJ\"",
    "\"Libya\"",
    "\"SDN\"",
    "\"Surt\"",
    "\"demo\"",
    "\"TUR\"",
    "\"141\"",
};

enum { NDICT = sizeof dict / sizeof *dict, NSHORT = 19 };
_Static_assert(NDICT <= NSHORT + 7 * 96, "too many dictionary entries for the codes");

static uint8_t dict_len[NDICT];
/* The entries as a byte trie, walked once per position for the longest entry starting
 * there. Hash chains of the entries sharing a 3-byte start (74 begin with `},"`, 31 with
 * `,"s` and mostly the same 8 bytes) cost ~40 compares and many memcmps per position and
 * were half of building a stored row. Node 0 is "none". The first two bytes are two table
 * lookups (a node there has up to 33 children); below, a node's children are a sibling
 * list or, past two, hashed; and a run of single-child nodes without an entry ending
 * inside is crossed with one memcmp against the entry that made it. */
enum { TRIE_MAX = 1 << 15 }; /* > the dictionary's 21,810 bytes, so every entry fits */
static uint16_t t_kid[TRIE_MAX], t_sib[TRIE_MAX], t_term[TRIE_MAX];
/* The nodes of the first two bytes: a row per byte that starts some entry (13 do), so the
 * per-position lookups stay in 7 KB of cache beside SQLite's working set. */
enum { FIRST_MAX = 32 };
static uint8_t t_first[256]; /* row + 1, 0 = no entry starts with this byte */
static uint16_t t_second[FIRST_MAX][256];
static uint16_t t_from[TRIE_MAX]; /* the entry that made the node */
static uint8_t t_byte[TRIE_MAX], t_depth[TRIE_MAX]; /* its byte, at t_depth in that entry */
static uint16_t t_run_end[TRIE_MAX]; /* only child of nd: the run's last node, else 0 */
static uint8_t t_run_len[TRIE_MAX];
/* Children of nodes with more than two (up to 18 below the first two bytes), hashed by
 * node and byte: scanning their sibling lists was a fifth of the encoding time. */
enum { KIDS_BITS = 13 };
static uint32_t k_key[1 << KIDS_BITS]; /* node << 8 | byte, 0 = empty (node 0 has none) */
static uint16_t k_val[1 << KIDS_BITS];
static bool t_many[TRIE_MAX];

static unsigned kid_slot(uint32_t key)
{
    return (key * 2654435761u) >> (32 - KIDS_BITS);
}
static bool trie_ok;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void build(void)
{
    for (int i = 0; i < NDICT; i++) {
        size_t len = strlen(dict[i]);
        dict_len[i] = (uint8_t)(len >= 3 && len <= 255 ? len : 0);
    }
    unsigned n = 1, nfirst = 0;
    /* Entries of 3 to 255 bytes, in order of increasing length: where two were equal the
     * later one would win, as the longest-first chains had it. */
    for (size_t want = 3; want <= 255; want++)
        for (int i = 0; i < NDICT; i++) {
            size_t len = dict_len[i];
            if (len != want)
                continue;
            const unsigned char *e = (const unsigned char *)dict[i];
            if (!t_first[e[0]]) {
                if (++nfirst >= FIRST_MAX)
                    return; /* trie_ok stays false: encode stores plain JSON */
                t_first[e[0]] = (uint8_t)nfirst;
            }
            uint16_t *slot = &t_second[t_first[e[0]] - 1][e[1]];
            for (size_t k = 1;; k++) {
                uint16_t nd = *slot;
                if (!nd) {
                    if (n >= TRIE_MAX)
                        return; /* trie_ok stays false: encode stores plain JSON */
                    nd = (uint16_t)n++;
                    t_byte[nd] = e[k];
                    t_from[nd] = (uint16_t)i;
                    t_depth[nd] = (uint8_t)k;
                    *slot = nd;
                }
                if (k + 1 == len) {
                    t_term[nd] = (uint16_t)(i + 1);
                    break;
                }
                slot = &t_kid[nd];
                while (*slot && t_byte[*slot] != e[k + 1])
                    slot = &t_sib[*slot];
            }
        }
    unsigned nkeys = 0;
    for (unsigned nd = 1; nd < n; nd++) {
        unsigned nk = 0;
        for (uint16_t c = t_kid[nd]; c; c = t_sib[c])
            nk++;
        if (nk <= 2)
            continue;
        t_many[nd] = true;
        for (uint16_t c = t_kid[nd]; c; c = t_sib[c]) {
            if (++nkeys > (1u << KIDS_BITS) / 2)
                return; /* encode stores plain JSON */
            uint32_t key = (uint32_t)nd << 8 | t_byte[c];
            unsigned h = kid_slot(key);
            while (k_key[h])
                h = (h + 1) & ((1u << KIDS_BITS) - 1);
            k_key[h] = key;
            k_val[h] = c;
        }
    }
    for (unsigned nd = 1; nd < n; nd++) {
        uint16_t c = t_kid[nd];
        if (!c || t_sib[c])
            continue;
        unsigned m = 1;
        while (!t_term[c] && t_kid[c] && !t_sib[t_kid[c]] && m < 255) {
            c = t_kid[c];
            m++;
        }
        t_run_end[nd] = c;
        t_run_len[nd] = (uint8_t)m;
    }
    trie_ok = true;
}

static const unsigned char one_code[NSHORT] = {0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
                                               0x0b, 0x0c, 0x0e, 0x0f, 0x10, 0x11, 0x12,
                                               0x13, 0x14, 0x15, 0x16, 0x17};

bool store_json_encode(raml_buf *out, const char *json, size_t len)
{
    pthread_once(&once, build);
    if (!trie_ok)
        return false;
    const unsigned char *s = (const unsigned char *)json;
    /* Any byte below 0x20 means this is not the writer's JSON: keep it as it is. Eight
     * bytes at a time: (w - 0x20...) & ~w & 0x80... is non-zero exactly when some byte of
     * w is below 0x20. */
    size_t i0 = 0;
    for (; i0 + 8 <= len; i0 += 8) {
        uint64_t w;
        memcpy(&w, s + i0, 8);
        if ((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull)
            return false;
    }
    for (; i0 < len; i0++)
        if (s[i0] < 0x20)
            return false;
    raml_buf_clear(out);
    if (!raml_buf_reserve(out, len / 2 + 16))
        return false;
    raml_buf_putc(out, '\x01');
    size_t i = 0, lit = 0;
    while (i + 1 < len) {
        /* The longest entry that s + i starts with (all have 3 bytes or more). */
        unsigned row = t_first[s[i]];
        if (!row) {
            i++;
            continue;
        }
        int hit = -1;
        size_t j = i + 2;
        for (unsigned nd = t_second[row - 1][s[i + 1]]; nd;) {
            if (t_term[nd])
                hit = t_term[nd] - 1;
            unsigned m = t_run_len[nd];
            if (m) {
                unsigned c = t_kid[nd];
                const char *run = dict[t_from[c]] + t_depth[c];
                if (m > len - j || s[j] != (unsigned char)run[0] || memcmp(s + j, run, m) != 0)
                    break;
                j += m;
                nd = t_run_end[nd];
                continue;
            }
            if (j == len)
                break;
            unsigned char c = s[j++];
            if (t_many[nd]) {
                uint32_t key = (uint32_t)nd << 8 | c;
                unsigned h = kid_slot(key);
                while (k_key[h] && k_key[h] != key)
                    h = (h + 1) & ((1u << KIDS_BITS) - 1);
                nd = k_key[h] ? k_val[h] : 0;
            } else {
                for (nd = t_kid[nd]; nd && t_byte[nd] != c;)
                    nd = t_sib[nd];
            }
        }
        if (hit < 0) {
            i++;
            continue;
        }
        raml_buf_append(out, json + lit, i - lit);
        if (hit < NSHORT) {
            raml_buf_putc(out, (char)one_code[hit]);
        } else {
            int k = hit - NSHORT;
            raml_buf_putc(out, (char)(0x18 + k / 96));
            raml_buf_putc(out, (char)(0x20 + k % 96));
        }
        i += dict_len[hit];
        lit = i;
    }
    raml_buf_append(out, json + lit, len - lit);
    return !out->failed;
}

const char *store_json_decode(raml_buf *b, const char *s, size_t *len)
{
    if (*len == 0 || s[0] != '\x01')
        return s;
    /* The inverse of one_code. */
    static const signed char inv[0x20] = {-1, -1, 0,  1,  2,  3,  4,  5,  6,  -1, -1,
                                          7,  8,  -1, 9,  10, 11, 12, 13, 14, 15, 16,
                                          17, 18, -1, -1, -1, -1, -1, -1, -1, -1};
    raml_buf_clear(b);
    raml_buf_reserve(b, *len * 4);
    const unsigned char *p = (const unsigned char *)s + 1, *end = (const unsigned char *)s + *len;
    const unsigned char *lit = p;
    while (p < end) {
        unsigned c = *p;
        if (c >= 0x20) {
            p++;
            continue;
        }
        raml_buf_append(b, (const char *)lit, (size_t)(p - lit));
        int e = -1;
        if (c >= 0x18 && c <= 0x1e && p + 1 < end && p[1] >= 0x20 && p[1] < 0x80) {
            e = NSHORT + (int)(c - 0x18) * 96 + (p[1] - 0x20);
            p += 2;
        } else {
            e = inv[c];
            p++;
        }
        if (e >= 0 && e < NDICT)
            raml_buf_puts(b, dict[e]);
        lit = p;
    }
    raml_buf_append(b, (const char *)lit, (size_t)(p - lit));
    *len = b->len;
    return b->failed ? s : b->data;
}
