/*
 * Tests of src/lang: sentence language votes, document tagging with
 * neighbour inheritance, English singulars, and accuracy on the hand-labelled
 * corpus sentences of tests/data/lang/labelled.tsv.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "tokenize.h"

/* A small pair of word sets; "per" is in both. */
static void small_sets(struct jk_langid *l)
{
    const char *id[] = {"yang", "dan", "di", "ini", "dengan", "oleh", "per"};
    const char *en[] = {"the", "of", "and", "is", "in", "a", "per"};
    jk_langid_init(l);
    for (size_t i = 0; i < sizeof(id) / sizeof(*id); i++)
        jk_langid_add(l, JK_LANG_ID, id[i], strlen(id[i]));
    for (size_t i = 0; i < sizeof(en) / sizeof(*en); i++)
        jk_langid_add(l, JK_LANG_EN, en[i], strlen(en[i]));
}

/* Tokenizes text with the project's tokenizer. */
struct doc {
    struct jk_tokenizer tk;
    struct jk_buf lower;
    struct jk_tokens toks;
};

static void doc_open(struct doc *d, const char *text)
{
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_tokenizer_init(&d->tk, &diag), JK_OK);
    jk_buf_init(&d->lower);
    jk_tokens_init(&d->toks);
    jk_tokenize(&d->tk, text, strlen(text), &d->lower, &d->toks);
}

static void doc_close(struct doc *d)
{
    jk_tokens_release(&d->toks);
    jk_buf_release(&d->lower);
    jk_tokenizer_release(&d->tk);
}

static enum jk_lang lang_of_text(const struct jk_langid *l, const char *text)
{
    struct doc d;
    doc_open(&d, text);
    enum jk_lang lang = jk_lang_of(l, d.lower.data, d.toks.items, d.toks.count);
    doc_close(&d);
    return lang;
}

static void test_stopword_votes(void **state)
{
    (void)state;
    struct jk_langid l;
    small_sets(&l);
    assert_int_equal(lang_of_text(&l, "Kerja sama ini dilakukan oleh pemerintah daerah"),
                     JK_LANG_ID);
    assert_int_equal(lang_of_text(&l, "The practice of paradiplomacy is old"), JK_LANG_EN);
    /* English terms inside an Indonesian sentence do not outvote it */
    assert_int_equal(
        lang_of_text(&l, "kerjasama sister city yang dilakukan dengan Letter of Intent"),
        JK_LANG_ID);
    jk_langid_release(&l);
}

/* One word's vote, as callers that keep votes per word (the pipeline) see it. */
static void test_word_votes(void **state)
{
    (void)state;
    struct jk_langid l;
    small_sets(&l);
    assert_int_equal(jk_lang_word_vote(&l, "yang", 4), JK_VOTE_ID);
    assert_int_equal(jk_lang_word_vote(&l, "the", 3), JK_VOTE_EN);
    assert_int_equal(jk_lang_word_vote(&l, "per", 3), JK_VOTE_NONE); /* in both */
    assert_int_equal(jk_lang_word_vote(&l, "vol", 3), JK_VOTE_NONE); /* neutral */
    assert_int_equal(jk_lang_word_vote(&l, "kebijakan", 9), JK_VOTE_AFFIX_ID);
    assert_int_equal(jk_lang_word_vote(&l, "government", 10), JK_VOTE_AFFIX_EN);
    assert_int_equal(jk_lang_word_vote(&l, "kota", 4), JK_VOTE_NONE);
    /* tagging from the votes is tagging from the words */
    struct doc d;
    doc_open(&d, "Kerja sama ini. The cooperation of cities. Kebijakan pemerintah.");
    size_t n = d.toks.count;
    unsigned char votes[64];
    enum jk_lang a[64], b[64];
    assert_true(n <= 64);
    for (size_t i = 0; i < n; i++)
        votes[i] = (unsigned char)jk_lang_word_vote(&l, d.lower.data + d.toks.items[i].offset,
                                                    d.toks.items[i].length);
    jk_lang_tag_votes(d.toks.items, votes, n, a);
    jk_lang_tag_document(&l, d.lower.data, d.toks.items, n, b);
    assert_memory_equal(a, b, n * sizeof(*a));
    assert_int_equal(a[0], JK_LANG_ID);
    assert_int_equal(a[n - 1], JK_LANG_ID);
    doc_close(&d);
    jk_langid_release(&l);
}

static void test_no_evidence_or_tie_is_unknown(void **state)
{
    (void)state;
    struct jk_langid l;
    small_sets(&l);
    assert_int_equal(lang_of_text(&l, "Abstrak"), JK_LANG_UNKNOWN);
    assert_int_equal(lang_of_text(&l, "sister city"), JK_LANG_UNKNOWN);
    assert_int_equal(lang_of_text(&l, "kota dan city of"), JK_LANG_UNKNOWN); /* 1 : 1 */
    /* a word in both sets and the built-in neutral words ("no", "vol") vote for neither */
    assert_int_equal(lang_of_text(&l, "per kapita"), JK_LANG_UNKNOWN);
    assert_int_equal(lang_of_text(&l, "jurnal ilmu, vol. 10, no. 2"), JK_LANG_UNKNOWN);
    assert_int_equal(jk_lang_of(&l, "", NULL, 0), JK_LANG_UNKNOWN);
    jk_langid_release(&l);
}

static void test_affixes_decide_only_without_stopwords(void **state)
{
    (void)state;
    struct jk_langid l;
    small_sets(&l);
    assert_int_equal(lang_of_text(&l, "kebijakan pemerintah"), JK_LANG_ID);    /* ke-an */
    assert_int_equal(lang_of_text(&l, "program kerjasamanya"), JK_LANG_ID);    /* -nya */
    assert_int_equal(lang_of_text(&l, "regional implementation"), JK_LANG_EN); /* -tion */
    assert_int_equal(lang_of_text(&l, "government partnership"), JK_LANG_EN);  /* -ment, -ship */
    /* stopwords win over affixes; affixes break a tie of stopwords */
    assert_int_equal(lang_of_text(&l, "implementation dan evaluation"), JK_LANG_ID);
    assert_int_equal(lang_of_text(&l, "implementation and evaluation di kebijakan"), JK_LANG_EN);
    jk_langid_release(&l);
}

/* Tags text and returns the language of each sentence as a string such as "ie": i, e or ?. */
static void tag_sentences(const struct jk_langid *l, const char *text, char *out)
{
    struct doc d;
    doc_open(&d, text);
    enum jk_lang *tags = calloc(d.toks.count + 1, sizeof(*tags));
    jk_lang_tag_document(l, d.lower.data, d.toks.items, d.toks.count, tags);
    size_t k = 0;
    for (size_t i = 0; i < d.toks.count; i++) {
        assert_int_not_equal(tags[i], JK_LANG_UNKNOWN);
        if (d.toks.items[i].kind == JK_TOK_SENTENCE_END || i + 1 == d.toks.count)
            out[k++] = tags[i] == JK_LANG_ID ? 'i' : 'e';
        /* every token of a sentence has the sentence's tag */
        if (i > 0 && d.toks.items[i - 1].kind != JK_TOK_SENTENCE_END)
            assert_int_equal(tags[i], tags[i - 1]);
    }
    out[k] = '\0';
    free(tags);
    doc_close(&d);
}

static void test_document_inherits_nearest_sentence(void **state)
{
    (void)state;
    struct jk_langid l;
    small_sets(&l);
    char got[32];
    /* unknown after English: English; unknown first: takes the next one */
    tag_sentences(&l, "Abstrak. Ini dia. The end of it. Sister city. Policies.", got);
    assert_string_equal(got, "iieee");
    tag_sentences(&l, "Sister city. Keywords. The role of it.", got);
    assert_string_equal(got, "eee");
    /* a run of unknowns splits between its neighbours; the middle goes to the earlier */
    tag_sentences(&l, "Ini dia. Satu. Dua. Tiga. The end.", got);
    assert_string_equal(got, "iiiee");
    tag_sentences(&l, "Ini dia. Satu. Dua. Tiga. Empat. The end.", got);
    assert_string_equal(got, "iiieee");
    /* nothing to go by: Indonesian */
    tag_sentences(&l, "Sister city. Bandung", got);
    assert_string_equal(got, "ii");
    jk_lang_tag_document(&l, "", NULL, 0, NULL); /* empty document: nothing to write */
    jk_langid_release(&l);
}

static void test_load_lists_and_report_missing_file(void **state)
{
    (void)state;
    struct jk_langid l;
    struct jk_diag diag;
    jk_diag_init(&diag);
    jk_langid_init(&l);
    assert_int_equal(jk_langid_load(&l, JK_SOURCE_DIR "/stopwords/id.txt",
                                    JK_SOURCE_DIR "/stopwords/en.txt", &diag),
                     JK_OK);
    assert_int_equal(lang_of_text(&l, "Penelitian ini bertujuan untuk menganalisa kegagalan."),
                     JK_LANG_ID);
    assert_int_equal(lang_of_text(&l, "This study aims to analyze the failure."), JK_LANG_EN);
    jk_langid_release(&l);

    jk_langid_init(&l);
    assert_int_equal(jk_langid_load(&l, JK_SOURCE_DIR "/stopwords/id.txt",
                                    JK_TEST_DATA "/lang/no-such-list.txt", &diag),
                     JK_E_INPUT);
    assert_non_null(strstr(diag.msg, "no-such-list.txt"));
    jk_langid_release(&l);
    jk_langid_release(NULL);
    assert_string_equal(jk_lang_name(JK_LANG_ID), "id");
    assert_string_equal(jk_lang_name(JK_LANG_EN), "en");
    assert_string_equal(jk_lang_name(JK_LANG_UNKNOWN), "unknown");
}

static void check_singular(const char *word, const char *want)
{
    struct jk_buf out;
    jk_buf_init(&out);
    size_t n = jk_english_singular(word, strlen(word), &out);
    if (strcmp(out.data, want) != 0)
        fail_msg("singular of '%s': got '%s', want '%s'", word, out.data, want);
    assert_int_equal(n, strlen(want));
    assert_int_equal(out.len, n);
    jk_buf_release(&out);
}

static void test_english_plurals(void **state)
{
    (void)state;
    const char *pairs[][2] = {
        {"cities", "city"},
        {"policies", "policy"},
        {"governments", "government"},
        {"relations", "relation"},
        {"activities", "activity"},
        {"processes", "process"},
        {"analyses", "analysis"},
        {"countries", "country"},
        {"approaches", "approach"},
        {"boxes", "box"},
        {"studies", "study"},
        {"women", "woman"},
        {"children", "child"},
        {"cases", "case"},
        {"objectives", "objective"},
        {"hypotheses", "hypothesis"},
        {"crises", "crisis"},
        {"characteristics", "characteristic"},
        {"city-states", "city-state"},
        {"ideas", "idea"},
        {"actors", "actor"},
        {"businesses", "business"},
        {"wishes", "wish"},
        {"criteria", "criterion"},
    };
    for (size_t i = 0; i < sizeof(pairs) / sizeof(*pairs); i++)
        check_singular(pairs[i][0], pairs[i][1]);
}

static void test_english_non_plurals_stay(void **state)
{
    (void)state;
    const char *same[] = {
        "analysis",    "process",     "status", "paradiplomacy", "economics", "politics", "news",
        "us",          "gas",         "bus",    "this",          "is",        "was",      "series",
        "species",     "crisis",      "basis",  "thesis",        "various",   "overseas", "always",
        "jakarta's",   "geopolitics", "its",    "has",           "focus",     "business", "means",
        "universitas", "kualitas",    "",
    };
    for (size_t i = 0; i < sizeof(same) / sizeof(*same); i++)
        check_singular(same[i], same[i]);
    /* counted in letters, not bytes: a 3-letter word with a two-byte letter stays */
    check_singular("f\xc3\xa9s", "f\xc3\xa9s");
}

/* Reads labelled.tsv and returns the share of sentences jk_lang_of tags right. */
static double labelled_accuracy(const struct jk_langid *l, size_t *total)
{
    FILE *f = fopen(JK_TEST_DATA "/lang/labelled.tsv", "r");
    assert_non_null(f);
    struct doc d;
    doc_open(&d, "");
    char *line = NULL;
    size_t cap = 0, right = 0;
    ssize_t got;
    *total = 0;
    while ((got = getline(&line, &cap, f)) != -1) {
        if (line[0] == '#' || got < 4)
            continue;
        line[strcspn(line, "\n")] = '\0';
        enum jk_lang gold = !strncmp(line, "id\t", 3)   ? JK_LANG_ID
                            : !strncmp(line, "en\t", 3) ? JK_LANG_EN
                                                        : JK_LANG_UNKNOWN;
        assert_int_not_equal(gold, JK_LANG_UNKNOWN);
        jk_tokens_clear(&d.toks);
        jk_tokenize(&d.tk, line + 3, strlen(line + 3), &d.lower, &d.toks);
        right += jk_lang_of(l, d.lower.data, d.toks.items, d.toks.count) == gold;
        ++*total;
    }
    free(line);
    fclose(f);
    doc_close(&d);
    return *total ? (double)right / (double)*total : 0.0;
}

static void test_accuracy_on_labelled_corpus_sentences(void **state)
{
    (void)state;
    struct jk_langid l;
    struct jk_diag diag;
    jk_diag_init(&diag);
    jk_langid_init(&l);
    assert_int_equal(jk_langid_load(&l, JK_SOURCE_DIR "/stopwords/id.txt",
                                    JK_SOURCE_DIR "/stopwords/en.txt", &diag),
                     JK_OK);
    size_t total;
    double acc = labelled_accuracy(&l, &total);
    assert_true(total >= 150);
    if (acc < 0.90)
        fail_msg("language tagging accuracy %.1f%% on %zu labelled sentences is below 90%%",
                 100.0 * acc, total);
    jk_langid_release(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stopword_votes),
        cmocka_unit_test(test_word_votes),
        cmocka_unit_test(test_no_evidence_or_tie_is_unknown),
        cmocka_unit_test(test_affixes_decide_only_without_stopwords),
        cmocka_unit_test(test_document_inherits_nearest_sentence),
        cmocka_unit_test(test_load_lists_and_report_missing_file),
        cmocka_unit_test(test_english_plurals),
        cmocka_unit_test(test_english_non_plurals_stay),
        cmocka_unit_test(test_accuracy_on_labelled_corpus_sentences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
