/* JSON string escaping (see json.h). */
#include "util/json.h"

#include <string.h>
#include <utf8proc.h>

void jk_json_string(struct jk_buf *b, const char *s)
{
    jk_buf_addc(b, '"');
    const unsigned char *p = (const unsigned char *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
    while (left > 0) {
        utf8proc_ssize_t n = 1;
        switch (*p) {
        case '"':
            jk_buf_adds(b, "\\\"");
            break;
        case '\\':
            jk_buf_adds(b, "\\\\");
            break;
        case '\n':
            jk_buf_adds(b, "\\n");
            break;
        case '\t':
            jk_buf_adds(b, "\\t");
            break;
        case '\r':
            jk_buf_adds(b, "\\r");
            break;
        default:
            if (*p < 0x20) {
                jk_buf_addf(b, "\\u%04x", *p);
            } else if (*p < 0x80) {
                jk_buf_addc(b, (char)*p);
            } else {
                /* JSON is UTF-8: a stray byte, overlong form or surrogate becomes U+FFFD */
                utf8proc_int32_t c;
                n = utf8proc_iterate(p, left, &c);
                if (n < 0) {
                    n = 1;
                    jk_buf_adds(b, "\xEF\xBF\xBD");
                } else {
                    jk_buf_add(b, p, (size_t)n);
                }
            }
        }
        p += n;
        left -= n;
    }
    jk_buf_addc(b, '"');
}
