/*
 * Stages 5 and 6: term counting per document, selection, and sparse
 * co-occurrence of the selected terms. See count.h.
 */
#include "count.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "select.h"
#include "util/mem.h"

void jk_counter_init(struct jk_counter *c)
{
    memset(c, 0, sizeof(*c));
    jk_strmap_init(&c->terms);
    jk_strmap_init(&c->surfaces);
    jk_arena_init(&c->texts);
    jk_buf_init(&c->scratch);
    c->part_tag = c->doc_tag = 1;
}

void jk_counter_release(struct jk_counter *c)
{
    if (!c)
        return;
    jk_counter_shed_terms(c);
    free(c->pool_terms);
    free(c->pool_counts);
    free(c->doc_start);
    free(c->occ);
    free(c->occ_start);
    memset(c, 0, sizeof(*c));
}

void jk_counter_keep_positions(struct jk_counter *c)
{
    c->positions = true;
}

void jk_counter_skip_doc_counts(struct jk_counter *c)
{
    c->no_doc_counts = true;
}

void jk_counter_begin_doc(struct jk_counter *c)
{
    size_t cap = c->cap_docs;
    JK_GROW(c->doc_start, c->n_docs + 2, c->cap_docs);
    if (c->positions) {
        JK_GROW(c->occ_start, c->n_docs + 2, cap);
        c->occ_start[c->n_docs] = c->n_occ;
    }
    c->doc_start[c->n_docs] = c->pool_len;
    c->in_doc = true;
    c->doc_tag = ++c->part_tag;
    c->part_terms = 0;
    c->part_position = c->part_sentence = c->end_position = c->end_sentence = 0;
}

void jk_counter_next_part(struct jk_counter *c)
{
    c->part_tag++;
    c->part_terms = 0;
    c->part_position = c->end_position + JK_PART_GAP;
    c->part_sentence = c->end_sentence;
}

void jk_counter_trim(struct jk_counter *c)
{
    if (!c->pool_len)
        return;
    c->pool_terms = jk_realloc(c->pool_terms, c->pool_len * sizeof(*c->pool_terms));
    if (c->pool_counts)
        c->pool_counts = jk_realloc(c->pool_counts, c->pool_len * sizeof(*c->pool_counts));
    c->cap_pool = c->pool_len;
}

void jk_counter_end_doc(struct jk_counter *c)
{
    c->n_docs++;
    c->doc_start[c->n_docs] = c->pool_len;
    if (c->positions)
        c->occ_start[c->n_docs] = c->n_occ;
    c->in_doc = false;
}

static uint32_t intern_term(struct jk_counter *c, const char *key, size_t len, uint32_t hash)
{
    bool added;
    uint32_t id = jk_strmap_intern_hashed(&c->terms, key, len, hash, &added);
    if (added) {
        size_t n = id + 1, cap = c->cap_terms;
        JK_GROW_TABLE(c->tally, n, cap);
        cap = c->cap_terms;
        JK_GROW_TABLE(c->first, n, cap);
        c->cap_terms = cap;
        c->tally[id] = (struct jk_tally){0, 0, 0, 0, 0};
        c->first[id] = (struct jk_first_surface){NULL, 0, 0};
    }
    return id;
}

/* The surface id of s for term, created with count 0 when new. */
static uint32_t intern_surface(struct jk_counter *c, uint32_t term, const char *s, size_t len)
{
    bool added;
    /* keyed by term and text: one spelling can belong to two terms (by language) */
    jk_buf_clear(&c->scratch);
    jk_buf_add(&c->scratch, &term, sizeof(term));
    jk_buf_add(&c->scratch, s, len);
    uint32_t sid = jk_strmap_intern(&c->surfaces, c->scratch.data, c->scratch.len, &added);
    if (added) {
        size_t cap = c->cap_surfaces;
        JK_GROW_TABLE(c->surface_term, sid + 1, cap);
        cap = c->cap_surfaces;
        JK_GROW_TABLE(c->surface_count, sid + 1, cap);
        c->cap_surfaces = cap;
        c->surface_term[sid] = term;
        c->surface_count[sid] = 0;
    }
    return sid;
}

/*
 * Most terms are only ever written one way, so a term's first spelling is
 * kept beside it and only other spellings go into the surfaces table.
 */
static void add_surface(struct jk_counter *c, uint32_t term, const char *s, size_t len,
                        uint32_t times)
{
    struct jk_first_surface *f = &c->first[term];
    if (!f->text) {
        /* Most spellings are their key: share the key's copy. */
        bool is_key = len == c->terms.lens[term] && jk_bytes_equal(s, c->terms.keys[term], len);
        f->text = is_key ? c->terms.keys[term] : jk_arena_strndup(&c->texts, s, len);
        f->len = (uint32_t)len;
    }
    if (f->len == len && jk_bytes_equal(f->text, s, len)) {
        f->count += times;
        return;
    }
    uint32_t sid = intern_surface(c, term, s, len); /* may move surface_count */
    c->surface_count[sid] += times;
}

/* Records alias as a spelling of term id that was never counted (count 0: never the label). */
static void add_alias_to(struct jk_counter *c, uint32_t id, const char *alias, size_t alias_len)
{
    const struct jk_first_surface *f = &c->first[id];
    if (!(f->text && f->len == alias_len && memcmp(f->text, alias, alias_len) == 0))
        intern_surface(c, id, alias, alias_len);
}

bool jk_counter_add_alias(struct jk_counter *c, const char *key, size_t key_len, const char *alias,
                          size_t alias_len)
{
    uint32_t id = jk_strmap_find(&c->terms, key, key_len);
    if (id == JK_NO_ID)
        return false;
    add_alias_to(c, id, alias, alias_len);
    return true;
}

void jk_counter_add(struct jk_counter *c, const char *key, size_t key_len, const char *surface,
                    size_t surface_len)
{
    jk_counter_add_at(c, key, key_len, surface, surface_len, 0, 0);
}

static void add_position(struct jk_counter *c, uint32_t id, uint32_t position, uint32_t sentence)
{
    position += c->part_position;
    sentence += c->part_sentence;
    JK_GROW(c->occ, c->n_occ + 1, c->cap_occ);
    c->occ[c->n_occ++] = (struct jk_occurrence){id, position, sentence};
    if (position >= c->end_position)
        c->end_position = position + 1;
    if (sentence >= c->end_sentence)
        c->end_sentence = sentence + 1;
}

/* Adds times occurrences of key (written surface) to the current document. */
static void add_hashed(struct jk_counter *c, const char *key, size_t key_len, uint32_t hash,
                       const char *surface, size_t surface_len, uint32_t position,
                       uint32_t sentence, uint32_t times)
{
    uint32_t id = intern_term(c, key, key_len, hash);
    if (c->positions)
        add_position(c, id, position, sentence);
    c->tally[id].full += times;
    c->tally[id].full_en += c->english ? times : 0;
    c->candidates += times;
    add_surface(c, id, surface, surface_len, times);
    struct jk_tally *t = &c->tally[id];
    if (t->last_part != c->part_tag)
        c->part_terms++;
    if (t->last_part >= c->doc_tag) { /* in the document already (this part or an earlier one) */
        t->last_part = c->part_tag;
        if (!c->no_doc_counts)
            c->pool_counts[t->slot] += times;
        return;
    }
    t->last_part = c->part_tag;
    t->docs++;
    size_t cap = c->cap_pool;
    JK_GROW(c->pool_terms, c->pool_len + 1, cap);
    if (!c->no_doc_counts) {
        cap = c->cap_pool;
        JK_GROW(c->pool_counts, c->pool_len + 1, cap);
        c->pool_counts[c->pool_len] = times;
    }
    c->cap_pool = cap;
    t->slot = (uint32_t)c->pool_len;
    c->pool_terms[c->pool_len] = id;
    c->pool_len++;
}

void jk_counter_add_at(struct jk_counter *c, const char *key, size_t key_len, const char *surface,
                       size_t surface_len, uint32_t position, uint32_t sentence)
{
    add_hashed(c, key, key_len, jk_hash_bytes(key, key_len), surface, surface_len, position,
               sentence, 1);
}

void jk_count_log_init(struct jk_count_log *log)
{
    memset(log, 0, sizeof(*log));
    jk_buf_init(&log->text);
    log->merge_from = JK_LOG_NO_MERGE;
}

void jk_count_log_release(struct jk_count_log *log)
{
    if (!log)
        return;
    jk_buf_release(&log->text);
    free(log->items);
    free(log->index);
    memset(log, 0, sizeof(*log));
}

void jk_count_log_clear(struct jk_count_log *log)
{
    jk_buf_clear(&log->text);
    log->n = log->doc_from = log->drain_from = 0;
    log->index_count = 0;
    if (log->index)
        memset(log->index, 0, log->index_slots * sizeof(*log->index));
}

void jk_count_log_begin_doc(struct jk_count_log *log, size_t merge_from)
{
    log->doc_from = log->drain_from = log->n;
    log->merge_from = merge_from;
    if (log->index_count) {
        memset(log->index, 0, log->index_slots * sizeof(*log->index));
        log->index_count = 0;
    }
}

/* An occurrence about to be logged: key (its hash), written surface, English or not. */
struct pending {
    uint64_t hash;
    const char *key, *surface;
    size_t key_len, surface_len;
    bool english;
};

/* Whether item e stands for occurrences like o. */
static bool same_item(const struct jk_count_log *log, const struct jk_logged *e,
                      const struct pending *o)
{
    const char *text = log->text.data;
    return e->hash == o->hash && e->english == o->english && e->key_len == o->key_len &&
           e->surface_len == o->surface_len && memcmp(text + e->key, o->key, o->key_len) == 0 &&
           memcmp(text + e->surface, o->surface, o->surface_len) == 0;
}

/* The index slot of the item like o, or of the empty slot where it would go. */
static uint32_t *index_slot(const struct jk_count_log *log, const struct pending *o)
{
    size_t mask = log->index_slots - 1;
    for (size_t i = (size_t)(o->hash >> 32) & mask;; i = (i + 1) & mask) {
        uint32_t *slot = &log->index[i];
        if (*slot == 0 || same_item(log, &log->items[*slot - 1], o))
            return slot;
    }
}

/* Makes room in the index for one more item, (re)building it from the document's items. */
static void index_reserve(struct jk_count_log *log)
{
    if (log->index_count && (log->index_count + 1) * 2 <= log->index_slots)
        return;
    size_t want = log->index_slots ? log->index_slots : 1024;
    while ((log->n - log->doc_from + 1) * 2 > want)
        want *= 2;
    if (want != log->index_slots) {
        free(log->index);
        log->index = jk_malloc(want * sizeof(*log->index));
        log->index_slots = want;
    }
    memset(log->index, 0, want * sizeof(*log->index));
    log->index_count = 0;
    const char *text = log->text.data;
    for (size_t i = log->doc_from; i < log->n; i++) { /* an item's repeats stay separate */
        const struct jk_logged *e = &log->items[i];
        struct pending o = {e->hash,    text + e->key,  text + e->surface,
                            e->key_len, e->surface_len, e->english};
        uint32_t *slot = index_slot(log, &o);
        if (*slot == 0) {
            *slot = (uint32_t)i + 1;
            log->index_count++;
        }
    }
}

/* Merging: adds one to the document's item like o and returns true, if there is one. */
static bool merge_repeat(struct jk_count_log *log, const struct pending *o)
{
    index_reserve(log);
    uint32_t *slot = index_slot(log, o);
    if (*slot) {
        log->items[*slot - 1].times++;
        return true;
    }
    *slot = (uint32_t)log->n + 1; /* the item jk_count_log_add appends next */
    log->index_count++;
    return false;
}

void jk_count_log_add(struct jk_count_log *log, const char *key, size_t key_len,
                      const char *surface, size_t surface_len, uint32_t position, uint32_t sentence)
{
    uint64_t hash = jk_hash64(key, key_len);
    if (log->hash_only) {
        JK_GROW(log->items, log->n + 1, log->cap);
        log->items[log->n++].hash = hash;
        if (log->drain && log->n - log->drain_from >= JK_LOG_DRAIN_ITEMS)
            log->drain(log->drain_ctx, log);
        return;
    }
    struct pending o = {hash, key, surface, key_len, surface_len, log->english};
    if (log->n - log->doc_from >= log->merge_from && merge_repeat(log, &o))
        return;
    JK_GROW(log->items, log->n + 1, log->cap);
    struct jk_logged *e = &log->items[log->n++];
    e->key = (uint32_t)log->text.len;
    e->key_len = (uint32_t)key_len;
    jk_buf_add(&log->text, key, key_len);
    e->surface = e->key;
    e->surface_len = (uint32_t)surface_len;
    if (surface_len != key_len || !jk_bytes_equal(surface, key, key_len)) {
        e->surface = (uint32_t)log->text.len;
        jk_buf_add(&log->text, surface, surface_len);
    }
    e->position = position;
    e->sentence = sentence;
    e->times = 1;
    e->hash = hash;
    e->english = log->english;
}

/*
 * How far ahead the replay fetches: the table is far bigger than the cache, and one
 * item reads a hash slot, then the term's entries in several arrays, then its key and
 * first spelling.
 * Each stage is fetched a few items before the next one needs it, so the misses of
 * several items overlap instead of following one another.
 */
enum { REPLAY_AHEAD = 12, TERM_AHEAD = 6, KEY_AHEAD = 3 };

/* Fetches the per-term entries of the term the slot of hash names (a guess: see peek). */
static void prefetch_term(const struct jk_counter *c, uint32_t hash)
{
    uint32_t id = jk_strmap_peek(&c->terms, hash);
    if (id == JK_NO_ID || id >= c->cap_terms)
        return;
    __builtin_prefetch(&c->terms.keys[id]);
    __builtin_prefetch(&c->terms.lens[id]);
    __builtin_prefetch(&c->tally[id]);
    __builtin_prefetch((const char *)&c->tally[id + 1] - 1); /* a tally may cross a line */
    __builtin_prefetch(&c->first[id]);
}

static void prefetch_key(const struct jk_counter *c, uint32_t hash)
{
    uint32_t id = jk_strmap_peek(&c->terms, hash);
    if (id == JK_NO_ID)
        return;
    __builtin_prefetch(c->terms.keys[id]);
    if (id < c->cap_terms && c->first[id].text)
        __builtin_prefetch(c->first[id].text);
}

void jk_counter_replay(struct jk_counter *c, const struct jk_count_log *log, size_t from, size_t to)
{
    const char *text = log->text.data;
    for (size_t i = from; i < to; i++) {
        if (i + REPLAY_AHEAD < to)
            jk_strmap_prefetch(&c->terms, (uint32_t)log->items[i + REPLAY_AHEAD].hash);
        if (i + TERM_AHEAD < to)
            prefetch_term(c, (uint32_t)log->items[i + TERM_AHEAD].hash);
        if (i + KEY_AHEAD < to)
            prefetch_key(c, (uint32_t)log->items[i + KEY_AHEAD].hash);
        const struct jk_logged *e = &log->items[i];
        c->english = e->english;
        add_hashed(c, text + e->key, e->key_len, (uint32_t)e->hash, text + e->surface,
                   e->surface_len, e->position, e->sentence, e->times);
    }
}

size_t jk_counter_terms(const struct jk_counter *c)
{
    return c->shed_terms ? c->shed_terms : jk_strmap_count(&c->terms);
}

void jk_counter_shed_terms(struct jk_counter *c)
{
    c->shed_terms = jk_counter_terms(c);
    jk_strmap_release(&c->terms);
    jk_strmap_release(&c->surfaces);
    jk_arena_release(&c->texts);
    jk_buf_release(&c->scratch);
    free(c->first);
    free(c->tally);
    free(c->surface_term);
    free(c->surface_count);
    c->first = NULL;
    c->tally = NULL;
    c->surface_term = c->surface_count = NULL;
    c->cap_terms = c->cap_surfaces = 0;
}

/*
 * Rewrites the document lists with into[]: a document's entries that now
 * name one term become one (first position kept, counts added), so each
 * term stays at most once per document. Then recounts documents per term.
 */
static void merge_pool(struct jk_counter *c, const uint32_t *into)
{
    size_t n = jk_counter_terms(c), w = 0;
    uint32_t *seen = jk_calloc(n ? n : 1, sizeof(*seen)); /* document number + 1 */
    uint32_t *at = jk_malloc((n ? n : 1) * sizeof(*at));
    for (size_t d = 0; d < c->n_docs; d++) {
        size_t start = c->doc_start[d], end = c->doc_start[d + 1];
        c->doc_start[d] = w;
        for (size_t p = start; p < end; p++) {
            uint32_t t = into[c->pool_terms[p]];
            if (seen[t] == d + 1) {
                if (c->pool_counts)
                    c->pool_counts[at[t]] += c->pool_counts[p];
                continue;
            }
            seen[t] = (uint32_t)d + 1;
            at[t] = (uint32_t)w;
            if (c->pool_counts)
                c->pool_counts[w] = c->pool_counts[p];
            c->pool_terms[w++] = t;
        }
    }
    c->doc_start[c->n_docs] = c->pool_len = w;
    for (size_t t = 0; t < n; t++)
        c->tally[t].docs = 0;
    for (size_t p = 0; p < w; p++)
        c->tally[c->pool_terms[p]].docs++;
    free(at);
    free(seen);
}

/* Every spelling of a merged term becomes an alias of its target. */
static void merge_surfaces(struct jk_counter *c, const uint32_t *into)
{
    size_t n = jk_counter_terms(c), total = n + jk_strmap_count(&c->surfaces);
    for (size_t t = 0; t < n; t++)
        if (into[t] != t && c->first[t].text)
            add_alias_to(c, into[t], c->first[t].text, c->first[t].len);
    for (size_t s = 0; s < total - n; s++) { /* aliases added here are targets' own: skipped */
        uint32_t t = c->surface_term[s];
        if (into[t] != t)
            add_alias_to(c, into[t], jk_counter_surface(c, (uint32_t)(n + s)),
                         jk_strmap_len(&c->surfaces, (uint32_t)s) - sizeof(uint32_t));
    }
}

void jk_counter_merge(struct jk_counter *c, const uint32_t *into)
{
    size_t n = jk_counter_terms(c);
    for (size_t t = 0; t < n; t++) {
        uint32_t to = into[t];
        if (to == t)
            continue;
        c->tally[to].full += c->tally[t].full;
        c->tally[to].full_en += c->tally[t].full_en;
        c->tally[t].full = c->tally[t].full_en = 0;
    }
    merge_pool(c, into);
    for (size_t i = 0; c->positions && i < c->n_occ; i++)
        c->occ[i].term = into[c->occ[i].term];
    merge_surfaces(c, into);
}

uint32_t jk_counter_occurrences(const struct jk_counter *c, uint32_t id, enum jk_counting counting)
{
    return counting == JK_COUNT_FULL ? c->tally[id].full : c->tally[id].docs;
}

/*
 * Surface ids: below the number of terms, a term's first spelling (sid = term
 * id); from there on, the surfaces table's entries.
 */
const char *jk_counter_surface(const struct jk_counter *c, uint32_t sid)
{
    size_t n = jk_counter_terms(c);
    if (sid < n)
        return c->first[sid].text;
    return jk_strmap_key(&c->surfaces, (uint32_t)(sid - n)) + sizeof(uint32_t);
}

bool jk_counter_has_surface(const struct jk_counter *c, uint32_t id, const char *s, size_t len)
{
    const struct jk_first_surface *f = &c->first[id];
    if (f->text && f->len == len && memcmp(f->text, s, len) == 0)
        return true;
    struct jk_buf key; /* the surfaces table's key: term id, then text */
    jk_buf_init(&key);
    jk_buf_add(&key, &id, sizeof(id));
    jk_buf_add(&key, s, len);
    bool found = jk_strmap_find(&c->surfaces, key.data, key.len) != JK_NO_ID;
    jk_buf_release(&key);
    return found;
}

static uint32_t surface_count(const struct jk_counter *c, uint32_t sid)
{
    size_t n = jk_counter_terms(c);
    return sid < n ? c->first[sid].count : c->surface_count[sid - n];
}

static uint32_t surface_term(const struct jk_counter *c, uint32_t sid)
{
    size_t n = jk_counter_terms(c);
    return sid < n ? sid : c->surface_term[sid - n];
}

static size_t surfaces_total(const struct jk_counter *c)
{
    return jk_counter_terms(c) + jk_strmap_count(&c->surfaces);
}

/* Ties between spellings: the shorter (the plainer form, "kerja sama" before "bekerja sama"). */
static int shorter_first(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la != lb)
        return la < lb ? -1 : 1;
    return strcmp(a, b);
}

/*
 * Whether a spelling carries the possessive -nya on one of its words ("lemahnya koordinasi",
 * "the weakness of coordination"): a word of 6 bytes or more ending in "nya".
 */
static bool has_possessive(const char *s)
{
    for (size_t at = 0, n; s[at]; at += n + (s[at + n] == ' ')) {
        n = strcspn(s + at, " ");
        if (n >= 6 && memcmp(s + at + n - 3, "nya", 3) == 0)
            return true;
    }
    return false;
}

/*
 * Whether spelling a (seen ca times) comes before spelling b (cb times) of the same term, as
 * its label and first in its aliases: a spelling without the possessive -nya before one with
 * it (the dictionary form, "lemah" before "lemahnya", whenever the corpus has it), then the
 * more frequent, then shorter_first.
 */
static bool spelled_before(const char *a, uint32_t ca, const char *b, uint32_t cb)
{
    bool pa = has_possessive(a), pb = has_possessive(b);
    if (pa != pb)
        return !pa;
    if (ca != cb)
        return ca > cb;
    return shorter_first(a, b) < 0;
}

/* For every term, the id of its label's spelling (spelled_before). */
static uint32_t *best_surfaces(const struct jk_counter *c)
{
    size_t n = jk_counter_terms(c);
    uint32_t *best = jk_malloc((n ? n : 1) * sizeof(*best));
    for (size_t t = 0; t < n; t++)
        best[t] = (uint32_t)t; /* every term has its first spelling */
    for (size_t s = n; s < surfaces_total(c); s++) {
        uint32_t t = surface_term(c, (uint32_t)s), b = best[t];
        if (spelled_before(jk_counter_surface(c, (uint32_t)s), surface_count(c, (uint32_t)s),
                           jk_counter_surface(c, b), surface_count(c, b)))
            best[t] = (uint32_t)s;
    }
    return best;
}

const char **jk_counter_labels(const struct jk_counter *c)
{
    size_t n = jk_counter_terms(c);
    uint32_t *best = best_surfaces(c);
    const char **label = jk_malloc((n ? n : 1) * sizeof(*label));
    for (size_t i = 0; i < n; i++)
        label[i] = jk_counter_surface(c, best[i]);
    free(best);
    return label;
}

/* Sort order of aliases: by requested slot, then spelled_before (the label first). */
struct alias_ref {
    uint32_t slot;
    uint32_t sid;
    uint32_t count; /* the spelling's count and text, so the comparison needs no context */
    const char *text;
};

static int cmp_alias(const void *a, const void *b)
{
    const struct alias_ref *x = a, *y = b;
    if (x->slot != y->slot)
        return x->slot < y->slot ? -1 : 1;
    if (spelled_before(x->text, x->count, y->text, y->count))
        return -1;
    return spelled_before(y->text, y->count, x->text, x->count) ? 1 : 0;
}

/* Joins refs[from..to) (one slot) with "; ", skipping the label (the first); NULL if none. */
static char *join_aliases(const struct jk_counter *c, const struct alias_ref *refs, size_t from,
                          size_t to)
{
    if (to - from < 2)
        return NULL;
    struct jk_buf b;
    jk_buf_init(&b);
    for (size_t i = from + 1; i < to; i++)
        jk_buf_addf(&b, "%s%s", i > from + 1 ? "; " : "", jk_counter_surface(c, refs[i].sid));
    return jk_buf_detach(&b, NULL);
}

char **jk_counter_aliases(const struct jk_counter *c, const uint32_t *ids, size_t n)
{
    size_t terms = jk_counter_terms(c), n_surfaces = surfaces_total(c), k = 0;
    uint32_t *slot = jk_malloc((terms ? terms : 1) * sizeof(*slot));
    memset(slot, 0xff, (terms ? terms : 1) * sizeof(*slot));
    for (size_t i = 0; i < n; i++)
        slot[ids[i]] = (uint32_t)i;
    struct alias_ref *refs = jk_malloc((n_surfaces ? n_surfaces : 1) * sizeof(*refs));
    for (size_t s = 0; s < n_surfaces; s++) {
        uint32_t t = surface_term(c, (uint32_t)s);
        if (slot[t] != UINT32_MAX)
            refs[k++] = (struct alias_ref){slot[t], (uint32_t)s, surface_count(c, (uint32_t)s),
                                           jk_counter_surface(c, (uint32_t)s)};
    }
    qsort(refs, k, sizeof(*refs), cmp_alias);
    char **out = jk_calloc(n ? n : 1, sizeof(*out));
    for (size_t i = 0, j; i < k; i = j) {
        for (j = i; j < k && refs[j].slot == refs[i].slot; j++)
            ;
        out[refs[i].slot] = join_aliases(c, refs, i, j);
    }
    free(refs);
    free(slot);
    return out;
}

const char *jk_counting_name(enum jk_counting counting)
{
    return counting == JK_COUNT_FULL ? "full" : "binary";
}
