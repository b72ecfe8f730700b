/*
 * Fuzz target: the Word 97-2003 .doc reader (read_msdoc.c). The first byte
 * says what the rest is: bit 0 clear, the file's bytes themselves; set, a
 * WordDocument stream and a table stream (the rest split where the second
 * byte says), put into a well-formed compound file here, so that the fuzzer
 * reaches the FIB and the piece table without forging sector chains (bit 1:
 * the table stream is named 0Table, else 1Table; bit 2: 4096-byte sectors).
 * Checks: a document read gives valid UTF-8 without NUL bytes after what the
 * buffer held, and at most 3 bytes of text per byte of the file (one
 * character per byte of its text stream, at most 3 bytes of UTF-8 for each
 * of those bytes); one not read leaves the buffer as it was, and its problem
 * and note read as promised.
 */
#include "../tests/cfb_fixture.h"
#include "fuzz_common.h"
#include "read_msdoc.h"
#include "util/buf.h"

/* The rest of the input as two streams of a fresh compound file, into file (initialised here). */
static void wrap(const uint8_t *data, size_t size, struct jk_buf *file)
{
    size_t split = size > 1 ? (size_t)data[1] * (size - 2) / 255 : 0;
    const uint8_t *rest = size > 2 ? data + 2 : data;
    size_t n = size > 2 ? size - 2 : 0;
    struct cf_stream s[2] = {{"WordDocument", {0}}, {data[0] & 2 ? "0Table" : "1Table", {0}}};
    jk_buf_init(&s[0].data);
    jk_buf_init(&s[1].data);
    jk_buf_add(&s[0].data, rest, split);
    jk_buf_add(&s[1].data, rest + split, n - split);
    cf_build(data[0] & 4 ? 12 : 9, s, 2, file);
    jk_buf_release(&s[0].data);
    jk_buf_release(&s[1].data);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    struct jk_buf file, text;
    jk_buf_init(&text);
    if (data[0] & 1) {
        wrap(data, size, &file); /* cf_build initialises file */
    } else {
        jk_buf_init(&file);
        jk_buf_add(&file, data + 1, size - 1);
    }
    jk_buf_adds(&text, "x");
    enum jk_msdoc_result r = jk_msdoc_text(file.data ? file.data : "", file.len, &text);
    if (r == JK_MSDOC_OK) {
        fuzz_check_buf(&text);
        FUZZ_CHECK(memchr(text.data, '\0', text.len) == NULL);
        FUZZ_CHECK(text.data[0] == 'x');
        FUZZ_CHECK(text.len - 1 <= 3 * file.len);
    } else {
        FUZZ_CHECK(text.len == 1 && text.data[0] == 'x');
        FUZZ_CHECK(strlen(jk_msdoc_problem(r)) > 20);
        FUZZ_CHECK(strncmp(jk_msdoc_note(r), "skipped: ", 9) == 0);
    }
    jk_buf_release(&text);
    jk_buf_release(&file);
    return 0;
}
