/* Minimal JSON text helpers for run.json: string escaping per RFC 8259. */
#ifndef JK_JSON_H
#define JK_JSON_H

#include "util/buf.h"

/*
 * Appends s as a quoted JSON string: control characters, quote and backslash
 * escaped; each byte of invalid UTF-8 (stray bytes, overlong forms,
 * surrogates such as a file name's "\xED\xA0\x80") becomes U+FFFD, so the
 * result is always valid UTF-8.
 */
void jk_json_string(struct jk_buf *b, const char *s);

#endif
