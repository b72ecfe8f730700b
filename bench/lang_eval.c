/*
 * Accuracy of sentence language tagging (src/lang.h) on a hand-labelled file.
 * Built and run by bench/lang_accuracy.sh against a build's libjkcore.a.
 *
 * usage: lang_eval LABELLED.tsv ID_STOPWORDS EN_STOPWORDS
 * LABELLED.tsv: "lang<TAB>sentence" lines (lang id or en), '#' comments.
 * Each sentence is tokenized with the project's tokenizer and tagged twice:
 * alone (jk_lang_of; "unknown" counts as wrong) and in file order as one
 * document (jk_lang_tag_document, where a sentence without evidence takes
 * its neighbour's language). Prints accuracy per language and every
 * sentence tagged wrongly. Exit status 0, or 2 on bad input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "tokenize.h"
#include "util/buf.h"
#include "util/mem.h"

struct item {
    enum jk_lang gold;
    char *text;
    size_t first, end; /* its tokens in the joined document */
    enum jk_lang alone, in_doc;
};

struct corpus {
    struct item *items;
    size_t count, cap;
    struct jk_buf doc;     /* lower-cased sentences joined by blank lines */
    struct jk_tokens toks; /* tokens of doc */
};

static int read_labelled(const char *path, struct corpus *c)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return 2;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, f)) != -1) {
        lineno++;
        while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
            line[--got] = '\0';
        if (got == 0 || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        enum jk_lang gold = JK_LANG_UNKNOWN;
        if (tab && tab - line == 2 && !strncmp(line, "id", 2))
            gold = JK_LANG_ID;
        else if (tab && tab - line == 2 && !strncmp(line, "en", 2))
            gold = JK_LANG_EN;
        if (gold == JK_LANG_UNKNOWN) {
            fprintf(stderr, "%s:%zu: expected 'id' or 'en', a tab, then the sentence\n", path,
                    lineno);
            free(line);
            fclose(f);
            return 2;
        }
        JK_GROW(c->items, c->count + 1, c->cap);
        c->items[c->count++] = (struct item){.gold = gold, .text = jk_strdup(tab + 1)};
    }
    free(line);
    fclose(f);
    return 0;
}

/* Tokenizes every sentence and joins them into one document with a sentence end between. */
static void tokenize_all(struct jk_tokenizer *tk, struct corpus *c)
{
    struct jk_buf lower;
    struct jk_tokens t;
    jk_buf_init(&lower);
    jk_tokens_init(&t);
    for (size_t k = 0; k < c->count; k++) {
        struct item *it = &c->items[k];
        jk_tokens_clear(&t);
        jk_tokenize(tk, it->text, strlen(it->text), &lower, &t);
        if (k > 0 && c->toks.count > 0 &&
            c->toks.items[c->toks.count - 1].kind != JK_TOK_SENTENCE_END) {
            JK_GROW(c->toks.items, c->toks.count + 1, c->toks.cap);
            c->toks.items[c->toks.count++] =
                (struct jk_token){(uint32_t)c->doc.len, 2, JK_TOK_SENTENCE_END};
        }
        if (k > 0)
            jk_buf_add(&c->doc, "\n\n", 2);
        size_t base = c->doc.len;
        jk_buf_add(&c->doc, lower.data, lower.len);
        it->first = c->toks.count;
        JK_GROW(c->toks.items, c->toks.count + t.count, c->toks.cap);
        for (size_t i = 0; i < t.count; i++) {
            struct jk_token tok = t.items[i];
            tok.offset += (uint32_t)base;
            c->toks.items[c->toks.count++] = tok;
        }
        it->end = c->toks.count;
    }
    jk_tokens_release(&t);
    jk_buf_release(&lower);
}

static void tag_all(const struct jk_langid *l, struct corpus *c)
{
    enum jk_lang *per_token = jk_calloc(c->toks.count + 1, sizeof(*per_token));
    jk_lang_tag_document(l, c->doc.data, c->toks.items, c->toks.count, per_token);
    for (size_t k = 0; k < c->count; k++) {
        struct item *it = &c->items[k];
        it->alone = jk_lang_of(l, c->doc.data, c->toks.items + it->first, it->end - it->first);
        it->in_doc = it->end > it->first ? per_token[it->first] : JK_LANG_UNKNOWN;
    }
    free(per_token);
}

/* Prints one table: rows gold language, columns tagged language. */
static void report(const struct corpus *c, int in_doc, const char *title)
{
    size_t m[3][3] = {{0}};
    for (size_t k = 0; k < c->count; k++) {
        const struct item *it = &c->items[k];
        m[it->gold][in_doc ? it->in_doc : it->alone]++;
    }
    size_t right = 0, all = 0;
    printf("%s\n", title);
    printf("  %-4s %9s %8s %8s %8s\n", "gold", "accuracy", "as id", "as en", "unknown");
    for (int g = JK_LANG_ID; g <= JK_LANG_EN; g++) {
        size_t n = m[g][0] + m[g][1] + m[g][2];
        right += m[g][g];
        all += n;
        printf("  %-4s %8.1f%% %8zu %8zu %8zu   (%zu/%zu)\n", jk_lang_name(g),
               n ? 100.0 * (double)m[g][g] / (double)n : 0.0, m[g][JK_LANG_ID], m[g][JK_LANG_EN],
               m[g][JK_LANG_UNKNOWN], m[g][g], n);
    }
    printf("  all  %8.1f%%   (%zu/%zu)\n\n", all ? 100.0 * (double)right / (double)all : 0.0, right,
           all);
}

static void print_wrong(const struct corpus *c, int in_doc, const char *title)
{
    printf("%s\n", title);
    for (size_t k = 0; k < c->count; k++) {
        const struct item *it = &c->items[k];
        enum jk_lang got = in_doc ? it->in_doc : it->alone;
        if (got != it->gold)
            printf("  %s as %-7s %.110s\n", jk_lang_name(it->gold), jk_lang_name(got), it->text);
    }
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s LABELLED.tsv ID_STOPWORDS EN_STOPWORDS\n", argv[0]);
        return 2;
    }
    struct corpus c = {0};
    struct jk_diag diag;
    struct jk_langid l;
    struct jk_tokenizer tk;
    jk_diag_init(&diag);
    jk_langid_init(&l);
    jk_buf_init(&c.doc);
    jk_tokens_init(&c.toks);
    int rc = read_labelled(argv[1], &c);
    if (rc == 0 && jk_langid_load(&l, argv[2], argv[3], &diag) != JK_OK)
        rc = 2;
    if (rc == 0 && jk_tokenizer_init(&tk, &diag) != JK_OK)
        rc = 2;
    if (rc == 0) {
        tokenize_all(&tk, &c);
        tag_all(&l, &c);
        report(&c, 0, "sentence alone (jk_lang_of; unknown counts as wrong)");
        report(&c, 1, "in file order (jk_lang_tag_document)");
        print_wrong(&c, 0, "wrong when alone:");
        print_wrong(&c, 1, "wrong in file order:");
        jk_tokenizer_release(&tk);
    } else if (diag.msg[0]) {
        fprintf(stderr, "lang_eval: %s\n", diag.msg);
    }
    for (size_t k = 0; k < c.count; k++)
        free(c.items[k].text);
    free(c.items);
    jk_tokens_release(&c.toks);
    jk_buf_release(&c.doc);
    jk_langid_release(&l);
    return rc;
}
