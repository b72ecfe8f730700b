/*
 * Text encodings the readers meet besides UTF-8: Windows-1252 (what
 * "Latin-1" files saved on Windows are) and UTF-16 with a byte-order mark.
 * Everything is converted to UTF-8 on reading; nothing here allocates
 * except by appending to a caller-owned jk_buf.
 */
#ifndef JK_ENCODING_H
#define JK_ENCODING_H

#include <iconv.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/* Length of the valid UTF-8 sequence at s (at most n bytes, n >= 1), or 0 if invalid. */
size_t jk_utf8_valid_len(const unsigned char *s, size_t n);

/* Appends code point c (below U+110000) to out as UTF-8. */
void jk_utf8_add(struct jk_buf *out, uint32_t c);

/*
 * True when s is not UTF-8 but reads as Windows-1252 (Latin-1) text: no
 * valid multi-byte UTF-8 sequence at all, and every other byte a letter or
 * punctuation mark there. 0xFE and 0xFF ("þ", "ÿ") rule it out: side by side
 * they mark UTF-16 or damage far more often than text. *first gets the
 * offset of the first non-ASCII byte.
 */
bool jk_cp1252_plausible(const char *s, size_t len, uint64_t *first);

/* The code point of Windows-1252 byte c, or 0 for the five bytes it leaves undefined. */
uint32_t jk_cp1252_code(unsigned char c);

/*
 * The code points of the 256 bytes of Windows code page cp (874, 1250-1258;
 * 10000, Mac Roman), through the C library's iconv, into table: ASCII as
 * itself, a byte the code page leaves undefined as 0. False, table
 * untouched, when the C library does not know the code page.
 */
bool jk_codepage_table(unsigned cp, uint32_t table[256]);

/*
 * A converter from code page cp (Windows code pages by number, 10000 Mac
 * Roman, 932/936/949/950/1361 the double-byte ones) to UTF-32LE, for
 * jk_codepage_char; (iconv_t)-1 when the C library does not know it. The
 * caller closes it with iconv_close.
 */
iconv_t jk_codepage_open(unsigned cp);

/* The code point that the n bytes at in stand for through cd (jk_codepage_open), or 0 when
 * they stand for none or for more than one. */
uint32_t jk_codepage_char(iconv_t cd, const char *in, size_t n);

/* Appends s (Windows-1252) to out as UTF-8; returns the number of non-ASCII bytes. */
size_t jk_cp1252_to_utf8(const char *s, size_t len, struct jk_buf *out);

/* 1 when s starts with a UTF-16 little-endian byte-order mark, 2 big-endian, else 0. */
int jk_utf16_bom(const char *s, size_t len);

/* The length of the UTF-8 byte-order mark s starts with: 3, or 0 when it has none. */
size_t jk_utf8_bom(const char *s, size_t len);

/*
 * Appends UTF-16 s (after its byte-order mark) to out as UTF-8. Unpaired
 * surrogates, U+0000 and an odd last byte become U+FFFD; returns how many,
 * with the byte offset of the first (counted from s) in *first.
 */
/* What jk_utf16_next returns for a surrogate without its pair or an odd last byte. */
#define JK_UTF16_BAD 0x110000u

/*
 * The code point at s[*i..] of UTF-16 s[0..len) (a unit, or a surrogate
 * pair), moving *i past it; JK_UTF16_BAD for an unpaired surrogate or an
 * odd last byte.
 */
uint32_t jk_utf16_next(const unsigned char *s, size_t len, bool big, size_t *i);

size_t jk_utf16_to_utf8(const unsigned char *s, size_t len, bool big, struct jk_buf *out,
                        uint64_t *first);

#endif
