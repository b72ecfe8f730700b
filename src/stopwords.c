/*
 * Stopword lists and protected phrases (see stopwords.h): loading list
 * files with line-numbered errors, and membership tests for the term stage.
 */
#include "stopwords.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "termfile.h"
#include "util/buf.h"
#include "util/mem.h"

void jk_stopwords_init(struct jk_stopwords *sw)
{
    jk_strmap_init(&sw->words);
    jk_strmap_init(&sw->phrases);
    jk_strmap_init(&sw->heads);
    sw->max_phrase_words = 0;
    jk_strmap_init(&sw->adjectives);
    sw->edges = NULL;
    sw->cap_edges = 0;
}

void jk_stopwords_release(struct jk_stopwords *sw)
{
    if (!sw)
        return;
    jk_strmap_release(&sw->words);
    jk_strmap_release(&sw->phrases);
    jk_strmap_release(&sw->heads);
    sw->max_phrase_words = 0;
    jk_strmap_release(&sw->adjectives);
    free(sw->edges);
    sw->edges = NULL;
    sw->cap_edges = 0;
}

bool jk_lowercase(const char *s, size_t len, struct jk_buf *out)
{
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &mapped,
                                      UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STABLE);
    jk_buf_clear(out);
    if (n < 0)
        return false;
    jk_buf_add(out, mapped, (size_t)n);
    free(mapped);
    return true;
}

void jk_stopwords_add(struct jk_stopwords *sw, const char *word, size_t len)
{
    jk_strmap_intern(&sw->words, word, len, NULL);
}

void jk_stopwords_add_phrase(struct jk_stopwords *sw, const char *phrase, size_t len)
{
    unsigned words = 1;
    for (size_t i = 0; i < len; i++)
        words += phrase[i] == ' ';
    if (words > sw->max_phrase_words)
        sw->max_phrase_words = words;
    jk_strmap_intern(&sw->phrases, phrase, len, NULL);
    const char *space = memchr(phrase, ' ', len);
    if (space)
        jk_strmap_intern(&sw->heads, phrase, (size_t)(space - phrase), NULL);
}

void jk_stopwords_add_adjective(struct jk_stopwords *sw, const char *word, size_t len,
                                enum jk_word_edge edge)
{
    bool added;
    uint32_t id = jk_strmap_intern(&sw->adjectives, word, len, &added);
    JK_GROW_TABLE(sw->edges, id + 1, sw->cap_edges);
    sw->edges[id] = (unsigned char)((added ? 0 : sw->edges[id]) | edge);
}

unsigned jk_stopwords_edges(const struct jk_stopwords *sw, const char *word, size_t len)
{
    uint32_t id = jk_strmap_find(&sw->adjectives, word, len);
    return id == JK_NO_ID ? 0 : sw->edges[id];
}

bool jk_stopwords_has(const struct jk_stopwords *sw, const char *word, size_t len)
{
    return jk_strmap_find(&sw->words, word, len) != JK_NO_ID;
}

bool jk_stopwords_has_phrase(const struct jk_stopwords *sw, const char *phrase, size_t len)
{
    return jk_strmap_find(&sw->phrases, phrase, len) != JK_NO_ID;
}

bool jk_stopwords_starts_phrase(const struct jk_stopwords *sw, const char *word, size_t len)
{
    return jk_strmap_find(&sw->heads, word, len) != JK_NO_ID;
}

/* Strips a comment and surrounding white space; collapses inner runs of white space. */
static size_t tidy_line(char *line)
{
    char *hash = strchr(line, '#');
    if (hash)
        *hash = '\0';
    size_t out = 0;
    bool space = false;
    for (char *p = line; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\r') { /* a lone CR (old Mac line ends) too */
            space = out > 0;
            continue;
        }
        if (space)
            line[out++] = ' ';
        space = false;
        line[out++] = *p;
    }
    line[out] = '\0';
    return out;
}

/* One tidied line of a list of kind into sw; JK_E_INPUT naming path:lineno. */
static enum jk_status list_entry(struct jk_stopwords *sw, const char *line, size_t len,
                                 enum jk_list_kind kind, const char *path, unsigned long lineno,
                                 struct jk_buf *lower, struct jk_diag *diag)
{
    bool phrases = kind == JK_LIST_PHRASES;
    if (!jk_lowercase(line, len, lower))
        return jk_error(diag, JK_E_INPUT, "%s:%lu: not valid UTF-8; save the list as UTF-8", path,
                        lineno);
    if (!phrases && memchr(line, ' ', len))
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: '%s' is more than one word; a stopword or adjective list takes "
                        "one word a line",
                        path, lineno, line);
    if (phrases)
        jk_stopwords_add_phrase(sw, lower->data, lower->len);
    else if (kind == JK_LIST_WORDS)
        jk_stopwords_add(sw, lower->data, lower->len);
    else
        jk_stopwords_add_adjective(sw, lower->data, lower->len,
                                   kind == JK_LIST_NO_START ? JK_NO_START : JK_NO_END);
    return JK_OK;
}

/* Read with the line reader every list file shares (termfile.h: BOM, UTF-16, CRLF, Latin-1). */
enum jk_status jk_stopwords_load_list(struct jk_stopwords *sw, const char *path,
                                      enum jk_list_kind kind, struct jk_diag *diag)
{
    struct jk_lines r;
    enum jk_status st = jk_lines_open(&r, path, "word list", true, diag);
    if (st != JK_OK)
        return st;
    struct jk_buf lower;
    jk_buf_init(&lower);
    while (st == JK_OK && jk_lines_next(&r, diag)) {
        size_t len = tidy_line(r.line);
        if (len > 0)
            st = list_entry(sw, r.line, len, kind, path, r.lineno, &lower, diag);
    }
    if (st == JK_OK)
        st = r.status;
    jk_buf_release(&lower);
    jk_lines_close(&r);
    return st;
}

enum jk_status jk_stopwords_load(struct jk_stopwords *sw, const char *path, struct jk_diag *diag)
{
    return jk_stopwords_load_list(sw, path, JK_LIST_WORDS, diag);
}

enum jk_status jk_stopwords_load_phrases(struct jk_stopwords *sw, const char *path,
                                         struct jk_diag *diag)
{
    return jk_stopwords_load_list(sw, path, JK_LIST_PHRASES, diag);
}
