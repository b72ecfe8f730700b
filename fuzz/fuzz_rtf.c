/*
 * Fuzz target: the RTF reader (read_rtf.c). The input is the document,
 * after "{\rtf1 " unless it starts as RTF already (first byte odd: taken as
 * it is, so that what is not RTF is tried too). Checks: RTF gives valid
 * UTF-8 without NUL bytes after what the buffer held, at most 3 bytes per
 * byte of the document, and the same text read again; what is not RTF
 * leaves the buffer as it was.
 */
#include "fuzz_common.h"
#include "read_rtf.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    struct jk_buf doc, text, again;
    jk_buf_init(&doc);
    jk_buf_init(&text);
    jk_buf_init(&again);
    if (!(data[0] & 1) && !jk_is_rtf((const char *)data + 1, size - 1))
        jk_buf_adds(&doc, "{\\rtf1 ");
    jk_buf_add(&doc, data + 1, size - 1);
    jk_buf_adds(&text, "x");
    bool rtf = jk_rtf_text(doc.data ? doc.data : "", doc.len, &text);
    FUZZ_CHECK(rtf == jk_is_rtf(doc.data ? doc.data : "", doc.len));
    FUZZ_CHECK(text.data[0] == 'x');
    if (rtf) {
        fuzz_check_buf(&text);
        FUZZ_CHECK(memchr(text.data, '\0', text.len) == NULL);
        FUZZ_CHECK(text.len - 1 <= 3 * doc.len);
        jk_buf_adds(&again, "x");
        jk_rtf_text(doc.data, doc.len, &again);
        FUZZ_CHECK(again.len == text.len && memcmp(again.data, text.data, text.len) == 0);
    } else {
        FUZZ_CHECK(text.len == 1);
    }
    jk_buf_release(&again);
    jk_buf_release(&text);
    jk_buf_release(&doc);
    return 0;
}
