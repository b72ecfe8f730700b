/*
 * Tests of src/count: counting, selection and co-occurrence on a
 * three-document example computed by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cooccur.h"
#include "count.h"
#include "select.h"

static void add(struct jk_counter *c, const char *key, const char *surface)
{
    jk_counter_add(c, key, strlen(key), surface, strlen(surface));
}

/*
 * d1: alpha beta alpha gamma   d2: alpha beta   d3: gamma delta
 * binary occurrences: alpha 2, beta 2, gamma 2, delta 1
 * full occurrences:   alpha 3, beta 2, gamma 2, delta 1
 * binary links: alpha-beta 2 (d1, d2), alpha-gamma 1, beta-gamma 1, gamma-delta 1
 * full links:   alpha-beta 2*1 + 1*1 = 3, alpha-gamma 2*1 = 2, beta-gamma 1, gamma-delta 1
 */
static void fill_three_documents(struct jk_counter *c)
{
    jk_counter_init(c);
    jk_counter_begin_doc(c);
    add(c, "alpha", "alpha");
    add(c, "beta", "beta");
    add(c, "alpha", "alpha");
    add(c, "gamma", "gamma");
    jk_counter_end_doc(c);
    jk_counter_begin_doc(c);
    add(c, "alpha", "alpha");
    add(c, "beta", "beta");
    jk_counter_end_doc(c);
    jk_counter_begin_doc(c);
    add(c, "gamma", "gamma");
    add(c, "delta", "delta");
    jk_counter_end_doc(c);
}

static const struct jk_link *find_link(const struct jk_map *m, const char *a, const char *b)
{
    for (size_t k = 0; k < m->n_links; k++) {
        const char *s = m->terms[m->links[k].source].label;
        const char *t = m->terms[m->links[k].target].label;
        if ((!strcmp(s, a) && !strcmp(t, b)) || (!strcmp(s, b) && !strcmp(t, a)))
            return &m->links[k];
    }
    return NULL;
}

/* Invariants every map must hold: sorted links with source < target, ids in range, stats. */
static void check_map_invariants(const struct jk_map *m)
{
    for (size_t k = 0; k < m->n_links; k++) {
        assert_true(m->links[k].source < m->links[k].target);
        assert_true(m->links[k].target < m->n_terms);
        assert_true(m->links[k].weight > 0);
        if (k > 0) {
            const struct jk_link *p = &m->links[k - 1], *l = &m->links[k];
            assert_true(p->source < l->source || (p->source == l->source && p->target < l->target));
        }
    }
    for (size_t i = 0; i + 1 < m->n_terms; i++)
        assert_true(strcmp(m->terms[i].label, m->terms[i + 1].label) < 0);
}

static void build(enum jk_counting counting, uint32_t min_occ, struct jk_counter *c,
                  struct jk_selection *sel, struct jk_map *map)
{
    fill_three_documents(c);
    struct jk_select_options opt;
    jk_select_options_default(&opt);
    opt.counting = counting;
    opt.min_occurrences = min_occ;
    struct jk_diag d;
    jk_diag_init(&d);
    jk_selection_init(sel);
    assert_int_equal(jk_select_terms(c, &opt, sel, &d), JK_OK);
    jk_map_init(map);
    jk_build_map(c, sel, counting, (struct jk_unit){JK_UNIT_DOCUMENT, 0}, map);
    check_map_invariants(map);
}

static void release(struct jk_counter *c, struct jk_selection *sel, struct jk_map *map)
{
    jk_map_release(map);
    jk_selection_release(sel);
    jk_counter_release(c);
}

static void test_binary_counting_by_hand(void **state)
{
    (void)state;
    struct jk_counter c;
    struct jk_selection sel;
    struct jk_map m;
    build(JK_COUNT_BINARY, 1, &c, &sel, &m);
    assert_int_equal(m.n_terms, 4);
    assert_string_equal(m.terms[0].label, "alpha");
    assert_int_equal(m.terms[0].occurrences, 2);
    assert_int_equal(m.terms[0].documents, 2);
    assert_int_equal(m.n_links, 4);
    assert_int_equal(find_link(&m, "alpha", "beta")->weight, 2);
    assert_int_equal(find_link(&m, "alpha", "gamma")->weight, 1);
    assert_int_equal(find_link(&m, "beta", "gamma")->weight, 1);
    assert_int_equal(find_link(&m, "gamma", "delta")->weight, 1);
    assert_null(find_link(&m, "alpha", "delta"));
    /* gamma: links to alpha, beta, delta; strength 1 + 1 + 1 */
    /* labels sort as alpha, beta, delta, gamma */
    assert_string_equal(m.terms[3].label, "gamma");
    assert_int_equal(m.terms[3].links, 3);
    assert_int_equal(m.terms[3].total_link_strength, 3);
    release(&c, &sel, &m);
}

static void test_full_counting_by_hand(void **state)
{
    (void)state;
    struct jk_counter c;
    struct jk_selection sel;
    struct jk_map m;
    build(JK_COUNT_FULL, 1, &c, &sel, &m);
    assert_int_equal(m.terms[0].occurrences, 3); /* alpha */
    assert_int_equal(m.terms[0].documents, 2);
    assert_int_equal(find_link(&m, "alpha", "beta")->weight, 3);
    assert_int_equal(find_link(&m, "alpha", "gamma")->weight, 2);
    assert_int_equal(m.terms[0].total_link_strength, 5);
    release(&c, &sel, &m);
}

static void test_threshold_drops_rare_terms_and_their_links(void **state)
{
    (void)state;
    struct jk_counter c;
    struct jk_selection sel;
    struct jk_map m;
    build(JK_COUNT_BINARY, 2, &c, &sel, &m);
    assert_int_equal(m.n_terms, 3); /* delta occurs once */
    assert_int_equal(sel.reaching, 3);
    assert_null(find_link(&m, "gamma", "delta"));
    assert_int_equal(m.n_links, 3);
    release(&c, &sel, &m);
}

/* Adds one occurrence at position pos, English or not. */
static void add_lang(struct jk_counter *c, const char *key, const char *surface, bool english,
                     uint32_t pos)
{
    c->english = english;
    jk_counter_add_at(c, key, strlen(key), surface, strlen(surface), pos, 0);
}

/*
 * d1 (both languages): kebijakan policy policies kota   d2: policy kota   d3: kebijakan
 * Merging "policy" (English) into "kebijakan": d1 keeps one kebijakan entry with count 3.
 */
static void fill_bilingual_counts(struct jk_counter *c, bool doc_counts)
{
    jk_counter_init(c);
    jk_counter_keep_positions(c);
    if (!doc_counts)
        jk_counter_skip_doc_counts(c);
    jk_counter_begin_doc(c);
    add_lang(c, "kebijakan", "kebijakan", false, 0);
    add_lang(c, "policy", "policy", true, 1);
    add_lang(c, "policy", "policies", true, 2);
    add_lang(c, "kota", "kota", false, 3);
    jk_counter_end_doc(c);
    jk_counter_begin_doc(c);
    add_lang(c, "policy", "policy", true, 0);
    add_lang(c, "kota", "kota", false, 1);
    jk_counter_end_doc(c);
    jk_counter_begin_doc(c);
    add_lang(c, "kebijakan", "kebijakan", false, 0);
    jk_counter_end_doc(c);
}

static void fill_bilingual(struct jk_counter *c)
{
    fill_bilingual_counts(c, true);
}

static uint32_t id_of(const struct jk_counter *c, const char *key)
{
    return jk_strmap_find(&c->terms, key, strlen(key));
}

/* Each term at most once per document; documents and occurrences agree with the lists. */
static void check_pool_invariants(const struct jk_counter *c)
{
    size_t n = jk_counter_terms(c);
    for (size_t t = 0; t < n; t++) {
        uint32_t docs = 0, occ = 0;
        for (size_t d = 0; d < c->n_docs; d++)
            for (size_t p = c->doc_start[d]; p < c->doc_start[d + 1]; p++)
                if (c->pool_terms[p] == t) {
                    docs++;
                    occ += c->pool_counts ? c->pool_counts[p] : 0;
                    for (size_t q = p + 1; q < c->doc_start[d + 1]; q++)
                        assert_int_not_equal(c->pool_terms[q], t);
                }
        assert_int_equal(docs, c->tally[t].docs);
        if (c->pool_counts)
            assert_int_equal(occ, c->tally[t].full);
        assert_true(c->tally[t].full_en <= c->tally[t].full);
    }
    assert_int_equal(c->doc_start[c->n_docs], c->pool_len);
}

/*
 * A document in parts (the files of one folder, --document folder): a term in two parts
 * counts one document, each part counts its own distinct terms, and the second part's
 * positions and sentences come after the first's with a gap no window spans.
 */
static void test_parts_are_one_document(void **state)
{
    (void)state;
    struct jk_counter c;
    jk_counter_init(&c);
    jk_counter_keep_positions(&c);
    jk_counter_begin_doc(&c); /* part 1: kota (sentence 0, token 0), desa (sentence 2, token 40) */
    jk_counter_add_at(&c, "kota", 4, "kota", 4, 0, 0);
    jk_counter_add_at(&c, "desa", 4, "desa", 4, 40, 2);
    assert_int_equal(c.part_terms, 2);
    jk_counter_next_part(&c); /* part 2: kota twice, pasar */
    jk_counter_add_at(&c, "kota", 4, "kota", 4, 0, 0);
    jk_counter_add_at(&c, "kota", 4, "kota", 4, 3, 0);
    jk_counter_add_at(&c, "pasar", 5, "pasar", 5, 5, 1);
    assert_int_equal(c.part_terms, 2); /* kota and pasar: kota is new to this part */
    jk_counter_end_doc(&c);
    jk_counter_begin_doc(&c); /* another document: kota again */
    jk_counter_add_at(&c, "kota", 4, "kota", 4, 0, 0);
    jk_counter_end_doc(&c);
    assert_int_equal(c.n_docs, 2);
    uint32_t kota = id_of(&c, "kota");
    assert_int_equal(c.tally[kota].docs, 2);
    assert_int_equal(c.tally[kota].full, 4);
    assert_int_equal(c.doc_start[1], 3); /* kota, desa, pasar: each once in the first list */
    assert_int_equal(c.pool_counts[0], 3);
    check_pool_invariants(&c);
    /* part 2 starts after token 40 + the gap, and after sentence 2 */
    assert_int_equal(c.occ[2].position, 41 + JK_PART_GAP);
    assert_int_equal(c.occ[2].sentence, 3);
    assert_int_equal(c.occ[4].position, 46 + JK_PART_GAP);
    assert_int_equal(c.occ[4].sentence, 4);
    assert_true(c.occ[2].position - c.occ[1].position > 1000); /* the widest window */
    assert_int_equal(c.occ[5].position, 0);                    /* the next document starts again */
    assert_int_equal(c.occ[5].sentence, 0);
    jk_counter_release(&c);
}

/* Without per-document counts the lists, documents and totals are the same, merged or not. */
static void test_skipping_doc_counts_keeps_lists(void **state)
{
    (void)state;
    struct jk_counter a, b;
    fill_bilingual_counts(&a, true);
    fill_bilingual_counts(&b, false);
    for (int merged = 0; merged < 2; merged++) {
        assert_null(b.pool_counts);
        assert_int_equal(a.pool_len, b.pool_len);
        assert_memory_equal(a.pool_terms, b.pool_terms, a.pool_len * sizeof(*a.pool_terms));
        for (size_t t = 0; t < jk_counter_terms(&a); t++) {
            assert_int_equal(a.tally[t].docs, b.tally[t].docs);
            assert_int_equal(a.tally[t].full, b.tally[t].full);
        }
        check_pool_invariants(&b);
        uint32_t into[3] = {0, 1, 2};
        into[id_of(&a, "policy")] = id_of(&a, "kebijakan");
        jk_counter_merge(&a, into);
        jk_counter_merge(&b, into);
    }
    jk_counter_release(&a);
    jk_counter_release(&b);
}

/* Trimming after the last document keeps every list and count; merging still works. */
static void test_trim_keeps_lists(void **state)
{
    (void)state;
    struct jk_counter a, b;
    fill_bilingual(&a);
    fill_bilingual(&b);
    jk_counter_trim(&b);
    assert_int_equal(b.cap_pool, b.pool_len);
    assert_memory_equal(a.pool_terms, b.pool_terms, a.pool_len * sizeof(*a.pool_terms));
    assert_memory_equal(a.pool_counts, b.pool_counts, a.pool_len * sizeof(*a.pool_counts));
    assert_true(jk_counter_add_alias(&b, "kebijakan", 9, "kebijaksanaan", 13));
    uint32_t into[3] = {0, 1, 2};
    into[id_of(&b, "policy")] = id_of(&b, "kebijakan");
    jk_counter_merge(&b, into);
    check_pool_invariants(&b);
    assert_int_equal(b.tally[id_of(&b, "kebijakan")].full, 5);
    jk_counter_release(&a);
    jk_counter_release(&b);
}

static void test_english_occurrences_are_counted_per_term(void **state)
{
    (void)state;
    struct jk_counter c;
    fill_bilingual(&c);
    assert_int_equal(c.tally[id_of(&c, "policy")].full_en, 3);
    assert_int_equal(c.tally[id_of(&c, "kebijakan")].full_en, 0);
    assert_true(jk_counter_has_surface(&c, id_of(&c, "policy"), "policies", 8));
    assert_false(jk_counter_has_surface(&c, id_of(&c, "kebijakan"), "policy", 6));
    check_pool_invariants(&c);
    jk_counter_release(&c);
}

static void test_merge_moves_occurrences_and_keeps_invariants(void **state)
{
    (void)state;
    struct jk_counter c;
    fill_bilingual(&c);
    uint32_t pol = id_of(&c, "policy"), keb = id_of(&c, "kebijakan"), kota = id_of(&c, "kota");
    uint32_t into[3];
    for (uint32_t t = 0; t < 3; t++)
        into[t] = t;
    into[pol] = keb;
    jk_counter_merge(&c, into);
    check_pool_invariants(&c);
    assert_int_equal(c.tally[keb].full, 5);
    assert_int_equal(c.tally[keb].docs, 3);
    assert_int_equal(c.tally[keb].full_en, 3);
    assert_int_equal(c.tally[pol].full, 0);
    assert_int_equal(c.tally[pol].docs, 0);
    assert_int_equal(c.tally[pol].full_en, 0);
    assert_int_equal(c.tally[kota].docs, 2);
    /* d1 holds kebijakan once, with the three occurrences, then kota */
    assert_int_equal(c.doc_start[1] - c.doc_start[0], 2);
    assert_int_equal(c.pool_terms[c.doc_start[0]], keb);
    assert_int_equal(c.pool_counts[c.doc_start[0]], 3);
    for (size_t i = 0; i < c.n_occ; i++)
        assert_int_not_equal(c.occ[i].term, pol);
    /* the label stays Indonesian; the English spellings are aliases */
    const char **labels = jk_counter_labels(&c);
    assert_string_equal(labels[keb], "kebijakan");
    free(labels);
    char **aliases = jk_counter_aliases(&c, &keb, 1);
    assert_non_null(aliases[0]);
    assert_non_null(strstr(aliases[0], "policy"));
    assert_non_null(strstr(aliases[0], "policies"));
    free(aliases[0]);
    free(aliases);
    jk_counter_release(&c);
}

/*
 * A term's label is its most frequent spelling, except that a spelling without the
 * possessive -nya comes first whenever the corpus has one: "lemah", not "lemahnya"; the
 * -nya spellings come last among the aliases.
 */
static void test_label_prefers_the_form_without_nya(void **state)
{
    (void)state;
    struct jk_counter c;
    jk_counter_init(&c);
    jk_counter_begin_doc(&c);
    const char *spellings[] = {"lemahnya", "lemahnya", "lemahnya", "lemah", "lemahe", "lemahe"};
    for (size_t i = 0; i < 6; i++)
        jk_counter_add(&c, "lemah", 5, spellings[i], strlen(spellings[i]));
    jk_counter_add(&c, "tanya", 5, "tanya", 5); /* a word that ends in "nya" by itself */
    jk_counter_add(&c, "tanya", 5, "tanyanya", 8);
    jk_counter_add(&c, "tanya", 5, "tanyanya", 8);
    jk_counter_end_doc(&c);
    uint32_t ids[2] = {id_of(&c, "lemah"), id_of(&c, "tanya")};
    const char **labels = jk_counter_labels(&c);
    assert_string_equal(labels[ids[0]], "lemahe"); /* the more frequent of the two without */
    assert_string_equal(labels[ids[1]], "tanya");
    free(labels);
    char **aliases = jk_counter_aliases(&c, ids, 2);
    assert_string_equal(aliases[0], "lemah; lemahnya");
    assert_string_equal(aliases[1], "tanyanya");
    for (size_t i = 0; i < 2; i++)
        free(aliases[i]);
    free(aliases);
    jk_counter_release(&c);
}

static void test_merged_term_is_never_selected(void **state)
{
    (void)state;
    struct jk_counter c;
    fill_bilingual(&c);
    uint32_t into[3] = {0, 1, 2};
    into[id_of(&c, "policy")] = id_of(&c, "kebijakan");
    jk_counter_merge(&c, into);
    struct jk_select_options opt;
    jk_select_options_default(&opt);
    opt.min_occurrences = 1;
    opt.nested_share = 2; /* off */
    struct jk_selection sel;
    jk_selection_init(&sel);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_select_terms(&c, &opt, &sel, &d), JK_OK);
    assert_int_equal(sel.count, 2);
    for (size_t i = 0; i < sel.count; i++)
        assert_int_not_equal(sel.ids[i], id_of(&c, "policy"));
    jk_selection_release(&sel);
    /* nor by a terms file that names its old label */
    jk_selection_init(&sel);
    const char *listed[] = {"policy", "kota"};
    assert_int_equal(jk_select_listed(&c, listed, 2, JK_COUNT_BINARY, &sel, &d), JK_OK);
    assert_int_equal(sel.count, 1);
    assert_int_equal(sel.ids[0], id_of(&c, "kota"));
    jk_selection_release(&sel);
    jk_counter_release(&c);
}

/* Two counters that saw the same occurrences hold the same terms, counts, spellings and lists. */
static void assert_same_counts(const struct jk_counter *a, const struct jk_counter *b)
{
    size_t n = jk_strmap_count(&a->terms);
    assert_int_equal(jk_strmap_count(&b->terms), n);
    for (uint32_t t = 0; t < n; t++) {
        assert_string_equal(jk_strmap_key(&a->terms, t), jk_strmap_key(&b->terms, t));
        assert_int_equal(a->tally[t].full, b->tally[t].full);
        assert_int_equal(a->tally[t].docs, b->tally[t].docs);
        assert_int_equal(a->tally[t].full_en, b->tally[t].full_en);
        assert_int_equal(a->first[t].len, b->first[t].len);
        assert_memory_equal(a->first[t].text, b->first[t].text, a->first[t].len);
        assert_int_equal(a->first[t].count, b->first[t].count);
    }
    size_t ns = jk_strmap_count(&a->surfaces);
    assert_int_equal(jk_strmap_count(&b->surfaces), ns);
    for (uint32_t s = 0; s < ns; s++) {
        assert_int_equal(jk_strmap_len(&a->surfaces, s), jk_strmap_len(&b->surfaces, s));
        assert_memory_equal(jk_strmap_key(&a->surfaces, s), jk_strmap_key(&b->surfaces, s),
                            jk_strmap_len(&a->surfaces, s));
        assert_int_equal(a->surface_count[s], b->surface_count[s]);
    }
    assert_int_equal(a->n_docs, b->n_docs);
    assert_int_equal(a->pool_len, b->pool_len);
    assert_int_equal(a->candidates, b->candidates);
    for (size_t d = 0; d <= a->n_docs; d++)
        assert_int_equal(a->doc_start[d], b->doc_start[d]);
    assert_memory_equal(a->pool_terms, b->pool_terms, a->pool_len * sizeof(*a->pool_terms));
    assert_memory_equal(a->pool_counts, b->pool_counts, a->pool_len * sizeof(*a->pool_counts));
}

/* The drain of a hash-only log: every hash it is handed, in order. */
struct drained {
    uint64_t *hashes;
    size_t n;
};

static void drain_hashes(void *ctx, struct jk_count_log *log)
{
    struct drained *d = ctx;
    for (size_t i = log->drain_from; i < log->n; i++)
        d->hashes[d->n++] = log->items[i].hash;
    log->n = log->drain_from;
}

/*
 * A long document's repeats merged into one logged item each (jk_count_log
 * merge_from) count exactly what every occurrence added one by one counts:
 * the same term ids, counts, first spellings, other spellings, document
 * lists in first-seen order, whatever the point merging starts from.
 */
static void test_log_merging_repeats_counts_the_same(void **state)
{
    (void)state;
    enum { DOCS = 6, WORDS = 40, MAX_ITEMS = 6000 };
    static const char *spellings[] = {"%s", "%s-X", "Big %s"};
    const size_t merge_from[] = {0, 1, 50, JK_LOG_MERGE_FROM, JK_LOG_NO_MERGE};
    for (size_t m = 0; m < sizeof(merge_from) / sizeof(*merge_from); m++) {
        struct jk_counter direct, replayed;
        jk_counter_init(&direct);
        jk_counter_init(&replayed);
        struct jk_count_log log;
        jk_count_log_init(&log);
        uint64_t rng = 42;
        size_t occurrences = 0, logged = 0;
        for (int d = 0; d < DOCS; d++) {
            jk_counter_begin_doc(&direct);
            jk_counter_begin_doc(&replayed);
            jk_count_log_begin_doc(&log, merge_from[m]);
            size_t from = log.n;
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            size_t items = (size_t)(rng >> 33) % MAX_ITEMS;
            for (size_t i = 0; i < items; i++) {
                rng = rng * 6364136223846793005ull + 1442695040888963407ull;
                char key[16], surface[32];
                snprintf(key, sizeof(key), "k%u", (unsigned)((rng >> 33) % WORDS));
                snprintf(surface, sizeof(surface), spellings[(rng >> 45) % 3], key);
                bool english = (rng >> 50) % 4 == 0;
                direct.english = english;
                jk_counter_add_at(&direct, key, strlen(key), surface, strlen(surface), (uint32_t)i,
                                  0);
                log.english = english;
                jk_count_log_add(&log, key, strlen(key), surface, strlen(surface), (uint32_t)i, 0);
            }
            occurrences += items;
            logged += log.n - from;
            jk_counter_replay(&replayed, &log, from, log.n);
            jk_counter_end_doc(&direct);
            jk_counter_end_doc(&replayed);
        }
        assert_same_counts(&direct, &replayed);
        if (merge_from[m] == JK_LOG_NO_MERGE)
            assert_int_equal(logged, occurrences);
        else /* at most one item per key, spelling and language, and those before merging */
            assert_true(logged <= DOCS * (merge_from[m] + WORDS * 3 * 2));
        jk_count_log_release(&log);
        jk_counter_release(&direct);
        jk_counter_release(&replayed);
    }

    /* a hash-only log hands its hashes to the drain in order, in runs: it never holds many */
    struct jk_count_log log;
    jk_count_log_init(&log);
    log.hash_only = true;
    struct drained got = {calloc(3 * JK_LOG_DRAIN_ITEMS, sizeof(uint64_t)), 0};
    log.drain = drain_hashes;
    log.drain_ctx = &got;
    jk_count_log_begin_doc(&log, JK_LOG_NO_MERGE);
    size_t total = 3 * JK_LOG_DRAIN_ITEMS - 7;
    for (size_t i = 0; i < total; i++) {
        char key[16];
        snprintf(key, sizeof(key), "w%zu", i % 97);
        jk_count_log_add(&log, key, strlen(key), key, strlen(key), 0, 0);
        assert_true(log.n < JK_LOG_DRAIN_ITEMS);
    }
    drain_hashes(&got, &log); /* the rest, as the end of the document does */
    assert_int_equal(got.n, total);
    for (size_t i = 0; i < total; i++) {
        char key[16];
        snprintf(key, sizeof(key), "w%zu", i % 97);
        assert_true(got.hashes[i] == jk_hash64(key, strlen(key)));
    }
    free(got.hashes);
    jk_count_log_release(&log);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binary_counting_by_hand),
        cmocka_unit_test(test_full_counting_by_hand),
        cmocka_unit_test(test_threshold_drops_rare_terms_and_their_links),
        cmocka_unit_test(test_english_occurrences_are_counted_per_term),
        cmocka_unit_test(test_skipping_doc_counts_keeps_lists),
        cmocka_unit_test(test_parts_are_one_document),
        cmocka_unit_test(test_trim_keeps_lists),
        cmocka_unit_test(test_merge_moves_occurrences_and_keeps_invariants),
        cmocka_unit_test(test_label_prefers_the_form_without_nya),
        cmocka_unit_test(test_merged_term_is_never_selected),
        cmocka_unit_test(test_log_merging_repeats_counts_the_same),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
