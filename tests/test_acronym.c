/*
 * Tests of src/acronym: definitions found in real sentences of corpus/ (and
 * in the whole corpus), false-positive traps, and the per-corpus table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acronym.h"
#include "clean.h"
#include "tokenize.h"
#include "testutil.h"

struct found {
    char items[64][96]; /* "short=long" */
    size_t n;
};

static void record(void *ctx, const char *s, size_t sl, const char *l, size_t ll)
{
    struct found *f = ctx;
    assert_true(f->n < 64);
    snprintf(f->items[f->n++], sizeof(f->items[0]), "%.*s=%.*s", (int)sl, s, (int)ll, l);
}

/* Tokenizes text and returns the definitions found, "short=long" in text order. */
static size_t find(const char *text, struct found *f)
{
    struct jk_tokenizer tk;
    struct jk_diag diag;
    struct jk_buf lower;
    struct jk_tokens toks;
    jk_diag_init(&diag);
    assert_int_equal(jk_tokenizer_init(&tk, &diag), JK_OK);
    jk_buf_init(&lower);
    jk_tokens_init(&toks);
    jk_tokenize(&tk, text, strlen(text), &lower, &toks);
    memset(f, 0, sizeof(*f));
    size_t n = jk_find_acronyms(lower.data, toks.items, toks.count, record, f);
    assert_int_equal(n, f->n);
    jk_tokens_release(&toks);
    jk_buf_release(&lower);
    jk_tokenizer_release(&tk);
    return n;
}

/* Asserts that text defines exactly one acronym, want ("short=long"). */
static void expect_one(const char *text, const char *want)
{
    struct found f;
    if (find(text, &f) != 1)
        fail_msg("'%s': found %zu definitions, want 1 (%s)", text, f.n, want);
    assert_string_equal(f.items[0], want);
}

static void expect_none(const char *text)
{
    struct found f;
    if (find(text, &f) != 0)
        fail_msg("'%s': found '%s', want nothing", text, f.items[0]);
}

/* Sentences as they stand in corpus/ (after cleaning). */
static void test_long_form_first_from_corpus(void **state)
{
    (void)state;
    expect_one("serta peningkatan kapasitas sumber daya manusia (SDM) daerah.",
               "sdm=sumber daya manusia");
    /* the run stops where the initials are spelt: not "provinsi nusa tenggara barat" */
    expect_one("Hubungan kerjasama antara provinsi Nusa Tenggara Barat (NTB) dan Provinsi Zhejiang",
               "ntb=nusa tenggara barat");
    expect_one("keunggulan sumber daya alam (SDA) dan", "sda=sumber daya alam");
    expect_one("pelaksanaan dimulai meliputi Aparatur Sipil Negara (ASN) yang",
               "asn=aparatur sipil negara");
    /* "Republik Rakyat Tiongkok" (aesthetica) with the short form the thesis uses */
    expect_one(
        "paradiplomasi pemerintah lokal di Republik Rakyat Tiongkok (RRT) sudah lebih terarah",
        "rrt=republik rakyat tiongkok");
}

static void test_function_words_may_give_a_letter(void **state)
{
    (void)state;
    expect_one("kerja sama ini melakukan penandatanganan Letter of Intent (LoI), selanjutnya",
               "loi=letter of intent");
    expect_one("telah mencapai tingkat Memorandum of Understanding (MoU) yang",
               "mou=memorandum of understanding");
    /* or nothing */
    expect_one("diawasi Badan Pengawas Obat dan Makanan (BPOM) setiap tahun",
               "bpom=badan pengawas obat dan makanan");
}

static void test_short_form_first(void **state)
{
    (void)state;
    expect_one("Selain itu juga kurangnya SDM (Sumber Daya Manusia) yang profesional.",
               "sdm=sumber daya manusia");
    expect_one("lalu adanya penyusunan LoI (Letter of Intent) dan diteruskan",
               "loi=letter of intent");
    expect_one("KJRI (Konsulat Jendral Republik Indonesia) Perth kurang merespon",
               "kjri=konsulat jendral republik indonesia");
}

static void test_syllable_acronyms(void **state)
{
    (void)state;
    expect_one("kapasitas dari pemerintah daerah (pemda) dalam pelaksanaan",
               "pemda=pemerintah daerah");
    expect_one("melalui prakarsa dari Pemerintah Provinsi (Pemprov) Sumatera Barat",
               "pemprov=pemerintah provinsi");
    expect_one("mengeluarkan Peraturan Gubernur (Pergub) Jawa Tengah", "pergub=peraturan gubernur");
    expect_one("Pemda (Pemerintah Daerah) kota", "pemda=pemerintah daerah");
}

static void test_hyphenated_word_gives_one_letter_per_part(void **state)
{
    (void)state;
    expect_one("anggota Perserikatan Bangsa-Bangsa (PBB) sejak", "pbb=perserikatan bangsa-bangsa");
}

static void test_false_positive_traps(void **state)
{
    (void)state;
    expect_none("Kedua, faktor (internal) dan faktor (eksternal).");
    expect_none("sejak tahun (2019) hingga kini");
    expect_none("seperti terlihat pada peta (lihat gambar) berikut");
    expect_none("alasan atau dorongan tersendiri (motif) untuk melakukan");
    expect_none("menekankan pada peranan atau aturan (roles) yang dilakukan");
    expect_none("dengan lima pihak, yaitu Queensland (Australia), Fujian (China)");
    /* initials from another language's name */
    expect_none("persoalan Kejahatan Transnasional Terorganisasi (TOC) menjadi");
    /* punctuation inside the long form */
    expect_none("Illegal, Unregulated, and Unreported (IUU) fishing");
    /* a content word that gives nothing */
    expect_none("Kerja Sama Daerah Dengan Pemerintah Daerah Di Luar Negeri (KSDPL)");
    /* a one-word long form, a function word as short form, a spelled-out compound */
    expect_none("program (prog) kerja");
    expect_none("nusa tenggara (dan) bali");
    expect_none("kerja sama (kerjasama) luar negeri");
    expect_none("kerjasama (kerja sama) luar negeri");
    /* short form that repeats its long form, wrong letters, no closing parenthesis */
    expect_none("pemerintah daerah (pemerintah daerah) kota");
    expect_none("sumber daya manusia (SDA)");
    expect_none("sumber daya manusia (SDM");
    expect_none("(SDM)");
    expect_none("SDM (");
    /* the long form does not cross a sentence end or start with a function word */
    expect_none("sumber daya. manusia (SDM)");
    expect_none("Dan Sumber (DS) itu");
}

static void test_counts_every_definition_in_order(void **state)
{
    (void)state;
    struct found f;
    assert_int_equal(find("sumber daya alam (SDA) dan sumber daya manusia (SDM), "
                          "Letter of Intent (LoI) dan MoU (Memorandum of Understanding).",
                          &f),
                     4);
    assert_string_equal(f.items[0], "sda=sumber daya alam");
    assert_string_equal(f.items[1], "sdm=sumber daya manusia");
    assert_string_equal(f.items[2], "loi=letter of intent");
    assert_string_equal(f.items[3], "mou=memorandum of understanding");
}

/* Every definition in the bundled corpus, cleaned and tokenized like the pipeline does. */
static void test_whole_corpus_finds_exactly_the_true_definitions(void **state)
{
    (void)state;
    const char *files[] = {"aesthetica-jakarta-beijing.md", "azqiya-ntb-kujawsko-pomorskie.md",
                           "safitri-kegagalan-sister-cities.md",
                           "skripsi-sumbar-jeollabuk-do-bab1.md", "tesis-ntb-zhejiang-bab4.txt"};
    struct jk_acronyms table;
    struct jk_tokenizer tk;
    struct jk_diag diag;
    struct jk_buf raw, clean, lower;
    struct jk_tokens toks;
    jk_diag_init(&diag);
    assert_int_equal(jk_tokenizer_init(&tk, &diag), JK_OK);
    jk_acronyms_init(&table);
    jk_buf_init(&raw);
    jk_buf_init(&clean);
    jk_buf_init(&lower);
    jk_tokens_init(&toks);
    size_t total = 0;
    for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
        char path[512];
        snprintf(path, sizeof(path), "%s/corpus/%s", JK_SOURCE_DIR, files[i]);
        jk_buf_clear(&raw);
        tu_slurp(path, &raw);
        jk_clean(raw.data, raw.len, &clean, NULL, NULL);
        jk_tokens_clear(&toks);
        jk_tokenize(&tk, clean.data, clean.len, &lower, &toks);
        total += jk_find_acronyms(lower.data, toks.items, toks.count, jk_acronyms_collect, &table);
    }
    jk_acronyms_resolve(&table);
    /* checked by hand against the text: every one is a true definition */
    const char *want[][2] = {
        {"loi", "letter of intent"},
        {"mou", "memorandum of understanding"},
        {"sdm", "sumber daya manusia"},
        {"sda", "sumber daya alam"},
        {"ntb", "nusa tenggara barat"},
        {"kjri", "konsulat jendral republik indonesia"},
        {"diy", "daerah istimewa yogyakarta"},
        {"jihi", "jurnal ilmiah hubungan internasional"},
        {"fdi", "foreign direct investment"},
        {"asn", "aparatur sipil negara"},
        {"skpd", "satuan kerja perangkat daerah"},
        {"tofc", "transnational organize fishing crime"},
        {"pemda", "pemerintah daerah"},
        {"pemprov", "pemerintah provinsi"},
        {"pergub", "peraturan gubernur"},
    };
    size_t n_want = sizeof(want) / sizeof(*want);
    assert_int_equal(jk_acronyms_count(&table), n_want);
    for (size_t i = 0; i < n_want; i++) {
        const char *got = jk_acronyms_long(&table, want[i][0], strlen(want[i][0]), NULL);
        if (!got || strcmp(got, want[i][1]) != 0)
            fail_msg("%s: got '%s', want '%s'", want[i][0], got ? got : "(none)", want[i][1]);
    }
    assert_true(total >= 30);
    jk_tokens_release(&toks);
    jk_buf_release(&raw);
    jk_buf_release(&clean);
    jk_buf_release(&lower);
    jk_acronyms_release(&table);
    jk_tokenizer_release(&tk);
}

static void add(struct jk_acronyms *a, const char *s, const char *l, int times)
{
    for (int i = 0; i < times; i++)
        jk_acronyms_add(a, s, strlen(s), l, strlen(l));
}

static void test_table_keeps_most_frequent_long_form(void **state)
{
    (void)state;
    struct jk_acronyms a;
    jk_acronyms_init(&a);
    add(&a, "sdm", "sumber daya manusia", 3);
    add(&a, "sdm", "sistem database manajemen", 1);
    add(&a, "pt", "perguruan tinggi", 1); /* tie: byte order picks "perguruan tinggi" */
    add(&a, "pt", "perseroan terbatas", 1);
    add(&a, "sdmi", "sumber daya manusia", 1); /* a second short form: an alias */
    jk_acronyms_resolve(&a);
    size_t len;
    assert_string_equal(jk_acronyms_long(&a, "sdm", 3, &len), "sumber daya manusia");
    assert_int_equal(len, 19);
    assert_string_equal(jk_acronyms_long(&a, "pt", 2, NULL), "perguruan tinggi");
    assert_string_equal(jk_acronyms_long(&a, "sdmi", 4, NULL), "sumber daya manusia");
    assert_null(jk_acronyms_long(&a, "ntb", 3, NULL));
    assert_null(jk_acronyms_long(&a, "sd", 2, NULL));

    /* entries in order of first sighting, with the winning pair's count */
    assert_int_equal(jk_acronyms_count(&a), 3);
    const char *l;
    uint32_t seen;
    assert_string_equal(jk_acronyms_entry(&a, 0, &l, &len, &seen), "sdm");
    assert_string_equal(l, "sumber daya manusia");
    assert_int_equal(seen, 3);
    assert_string_equal(jk_acronyms_entry(&a, 1, NULL, NULL, NULL), "pt");
    assert_string_equal(jk_acronyms_entry(&a, 2, &l, NULL, &seen), "sdmi");
    assert_int_equal(seen, 1);

    /* the chosen long forms, for finding them written out: the most words after a first word */
    assert_int_equal(jk_acronyms_head_words(&a, "sumber", 6), 3);
    assert_int_equal(jk_acronyms_head_words(&a, "perguruan", 9), 2);
    assert_int_equal(jk_acronyms_head_words(&a, "perseroan", 9), 0); /* not chosen */
    assert_int_equal(jk_acronyms_head_words(&a, "daya", 4), 0);
    assert_string_equal(jk_acronyms_find_long(&a, "sumber daya manusia", 19),
                        "sumber daya manusia");
    assert_null(jk_acronyms_find_long(&a, "sumber daya", 11));
    assert_null(jk_acronyms_find_long(&a, "sistem database manajemen", 25));

    /* more sightings, resolved again, change the choice */
    add(&a, "pt", "perseroan terbatas", 1);
    jk_acronyms_resolve(&a);
    assert_string_equal(jk_acronyms_long(&a, "pt", 2, NULL), "perseroan terbatas");
    assert_int_equal(jk_acronyms_count(&a), 3);
    assert_int_equal(jk_acronyms_head_words(&a, "perseroan", 9), 2);
    assert_int_equal(jk_acronyms_head_words(&a, "perguruan", 9), 0);
    assert_null(jk_acronyms_find_long(&a, "perguruan tinggi", 16));
    jk_acronyms_release(&a);
    jk_acronyms_release(NULL);
}

static void test_empty_table(void **state)
{
    (void)state;
    struct jk_acronyms a;
    jk_acronyms_init(&a);
    jk_acronyms_resolve(&a);
    assert_int_equal(jk_acronyms_count(&a), 0);
    assert_null(jk_acronyms_long(&a, "sdm", 3, NULL));
    assert_int_equal(jk_acronyms_head_words(&a, "sumber", 6), 0);
    assert_null(jk_acronyms_find_long(&a, "sumber daya manusia", 19));
    jk_acronyms_release(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_long_form_first_from_corpus),
        cmocka_unit_test(test_function_words_may_give_a_letter),
        cmocka_unit_test(test_short_form_first),
        cmocka_unit_test(test_syllable_acronyms),
        cmocka_unit_test(test_hyphenated_word_gives_one_letter_per_part),
        cmocka_unit_test(test_false_positive_traps),
        cmocka_unit_test(test_counts_every_definition_in_order),
        cmocka_unit_test(test_whole_corpus_finds_exactly_the_true_definitions),
        cmocka_unit_test(test_table_keeps_most_frequent_long_form),
        cmocka_unit_test(test_empty_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
