/*
 * Tests of src/cooccur: co-occurrence by document, sentence and window,
 * binary and full, on a two-document example computed by hand:
 *   d1: a b . c a   (a@0 b@1 in sentence 0; c@3 a@4 in sentence 1)
 *   d2: a b a b     (positions 0..3, one sentence)
 * document, binary: a-b 2, a-c 1, b-c 1
 * sentence, binary: a-b 2 (d1 s0, d2), a-c 1 (d1 s1), b-c 0
 * sentence, full:   a-b 1*1 + 2*2 = 5, a-c 1
 * window:1, full:   a-b (a0,b1) + (a0,b1),(b1,a2),(a2,b3) = 4, a-c (c3,a4) = 1
 * window:2, binary: a-b 2, a-c 1, b-c 1 (b1,c3)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "cooccur.h"

static void add(struct jk_counter *c, const char *t, uint32_t pos, uint32_t sentence)
{
    jk_counter_add_at(c, t, strlen(t), t, strlen(t), pos, sentence);
}

static void fill(struct jk_counter *c, bool skip_doc_counts)
{
    jk_counter_init(c);
    jk_counter_keep_positions(c);
    if (skip_doc_counts)
        jk_counter_skip_doc_counts(c);
    jk_counter_begin_doc(c);
    add(c, "a", 0, 0);
    add(c, "b", 1, 0);
    add(c, "c", 3, 1);
    add(c, "a", 4, 1);
    jk_counter_end_doc(c);
    jk_counter_begin_doc(c);
    add(c, "a", 0, 0);
    add(c, "b", 1, 0);
    add(c, "a", 2, 0);
    add(c, "b", 3, 0);
    jk_counter_end_doc(c);
}

/* Weight of the link between labels x and y, 0 when absent. */
static uint64_t weight(const struct jk_map *m, const char *x, const char *y)
{
    for (size_t k = 0; k < m->n_links; k++) {
        const char *s = m->terms[m->links[k].source].label;
        const char *t = m->terms[m->links[k].target].label;
        if ((!strcmp(s, x) && !strcmp(t, y)) || (!strcmp(s, y) && !strcmp(t, x)))
            return m->links[k].weight;
    }
    return 0;
}

/* The same terms (labels, occurrences, links and strengths) and the same links, in order. */
static void assert_same_map(const struct jk_map *got, const struct jk_map *want)
{
    assert_int_equal(got->n_terms, want->n_terms);
    assert_int_equal(got->n_links, want->n_links);
    for (size_t i = 0; i < got->n_terms; i++) {
        assert_string_equal(got->terms[i].label, want->terms[i].label);
        assert_int_equal(got->terms[i].occurrences, want->terms[i].occurrences);
        assert_int_equal(got->terms[i].links, want->terms[i].links);
        assert_int_equal(got->terms[i].total_link_strength, want->terms[i].total_link_strength);
    }
    for (size_t k = 0; k < got->n_links; k++) {
        assert_int_equal(got->links[k].source, want->links[k].source);
        assert_int_equal(got->links[k].target, want->links[k].target);
        assert_int_equal(got->links[k].weight, want->links[k].weight);
    }
}

/* Selects every term of c (no threshold, no nested rule). */
static void select_all(const struct jk_counter *c, struct jk_selection *sel)
{
    struct jk_select_options opt;
    jk_select_options_default(&opt);
    opt.min_occurrences = 1;
    opt.nested_share = 2;
    jk_selection_init(sel);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_select_terms(c, &opt, sel, &d), JK_OK);
}

static void build_from(enum jk_counting counting, struct jk_unit unit, bool skip_doc_counts,
                       struct jk_map *map)
{
    struct jk_counter c;
    fill(&c, skip_doc_counts);
    struct jk_selection sel;
    select_all(&c, &sel);
    jk_map_init(map);
    jk_build_map(&c, &sel, counting, unit, map);
    jk_selection_release(&sel);
    jk_counter_release(&c);
}

static void build(enum jk_counting counting, struct jk_unit unit, struct jk_map *map)
{
    build_from(counting, unit, false, map);
}

static void test_document_unit(void **state)
{
    (void)state;
    struct jk_map m;
    build(JK_COUNT_BINARY, (struct jk_unit){JK_UNIT_DOCUMENT, 0}, &m);
    assert_int_equal(weight(&m, "a", "b"), 2);
    assert_int_equal(weight(&m, "a", "c"), 1);
    assert_int_equal(weight(&m, "b", "c"), 1);
    jk_map_release(&m);
}

/* Binary counting needs no per-document counts: the same map without them, for every unit. */
static void test_binary_without_doc_counts(void **state)
{
    (void)state;
    const struct jk_unit units[] = {
        {JK_UNIT_DOCUMENT, 0}, {JK_UNIT_SENTENCE, 0}, {JK_UNIT_WINDOW, 2}};
    for (size_t u = 0; u < 3; u++) {
        struct jk_map with, without;
        build_from(JK_COUNT_BINARY, units[u], false, &with);
        build_from(JK_COUNT_BINARY, units[u], true, &without);
        assert_int_equal(with.n_terms, without.n_terms);
        assert_int_equal(with.n_links, without.n_links);
        for (size_t i = 0; i < with.n_terms; i++)
            assert_int_equal(with.terms[i].occurrences, without.terms[i].occurrences);
        for (size_t k = 0; k < with.n_links; k++) {
            assert_int_equal(with.links[k].source, without.links[k].source);
            assert_int_equal(with.links[k].target, without.links[k].target);
            assert_int_equal(with.links[k].weight, without.links[k].weight);
        }
        jk_map_release(&with);
        jk_map_release(&without);
    }
}

/*
 * The map command fills the map's terms, sheds the counter's terms, then
 * counts links and metadata from the document lists alone: the same map as
 * jk_build_map, for every unit and counting.
 */
static void test_links_after_shedding_terms(void **state)
{
    (void)state;
    const struct jk_unit units[] = {
        {JK_UNIT_DOCUMENT, 0}, {JK_UNIT_SENTENCE, 0}, {JK_UNIT_WINDOW, 2}};
    const double years[] = {2019, 2021};
    for (size_t u = 0; u < 6; u++) {
        enum jk_counting counting = u % 2 ? JK_COUNT_FULL : JK_COUNT_BINARY;
        struct jk_map whole, shed;
        build_from(counting, units[u / 2], false, &whole);
        struct jk_counter c;
        fill(&c, false);
        struct jk_selection sel;
        select_all(&c, &sel);
        jk_map_init(&shed);
        jk_map_add_terms(&c, &sel, counting, &shed);
        jk_selection_keep_labels(&sel);
        jk_counter_shed_terms(&c);
        assert_int_equal(jk_counter_terms(&c), 3);
        assert_null(c.tally);
        jk_map_add_links(&c, &sel, counting, units[u / 2], &shed);
        jk_map_average_metadata(&shed, &c, &sel, years, years);
        assert_same_map(&shed, &whole);
        /* a (both documents) 2020, c (d1 only) 2019 */
        assert_true(shed.terms[0].avg_year == 2020.0);
        assert_true(shed.terms[2].avg_year == 2019.0);
        jk_selection_release(&sel);
        jk_counter_release(&c);
        jk_map_release(&whole);
        jk_map_release(&shed);
    }
}

/*
 * The document unit on random documents, binary and full, in a dense
 * triangle (on one thread, then with half the documents on a second thread
 * and its own triangle) and row by row, against pairs counted one document at a time:
 * the same weight for every pair of terms, no link of weight 0, links in
 * strictly increasing (source, target) order. Documents of 1 to 45 of 60
 * terms give rows both sparse and dense.
 */
enum { RANDOM_TERMS = 60, RANDOM_DOCS = 300 };

/*
 * Random documents of 1 to 45 of 60 terms "t00".."t59" into c; expect (may be NULL)
 * receives each pair's weight, binary [0] and full [1].
 */
static void random_documents(struct jk_counter *c, uint64_t (*expect)[RANDOM_TERMS][RANDOM_TERMS])
{
    jk_counter_init(c);
    uint64_t x = 0x2545F4914F6CDD1Du;
    char label[8];
    for (size_t d = 0; d < RANDOM_DOCS; d++) {
        uint32_t times[RANDOM_TERMS] = {0};
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        size_t len = 1 + x % (d % 3 ? 6 : 45);
        jk_counter_begin_doc(c);
        for (size_t k = 0; k < len; k++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            size_t t = x % RANDOM_TERMS;
            snprintf(label, sizeof(label), "t%02zu", t);
            jk_counter_add_at(c, label, 3, label, 3, (uint32_t)k, 0);
            times[t]++;
        }
        jk_counter_end_doc(c);
        for (size_t a = 0; a < RANDOM_TERMS && expect; a++)
            for (size_t b = 0; b < RANDOM_TERMS; b++)
                if (a != b && times[a] && times[b]) {
                    expect[0][a][b] += 1;
                    expect[1][a][b] += (uint64_t)times[a] * times[b];
                }
    }
}

/*
 * m's links are exactly the pairs of terms "t<number>" with a weight in expect (terms x
 * terms, row-major), each with that weight, in strictly increasing (source, target) order.
 */
static void assert_links_are(const struct jk_map *m, const uint64_t *expect, size_t terms)
{
    size_t expected_links = 0;
    for (size_t a = 0; a < terms; a++)
        for (size_t b = a + 1; b < terms; b++)
            expected_links += expect[a * terms + b] != 0;
    assert_int_equal(m->n_links, expected_links);
    for (size_t k = 0; k < m->n_links; k++) {
        const struct jk_link *l = &m->links[k];
        if (k > 0)
            assert_true(
                l->source > m->links[k - 1].source ||
                (l->source == m->links[k - 1].source && l->target > m->links[k - 1].target));
        assert_true(l->source < l->target);
        unsigned a = 0, b = 0;
        assert_int_equal(sscanf(m->terms[l->source].label, "t%u", &a), 1);
        assert_int_equal(sscanf(m->terms[l->target].label, "t%u", &b), 1);
        assert_int_equal(l->weight, expect[a * terms + b]);
    }
}

static void test_document_unit_matches_pairs(void **state)
{
    (void)state;
    enum { TERMS = RANDOM_TERMS };
    static uint64_t expect[2][TERMS][TERMS];
    memset(expect, 0, sizeof(expect));
    struct jk_counter c;
    random_documents(&c, expect);
    struct jk_selection sel;
    select_all(&c, &sel);
    size_t dense_bytes = jk_cooccur_dense_bytes, split_docs = jk_cooccur_split_docs;
    for (int way = 0; way < 6; way++) {
        int full = way % 2, rows = way / 2 == 1, split = way / 2 == 2;
        enum jk_counting counting = full ? JK_COUNT_FULL : JK_COUNT_BINARY;
        jk_cooccur_dense_bytes = rows ? 0 : dense_bytes;
        jk_cooccur_split_docs = split ? 1 : split_docs;
        struct jk_map m;
        jk_map_init(&m);
        jk_map_add_terms(&c, &sel, counting, &m);
        assert_int_equal(jk_map_by_rows(&m, (struct jk_unit){JK_UNIT_DOCUMENT, 0}), rows);
        jk_map_add_links_threads(&c, &sel, counting, (struct jk_unit){JK_UNIT_DOCUMENT, 0},
                                 split ? 2 : 1, &m);
        assert_links_are(&m, &expect[full][0][0], TERMS);
        jk_map_release(&m);
    }
    jk_cooccur_dense_bytes = dense_bytes;
    jk_cooccur_split_docs = split_docs;
    jk_selection_release(&sel);
    jk_counter_release(&c);
}

/*
 * Relevance from rows as they are formed (jk_map_relevance) equals relevance
 * from the stored links, bit for bit, with the same total link strengths;
 * selecting by it and then adding the kept terms' links gives the map that
 * jk_select_relevant gives. Binary and full counting.
 */
static void test_relevance_without_links(void **state)
{
    (void)state;
    struct jk_counter c;
    random_documents(&c, NULL);
    size_t dense_bytes = jk_cooccur_dense_bytes;
    for (int full = 0; full < 2; full++) {
        enum jk_counting counting = full ? JK_COUNT_FULL : JK_COUNT_BINARY;
        struct jk_unit unit = {JK_UNIT_DOCUMENT, 0};
        struct jk_selection sel_a, sel_b;
        select_all(&c, &sel_a);
        select_all(&c, &sel_b);
        struct jk_map a, b;
        jk_map_init(&a);
        jk_map_init(&b);
        jk_cooccur_dense_bytes = dense_bytes; /* a: links in a dense triangle */
        jk_build_map(&c, &sel_a, counting, unit, &a);
        jk_cooccur_dense_bytes = 0; /* b: rows, as for tens of thousands of candidates */
        jk_map_add_terms(&c, &sel_b, counting, &b);
        assert_true(jk_map_by_rows(&b, unit));
        size_t n = a.n_terms;
        double rel_a[RANDOM_TERMS], rel_b[RANDOM_TERMS];
        assert_int_equal(n, RANDOM_TERMS);
        jk_relevance(&a, rel_a);
        jk_map_relevance(&c, &sel_b, counting, &b, rel_b);
        assert_int_equal(b.n_links, 0);
        for (size_t i = 0; i < n; i++) {
            assert_int_equal(b.terms[i].total_link_strength, a.terms[i].total_link_strength);
            assert_memory_equal(&rel_a[i], &rel_b[i], sizeof(double));
        }
        jk_cooccur_dense_bytes = dense_bytes;
        jk_select_relevant(&a, &sel_a, 60);
        jk_cooccur_dense_bytes = 0;
        jk_select_by_relevance(&b, &sel_b, rel_b, 60);
        jk_map_add_links(&c, &sel_b, counting, unit, &b);
        assert_int_equal(b.n_terms, 36);
        assert_same_map(&b, &a);
        jk_map_release(&a);
        jk_map_release(&b);
        jk_selection_release(&sel_a);
        jk_selection_release(&sel_b);
    }
    jk_cooccur_dense_bytes = dense_bytes;
    jk_counter_release(&c);
}

static void test_sentence_unit(void **state)
{
    (void)state;
    struct jk_map m;
    build(JK_COUNT_BINARY, (struct jk_unit){JK_UNIT_SENTENCE, 0}, &m);
    assert_int_equal(weight(&m, "a", "b"), 2);
    assert_int_equal(weight(&m, "a", "c"), 1);
    assert_int_equal(weight(&m, "b", "c"), 0);
    assert_int_equal(m.n_links, 2);
    jk_map_release(&m);
    build(JK_COUNT_FULL, (struct jk_unit){JK_UNIT_SENTENCE, 0}, &m);
    assert_int_equal(weight(&m, "a", "b"), 5);
    assert_int_equal(weight(&m, "a", "c"), 1);
    jk_map_release(&m);
}

static void test_window_unit(void **state)
{
    (void)state;
    struct jk_map m;
    build(JK_COUNT_FULL, (struct jk_unit){JK_UNIT_WINDOW, 1}, &m);
    assert_int_equal(weight(&m, "a", "b"), 4);
    assert_int_equal(weight(&m, "a", "c"), 1);
    assert_int_equal(weight(&m, "b", "c"), 0);
    jk_map_release(&m);
    build(JK_COUNT_BINARY, (struct jk_unit){JK_UNIT_WINDOW, 2}, &m);
    assert_int_equal(weight(&m, "a", "b"), 2);
    assert_int_equal(weight(&m, "a", "c"), 1);
    assert_int_equal(weight(&m, "b", "c"), 1);
    for (size_t i = 0; i < m.n_terms; i++) /* link stats follow the links */
        assert_true(m.terms[i].links >= 1);
    jk_map_release(&m);
}

/*
 * The sentence unit on random documents, the first of them long (2,000
 * sentences: its own table of pairs grows to thousands of slots), the rest
 * short, in a dense triangle and in a table of pairs, binary and full,
 * against pairs counted sentence by sentence: a document's table must hand
 * on each pair once and come back empty for the next.
 */
enum { SENT_TERMS = 200, SENT_DOCS = 400 };

static void random_sentences(struct jk_counter *c, uint64_t (*expect)[SENT_TERMS][SENT_TERMS])
{
    static uint8_t in_doc[SENT_TERMS][SENT_TERMS];
    jk_counter_init(c);
    jk_counter_keep_positions(c);
    uint64_t x = 0x9E3779B97F4A7C15u;
    char label[8];
    for (size_t d = 0; d < SENT_DOCS; d++) {
        size_t sentences = d == 0 ? 2000 : 1 + d % 4;
        uint32_t pos = 0;
        memset(in_doc, 0, sizeof(in_doc));
        jk_counter_begin_doc(c);
        for (uint32_t s = 0; s < sentences; s++) {
            uint32_t times[SENT_TERMS] = {0};
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            size_t len = 1 + x % 8;
            for (size_t k = 0; k < len; k++, pos++) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                size_t t = x % SENT_TERMS;
                snprintf(label, sizeof(label), "t%03zu", t);
                jk_counter_add_at(c, label, 4, label, 4, pos, s);
                times[t]++;
            }
            for (size_t a = 0; a < SENT_TERMS; a++)
                for (size_t b = 0; b < SENT_TERMS && times[a]; b++)
                    if (a != b && times[b]) {
                        expect[1][a][b] += (uint64_t)times[a] * times[b];
                        expect[0][a][b] += !in_doc[a][b];
                        in_doc[a][b] = 1;
                    }
        }
        jk_counter_end_doc(c);
    }
}

static void test_sentence_unit_matches_pairs(void **state)
{
    (void)state;
    static uint64_t expect[2][SENT_TERMS][SENT_TERMS];
    memset(expect, 0, sizeof(expect));
    struct jk_counter c;
    random_sentences(&c, expect);
    struct jk_selection sel;
    select_all(&c, &sel);
    size_t dense_bytes = jk_cooccur_dense_bytes;
    for (int way = 0; way < 4; way++) {
        int full = way % 2;
        enum jk_counting counting = full ? JK_COUNT_FULL : JK_COUNT_BINARY;
        jk_cooccur_dense_bytes = way / 2 ? 0 : dense_bytes; /* then a table of pairs */
        struct jk_map m;
        jk_map_init(&m);
        jk_map_add_terms(&c, &sel, counting, &m);
        assert_int_equal(m.n_terms, SENT_TERMS);
        jk_map_add_links(&c, &sel, counting, (struct jk_unit){JK_UNIT_SENTENCE, 0}, &m);
        assert_links_are(&m, &expect[full][0][0], SENT_TERMS);
        jk_map_release(&m);
    }
    jk_cooccur_dense_bytes = dense_bytes;
    jk_selection_release(&sel);
    jk_counter_release(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_document_unit),
        cmocka_unit_test(test_document_unit_matches_pairs),
        cmocka_unit_test(test_relevance_without_links),
        cmocka_unit_test(test_binary_without_doc_counts),
        cmocka_unit_test(test_links_after_shedding_terms),
        cmocka_unit_test(test_sentence_unit),
        cmocka_unit_test(test_sentence_unit_matches_pairs),
        cmocka_unit_test(test_window_unit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
