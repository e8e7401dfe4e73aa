/* Internal access to a coded document, for explain, tokens and the store. */
#ifndef RAML_DOC_H
#define RAML_DOC_H

#include "coder/coder.h"
#include "raml.h"
#include "text/text.h"

/* raml_doc_code with a decision trace (for `raml explain`). */
raml_status raml_doc_code_traced(raml_doc *doc, const raml_lexicon *lex, const raml_doc_meta *meta,
                                 const char *bytes, size_t len, const raml_trace *trace,
                                 raml_error *err);
const raml_text *raml_doc_analysis(const raml_doc *doc);
/* The resolved document date ("YYYY-MM-DD" or ""). */
const char *raml_doc_date(const raml_doc *doc);

#endif
