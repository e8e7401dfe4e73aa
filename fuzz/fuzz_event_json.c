/* libFuzzer target for the raml.event/1 reader: any bytes must parse or fail cleanly, and
 * whatever parses must write back and re-read to the same JSON. */
#include "formats/formats.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    raml_arena a;
    raml_arena_init(&a, 4096);
    raml_event ev, ev2;
    raml_doc_meta m, m2;
    const char *dict, *dict2;
    raml_error err;
    if (raml_read_event_json(&a, (const char *)data, size, &ev, &m, &dict, &err) == RAML_OK) {
        raml_buf b1, b2;
        raml_buf_init(&b1);
        raml_buf_init(&b2);
        raml_writer_ctx w = {.meta = &m, .dict_version = dict};
        raml_write_event_json(&b1, &w, &ev);
        if (raml_read_event_json(&a, b1.data, b1.len, &ev2, &m2, &dict2, &err) != RAML_OK)
            abort();
        raml_writer_ctx w2 = {.meta = &m2, .dict_version = dict2};
        raml_write_event_json(&b2, &w2, &ev2);
        if (b1.len != b2.len || memcmp(b1.data, b2.data, b1.len) != 0)
            abort();
        raml_buf_free(&b1);
        raml_buf_free(&b2);
    }
    raml_arena_free(&a);
    return 0;
}
