/* The arena, the buffer and its JSON string escaping. */
#include "harness.h"
#include "util/arena.h"
#include "util/buf.h"

int main(void)
{
    raml_arena a;
    raml_arena_init(&a, 64);
    char *big = raml_arena_alloc(&a, 1000); /* larger than a block */
    CHECK(big != NULL);
    memset(big, 'x', 1000);
    char *s = raml_arena_strdup(&a, "سرت");
    CHECK_STR(s, "سرت");
    CHECK((((size_t)raml_arena_alloc(&a, 3)) & 15) == 0);
    int *arr = raml_arena_calloc(&a, 4, sizeof *arr);
    arr[3] = 7;
    arr = raml_arena_grow(&a, arr, 4 * sizeof *arr, 8 * sizeof *arr);
    CHECK_INT(arr[3], 7);
    raml_arena_reset(&a);
    CHECK_INT(a.total, 0);
    CHECK(raml_arena_alloc(&a, 10) != NULL);
    raml_arena_free(&a);

    raml_buf b;
    raml_buf_init(&b);
    raml_buf_json_string(&b, "a\"b\\c\n\x01درنة");
    CHECK_STR(b.data, "\"a\\\"b\\\\c\\n\\u0001درنة\"");
    raml_buf_clear(&b);
    raml_buf_json_string(&b, NULL);
    CHECK_STR(b.data, "null");
    raml_buf_clear(&b);
    for (int i = 0; i < 1000; i++)
        raml_buf_printf(&b, "%d,", i);
    CHECK(b.len > 3000 && !b.failed);
    raml_buf_free(&b);
    return harness_finish("util");
}
