/* Field helpers shared by the record readers (see read_field.h). */
#include "read_field.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void trim(const char **s, size_t *len)
{
    while (*len > 0 && is_blank(**s)) {
        (*s)++;
        (*len)--;
    }
    while (*len > 0 && is_blank((*s)[*len - 1]))
        (*len)--;
}

void jk_field_set(struct jk_buf *b, const char *s, size_t len)
{
    jk_buf_clear(b);
    trim(&s, &len);
    jk_buf_add(b, s, len);
}

void jk_field_join(struct jk_buf *b, const char *s, size_t len)
{
    trim(&s, &len);
    if (len == 0)
        return;
    if (b->len > 0)
        jk_buf_adds(b, "; ");
    jk_buf_add(b, s, len);
}

void jk_field_append(struct jk_buf *b, const char *s, size_t len)
{
    trim(&s, &len);
    if (len == 0)
        return;
    if (b->len > 0)
        jk_buf_addc(b, ' ');
    jk_buf_add(b, s, len);
}

void jk_field_join_split(struct jk_buf *b, const char *s, size_t len, const char *seps)
{
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || strchr(seps, s[i])) {
            jk_field_join(b, s + start, i - start);
            start = i + 1;
        }
    }
}

int jk_field_year(const char *s, size_t len)
{
    for (size_t i = 0; i + 4 <= len; i++) {
        size_t k = 0;
        while (k < 4 && isdigit((unsigned char)s[i + k]))
            k++;
        if (k == 4 && (i + 4 == len || !isdigit((unsigned char)s[i + 4])))
            return atoi(s + i);
        i += k;
    }
    return 0;
}

double jk_field_number(const char *s, size_t len)
{
    char tmp[64];
    trim(&s, &len);
    if (len == 0 || len >= sizeof(tmp))
        return NAN;
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    char *end;
    double v = strtod(tmp, &end);
    return end == tmp ? NAN : v;
}

void jk_field_doi(struct jk_buf *doi, const char *s, size_t len)
{
    static const char *const prefixes[] = {"https://doi.org/", "http://doi.org/",
                                           "https://dx.doi.org/", "http://dx.doi.org/", "doi:"};
    trim(&s, &len);
    for (size_t p = 0; p < sizeof(prefixes) / sizeof(prefixes[0]); p++) {
        size_t n = strlen(prefixes[p]);
        if (len >= n && strncasecmp(s, prefixes[p], n) == 0) {
            s += n;
            len -= n;
            break;
        }
    }
    trim(&s, &len);
    jk_buf_clear(doi);
    for (size_t i = 0; i < len; i++)
        jk_buf_addc(doi, (char)tolower((unsigned char)s[i]));
}
