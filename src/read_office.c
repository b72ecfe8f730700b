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
#include "util/mem.h"
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

/*
 * The document's styles and whether each hides text (Word's w:vanish, OpenDocument's
 * text:display="none"): its own setting, else the one of the style it is based on.
 * OpenDocument names are kept with their family's letter in front ("tName", "pName"):
 * a text and a paragraph style may share a name.
 */
struct style {
    signed char own; /* 1 hides, 0 shows, -1 not set: inherited */
    uint32_t parent; /* the style it is based on, or JK_NO_ID */
};

struct styles {
    struct jk_strmap ids; /* name -> index into list */
    struct style *list;
    size_t cap;
    bool any_hides;    /* some style hides text itself: otherwise no lookup is needed */
    struct jk_buf key; /* scratch: a name with its family letter */
};

static void styles_init(struct styles *s)
{
    memset(s, 0, sizeof(*s));
    jk_strmap_init(&s->ids);
    jk_buf_init(&s->key);
}

static void styles_release(struct styles *s)
{
    jk_strmap_release(&s->ids);
    jk_buf_release(&s->key);
    free(s->list);
}

/* Deepest chain of based-on styles followed: a loop or a longer chain ends there. */
#define STYLE_DEPTH 32

/* The number of the style name[0..len) (family letter first for OpenDocument), added unset. */
static uint32_t style_id(struct styles *s, const char *name, size_t len)
{
    bool added;
    uint32_t id = jk_strmap_intern(&s->ids, name, len, &added);
    if (added) {
        JK_GROW(s->list, (size_t)id + 1, s->cap);
        s->list[id] = (struct style){-1, JK_NO_ID};
    }
    return id;
}

/* Whether style id hides text, by its own setting or its nearest ancestor's. */
static bool style_hides(const struct styles *s, uint32_t id)
{
    for (int depth = 0; id != JK_NO_ID && depth < STYLE_DEPTH; depth++) {
        if (s->list[id].own >= 0)
            return s->list[id].own == 1;
        id = s->list[id].parent;
    }
    return false;
}

/* One level of Word's paragraphs or runs (a text box's paragraphs sit inside a run). */
#define WORD_LEVELS 8

/* What the walk over one part's XML needs. */
struct walk {
    xmlTextReaderPtr r;
    struct jk_buf *text;
    enum jk_office_kind kind;
    bool styles_part; /* reading styles.xml: styles only, no text */
    int in_text;      /* depth of elements whose text is kept (w:t; text:p and text:h) */
    int in_run;       /* depth of Word's runs (w:r): their tabs and breaks are text, a paragraph's
                         tab stops (w:pPr/w:tabs/w:tab) are not */
    /* Word: per open paragraph, whether its style hides its text; per open run, its own
     * w:vanish (-1 none) and whether its character style hides it */
    bool para_hides[WORD_LEVELS];
    signed char run_vanish[WORD_LEVELS];
    bool run_style_hides[WORD_LEVELS];
    int paras;
    uint32_t style;    /* the style being read (w:style, style:style), or JK_NO_ID */
    bool in_style_rpr; /* inside that Word style's own run properties */
    struct styles *styles;
};

/* The open paragraph's or run's slot (the innermost WORD_LEVELS are told apart). */
static int level(int depth)
{
    return depth < 1 ? 0 : depth > WORD_LEVELS ? WORD_LEVELS - 1 : depth - 1;
}

/*
 * Whether the Word run being read is hidden: by its own w:vanish, else by its
 * styles. vanish is a toggle property (ECMA-376 Part 1, 17.7.3): a character
 * style's setting flips the paragraph style's.
 */
static bool run_hidden(const struct walk *w)
{
    if (w->kind != JK_OFFICE_DOCX || w->in_run == 0)
        return false;
    int r = level(w->in_run);
    if (w->run_vanish[r] >= 0)
        return w->run_vanish[r] == 1;
    return w->para_hides[level(w->paras)] != w->run_style_hides[r];
}

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

/* The table's key of the style the element's attribute name (in ns) names, into styles->key:
 * family's letter in front when not 0. False when the element has no such attribute. */
static bool style_key(struct walk *w, const char *name, const xmlChar *ns, char family)
{
    xmlChar *v = attribute(w, name, ns);
    if (!v)
        return false;
    jk_buf_clear(&w->styles->key);
    if (family)
        jk_buf_addc(&w->styles->key, family);
    jk_buf_adds(&w->styles->key, (const char *)v);
    xmlFree(v);
    return true;
}

/* Whether the style named by the element's attribute name (in ns; OpenDocument: of family,
 * its letter) hides text. */
static bool names_hiding_style(struct walk *w, const char *name, const xmlChar *ns, char family)
{
    struct styles *s = w->styles;
    if (!s->any_hides || !style_key(w, name, ns, family))
        return false;
    uint32_t id = jk_strmap_find(&s->ids, s->key.data, s->key.len);
    return id != JK_NO_ID && style_hides(s, id);
}

/* The style named by the element's attribute name (in ns), with family's letter in front
 * when not 0, added to the table if new. */
static uint32_t style_named(struct walk *w, const char *name, const xmlChar *ns, char family)
{
    struct styles *s = w->styles;
    return style_key(w, name, ns, family) ? style_id(s, s->key.data, s->key.len) : JK_NO_ID;
}

/*
 * Word's styles.xml: each w:style's own w:rPr/w:vanish and its w:basedOn.
 * (w:docDefaults' run properties are not read: a document hidden by default
 * is not a thesis.)
 */
static void docx_style(struct walk *w, const char *name, const xmlChar *ns, bool empty)
{
    int depth = xmlTextReaderDepth(w->r);
    if (strcmp(name, "style") == 0 && depth == 1) {
        w->style = style_named(w, "styleId", ns, 0);
        w->in_style_rpr = false;
    } else if (w->style == JK_NO_ID) {
        return;
    } else if (strcmp(name, "basedOn") == 0 && depth == 2) {
        uint32_t parent = style_named(w, "val", ns, 0);
        w->styles->list[w->style].parent = parent; /* after the add: list may have moved */
    } else if (strcmp(name, "rPr") == 0 && depth == 2) {
        w->in_style_rpr = !empty;
    } else if (strcmp(name, "vanish") == 0 && depth == 3 && w->in_style_rpr) {
        w->styles->list[w->style].own = word_on(w, ns) ? 1 : 0;
        w->styles->any_hides |= w->styles->list[w->style].own == 1;
    }
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
    if (w->styles_part) {
        docx_style(w, name, ns, empty);
        return false;
    }
    bool in_run = w->in_run > 0 && !run_hidden(w); /* a hidden run's tabs are not text either */
    if (strcmp(name, "t") == 0)
        w->in_text += !empty;
    else if (strcmp(name, "r") == 0 && !empty) {
        int r = level(++w->in_run);
        w->run_vanish[r] = -1;
        w->run_style_hides[r] = false;
    } else if (strcmp(name, "vanish") == 0 && w->in_run > 0) /* in the run's w:rPr */
        w->run_vanish[level(w->in_run)] = word_on(w, ns) ? 1 : 0;
    else if (strcmp(name, "rStyle") == 0 && w->in_run > 0)
        w->run_style_hides[level(w->in_run)] = names_hiding_style(w, "val", ns, 0);
    else if (strcmp(name, "pStyle") == 0 && w->paras > 0)
        w->para_hides[level(w->paras)] = names_hiding_style(w, "val", ns, 0);
    else if (strcmp(name, "p") == 0 && empty)
        end_line(w->text);
    else if (strcmp(name, "p") == 0)
        w->para_hides[level(++w->paras)] = false;
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
    if (w->styles_part) {
        if (strcmp(name, "rPr") == 0)
            w->in_style_rpr = false;
        else if (strcmp(name, "style") == 0)
            w->style = JK_NO_ID;
        return;
    }
    if (strcmp(name, "t") == 0 && w->in_text > 0)
        w->in_text--;
    else if (strcmp(name, "r") == 0 && w->in_run > 0)
        w->in_run--;
    else if (strcmp(name, "p") == 0) {
        w->paras -= w->paras > 0;
        end_line(w->text);
    }
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

/* The letter an OpenDocument style family is keyed by: 't' text, 'p' paragraph, 0 other. */
static char odt_family(struct walk *w)
{
    xmlChar *family = attribute(w, "family", (const xmlChar *)ODF_STYLE);
    const char *f = (const char *)family;
    char letter = !f ? 0 : strcmp(f, "text") == 0 ? 't' : strcmp(f, "paragraph") == 0 ? 'p' : 0;
    xmlFree(family);
    return letter;
}

/*
 * The styles that hide or show text: style:style elements (the common ones of
 * styles.xml, the automatic ones before content.xml's body) whose text
 * properties say text:display="none" or "true", and the styles they are based
 * on (style:parent-style-name, of the same family).
 */
static void odt_style(struct walk *w, const char *name, bool empty)
{
    if (strcmp(name, "style") == 0) {
        char family = odt_family(w);
        w->style = family ? style_named(w, "name", (const xmlChar *)ODF_STYLE, family) : JK_NO_ID;
        if (w->style != JK_NO_ID) {
            uint32_t parent =
                style_named(w, "parent-style-name", (const xmlChar *)ODF_STYLE, family);
            w->styles->list[w->style].parent = parent; /* after the add: list may have moved */
        }
        if (empty) /* no properties follow, and no end tag */
            w->style = JK_NO_ID;
    } else if (strcmp(name, "text-properties") == 0 && w->style != JK_NO_ID) {
        xmlChar *display = attribute(w, "display", (const xmlChar *)ODF_TEXT);
        const char *d = (const char *)display;
        bool none = d && strcmp(d, "none") == 0;
        if (none || (d && strcmp(d, "true") == 0)) {
            w->styles->list[w->style].own = none;
            w->styles->any_hides |= none;
        }
        xmlFree(display);
    }
}

/* Whether the text element (a span: text family; a paragraph or heading: paragraph family)
 * has a style that hides it. */
static bool odt_hidden(struct walk *w, const char *name)
{
    char family = strcmp(name, "span") == 0                          ? 't'
                  : strcmp(name, "p") == 0 || strcmp(name, "h") == 0 ? 'p'
                                                                     : 0;
    return family && names_hiding_style(w, "style-name", (const xmlChar *)ODF_TEXT, family);
}

/* OpenDocument's elements, as docx_start. */
static bool odt_start(struct walk *w, const char *name, const xmlChar *ns, bool empty, size_t from)
{
    if (is_ns(ns, ODF_OFFICE) && w->styles_part) /* styles.xml: only the common styles */
        return strcmp(name, "automatic-styles") == 0 || strcmp(name, "master-styles") == 0;
    if (is_ns(ns, ODF_OFFICE))
        return strcmp(name, "annotation") == 0; /* comments */
    if (is_ns(ns, ODF_STYLE))
        odt_style(w, name, empty);
    if (!is_ns(ns, ODF_TEXT) || w->styles_part)
        return false;
    if (odt_hidden(w, name)) /* a span or paragraph of hidden text */
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
    if (is_ns(ns, ODF_STYLE) && strcmp(name, "style") == 0)
        w->style = JK_NO_ID;
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
               w->in_text > 0 && !run_hidden(w)) {
        const char *v = (const char *)xmlTextReaderConstValue(w->r);
        if (v)
            jk_buf_adds(w->text, v);
    }
    return xmlTextReaderRead(w->r);
}

/* Walks the XML of part (open) into text (styles_part: into styles only); JK_OFFICE_OK when
 * the XML was whole. */
static enum jk_office_result walk_part(struct part *p, enum jk_office_kind kind, bool styles_part,
                                       struct styles *styles, struct jk_buf *text)
{
    jk_libxml_quiet();
    xmlTextReaderPtr r = xmlReaderForIO(part_read, part_close, p, NULL, NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!r)
        return JK_OFFICE_DAMAGED;
    struct walk w = {.r = r,
                     .text = text,
                     .kind = kind,
                     .styles_part = styles_part,
                     .style = JK_NO_ID,
                     .styles = styles};
    size_t from = text->len;
    int ret = xmlTextReaderRead(r);
    while (ret == 1)
        ret = step(&w, from);
    xmlFreeTextReader(r);
    if (p->too_large)
        return JK_OFFICE_TOO_LARGE;
    return ret == 0 && !p->zip_failed ? JK_OFFICE_OK : JK_OFFICE_DAMAGED;
}

/* Whether s[0..n) holds word where no '-' follows it ("display", not "display-name"). */
static bool holds(const char *s, size_t n, const char *word)
{
    size_t len = strlen(word);
    for (const char *p = s; n >= len && (p = memchr(p, word[0], n - len + 1 - (size_t)(p - s)));
         p++)
        if (memcmp(p, word, len) == 0 && (p + len == s + n || p[len] != '-'))
            return true;
    return false;
}

/*
 * Whether archive entry i holds word where no '-' follows it, reading at most
 * max bytes of it in chunks (a word across two chunks is found: the last
 * bytes of each stay for the next; one ending a chunk counts, which at worst
 * makes the caller parse a part it need not).
 */
static bool part_holds(zip_t *za, zip_int64_t i, const char *word, size_t max)
{
    zip_file_t *f = zip_fopen_index(za, (zip_uint64_t)i, 0);
    if (!f)
        return false;
    size_t len = strlen(word), keep = 0, read = 0;
    char buf[16384];
    bool found = false;
    zip_int64_t n;
    while (!found && read <= max && (n = zip_fread(f, buf + keep, sizeof(buf) - keep)) > 0) {
        size_t have = keep + (size_t)n;
        read += (size_t)n;
        found = holds(buf, have, word);
        keep = have < len ? have : len;
        memmove(buf, buf + have - keep, keep);
    }
    zip_fclose(f);
    return found;
}

/*
 * The named styles that hide text, from the styles part (word/styles.xml,
 * styles.xml), if the archive has one. Word writes some 60 KB of styles into
 * every document, which take as long to parse as a short article's text, and
 * hardly any hides text: the part is scanned as it unpacks, never held whole,
 * and parsed (unpacked again) only when it holds the word that hiding takes
 * ("vanish"; "display", not "display-name"). A damaged, missing or oversized
 * styles part only means fewer styles known: the text part decides whether
 * the document reads.
 */
static void read_styles(zip_t *za, enum jk_office_kind kind, size_t max_xml, struct styles *styles)
{
    const char *name = kind == JK_OFFICE_DOCX ? "word/styles.xml" : "styles.xml";
    zip_int64_t i = zip_name_locate(za, name, 0);
    if (i < 0 || !part_holds(za, i, kind == JK_OFFICE_DOCX ? "vanish" : "display", max_xml))
        return;
    struct part p = {zip_fopen_index(za, (zip_uint64_t)i, 0), 0, max_xml, false, false};
    if (!p.file)
        return;
    struct jk_buf none;
    jk_buf_init(&none);
    walk_part(&p, kind, true, styles, &none);
    jk_buf_release(&none);
    zip_fclose(p.file);
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
    struct styles styles;
    styles_init(&styles);
    read_styles(za, kind, max_xml, &styles);
    enum jk_office_result res = walk_part(&p, kind, false, &styles, text);
    zip_fclose(p.file);
    styles_release(&styles);
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
