/*
 * One document through cleaning, tokenizing, language tagging, candidate
 * extraction, thesaurus and keyword patterns into the counter (see docwork.h).
 */
#include "docwork.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "termfile.h"
#include "util/mem.h"
#include "util/strmap.h"

enum jk_status jk_docwork_init(struct jk_docwork *w, const struct jk_resources *res,
                               const struct jk_map_options *opt, struct jk_lexicon *lexicon,
                               struct jk_acronyms *acronyms, struct jk_diag *diag)
{
    memset(w, 0, sizeof(*w));
    w->res = res;
    w->opt = opt;
    w->lexicon = lexicon;
    w->learning = lexicon;
    w->acronyms = acronyms;
    jk_buf_init(&w->clean);
    jk_buf_init(&w->lower);
    jk_buf_init(&w->key);
    jk_buf_init(&w->surface);
    jk_tokens_init(&w->tokens);
    jk_normalizer_init(&w->norm, &res->stopwords);
    w->norm.variants = &res->variants;
    w->norm.stemmer = res->stemming ? &res->stemmer : NULL;
    w->norm.attested = jk_lexicon_has;
    w->norm.attested_ctx = lexicon;
    jk_extractor_init(&w->extractor, &res->stopwords, &w->norm, opt->max_words);
    w->extractor.langs = opt->langs;
    jk_acronyms_attach(acronyms, &w->extractor);
    jk_pattern_matcher_init(&w->matcher, &res->patterns);
    enum jk_status st = jk_tokenizer_init(&w->tokenizer, diag);
    w->tokenizer_ready = st == JK_OK;
    return st;
}

void jk_docwork_release(struct jk_docwork *w)
{
    if (!w)
        return;
    jk_pattern_matcher_release(&w->matcher);
    jk_extractor_release(&w->extractor);
    jk_normalizer_release(&w->norm);
    free(w->langs);
    free(w->sentences);
    free(w->words);
    free(w->votes);
    free(w->vote_of);
    free(w->matches);
    jk_tokens_release(&w->tokens);
    jk_buf_release(&w->surface);
    jk_buf_release(&w->key);
    jk_buf_release(&w->lower);
    jk_buf_release(&w->clean);
    if (w->tokenizer_ready)
        jk_tokenizer_release(&w->tokenizer);
}

void jk_docwork_trim(struct jk_docwork *w)
{
    free(w->langs);
    free(w->sentences);
    free(w->words);
    free(w->votes);
    w->langs = NULL;
    w->sentences = w->words = NULL;
    w->votes = NULL;
    w->cap_tokens = w->cap_words = 0;
    jk_tokens_release(&w->tokens); /* which leaves them empty and usable */
    jk_buf_release(&w->lower);
    jk_buf_init(&w->lower);
    jk_buf_release(&w->clean);
    jk_buf_init(&w->clean);
}

static void tokenize(struct jk_docwork *w, const char *text, size_t len, jk_known_word_fn known,
                     struct jk_lexicon *lexicon)
{
    jk_clean(text, len, &w->clean, known, lexicon);
    jk_tokens_clear(&w->tokens);
    w->same_offsets =
        jk_tokenize(&w->tokenizer, w->clean.data, w->clean.len, &w->lower, &w->tokens);
}

/* Logs an acronym definition: the short form as key, the long form as surface. */
static void log_acronym(void *ctx, const char *short_form, size_t short_len, const char *long_form,
                        size_t long_len)
{
    jk_count_log_add(ctx, short_form, short_len, long_form, long_len, 0, 0);
}

/* Room for a word hash or number per token (the learning pass needs no more). */
static void reserve_words(struct jk_docwork *w)
{
    size_t n = w->tokens.count;
    if (n > w->cap_words) {
        w->cap_words = n;
        w->words = jk_realloc(w->words, n * sizeof(*w->words));
    }
}

/* Room for every per-token array: languages, sentences, word numbers and votes. */
static void reserve_tags(struct jk_docwork *w)
{
    size_t n = w->tokens.count;
    reserve_words(w);
    if (n > w->cap_tokens) {
        w->cap_tokens = n;
        w->langs = jk_realloc(w->langs, n * sizeof(*w->langs));
        w->sentences = jk_realloc(w->sentences, n * sizeof(*w->sentences));
        w->votes = jk_realloc(w->votes, n);
    }
}

/* How many tokens ahead word lookups fetch their slot, their key's place and their key. */
enum { AHEAD_SLOT = 12, AHEAD_PLACE = 6, AHEAD_KEY = 3 };

/*
 * words[t] = the hash of word token t, for lookups that fetch their memory
 * a few tokens ahead: word tables outgrow the cache, and a lookup that
 * waits for its slot, its key's place and its key in turn costs three misses.
 */
static void hash_words(struct jk_docwork *w)
{
    const struct jk_token *tok = w->tokens.items;
    for (size_t t = 0; t < w->tokens.count; t++)
        if (tok[t].kind == JK_TOK_WORD)
            w->words[t] = jk_hash_bytes(w->lower.data + tok[t].offset, tok[t].length);
}

/* Whether token t exists and is a word (so words[t] holds its hash, not yet its number). */
static bool word_ahead(const struct jk_docwork *w, size_t t)
{
    return t < w->tokens.count && w->tokens.items[t].kind == JK_TOK_WORD;
}

static void learn_ahead(const struct jk_docwork *w, size_t t, unsigned stage)
{
    if (word_ahead(w, t))
        jk_lexicon_prefetch(w->learning, w->words[t], stage);
}

/*
 * The sketch of the document's five-word sequences, from the word hashes,
 * and their samples (see nearcopy.h): how many samples it appended.
 */
static size_t sketch_words(const struct jk_docwork *w, struct jk_near_sketch *near,
                           struct jk_shingle_samples *samples)
{
    struct jk_shingler sh;
    jk_shingler_init(&sh);
    sh.samples = samples;
    size_t from = samples ? samples->n : 0;
    const struct jk_token *tok = w->tokens.items;
    for (size_t t = 0; t < w->tokens.count; t++)
        if (tok[t].kind == JK_TOK_WORD)
            jk_shingler_word(&sh, w->words[t]);
    jk_shingler_sketch(&sh, near);
    return samples ? jk_shingle_samples_settle(samples, from) : 0;
}

size_t jk_docwork_learn(struct jk_docwork *w, const char *text, size_t len,
                        struct jk_count_log *definitions, struct jk_near_sketch *near,
                        struct jk_shingle_samples *samples)
{
    tokenize(w, text, len, jk_lexicon_ask, w->learning);
    reserve_words(w);
    hash_words(w);
    size_t n_samples = near ? sketch_words(w, near, samples) : 0;
    for (size_t t = 0; t < w->tokens.count; t++) {
        learn_ahead(w, t + AHEAD_SLOT, 0);
        learn_ahead(w, t + AHEAD_PLACE, 1);
        learn_ahead(w, t + AHEAD_KEY, 2);
        const struct jk_token *tok = &w->tokens.items[t];
        if (tok->kind == JK_TOK_WORD)
            jk_lexicon_see_hashed(w->learning, w->lower.data + tok->offset, tok->length,
                                  w->words[t]);
    }
    jk_find_acronyms(w->lower.data, w->tokens.items, w->tokens.count, log_acronym, definitions);
    return n_samples;
}

void jk_docwork_add_definitions(struct jk_acronyms *acronyms, const struct jk_count_log *log,
                                size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        const struct jk_logged *e = &log->items[i];
        jk_acronyms_add(acronyms, log->text.data + e->key, e->key_len, log->text.data + e->surface,
                        e->surface_len);
    }
}

/* vote_of's mark for a word whose vote is not worked out yet. */
enum { VOTE_UNSET = 0xff };

/* The vote of the normaliser's word id (text s[0..len)), worked out once. */
static unsigned char vote_of(struct jk_docwork *w, uint32_t id, const char *s, size_t len)
{
    if (id >= w->n_vote_of) { /* other callers number words too: fill the gap */
        JK_GROW(w->vote_of, (size_t)id + 1, w->cap_vote_of);
        memset(w->vote_of + w->n_vote_of, VOTE_UNSET, id + 1 - w->n_vote_of);
        w->n_vote_of = (size_t)id + 1;
    }
    if (w->vote_of[id] == VOTE_UNSET)
        w->vote_of[id] = (unsigned char)jk_lang_word_vote(&w->res->langid, s, len);
    return w->vote_of[id];
}

static void number_ahead(const struct jk_docwork *w, size_t t, unsigned stage)
{
    if (word_ahead(w, t))
        jk_normalizer_prefetch(&w->norm, w->words[t], stage);
}

/*
 * Each WORD token's number in the normaliser and its language vote, each
 * word looked up once: the vote, the stopword test and the key are then
 * answered by number. words[] holds a word's hash until it holds its number.
 */
static void number_words(struct jk_docwork *w)
{
    const struct jk_token *tok = w->tokens.items;
    size_t n = w->tokens.count;
    hash_words(w);
    for (size_t t = 0; t < n; t++) {
        number_ahead(w, t + AHEAD_SLOT, 0);
        number_ahead(w, t + AHEAD_PLACE, 1);
        number_ahead(w, t + AHEAD_KEY, 2);
        w->votes[t] = JK_VOTE_NONE;
        if (tok[t].kind != JK_TOK_WORD)
            continue;
        const char *s = w->lower.data + tok[t].offset;
        w->words[t] = jk_normalizer_word_hashed(&w->norm, s, tok[t].length, w->words[t]);
        w->votes[t] = vote_of(w, w->words[t], s, tok[t].length);
    }
}

/* Per-token language and sentence number, and the sentence counts by language. */
static void tag_tokens(struct jk_docwork *w)
{
    size_t n = w->tokens.count;
    reserve_tags(w);
    number_words(w);
    jk_lang_tag_votes(w->tokens.items, w->votes, n, w->langs);
    uint32_t sentence = 0;
    bool counted = false;
    for (size_t t = 0; t < n; t++) {
        w->sentences[t] = sentence;
        const struct jk_token *tok = &w->tokens.items[t];
        if (tok->kind == JK_TOK_WORD && !counted) {
            if (w->langs[t] == JK_LANG_EN)
                w->stats->sent_en++;
            else
                w->stats->sent_id++;
            counted = true;
        }
        if (tok->kind == JK_TOK_SENTENCE_END) {
            sentence++;
            counted = false;
        }
        w->stats->tokens += tok->kind == JK_TOK_WORD;
    }
}

static int cmp_match(const void *a, const void *b)
{
    const struct jk_match_span *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return (x->last < y->last) - (x->last > y->last);
}

/* True when a pattern match already claimed tokens first..last. */
static bool claimed_by_pattern(const struct jk_docwork *w, uint32_t first, uint32_t last)
{
    for (size_t i = 0; i < w->n_matches && w->matches[i].first <= first; i++)
        if (w->matches[i].last >= last)
            return true;
    return false;
}

/* Counts one occurrence after the thesaurus had its say. */
static void add_candidate(struct jk_docwork *w, const char *key, size_t key_len,
                          const char *surface, size_t surface_len, uint32_t token)
{
    uint32_t sentence = token < w->tokens.count ? w->sentences[token] : 0;
    /* language evidence for the bilingual merge; keywords (no tokens) count as Indonesian */
    w->log->english = token < w->tokens.count && w->langs[token] == JK_LANG_EN;
    if (!w->res->has_thesaurus) {
        jk_count_log_add(w->log, key, key_len, surface, surface_len, token, sentence);
        return;
    }
    const char *rep;
    size_t rep_len;
    switch (jk_thesaurus_lookup(&w->res->thesaurus, surface, surface_len, &rep, &rep_len)) {
    case JK_THES_REMOVE:
        return;
    case JK_THES_REPLACE:
        jk_phrase_key(&w->extractor, rep, rep_len, &w->key);
        jk_count_log_add(w->log, w->key.data, w->key.len, rep, rep_len, token, sentence);
        return;
    default:
        jk_count_log_add(w->log, key, key_len, surface, surface_len, token, sentence);
    }
}

static void count_candidate(void *ctx, const char *key, size_t key_len, const char *surface,
                            size_t surface_len, uint32_t first_token, uint32_t last_token)
{
    struct jk_docwork *w = ctx;
    if (claimed_by_pattern(w, first_token, last_token))
        return;
    add_candidate(w, key, key_len, surface, surface_len, first_token);
}

/* Index of the first token at or after byte offset. */
static uint32_t token_at(const struct jk_tokens *t, size_t offset)
{
    size_t lo = 0, hi = t->count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->items[mid].offset < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

static void count_pattern(void *ctx, size_t pattern, const char *term, size_t term_len,
                          size_t offset, size_t match_len)
{
    (void)pattern;
    struct jk_docwork *w = ctx;
    uint32_t token = token_at(&w->tokens, offset);
    uint32_t end = token_at(&w->tokens, offset + match_len);
    if (end <= token)
        return; /* matched no word */
    jk_buf_clear(&w->surface);
    jk_buf_add(&w->surface, term, term_len);
    jk_phrase_key(&w->extractor, w->surface.data, w->surface.len, &w->key);
    JK_GROW(w->matches, w->n_matches + 1, w->cap_matches);
    w->matches[w->n_matches++] = (struct jk_match_span){token, end - 1};
    w->stats->patterns++;
    add_candidate(w, w->key.data, w->key.len, w->surface.data, w->surface.len, token);
}

void jk_docwork_count(struct jk_docwork *w, const char *text, size_t len, struct jk_count_log *log,
                      struct jk_doc_stats *stats)
{
    w->log = log;
    w->stats = stats;
    memset(stats, 0, sizeof(*stats));
    tokenize(w, text, len, jk_lexicon_knows, w->lexicon);
    tag_tokens(w);
    w->n_matches = 0;
    if (w->res->has_patterns) {
        jk_patterns_scan(&w->matcher, w->lower.data, w->lower.len, count_pattern, w);
        qsort(w->matches, w->n_matches, sizeof(*w->matches), cmp_match);
    }
    w->extractor.word_ids = w->words;
    w->extractor.cased = w->same_offsets ? w->clean.data : NULL;
    w->extractor.keys_only = log->hash_only && !w->res->has_thesaurus; /* no surface is kept */
    jk_extract_terms(&w->extractor, w->lower.data, w->tokens.items, w->tokens.count, w->langs,
                     count_candidate, w);
    w->extractor.word_ids = NULL; /* only for this document's tokens */
    w->extractor.cased = NULL;
    w->extractor.keys_only = false;
}

void jk_docwork_add_acronym_aliases(struct jk_docwork *w, struct jk_counter *counter)
{
    for (size_t i = 0; i < jk_acronyms_count(w->acronyms); i++) {
        const char *long_form;
        size_t long_len;
        uint32_t seen;
        const char *short_form = jk_acronyms_entry(w->acronyms, i, &long_form, &long_len, &seen);
        jk_phrase_key(&w->extractor, long_form, long_len, &w->key);
        jk_counter_add_alias(counter, w->key.data, w->key.len, short_form, strlen(short_form));
    }
}

/* Trims spaces and punctuation around a keyword. */
static void trim(const char **s, size_t *len)
{
    while (*len && (isspace((unsigned char)**s) || **s == '.'))
        (*s)++, (*len)--;
    while (*len && (isspace((unsigned char)(*s)[*len - 1]) || (*s)[*len - 1] == '.'))
        (*len)--;
}

void jk_docwork_count_keywords(struct jk_docwork *w, const char *keywords, size_t len,
                               struct jk_count_log *log, struct jk_doc_stats *stats)
{
    w->log = log;
    w->stats = stats;
    memset(stats, 0, sizeof(*stats));
    w->tokens.count = 0; /* no tokens: every keyword sits at position 0 */
    w->n_matches = 0;
    for (size_t i = 0; i < len;) {
        size_t n = strcspn(keywords + i, ";");
        const char *kw = keywords + i;
        size_t kl = n < len - i ? n : len - i;
        trim(&kw, &kl);
        if (kl && jk_normalise_term(kw, kl, &w->surface) && w->surface.len) {
            jk_phrase_key(&w->extractor, w->surface.data, w->surface.len, &w->key);
            add_candidate(w, w->key.data, w->key.len, w->surface.data, w->surface.len, 0);
            stats->tokens++;
        }
        i += n + 1;
    }
}
