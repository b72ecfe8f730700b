/* Tests of src/read_office: the text of .docx and .odt documents, and the files that have none. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "read_office.h"
#include "testutil.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DOCX_HEAD                                                                                  \
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"" W_NS   \
    "\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>"
#define DOCX_TAIL "<w:sectPr/></w:body></w:document>"
#define ODT_HEAD                                                                                   \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content "                        \
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "                           \
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "                               \
    "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"><office:body><office:text>"
#define ODT_TAIL "</office:text></office:body></office:document-content>"

/* One entry of an archive to build: name and contents (NULL ends a list). */
struct entry {
    const char *name;
    const char *data;
};

/* An archive of entries as the bytes of a file, in out (initialised here); encrypted: AES. */
static void build_zip(const struct entry *e, bool encrypted, struct jk_buf *out)
{
    char dir[64], path[96];
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(path, sizeof(path), "%s/a.zip", dir);
    int err;
    zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
    assert_non_null(za);
    for (; e->name; e++) {
        zip_source_t *src = zip_source_buffer(za, e->data, strlen(e->data), 0);
        assert_non_null(src);
        zip_int64_t i = zip_file_add(za, e->name, src, ZIP_FL_ENC_UTF_8);
        assert_true(i >= 0);
        if (encrypted)
            assert_int_equal(
                zip_file_set_encryption(za, (zip_uint64_t)i, ZIP_EM_AES_256, "rahasia"), 0);
    }
    assert_int_equal(zip_close(za), 0);
    jk_buf_init(out);
    tu_slurp(path, out);
    tu_rmtree(dir);
}

/* The result and text of reading a one-part document whose text part holds xml. */
static enum jk_office_result read_xml(enum jk_office_kind kind, const char *xml,
                                      struct jk_buf *text)
{
    struct entry e[] = {{kind == JK_OFFICE_DOCX ? "word/document.xml" : "content.xml", xml},
                        {NULL, NULL}};
    struct jk_buf file;
    build_zip(e, false, &file);
    jk_buf_init(text);
    enum jk_office_result r = jk_office_text(file.data, file.len, kind, JK_OFFICE_MAX_XML, text);
    jk_buf_addc(text, '\0');
    text->len--;
    jk_buf_release(&file);
    return r;
}

static void expect_text(enum jk_office_kind kind, const char *xml, const char *want)
{
    struct jk_buf text;
    assert_int_equal(read_xml(kind, xml, &text), JK_OFFICE_OK);
    if (strcmp(text.data, want) != 0) {
        print_error("got '%s'\nwant '%s'\n", text.data, want);
        fail();
    }
    jk_buf_release(&text);
}

/*
 * A word split over runs is one word; spaces kept with xml:space; tabs, breaks, a
 * non-breaking hyphen (a paragraph's tab stops are no tabs); table cells and a text box are
 * paragraphs (the box once, not again from its fallback copy); deleted, moved-from text and field
 * codes are left out.
 */
static void test_docx_body_text(void **state)
{
    (void)state;
    expect_text(JK_OFFICE_DOCX,
                DOCX_HEAD
                "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:tabs><w:tab w:val=\"left\" "
                "w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t>BAB I</w:t></w:r></w:p>"
                "<w:p><w:r><w:t>Peme</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>rintah</w:t></w:r>"
                "<w:r><w:t xml:space=\"preserve\"> daerah</w:t><w:tab/><w:t>Jawa</w:t>"
                "<w:br/><w:t>Barat</w:t><w:noBreakHyphen/><w:t>an</w:t></w:r></w:p>"
                "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>sel satu</w:t></w:r></w:p></w:tc>"
                "<w:tc><w:p><w:r><w:t>sel dua</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
                "<w:p><w:del w:id=\"1\"><w:r><w:delText>dihapus</w:delText></w:r></w:del>"
                "<w:ins w:id=\"2\"><w:r><w:t>disisipkan</w:t></w:r></w:ins>"
                "<w:moveFrom w:id=\"3\"><w:r><w:t>dipindah</w:t></w:r></w:moveFrom></w:p>"
                "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> TOC \\o "
                "</w:instrText></w:r><w:r><w:t>Daftar</w:t></w:r></w:p>"
                "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
                "<w:txbxContent><w:p><w:r><w:t>kotak teks</w:t></w:r></w:p></w:txbxContent>"
                "</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>"
                "<w:t>kotak teks</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
                "</mc:AlternateContent></w:r></w:p><w:p/>" DOCX_TAIL,
                "BAB I\nPemerintah daerah\tJawa\nBarat-an\nsel satu\nsel dua\ndisisipkan\nDaftar\n"
                "kotak teks\n\n\n");
    /* ISO 29500 strict documents name the namespace otherwise */
    expect_text(JK_OFFICE_DOCX,
                "<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><w:body>"
                "<w:p><w:r><w:t>kota kembar</w:t></w:r></w:p></w:body></w:document>",
                "kota kembar\n");
    /* text of another namespace named like Word's is not Word's text */
    expect_text(JK_OFFICE_DOCX,
                DOCX_HEAD
                "<w:p><x:t xmlns:x=\"urn:x\">bukan</x:t><w:r><w:t>ya</w:t></w:r></w:p>" DOCX_TAIL,
                "ya\n");
}

/* Headers, footers and footnotes are parts of their own, not read; a part named otherwise is. */
static void test_docx_parts(void **state)
{
    (void)state;
    struct entry e[] = {
        {"[Content_Types].xml", "<Types/>"},
        {"word/header1.xml",
         "<w:hdr xmlns:w=\"" W_NS "\"><w:p><w:r><w:t>Kepala</w:t></w:r></w:p></w:hdr>"},
        {"word/footnotes.xml", "<w:footnotes xmlns:w=\"" W_NS
                               "\"><w:p><w:r><w:t>Catatan</w:t></w:r></w:p></w:footnotes>"},
        {"word/document2.xml", DOCX_HEAD "<w:p><w:r><w:t>isi</w:t></w:r></w:p>" DOCX_TAIL},
        {NULL, NULL}};
    struct jk_buf file, text;
    build_zip(e, false, &file);
    jk_buf_init(&text);
    assert_int_equal(jk_office_text(file.data, file.len, JK_OFFICE_DOCX, JK_OFFICE_MAX_XML, &text),
                     JK_OFFICE_OK);
    assert_int_equal(text.len, 4);
    assert_memory_equal(text.data, "isi\n", 4);
    jk_buf_release(&text);
    jk_buf_release(&file);
}

/*
 * OpenDocument: paragraphs, headings, spans, runs of spaces (text:s), tabs, line breaks; a
 * frame's paragraph inside a paragraph on a line of its own; footnotes, comments and
 * tracked deletions left out.
 */
static void test_odt_body_text(void **state)
{
    (void)state;
    expect_text(JK_OFFICE_ODT,
                ODT_HEAD "<text:h text:outline-level=\"1\">BAB I</text:h>"
                         "<text:p>Kerja <text:span>sama</text:span><text:s text:c=\"3\"/>sister"
                         "<text:s/>city<text:tab/>kota<text:line-break/>kembar</text:p>"
                         "<text:p>teks<text:note text:note-class=\"footnote\"><text:note-citation>1"
                         "</text:note-citation><text:note-body><text:p>catatan kaki</text:p>"
                         "</text:note-body></text:note> utama<office:annotation><text:p>komentar"
                         "</text:p></office:annotation></text:p>"
                         "<text:tracked-changes><text:changed-region><text:deletion><text:p>"
                         "dihapus</text:p></text:deletion></text:changed-region>"
                         "</text:tracked-changes>"
                         "<text:p>awal<draw:frame><draw:text-box><text:p>dalam kotak</text:p>"
                         "</draw:text-box></draw:frame></text:p><text:p/>" ODT_TAIL,
                "BAB I\nKerja sama   sister city\tkota\nkembar\nteks utama\nawal\ndalam kotak\n"
                "\n\n");
}

/*
 * Hidden text is left out: a run with w:vanish (not w:val="0"; not a property it had before a
 * tracked change; a paragraph mark's own w:vanish hides no text), a span or paragraph whose
 * automatic style says text:display="none".
 */
static void test_hidden_text(void **state)
{
    (void)state;
    expect_text(JK_OFFICE_DOCX,
                DOCX_HEAD
                "<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>kota </w:t></w:r>"
                "<w:r><w:rPr><w:vanish/></w:rPr><w:t>catatan</w:t><w:tab/></w:r>"
                "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>kembar</w:t></w:r>"
                "<w:r><w:rPr><w:vanish w:val=\"true\"/></w:rPr><w:t>rahasia</w:t></w:r>"
                "<w:r><w:rPr><w:rPrChange w:id=\"4\"><w:rPr><w:vanish/></w:rPr></w:rPrChange>"
                "</w:rPr><w:t> sister</w:t></w:r><w:r><w:t> city</w:t></w:r></w:p>" DOCX_TAIL,
                "kota kembar sister city\n");
    expect_text(
        JK_OFFICE_ODT,
        "<office:document-content "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:automatic-styles>"
        "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties "
        "text:display=\"none\"/></style:style><style:style style:name=\"T2\" "
        "style:family=\"text\"><style:text-properties text:display=\"true\"/></style:style>"
        "<style:style style:name=\"P1\" style:family=\"paragraph\"><style:text-properties "
        "text:display=\"none\"/></style:style></office:automatic-styles><office:body>"
        "<office:text><text:p>kota <text:span text:style-name=\"T1\">catatan</text:span>"
        "<text:span text:style-name=\"T2\">kembar</text:span></text:p>"
        "<text:p text:style-name=\"P1\">paragraf tersembunyi</text:p><text:p>akhir</text:p>"
        "</office:text></office:body></office:document-content>",
        "kota kembar\nakhir\n");
}

/* Reads an archive of the text part xml and the styles part styles; checks the text. */
static void expect_styled_text(enum jk_office_kind kind, const char *styles, const char *xml,
                               const char *want)
{
    bool docx = kind == JK_OFFICE_DOCX;
    struct entry e[] = {{docx ? "word/styles.xml" : "styles.xml", styles},
                        {docx ? "word/document.xml" : "content.xml", xml},
                        {NULL, NULL}};
    struct jk_buf file, text;
    build_zip(e, false, &file);
    jk_buf_init(&text);
    assert_int_equal(jk_office_text(file.data, file.len, kind, JK_OFFICE_MAX_XML, &text),
                     JK_OFFICE_OK);
    jk_buf_addc(&text, '\0');
    if (strcmp(text.data, want) != 0) {
        print_error("got '%s'\nwant '%s'\n", text.data, want);
        fail();
    }
    jk_buf_release(&text);
    jk_buf_release(&file);
}

/*
 * Text hidden by a named style: a Word character or paragraph style with w:vanish in its own
 * run properties, or based on one (w:basedOn, loops ended); a character style's vanish
 * flips its paragraph style's (a toggle property, ECMA-376 Part 1, 17.7.3); a run's own
 * w:vanish wins; a style's paragraph-mark vanish and the document defaults hide nothing.
 */
static void test_hidden_by_word_styles(void **state)
{
    (void)state;
    expect_styled_text(
        JK_OFFICE_DOCX,
        "<w:styles xmlns:w=\"" W_NS "\"><w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr>"
        "</w:rPrDefault></w:docDefaults>"
        "<w:style w:type=\"character\" w:styleId=\"Catatan\"><w:rPr><w:vanish/></w:rPr>"
        "</w:style><w:style w:type=\"character\" w:styleId=\"Anak\"><w:basedOn "
        "w:val=\"Catatan\"/><w:rPr><w:i/></w:rPr></w:style><w:style w:type=\"character\" "
        "w:styleId=\"Terlihat\"><w:basedOn w:val=\"Catatan\"/><w:rPr><w:vanish w:val=\"0\"/>"
        "</w:rPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"Petunjuk\"><w:pPr><w:rPr>"
        "<w:vanish/></w:rPr></w:pPr><w:rPr><w:vanish/></w:rPr></w:style><w:style "
        "w:type=\"paragraph\" w:styleId=\"Tanda\"><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>"
        "</w:style><w:style w:type=\"character\" w:styleId=\"Putar1\"><w:basedOn "
        "w:val=\"Putar2\"/></w:style><w:style w:type=\"character\" w:styleId=\"Putar2\">"
        "<w:basedOn w:val=\"Putar1\"/></w:style></w:styles>",
        DOCX_HEAD "<w:p><w:r><w:t xml:space=\"preserve\">kota </w:t></w:r>"
                  "<w:r><w:rPr><w:rStyle w:val=\"Catatan\"/></w:rPr><w:t>catatan</w:t></w:r>"
                  "<w:r><w:rPr><w:rStyle w:val=\"Anak\"/></w:rPr><w:t>anak</w:t></w:r>"
                  "<w:r><w:rPr><w:rStyle w:val=\"Terlihat\"/></w:rPr><w:t>kembar</w:t></w:r>"
                  "<w:r><w:rPr><w:rStyle w:val=\"Catatan\"/><w:vanish w:val=\"false\"/></w:rPr>"
                  "<w:t xml:space=\"preserve\"> sister</w:t></w:r>"
                  "<w:r><w:rPr><w:rStyle w:val=\"Putar1\"/></w:rPr>"
                  "<w:t xml:space=\"preserve\"> city</w:t></w:r>"
                  "<w:r><w:rPr><w:rStyle w:val=\"TidakAda\"/></w:rPr>"
                  "<w:t xml:space=\"preserve\"> bandung</w:t></w:r></w:p>"
                  "<w:p><w:pPr><w:pStyle w:val=\"Petunjuk\"/></w:pPr><w:r><w:t>petunjuk</w:t>"
                  "<w:tab/></w:r><w:r><w:rPr><w:rStyle w:val=\"Catatan\"/></w:rPr>"
                  "<w:t>terbalik</w:t></w:r><w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr>"
                  "<w:t xml:space=\"preserve\"> tampil</w:t></w:r></w:p>"
                  "<w:p><w:pPr><w:pStyle w:val=\"Tanda\"/></w:pPr><w:r><w:t>tanda</w:t></w:r>"
                  "</w:p><w:p><w:r><w:t>akhir</w:t></w:r></w:p>" DOCX_TAIL,
        "kota kembar sister city bandung\nterbalik tampil\ntanda\nakhir\n");
}

#define ODF_NS                                                                                     \
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "                           \
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "                             \
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""

/*
 * The same for OpenDocument: styles.xml's common styles and content.xml's automatic ones,
 * through style:parent-style-name of their family; a text and a paragraph style of one name
 * are two styles; styles.xml's own automatic styles (for headers and footers) are not
 * content.xml's.
 */
static void test_hidden_by_odf_styles(void **state)
{
    (void)state;
    expect_styled_text(
        JK_OFFICE_ODT,
        "<office:document-styles " ODF_NS "><office:styles>"
        "<style:style style:name=\"Catatan\" style:family=\"text\"><style:text-properties "
        "text:display=\"none\"/></style:style><style:style style:name=\"Anak\" "
        "style:family=\"text\" style:parent-style-name=\"Catatan\"/><style:style "
        "style:name=\"Terlihat\" style:family=\"text\" style:parent-style-name=\"Catatan\">"
        "<style:text-properties text:display=\"true\"/></style:style><style:style "
        "style:name=\"Petunjuk\" style:family=\"paragraph\"><style:text-properties "
        "text:display=\"none\"/></style:style><style:style style:name=\"Catatan\" "
        "style:family=\"paragraph\"/></office:styles><office:automatic-styles><style:style "
        "style:name=\"P1\" style:family=\"paragraph\"><style:text-properties "
        "text:display=\"none\"/></style:style></office:automatic-styles>"
        "</office:document-styles>",
        "<office:document-content " ODF_NS "><office:automatic-styles><style:style "
        "style:name=\"P2\" style:family=\"paragraph\" style:parent-style-name=\"Petunjuk\">"
        "<style:text-properties fo:font-weight=\"bold\" "
        "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"/>"
        "</style:style><style:style style:name=\"P1\" style:family=\"paragraph\"/>"
        "</office:automatic-styles><office:body><office:text><text:p>kota "
        "<text:span text:style-name=\"Catatan\">catatan</text:span><text:span "
        "text:style-name=\"Anak\">anak</text:span><text:span text:style-name=\"Terlihat\">"
        "kembar</text:span></text:p><text:p text:style-name=\"Catatan\">sister city</text:p>"
        "<text:p text:style-name=\"Petunjuk\">petunjuk</text:p><text:h "
        "text:style-name=\"P2\">tebal</text:h><text:p text:style-name=\"P1\">akhir</text:p>"
        "</office:text></office:body></office:document-content>",
        "kota kembar\nsister city\nakhir\n");
}

/* Reads tests/data/doc/name (a .docx, or an .odt) and checks its text. */
static void expect_file_text(const char *name, const char *want)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/doc/%s", JK_TEST_DATA, name);
    bool odt = strstr(name, ".odt") != NULL;
    struct jk_buf file, text;
    jk_buf_init(&file);
    jk_buf_init(&text);
    tu_slurp(path, &file);
    assert_int_equal(jk_office_text(file.data, file.len, odt ? JK_OFFICE_ODT : JK_OFFICE_DOCX,
                                    JK_OFFICE_MAX_XML, &text),
                     JK_OFFICE_OK);
    jk_buf_addc(&text, '\0');
    assert_string_equal(text.data, want);
    jk_buf_release(&text);
    jk_buf_release(&file);
}

/* LibreOffice 7.4's .docx and .odt of tests/data/doc/libreoffice-hidden.fodt. */
static void test_hidden_text_libreoffice_wrote(void **state)
{
    (void)state;
    static const char want[] = "Pemerintah daerah menyusun kebijakan kerja sama.\nAkhir dokumen.\n";
    expect_file_text("libreoffice-hidden.docx", want);
    expect_file_text("libreoffice-hidden.odt", want);
}

/*
 * LibreOffice 7.4's .docx and .odt of tests/data/doc/libreoffice-named-hidden.fodt: text
 * hidden by a named character style and by a paragraph style (directly, and through an
 * automatic style based on it). LibreOffice writes the character style based on the hiding
 * one without its parent, in both formats, so its text shows.
 */
static void test_named_styles_libreoffice_wrote(void **state)
{
    (void)state;
    expect_file_text("libreoffice-named-hidden.docx",
                     "Pemerintah daerah menyusun kebijakan turunan gaya tersembunyi kerja sama.\n"
                     "\n\nAkhir dokumen.\n"); /* the hidden paragraphs' ends */
    expect_file_text("libreoffice-named-hidden.odt",
                     "Pemerintah daerah menyusun kebijakan turunan gaya tersembunyi kerja sama.\n"
                     "Akhir dokumen.\n");
}

/* Each file without text says why, and the text buffer keeps what it had. */
static void expect_problem(const struct jk_buf *file, enum jk_office_kind kind, size_t max_xml,
                           enum jk_office_result want)
{
    struct jk_buf text;
    jk_buf_init(&text);
    jk_buf_adds(&text, "before");
    assert_int_equal(jk_office_text(file->data, file->len, kind, max_xml, &text), want);
    assert_int_equal(text.len, 6);
    assert_memory_equal(text.data, "before", 6);
    assert_true(strlen(jk_office_problem(want, kind)) > 20);
    assert_true(strncmp(jk_office_note(want), "skipped: ", 9) == 0);
    jk_buf_release(&text);
}

static void test_files_without_text(void **state)
{
    (void)state;
    struct jk_buf file;
    jk_buf_init(&file);
    /* an OLE compound file: a password-protected .docx or a .doc renamed */
    jk_buf_add(&file, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0", 12);
    expect_problem(&file, JK_OFFICE_DOCX, JK_OFFICE_MAX_XML, JK_OFFICE_COMPOUND);
    assert_non_null(strstr(jk_office_problem(JK_OFFICE_COMPOUND, JK_OFFICE_DOCX), "password"));
    jk_buf_clear(&file);
    jk_buf_adds(&file, "<html>login</html>");
    expect_problem(&file, JK_OFFICE_DOCX, JK_OFFICE_MAX_XML, JK_OFFICE_NOT_ZIP);
    jk_buf_clear(&file);
    expect_problem(&file, JK_OFFICE_ODT, JK_OFFICE_MAX_XML, JK_OFFICE_NOT_ZIP); /* empty */
    jk_buf_release(&file);

    struct entry sheet[] = {{"xl/workbook.xml", "<workbook/>"}, {NULL, NULL}};
    build_zip(sheet, false, &file);
    expect_problem(&file, JK_OFFICE_DOCX, JK_OFFICE_MAX_XML, JK_OFFICE_NO_TEXT);
    expect_problem(&file, JK_OFFICE_ODT, JK_OFFICE_MAX_XML, JK_OFFICE_NO_TEXT);
    jk_buf_release(&file);

    /* XML cut short, and a whole document cut in half */
    struct entry cut[] = {{"word/document.xml", DOCX_HEAD "<w:p><w:r><w:t>kota</w:t></w:r></w:p>"},
                          {NULL, NULL}};
    build_zip(cut, false, &file);
    expect_problem(&file, JK_OFFICE_DOCX, JK_OFFICE_MAX_XML, JK_OFFICE_DAMAGED);
    jk_buf_release(&file);
    struct entry whole[] = {
        {"word/document.xml", DOCX_HEAD "<w:p><w:r><w:t>kota</w:t></w:r></w:p>" DOCX_TAIL},
        {NULL, NULL}};
    build_zip(whole, false, &file);
    struct jk_buf half;
    jk_buf_init(&half);
    jk_buf_add(&half, file.data, file.len / 2);
    expect_problem(&half, JK_OFFICE_DOCX, JK_OFFICE_MAX_XML, JK_OFFICE_NOT_ZIP);
    jk_buf_release(&half);
    /* a text part larger than the limit */
    expect_problem(&file, JK_OFFICE_DOCX, 64, JK_OFFICE_TOO_LARGE);
    jk_buf_release(&file);

    /* encrypted: the archive's own AES, and OpenDocument's manifest */
    build_zip(whole, true, &file);
    expect_problem(&file, JK_OFFICE_DOCX, JK_OFFICE_MAX_XML, JK_OFFICE_ENCRYPTED);
    jk_buf_release(&file);
    struct entry odt[] = {{"content.xml", "garbled"},
                          {"META-INF/manifest.xml",
                           "<manifest:manifest><manifest:file-entry manifest:full-path=\"content."
                           "xml\"><manifest:encryption-data/></manifest:file-entry>"
                           "</manifest:manifest>"},
                          {NULL, NULL}};
    build_zip(odt, false, &file);
    expect_problem(&file, JK_OFFICE_ODT, JK_OFFICE_MAX_XML, JK_OFFICE_ENCRYPTED);
    jk_buf_release(&file);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_docx_body_text),
        cmocka_unit_test(test_docx_parts),
        cmocka_unit_test(test_odt_body_text),
        cmocka_unit_test(test_hidden_text),
        cmocka_unit_test(test_hidden_text_libreoffice_wrote),
        cmocka_unit_test(test_hidden_by_word_styles),
        cmocka_unit_test(test_hidden_by_odf_styles),
        cmocka_unit_test(test_named_styles_libreoffice_wrote),
        cmocka_unit_test(test_files_without_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
