/*
 * Tests of src/select: threshold (given and automatic), max_terms, the
 * document-share ceiling, nested fragments, relevance and the keep share,
 * and selection from a reviewed list.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cooccur.h"
#include "count.h"
#include "select.h"

/* Adds one document whose candidates are given as "key|surface" strings or plain words. */
static void doc(struct jk_counter *c, const char *const *items, size_t n)
{
    jk_counter_begin_doc(c);
    for (size_t i = 0; i < n; i++) {
        const char *bar = strchr(items[i], '|');
        const char *surface = bar ? bar + 1 : items[i];
        size_t key_len = bar ? (size_t)(bar - items[i]) : strlen(items[i]);
        jk_counter_add(c, items[i], key_len, surface, strlen(surface));
    }
    jk_counter_end_doc(c);
}

#define DOC(c, ...)                                                                                \
    do {                                                                                           \
        const char *items_[] = {__VA_ARGS__};                                                      \
        doc(c, items_, sizeof(items_) / sizeof(*items_));                                          \
    } while (0)

static struct jk_select_options options(uint32_t min_occ)
{
    struct jk_select_options o;
    jk_select_options_default(&o);
    o.min_occurrences = min_occ;
    return o;
}

/*
 * Selects terms from c into sel, which it initialises (the caller releases
 * it); the message goes to d, or nowhere when d is NULL.
 */
static enum jk_status select_into(const struct jk_counter *c, const struct jk_select_options *opt,
                                  struct jk_selection *sel, struct jk_diag *d)
{
    struct jk_diag ignored;
    if (!d)
        d = &ignored;
    jk_selection_init(sel);
    jk_diag_init(d);
    return jk_select_terms(c, opt, sel, d);
}

static bool selected(const struct jk_selection *s, const char *label)
{
    for (size_t i = 0; i < s->count; i++)
        if (!strcmp(s->labels[i], label))
            return s->selected[i];
    return false;
}

static void test_max_terms_keeps_most_frequent(void **state)
{
    (void)state;
    struct jk_counter c;
    jk_counter_init(&c);
    DOC(&c, "alpha", "alpha", "alpha", "beta", "beta", "gamma", "gamma", "delta");
    struct jk_select_options opt = options(1);
    opt.counting = JK_COUNT_FULL;
    opt.max_terms = 2;
    struct jk_selection sel;
    assert_int_equal(select_into(&c, &opt, &sel, NULL), JK_OK);
    assert_int_equal(sel.count, 2);
    /* alpha (3) first, then beta and gamma tie at 2: key order picks beta */
    assert_string_equal(sel.labels[0], "alpha");
    assert_string_equal(sel.labels[1], "beta");
    assert_int_equal(sel.max_terms.count, 2);
    jk_selection_release(&sel);
    jk_counter_release(&c);
}

static void test_no_term_reaching_threshold_is_empty_error(void **state)
{
    (void)state;
    struct jk_counter c;
    jk_counter_init(&c);
    DOC(&c, "alpha", "beta");
    struct jk_select_options opt = options(10);
    struct jk_selection sel;
    struct jk_diag d;
    assert_int_equal(select_into(&c, &opt, &sel, &d), JK_E_EMPTY);
    assert_non_null(strstr(d.msg, "--min-occurrences"));
    jk_selection_release(&sel);
    jk_counter_release(&c);
}

static void test_label_is_most_frequent_surface(void **state)
{
    (void)state;
    struct jk_counter c;
    jk_counter_init(&c);
    DOC(&c, "kerjasama|kerjasama", "kerjasama|kerja sama", "kerjasama|kerja sama", "daerah");
    struct jk_select_options opt = options(1);
    struct jk_selection sel;
    assert_int_equal(select_into(&c, &opt, &sel, NULL), JK_OK);
    assert_int_equal(sel.count, 2);
    assert_string_equal(sel.labels[0], "daerah");
    assert_string_equal(sel.labels[1], "kerja sama");
    jk_selection_release(&sel);
    jk_counter_release(&c);
}

static void test_auto_threshold_rule(void **state)
{
    (void)state;
    uint32_t occ[2000];
    for (size_t i = 0; i < 300; i++) /* tiny corpus: 40 terms reach 2, 300 in all -> 1 */
        occ[i] = i < 40 ? 2 : 1;
    assert_int_equal(jk_auto_threshold(occ, 300), 1);
    for (size_t i = 0; i < 2000; i++) /* the 301st most frequent occurs 3 times -> 4 */
        occ[i] = i < 250 ? 10 : i < 900 ? 3 : 1;
    assert_int_equal(jk_auto_threshold(occ, 2000), 4);
    for (size_t i = 0; i < 2000; i++) /* only 100 reach 2 -> 2 */
        occ[i] = i < 100 ? 5 : 1;
    assert_int_equal(jk_auto_threshold(occ, 2000), 2);
    for (size_t i = 0; i < 2000; i++) /* 300 candidates and 1,700 terms merged away -> 1 */
        occ[i] = i < 40 ? 2 : i < 300 ? 1 : 0;
    assert_int_equal(jk_auto_threshold(occ, 2000), 1);
}

/*
 * A counter filled through the sketch holds only candidates seen to repeat: its few
 * candidates must not make the automatic threshold 1, which would map terms of one document.
 */
static void test_auto_threshold_after_the_sketch(void **state)
{
    (void)state;
    struct jk_counter c;
    jk_counter_init(&c);
    DOC(&c, "alpha", "alpha", "beta", "beta");
    DOC(&c, "alpha", "gamma", "gamma");
    struct jk_select_options opt = options(0);
    struct jk_selection sel;
    assert_int_equal(select_into(&c, &opt, &sel, NULL), JK_OK);
    assert_int_equal(sel.threshold, 1); /* a tiny corpus counted whole */
    jk_selection_release(&sel);
    c.repeats_only = true;
    assert_int_equal(select_into(&c, &opt, &sel, NULL), JK_OK);
    assert_int_equal(sel.threshold, 2);
    assert_int_equal(sel.count, 1);
    assert_string_equal(sel.labels[0], "alpha");
    jk_selection_release(&sel);
    jk_counter_release(&c);
}

static int cmp_desc(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x < y) - (x > y);
}

/* The rule as written, by sorting: the reference for the one-pass version. */
static uint32_t threshold_by_sorting(const uint32_t *occurrences, size_t n)
{
    uint32_t *occ = malloc((n ? n : 1) * sizeof(*occ));
    size_t seen = 0, reach2 = 0;
    for (size_t i = 0; i < n; i++)
        if (occurrences[i])
            occ[seen++] = occurrences[i];
    qsort(occ, seen, sizeof(*occ), cmp_desc);
    while (reach2 < seen && occ[reach2] >= 2)
        reach2++;
    uint32_t t = 2;
    if (reach2 < 50 && seen <= JK_AUTO_KEEP)
        t = 1;
    else if (seen > JK_AUTO_KEEP && occ[JK_AUTO_KEEP] >= 2)
        t = occ[JK_AUTO_KEEP] + 1;
    free(occ);
    return t;
}

/* Random count lists, small and large, with ties and zeros: the same threshold as sorting. */
static void test_auto_threshold_matches_sorting(void **state)
{
    (void)state;
    uint64_t rng = 7;
    uint32_t *occ = malloc(20000 * sizeof(*occ));
    for (int round = 0; round < 400; round++) {
        rng = rng * 6364136223846793005ull + 1442695040888963407ull;
        size_t n = (size_t)(rng >> 33) % (round < 200 ? 700 : 20000);
        uint32_t spread = 1 + (uint32_t)((rng >> 20) % (round % 3 == 0 ? 3 : 2000));
        for (size_t i = 0; i < n; i++) {
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            uint32_t v = (uint32_t)(rng >> 40) % spread;
            occ[i] = (rng >> 30) % 5 == 0 ? v : v % 3; /* mostly 0, 1 and 2, some larger */
        }
        assert_int_equal(jk_auto_threshold(occ, n), threshold_by_sorting(occ, n));
    }
    free(occ);
}

/* "tenggara" occurs only inside "nusa tenggara", "sister" in city/province. */
static void test_nested_fragments_are_dropped(void **state)
{
    (void)state;
    struct jk_counter c;
    jk_counter_init(&c);
    for (int i = 0; i < 3; i++) {
        DOC(&c, "nusa", "tenggara", "nusatenggara|nusa tenggara", "sister", "city",
            "sistercity|sister city", "pemerintah", "daerah", "pemerintahdaerah|pemerintah daerah",
            "daerah", "pemerintah");
        DOC(&c, "sister", "province", "sisterprovince|sister province", "pemerintah", "daerah");
    }
    struct jk_select_options opt = options(2);
    opt.counting = JK_COUNT_FULL;
    struct jk_selection sel;
    assert_int_equal(select_into(&c, &opt, &sel, NULL), JK_OK);
    assert_true(selected(&sel, "nusa tenggara"));
    assert_false(selected(&sel, "tenggara")); /* all 3 occurrences extend left */
    assert_false(selected(&sel, "nusa"));     /* all extend right */
    assert_false(selected(&sel, "sister"));   /* 6 of 6 extend right (city 3 + province 3) */
    /* pemerintah: 12 occurrences, 3 extend right into "pemerintah daerah": stays */
    assert_true(selected(&sel, "pemerintah"));
    assert_true(selected(&sel, "daerah"));
    assert_true(sel.nested.count >= 3);
    jk_selection_release(&sel);
    jk_counter_release(&c);
    /* the rule can be switched off */
    jk_counter_init(&c);
    DOC(&c, "nusa", "tenggara", "nusatenggara|nusa tenggara");
    DOC(&c, "nusa", "tenggara", "nusatenggara|nusa tenggara");
    opt.nested_share = 2;
    assert_int_equal(select_into(&c, &opt, &sel, NULL), JK_OK);
    assert_true(selected(&sel, "tenggara"));
    jk_selection_release(&sel);
    jk_counter_release(&c);
}

static void test_document_share_ceiling_needs_enough_documents(void **state)
{
    (void)state;
    struct jk_counter c;
    jk_counter_init(&c);
    for (int i = 0; i < 25; i++) {
        if (i % 2)
            DOC(&c, "hasil", "pariwisata");
        else
            DOC(&c, "hasil", "investasi");
    }
    struct jk_select_options opt = options(2);
    struct jk_selection sel;
    assert_int_equal(select_into(&c, &opt, &sel, NULL), JK_OK);
    assert_false(selected(&sel, "hasil")); /* in 25 of 25 documents */
    assert_true(selected(&sel, "pariwisata"));
    assert_int_equal(sel.ceiling.count, 1);
    assert_string_equal(sel.ceiling.shown[0], "hasil");
    /* the report reads the dropped labels after the map command frees the counter */
    jk_selection_keep_labels(&sel);
    assert_null(sel.labels);
    assert_null(sel.reached);
    struct jk_counter gone;
    jk_counter_init(&gone);
    for (int i = 0; i < 25; i++)
        DOC(&gone, "hasil", i % 2 ? "pariwisata" : "investasi");
    jk_counter_release(&c);
    c = gone;
    assert_string_equal(sel.ceiling.shown[0], "hasil");
    jk_selection_release(&sel);
    opt.max_doc_share = 1.0;
    assert_int_equal(select_into(&c, &opt, &sel, NULL), JK_OK);
    assert_true(selected(&sel, "hasil"));
    jk_selection_release(&sel);
    jk_counter_release(&c);
}

/*
 * Selects every term of c (threshold 1, no nested rule) into sel and builds
 * their map by document, binary counting; the caller releases both.
 */
static void every_term_mapped(const struct jk_counter *c, struct jk_selection *sel,
                              struct jk_map *map)
{
    struct jk_select_options opt = options(1);
    opt.nested_share = 2;
    assert_int_equal(select_into(c, &opt, sel, NULL), JK_OK);
    jk_map_init(map);
    jk_build_map(c, sel, JK_COUNT_BINARY, (struct jk_unit){JK_UNIT_DOCUMENT, 0}, map);
}

/*
 * general co-occurs with a, b, c, d evenly; a-b and c-d pairs concentrate.
 * Relevance must rank general last and keep 50% drops it and one other.
 */
static void test_relevance_ranks_general_terms_low(void **state)
{
    (void)state;
    struct jk_counter c;
    jk_counter_init(&c);
    for (int i = 0; i < 4; i++) {
        DOC(&c, "general", "a", "b");
        DOC(&c, "general", "c", "d");
        DOC(&c, "a", "b");
        DOC(&c, "c", "d");
    }
    struct jk_selection sel;
    struct jk_map map;
    every_term_mapped(&c, &sel, &map);
    double rel[5];
    jk_relevance(&map, rel);
    size_t general = 4; /* labels sorted: a, b, c, d, general */
    assert_string_equal(map.terms[general].label, "general");
    for (size_t i = 0; i < 4; i++)
        assert_true(rel[i] > rel[general]);
    assert_true(fabs(rel[0] - rel[2]) < 1e-12); /* symmetric roles score alike */
    jk_select_relevant(&map, &sel, 60);
    assert_int_equal(sel.kept, 3);
    assert_int_equal(map.n_terms, 3);
    assert_false(selected(&sel, "general"));
    /* shown in the report, after jk_map_keep freed the dropped terms' labels */
    assert_int_equal(sel.relevance_cut.n_shown, 2);
    assert_string_equal(sel.relevance_cut.shown[1], "general"); /* the least relevant last */
    for (size_t k = 0; k < map.n_links; k++)
        assert_true(map.links[k].target < map.n_terms);
    jk_map_release(&map);
    jk_selection_release(&sel);
    jk_counter_release(&c);
}

/*
 * Terms found in the same documents tie on relevance: the cut keeps the more
 * often mentioned first (zeta, twice a document), then goes by label.
 */
static void test_relevance_ties_go_to_the_more_frequent(void **state)
{
    (void)state;
    struct jk_counter c;
    jk_counter_init(&c);
    for (int i = 0; i < 4; i++)
        DOC(&c, "alpha", "mid", "zeta", "zeta");
    struct jk_selection sel;
    struct jk_map map;
    every_term_mapped(&c, &sel, &map);
    double rel[3];
    jk_relevance(&map, rel);
    assert_true(rel[0] == rel[1] && rel[1] == rel[2]);
    assert_int_equal(map.terms[2].occurrences, 4); /* binary counting: no help */
    assert_int_equal(map.terms[2].mentions, 8);
    jk_select_relevant(&map, &sel, 60); /* keeps 2 of 3 */
    assert_int_equal(sel.kept, 2);
    assert_true(selected(&sel, "zeta"));
    assert_true(selected(&sel, "alpha"));
    assert_false(selected(&sel, "mid"));
    jk_map_release(&map);
    jk_selection_release(&sel);
    jk_counter_release(&c);
}

static void test_listed_selection(void **state)
{
    (void)state;
    struct jk_counter c;
    jk_counter_init(&c);
    DOC(&c, "kerjasama|kerja sama", "daerah", "kota");
    const char *labels[] = {"kerja sama", "kota", "tidak ada"};
    struct jk_selection sel;
    jk_selection_init(&sel);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_select_listed(&c, labels, 3, JK_COUNT_BINARY, &sel, &d), JK_OK);
    assert_int_equal(sel.count, 2);
    assert_true(sel.from_file);
    assert_true(selected(&sel, "kerja sama"));
    assert_false(selected(&sel, "daerah"));
    jk_selection_release(&sel);
    const char *none[] = {"tidak ada"};
    jk_selection_init(&sel);
    assert_int_equal(jk_select_listed(&c, none, 1, JK_COUNT_BINARY, &sel, &d), JK_E_EMPTY);
    jk_selection_release(&sel);
    jk_counter_release(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_max_terms_keeps_most_frequent),
        cmocka_unit_test(test_no_term_reaching_threshold_is_empty_error),
        cmocka_unit_test(test_label_is_most_frequent_surface),
        cmocka_unit_test(test_auto_threshold_rule),
        cmocka_unit_test(test_auto_threshold_matches_sorting),
        cmocka_unit_test(test_auto_threshold_after_the_sketch),
        cmocka_unit_test(test_nested_fragments_are_dropped),
        cmocka_unit_test(test_document_share_ceiling_needs_enough_documents),
        cmocka_unit_test(test_relevance_ranks_general_terms_low),
        cmocka_unit_test(test_relevance_ties_go_to_the_more_frequent),
        cmocka_unit_test(test_listed_selection),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
