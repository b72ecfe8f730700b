/*
 * Word (.docx) and OpenDocument (.odt) text through libzip and libxml2's
 * streaming reader. See read_office.h.
 */
#include "read_office.h"

#include <libxml/xmlreader.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "util/libxml.h"
#include "util/strmap.h"

static const char W_MAIN[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char W_STRICT[] = "http://purl.oclc.org/ooxml/wordprocessingml/main";
static const char MC[] = "http://schemas.openxmlformats.org/markup-compatibility/2006";
static const char ODF_TEXT[] = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
static const char ODF_OFFICE[] = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
static const char ODF_STYLE[] = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

/* The XML part being read, inflated as libxml2 asks for it. */
struct part {
    zip_file_t *file;
    size_t read;     /* bytes handed to libxml2 so far */
    size_t max;      /* and at most */
    bool too_large;  /* stopped at JK_OFFICE_MAX_XML */
    bool zip_failed; /* libzip could not inflate it (damaged, or a CRC error at its end) */
};

static int part_read(void *ctx, char *buffer, int len)
{
    struct part *p = ctx;
    if (p->read >= p->max) {
        p->too_large = true;
        return -1;
    }
    if ((size_t)len > p->max - p->read)
        len = (int)(p->max - p->read);
    zip_int64_t n = zip_fread(p->file, buffer, (zip_uint64_t)len);
    if (n < 0) {
        p->zip_failed = true;
        return -1;
    }
    p->read += (size_t)n;
    return (int)n;
}

static int part_close(void *ctx)
{
    (void)ctx; /* the caller closes the file */
    return 0;
}

/* What the walk over one part's XML needs. */
struct walk {
    xmlTextReaderPtr r;
    struct jk_buf *text;
    enum jk_office_kind kind;
    int in_text;     /* depth of elements whose text is kept (w:t; text:p and text:h) */
    int in_run;      /* depth of Word's runs (w:r): their tabs and breaks are text, a paragraph's
                        tab stops (w:pPr/w:tabs/w:tab) are not */
    bool hidden_run; /* the run being read is hidden (w:rPr/w:vanish) */
    xmlChar *style;  /* the OpenDocument style being read (style:style), or NULL */
    struct jk_strmap hidden; /* the OpenDocument styles that hide text (text:display="none") */
};

static bool is_ns(const xmlChar *ns, const char *want)
{
    return ns && strcmp((const char *)ns, want) == 0;
}

static bool word_ns(const xmlChar *ns)
{
    return is_ns(ns, W_MAIN) || is_ns(ns, W_STRICT);
}

static void end_line(struct jk_buf *text)
{
    jk_buf_addc(text, '\n');
}

/* The element's attribute name in namespace ns (xmlFree it), or NULL. */
static xmlChar *attribute(struct walk *w, const char *name, const xmlChar *ns)
{
    return xmlTextReaderGetAttributeNs(w->r, (const xmlChar *)name, ns);
}

/* Whether a Word on/off property (w:vanish) is on: without w:val, or with one meaning on. */
static bool word_on(struct walk *w, const xmlChar *ns)
{
    xmlChar *v = attribute(w, "val", ns);
    const char *s = (const char *)v;
    bool on = !s || !(strcmp(s, "0") == 0 || strcmp(s, "false") == 0 || strcmp(s, "off") == 0);
    xmlFree(v);
    return on;
}

/* A paragraph starting inside another (a text box in a paragraph) starts on a line of its own. */
static void start_line(struct jk_buf *text, size_t from)
{
    if (text->len > from && text->data[text->len - 1] != '\n')
        end_line(text);
}

/* Word's elements: what each start (or empty element) adds; true to skip its subtree. */
static bool docx_start(struct walk *w, const char *name, const xmlChar *ns, bool empty)
{
    if (is_ns(ns, MC))
        return strcmp(name, "Fallback") == 0; /* the same text box again, for older readers */
    if (!word_ns(ns))
        return false;
    bool in_run = w->in_run > 0 && !w->hidden_run; /* a hidden run's tabs are not text either */
    if (strcmp(name, "t") == 0)
        w->in_text += !empty;
    else if (strcmp(name, "r") == 0)
        w->in_run += !empty;
    else if (strcmp(name, "vanish") == 0 && w->in_run > 0) /* in the run's w:rPr: hidden */
        w->hidden_run = word_on(w, ns);
    else if (strcmp(name, "p") == 0 && empty)
        end_line(w->text);
    else if (strcmp(name, "tab") == 0 && in_run)
        jk_buf_addc(w->text, '\t');
    else if ((strcmp(name, "br") == 0 || strcmp(name, "cr") == 0) && in_run)
        end_line(w->text);
    else if (strcmp(name, "noBreakHyphen") == 0 && in_run)
        jk_buf_addc(w->text, '-');
    else
        return strcmp(name, "instrText") == 0 || strcmp(name, "delText") == 0 ||
               strcmp(name, "moveFrom") == 0 || strcmp(name, "del") == 0 ||
               strcmp(name, "rPrChange") == 0; /* the run's properties before a change */
    return false;
}

static void docx_end(struct walk *w, const char *name, const xmlChar *ns)
{
    if (!word_ns(ns))
        return;
    if (strcmp(name, "t") == 0 && w->in_text > 0)
        w->in_text--;
    else if (strcmp(name, "r") == 0 && w->in_run > 0) {
        w->in_run--;
        w->hidden_run = false;
    } else if (strcmp(name, "p") == 0)
        end_line(w->text);
}

/* text:s: its text:c spaces (1 when not given; at most 100). */
static void odt_spaces(struct walk *w)
{
    xmlChar *c = attribute(w, "c", (const xmlChar *)ODF_TEXT);
    long n = c ? strtol((const char *)c, NULL, 10) : 1;
    xmlFree(c);
    for (long i = 0; i < (n < 1 ? 1 : n > 100 ? 100 : n); i++)
        jk_buf_addc(w->text, ' ');
}

/*
 * The automatic styles (style:style, before the body) that hide text: their
 * text properties say text:display="none".
 */
static void odt_style(struct walk *w, const char *name, bool empty)
{
    if (strcmp(name, "style") == 0 && !empty) {
        xmlFree(w->style);
        w->style = attribute(w, "name", (const xmlChar *)ODF_STYLE);
    } else if (strcmp(name, "text-properties") == 0 && w->style) {
        xmlChar *display = attribute(w, "display", (const xmlChar *)ODF_TEXT);
        if (display && strcmp((const char *)display, "none") == 0)
            jk_strmap_intern(&w->hidden, (const char *)w->style, strlen((const char *)w->style),
                             NULL);
        xmlFree(display);
    }
}

/* Whether the text element has a style that hides it. */
static bool odt_hidden(struct walk *w)
{
    if (w->hidden.count == 0)
        return false;
    xmlChar *style = attribute(w, "style-name", (const xmlChar *)ODF_TEXT);
    bool hidden = style && jk_strmap_find(&w->hidden, (const char *)style,
                                          strlen((const char *)style)) != JK_NO_ID;
    xmlFree(style);
    return hidden;
}

/* OpenDocument's elements, as docx_start. */
static bool odt_start(struct walk *w, const char *name, const xmlChar *ns, bool empty, size_t from)
{
    if (is_ns(ns, ODF_OFFICE))
        return strcmp(name, "annotation") == 0; /* comments */
    if (is_ns(ns, ODF_STYLE))
        odt_style(w, name, empty);
    if (!is_ns(ns, ODF_TEXT))
        return false;
    if (odt_hidden(w)) /* a span or paragraph of hidden text */
        return true;
    if (strcmp(name, "p") == 0 || strcmp(name, "h") == 0) {
        start_line(w->text, from);
        if (empty)
            end_line(w->text);
        else
            w->in_text++;
    } else if (strcmp(name, "s") == 0)
        odt_spaces(w);
    else if (strcmp(name, "tab") == 0)
        jk_buf_addc(w->text, '\t');
    else if (strcmp(name, "line-break") == 0)
        end_line(w->text);
    else
        return strcmp(name, "note") == 0 || strcmp(name, "tracked-changes") == 0;
    return false;
}

static void odt_end(struct walk *w, const char *name, const xmlChar *ns)
{
    if (is_ns(ns, ODF_STYLE) && strcmp(name, "style") == 0) {
        xmlFree(w->style);
        w->style = NULL;
    }
    if (is_ns(ns, ODF_TEXT) && (strcmp(name, "p") == 0 || strcmp(name, "h") == 0) &&
        w->in_text > 0) {
        w->in_text--;
        end_line(w->text);
    }
}

/* Takes in the reader's node and moves past it (past its subtree when skipped): 1 moved on,
 * 0 at the end, -1 the reader failed. */
static int step(struct walk *w, size_t from)
{
    int type = xmlTextReaderNodeType(w->r);
    const char *name = (const char *)xmlTextReaderConstLocalName(w->r);
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(w->r);
    if (type == XML_READER_TYPE_ELEMENT && name) {
        bool empty = xmlTextReaderIsEmptyElement(w->r) == 1;
        bool skip = w->kind == JK_OFFICE_DOCX ? docx_start(w, name, ns, empty)
                                              : odt_start(w, name, ns, empty, from);
        if (skip && !empty)
            return xmlTextReaderNext(w->r);
    } else if (type == XML_READER_TYPE_END_ELEMENT && name) {
        if (w->kind == JK_OFFICE_DOCX)
            docx_end(w, name, ns);
        else
            odt_end(w, name, ns);
    } else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
               w->in_text > 0 && !w->hidden_run) {
        const char *v = (const char *)xmlTextReaderConstValue(w->r);
        if (v)
            jk_buf_adds(w->text, v);
    }
    return xmlTextReaderRead(w->r);
}

/* Walks the XML of part (open) into text; JK_OFFICE_OK when the XML was whole. */
static enum jk_office_result walk_part(struct part *p, enum jk_office_kind kind,
                                       struct jk_buf *text)
{
    jk_libxml_quiet();
    xmlTextReaderPtr r = xmlReaderForIO(part_read, part_close, p, NULL, NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!r)
        return JK_OFFICE_DAMAGED;
    struct walk w = {.r = r, .text = text, .kind = kind};
    jk_strmap_init(&w.hidden);
    size_t from = text->len;
    int ret = xmlTextReaderRead(r);
    while (ret == 1)
        ret = step(&w, from);
    xmlFreeTextReader(r);
    xmlFree(w.style);
    jk_strmap_release(&w.hidden);
    if (p->too_large)
        return JK_OFFICE_TOO_LARGE;
    return ret == 0 && !p->zip_failed ? JK_OFFICE_OK : JK_OFFICE_DAMAGED;
}

/* The index of the document's text part, or -1. */
static zip_int64_t text_part(zip_t *za, enum jk_office_kind kind)
{
    if (kind == JK_OFFICE_ODT)
        return zip_name_locate(za, "content.xml", 0);
    zip_int64_t i = zip_name_locate(za, "word/document.xml", 0);
    zip_int64_t n = zip_get_num_entries(za, 0);
    for (zip_int64_t k = 0; i < 0 && k < n; k++) { /* another name some tools give it */
        const char *name = zip_get_name(za, (zip_uint64_t)k, 0);
        size_t len = name ? strlen(name) : 0;
        if (len > 17 && strncmp(name, "word/document", 13) == 0 &&
            strcmp(name + len - 4, ".xml") == 0 && !strchr(name + 5, '/'))
            i = k;
    }
    return i;
}

/* Whether an .odt's manifest says its parts are encrypted (saved with a password). */
static bool odt_encrypted(zip_t *za)
{
    zip_file_t *f = zip_fopen(za, "META-INF/manifest.xml", 0);
    if (!f)
        return false;
    char buf[65536];
    zip_int64_t n = zip_fread(f, buf, sizeof(buf) - 1);
    zip_fclose(f);
    if (n <= 0)
        return false;
    buf[n] = '\0';
    return strstr(buf, "encryption-data") != NULL;
}

/* The text part of the open archive into text. */
static enum jk_office_result read_archive(zip_t *za, enum jk_office_kind kind, size_t max_xml,
                                          struct jk_buf *text)
{
    zip_int64_t i = text_part(za, kind);
    if (i < 0)
        return JK_OFFICE_NO_TEXT;
    if (kind == JK_OFFICE_ODT && odt_encrypted(za))
        return JK_OFFICE_ENCRYPTED;
    struct part p = {zip_fopen_index(za, (zip_uint64_t)i, 0), 0, max_xml, false, false};
    if (!p.file)
        return zip_get_error(za)->zip_err == ZIP_ER_NOPASSWD ? JK_OFFICE_ENCRYPTED
                                                             : JK_OFFICE_DAMAGED;
    enum jk_office_result res = walk_part(&p, kind, text);
    zip_fclose(p.file);
    return res;
}

enum jk_office_result jk_office_text(const char *data, size_t len, enum jk_office_kind kind,
                                     size_t max_xml, struct jk_buf *text)
{
    static const char ole[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
    if (len >= 8 && memcmp(data, ole, 8) == 0)
        return JK_OFFICE_COMPOUND;
    if (len < 22) /* shorter than a ZIP archive's end record (an empty file, too) */
        return JK_OFFICE_NOT_ZIP;
    jk_libxml_init();
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &error);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error) : NULL;
    enum jk_office_result res = JK_OFFICE_NOT_ZIP;
    if (za) {
        size_t before = text->len;
        res = read_archive(za, kind, max_xml, text);
        if (res != JK_OFFICE_OK)
            jk_buf_truncate(text, before);
        zip_discard(za);
    } else if (src)
        zip_source_free(src);
    zip_error_fini(&error);
    return res;
}

/* Per result: the problem for a .docx and for an .odt (NULL: the same), and report.md's note. */
static const struct {
    const char *docx, *odt, *note;
} problems[] = {
    [JK_OFFICE_OK] = {"no text", NULL, "skipped: no text"},
    [JK_OFFICE_COMPOUND] =
        {"not a .docx archive but an OLE compound file without Word's text: a Word file saved "
         "with a password, or another Office file renamed; open it in Word and save it as .docx "
         "without a password, or as PDF",
         "not an .odt archive but an OLE compound file without a Word document's text; save it "
         "as .odt, .docx or PDF",
         "skipped: a password-protected Word file or another Office file"},
    [JK_OFFICE_NOT_ZIP] = {"not a .docx archive (damaged, or another format renamed); open it in "
                           "Word and save it again, or as PDF",
                           "not an .odt archive (damaged, or another format renamed); open it and "
                           "save it again, or as PDF",
                           "skipped: not a .docx or .odt archive"},
    [JK_OFFICE_NO_TEXT] = {"an archive without word/document.xml, so not a Word document; save it "
                           "as .docx or PDF",
                           "an archive without content.xml, so not an OpenDocument text; save it "
                           "as .odt or PDF",
                           "skipped: an archive without a document's text part"},
    [JK_OFFICE_ENCRYPTED] = {"saved with a password; save it again without one, or as PDF", NULL,
                             "skipped: saved with a password"},
    [JK_OFFICE_DAMAGED] = {"damaged or cut short (its archive or XML cannot be read to the end); "
                           "open it and save it again, or as PDF",
                           NULL, "skipped: damaged or cut short"},
    [JK_OFFICE_TOO_LARGE] = {"a text part that unpacks to more than 256 MB, which no thesis needs "
                             "(a zip bomb?)",
                             NULL, "skipped: unpacks to more than 256 MB"},
};

const char *jk_office_problem(enum jk_office_result r, enum jk_office_kind kind)
{
    return kind == JK_OFFICE_ODT && problems[r].odt ? problems[r].odt : problems[r].docx;
}

const char *jk_office_note(enum jk_office_result r)
{
    return problems[r].note;
}
