/*
 * Tests for stage 2, cleaning (src/clean.c). The inputs are debris copied from
 * the bundled corpus (the .md and .txt files in corpus/); the last tests clean every
 * corpus file whole and check the output invariants documented in clean.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#include "clean.h"

#ifndef JK_SOURCE_DIR
#define JK_SOURCE_DIR "."
#endif
#ifndef JK_TEST_DATA
#define JK_TEST_DATA "tests/data"
#endif

/* A word list for known(); remembers what the cleaner asked. */
struct lexicon {
    const char *const *words;
    char asked[8][64];
    size_t n_asked;
};

static bool lexicon_has(void *ctx, const char *word, size_t len)
{
    struct lexicon *lx = ctx;
    assert_int_equal(strlen(word), len);
    if (lx->n_asked < 8)
        snprintf(lx->asked[lx->n_asked++], sizeof(lx->asked[0]), "%s", word);
    for (size_t k = 0; lx->words && lx->words[k]; k++)
        if (!strcmp(lx->words[k], word))
            return true;
    return false;
}

/* The output invariants of jk_clean (see clean.h). */
static void check_invariants(const char *s, size_t n)
{
    assert_int_equal(strlen(s), n);
    if (n == 0)
        return;
    assert_false(s[0] == ' ' || s[0] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\n');
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, n - i, &cp);
        assert_true(k > 0);
        assert_true((cp >= 0x20 && cp != 0x7f) || cp == '\n');
        if (cp == ' ')
            assert_true(s[i + 1] != ' ' && s[i + 1] != '\n');
        if (cp == '\n') {
            assert_true(s[i + 1] == '\n' && s[i + 2] != '\n' && s[i + 2] != ' ');
            k = 2;
        }
        i += (size_t)k;
    }
}

static char *clean_with(const char *text, size_t len, jk_known_word_fn known, void *ctx)
{
    struct jk_buf out;
    jk_buf_init(&out);
    jk_clean(text, len, &out, known, ctx);
    check_invariants(out.data, out.len);
    return jk_buf_detach(&out, NULL);
}

static void expect_clean(const char *text, const char *expected)
{
    char *got = clean_with(text, strlen(text), NULL, NULL);
    bool same = strcmp(got, expected) == 0;
    if (!same)
        print_error("got      \"%s\"\nexpected \"%s\"\n", got, expected);
    free(got);
    assert_true(same);
}

static void test_sup_marks_and_email(void **state)
{
    (void)state;
    expect_clean("## Analisa Faktor Penyebab Kegagalan Sister Cities di Indonesia\n\n"
                 "Nabila Safitri<sup>1</sup>, Sisilia Putri Syafira<sup>2</sup>, Dyah Estu "
                 "Kurniawati<sup>3</sup>\n\n"
                 "<sup>123</sup> Universitas Muhammadiyah Malang\n\n"
                 "<sup>1</sup>sisilsyafira@webmail.umm.ac.id\n\n"
                 "### Abstract\n",
                 "Analisa Faktor Penyebab Kegagalan Sister Cities di Indonesia\n\n"
                 "Nabila Safitri, Sisilia Putri Syafira, Dyah Estu Kurniawati\n\n"
                 "Universitas Muhammadiyah Malang\n\n"
                 "Abstract");
    expect_clean("sektor.<sup>1</sup> Globalisasi memudahkan", "sektor. Globalisasi memudahkan");
    expect_clean("Self Government 1<sup>st</sup> edition", "Self Government 1 edition");
    expect_clean("hubungi kami di tim.redaksi@ui.ac.id.", "hubungi kami di .");
}

static void test_heading_and_emphasis(void **state)
{
    (void)state;
    expect_clean("### Abstrak\n\nPenelitian ini bertujuan untuk menganalisa terjadinya kegagalan "
                 "kerjasama *sister city*. Penelitian ini difokuskan\n\n"
                 "**Kata Kunci:** *Kerjasama; Kebijakan; Daerah; Sister City*\n\n"
                 "### **Kesimpulan**\n",
                 "Abstrak\n\nPenelitian ini bertujuan untuk menganalisa terjadinya kegagalan "
                 "kerjasama sister city. Penelitian ini difokuskan\n\n"
                 "Kata Kunci: Kerjasama; Kebijakan; Daerah; Sister City\n\nKesimpulan");
    expect_clean("# BAB I\n## PENDAHULUAN\nteks", "BAB I\n\nPENDAHULUAN\n\nteks");
    expect_clean("aktor lokal atau *sub-state actor* ini", "aktor lokal atau sub-state actor ini");
    expect_clean("(Purnawan *et al.*, n.d.)", "(Purnawan et al., n.d.)");
    expect_clean("snake_case dan __tebal__ dan a * b", "snake_case dan tebal dan a * b");
    expect_clean("C# dan #tagar ## Judul ##", "C# dan #tagar ## Judul ##");
    expect_clean("## Judul ##\nisi", "Judul\n\nisi");
}

static void test_autolink_and_rule(void **state)
{
    (void)state;
    expect_clean(
        "Baiq Iza Azqiya, author\n\n"
        "Deskripsi Lengkap: <https://lib.ui.ac.id/detail?id=9999920517141&lokasi=lokal>\n\n"
        "---\n\n## Abstrak\n\nPraktik paradiplomasi",
        "Baiq Iza Azqiya, author\n\nDeskripsi Lengkap:\n\nAbstrak\n\nPraktik paradiplomasi");
    expect_clean(
        "diakses pada 7 Juni 2023, <https://sistercities.org/about-us/what-is-a-sister-city-3/>.",
        "diakses pada 7 Juni 2023, .");
    expect_clean("lihat https://www.sumbarprov.go.id/home/news/22577-cetak. Lalu www.ui.ac.id juga",
                 "lihat . Lalu juga");
}

/* A bare DOI goes like a URL; numbers that only look alike stay. */
static void test_bare_doi(void **state)
{
    (void)state;
    expect_clean("DOI: 10.31289/jppuma.v8i1.3150. Lalu doi:10.1000.10/abc-1 dan (10.5555/x) juga",
                 "DOI: . Lalu dan () juga");
    expect_clean("naik 10.5 persen, 10.20/2021 dan 10.123/45 serta 10.1234/ saja",
                 "naik 10.5 persen, 10.20/2021 dan 10.123/45 serta 10.1234/ saja");
}

static void test_url_broken_over_lines(void **state)
{
    (void)state;
    expect_clean(
        "Biro Kerjasama dan SDA SETDA NTB, dalam http://birokerjasama.ntbprov.go.id/wp-\n"
        "content/iploads/2016/02/C.8.1.pdf.  Diakses pada tanggal 25 Desember 2016.",
        "Biro Kerjasama dan SDA SETDA NTB, dalam . Diakses pada tanggal 25 Desember 2016.");
    expect_clean("lihat http://a.id/x\nlanjutan biasa", "lihat lanjutan biasa");
}

static void test_reduplication_joins(void **state)
{
    (void)state;
    expect_clean("adalah dinas-\ndinas SKPD", "adalah dinas-dinas SKPD");
    expect_clean("di sektor dinas masing-\nmasing dan", "di sektor dinas masing-masing dan");
    expect_clean("Dinas-\ndinas terkait", "Dinas-dinas terkait");
    expect_clean("kepentingan negara-\nnegaranya", "kepentingan negara-negaranya");
    expect_clean("anak-anak bermain-\nmain", "anak-anak bermain-main");
}

static void test_hyphen_join_with_known(void **state)
{
    (void)state;
    const char *const words[] = {"pelaksanaan", "sub-state", NULL};
    struct lexicon lx = {words, {{0}}, 0};
    const char *text = "tingkat pelaksa-\nnaan kerjasama";
    char *got = clean_with(text, strlen(text), lexicon_has, &lx);
    assert_string_equal(got, "tingkat pelaksanaan kerjasama");
    assert_int_equal(lx.n_asked, 1);
    assert_string_equal(lx.asked[0], "pelaksanaan");
    free(got);

    lx.n_asked = 0;
    text = "Pelaksa-\nnaan";
    got = clean_with(text, strlen(text), lexicon_has, &lx);
    assert_string_equal(got, "Pelaksanaan");
    assert_string_equal(lx.asked[0], "pelaksanaan"); /* asked in lower case */
    free(got);

    lx.n_asked = 0;
    text = "aktor sub-\nstate ini";
    got = clean_with(text, strlen(text), lexicon_has, &lx);
    assert_string_equal(got, "aktor sub-state ini");
    assert_int_equal(lx.n_asked, 2);
    assert_string_equal(lx.asked[0], "substate");
    assert_string_equal(lx.asked[1], "sub-state");
    free(got);
}

static void test_hyphen_join_fallback(void **state)
{
    (void)state;
    /* Nothing known: a lower-case second half is a typeset syllable break. */
    const char *const none[] = {NULL};
    struct lexicon lx = {none, {{0}}, 0};
    const char *text = "tingkat pelaksa-\nnaan kerjasama";
    char *got = clean_with(text, strlen(text), lexicon_has, &lx);
    assert_string_equal(got, "tingkat pelaksanaan kerjasama");
    assert_int_equal(lx.n_asked, 2);
    free(got);
    expect_clean("tingkat pelaksa-\nnaan kerjasama", "tingkat pelaksanaan kerjasama");
    expect_clean("aktor sub-\nstate ini", "aktor substate ini");
    /* Names, acronyms and numbers keep their hyphen. */
    expect_clean("Provinsi Jeollabuk-\nDo", "Provinsi Jeollabuk-Do");
    expect_clean("pandemi COVID-\n19 melanda", "pandemi COVID-19 melanda");
    expect_clean("tahun 2014-\n2015", "tahun 2014-2015");
    /* A dash after a space is punctuation, not a broken word. */
    expect_clean("antara Jawa Barat -\nAustralia Selatan", "antara Jawa Barat - Australia Selatan");
    expect_clean("kata-\n(lanjut)", "kata- (lanjut)");
}

static void test_wrap_without_hyphen(void **state)
{
    (void)state;
    expect_clean("sektor dinas masing\nmasing dan", "sektor dinas masing masing dan");
    expect_clean("Satu\r\ndua\r\n\r\nTiga", "Satu dua\n\nTiga");
}

static void test_footnote_numbers(void **state)
{
    (void)state;
    expect_clean("kesuksesan program.1 Oleh karena itu", "kesuksesan program. Oleh karena itu");
    expect_clean("adalah dinas-dinas2 terkait", "adalah dinas-dinas terkait");
    expect_clean("pemerintah provinsi NTB.7 Kerjasama ini",
                 "pemerintah provinsi NTB. Kerjasama ini");
    expect_clean("potensi daerah yang dimilikinya.2 Secara",
                 "potensi daerah yang dimilikinya. Secara");
    expect_clean("kata¹ lain²", "kata lain");
    /* Years, counts, numbering and citations stay. */
    const char *keep = "tahun 2019 dari 20 jurnal, COVID-19 dan Covid-19, Jawa Tengah No.4 Tahun "
                       "2010, Vol.2, No.1, (2020), Hal.20. LP3ES 1960-an 3.5 dan 1,5 G20";
    expect_clean(keep, keep);
}

static void test_number_only_lines(void **state)
{
    (void)state;
    expect_clean("pemerintah provinsi Nusa Tenggara Barat. \n\n \n\n"
                 "                                                           \n1\n"
                 "Hasil wawancara dengan informan",
                 "pemerintah provinsi Nusa Tenggara Barat.\n\nHasil wawancara dengan informan");
    expect_clean("akhir halaman\n\n12\n\nawal halaman", "akhir halaman\n\nawal halaman");
}

/* The first page of corpus/tesis-ntb-zhejiang-bab4.txt: a blank line after every line. */
static const char pdf_page[] =
    " BAB IV \n"
    "\n"
    "HAMBATAN KERJASAMA SISTER PROVINCE NTB-\n"
    "\n"
    "ZHEJIANG \n"
    "\n"
    "Bab ini menguraikan tentang beberapa hambatan yang dihadapi oleh \n"
    "\n"
    "Pemerintah Provinsi Nusa Tenggara Barat dalam membangun \n"
    "\n"
    "kerjasama Sister Province dengan Pemerintah Provinsi Zhejiang RRT. \n"
    "\n"
    "A. Kerjasama Sister Province NTB Dengan Zhejiang 2014-2015 \n"
    "\n"
    "Dalam setiap kerjasama yang di lakukan antar pemerintah \n"
    "\n"
    "negara maupun pemerintah provinsi, kabupaten dan kota jelas memiliki \n"
    "\n"
    "berbagai faktor hambatan yang menjadi bentuk belum optimalnya suatu \n"
    "\n"
    "pelaksanaan kerjasama antar daerah provinsi, kabupaten/kota walaupun \n"
    "\n"
    "otonomi daerah memberikan peluang yang sangat besar kepada daerah \n"
    "\n"
    "untuk melaksanakan pembangunan diberbagai sektor dengan prinsip \n"
    "\n"
    "desentralisasi berbagai kewenangan. Daerah dapat melaksanakan \n"
    "\n"
    "berbagai keputusan yang sangat penting yang sesuai dengan kebutuhan \n"
    "\n"
    "masing-masing daerahnya. \n"
    "\n"
    "Keberhasilan otonomi daerah tersebut sangat ditentukan oleh \n"
    "\n"
    "kemampuan daerah, dalam hal ini daerah diharapkan untuk memiliki \n"
    "\n";

static void test_double_spaced_pdf(void **state)
{
    (void)state;
    expect_clean(pdf_page,
                 "BAB IV\n\n"
                 "HAMBATAN KERJASAMA SISTER PROVINCE NTB-ZHEJIANG\n\n"
                 "Bab ini menguraikan tentang beberapa hambatan yang dihadapi oleh Pemerintah "
                 "Provinsi Nusa Tenggara Barat dalam membangun kerjasama Sister Province dengan "
                 "Pemerintah Provinsi Zhejiang RRT.\n\n"
                 "Kerjasama Sister Province NTB Dengan Zhejiang 2014-2015\n\n"
                 "Dalam setiap kerjasama yang di lakukan antar pemerintah negara maupun pemerintah "
                 "provinsi, kabupaten dan kota jelas memiliki berbagai faktor hambatan yang "
                 "menjadi bentuk belum optimalnya suatu pelaksanaan kerjasama antar daerah "
                 "provinsi, kabupaten/kota walaupun otonomi daerah memberikan peluang yang sangat "
                 "besar kepada daerah untuk melaksanakan pembangunan diberbagai sektor dengan "
                 "prinsip desentralisasi berbagai kewenangan. Daerah dapat melaksanakan berbagai "
                 "keputusan yang sangat penting yang sesuai dengan kebutuhan masing-masing "
                 "daerahnya.\n\n"
                 "Keberhasilan otonomi daerah tersebut sangat ditentukan oleh kemampuan daerah, "
                 "dalam hal ini daerah diharapkan untuk memiliki");
}

static void test_double_spaced_pdf_joins(void **state)
{
    (void)state;
    /* corpus/tesis-ntb-zhejiang-bab4.txt lines 146-164, with two blank lines at the end. */
    expect_clean("program yang di tawarkan oleh pemerintah Provinsi Zhejiang dalam \n\n"
                 "rangka Kerjasama ini sangat aktif di laksanakan dan direspon karena \n\n"
                 "semua pihak termasuk dinas SKPD memberikan perhatian penuh untuk \n\n"
                 "program yang terdapat dalam bagian tersebut. Namun, setelah \n\n"
                 "banyak program yang tidak terlaksana dengan \n\n"
                 "baik walaupun pada dasarnya pemerintah hanya sebagai penghubung \n\n"
                 "dalam kegiatan ini dan yang diharapkan untuk lebih aktif adalah dinas-\n\n"
                 "dinas SKPD (Satuan Kerja Perangkat Daerah) terkait yang harusnya \n\n"
                 "utkan kesempatan kerjasama di sektor dinas masing-\n\n"
                 "masing dan kemudian di teruskan pada masyarakat. Secara lebih jelas \n\n"
                 "program yang sudah berjalan sesuai hasil wawancara, sebagai \n\n\n"
                 "Dalam hal ini bentuk kerjasama antar daerah meurut Permendagri No. \n\n"
                 "03 Tahun 2008 tentang Pedoman Pelaksanaan Kerjasama Daerah \n",
                 "program yang di tawarkan oleh pemerintah Provinsi Zhejiang dalam rangka "
                 "Kerjasama ini sangat aktif di laksanakan dan direspon karena semua pihak "
                 "termasuk dinas SKPD memberikan perhatian penuh untuk program yang terdapat "
                 "dalam bagian tersebut. Namun, setelah banyak program yang tidak terlaksana "
                 "dengan baik walaupun pada dasarnya pemerintah hanya sebagai penghubung dalam "
                 "kegiatan ini dan yang diharapkan untuk lebih aktif adalah dinas-dinas SKPD "
                 "(Satuan Kerja Perangkat Daerah) terkait yang harusnya utkan kesempatan "
                 "kerjasama di sektor dinas masing-masing dan kemudian di teruskan pada "
                 "masyarakat. Secara lebih jelas program yang sudah berjalan sesuai hasil "
                 "wawancara, sebagai\n\n"
                 "Dalam hal ini bentuk kerjasama antar daerah meurut Permendagri No. 03 Tahun "
                 "2008 tentang Pedoman Pelaksanaan Kerjasama Daerah");
}

static void test_markdown_paragraphs(void **state)
{
    (void)state;
    /* Blank lines between Markdown paragraphs are boundaries... */
    expect_clean("Tujuannya adalah untuk mengungkap faktor-faktor yang menyebabkan kesulitan "
                 "tersebut.\n\nHasil penelitian menunjukkan bahwa kebijakan\n\n.....\n\n"
                 "The process of globalization",
                 "Tujuannya adalah untuk mengungkap faktor-faktor yang menyebabkan kesulitan "
                 "tersebut.\n\nHasil penelitian menunjukkan bahwa kebijakan\n\nThe process of "
                 "globalization");
    /* ...except a page break inside a sentence (safitri and azqiya). */
    expect_clean("dua pihak lokal dalam lingkungan yang\n\nglobal. *Sister city* juga dijadikan",
                 "dua pihak lokal dalam lingkungan yang global. Sister city juga dijadikan");
    expect_clean("are classified into two sides, first,\n\nexternal factors which include",
                 "are classified into two sides, first, external factors which include");
    expect_clean("Deskripsi Lengkap\n\nabstrak", "Deskripsi Lengkap\n\nabstrak");
}

static void test_links_entities_tags(void **state)
{
    (void)state;
    expect_clean("lihat [laman resmi](https://kerja.sama.bandung.go.id/ksln/ksdpl) kota",
                 "lihat laman resmi kota");
    expect_clean("![Gambar 1](img/fig1.png) Korelasi [^3] dan [12] serta [catatan]",
                 "Korelasi dan serta [catatan]");
    expect_clean("R&amp;D&nbsp;kota &lt;b&gt; 51&#8211;58 &#x2013; &bogus; R&D",
                 "R&D kota <b> 51\u201358 \u2013 R&D");
    expect_clean("<b>Faktor Internal</b>\t<b>Faktor Eksternal</b>",
                 "Faktor Internal\n\nFaktor Eksternal");
    expect_clean("<p>satu</p><p>dua<br>tiga</p> <!-- image --> empat <a href=\"x\">lima</a>",
                 "satu\n\ndua tiga\n\nempat lima");
    expect_clean("nilai < 5 dan a<b", "nilai < 5 dan a<b");
    expect_clean("tanda \\*bintang\\* tetap\\", "tanda *bintang* tetap");
}

static void test_tables_and_lists(void **state)
{
    (void)state;
    expect_clean("| Faktor Internal | Faktor Eksternal |\n|---|:---:|\n"
                 "| Kurangnya komunikasi | Adanya pandemi Covid-19 |\nSetelah tabel",
                 "Faktor Internal\n\nFaktor Eksternal\n\nKurangnya komunikasi\n\nAdanya pandemi "
                 "Covid-19\n\nSetelah tabel");
    expect_clean("Kurangnya komunikasi\tAdanya perubahan kebijakan kedua kota\n"
                 "Masih rendahnya SDM pemerintah kota\tAdanya kebijakan Level global\n",
                 "Kurangnya komunikasi\n\nAdanya perubahan kebijakan kedua kota\n\n"
                 "Masih rendahnya SDM pemerintah kota\n\nAdanya kebijakan Level global");
    expect_clean("sebagai berikut:\n- Reduksi Data\n- Penyajian Data\n"
                 "1. Ekonomi: Suatu wilayah\nberusaha menarik investasi\n"
                 "a.  Kejahatan Transnasional Terorganisasi (TOC)\nKejahatan ini",
                 "sebagai berikut:\n\nReduksi Data\n\nPenyajian Data\n\n"
                 "Ekonomi: Suatu wilayah berusaha menarik investasi\n\n"
                 "Kejahatan Transnasional Terorganisasi (TOC)\n\nKejahatan ini");
    expect_clean("> kutipan\n> berlanjut", "kutipan berlanjut");
}

static void test_heading_like_lines(void **state)
{
    (void)state;
    /* Single-spaced PDF text: Title Case after a sentence end, then a capital. */
    expect_clean("kesuksesan program.\nKerjasama Sister Province NTB Dengan Zhejiang\n"
                 "Dalam setiap kerjasama",
                 "kesuksesan program. Kerjasama Sister Province NTB Dengan Zhejiang\n\n"
                 "Dalam setiap kerjasama");
    /* Not after a sentence end, or with an ordinary lower-case word: prose. */
    expect_clean("yang dilakukan antara\nPemerintah Provinsi Nusa Tenggara Barat dengan Pemerintah "
                 "Provinsi\nZhejiang RRT",
                 "yang dilakukan antara Pemerintah Provinsi Nusa Tenggara Barat dengan Pemerintah "
                 "Provinsi Zhejiang RRT");
    expect_clean(
        "ini.\nTerbentuknya kerjasama Sister Province antara Provinsi Nusa\nTenggara Barat",
        "ini. Terbentuknya kerjasama Sister Province antara Provinsi Nusa Tenggara Barat");
}

static void test_controls_and_invalid_utf8(void **state)
{
    (void)state;
    const char text[] = "a\xff b\x01"
                        "c\0d\xc2\xa0"
                        "e\xe2\x80\x8b"
                        "f\xc2\xad"
                        "g";
    char *got = clean_with(text, sizeof(text) - 1, NULL, NULL);
    assert_string_equal(got, "a\xEF\xBF\xBD b c d efg");
    free(got);
    expect_clean("", "");
    expect_clean(" \n\n \t\n", "");
    expect_clean("<sup>1</sup>", "");
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    struct jk_buf b;
    jk_buf_init(&b);
    char tmp[8192];
    size_t k;
    while ((k = fread(tmp, 1, sizeof(tmp), f)) > 0)
        jk_buf_add(&b, tmp, k);
    fclose(f);
    return jk_buf_detach(&b, len);
}

static const char *const corpus_files[] = {
    "aesthetica-jakarta-beijing.md",      "azqiya-ntb-kujawsko-pomorskie.md",
    "safitri-kegagalan-sister-cities.md", "skripsi-sumbar-jeollabuk-do-bab1.md",
    "tesis-ntb-zhejiang-bab4.txt",        NULL};

static char *clean_corpus_file(const char *name, jk_known_word_fn known, void *ctx)
{
    char path[1024];
    size_t len;
    snprintf(path, sizeof(path), "%s/corpus/%s", JK_SOURCE_DIR, name);
    char *text = read_file(path, &len);
    char *out = clean_with(text, len, known, ctx);
    free(text);
    return out;
}

static void test_corpus_files_have_no_debris(void **state)
{
    (void)state;
    const char *const debris[] = {"<sup", "</", "http", "www.", "@", "**", "##", "\t", NULL};
    struct lexicon lx = {NULL, {{0}}, 0};
    for (size_t f = 0; corpus_files[f]; f++) {
        for (int pass = 0; pass < 2; pass++) {
            char *out = clean_corpus_file(corpus_files[f], pass ? lexicon_has : NULL, &lx);
            for (size_t d = 0; debris[d]; d++)
                if (strstr(out, debris[d]))
                    fail_msg("'%s' left in cleaned %s", debris[d], corpus_files[f]);
            free(out);
        }
    }
}

static void test_corpus_excerpts(void **state)
{
    (void)state;
    char *out = clean_corpus_file("tesis-ntb-zhejiang-bab4.txt", NULL, NULL);
    assert_non_null(strstr(out, "BAB IV\n\nHAMBATAN KERJASAMA SISTER PROVINCE NTB-ZHEJIANG\n\n"));
    assert_non_null(strstr(out, "lebih aktif adalah dinas-dinas SKPD"));
    assert_non_null(strstr(out, "lebih aktif adalah dinas dinas SKPD")); /* no hyphen */
    assert_non_null(strstr(out, "kesuksesan program. Oleh karena itu"));
    assert_non_null(strstr(out, "Permendagri No. 03 Tahun 2008"));
    assert_null(strstr(out, "Pemerintah Provinsi\n\n"));
    free(out);
    out = clean_corpus_file("safitri-kegagalan-sister-cities.md", NULL, NULL);
    assert_non_null(strstr(out, "Nabila Safitri, Sisilia Putri Syafira, Dyah Estu Kurniawati"));
    assert_non_null(strstr(out, "lingkungan yang global. Sister city juga"));
    free(out);
    out = clean_corpus_file("skripsi-sumbar-jeollabuk-do-bab1.md", NULL, NULL);
    assert_non_null(strstr(out, "sektor. Globalisasi memudahkan"));
    assert_null(strstr(out, "---"));
    free(out);
}

/* Inputs that would make a careless scanner quadratic; 2 MB each. */
static void test_linear_on_pathological_input(void **state)
{
    (void)state;
    static const char *const units[] = {"[",      "<a",       "&",    "*_",    "a@",
                                        "www.",   "-\n",      "x.1 ", "<sup>", "](",
                                        "a-\n\n", "\xe2\x80", "A\n",  "<!--",  NULL};
    size_t size = 2u << 20;
    clock_t begin = clock();
    for (size_t u = 0; units[u]; u++) {
        size_t k = strlen(units[u]);
        char *text = malloc(size);
        for (size_t i = 0; i < size; i++)
            text[i] = units[u][i % k];
        char *out = clean_with(text, size, NULL, NULL);
        free(out);
        free(text);
    }
    double seconds = (double)(clock() - begin) / CLOCKS_PER_SEC;
    assert_true(seconds < 60.0); /* quadratic would take hours */
}

/* ---- inputs found by the fuzz target fuzz/fuzz_clean.c (tests/data/fuzz/clean/) ---- */

/*
 * A hyphenated line break whose halves outgrow the scratch buffer: asking
 * known() copied from the buffer while growing it (a use after free).
 */
static void test_fuzz_hyphen_join_long_halves(void **state)
{
    (void)state;
    size_t len;
    char *text = read_file(JK_TEST_DATA "/fuzz/clean/hyphen-long-halves.txt", &len);
    struct lexicon lx = {0};
    char *got = clean_with(text, len, lexicon_has, &lx);
    assert_int_equal(lx.n_asked, 2);
    assert_string_equal(lx.asked[0], "laksazzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzn");
    assert_string_equal(lx.asked[1], "laksa-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzn");
    assert_non_null(strstr(got, "laksazzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzn"));
    free(got);
    free(text);
}

/* A Markdown escape before DEL wrote the DEL control character out. */
static void test_fuzz_escaped_del(void **state)
{
    (void)state;
    size_t len;
    char *text = read_file(JK_TEST_DATA "/fuzz/clean/escaped-del.txt", &len);
    char *got = clean_with(text, len, NULL, NULL);
    assert_null(strchr(got, 0x7f));
    free(got);
    free(text);
    expect_clean("a \\\x7f b", "a \\ b"); /* the backslash stays, DEL is a space */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sup_marks_and_email),
        cmocka_unit_test(test_heading_and_emphasis),
        cmocka_unit_test(test_autolink_and_rule),
        cmocka_unit_test(test_bare_doi),
        cmocka_unit_test(test_url_broken_over_lines),
        cmocka_unit_test(test_reduplication_joins),
        cmocka_unit_test(test_hyphen_join_with_known),
        cmocka_unit_test(test_hyphen_join_fallback),
        cmocka_unit_test(test_wrap_without_hyphen),
        cmocka_unit_test(test_footnote_numbers),
        cmocka_unit_test(test_number_only_lines),
        cmocka_unit_test(test_double_spaced_pdf),
        cmocka_unit_test(test_double_spaced_pdf_joins),
        cmocka_unit_test(test_markdown_paragraphs),
        cmocka_unit_test(test_links_entities_tags),
        cmocka_unit_test(test_tables_and_lists),
        cmocka_unit_test(test_heading_like_lines),
        cmocka_unit_test(test_controls_and_invalid_utf8),
        cmocka_unit_test(test_corpus_files_have_no_debris),
        cmocka_unit_test(test_corpus_excerpts),
        cmocka_unit_test(test_linear_on_pathological_input),
        cmocka_unit_test(test_fuzz_hyphen_join_long_halves),
        cmocka_unit_test(test_fuzz_escaped_del),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
