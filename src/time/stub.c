/* TEMPORARY stub so the tree links while time is written; delete when replaced. */
#include "time/time.h"
void raml_time_doc_date(const raml_timelex *t, const raml_text *text, const char *pub_date, char out[11])
{ out[0] = '\0'; }
raml_status raml_time_date_events(const raml_timelex *t, raml_arena *arena, const raml_text *text,
                                  const char *doc_date, raml_event *events, size_t nevents,
                                  const raml_trace *trace, raml_error *err)
{ return RAML_OK; }
