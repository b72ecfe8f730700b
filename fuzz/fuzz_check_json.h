/*
 * A strict JSON (RFC 8259) syntax check for the export target: enough to
 * tell whether a writer's escaping kept the document well formed. Only the
 * export target includes it.
 */
#ifndef JK_FUZZ_CHECK_JSON_H
#define JK_FUZZ_CHECK_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct json_in {
    const char *s;
    size_t n, i;
    unsigned depth;
};

static bool json_value(struct json_in *j);

static void json_ws(struct json_in *j)
{
    while (j->i < j->n && strchr(" \t\r\n", j->s[j->i]) && j->s[j->i])
        j->i++;
}

static bool json_lit(struct json_in *j, const char *word)
{
    size_t k = strlen(word);
    if (j->n - j->i < k || memcmp(j->s + j->i, word, k) != 0)
        return false;
    j->i += k;
    return true;
}

static bool json_hex4(struct json_in *j)
{
    for (int k = 0; k < 4; k++, j->i++)
        if (j->i >= j->n || !strchr("0123456789abcdefABCDEF", j->s[j->i]) || !j->s[j->i])
            return false;
    return true;
}

static bool json_string(struct json_in *j)
{
    if (j->i >= j->n || j->s[j->i] != '"')
        return false;
    for (j->i++; j->i < j->n; j->i++) {
        unsigned char c = (unsigned char)j->s[j->i];
        if (c == '"') {
            j->i++;
            return true;
        }
        if (c < 0x20)
            return false;
        if (c == '\\') {
            if (++j->i >= j->n)
                return false;
            char e = j->s[j->i];
            if (e == 'u') {
                j->i++;
                if (!json_hex4(j))
                    return false;
                j->i--;
            } else if (!e || !strchr("\"\\/bfnrt", e)) {
                return false;
            }
        }
    }
    return false;
}

static bool json_digits(struct json_in *j)
{
    size_t start = j->i;
    while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
        j->i++;
    return j->i > start;
}

static bool json_number(struct json_in *j)
{
    if (j->i < j->n && j->s[j->i] == '-')
        j->i++;
    if (j->i < j->n && j->s[j->i] == '0')
        j->i++;
    else if (!json_digits(j))
        return false;
    if (j->i < j->n && j->s[j->i] == '.') {
        j->i++;
        if (!json_digits(j))
            return false;
    }
    if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
        j->i++;
        if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-'))
            j->i++;
        if (!json_digits(j))
            return false;
    }
    return true;
}

/* Array (close ']') or object (close '}') after its opening bracket. */
static bool json_items(struct json_in *j, char close)
{
    json_ws(j);
    if (j->i < j->n && j->s[j->i] == close) {
        j->i++;
        return true;
    }
    for (;;) {
        if (close == '}') {
            if (!json_string(j))
                return false;
            json_ws(j);
            if (j->i >= j->n || j->s[j->i++] != ':')
                return false;
        }
        if (!json_value(j))
            return false;
        json_ws(j);
        if (j->i >= j->n)
            return false;
        char c = j->s[j->i++];
        if (c == close)
            return true;
        if (c != ',')
            return false;
        json_ws(j);
    }
}

static bool json_value(struct json_in *j)
{
    json_ws(j);
    if (j->i >= j->n || ++j->depth > 64)
        return false;
    bool ok;
    char c = j->s[j->i];
    if (c == '{' || c == '[') {
        j->i++;
        ok = json_items(j, c == '{' ? '}' : ']');
    } else if (c == '"') {
        ok = json_string(j);
    } else if (c == 't' || c == 'f' || c == 'n') {
        ok = json_lit(j, "true") || json_lit(j, "false") || json_lit(j, "null");
    } else {
        ok = json_number(j);
    }
    j->depth--;
    return ok;
}

/* Is s[0..n) one JSON value with nothing but white space around it? */
static bool json_well_formed(const char *s, size_t n)
{
    struct json_in j = {s, n, 0, 0};
    if (!json_value(&j))
        return false;
    json_ws(&j);
    return j.i == n;
}

#endif
