/* JSON string escaping (see json.h). */
#include "util/json.h"

void jk_json_string(struct jk_buf *b, const char *s)
{
    jk_buf_addc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
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
            if (*p < 0x20)
                jk_buf_addf(b, "\\u%04x", *p);
            else
                jk_buf_addc(b, (char)*p);
        }
    }
    jk_buf_addc(b, '"');
}
