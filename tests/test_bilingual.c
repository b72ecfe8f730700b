/*
 * Tests of src/bilingual: loanword spelling, candidate twins (dictionary, word
 * by word head first, spelling), the choice between senses by bilingual
 * documents, the guards (no invented twin, words written the same in both
 * languages, stem-only matches, the thesaurus), and the merge in the counter.
 * A small dictd dictionary is written here; Debian's FreeDict eng-ind is used
 * too when installed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "bilingual.h"
#include "dictd_fixture.h"

/* The fixture dictionary: headword, entry text (dictd's layout: header line, translations). */
static const struct df_entry fixture[] = {
    {"policy", "policy /p/ <n>\nkebijakan, polis\n", 0},
    {"cooperation", "cooperation /k/ <n>\n1. kerja sama\n2. koperasi\n", 0},
    {"government", "government /g/ <n>\npemerintah\n", 0},
    {"local", "local /l/ <adj>\nlokal, setempat, daerah\n", 0},
    {"data", "data /d/ <n>\ndata, informasi\n", 0},
    {"interest", "interest /i/ <n>\nbunga, minat\n", 0},
    {"new", "new /n/ <adj>\nbaru\n", 0},
    {"people power", "people power /p/ <n>\ndemocracy\n", 0}, /* made up, for a chain */
};
#define N_FIXTURE (sizeof(fixture) / sizeof(fixture[0]))

/* Writes the fixture as dir/t.index and dir/t.dict.dz and loads it into d. */
static void load_fixture(const char *dir, struct jk_dictd *d)
{
    char path[4096], index_path[4096], index[2048];
    df_write(dir, fixture, N_FIXTURE, index, sizeof(index));
    tu_write_str(dir, "t.index", index);
    snprintf(index_path, sizeof(index_path), "%s/t.index", dir);
    snprintf(path, sizeof(path), "%s/t.dict.dz", dir);
    struct jk_diag diag;
    jk_diag_init(&diag);
    jk_dictd_init(d);
    assert_int_equal(jk_dictd_load(d, index_path, path, &diag), JK_OK);
}

/* Everything one test needs: a dictionary, an extractor without normaliser (keys are the words
 * written together), a counter, per-document bilingual flags. */
struct fixture {
    char dir[64];
    struct jk_dictd dict;
    struct jk_stopwords stop;
    struct jk_extractor x;
    struct jk_counter c;
    bool bilingual[16];
    struct jk_bilingual b;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    tu_mkdtemp(f->dir, sizeof(f->dir));
    load_fixture(f->dir, &f->dict);
    jk_stopwords_init(&f->stop);
    jk_extractor_init(&f->x, &f->stop, NULL, 3);
    jk_counter_init(&f->c);
    jk_bilingual_init(&f->b, &f->x);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    jk_bilingual_release(&f->b);
    jk_counter_release(&f->c);
    jk_extractor_release(&f->x);
    jk_stopwords_release(&f->stop);
    jk_dictd_release(&f->dict);
    tu_rmtree(f->dir);
    free(f);
    return 0;
}

/*
 * Adds one document: "surface/e" or "surface/i" items separated by commas
 * (English or Indonesian occurrence); the key is the surface without spaces.
 * bilingual marks it as parallel text.
 */
static void doc(struct fixture *f, bool bilingual, const char *items)
{
    f->bilingual[f->c.n_docs] = bilingual;
    jk_counter_begin_doc(&f->c);
    for (const char *p = items; *p;) {
        size_t n = strcspn(p, ",");
        const char *slash = memchr(p, '/', n);
        assert_non_null(slash);
        size_t sl = (size_t)(slash - p);
        char key[128];
        size_t kl = 0;
        for (size_t i = 0; i < sl; i++)
            if (p[i] != ' ')
                key[kl++] = p[i];
        f->c.english = slash[1] == 'e';
        jk_counter_add(&f->c, key, kl, p, sl);
        p += n + (p[n] == ',');
    }
    jk_counter_end_doc(&f->c);
}

static uint32_t id_of(const struct fixture *f, const char *key)
{
    return jk_strmap_find(&f->c.terms, key, strlen(key));
}

/* The twin found for the English key, or NULL. */
static const struct jk_twin *twin_of(const struct fixture *f, const char *key)
{
    uint32_t id = id_of(f, key);
    for (size_t i = 0; i < f->b.n_twins; i++)
        if (f->b.twins[i].from == id)
            return &f->b.twins[i];
    return NULL;
}

static void find(struct fixture *f)
{
    jk_bilingual_find(&f->b, &f->c, &f->dict, f->bilingual);
}

static void assert_spelling(const char *en, const char *id)
{
    struct jk_buf out;
    jk_buf_init(&out);
    if (id) {
        assert_true(jk_loanword_spelling(en, strlen(en), &out));
        assert_int_equal(out.len, strlen(id));
        assert_memory_equal(out.data, id, out.len);
    } else {
        assert_false(jk_loanword_spelling(en, strlen(en), &out));
    }
    jk_buf_release(&out);
}

static void test_loanword_spelling(void **state)
{
    (void)state;
    assert_spelling("paradiplomacy", "paradiplomasi");
    assert_spelling("decentralization", "desentralisasi");
    assert_spelling("globalization", "globalisasi");
    assert_spelling("community", "komunitas");
    assert_spelling("communication", "komunikasi");
    assert_spelling("democracy", "demokrasi");
    assert_spelling("technology", "teknologi");
    assert_spelling("effective", "efektif");
    assert_spelling("structure", "struktur");
    assert_spelling("local", "lokal");
    assert_spelling("accommodation", "akomodasi");
    assert_spelling("philosophy", "filosofi");
    assert_spelling("mechanism", "mekanisme");
    assert_spelling("data", NULL);       /* no rule: written the same */
    assert_spelling("kota", NULL);       /* Indonesian words have nothing to respell */
    assert_spelling("se\xc3\xa9", NULL); /* non-ASCII */
}

static void test_bilingual_document_needs_both_languages(void **state)
{
    (void)state;
    assert_true(jk_bilingual_document(3, 2));
    assert_false(jk_bilingual_document(5, 0));
    assert_false(jk_bilingual_document(0, 4));
    assert_false(jk_bilingual_document(5, 1)); /* one English sentence is a quotation */
}

static void test_dictionary_twin(void **state)
{
    struct fixture *f = *state;
    doc(f, false, "kebijakan/i,kebijakan/i");
    doc(f, false, "policy/e,policy/e");
    find(f);
    const struct jk_twin *t = twin_of(f, "policy");
    assert_non_null(t);
    assert_int_equal(t->into, id_of(f, "kebijakan"));
    assert_int_equal(t->evidence, JK_TWIN_DICTIONARY);
    assert_string_equal(t->english, "policy");
    assert_string_equal(t->indonesian, "kebijakan");
    assert_int_equal(t->both_docs, 0);
}

static void test_word_by_word_puts_the_head_first(void **state)
{
    struct fixture *f = *state;
    doc(f, false, "local government/e,local government/e");
    doc(f, false, "pemerintah daerah/i,pemerintah daerah/i");
    find(f);
    const struct jk_twin *t = twin_of(f, "localgovernment");
    assert_non_null(t);
    assert_int_equal(t->into, id_of(f, "pemerintahdaerah"));
    assert_int_equal(t->evidence, JK_TWIN_WORD_BY_WORD);
}

static void test_senses_chosen_by_bilingual_documents(void **state)
{
    struct fixture *f = *state;
    /* both "pemerintah daerah" and the more frequent "pemerintah lokal" occur, but the parallel
     * abstracts pair "local government" with "pemerintah lokal" only once and with "pemerintah
     * daerah" twice */
    doc(f, true, "local government/e,pemerintah daerah/i");
    doc(f, true, "local government/e,pemerintah daerah/i,pemerintah lokal/i");
    doc(f, false, "pemerintah lokal/i,pemerintah lokal/i,pemerintah lokal/i");
    doc(f, false, "pemerintah lokal/i");
    find(f);
    const struct jk_twin *t = twin_of(f, "localgovernment");
    assert_non_null(t);
    assert_string_equal(t->indonesian, "pemerintah daerah");
    assert_int_equal(t->both_docs, 2);
}

static void test_ambiguous_word_merges_with_the_sense_present(void **state)
{
    struct fixture *f = *state;
    /* "interest" is "bunga" (flower, bank interest) or "minat"; only "minat" occurs */
    doc(f, false, "interest/e,interest/e");
    doc(f, false, "minat/i,bunga mawar/i,minat/i,bunga mawar/i");
    find(f);
    const struct jk_twin *t = twin_of(f, "interest");
    assert_non_null(t);
    assert_string_equal(t->indonesian, "minat");
    assert_int_equal(jk_counter_terms(&f->c), 3);
}

static void test_term_occurring_once_takes_no_part(void **state)
{
    struct fixture *f = *state;
    /* once in the whole corpus: a large corpus would not even keep it (sketch.h) */
    doc(f, false, "kebijakan/i,kebijakan/i,policy/e");
    doc(f, false, "aturan/i,regulation/e,regulation/e");
    find(f);
    assert_null(twin_of(f, "policy"));
    assert_null(twin_of(f, "regulation")); /* "aturan" occurs once */
    assert_int_equal(f->b.english_terms, 1);
}

static void test_no_twin_is_invented(void **state)
{
    struct fixture *f = *state;
    doc(f, false, "cooperation/e,government/e");
    doc(f, false, "kota/i");
    size_t before = jk_counter_terms(&f->c);
    find(f);
    assert_int_equal(f->b.n_twins, 0);
    assert_int_equal(jk_counter_terms(&f->c), before);
}

static void test_words_written_the_same_stay_one_term(void **state)
{
    struct fixture *f = *state;
    /* "data" is mostly English here, and "informasi" is one of its translations, but "data" is
     * its own twin: one term, never moved */
    doc(f, false, "data/e,data/e,data/i");
    doc(f, false, "informasi/i");
    find(f);
    assert_null(twin_of(f, "data"));
}

static void test_stem_only_match_is_not_a_twin(void **state)
{
    struct fixture *f = *state;
    /* "new" is "baru"; the corpus has the key "baru" only as the verb "diperbarui" */
    doc(f, false, "new/e");
    f->bilingual[f->c.n_docs] = false;
    jk_counter_begin_doc(&f->c);
    f->c.english = false;
    jk_counter_add(&f->c, "baru", 4, "diperbarui", 10);
    jk_counter_end_doc(&f->c);
    find(f);
    assert_null(twin_of(f, "new"));
}

static void test_spelling_needs_bilingual_confirmation(void **state)
{
    struct fixture *f = *state;
    /* monolingual documents only: the spelling rule alone is not enough */
    doc(f, false, "paradiplomacy/e");
    doc(f, false, "paradiplomasi/i");
    find(f);
    assert_null(twin_of(f, "paradiplomacy"));
    /* two parallel abstracts confirm it */
    doc(f, true, "paradiplomacy/e,paradiplomasi/i");
    doc(f, true, "paradiplomacy/e,paradiplomasi/i");
    find(f);
    const struct jk_twin *t = twin_of(f, "paradiplomacy");
    assert_non_null(t);
    assert_int_equal(t->evidence, JK_TWIN_SPELLING);
    assert_int_equal(t->both_docs, 2);
}

static void test_partly_english_loanword_by_spelling(void **state)
{
    struct fixture *f = *state;
    /* "paradiplomacy" is written in Indonesian sentences too (a third English here) */
    doc(f, true, "paradiplomacy/e,paradiplomacy/i,paradiplomacy/i,paradiplomasi/i");
    doc(f, true, "paradiplomacy/e,paradiplomasi/i");
    doc(f, false, "paradiplomacy/i");
    find(f);
    assert_non_null(twin_of(f, "paradiplomacy"));
    /* less than a quarter English: an Indonesian term, left alone */
    doc(f, false, "paradiplomacy/i,paradiplomacy/i,paradiplomacy/i,paradiplomacy/i");
    find(f);
    assert_null(twin_of(f, "paradiplomacy"));
}

static void test_parallel_text_can_veto_a_dictionary_twin(void **state)
{
    struct fixture *f = *state;
    /* "policy" is in two parallel abstracts that never say "polis" or "kebijakan" */
    doc(f, true, "policy/e,aturan/i");
    doc(f, true, "policy/e,aturan/i");
    doc(f, false, "kebijakan/i");
    find(f);
    assert_null(twin_of(f, "policy"));
}

static void test_chain_of_twins_ends_at_the_indonesian_term(void **state)
{
    struct fixture *f = *state;
    /* "democracy" is mostly written in Indonesian sentences, so it can be a twin; its own
     * spelling twin "demokrasi" is confirmed by two parallel documents */
    doc(f, true, "democracy/e,democracy/i,democracy/i,demokrasi/i,people power/e,people power/e");
    doc(f, true, "democracy/e,democracy/i,democracy/i,demokrasi/i");
    find(f);
    const struct jk_twin *t = twin_of(f, "peoplepower");
    assert_non_null(t);
    assert_int_equal(t->into, id_of(f, "demokrasi"));
    assert_string_equal(t->indonesian, "demokrasi");
    assert_int_equal(twin_of(f, "democracy")->into, id_of(f, "demokrasi"));
    jk_bilingual_apply(&f->b, &f->c);
    assert_int_equal(f->c.tally[id_of(f, "demokrasi")].full, 10);
}

static void test_thesaurus_output_is_not_remapped(void **state)
{
    struct fixture *f = *state;
    doc(f, false, "policy/e");
    doc(f, false, "kebijakan/i");
    jk_bilingual_protect(&f->b, &f->c, "policy", 6);
    find(f);
    assert_null(twin_of(f, "policy"));
}

static void test_apply_merges_under_the_indonesian_label(void **state)
{
    struct fixture *f = *state;
    doc(f, true, "kerjasama/i,kerja sama/i,cooperation/e,koperasi/i");
    doc(f, true, "kerjasama/i,cooperation/e");
    doc(f, false, "koperasi/i,koperasi/i,koperasi/i");
    find(f);
    const struct jk_twin *t = twin_of(f, "cooperation");
    assert_non_null(t);
    assert_string_equal(t->indonesian, "kerjasama"); /* the term written "kerja sama" too */
    jk_bilingual_apply(&f->b, &f->c);
    uint32_t ks = id_of(f, "kerjasama"), co = id_of(f, "cooperation");
    assert_int_equal(f->c.tally[ks].full, 5);
    assert_int_equal(f->c.tally[ks].docs, 2);
    assert_int_equal(f->c.tally[co].full, 0);
    assert_int_equal(f->c.tally[id_of(f, "koperasi")].docs, 2);
    const char **labels = jk_counter_labels(&f->c);
    assert_string_equal(labels[ks], "kerjasama");
    free(labels);
    char **aliases = jk_counter_aliases(&f->c, &ks, 1);
    assert_string_equal(aliases[0], "kerja sama; cooperation");
    free(aliases[0]);
    free(aliases);
}

/* The report lists merges after the map command has freed the counter: the labels are copies. */
static void test_twin_labels_outlive_the_counter(void **state)
{
    struct fixture *f = *state;
    doc(f, false, "kebijakan/i,kebijakan/i");
    doc(f, false, "policy/e,policy/e");
    find(f);
    assert_int_equal(f->b.n_twins, 1);
    jk_bilingual_keep_labels(&f->b);
    jk_counter_release(&f->c);
    jk_counter_init(&f->c); /* teardown releases it again */
    assert_string_equal(f->b.twins[0].english, "policy");
    assert_string_equal(f->b.twins[0].indonesian, "kebijakan");
    assert_null(f->b.protect);
}

static void test_debian_freedict(void **state)
{
    struct fixture *f = *state;
    if (access(JK_FREEDICT_ENG_IND_INDEX, R_OK) != 0 || access(JK_FREEDICT_ENG_IND_DICT, R_OK) != 0)
        skip();
    struct jk_dictd real;
    struct jk_diag diag;
    jk_dictd_init(&real);
    jk_diag_init(&diag);
    assert_int_equal(
        jk_dictd_load(&real, JK_FREEDICT_ENG_IND_INDEX, JK_FREEDICT_ENG_IND_DICT, &diag), JK_OK);
    doc(f, true, "cooperation/e,kerjasama/i,tourism/e,pariwisata/i,central government/e");
    doc(f, true, "cooperation/e,kerjasama/i,pemerintah pusat/i,program/e,program/i");
    doc(f, false, "koperasi/i,data/e,data/e,informasi/i,program/e");
    /* every term twice: a term occurring once takes no part */
    doc(f, false, "tourism/e,pariwisata/i,central government/e,pemerintah pusat/i,koperasi/i");
    jk_bilingual_find(&f->b, &f->c, &real, f->bilingual);
    assert_string_equal(twin_of(f, "cooperation")->indonesian, "kerjasama");
    assert_string_equal(twin_of(f, "tourism")->indonesian, "pariwisata");
    assert_string_equal(twin_of(f, "centralgovernment")->indonesian, "pemerintah pusat");
    assert_int_equal(twin_of(f, "centralgovernment")->evidence, JK_TWIN_DICTIONARY);
    assert_null(twin_of(f, "data"));
    assert_null(twin_of(f, "program"));
    jk_dictd_release(&real);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loanword_spelling),
        cmocka_unit_test(test_bilingual_document_needs_both_languages),
        cmocka_unit_test_setup_teardown(test_dictionary_twin, setup, teardown),
        cmocka_unit_test_setup_teardown(test_word_by_word_puts_the_head_first, setup, teardown),
        cmocka_unit_test_setup_teardown(test_senses_chosen_by_bilingual_documents, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ambiguous_word_merges_with_the_sense_present, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_term_occurring_once_takes_no_part, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_twin_is_invented, setup, teardown),
        cmocka_unit_test_setup_teardown(test_words_written_the_same_stay_one_term, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stem_only_match_is_not_a_twin, setup, teardown),
        cmocka_unit_test_setup_teardown(test_spelling_needs_bilingual_confirmation, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_partly_english_loanword_by_spelling, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parallel_text_can_veto_a_dictionary_twin, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_chain_of_twins_ends_at_the_indonesian_term, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_thesaurus_output_is_not_remapped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_apply_merges_under_the_indonesian_label, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_twin_labels_outlive_the_counter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_debian_freedict, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
