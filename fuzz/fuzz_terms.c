/*
 * Fuzz target: term extraction (stage 4) on the input's tokens, with the
 * bundled stopword lists, sentence language tags, spelling variants and the
 * stemmer (when hunspell-id is installed), as a map run sets them up. The
 * first byte chooses the longest term and the language filter. Checks that
 * every candidate is non-empty valid UTF-8 and that its tokens are words of
 * the document, in order; and that the sketch pass's way (words numbered up
 * front, keys only) gives the same keys in the same order. The same tokens
 * go through acronym detection: each definition's short form is 2-10 ASCII
 * lower-case letters and its long form 2 or more lower-case words joined by
 * single spaces; the table then gives every short form a long form it was
 * seen with, and finds each chosen long form by its words. Extraction then
 * uses the table, as a map's count pass does: short forms stand for their long
 * forms, and long forms written out that a stopword would cut are one word.
 * When the tokenizer says the input keeps its offsets, extraction also sees
 * the written case (citations without a comma); that only takes candidates
 * away, never adds one.
 */
#include <stdlib.h>
#include <string.h>

#include "acronym.h"
#include "fuzz_common.h"
#include "lang.h"
#include "options.h"
#include "resources.h"
#include "terms.h"
#include "tokenize.h"

static struct jk_resources res;
static struct jk_tokenizer tokenizer;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_quiet();
    struct jk_map_options opt;
    struct jk_diag diag;
    jk_map_options_init(&opt);
    jk_diag_init(&diag);
    opt.stopwords_dir = JK_SOURCE_DIR "/stopwords";
    jk_resources_init(&res);
    FUZZ_CHECK(jk_resources_load(&res, &opt, &diag) == JK_OK);
    FUZZ_CHECK(jk_tokenizer_init(&tokenizer, &diag) == JK_OK);
    jk_map_options_release(&opt);
    return 0;
}

struct seen {
    const struct jk_tokens *tokens;
    uint32_t last_first;
    bool keys_only;
    struct jk_buf keys; /* every key, each followed by a NUL */
};

static void on_term(void *ctx, const char *key, size_t key_len, const char *surface,
                    size_t surface_len, uint32_t first_token, uint32_t last_token)
{
    struct seen *s = ctx;
    FUZZ_CHECK(key_len > 0 && fuzz_valid_utf8(key, key_len));
    jk_buf_add(&s->keys, key, key_len);
    jk_buf_addc(&s->keys, '\0');
    if (s->keys_only) {
        FUZZ_CHECK(surface_len == 0 && surface != NULL);
    } else {
        FUZZ_CHECK(surface_len > 0 && fuzz_valid_utf8(surface, surface_len));
        FUZZ_CHECK(surface[0] != ' ' && surface[surface_len - 1] != ' ');
    }
    FUZZ_CHECK(first_token <= last_token && last_token < s->tokens->count);
    FUZZ_CHECK(first_token >= s->last_first);
    FUZZ_CHECK(s->tokens->items[first_token].kind == JK_TOK_WORD);
    FUZZ_CHECK(s->tokens->items[last_token].kind == JK_TOK_WORD);
    s->last_first = first_token;
}

/* jk_acronym_fn: checks a definition (acronym.h), then counts it in the table ctx. */
static void on_acronym(void *ctx, const char *short_form, size_t short_len, const char *long_form,
                       size_t long_len)
{
    FUZZ_CHECK(short_len >= 2 && short_len <= 10);
    for (size_t i = 0; i < short_len; i++)
        FUZZ_CHECK(short_form[i] >= 'a' && short_form[i] <= 'z');
    FUZZ_CHECK(long_len >= 3 && fuzz_valid_utf8(long_form, long_len));
    FUZZ_CHECK(long_form[0] != ' ' && long_form[long_len - 1] != ' ');
    FUZZ_CHECK(memchr(long_form, ' ', long_len) != NULL); /* two words or more */
    for (size_t i = 0; i < long_len; i++)
        FUZZ_CHECK(!(long_form[i] >= 'A' && long_form[i] <= 'Z') &&
                   !(long_form[i] == ' ' && i + 1 < long_len && long_form[i + 1] == ' '));
    jk_acronyms_collect(ctx, short_form, short_len, long_form, long_len);
}

/* Finds and checks the document's acronyms into table (initialised here), as the first pass
 * of a map does for the whole corpus. */
static void acronyms(const struct jk_buf *lower, const struct jk_tokens *tokens,
                     struct jk_acronyms *t)
{
    jk_acronyms_init(t);
    size_t found = jk_find_acronyms(lower->data, tokens->items, tokens->count, on_acronym, t);
    jk_acronyms_resolve(t);
    const struct jk_acronyms *table = t; /* read only from here */
    FUZZ_CHECK(jk_acronyms_count(table) <= found);
    for (size_t i = 0; i < jk_acronyms_count(table); i++) {
        const char *long_form;
        size_t long_len;
        uint32_t seen;
        const char *short_form = jk_acronyms_entry(table, i, &long_form, &long_len, &seen);
        FUZZ_CHECK(seen >= 1 && long_len == strlen(long_form));
        size_t got_len;
        const char *got = jk_acronyms_long(table, short_form, strlen(short_form), &got_len);
        FUZZ_CHECK(got != NULL && got_len == long_len && memcmp(got, long_form, long_len) == 0);
        FUZZ_CHECK(jk_acronyms_find_long(table, long_form, long_len) != NULL);
        FUZZ_CHECK(jk_acronyms_head_words(table, long_form, strcspn(long_form, " ")) >= 2);
    }
}

/* How many keys a run saw. */
static size_t keys_seen(const struct seen *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->keys.len; i++)
        n += s->keys.data[i] == '\0';
    return n;
}

static void extract(struct jk_normalizer *norm, unsigned max_words, enum jk_lang_filter langs,
                    const struct jk_buf *lower, const struct jk_tokens *tokens,
                    const struct jk_acronyms *table, const char *cased)
{
    enum jk_lang *tags = calloc(tokens->count + 1, sizeof *tags);
    FUZZ_CHECK(tags != NULL);
    jk_lang_tag_document(&res.langid, lower->data, tokens->items, tokens->count, tags);
    struct jk_extractor x;
    jk_extractor_init(&x, &res.stopwords, norm, max_words);
    x.langs = langs;
    jk_acronyms_attach(table, &x); /* the document's own, as a map's count pass uses */
    struct seen s = {tokens, 0, false, {0}}, fast = {tokens, 0, true, {0}};
    jk_buf_init(&s.keys);
    jk_buf_init(&fast.keys);
    jk_extract_terms(&x, lower->data, tokens->items, tokens->count, tags, on_term, &s);
    struct seen with_case = {tokens, 0, false, {0}};
    jk_buf_init(&with_case.keys);
    x.cased = cased;
    jk_extract_terms(&x, lower->data, tokens->items, tokens->count, tags, on_term, &with_case);
    FUZZ_CHECK(keys_seen(&with_case) <= keys_seen(&s));
    jk_buf_release(&with_case.keys);
    x.cased = NULL;
    uint32_t *ids = calloc(tokens->count + 1, sizeof *ids);
    FUZZ_CHECK(ids != NULL);
    for (size_t i = 0; i < tokens->count; i++)
        if (tokens->items[i].kind == JK_TOK_WORD)
            ids[i] = jk_normalizer_word(norm, lower->data + tokens->items[i].offset,
                                        tokens->items[i].length);
    x.word_ids = ids;
    x.keys_only = true;
    jk_extract_terms(&x, lower->data, tokens->items, tokens->count, tags, on_term, &fast);
    x.word_ids = NULL;
    x.keys_only = false;
    FUZZ_CHECK(s.keys.len == fast.keys.len && memcmp(s.keys.data, fast.keys.data, s.keys.len) == 0);
    jk_buf_release(&s.keys);
    jk_buf_release(&fast.keys);
    free(ids);
    struct jk_buf key;
    jk_buf_init(&key);
    if (fuzz_valid_utf8(lower->data, lower->len)) {
        jk_phrase_key(&x, lower->data, lower->len, &key);
        fuzz_check_buf(&key);
    }
    jk_buf_release(&key);
    jk_extractor_release(&x);
    free(tags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    unsigned max_words = 1 + data[0] % JK_MAX_WORDS_LIMIT;
    enum jk_lang_filter langs = (enum jk_lang_filter)((data[0] >> 3) % 3);
    struct jk_buf lower;
    struct jk_tokens tokens;
    struct jk_normalizer norm;
    jk_buf_init(&lower);
    jk_tokens_init(&tokens);
    jk_normalizer_init(&norm, &res.stopwords);
    norm.variants = &res.variants;
    norm.stemmer = res.stemming ? &res.stemmer : NULL;
    bool same = jk_tokenize(&tokenizer, (const char *)data + 1, size - 1, &lower, &tokens);
    FUZZ_CHECK(!same || lower.len == size - 1);
    struct jk_acronyms table;
    acronyms(&lower, &tokens, &table);
    extract(&norm, max_words, langs, &lower, &tokens, &table, same ? (const char *)data + 1 : NULL);
    jk_acronyms_release(&table);
    jk_normalizer_release(&norm);
    jk_tokens_release(&tokens);
    jk_buf_release(&lower);
    return 0;
}
