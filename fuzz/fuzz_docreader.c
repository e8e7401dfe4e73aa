/* libFuzzer target for the document reader: any bytes, read as JSON Lines and as a plain
 * file, must yield documents or per-line errors, never a crash, and every document's text
 * must be as long as it says. */
#include "formats/formats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void read_all(const char *path, bool jsonl)
{
    raml_docsrc *src;
    raml_error err;
    if (raml_docsrc_open(path, jsonl, &src, &err) != RAML_OK)
        return;
    for (int guard = 0; guard < 100000; guard++) {
        raml_srcdoc d;
        bool has;
        raml_status st = raml_docsrc_next(src, &d, &has, &err);
        if (st == RAML_ERR_INPUT)
            continue;
        if (st != RAML_OK || !has)
            break;
        if (!d.meta.id || strlen(d.text) > d.len)
            abort();
    }
    raml_docsrc_close(src);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char path[] = "/tmp/raml-fuzz-docXXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return 0;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        unlink(path);
        return 0;
    }
    close(fd);
    read_all(path, true);
    read_all(path, false);
    unlink(path);
    return 0;
}
