/* Tests of src/read_rtf: the body text of RTF documents, from LibreOffice's and from hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read_rtf.h"
#include "testutil.h"

/* The text read from rtf (which must be RTF), after an "x" the buffer held. */
static void expect_text(const char *rtf, size_t len, const char *want)
{
    struct jk_buf text;
    jk_buf_init(&text);
    jk_buf_adds(&text, "x");
    assert_true(jk_rtf_text(rtf, len, &text));
    jk_buf_addc(&text, '\0');
    if (strcmp(text.data + 1, want) != 0) {
        print_error("got '%s'\nwant '%s'\n", text.data + 1, want);
        fail();
    }
    assert_true(text.data[0] == 'x');
    jk_buf_release(&text);
}

#define EXPECT(rtf, want) expect_text(rtf, sizeof(rtf) - 1, want)

/* The text of tests/data/doc/name. */
static void expect_file(const char *name, const char *want)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/doc/%s", JK_TEST_DATA, name);
    struct jk_buf file;
    jk_buf_init(&file);
    tu_slurp(path, &file);
    expect_text(file.data, file.len, want);
    jk_buf_release(&file);
}

/* LibreOffice 7.4's .rtf of tests/data/doc/libreoffice-rich.fodt: the same text as its .doc. */
static void test_file_libreoffice_wrote(void **state)
{
    (void)state;
    struct jk_buf file;
    jk_buf_init(&file);
    tu_slurp(JK_TEST_DATA "/doc/libreoffice-rich.rtf", &file);
    assert_true(jk_is_rtf(file.data, file.len));
    expect_text(file.data, file.len,
                "Kerja Sama Pemerintah Daerah\n"
                "Pemerintah daerah menjalin kerja sama luar negeri dengan kota kembar.\n"
                "Unicode: \xE1\xB9\xAD"
                "abaqah \xE2\x89\xA5 5 \xE2\x80\x94 \xE2\x80\x9Ckutip\xE2\x80\x9D "
                "\xF0\x9F\x98\x80 \xE4\xB8\xAD\xE6\x96\x87 \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A; "
                "tanda-hubung-tak-putus dan tab\tdi sini.\n"
                "Baris satu\nbaris dua.\n"
                "sel satu\nsel dua\n\nsel tiga\nsel empat\n\n"
                "Lihat halaman 1 dan tanggal 11/23/26.\n"
                "Akhir dokumen.\n");
    jk_buf_release(&file);
}

/*
 * LibreOffice 7.4's .rtf of tests/data/doc/libreoffice-tracked.fodt: text that tracked changes
 * deleted is left out, inserted text is kept.
 */
static void test_tracked_changes_libreoffice_wrote(void **state)
{
    (void)state;
    expect_file("libreoffice-tracked.rtf", "Pemerintah daerah menyusun kebijakan baru kerja sama.\n"
                                           "Kota kembar berbagi pengalaman. Akhir dokumen.\n");
}

/* \deleted holds in its group, until \deleted0 or \plain; a deleted \uN is not read either. */
static void test_deleted_text(void **state)
{
    (void)state;
    EXPECT("{\\rtf1 a {\\deleted\\revauthdel1 lama\\par} b}", "a  b");
    EXPECT("{\\rtf1 a \\deleted lama \\deleted0 b\\deleted1 x\\plain  c}", "a b c");
    EXPECT("{\\rtf1 {\\deleted caf\\u233? \\'e9{\\b tebal}}ok}", "ok");
    EXPECT("{\\rtf1 {\\deleted {\\revised baru}}{\\revised sisip}}", "sisip");
}

/* Hidden text (\v) is left out like deleted text: until its group ends, \v0 or \plain. */
static void test_hidden_text(void **state)
{
    (void)state;
    EXPECT("{\\rtf1 kota {\\v catatan\\u233?}kembar \\v rahasia\\v0 sister\\v x\\plain  city}",
           "kota kembar sister city");
    expect_file("libreoffice-hidden.rtf", /* LibreOffice 7.4's */
                "Pemerintah daerah menyusun kebijakan kerja sama.\nAkhir dokumen.\n");
    /* named styles that hide text: LibreOffice writes their \v in each run and paragraph */
    expect_file("libreoffice-named-hidden.rtf",
                "Pemerintah daerah menyusun kebijakan turunan gaya tersembunyi kerja sama.\n"
                "Akhir dokumen.\n");
}

/*
 * \'hh bytes are in the code page of the current font's character set, as Word writes text in
 * Arabic (quotations in Islamic studies), Cyrillic or Greek: \fcharsetN in the font table,
 * else the document's \ansicpgN (1252 unless set). Double-byte sets (Chinese, Japanese,
 * Korean) are not decoded: U+FFFD.
 */
static void test_code_pages(void **state)
{
    (void)state;
    EXPECT("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman\\fcharset0 Times;}"
           "{\\f1\\fnil\\fcharset178 Traditional Arabic;}{\\f277\\fcharset204 Cyr;}"
           "{\\f3\\fcharset134 SimSun;}}"
           "\\f0 caf\\'e9 {\\f1 \\'c7\\'e1\\'e1\\'e5} {\\f277 \\'cc\\'e8\\'f0} {\\f3 "
           "\\'d6\\'d0}\\'e9}",
           "caf\xC3\xA9 \xD8\xA7\xD9\x84\xD9\x84\xD9\x87 \xD0\x9C\xD0\xB8\xD1\x80 "
           "\xE4\xB8\xAD\xC3\xA9"); /* café الله Мир 中é */
    EXPECT("{\\rtf1\\ansi\\ansicpg1251 \\'cc\\'e8\\'f0}", "\xD0\x9C\xD0\xB8\xD1\x80");
    /* text before any \fN, and after \plain, is in the default font; unknown fonts and code
     * pages read as the document's */
    EXPECT("{\\rtf1\\deff1{\\fonttbl{\\f0\\fcharset0 A;}{\\f1\\fcharset161 Greek;}}"
           "\\'e1{\\f0 \\'e1\\plain \\'e1}{\\f9 \\'e1}}",
           "\xCE\xB1\xC3\xA1\xCE\xB1\xC3\xA1"); /* α á α á */
    EXPECT("{\\rtf1\\ansicpg99999 \\'e9{\\fonttbl{\\f0\\cpg1253 X;}}\\f0 \\'e1}",
           "\xC3\xA9\xCE\xB1");
}

/*
 * Chinese, Japanese and Korean fonts write a character in two bytes, lead then trail (a
 * trail byte may be an escaped brace); Word 97 writes them so without \uN. A lead byte
 * without its trail is U+FFFD; \uN's fallback bytes are skipped as bytes.
 */
static void test_double_byte_code_pages(void **state)
{
    (void)state;
    const char *fonts =
        "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\fcharset0 Times;}{\\f1\\fcharset134 SimSun;}"
        "{\\f2\\fcharset128 MS Mincho;}{\\f3\\fcharset136 MingLiU;}"
        "{\\f4\\fcharset129 Batang;}}";
    char doc[512];
    snprintf(doc, sizeof(doc),
             "%s{\\f1 \\'d6\\'d0\\'b9\\'fa} {\\f2 \\'93\\'fa\\'96\\'7b \\'93\\'fa\\'96\\{ \\'b1}"
             " {\\f3 \\'a4\\'a4\\'b0\\'ea} {\\f4 \\'b4\\'eb\\'c7\\'d1}}",
             fonts);
    /* 中国 日本 日本 ｱ 中國 대한 */
    expect_text(doc, strlen(doc),
                "\xE4\xB8\xAD\xE5\x9B\xBD \xE6\x97\xA5\xE6\x9C\xAC \xE6\x97\xA5\xE6\x9C\xAC "
                "\xEF\xBD\xB1 \xE4\xB8\xAD\xE5\x9C\x8B \xEB\x8C\x80\xED\x95\x9C");
    /* a lead byte cut short by a paragraph, by another font's byte, by the end */
    snprintf(doc, sizeof(doc), "%s\\f1 \\'d6\\par \\'d6{\\f0 \\'e9}\\'d6}", fonts);
    expect_text(doc, strlen(doc), "\xEF\xBF\xBD\n\xEF\xBF\xBD\xC3\xA9\xEF\xBF\xBD");
    /* \uN with its two fallback bytes, which are one character of the font */
    snprintf(doc, sizeof(doc), "%s\\f1\\uc2 \\u20013\\'d6\\'d0\\'b9\\'fa}", fonts);
    expect_text(doc, strlen(doc), "\xE4\xB8\xAD\xE5\x9B\xBD");
}

/* Tables, headers, footnotes and the like hold no body text; fields give their result. */
static void test_destinations(void **state)
{
    (void)state;
    EXPECT("{\\rtf1\\ansi{\\fonttbl{\\f0 Times New Roman;}}{\\colortbl;\\red0;}"
           "{\\stylesheet{\\s0 Normal;}}{\\info{\\title Judul}{\\author Penulis}}"
           "{\\header KEPALA}{\\footerr KAKI}\\pard Isi{\\super\\chftn}{\\footnote CATATAN} utama."
           "\\par Lihat {\\field{\\*\\fldinst HYPERLINK \"x\"}{\\fldrslt tautan}} ini."
           "{\\*\\generator Writer}{\\*\\unknowndest rahasia}{\\pict 89504e47}\\par}",
           "Isi utama.\nLihat tautan ini.\n");
}

/* Characters: escapes, code page bytes, Unicode with fallbacks, breaks and cells. */
static void test_characters(void **state)
{
    (void)state;
    EXPECT("{\\rtf1 a\\{b\\}c\\\\d\\~e\\_f\\-g\\tab h\\line i\\par}", "a{b}c\\d\xC2\xA0"
                                                                      "e-fg\th\ni\n");
    EXPECT("{\\rtf1 caf\\'e9 \\'93kutip\\'94 \\'80}",
           "caf\xC3\xA9 \xE2\x80\x9Ckutip\xE2\x80\x9D \xE2\x82\xAC");
    EXPECT("{\\rtf1 \\u7853?m \\uc2\\u8364\\'80\\'80 x \\uc0\\u233 y}",
           "\xE1\xBA\xADm \xE2\x82\xAC x \xC3\xA9y");
    EXPECT("{\\rtf1 \\u-10179?\\u-8704? \\u-10179?z}",
           "\xF0\x9F\x98\x80 \xEF\xBF\xBDz"); /* 😀, lone */
    EXPECT("{\\rtf1 {\\uc3 \\u233 abcd}e}", "\xC3\xA9"
                                            "de"); /* \uc holds in its group */
    EXPECT("{\\rtf1 \\emdash \\ldblquote x\\rdblquote\\bullet}",
           "\xE2\x80\x94\xE2\x80\x9Cx\xE2\x80\x9D\xE2\x80\xA2");
    EXPECT("{\\rtf1 sel\\cell sel\\cell\\row baris\r\nsatu\\\nbaru}",
           "sel\nsel\n\nbarissatu\nbaru");
    EXPECT("{\\rtf1 kata\\fs24 tebal \\b1 ini\\b0 .}", "katatebal ini.");
    EXPECT("{\\rtf1 a\x01\x02\tb}", "a\tb"); /* control bytes dropped, a tab kept */
}

/* \binN: N bytes of raw data (here NULs and braces), not text. */
static void test_binary_data(void **state)
{
    (void)state;
    static const char rtf[] = "{\\rtf1 a{\\*\\blipuid x}{\\pict\\bin5 \0}{\\\0}b\\bin3 x}yc}";
    expect_text(rtf, sizeof(rtf) - 1, "abc");
    EXPECT("{\\rtf1 a\\bin999999 xyz", "a"); /* past the end */
}

/* A document cut short, braces too many, nesting too deep, and what is not RTF. */
static void test_hostile_documents(void **state)
{
    (void)state;
    EXPECT("{\\rtf1 Teks yang terpotong {\\b tebal", "Teks yang terpotong tebal");
    EXPECT("{\\rtf1 a}}}b{c", "abc");
    EXPECT("{\\rtf1 akhir\\", "akhir");
    EXPECT("{\\rtf1 a\\'4", "a4"); /* half an escape: the digit is text */
    EXPECT("{\\rtf1 \\u-10179", "\xEF\xBF\xBD");
    EXPECT("{\\rtf1 \\averyveryverylongcontrolwordthatnoreaderknows123 x}", "x");
    struct jk_buf deep, text;
    jk_buf_init(&deep);
    jk_buf_adds(&deep, "{\\rtf1 a");
    for (int i = 0; i < 3000; i++)
        jk_buf_adds(&deep, "{b");
    for (int i = 0; i < 3000; i++)
        jk_buf_adds(&deep, "}");
    jk_buf_adds(&deep, "c}");
    jk_buf_init(&text);
    assert_true(jk_rtf_text(deep.data, deep.len, &text));
    jk_buf_addc(&text, '\0');
    assert_int_equal(strspn(text.data, "ab"), 1024); /* "a", 1023 b's (the rest too deep), "c" */
    assert_string_equal(text.data + 1023, "bc");
    jk_buf_release(&text);
    jk_buf_release(&deep);
    jk_buf_init(&text);
    jk_buf_adds(&text, "x");
    assert_false(jk_rtf_text("Teks biasa", 10, &text));
    assert_false(jk_rtf_text("{\\rt", 4, &text));
    assert_int_equal(text.len, 1);
    assert_false(jk_is_rtf("PK\x03\x04", 4));
    jk_buf_release(&text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_file_libreoffice_wrote),
        cmocka_unit_test(test_tracked_changes_libreoffice_wrote),
        cmocka_unit_test(test_deleted_text),
        cmocka_unit_test(test_hidden_text),
        cmocka_unit_test(test_code_pages),
        cmocka_unit_test(test_double_byte_code_pages),
        cmocka_unit_test(test_destinations),
        cmocka_unit_test(test_characters),
        cmocka_unit_test(test_binary_data),
        cmocka_unit_test(test_hostile_documents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
