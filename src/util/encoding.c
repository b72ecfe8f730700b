/* Windows-1252 and UTF-16 to UTF-8 (see encoding.h). */
#include "util/encoding.h"

#include <iconv.h>
#include <stdio.h>
#include <string.h>

size_t jk_utf8_valid_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    uint32_t min, cp;
    if (c >= 0xc2 && c <= 0xdf)
        len = 2, min = 0x80, cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef)
        len = 3, min = 0x800, cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4)
        len = 4, min = 0x10000, cp = c & 0x07;
    else
        return 0;
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

/* Windows-1252's 0x80..0x9F (0: undefined); 0xA0..0xFF are Latin-1, U+00A0..U+00FF. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

bool jk_cp1252_plausible(const char *s, size_t len, uint64_t *first)
{
    const unsigned char *p = (const unsigned char *)s;
    bool seen = false;
    for (size_t i = 0; i < len; i++) {
        if (p[i] < 0x80)
            continue;
        if (jk_utf8_valid_len(p + i, len - i) > 1 || p[i] >= 0xfe ||
            (p[i] < 0xa0 && cp1252_high[p[i] - 0x80] == 0))
            return false;
        if (!seen)
            *first = i;
        seen = true;
    }
    return seen;
}

void jk_utf8_add(struct jk_buf *out, uint32_t c)
{
    char u[4];
    size_t n;
    if (c < 0x80) {
        u[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xc0 | c >> 6);
        u[1] = (char)(0x80 | (c & 0x3f));
        n = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xe0 | c >> 12);
        u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        u[2] = (char)(0x80 | (c & 0x3f));
        n = 3;
    } else {
        u[0] = (char)(0xf0 | c >> 18);
        u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
        u[3] = (char)(0x80 | (c & 0x3f));
        n = 4;
    }
    jk_buf_add(out, u, n);
}

size_t jk_cp1252_to_utf8(const char *s, size_t len, struct jk_buf *out)
{
    size_t converted = 0;
    jk_buf_reserve(out, len + len / 8);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        converted += c >= 0x80;
        jk_utf8_add(out, c >= 0x80 && c < 0xa0 ? cp1252_high[c - 0x80] : c);
    }
    return converted;
}

int jk_utf16_bom(const char *s, size_t len)
{
    if (len < 2)
        return 0;
    if (memcmp(s, "\xff\xfe", 2) == 0)
        return 1;
    return memcmp(s, "\xfe\xff", 2) == 0 ? 2 : 0;
}

size_t jk_utf8_bom(const char *s, size_t len)
{
    return len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

static uint32_t utf16_unit(const unsigned char *s, bool big)
{
    return big ? (uint32_t)s[0] << 8 | s[1] : (uint32_t)s[1] << 8 | s[0];
}

uint32_t jk_utf16_next(const unsigned char *s, size_t len, bool big, size_t *i)
{
    size_t at = *i;
    *i += 2;
    if (at + 1 >= len)
        return JK_UTF16_BAD; /* an odd last byte */
    uint32_t c = utf16_unit(s + at, big);
    if (c >= 0xd800 && c < 0xdc00 && at + 3 < len) {
        uint32_t lo = utf16_unit(s + at + 2, big);
        if (lo >= 0xdc00 && lo < 0xe000) {
            *i += 2;
            return 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        }
    }
    return c >= 0xd800 && c < 0xe000 ? JK_UTF16_BAD : c;
}

size_t jk_utf16_to_utf8(const unsigned char *s, size_t len, bool big, struct jk_buf *out,
                        uint64_t *first)
{
    size_t bad = 0;
    jk_buf_reserve(out, len);
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t c = jk_utf16_next(s, len, big, &i);
        if (c == 0 || c == JK_UTF16_BAD) {
            c = 0xfffd;
            if (bad++ == 0)
                *first = at;
        }
        jk_utf8_add(out, c);
    }
    return bad;
}

uint32_t jk_cp1252_code(unsigned char c)
{
    return c >= 0x80 && c < 0xa0 ? cp1252_high[c - 0x80] : c;
}

iconv_t jk_codepage_open(unsigned cp)
{
    char name[16];
    if (cp == 10000)
        snprintf(name, sizeof(name), "MACINTOSH");
    else
        snprintf(name, sizeof(name), "CP%u", cp);
    return iconv_open("UTF-32LE", name);
}

uint32_t jk_codepage_char(iconv_t cd, const char *in, size_t n)
{
    char *inp = (char *)in;
    unsigned char out[4];
    char *outp = (char *)out;
    size_t in_left = n, out_left = sizeof(out);
    iconv(cd, NULL, NULL, NULL, NULL); /* back to the initial state */
    if (iconv(cd, &inp, &in_left, &outp, &out_left) == (size_t)-1 || out_left != 0)
        return 0;
    return (uint32_t)out[0] | (uint32_t)out[1] << 8 | (uint32_t)out[2] << 16 |
           (uint32_t)out[3] << 24;
}

bool jk_codepage_table(unsigned cp, uint32_t table[256])
{
    iconv_t cd = jk_codepage_open(cp);
    if (cd == (iconv_t)-1)
        return false;
    for (unsigned b = 0; b < 256; b++) {
        char in = (char)b;
        table[b] = b < 0x80 ? b : jk_codepage_char(cd, &in, 1);
    }
    iconv_close(cd);
    return true;
}
