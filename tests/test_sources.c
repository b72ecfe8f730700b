/* Tests of src/sources: record text from the chosen fields, copyright statements, abstracts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "sources.h"
#include "testutil.h"

/* What jk_abstract_without_copyright keeps of an abstract. */
static void expect_kept(const char *abstract, const char *kept)
{
    size_t len = jk_abstract_without_copyright(abstract, strlen(abstract));
    if (len != strlen(kept) || strncmp(abstract, kept, len) != 0) {
        print_error("kept '%.*s' of '%s', expected '%s'\n", (int)len, abstract, abstract, kept);
        fail();
    }
}

static void test_copyright_statements_cut(void **state)
{
    (void)state;
    expect_kept("Paradiplomasi berkembang pesat. \xc2\xa9 2020 Elsevier Ltd. All rights reserved.",
                "Paradiplomasi berkembang pesat.");
    expect_kept(
        "Kota kembar. \xc2\xa9 2021 The Authors. Published by Elsevier B.V. This is an open "
        "access article under the CC BY license.",
        "Kota kembar.");
    expect_kept("Kerja sama provinsi.\nCopyright \xc2\xa9 2019 IEEE.", "Kerja sama provinsi.");
    expect_kept("Kerja sama provinsi. Copyright: 2019 Universitas Indonesia",
                "Kerja sama provinsi.");
    expect_kept("Kerja sama provinsi. (C) 2018 Jurnal Hubungan Internasional",
                "Kerja sama provinsi.");
    expect_kept("Kerja sama daerah. All rights reserved.", "Kerja sama daerah.");
    expect_kept("\xc2\xa9 2020 Elsevier Ltd.", "");
    /* not statements: the word as a topic, the sign mid-sentence, rights not ending the text */
    expect_kept("Copyright law protects batik motifs in Indonesia.",
                "Copyright law protects batik motifs in Indonesia.");
    expect_kept("Perlindungan hak cipta (copyright 2019 revision) dibahas.",
                "Perlindungan hak cipta (copyright 2019 revision) dibahas.");
    expect_kept("All rights reserved to the community are discussed.",
                "All rights reserved to the community are discussed.");
    expect_kept("", "");
}

/* What jk_clean_abstract makes of an abstract. */
static void expect_clean(const char *abstract, const char *want)
{
    struct jk_buf scratch;
    jk_buf_init(&scratch);
    size_t len = strlen(abstract);
    const char *clean = jk_clean_abstract(abstract, &len, &scratch);
    assert_int_equal(len, strlen(want));
    assert_memory_equal(len ? clean : "", want, len);
    jk_buf_release(&scratch);
}

/* Structured abstracts lose their labels where a sentence starts, and nowhere else. */
static void test_structured_abstract_labels_dropped(void **state)
{
    (void)state;
    expect_clean(
        "Purpose: This paper studies paradiplomacy. Design/methodology/approach: A case "
        "study. Findings: Provinces cooperate. Originality/value: First study. \xc2\xa9 "
        "2020 Emerald Publishing Limited.",
        "This paper studies paradiplomacy. A case study. Provinces cooperate. First study.");
    expect_clean("Tujuan: menganalisis kerja sama.\nHasil : kerja sama meningkat. Kesimpulan: "
                 "perlu dukungan.",
                 "menganalisis kerja sama.\nkerja sama meningkat. perlu dukungan.");
    /* not labels: mid-sentence, without a colon, a longer word, or another word */
    expect_clean("The results: growth. Results show growth. Values: none. Ratio: 2.",
                 "The results: growth. Results show growth. Values: none. Ratio: 2.");
    expect_clean("", "");
}

/* Only the last JK_COPYRIGHT_TAIL bytes are looked at: a statement-like start early stays. */
static void test_copyright_only_at_the_end(void **state)
{
    (void)state;
    char abstract[1024];
    size_t n = (size_t)snprintf(abstract, sizeof(abstract), "\xc2\xa9 2020 awal. ");
    while (n < JK_COPYRIGHT_TAIL + 50)
        n += (size_t)snprintf(abstract + n, sizeof(abstract) - n, "kerja sama daerah. ");
    assert_int_equal(jk_abstract_without_copyright(abstract, n), n);
}

/* Appends each record's text and a '|' to the buffer ctx. */
static enum jk_status collect_text(void *ctx, const char *text, size_t len,
                                   const struct jk_record *r, struct jk_diag *diag)
{
    (void)r, (void)diag;
    jk_buf_add(ctx, text, len);
    jk_buf_addc(ctx, '|');
    return JK_OK;
}

/* A Scopus export's abstract reaches the document text without its copyright statement. */
static void test_record_text_without_copyright(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "scopus.csv",
                 "Title,Abstract,Year\n"
                 "\"Kerja sama daerah\",\"Paradiplomasi pemerintah daerah. \xc2\xa9 2020 Elsevier "
                 "Ltd. All rights reserved.\",2020\n");
    snprintf(path, sizeof(path), "%s/scopus.csv", dir);
    struct jk_buf scratch, got;
    jk_buf_init(&scratch);
    jk_buf_init(&got);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_read_records(path, NULL, collect_text, &got, &scratch, &d), JK_OK);
    assert_string_equal(got.data, "Kerja sama daerah\n\nParadiplomasi pemerintah daerah.|");
    jk_buf_release(&scratch);
    jk_buf_release(&got);
    tu_rmtree(dir);
}

/* --section abstract keeps the text from "Abstrak"/"Abstract" to "Kata kunci"/"Keywords". */
static void test_keep_abstract(void **state)
{
    (void)state;
    struct jk_buf text;
    jk_buf_init(&text);
    jk_buf_adds(&text, "JUDUL\n\nABSTRAK\nKerja sama daerah.\nKata kunci: paradiplomasi\n\nBAB I\n"
                       "Pendahuluan panjang.\n");
    assert_true(jk_keep_abstract(&text));
    assert_string_equal(text.data, "ABSTRAK\nKerja sama daerah.\n\n\n");
    jk_buf_clear(&text);
    jk_buf_adds(&text, "Tanpa abstrak di sini.\n");
    assert_false(jk_keep_abstract(&text));
    assert_string_equal(text.data, "Tanpa abstrak di sini.\n");
    jk_buf_release(&text);
}

/* What jk_drop_references leaves of text; NULL: text stays whole. */
static void expect_references_cut(const char *text, const char *left)
{
    struct jk_buf b;
    jk_buf_init(&b);
    jk_buf_adds(&b, text);
    bool cut = jk_drop_references(&b) == JK_REFS_CUT;
    jk_buf_addc(&b, '\0');
    if (cut != (left != NULL) || strcmp(b.data, left ? left : text) != 0) {
        print_error("cut %d, left '%s' of '%s'\n", cut, b.data, text);
        fail();
    }
    jk_buf_release(&b);
}

/* A paragraph of body text, long enough that a reference list is less than half. */
#define BODY                                                                                       \
    "Kerja sama sister city antara pemerintah daerah dan kota di luar negeri berkembang "          \
    "pesat sejak otonomi daerah, tetapi banyak yang berhenti di nota kesepahaman.\n"
#define REFS                                                                                       \
    "Mukti, T. A. (2013). Paradiplomacy. Yogyakarta: The Phinisi Press.\n"                         \
    "Sinaga, O. (2010). Otonomi Daerah. Bandung: Lepsindo.\n"

static void test_reference_list_dropped(void **state)
{
    (void)state;
    /* the headings a journal article, a thesis or a Markdown conversion has */
    expect_references_cut(BODY BODY "\n### **Daftar Pustaka**\n\n" REFS, BODY BODY "\n");
    expect_references_cut(BODY BODY "DAFTAR PUSTAKA\n" REFS, BODY BODY);
    expect_references_cut(BODY BODY "5. REFERENCES\n" REFS, BODY BODY);
    expect_references_cut(BODY BODY "Referensi:\n" REFS, BODY BODY);
    expect_references_cut(BODY BODY "VI. Bibliography\n" REFS, BODY BODY);
    /* an appendix after the list stays */
    expect_references_cut(BODY BODY "DAFTAR PUSTAKA\n" REFS "LAMPIRAN 1\nTranskrip wawancara.\n",
                          BODY BODY "LAMPIRAN 1\nTranskrip wawancara.\n");
    /* a table of contents names the heading first: the last one is the list */
    expect_references_cut("DAFTAR ISI\nDAFTAR PUSTAKA\n" BODY BODY BODY "Daftar Pustaka\n" REFS,
                          "DAFTAR ISI\nDAFTAR PUSTAKA\n" BODY BODY BODY);
    /* not headings: the words inside a sentence or a longer heading */
    expect_references_cut(BODY "Kajian pustaka dan referensi penelitian.\n" REFS, NULL);
    expect_references_cut(BODY "Referensi ini membantu penulis.\n" REFS, NULL);
    expect_references_cut(BODY "### 1.6 Studi Pustaka\n" REFS, NULL);
    /* more than half the text after the heading: a contents line, or mostly references */
    expect_references_cut("DAFTAR PUSTAKA\n" BODY BODY, NULL);
    expect_references_cut(BODY "References\n" REFS REFS REFS REFS, NULL);
    expect_references_cut("", NULL);
}

/* Entries of a reference list as a repository's "DAFTAR PUSTAKA.pdf" has them (wrapped lines). */
#define ENTRIES                                                                                    \
    "Adnan, M. (2012). Kerja Sama Luar Negeri Pemerintah Daerah. Jakarta: Bumi\nAksara.\n"         \
    "Caraka, P. 2015. Sister City di Indonesia. Jurnal Hubungan Internasional,\n4(2), 1-20.\n"     \
    "Duchacek, I. (1990). Perforated Sovereignties. Oxford: Clarendon.\n"                          \
    "Keating, M. (1999). Regions and International Affairs. London: Frank Cass.\n"                 \
    "Mukti, T. A. (2013). Paradiplomacy. Yogyakarta: The Phinisi Press.\n"                         \
    "Sinaga, O. (2010). Otonomi Daerah. Bandung: Lepsindo.\n"

/* jk_drop_references on text: what it says, and what it leaves. */
static void expect_references(const char *text, enum jk_references want, const char *left)
{
    struct jk_buf b;
    jk_buf_init(&b);
    jk_buf_adds(&b, text);
    /* the check that changes nothing says the same (--section abstract uses it) */
    assert_int_equal(jk_is_reference_list(text, strlen(text)), want == JK_REFS_ONLY);
    enum jk_references got = jk_drop_references(&b);
    jk_buf_addc(&b, '\0');
    if (got != want || strcmp(b.data, left) != 0) {
        print_error("got %d, left '%s' of '%s'\n", got, b.data, text);
        fail();
    }
    jk_buf_release(&b);
}

/*
 * A file that starts with its reference list (a repository splits a thesis
 * into "BAB I.pdf" ... "DAFTAR PUSTAKA.pdf") is all list, whatever its size;
 * a file that starts with the heading but goes on in running text (a
 * contents line) or cites too few years keeps everything.
 */
static void test_a_file_that_is_a_reference_list(void **state)
{
    (void)state;
    expect_references("DAFTAR PUSTAKA\n\n" ENTRIES, JK_REFS_ONLY, "");
    expect_references("repository.unair.ac.id\n\n### **Daftar Pustaka**\n" ENTRIES, JK_REFS_ONLY,
                      "repository.unair.ac.id\n\n");
    /* an appendix after it stays, and the file is not only a list */
    expect_references("DAFTAR PUSTAKA\n" ENTRIES "LAMPIRAN 1\nKuesioner penelitian.\n", JK_REFS_CUT,
                      "LAMPIRAN 1\nKuesioner penelitian.\n");
    /* the heading too far down to start the file: more than half, kept */
    expect_references("Judul\nPenulis\nUniversitas\nFakultas\nDAFTAR PUSTAKA\n" ENTRIES,
                      JK_REFS_KEPT,
                      "Judul\nPenulis\nUniversitas\nFakultas\nDAFTAR PUSTAKA\n" ENTRIES);
    /* running text after it (a contents line, then a chapter): kept */
    expect_references("DAFTAR PUSTAKA\n" BODY BODY BODY, JK_REFS_KEPT,
                      "DAFTAR PUSTAKA\n" BODY BODY BODY);
    /* a year now and then is running text too */
    expect_references("DAFTAR PUSTAKA\nSejak 2001 otonomi daerah. " BODY BODY "Pada 2005, 2006, "
                      "2007 dan 2010 kota-kota menandatangani nota.\n" BODY BODY,
                      JK_REFS_KEPT,
                      "DAFTAR PUSTAKA\nSejak 2001 otonomi daerah. " BODY BODY "Pada 2005, 2006, "
                      "2007 dan 2010 kota-kota menandatangani nota.\n" BODY BODY);
}

/* The key jk_part_key gives path ('@' stands for the mark), or none. */
static void expect_part(const char *path, const char *want)
{
    struct jk_buf key;
    jk_buf_init(&key);
    bool found = jk_part_key(path, &key);
    for (size_t i = 0; i < key.len; i++)
        if (key.data[i] == '\x01')
            key.data[i] = '@';
    jk_buf_addc(&key, '\0');
    if (found != (want != NULL) || (want && strcmp(key.data, want) != 0)) {
        print_error("'%s': found %d, key '%s'\n", path, found, found ? key.data : "");
        fail();
    }
    jk_buf_release(&key);
}

/* Repositories' names for the files of a split thesis, and names that only look alike. */
static void test_part_names_of_files(void **state)
{
    (void)state;
    expect_part("unduhan/BAB I.pdf", "unduhan/@.pdf");
    expect_part("unduhan/BAB II TINJAUAN PUSTAKA.pdf", "unduhan/@ TINJAUAN PUSTAKA.pdf");
    expect_part("1234-bab_iv.pdf", "1234-@.pdf");
    expect_part("t/03. Bab-3.pdf", "t/@.pdf"); /* a leading "03. " goes */
    expect_part("t/1. COVER.pdf", "t/@.pdf");
    expect_part("t/2_ABSTRAK.pdf", "t/@.pdf");
    expect_part("t/9 DAFTAR_PUSTAKA.pdf", "t/@.pdf");
    expect_part("t/1234-Daftar Isi.pdf", "t/1234-@.pdf"); /* a student number stays */
    expect_part("skripsi bab2.txt", "skripsi @.txt");
    expect_part("tesis-ntb-zhejiang-bab4.txt", "tesis-ntb-zhejiang-@.txt");
    expect_part("Chapter 12.md", "@.md");
    expect_part("bab.x/BAB V.pdf", "bab.x/@.pdf"); /* the folders are not searched */
    expect_part("bab.x/notes.pdf", NULL);
    expect_part("babak-baru.pdf", NULL); /* no number */
    expect_part("kebab 2.pdf", NULL);    /* inside a word */
    expect_part("bab 123.pdf", NULL);    /* three digits: not a chapter */
    expect_part("bab iix2.pdf", NULL);   /* a number running on */
    expect_part("abstraksi.pdf", NULL);  /* a longer word */
    expect_part("12.pdf", NULL);
}

/* Which part names are a work's abstract. */
static void test_abstract_parts(void **state)
{
    (void)state;
    assert_true(jk_part_is_abstract("t/2_ABSTRAK.pdf"));
    assert_true(jk_part_is_abstract("1234-Abstract.pdf"));
    assert_true(jk_part_is_abstract("ABSTRAK - Nama.pdf"));
    assert_false(jk_part_is_abstract("t/BAB I.pdf"));
    assert_false(jk_part_is_abstract("t/1. COVER.pdf"));
    assert_false(jk_part_is_abstract("abstraksi.pdf"));      /* no part mark */
    assert_false(jk_part_is_abstract("abstrak/BAB II.pdf")); /* the folders are not searched */
    assert_false(jk_part_is_abstract("notes.pdf"));
}

/* A skripsi's front matter, as a PDF's text has it. */
/* A title page: the title stays; degree, author, faculty, university, city and year go. */
#define TITLE "KERJA SAMA SISTER CITY KOTA BANDUNG DAN PETALING JAYA\n"
#define TITLE_PAGE                                                                                 \
    "SKRIPSI\n" TITLE "Diajukan untuk Memenuhi Salah Satu Syarat\nGuna Memperoleh Gelar Sarjana\n" \
    "Oleh:\nSARI DEWI\nNIM 1234\nPROGRAM STUDI ILMU HUBUNGAN INTERNASIONAL\n"                      \
    "FAKULTAS ILMU SOSIAL DAN ILMU POLITIK\nUNIVERSITAS PADJADJARAN\nBANDUNG\n2020\n\n"
#define FRONT                                                                                      \
    "LEMBAR PENGESAHAN\nSkripsi ini telah diuji dan disahkan oleh dosen pembimbing.\n\n"           \
    "PERNYATAAN KEASLIAN\nDengan ini saya menyatakan skripsi ini karya saya sendiri.\n\n"          \
    "KATA PENGANTAR\nPuji syukur kehadirat Allah SWT; terima kasih kepada orang tua.\n\n"          \
    "ABSTRAK\nPenelitian ini membahas kerja sama sister city Bandung.\nKata kunci: sister "        \
    "city\n\nABSTRACT\nThis research discusses the Bandung sister city.\n\n"                       \
    "DAFTAR ISI\nHALAMAN JUDUL ..... i\nBAB I PENDAHULUAN\nBAB II TINJAUAN PUSTAKA ..... 10\n\n"   \
    "DAFTAR TABEL\nTabel 1.1 Daftar kota kembar ..... 5\n\n"
#define CHAPTER_ONE "BAB I\nPENDAHULUAN\n1.1 Latar Belakang\n" BODY BODY BODY BODY

/* What jk_drop_front_matter leaves of text; NULL: text stays whole. */
static void expect_front_cut(const char *text, const char *left)
{
    struct jk_buf b;
    jk_buf_init(&b);
    jk_buf_adds(&b, text);
    size_t cut = jk_drop_front_matter(&b);
    if ((cut > 0) != (left != NULL) || strcmp(b.data, left ? left : text) != 0 ||
        (left && cut != strlen(text) - strlen(left))) {
        print_error("cut %zu, left '%s'\n", cut, b.data);
        fail();
    }
    jk_buf_release(&b);
}

static void test_thesis_front_matter_dropped(void **state)
{
    (void)state;
    /* the title page and the abstracts stay; approval, statement, thanks and lists go */
    struct jk_buf thesis, left;
    jk_buf_init(&thesis);
    jk_buf_init(&left);
    jk_buf_adds(&thesis, TITLE_PAGE FRONT CHAPTER_ONE);
    jk_buf_adds(&left, TITLE "\n"
                             "ABSTRAK\nPenelitian ini membahas kerja sama sister city "
                             "Bandung.\nKata kunci: sister city\n\nABSTRACT\nThis research "
                             "discusses the Bandung sister city.\n\n"
                             "PENDAHULUAN\n1.1 Latar Belakang\n" BODY BODY BODY BODY);
    for (int k = 0; k < 20; k++) { /* the rest of the thesis */
        jk_buf_adds(&thesis, BODY);
        jk_buf_adds(&left, BODY);
    }
    expect_front_cut(thesis.data, left.data);
    /* a short title after "SKRIPSI", a sentence that starts "Oleh", an abstract before the
     * front matter: all stay */
    jk_buf_clear(&thesis);
    jk_buf_clear(&left);
    const char *page = "UNIVERSITAS ANDALAS\nSKRIPSI\nPARADIPLOMASI KOTA PADANG\n\n"
                       "ABSTRAK\nOleh karena itu\nUniversitas menjadi mitra.\n\n";
    jk_buf_adds(&thesis, page);
    jk_buf_adds(&thesis, FRONT CHAPTER_ONE);
    jk_buf_adds(&left,
                "PARADIPLOMASI KOTA PADANG\n\nABSTRAK\nOleh karena itu\nUniversitas "
                "menjadi mitra.\n\nABSTRAK\nPenelitian ini membahas kerja sama sister "
                "city Bandung.\nKata kunci: sister city\n\nABSTRACT\nThis research "
                "discusses the Bandung sister city.\n\nPENDAHULUAN\n1.1 Latar Belakang\n" BODY BODY
                    BODY BODY);
    for (int k = 0; k < 20; k++) {
        jk_buf_adds(&thesis, BODY);
        jk_buf_adds(&left, BODY);
    }
    expect_front_cut(thesis.data, left.data);
    jk_buf_release(&thesis);
    jk_buf_release(&left);
    /* a journal article (thanks at its end) and a chapter file have none */
    expect_front_cut("Abstrak\nKerja sama daerah.\n\nPENDAHULUAN\n" BODY BODY BODY
                     "Ucapan Terima Kasih\nKepada penelaah.\n",
                     NULL);
    expect_front_cut(CHAPTER_ONE BODY, NULL);
    /* a front-matter heading without a first chapter after it, or only far after it */
#define THANKS "KATA PENGANTAR\nPuji syukur kehadirat Allah SWT.\n\n"
    expect_front_cut(TITLE_PAGE THANKS BODY BODY BODY BODY BODY, NULL);
    struct jk_buf far;
    jk_buf_init(&far);
    jk_buf_adds(&far, TITLE_PAGE THANKS);
    while (far.len < 20 * 1024)
        jk_buf_adds(&far, BODY);
    jk_buf_adds(&far, "PENDAHULUAN\n");
    while (far.len < 60 * 1024)
        jk_buf_adds(&far, BODY);
    expect_front_cut(far.data, NULL);
    jk_buf_release(&far);
}

/* What jk_drop_footnotes leaves of text, and how many footnotes it cut. */
static void expect_footnotes_cut(const char *text, const char *left, size_t footnotes)
{
    struct jk_buf b;
    jk_buf_init(&b);
    jk_buf_adds(&b, text);
    size_t cut = jk_drop_footnotes(&b);
    if (cut != footnotes || strcmp(b.data, left) != 0) {
        print_error("in '%.60s': cut %zu (want %zu), left '%s'\n", text, cut, footnotes, b.data);
        fail();
    }
    jk_buf_release(&b);
}

/* text stays whole */
static void expect_footnotes_kept(const char *text)
{
    expect_footnotes_cut(text, text, 0);
}

#define SENTENCE "Paradiplomasi membuka peluang kerja sama daerah.<sup>1</sup>\n\n"

static void test_footnotes_citing_sources_dropped(void **state)
{
    (void)state;
    /* Markdown of a thesis: each footnote a line of its own, its mark in <sup> */
    expect_footnotes_cut(SENTENCE
                         "<sup>1</sup> Riza Noer Arfani, \"Globalisasi: Karakteristik,\" *Ekonomi "
                         "Politik*, Edisi 1, (2004), 1.\n\nKalimat berikutnya.\n",
                         SENTENCE "\n\nKalimat berikutnya.\n", 1);
    /* a title in emphasis, a short citation without a year, Ibid., a web page */
    expect_footnotes_cut("<sup>2</sup> Kenichi Ohmae, *The Next Global Stage*, (New Jersey: "
                         "Pearson, 2005), Hal.20.\n"
                         "<sup>12</sup> Dedi Oscar Adams, \"Cetak Sejarah, Pemprov Sumbar\".\n"
                         "<sup>13</sup> Ibid., hlm. 4.\n"
                         "<sup>14</sup> Biro Pemerintahan Banten, diakses pada 7 Juni 2023.\n"
                         "Teks.\n",
                         "\n\n\n\nTeks.\n", 4);
    /* authors and a book's title in emphasis; a quoted title around emphasis */
    expect_footnotes_cut("<sup>7</sup> Ahmad Harakan, *Paradiplomasi Investasi*, 2-3.\n"
                         "<sup>34</sup> Mohtar Mas' oed, \"*Ilmu Hubungan Internasional,*\" 4.\n",
                         "\n\n", 2);
    /* Markdown footnote definitions, superscript digits, curly quotation marks, Op. cit. */
    expect_footnotes_cut("[^3]: Tavares, Rodrigo, Paradiplomacy, Oxford, 2016.\n"
                         "\xc2\xb9\xe2\x81\xb4 Gilang Nur Alam, \xe2\x80\x9cParadiplomacy Kota "
                         "Bandung\xe2\x80\x9d, Jurnal.\n"
                         "  <sup>5</sup> Op. cit., 12.\n",
                         "\n\n\n", 3);
    /* PDF text: the number before the text, or alone on the line before it */
    expect_footnotes_cut("Badan itu dibentuk.\n"
                         "12 Takdir Ali Mukti, Paradiplomacy Kerjasama Luar Negeri, 2013, hlm. 4.\n"
                         "Lanjutan teks.\n",
                         "Badan itu dibentuk.\n\nLanjutan teks.\n", 1);
    expect_footnotes_cut("Paradiplomasi.\n\n4\n Christy Damayanti, 2012, Transformasi Potensi "
                         "Paradiplomasi \n\nKinerja Diplomasi Indonesia. UNISRI. Vol XIV, No. 22. "
                         "\n dan merupakan salah satu jawaban.\n",
                         "Paradiplomasi.\n\n\n dan merupakan salah satu jawaban.\n", 1);
    /* a wrapped footnote goes on only while its lines read as a citation */
    expect_footnotes_cut("7 Sidik Jatmika, Otonomi Daerah Perspektif, Yogyakarta\n"
                         "Otonomi daerah membawa peluang.\n",
                         "7 Sidik Jatmika, Otonomi Daerah Perspektif, Yogyakarta\n"
                         "Otonomi daerah membawa peluang.\n",
                         0);
    expect_footnotes_cut("7 Sidik Jatmika, Otonomi Daerah, 2001,\nYogyakarta: Pustaka, hlm. 3.\n"
                         "Otonomi daerah membawa peluang besar bagi daerah, 2001.\n",
                         "\nOtonomi daerah membawa peluang besar bagi daerah, 2001.\n", 1);
    expect_footnotes_cut("3\n Tonny Dian Effendy, 2012, Enhancing Local Government \n\n"
                         "Advantage Through Paradiplomacy Activities. \nUNIPDU. Vol 1, No. 2. \n"
                         " besarnya peranan aparatur daerah.\n",
                         "\n besarnya peranan aparatur daerah.\n", 1);
    /* Poppler's text of LibreOffice's PDF: a page's marks in a column, then their texts */
    expect_footnotes_cut("Kerja sama daerah.1 Kajian paradiplomasi.\n1\n2\n3\n4\n"
                         "Riza Noer Arfani, \xe2\x80\x9cGlobalisasi,\xe2\x80\x9d Jurnal, (2004), "
                         "hlm. 1.\nKenichi Ohmae, The Next Global Stage (New Jersey:\nPearson "
                         "Education, 2005), hlm. 20.\nIbid., hlm. 23.\nKemitraan kota kembar "
                         "adalah hubungan antara dua kota.\n",
                         "Kerja sama daerah.1 Kajian paradiplomasi.\n1\n2\n3\n4\n\n\n\n"
                         "Kemitraan kota kembar adalah hubungan antara dua kota.\n",
                         3);
    /* numbers that do not count on are no column of marks: only the last one has a text */
    expect_footnotes_cut("Tabel.\n1\n5\nArfani, Globalisasi, 2004, hlm. 1.\nTeks, 2004.\n",
                         "Tabel.\n1\n\nTeks, 2004.\n", 1);
    /* Pandoc's Markdown: a definition wrapped at 72 columns, its lines indented */
    expect_footnotes_cut("[^1]: Riza Noer Arfani, \"Globalisasi: Karakteristik,\"\n    *Ekonomi "
                         "Politik*, Edisi 1, (2004), 1.\n\n    Jurnal, hlm. 2.\n\nTeks berikut.\n"
                         "[^3]: Arfani, \"Judul,\" 2004.\n    [^4]: Ibid.\n",
                         "\n\nTeks berikut.\n\n\n", 3);
    expect_footnotes_kept("[^2]: Sister city adalah kemitraan antara dua kota\n    di negara "
                          "yang berbeda sejak 2004.\n");
    /* a footnote of markup is one line: the next, even one naming a page, is text */
    expect_footnotes_cut(
        "<sup>1</sup> Arfani, \"Globalisasi\", 2004\nPada 2005, hlm. 4 menyebut.\n",
        "\nPada 2005, hlm. 4 menyebut.\n", 1);
}

/*
 * A footnote of markup that cites a law or regulation by its number and year, its title
 * capitalised, goes; one that explains a law in a sentence stays, as do a law without its
 * number and, in PDF text, a numbered line naming a law (a list of legal grounds).
 */
static void test_footnotes_citing_laws_dropped(void **state)
{
    (void)state;
    expect_footnotes_cut(
        "<sup>8</sup> Undang-Undang Republik Indonesia Nomor 23 Tahun 2014 tentang Pemerintah "
        "Daerah, Pasal 363, Ayat 2.\n"
        "<sup>9</sup> Peraturan Menteri Dalam Negeri Republik Indonesia Nomor 25 Tahun 2020 "
        "tentang Tata Cara Kerja Sama Daerah Dengan Pemerintah Daerah Di Luar Negeri (KSDPL).\n"
        "[^15]: *Permendagri No. 25 Tahun 2020* Pasal 9.\n"
        "\xc2\xb9 UU No 32 Tahun 2004 tentang Pemerintahan Daerah.\n"
        "Teks.\n",
        "\n\n\n\nTeks.\n", 4);
    expect_footnotes_kept("<sup>3</sup> Undang-Undang Nomor 23 Tahun 2014 mengatur bahwa daerah "
                          "dapat bekerja sama dengan pihak luar negeri.\n");
    expect_footnotes_kept("<sup>3</sup> Undang-Undang Dasar 1945 Pasal 18.\n");
    expect_footnotes_kept("<sup>3</sup> Peraturan Daerah Nomor Urut Tahun 2014.\n");
    expect_footnotes_kept("Landasan hukum.\n1 Undang-Undang Nomor 23 Tahun 2014 tentang "
                          "Pemerintahan Daerah.\n");
}

/* What jk_drop_article_info leaves of text, and how many pieces it cut. */
static void expect_info_cut(const char *text, const char *left, size_t pieces)
{
    struct jk_buf b;
    jk_buf_init(&b);
    jk_buf_adds(&b, text);
    size_t cut = jk_drop_article_info(&b);
    if (cut != pieces || strcmp(b.data, left) != 0) {
        print_error("in '%.60s': cut %zu (want %zu), left '%s'\n", text, cut, pieces, b.data);
        fail();
    }
    jk_buf_release(&b);
}

/*
 * A journal article's information about its publication goes: dated and numbered fields,
 * labels with their values (on the next line too), licence and copyright notices. Sentences
 * that start with the same words, long lines and other lines stay.
 */
static void test_article_info_dropped(void **state)
{
    (void)state;
    expect_info_cut("JURNAL ILMU PEMERINTAHAN\n"
                    "Vol. 5 No. 2, Juli 2020, pp. 112-125\n"
                    "p-ISSN: 2502-8731 e-ISSN: 2548-1234\n"
                    "Received: 12 Januari 2020; Revised: 3 Maret 2020; Accepted: 20 Juni 2020\n"
                    "*Corresponding author: budi@unpad.ac.id\n"
                    "This is an open access article under the CC BY-SA license.\n"
                    "Copyright \xc2\xa9 2020 Jurnal Ilmu Pemerintahan. All rights reserved.\n"
                    "How to cite:\n\n"
                    "Budi, A. (2020). Judul artikel. Jurnal Ilmu Pemerintahan, 5(2), 112-125.\n"
                    "## Abstrak\n"
                    "Penelitian ini membahas tata kelola desa.\n"
                    "Diterima 12-01-2020 **Disetujui:** 3-3-2020\n"
                    "DOI https://doi.org/10.1234/jip.v5i2\n"
                    "E-mail : penulis@ugm.ac.id\n"
                    "Info Artikel\n"
                    "\xc2\xa9 2021 Penulis\n",
                    "\n\n\n\n\n\n\n\n"
                    "## Abstrak\nPenelitian ini membahas tata kelola desa.\n\n\n\n\n",
                    12); /* "Info Artikel" takes the line after it as its value */
    /* sentences, not fields */
    const char *kept = "Diterima atau tidaknya usulan bergantung pada dinas.\n"
                       "Email merupakan media komunikasi pemerintah daerah.\n"
                       "Copyright law in Indonesia protects authors.\n"
                       "Published studies on paradiplomacy are few.\n"
                       "Sumber: DOI pada tabel 2.\n"
                       "Jurnal ini membahas kebijakan.\n"
                       "Volume produksi padi meningkat.\n";
    expect_info_cut(kept, kept, 0);
    /* affiliations (and the byline) before the abstract go; after it, or without one, such
     * lines stay */
    expect_info_cut("Judul Artikel\nBudi\xc2\xb9, Siti\xc2\xb2\n\xc2\xb9Universitas Gadjah Mada, "
                    "Yogyakarta\n2 Fakultas Ilmu Sosial, Universitas Airlangga\n\nAbstrak\nTeks.\n"
                    "Universitas Indonesia menjadi mitra.\n",
                    "Judul Artikel\n\n\n\n\nAbstrak\nTeks.\n"
                    "Universitas Indonesia menjadi mitra.\n",
                    3);
    expect_info_cut("Universitas Indonesia menjadi mitra.\n",
                    "Universitas Indonesia menjadi mitra.\n", 0);
    /* a journal's masthead: its name over its volume, or both on one line */
    expect_info_cut("Journal of Governance, Vol 3 (2), 2021\nTeks.\n", "\nTeks.\n", 1);
    /* a licence named inside a long paragraph is running text */
    struct jk_buf b;
    jk_buf_init(&b);
    for (int k = 0; k < 40; k++)
        jk_buf_adds(&b, "lisensi ");
    jk_buf_adds(&b, "Creative Commons dibahas dalam penelitian ini.\n");
    jk_buf_addc(&b, '\0');
    expect_info_cut(b.data, b.data, 0);
    jk_buf_release(&b);
}

/*
 * An article's byline, between its title and its abstract, goes: names with authors' marks
 * or a role, or over an affiliation or an e-mail address. The title, lines after the
 * abstract heading, lines with words in lower case and texts without an abstract keep theirs.
 */
static void test_bylines_dropped(void **state)
{
    (void)state;
    /* as the bundled article writes it, and as a university library's catalogue does */
    expect_info_cut("## Analisa Kegagalan Sister Cities\n\nNabila Safitri<sup>1</sup>, Sisilia "
                    "Putri Syafira<sup>2</sup>, Dyah Estu Kurniawati<sup>3</sup>\n\n### Abstract\n"
                    "Text.\n",
                    "## Analisa Kegagalan Sister Cities\n\n\n\n### Abstract\nText.\n", 1);
    expect_info_cut("# Peran paradiplomasi Jakarta-Beijing\n\nMelissa Aesthetica, author\n\n"
                    "Deskripsi Lengkap: <https://lib.ui.ac.id/detail?id=1>\n\n## Abstrak\nTeks.\n",
                    "# Peran paradiplomasi Jakarta-Beijing\n\n\n\nDeskripsi Lengkap: "
                    "<https://lib.ui.ac.id/detail?id=1>\n\n## Abstrak\nTeks.\n",
                    1);
    /* PDF text: digits and an asterisk; initials and particles; no mark over an affiliation
     * or an e-mail address */
    expect_info_cut("Kerja Sama Sister City*\nRahmat Hidayat1 dan Dewi Lestari2*\nM. Rizal bin "
                    "Ahmad\xc2\xb3\nABSTRAK\nTeks.\n",
                    "Kerja Sama Sister City*\n\n\nABSTRAK\nTeks.\n", 2);
    expect_info_cut(
        "Judul Artikel\nBudi Santoso, Siti Aminah\nUniversitas Andalas\nAbstrak\nTeks.\n",
        "Judul Artikel\n\n\nAbstrak\nTeks.\n", 2);
    expect_info_cut("Judul Artikel\nBudi Santoso\nbudi@unand.ac.id\nAbstrak\nTeks.\n",
                    "Judul Artikel\n\nbudi@unand.ac.id\nAbstrak\nTeks.\n", 1);
    /* these stay: a title's second line without a mark, a line with words in lower case or a
     * number, capitalised names after the abstract heading or with no abstract at all */
    const char *kept[] = {
        "Kerja Sama Sister City\nStudi Kasus Kota Padang\nAbstrak\nTeks.\n",
        "Judul Artikel\nPemerintah daerah dan masyarakat\xc2\xb9\nAbstrak\nTeks.\n",
        "Judul Artikel\nLaporan Tahun 2020\nAbstrak\nTeks.\n",
        "Judul Artikel\nAbstrak\nBudi Santoso\xc2\xb9, Siti Aminah\xc2\xb2\n",
        "Judul Artikel\nBudi Santoso\xc2\xb9, Siti Aminah\xc2\xb2\nTeks tanpa abstrak.\n",
        "Judul Artikel\nBudi author Santoso\xc2\xb9\nAbstrak\nTeks.\n"};
    for (size_t k = 0; k < sizeof(kept) / sizeof(*kept); k++)
        expect_info_cut(kept[k], kept[k], 0);
}

/* Where jk_title_start says the title of text starts: at the line that begins with want. */
static void expect_title(const char *text, const char *want)
{
    size_t at = jk_title_start(text, strlen(text));
    if (strncmp(text + at, want, strlen(want)) != 0) {
        print_error("title of '%.40s' at '%.40s', want '%s'\n", text, text + at, want);
        fail();
    }
}

/*
 * A document's title is its first line that is no article information and no title-page
 * boilerplate; with none such, its first line with text.
 */
static void test_title_skips_mastheads(void **state)
{
    (void)state;
    expect_title("\nJURNAL ILMU PEMERINTAHAN\nVol. 5 No. 2, Juli 2020\np-ISSN: 2502-8731\n"
                 "How to cite:\nBudi, A. (2020). Judul.\n\nImplementasi Kebijakan\n",
                 "Implementasi Kebijakan");
    expect_title("SKRIPSI\nMOTIF PARADIPLOMASI\nUNIVERSITAS ANDALAS\n", "MOTIF PARADIPLOMASI");
    expect_title("# Peran paradiplomasi\nMelissa, author\n", "# Peran paradiplomasi");
    expect_title("\n\nSKRIPSI\nUNIVERSITAS ANDALAS\n", "SKRIPSI");
    expect_title("", "");
    expect_title("   \n", "   ");
}

/*
 * Pandoc's Markdown of LibreOffice's .docx of libreoffice-footnotes.fodt: four
 * definitions that cite, wrapped and indented at 72 columns, go whole; the one
 * that explains stays.
 */
static void test_pandoc_footnotes_dropped(void **state)
{
    (void)state;
    struct jk_buf b;
    jk_buf_init(&b);
    tu_slurp(JK_TEST_DATA "/doc/pandoc-footnotes.md", &b);
    assert_int_equal(jk_drop_footnotes(&b), 4);
    jk_buf_addc(&b, '\0');
    const char *gone[] = {"Arfani", "Pearson", "Ibid", "Phinisi", "hlm."};
    for (size_t i = 0; i < sizeof(gone) / sizeof(*gone); i++)
        assert_null(strstr(b.data, gone[i]));
    assert_non_null(strstr(b.data, "[^5]: Kemitraan kota kembar adalah hubungan jangka panjang "
                                   "antara dua\n    kota di negara yang berbeda."));
    assert_non_null(strstr(b.data, "Kerja sama sister province dilakukan oleh pemerintah "
                                   "provinsi.[^5]"));
    jk_buf_release(&b);
}

static void test_footnotes_that_explain_stay(void **state)
{
    (void)state;
    /* footnotes in the author's own words, affiliations, e-mail addresses */
    expect_footnotes_kept("<sup>5</sup> Sister city adalah kemitraan antara dua kota.\n");
    expect_footnotes_kept("<sup>123</sup> Universitas Muhammadiyah Malang\n"
                          "<sup>1</sup>sisilsyafira@webmail.umm.ac.id\n");
    expect_footnotes_kept("<sup>6</sup> Pada 2019 kerja sama itu berakhir.\n");
    /* foreign words in emphasis, a word in quotation marks */
    expect_footnotes_kept("<sup>7</sup> *Sister city* adalah kemitraan antara dua kota.\n"
                          "<sup>8</sup> Istilah \"sister city\" berarti kota kembar.\n");
    /* numbered lists and headings, years, numbers in running text */
    expect_footnotes_kept("1. Riza Noer Arfani, \"Globalisasi\", 2004.\n"
                          "2 Tinjauan Pustaka\n"
                          "2019 Kota Bandung, tahun kerja sama, hlm. 4.\n"
                          "3 kota, yaitu Bandung, Malang dan Padang, sejak 2005.\n"
                          "Menurut Arfani (2004), globalisasi adalah penggabungan.\n");
    /* a page number, then a line of running text */
    expect_footnotes_kept("12\n\nKerja sama ini dimulai pada tahun 1993 dengan MoU.\n");
    /* a mark before a line too long for a footnote */
    struct jk_buf long_line;
    jk_buf_init(&long_line);
    jk_buf_adds(&long_line, "<sup>9</sup> Arfani, \"Globalisasi\", 2004");
    while (long_line.len <= 2048)
        jk_buf_adds(&long_line, " dan kerja sama daerah");
    expect_footnotes_kept(long_line.data);
    jk_buf_release(&long_line);
    /* marks that are no marks: unclosed, empty, four digits, at the end */
    expect_footnotes_kept("<sup>1 Arfani, \"Globalisasi\", 2004.\n<sup></sup> \"Judul\", 2004.\n"
                          "[^]: \"Judul\", 2004.\n1234 Arfani, \"Globalisasi\", 2004.\n12");
    expect_footnotes_kept("");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_copyright_statements_cut),
        cmocka_unit_test(test_copyright_only_at_the_end),
        cmocka_unit_test(test_structured_abstract_labels_dropped),
        cmocka_unit_test(test_record_text_without_copyright),
        cmocka_unit_test(test_keep_abstract),
        cmocka_unit_test(test_reference_list_dropped),
        cmocka_unit_test(test_a_file_that_is_a_reference_list),
        cmocka_unit_test(test_part_names_of_files),
        cmocka_unit_test(test_abstract_parts),
        cmocka_unit_test(test_thesis_front_matter_dropped),
        cmocka_unit_test(test_footnotes_citing_sources_dropped),
        cmocka_unit_test(test_footnotes_citing_laws_dropped),
        cmocka_unit_test(test_pandoc_footnotes_dropped),
        cmocka_unit_test(test_article_info_dropped),
        cmocka_unit_test(test_bylines_dropped),
        cmocka_unit_test(test_title_skips_mastheads),
        cmocka_unit_test(test_footnotes_that_explain_stay),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
