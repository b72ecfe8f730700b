/*
 * Plain ASCII text handled eight bytes at a time: runs of letters (and
 * digits), which the tokenizer and the markup scanner copy as words (a loop
 * with a branch per letter mispredicts at every word's end); spans of ASCII
 * that UTF-8 checks can skip; lower-casing. Finding a run's end needs the
 * byte order: on machines that are not little-endian the byte loop alone is
 * used there. Pure functions, in line: they sit in the innermost loops.
 */
#ifndef JK_UTIL_ASCII_H
#define JK_UTIL_ASCII_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define JK_ASCII_WORDWISE 1
#else
#define JK_ASCII_WORDWISE 0
#endif

/* Is c an ASCII letter (or, with digits, a letter or digit)? */
static inline bool jk_ascii_is_word(char c, bool digits)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (digits && c >= '0' && c <= '9');
}

/* Per byte of w, the high bit when the byte is in [lo, hi] (1 <= lo <= hi < 0x80). */
static inline uint64_t jk_ascii_bytes_in(uint64_t w, unsigned lo, unsigned hi)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t x = w & ~highs; /* each byte below 0x80: the sums below stay in their byte */
    return (x + (0x80 - lo) * ones) & ~(x + (0x7f - hi) * ones) & highs;
}

/* The end of the run from j of letters, and of digits too when digits is true. */
static inline size_t jk_ascii_run_end(const char *s, size_t n, size_t j, bool digits)
{
#if JK_ASCII_WORDWISE
    while (j + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + j, 8);
        uint64_t in = jk_ascii_bytes_in(w, 'a', 'z') | jk_ascii_bytes_in(w, 'A', 'Z');
        if (digits)
            in |= jk_ascii_bytes_in(w, '0', '9');
        uint64_t out = (~in | w) & 0x8080808080808080u; /* bytes from 0x80 up are never in */
        if (out) /* in memory order: the lowest set bit is the first byte out */
            return j + (size_t)__builtin_ctzll(out) / 8;
        j += 8;
    }
#endif
    while (j < n && jk_ascii_is_word(s[j], digits))
        j++;
    return j;
}

/* The index of the first byte at or after j (j <= n) of s[0..n) that is not an ASCII letter. */
static inline size_t jk_ascii_alpha_end(const char *s, size_t n, size_t j)
{
    return jk_ascii_run_end(s, n, j, false);
}

/* The same for ASCII letters and digits. */
static inline size_t jk_ascii_alnum_end(const char *s, size_t n, size_t j)
{
    return jk_ascii_run_end(s, n, j, true);
}

/* Loads the eight bytes at p into *w; true when all are ASCII. */
static inline bool jk_ascii_load8(const char *p, uint64_t *w)
{
    memcpy(w, p, 8);
    return !(*w & 0x8080808080808080u);
}

/* The number of bytes of s[0..n) before the first from 0x80 up, eight at a time. */
static inline size_t jk_ascii_span(const char *s, size_t n)
{
    size_t i = 0;
    uint64_t w;
    while (i + 8 <= n && jk_ascii_load8(s + i, &w))
        i += 8;
    while (i < n && (unsigned char)s[i] < 0x80)
        i++;
    return i;
}

/*
 * Copies s[0..n) to dst up to the first byte from 0x80 up, with A-Z lower-cased, eight
 * bytes at a time (byte order does not matter here); returns the bytes copied. dst has
 * room for n bytes.
 */
static inline size_t jk_ascii_lower_copy(char *dst, const char *s, size_t n)
{
    size_t i = 0;
    uint64_t w;
    for (; i + 8 <= n && jk_ascii_load8(s + i, &w); i += 8) {
        w |= jk_ascii_bytes_in(w, 'A', 'Z') >> 2; /* 0x80 of each capital becomes its 0x20 */
        memcpy(dst + i, &w, 8);
    }
    for (; i < n && (unsigned char)s[i] < 0x80; i++)
        dst[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
    return i;
}

#endif
