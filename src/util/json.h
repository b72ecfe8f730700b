/* Minimal JSON text helpers for run.json: string escaping per RFC 8259. */
#ifndef JK_JSON_H
#define JK_JSON_H

#include "util/buf.h"

/* Appends s as a quoted JSON string (control characters, quote and backslash escaped). */
void jk_json_string(struct jk_buf *b, const char *s);

#endif
