/* Tests of src/read_html: the body text of saved web pages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read_html.h"
#include "testutil.h"
#include "util/encoding.h"

/* The text of a page of len bytes (strlen when len is 0). */
static char *page_text(const char *page, size_t len)
{
    struct jk_buf text;
    jk_buf_init(&text);
    jk_web_page_text(page, len ? len : strlen(page), &text);
    jk_buf_addc(&text, '\0');
    return text.data;
}

static void expect_page(const char *page, size_t len, const char *want)
{
    char *got = page_text(page, len);
    if (strcmp(got, want) != 0) {
        print_error("got '%s'\nwant '%s'\n", got, want);
        fail();
    }
    free(got);
}

/*
 * An article's page: the site's header, menus, side bar and footer, scripts and styles
 * are left out; the article's own header stays; blocks end lines; white space collapses
 * as a browser shows it, except in <pre>.
 */
static void test_an_article_page(void **state)
{
    (void)state;
    expect_page("<!DOCTYPE html><html><head><title>Judul | Jurnal</title><script>var a = "
                "'<p>skrip</p>';</script><style>p { color: red }</style></head><body>"
                "<header><nav><a href=\"/\">Beranda</a></nav><div>JURNAL HI</div></header>"
                "<main><article><header><h1>Kerja Sama\n   Sister City</h1></header>"
                "<p>Pemerintah   daerah\n  menjalin <b>kerja</b>sama<br>dengan kota</p>"
                "<ul><li>satu</li><li>dua</li></ul>"
                "<table><tr><td>sel</td><td>lain</td></tr></table>"
                "<pre>a  b\n c</pre><footer>Bagikan</footer></article></main>"
                "<aside>Terpopuler</aside><form><input value=\"cari\"><button>Cari</button></form>"
                "<footer>Hak cipta</footer><noscript>aktifkan skrip</noscript></body></html>",
                0,
                "Kerja Sama Sister City\nPemerintah daerah menjalin kerjasama\ndengan kota\nsatu\n"
                "dua\nsel\nlain\na  b\n c\n");
}

/* Tag soup: unclosed paragraphs, no <html> or <body>, entities, a stray end tag. */
static void test_tag_soup(void **state)
{
    (void)state;
    expect_page("<p>satu &amp; dua<p>tiga&nbsp;empat</div>lima", 0, /* as a browser shows it */
                "satu & dua\ntiga\xc2\xa0"
                "empatlima\n");
    expect_page("", 0, "");
    expect_page("<html><body></body></html>", 0, "");
    expect_page("\x01\x02 bukan html", 0, "bukan html\n"); /* control characters are no text */
}

/* The page's encoding: UTF-8 without a declaration, a declared Windows-1252, UTF-16. */
static void test_encodings(void **state)
{
    (void)state;
    expect_page("<p>Universit\xc3\xa4t</p>", 0, "Universit\xc3\xa4t\n");
    expect_page("<meta charset=\"windows-1252\"><p>Universit\xe4t \x93kota\x94</p>", 0,
                "Universit\xc3\xa4t \xe2\x80\x9ckota\xe2\x80\x9d\n");
    static const char utf16[] = "\xff\xfe<\0p\0>\0k\0o\0t\0a\0<\0/\0p\0>\0";
    expect_page(utf16, sizeof(utf16) - 1, "kota\n");
}

/* "<span>" depth times, then text. */
static char *nested(size_t depth, size_t *len)
{
    char *page = malloc(depth * 6 + 8);
    size_t n = 0;
    for (size_t i = 0; i < depth; i++)
        n += (size_t)sprintf(page + n, "<span>");
    n += (size_t)sprintf(page + n, "dalam");
    *len = n;
    return page;
}

/*
 * Elements nested 200 deep are read, and so are 100,000 deep (unclosed <font> or <span>
 * tags nest so): the walk does not recurse, and the parser is asked for no depth limit
 * (libxml2's default, 256, lost such text).
 */
static void test_deep_nesting(void **state)
{
    (void)state;
    size_t len;
    char *page = nested(200, &len), *got = page_text(page, len);
    assert_string_equal(got, "dalam\n");
    free(got);
    free(page);
    page = nested(100000, &len);
    got = page_text(page, len);
    assert_string_equal(got, "dalam\n");
    free(got);
    free(page);
}

/*
 * Found by fuzz_html: a page declaring a charset libxml2 does not know ("windows-0626")
 * with "&" before bytes 0xFF got a stray continuation byte into the text; invalid UTF-8
 * now becomes U+FFFD.
 */
static void test_fuzz_unknown_charset_stray_byte(void **state)
{
    (void)state;
    struct jk_buf page;
    jk_buf_init(&page);
    tu_slurp(JK_TEST_DATA "/fuzz/html/unknown-charset-stray-byte.html", &page);
    char *got = page_text(page.data, page.len);
    jk_buf_release(&page);
    size_t len = strlen(got);
    assert_true(len > 0);
    for (size_t i = 0; i < len;) {
        size_t k = jk_utf8_valid_len((const unsigned char *)got + i, len - i);
        assert_true(k > 0);
        i += k;
    }
    assert_non_null(strstr(got, "Univer&"));
    free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_an_article_page),
        cmocka_unit_test(test_tag_soup),
        cmocka_unit_test(test_encodings),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_fuzz_unknown_charset_stray_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
