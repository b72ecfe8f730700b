/*
 * Fuzz target: the .docx and .odt reader (read_office.c). The first byte
 * picks the kind (bit 0: .odt) and what the rest is (bit 1: the XML of the
 * text part, put into a fresh archive here, so that the fuzzer reaches the
 * XML walk without having to forge ZIP structures and their checksums; bit 2
 * with it: the same XML is the styles part too, whose named styles may hide
 * text; otherwise the file's bytes themselves). Checks: a document read gives
 * valid UTF-8 without NUL bytes, after what the buffer held, and at most 8
 * bytes of text per byte of XML (3 from a UTF-16 or Latin-1 character, 100
 * spaces from a 15-byte text:s, nothing repeated); one that is not read leaves
 * the text buffer as it was, and its problem and note read as promised.
 */
#include <zip.h>

#include "fuzz_common.h"
#include "read_office.h"
#include "util/buf.h"

enum { MAX_XML = 1 << 20 };

/* Adds xml[0..len) to za as the part name, stored. */
static void add_part(zip_t *za, const char *name, const uint8_t *xml, size_t len)
{
    zip_source_t *part = zip_source_buffer(za, len ? xml : (const uint8_t *)"", len, 0);
    FUZZ_CHECK(part);
    zip_int64_t i = zip_file_add(za, name, part, ZIP_FL_ENC_UTF_8);
    FUZZ_CHECK(i >= 0);
    zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0);
}

/* xml[0..len) as the text part (and with styles, the styles part) of a fresh archive, into
 * out. */
static void wrap(const uint8_t *xml, size_t len, enum jk_office_kind kind, bool styles,
                 struct jk_buf *out)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &error);
    FUZZ_CHECK(mem);
    zip_source_keep(mem);
    zip_t *za = zip_open_from_source(mem, ZIP_TRUNCATE, &error);
    FUZZ_CHECK(za);
    bool docx = kind == JK_OFFICE_DOCX;
    if (styles)
        add_part(za, docx ? "word/styles.xml" : "styles.xml", xml, len);
    add_part(za, docx ? "word/document.xml" : "content.xml", xml, len);
    FUZZ_CHECK(zip_close(za) == 0);
    zip_stat_t st;
    FUZZ_CHECK(zip_source_stat(mem, &st) == 0 && zip_source_open(mem) == 0);
    char chunk[4096];
    zip_int64_t n;
    while ((n = zip_source_read(mem, chunk, sizeof(chunk))) > 0)
        jk_buf_add(out, chunk, (size_t)n);
    zip_source_close(mem);
    zip_source_free(mem);
    zip_error_fini(&error);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    enum jk_office_kind kind = data[0] & 1 ? JK_OFFICE_ODT : JK_OFFICE_DOCX;
    struct jk_buf file, text;
    jk_buf_init(&file);
    jk_buf_init(&text);
    if (data[0] & 2)
        wrap(data + 1, size - 1, kind, (data[0] & 4) != 0, &file);
    else
        jk_buf_add(&file, data + 1, size - 1);
    jk_buf_adds(&text, "x");
    enum jk_office_result r =
        jk_office_text(file.data ? file.data : "", file.len, kind, MAX_XML, &text);
    if (r == JK_OFFICE_OK) {
        fuzz_check_buf(&text);
        FUZZ_CHECK(memchr(text.data, '\0', text.len) == NULL);
        FUZZ_CHECK(text.data[0] == 'x');
        if (data[0] & 2)
            FUZZ_CHECK(text.len - 1 <= 8 * (size - 1));
    } else {
        FUZZ_CHECK(text.len == 1 && text.data[0] == 'x');
        FUZZ_CHECK(strlen(jk_office_problem(r, kind)) > 20);
        FUZZ_CHECK(strncmp(jk_office_note(r), "skipped: ", 9) == 0);
    }
    jk_buf_release(&text);
    jk_buf_release(&file);
    return 0;
}
