/*
 * Tests of src/nearcopy: a second download of a paper (another cover page,
 * page footers) is found as a near copy; texts that only share a topic, and
 * short texts, are not; the estimate follows the exact resemblance. A
 * chapter beside its whole thesis is found inside it; shared boilerplate
 * and a shared topic are not enough; the estimate follows the exact
 * containment.
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

#include "nearcopy.h"
#include "util/splitmix.h"
#include "util/strmap.h"

/* A document as word numbers; word w is the text "kataW". */
struct words {
    uint32_t *w;
    size_t n;
};

static uint32_t word_hash(uint32_t w)
{
    char s[32];
    int n = snprintf(s, sizeof(s), "kata%u", w);
    return jk_hash_bytes(s, (size_t)n);
}

static struct words random_words(size_t n, uint32_t vocabulary, uint64_t seed)
{
    struct words d = {malloc(n * sizeof(uint32_t)), n};
    for (size_t i = 0; i < n; i++)
        d.w[i] = (uint32_t)(jk_splitmix64(&seed) % vocabulary);
    return d;
}

static struct words copy_words(const struct words *d)
{
    struct words c = {malloc(d->n * sizeof(uint32_t)), d->n};
    memcpy(c.w, d->w, d->n * sizeof(uint32_t));
    return c;
}

/* Replaces each word with probability share by a word no document has. */
static void change_words(struct words *d, double share, uint64_t seed)
{
    for (size_t i = 0; i < d->n; i++)
        if (jk_splitmix64_unit(&seed) < share)
            d->w[i] = 1000000 + (uint32_t)i;
}

static void sketch_of(const struct words *d, struct jk_near_sketch *out)
{
    struct jk_shingler sh;
    jk_shingler_init(&sh);
    for (size_t i = 0; i < d->n; i++)
        jk_shingler_word(&sh, word_hash(d->w[i]));
    jk_shingler_sketch(&sh, out);
}

static int by_value(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* A document's distinct five-word sequences, sorted (each packed exactly into 64 bits). */
static size_t shingle_set(const struct words *d, uint64_t *out)
{
    size_t n = 0;
    for (size_t i = 0; i + JK_SHINGLE_WORDS <= d->n; i++) {
        uint64_t key = 0;
        for (size_t k = 0; k < JK_SHINGLE_WORDS; k++)
            key = key * 2000003 + d->w[i + k];
        out[n++] = key;
    }
    qsort(out, n, sizeof(*out), by_value);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || out[m - 1] != out[i])
            out[m++] = out[i];
    return m;
}

/* The exact resemblance (Jaccard index) of two documents' five-word sequences. */
static double exact_resemblance(const struct words *a, const struct words *b)
{
    uint64_t *x = malloc(a->n * sizeof(*x)), *y = malloc(b->n * sizeof(*y));
    size_t nx = shingle_set(a, x), ny = shingle_set(b, y), i = 0, j = 0, both = 0;
    while (i < nx && j < ny) {
        if (x[i] == y[j])
            both++, i++, j++;
        else if (x[i] < y[j])
            i++;
        else
            j++;
    }
    free(x);
    free(y);
    return (double)both / (double)(nx + ny - both);
}

static void test_the_same_words_resemble_fully(void **state)
{
    (void)state;
    struct words a = random_words(800, 5000, 1), b = copy_words(&a);
    struct jk_near_sketch sa, sb;
    sketch_of(&a, &sa);
    sketch_of(&b, &sb);
    assert_int_equal(sa.shingles, 800 - (JK_SHINGLE_WORDS - 1));
    assert_true(jk_near_resemblance(&sa, &sb) == 1.0);
    struct jk_near_index ix;
    jk_near_index_init(&ix);
    double r = 0;
    assert_int_equal(jk_near_index_check(&ix, &sa, 7, JK_NEAR_RESEMBLANCE, &r), JK_NEAR_NONE);
    assert_int_equal(jk_near_index_check(&ix, &sb, 9, JK_NEAR_RESEMBLANCE, &r), 7);
    assert_true(r == 1.0);
    jk_near_index_release(&ix);
    free(a.w);
    free(b.w);
}

/* The estimate against the exact resemblance, over pairs from nearly alike to unlike. */
static void test_estimate_follows_the_exact_resemblance(void **state)
{
    (void)state;
    const double shares[] = {0.0, 0.01, 0.02, 0.04, 0.07, 0.1, 0.2, 0.5};
    double error_sum = 0;
    size_t pairs = 0;
    for (size_t k = 0; k < sizeof(shares) / sizeof(shares[0]); k++)
        for (uint64_t seed = 1; seed <= 5; seed++) {
            struct words a = random_words(3000, 20000, seed * 101 + k), b = copy_words(&a);
            change_words(&b, shares[k], seed * 7 + k);
            struct jk_near_sketch sa, sb;
            sketch_of(&a, &sa);
            sketch_of(&b, &sb);
            double exact = exact_resemblance(&a, &b), est = jk_near_resemblance(&sa, &sb);
            assert_true(est >= exact - 0.2 && est <= exact + 0.2);
            error_sum += est > exact ? est - exact : exact - est;
            pairs++;
            free(a.w);
            free(b.w);
        }
    assert_true(error_sum / (double)pairs < 0.06);
}

/* Appends src's words to dst (grown). */
static void append(struct words *dst, const uint32_t *w, size_t n)
{
    dst->w = realloc(dst->w, (dst->n + n) * sizeof(uint32_t));
    memcpy(dst->w + dst->n, w, n * sizeof(uint32_t));
    dst->n += n;
}

/* The same paper from another site: its own cover page and a footer on every page. */
static struct words second_download(const struct words *paper)
{
    struct words d = random_words(250, 20000, 99); /* cover page */
    struct words footer = random_words(12, 20000, 98);
    for (size_t at = 0; at < paper->n; at += 350) {
        size_t n = paper->n - at < 350 ? paper->n - at : 350;
        append(&d, paper->w + at, n);
        append(&d, footer.w, footer.n);
    }
    free(footer.w);
    return d;
}

static void test_a_second_download_is_a_near_copy(void **state)
{
    (void)state;
    struct words paper = random_words(4000, 20000, 5), other = random_words(4000, 20000, 6);
    struct words download = second_download(&paper);
    struct jk_near_sketch s_paper, s_other, s_download;
    sketch_of(&paper, &s_paper);
    sketch_of(&other, &s_other);
    sketch_of(&download, &s_download);
    double exact = exact_resemblance(&paper, &download);
    assert_true(exact > 0.8 && exact < 0.95);
    struct jk_near_index ix;
    jk_near_index_init(&ix);
    double r = 0;
    assert_int_equal(jk_near_index_check(&ix, &s_other, 0, JK_NEAR_RESEMBLANCE, &r), JK_NEAR_NONE);
    assert_int_equal(jk_near_index_check(&ix, &s_paper, 1, JK_NEAR_RESEMBLANCE, &r), JK_NEAR_NONE);
    assert_int_equal(jk_near_index_check(&ix, &s_download, 2, JK_NEAR_RESEMBLANCE, &r), 1);
    assert_true(r >= JK_NEAR_RESEMBLANCE && r < 1.0);
    jk_near_index_release(&ix);
    free(paper.w);
    free(other.w);
    free(download.w);
}

/*
 * Two texts on one topic (the same 300 words, as in two theses of one
 * department) share words and word pairs, not five-word sequences.
 */
static void test_texts_sharing_a_topic_are_not_copies(void **state)
{
    (void)state;
    struct jk_near_index ix;
    jk_near_index_init(&ix);
    for (uint32_t doc = 0; doc < 200; doc++) {
        struct words d = random_words(1500, 300, 1000 + doc);
        struct jk_near_sketch s;
        sketch_of(&d, &s);
        double r = 0;
        assert_int_equal(jk_near_index_check(&ix, &s, doc, JK_NEAR_RESEMBLANCE, &r), JK_NEAR_NONE);
        free(d.w);
    }
    assert_int_equal(ix.n, 200);
    jk_near_index_release(&ix);
}

static void test_short_texts_are_never_copies(void **state)
{
    (void)state;
    struct words d = random_words(JK_NEAR_MIN_SHINGLES + JK_SHINGLE_WORDS - 2, 5000, 3);
    struct jk_near_sketch s;
    sketch_of(&d, &s);
    assert_int_equal(s.shingles, JK_NEAR_MIN_SHINGLES - 1);
    assert_true(jk_near_resemblance(&s, &s) == 0);
    struct jk_near_index ix;
    jk_near_index_init(&ix);
    double r = 0;
    assert_int_equal(jk_near_index_check(&ix, &s, 0, JK_NEAR_RESEMBLANCE, &r), JK_NEAR_NONE);
    assert_int_equal(jk_near_index_check(&ix, &s, 1, JK_NEAR_RESEMBLANCE, &r), JK_NEAR_NONE);
    assert_int_equal(ix.n, 0);
    /* four words give no five-word sequence at all */
    struct jk_shingler sh;
    jk_shingler_init(&sh);
    for (uint32_t w = 0; w < JK_SHINGLE_WORDS - 1; w++)
        jk_shingler_word(&sh, word_hash(w));
    jk_shingler_sketch(&sh, &s);
    assert_int_equal(s.shingles, 0);
    assert_true(s.filled == 0);
    jk_near_index_release(&ix);
    free(d.w);
}

/*
 * A document resembling two earlier ones is the near copy of the one it
 * resembles most: a revision of a revision goes with the revision.
 */
static void test_the_most_resembling_earlier_document_is_named(void **state)
{
    (void)state;
    struct words first = random_words(5000, 20000, 11), revised = copy_words(&first);
    change_words(&revised, 0.04, 12); /* resembles first at about 0.7 */
    struct words again = copy_words(&revised);
    change_words(&again, 0.005, 13);
    struct jk_near_sketch s1, s2, s3;
    sketch_of(&first, &s1);
    sketch_of(&revised, &s2);
    sketch_of(&again, &s3);
    struct jk_near_index ix;
    jk_near_index_init(&ix);
    double r = 0;
    assert_int_equal(jk_near_index_check(&ix, &s1, 0, 0.9, &r), JK_NEAR_NONE);
    assert_int_equal(jk_near_index_check(&ix, &s2, 1, 0.9, &r), JK_NEAR_NONE); /* below 0.9 */
    assert_true(jk_near_resemblance(&s3, &s1) < jk_near_resemblance(&s3, &s2));
    assert_int_equal(jk_near_index_check(&ix, &s3, 2, 0.5, &r), 1);
    assert_true(r == jk_near_resemblance(&s3, &s2));
    jk_near_index_release(&ix);
    free(first.w);
    free(revised.w);
    free(again.w);
}

/* Many unrelated documents: none is a copy, and the band table grows without losing any. */
static void test_many_unrelated_documents_then_their_copies(void **state)
{
    (void)state;
    enum { DOCS = 3000 };
    struct jk_near_index ix;
    jk_near_index_init(&ix);
    double r = 0;
    for (uint32_t doc = 0; doc < DOCS; doc++) {
        struct words d = random_words(200, 50000, doc + 1);
        struct jk_near_sketch s;
        sketch_of(&d, &s);
        assert_int_equal(jk_near_index_check(&ix, &s, doc, JK_NEAR_RESEMBLANCE, &r), JK_NEAR_NONE);
        free(d.w);
    }
    size_t found = 0;
    for (uint32_t doc = 0; doc < DOCS; doc++) {
        struct words d = random_words(200, 50000, doc + 1);
        struct jk_near_sketch s;
        sketch_of(&d, &s);
        found += jk_near_index_check(&ix, &s, DOCS + doc, JK_NEAR_RESEMBLANCE, &r) == doc;
        free(d.w);
    }
    assert_int_equal(found, DOCS);
    assert_int_equal(ix.n, DOCS);
    jk_near_index_release(&ix);
}

/* A document's samples for containment, settled. */
static size_t samples_of(const struct words *d, struct jk_shingle_samples *out)
{
    struct jk_shingler sh;
    struct jk_near_sketch unused;
    jk_shingler_init(&sh);
    sh.samples = out;
    size_t from = out->n;
    for (size_t i = 0; i < d->n; i++)
        jk_shingler_word(&sh, word_hash(d->w[i]));
    jk_shingler_sketch(&sh, &unused);
    return jk_shingle_samples_settle(out, from);
}

/* Adds d to the index as document doc. */
static void contain_add(struct jk_contain_index *ix, const struct words *d, uint32_t doc)
{
    struct jk_shingle_samples s;
    jk_shingle_samples_init(&s);
    size_t n = samples_of(d, &s);
    jk_contain_index_add(ix, doc, s.v, n);
    jk_shingle_samples_release(&s);
}

/* The words of the parts, one after another. */
static struct words joined(const struct words *parts, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += parts[i].n;
    struct words d = {malloc(total * sizeof(uint32_t)), 0};
    for (size_t i = 0; i < n; i++) {
        memcpy(d.w + d.n, parts[i].w, parts[i].n * sizeof(uint32_t));
        d.n += parts[i].n;
    }
    return d;
}

/* Samples: about one sequence in JK_CONTAIN_SAMPLE, sorted, each once. */
static void test_samples_are_a_fixed_share_sorted_once(void **state)
{
    (void)state;
    struct words d = random_words(64000, 1000000, 5);
    struct words twice[2] = {d, d};
    struct words dd = joined(twice, 2);
    struct jk_shingle_samples s;
    jk_shingle_samples_init(&s);
    s.n = 0;
    size_t n = samples_of(&d, &s), expected = 64000 / JK_CONTAIN_SAMPLE;
    assert_true(n > expected * 8 / 10 && n < expected * 12 / 10);
    for (size_t i = 1; i < n; i++)
        assert_true(s.v[i - 1] < s.v[i]);
    size_t n2 = samples_of(&dd, &s); /* the same sequences twice (and four across the seam) */
    assert_true(n2 >= n && n2 <= n + 4);
    assert_int_equal(s.n, n + n2);
    jk_shingle_samples_release(&s);
    free(d.w);
    free(dd.w);
}

/*
 * The estimate against the exact containment over pairs from mostly inside
 * to mostly apart: a part of a text, with some of its words changed. With
 * about 250 samples its standard error is at most 0.032 (binomial).
 */
static void test_containment_estimate_follows_the_exact_one(void **state)
{
    (void)state;
    uint64_t *sa = malloc(30000 * sizeof(uint64_t)), *sb = malloc(30000 * sizeof(uint64_t));
    double total_error = 0;
    for (int pair = 0; pair < 20; pair++) {
        struct words whole = random_words(24000, 50000, 100 + (uint64_t)pair);
        struct words part = {malloc(8000 * sizeof(uint32_t)), 8000}; /* about 250 samples */
        memcpy(part.w, whole.w + 6000, 8000 * sizeof(uint32_t));
        change_words(&part, 0.01 * pair, 200 + (uint64_t)pair);
        size_t na = shingle_set(&part, sa), nb = shingle_set(&whole, sb), both = 0;
        for (size_t i = 0, j = 0; i < na && j < nb;) {
            if (sa[i] == sb[j])
                both++, i++, j++;
            else if (sa[i] < sb[j])
                i++;
            else
                j++;
        }
        double exact = (double)both / (double)na;
        struct jk_contain_index ix;
        jk_contain_index_init(&ix);
        contain_add(&ix, &whole, 0);
        contain_add(&ix, &part, 1);
        struct jk_contained *found;
        size_t n = jk_contain_find(&ix, 0.0, &found);
        assert_int_equal(n, 1); /* min 0: the share whatever it is */
        assert_int_equal(found[0].doc, 1);
        assert_int_equal(found[0].within, 0);
        assert_true(fabs(found[0].share - exact) < 0.2);
        total_error += fabs(found[0].share - exact);
        free(found);
        jk_contain_index_release(&ix);
        free(whole.w);
        free(part.w);
    }
    assert_true(total_error / 20 < 0.04);
    free(sa);
    free(sb);
}

/*
 * A thesis's chapters downloaded beside the whole thesis, and a second
 * thesis: each chapter is inside the whole (named, with its share); the
 * whole is not inside a chapter, nor is the other thesis inside anything.
 */
static void test_chapters_beside_the_whole_thesis(void **state)
{
    (void)state;
    struct words ch[4];
    for (int i = 0; i < 4; i++)
        ch[i] = random_words(4000, 30000, 40 + (uint64_t)i);
    struct words whole = joined(ch, 4), other = random_words(14000, 30000, 50);
    struct jk_contain_index ix;
    jk_contain_index_init(&ix);
    contain_add(&ix, &ch[0], 10); /* "BAB I.pdf" before "skripsi.pdf", in path order */
    contain_add(&ix, &whole, 11);
    contain_add(&ix, &other, 12);
    contain_add(&ix, &ch[3], 13);
    assert_int_equal(ix.n_docs, 4);
    struct jk_contained *found;
    size_t n = jk_contain_find(&ix, JK_CONTAIN_SHARE, &found);
    assert_int_equal(n, 2);
    assert_int_equal(found[0].doc, 10);
    assert_int_equal(found[0].within, 11);
    assert_true(found[0].share > 0.97);
    assert_int_equal(found[1].doc, 13);
    assert_int_equal(found[1].within, 11);
    free(found);
    jk_contain_index_release(&ix);
    for (int i = 0; i < 4; i++)
        free(ch[i].w);
    free(whole.w);
    free(other.w);
}

/*
 * Twenty short theses of one university: the same approval and statement
 * pages (2,000 words) and 300 words of their own, beside a longer thesis
 * with the same pages. Without the boilerplate rule each short one would
 * lie 87 % inside the long one; the pages are in more than
 * JK_CONTAIN_COMMON files, so they count for nothing and no file is judged.
 */
static void test_shared_boilerplate_is_not_containment(void **state)
{
    (void)state;
    struct words pages = random_words(2000, 30000, 60);
    struct jk_contain_index ix;
    jk_contain_index_init(&ix);
    for (uint32_t t = 0; t < 21; t++) {
        struct words own = random_words(t == 20 ? 6000 : 300, 30000, 70 + (uint64_t)t);
        struct words parts[2] = {pages, own};
        struct words thesis = joined(parts, 2);
        contain_add(&ix, &thesis, t);
        free(own.w);
        free(thesis.w);
    }
    struct jk_contained *found;
    assert_int_equal(jk_contain_find(&ix, JK_CONTAIN_SHARE, &found), 0);
    assert_null(found);
    jk_contain_index_release(&ix);
    free(pages.w);
}

/* Theses on one topic (the same 300 words) share words, not five-word sequences. */
static void test_a_shared_topic_is_not_containment(void **state)
{
    (void)state;
    struct jk_contain_index ix;
    jk_contain_index_init(&ix);
    for (uint32_t doc = 0; doc < 50; doc++) {
        struct words d = random_words(2000 + 100 * doc, 300, 300 + doc);
        contain_add(&ix, &d, doc);
        free(d.w);
    }
    struct jk_contained *found;
    assert_int_equal(jk_contain_find(&ix, JK_CONTAIN_SHARE, &found), 0);
    jk_contain_index_release(&ix);
}

/* A short file (an abstract) is not judged, even wholly inside a thesis; nor is a lone file. */
static void test_short_files_are_not_judged(void **state)
{
    (void)state;
    struct words whole = random_words(20000, 30000, 80);
    struct words abstract = {whole.w + 500, 300};
    struct jk_contain_index ix;
    jk_contain_index_init(&ix);
    contain_add(&ix, &whole, 0);
    struct jk_contained *found;
    assert_int_equal(jk_contain_find(&ix, 0.0, &found), 0); /* one file: nothing to be in */
    contain_add(&ix, &abstract, 1);
    assert_int_equal(ix.n_docs, 1); /* too few samples to be added */
    assert_int_equal(jk_contain_find(&ix, 0.0, &found), 0);
    jk_contain_index_release(&ix);
    free(whole.w);
}

/* A chapter of a part of a thesis: the chapter lies in the part and the part in the thesis. */
static void test_a_part_of_a_part(void **state)
{
    (void)state;
    struct words big = random_words(24000, 50000, 90);
    struct words mid = {big.w + 4000, 12000}, small = {big.w + 6000, 3000};
    struct jk_contain_index ix;
    jk_contain_index_init(&ix);
    contain_add(&ix, &small, 0);
    contain_add(&ix, &mid, 1);
    contain_add(&ix, &big, 2);
    struct jk_contained *found;
    size_t n = jk_contain_find(&ix, JK_CONTAIN_SHARE, &found);
    assert_int_equal(n, 2);
    assert_int_equal(found[0].doc, 0);
    assert_int_equal(found[0].within, 1); /* both hold all of it: the earlier is named */
    assert_int_equal(found[1].doc, 1);
    assert_int_equal(found[1].within, 2);
    free(found);
    jk_contain_index_release(&ix);
    free(big.w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_same_words_resemble_fully),
        cmocka_unit_test(test_estimate_follows_the_exact_resemblance),
        cmocka_unit_test(test_a_second_download_is_a_near_copy),
        cmocka_unit_test(test_texts_sharing_a_topic_are_not_copies),
        cmocka_unit_test(test_short_texts_are_never_copies),
        cmocka_unit_test(test_the_most_resembling_earlier_document_is_named),
        cmocka_unit_test(test_many_unrelated_documents_then_their_copies),
        cmocka_unit_test(test_samples_are_a_fixed_share_sorted_once),
        cmocka_unit_test(test_containment_estimate_follows_the_exact_one),
        cmocka_unit_test(test_chapters_beside_the_whole_thesis),
        cmocka_unit_test(test_shared_boilerplate_is_not_containment),
        cmocka_unit_test(test_a_shared_topic_is_not_containment),
        cmocka_unit_test(test_short_files_are_not_judged),
        cmocka_unit_test(test_a_part_of_a_part),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
