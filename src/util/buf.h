/*
 * Growable byte buffer, always NUL-terminated after jk_buf_init.
 * Invariant: data[len] == '\0' and len < cap (data is never NULL after init).
 * The buffer owns data; jk_buf_release frees it, jk_buf_detach hands it over.
 */
#ifndef JK_BUF_H
#define JK_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct jk_buf {
    char *data;
    size_t len;
    size_t cap;
};

void jk_buf_init(struct jk_buf *b);
void jk_buf_release(struct jk_buf *b);
/* Empties the buffer, keeping its memory. */
void jk_buf_clear(struct jk_buf *b);
/* Makes room for extra more bytes beyond len. */
void jk_buf_reserve(struct jk_buf *b, size_t extra);

/* Appends data[0..len). In line: tokens, keys and words are appended millions of times. */
static inline void jk_buf_add(struct jk_buf *b, const void *data, size_t len)
{
    if (b->len + len >= b->cap)
        jk_buf_reserve(b, len);
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

static inline void jk_buf_addc(struct jk_buf *b, char c)
{
    if (b->len + 1 >= b->cap)
        jk_buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void jk_buf_adds(struct jk_buf *b, const char *s);
void jk_buf_addf(struct jk_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends v in decimal, as "%" PRIu64 would, without printf's cost (millions of link rows). */
void jk_buf_add_u64(struct jk_buf *b, uint64_t v);
/* Room for jk_format_u64 with a prefix of up to 3 bytes. */
#define JK_U64_BUF 24
/* Writes prefix then v in decimal to dst (NUL-terminated; prefix at most 3 bytes, dst
 * JK_U64_BUF bytes) and returns the length: "n" and 12 give "n12". */
size_t jk_format_u64(char *dst, const char *prefix, uint64_t v);
void jk_buf_vaddf(struct jk_buf *b, const char *fmt, va_list ap);
/* Shortens the buffer to len bytes (len <= b->len). */
void jk_buf_truncate(struct jk_buf *b, size_t len);
/* Returns the data (caller frees it) and leaves the buffer released (init it to reuse). */
char *jk_buf_detach(struct jk_buf *b, size_t *len);

#endif
