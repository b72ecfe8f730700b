/* Growable byte buffer (see buf.h). */
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

void jk_buf_init(struct jk_buf *b)
{
    b->cap = 64;
    b->len = 0;
    b->data = jk_malloc(b->cap);
    b->data[0] = '\0';
}

void jk_buf_release(struct jk_buf *b)
{
    if (!b)
        return;
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void jk_buf_clear(struct jk_buf *b)
{
    b->len = 0;
    b->data[0] = '\0';
}

void jk_buf_reserve(struct jk_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    /* at least doubled, so appends stay amortised O(1); a larger need is met exactly (a long
       document's text is reserved once, not rounded up to the next power of two) */
    size_t cap = b->cap ? b->cap * 2 : 64;
    if (cap < need)
        cap = need;
    b->data = jk_realloc(b->data, cap);
    b->cap = cap;
}

size_t jk_format_u64(char *dst, const char *prefix, uint64_t v)
{
    char digits[20];
    size_t n = 0, p = strlen(prefix);
    do {
        digits[sizeof(digits) - ++n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    memcpy(dst, prefix, p);
    memcpy(dst + p, digits + sizeof(digits) - n, n);
    dst[p + n] = '\0';
    return p + n;
}

void jk_buf_add_u64(struct jk_buf *b, uint64_t v)
{
    char s[JK_U64_BUF];
    jk_buf_add(b, s, jk_format_u64(s, "", v));
}

void jk_buf_adds(struct jk_buf *b, const char *s)
{
    jk_buf_add(b, s, strlen(s));
}

void jk_buf_vaddf(struct jk_buf *b, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, copy);
    va_end(copy);
    if (n < 0)
        return;
    if ((size_t)n >= b->cap - b->len) {
        jk_buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    }
    b->len += (size_t)n;
}

void jk_buf_addf(struct jk_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jk_buf_vaddf(b, fmt, ap);
    va_end(ap);
}

void jk_buf_truncate(struct jk_buf *b, size_t len)
{
    if (len < b->len) {
        b->len = len;
        b->data[len] = '\0';
    }
}

char *jk_buf_detach(struct jk_buf *b, size_t *len)
{
    char *data = b->data;
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return data;
}
