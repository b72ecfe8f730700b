/*
 * PDF reader (see read_pdf.h): Poppler's GLib API (loaded with the first
 * PDF, see poppler_load.h) gives each page's text;
 * running headers, footers and page numbers are found by comparing the
 * first and last lines of every page, then the rest becomes one record.
 * Encrypted, scanned and damaged PDFs are skipped with a warning.
 */
#include "read_pdf.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "poppler_load.h"
#include "util/buf.h"
#include "util/encoding.h"
#include "util/mem.h"
#include "util/strmap.h"

#define ZONE           3    /* lines at each end of a page that may be a header or footer */
#define MIN_PAGE_TEXT  64   /* non-space bytes for a page to count as having a text layer */
#define EOF_WINDOW     1024 /* a whole PDF has "%%EOF" within its last bytes */
#define FIRST_PDF_YEAR 1993 /* PDF 1.0: an earlier creation date is nonsense */

enum problem {
    PDF_FINE,
    PDF_ENCRYPTED,
    PDF_SCANNED,
    PDF_DAMAGED,
    PDF_WEB_PAGE,
    PDF_NOT_PDF,
    PDF_NO_POPPLER, /* the library cannot be loaded: no PDF can be read */
};

struct line {
    const char *s; /* into the page's text */
    size_t len;    /* without the line end and trailing blanks */
    bool drop;
};

/* One page: its text (owned), lines, and the keys of the lines at each end
 * (slots 0..ZONE-1 top, ZONE..2*ZONE-1 bottom; NULL if none). */
struct page {
    char *text;
    struct line *lines;
    size_t n, cap;
    char *keys[2 * ZONE];
    size_t at[2 * ZONE];
    uint32_t ids[2 * ZONE]; /* each key's number at its end (see mark_headers) */
};

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool line_is_blank(const struct line *l)
{
    for (size_t i = 0; i < l->len; i++)
        if (!is_blank(l->s[i]))
            return false;
    return true;
}

/* Reads the whole file into out (initialised here). */
static enum jk_status read_all(const char *path, struct jk_buf *out, struct jk_diag *diag)
{
    jk_buf_init(out);
    FILE *f = fopen(path, "rb");
    if (!f)
        return jk_error(diag, JK_E_INPUT, "cannot open '%s': %s", path, strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        return jk_error(diag, JK_E_INPUT, "cannot read '%s': it is a folder, not a PDF", path);
    }
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        jk_buf_add(out, chunk, n);
    int failed = ferror(f);
    fclose(f);
    if (failed)
        return jk_error(diag, JK_E_INPUT, "cannot read '%s': %s", path, strerror(errno));
    return JK_OK;
}

/* Whether the literal lit occurs within data[from..to). */
static bool occurs(const char *data, size_t from, size_t to, const char *lit)
{
    size_t n = strlen(lit);
    for (size_t i = from; i + n <= to; i++)
        if (memcmp(data + i, lit, n) == 0)
            return true;
    return false;
}

/* Readers accept the "%PDF-" header anywhere in the first kilobyte (PDF 1.7, annex H). */
enum { HEADER_WINDOW = 1024 };

static bool has_pdf_header(const char *data, size_t len)
{
    return occurs(data, 0, len < HEADER_WINDOW ? len : HEADER_WINDOW, "%PDF-");
}

/*
 * A web page saved under a .pdf name: what a download that stopped at a
 * login, cookie or paywall page leaves. Its first tag, after blanks and a
 * byte order mark, is <!DOCTYPE html> or <html>.
 */
static bool is_web_page(const char *data, size_t len)
{
    size_t i = jk_utf8_bom(data, len);
    while (i < len && is_blank(data[i]))
        i++;
    static const char *const starts[] = {"<!doctype html", "<html"};
    for (size_t k = 0; k < 2; k++) {
        size_t n = strlen(starts[k]);
        if (len - i >= n && strncasecmp(data + i, starts[k], n) == 0)
            return true;
    }
    return false;
}

/* A truncated download loses the "%%EOF" that ends every complete PDF. */
static bool has_eof_marker(const char *data, size_t len)
{
    return occurs(data, len > EOF_WINDOW ? len - EOF_WINDOW : 0, len, "%%EOF");
}

/*
 * Opens the document from bytes (which must outlive it) with Poppler, loaded
 * into *pp when the bytes look like a PDF; why says what is wrong.
 */
static enum problem open_doc(const struct jk_buf *bytes, const struct jk_poppler **pp,
                             PopplerDocument **doc, char *why, size_t why_size)
{
    *doc = NULL;
    if (!has_pdf_header(bytes->data, bytes->len)) {
        snprintf(why, why_size, "no %%PDF- header in its first %d bytes", HEADER_WINDOW);
        return is_web_page(bytes->data, bytes->len) ? PDF_WEB_PAGE : PDF_NOT_PDF;
    }
    if (!has_eof_marker(bytes->data, bytes->len)) {
        snprintf(why, why_size, "it ends before its end-of-file marker");
        return PDF_DAMAGED;
    }
    const char *failed;
    const struct jk_poppler *lib = *pp = jk_poppler(&failed);
    if (!lib) {
        snprintf(why, why_size, "%s", failed);
        return PDF_NO_POPPLER;
    }
    GError *err = NULL;
    GBytes *gb = lib->bytes_new_static(bytes->data, bytes->len);
    *doc = lib->document_new_from_bytes(gb, NULL, &err);
    lib->bytes_unref(gb);
    enum problem p = PDF_FINE;
    if (!*doc) {
        bool locked = lib->error_matches(err, lib->error_quark(), POPPLER_ERROR_ENCRYPTED);
        p = locked ? PDF_ENCRYPTED : PDF_DAMAGED;
        snprintf(why, why_size, "%s", err ? err->message : "Poppler cannot open it");
    } else if (lib->document_get_n_pages(*doc) <= 0) {
        snprintf(why, why_size, "it has no pages");
        p = PDF_DAMAGED;
    }
    lib->clear_error(&err);
    return p;
}

static void split_lines(struct page *p)
{
    for (const char *s = p->text; *s;) {
        const char *e = strchr(s, '\n');
        if (!e)
            e = s + strlen(s);
        size_t n = (size_t)(e - s);
        while (n > 0 && is_blank(s[n - 1]))
            n--;
        JK_GROW(p->lines, p->n + 1, p->cap);
        p->lines[p->n++] = (struct line){s, n, false};
        s = *e ? e + 1 : e;
    }
}

/* The line with blanks collapsed and every digit run as '#' (caller frees). */
static char *line_key(const struct line *l)
{
    struct jk_buf b;
    jk_buf_init(&b);
    for (size_t i = 0; i < l->len; i++) {
        char c = l->s[i];
        char last = b.len ? b.data[b.len - 1] : ' ';
        if (is_blank(c)) {
            if (last != ' ')
                jk_buf_addc(&b, ' ');
        } else if (is_digit(c)) {
            if (last != '#')
                jk_buf_addc(&b, '#');
        } else {
            jk_buf_addc(&b, c);
        }
    }
    if (b.len && b.data[b.len - 1] == ' ')
        jk_buf_truncate(&b, b.len - 1);
    return jk_buf_detach(&b, NULL);
}

/* Keys the first and last ZONE non-blank lines (a short page's may overlap). */
static void key_ends(struct page *p)
{
    size_t top = 0, bottom = 0;
    for (size_t i = 0; i < p->n && top < ZONE; i++)
        if (!line_is_blank(&p->lines[i])) {
            p->at[top] = i;
            p->keys[top++] = line_key(&p->lines[i]);
        }
    for (size_t i = p->n; i-- > 0 && bottom < ZONE;)
        if (!line_is_blank(&p->lines[i])) {
            p->at[ZONE + bottom] = i;
            p->keys[ZONE + bottom++] = line_key(&p->lines[i]);
        }
}

/* Page p of the text (a copy, owned by p). */
static void take_page(const char *text, struct page *p)
{
    memset(p, 0, sizeof(*p));
    p->text = jk_strdup(text ? text : "");
    split_lines(p);
    key_ends(p);
}

static void load_page(const struct jk_poppler *lib, PopplerDocument *doc, int index, struct page *p)
{
    PopplerPage *page = lib->document_get_page(doc, index);
    char *text = page ? lib->page_get_text(page) : NULL;
    take_page(text, p);
    lib->free(text);
    if (page)
        lib->object_unref(page);
}

static void page_release(struct page *p)
{
    for (size_t k = 0; k < 2 * ZONE; k++)
        free(p->keys[k]);
    free(p->lines);
    free(p->text);
}

/* A key (see line_key) of a line that is only a page number. */
static bool is_page_number(const char *key)
{
    static const char *const forms[] = {
        "#",           "- # -",  "-#-",   "– # –",  "[#]",       "page #",
        "page # of #", "# of #", "# / #", "#/#",    "halaman #", "halaman # dari #",
        "# dari #",    "hal. #", "hal #", "hlm. #", "hlm #",     "p. #",
    };
    for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
        if (strcasecmp(key, forms[i]) == 0)
            return true;
    return key[0] && strspn(key, "ivxlc") == strlen(key) && strlen(key) <= 6;
}

/*
 * For each end-line key, how many pages hold it at the same end: one map of
 * keys per end (top, bottom), and counts[end][id] the pages that hold key id
 * there, each page once. Linear in the pages, so a long PDF is no slower per
 * page than a short one (comparing every page's keys with every other
 * page's took 29 s for 20,000 pages).
 */
struct zone_counts {
    struct jk_strmap keys[2]; /* top, bottom */
    uint32_t *counts[2];
    size_t cap[2];
};

/* Numbers slot k of page p (ids[k]) and counts the page for its key, unless an earlier slot
 * at the same end of the page holds the same key. */
static void count_slot(struct zone_counts *z, struct page *p, size_t k)
{
    size_t end = k / ZONE;
    bool added;
    p->ids[k] = jk_strmap_intern(&z->keys[end], p->keys[k], strlen(p->keys[k]), &added);
    if (added) {
        JK_GROW(z->counts[end], (size_t)p->ids[k] + 1, z->cap[end]);
        z->counts[end][p->ids[k]] = 0;
    }
    for (size_t j = end * ZONE; j < k; j++)
        if (p->keys[j] && p->ids[j] == p->ids[k])
            return;
    z->counts[end][p->ids[k]]++;
}

static void mark_headers(struct page *pages, size_t n_pages)
{
    struct zone_counts z = {0};
    jk_strmap_init(&z.keys[0]);
    jk_strmap_init(&z.keys[1]);
    for (size_t p = 0; p < n_pages; p++)
        for (size_t k = 0; k < 2 * ZONE; k++)
            if (pages[p].keys[k])
                count_slot(&z, &pages[p], k);
    for (size_t p = 0; p < n_pages; p++)
        for (size_t k = 0; k < 2 * ZONE; k++) {
            const char *key = pages[p].keys[k];
            if (!key)
                continue;
            size_t c = z.counts[k / ZONE][pages[p].ids[k]];
            if (is_page_number(key) || (c >= 2 && 2 * c >= n_pages))
                pages[p].lines[pages[p].at[k]].drop = true;
        }
    for (size_t end = 0; end < 2; end++) {
        jk_strmap_release(&z.keys[end]);
        free(z.counts[end]);
    }
}

static size_t kept_text(const struct page *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->n; i++)
        if (!p->lines[i].drop)
            for (size_t j = 0; j < p->lines[i].len; j++)
                n += !is_blank(p->lines[i].s[j]);
    return n;
}

/* Scanned when at most a quarter of the pages (a repository's cover sheet) carry text. */
static bool looks_scanned(const struct page *pages, size_t n_pages, char *why, size_t why_size)
{
    size_t with_text = 0;
    for (size_t p = 0; p < n_pages; p++)
        with_text += kept_text(&pages[p]) >= MIN_PAGE_TEXT;
    snprintf(why, why_size, "%zu of %zu pages have text", with_text, n_pages);
    return 4 * with_text <= n_pages;
}

/* Appends the kept lines of a page, a blank line before it if out has text. */
static void append_page(struct jk_buf *out, const struct page *p)
{
    size_t blanks = 0;
    bool started = false;
    for (size_t i = 0; i < p->n; i++) {
        const struct line *l = &p->lines[i];
        if (l->drop)
            continue;
        if (line_is_blank(l)) {
            blanks += started;
            continue;
        }
        if (!started && out->len)
            jk_buf_addc(out, '\n');
        for (; blanks; blanks--)
            jk_buf_addc(out, '\n');
        started = true;
        jk_buf_add(out, l->s, l->len);
        jk_buf_addc(out, '\n');
    }
}

/* Word processors put the file name where the title belongs. */
static bool is_file_name(const char *s, size_t n)
{
    static const char *const exts[] = {".doc", ".docx", ".pdf", ".odt", ".rtf", ".tex", ".dvi"};
    for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
        size_t e = strlen(exts[i]);
        if (n >= e && strncasecmp(s + n - e, exts[i], e) == 0)
            return true;
    }
    return false;
}

static void set_title(const struct jk_poppler *lib, struct jk_buf *title, PopplerDocument *doc)
{
    gchar *t = lib->document_get_title(doc);
    const char *s = t ? t : "";
    while (is_blank(*s))
        s++;
    if (strncmp(s, "Microsoft Word - ", 17) == 0)
        s += 17;
    size_t n = strlen(s);
    while (n > 0 && is_blank(s[n - 1]))
        n--;
    if (n > 0 && !is_file_name(s, n))
        for (size_t i = 0; i < n; i++)
            if (!is_blank(s[i]) || (title->len && title->data[title->len - 1] != ' '))
                jk_buf_addc(title, is_blank(s[i]) ? ' ' : s[i]);
    lib->free(t);
}

static int creation_year(const struct jk_poppler *lib, PopplerDocument *doc)
{
    GDateTime *dt = lib->document_get_creation_date_time(doc);
    if (!dt)
        return 0;
    int year = lib->date_time_get_year(dt);
    lib->date_time_unref(dt);
    time_t now = time(NULL);
    struct tm tm;
    int latest = gmtime_r(&now, &tm) ? tm.tm_year + 1900 + 1 : 9999;
    return year >= FIRST_PDF_YEAR && year <= latest ? year : 0;
}

static void warn_skipped(const char *path, enum problem p, const char *why)
{
    if (p == PDF_ENCRYPTED)
        jk_warn("skipping '%s': the PDF is encrypted (it needs a password: %s); open it with its "
                "password, save an unprotected copy and add that instead",
                path, why);
    else if (p == PDF_SCANNED)
        jk_warn("skipping '%s': the PDF has no text layer (a scan? %s); run OCR first (e.g. "
                "ocrmypdf) and add the result",
                path, why);
    else if (p == PDF_WEB_PAGE)
        jk_warn("skipping '%s': it is a web page (HTML), not a PDF: the download probably stopped "
                "at a login, cookie or paywall page; download the PDF again",
                path);
    else if (p == PDF_NOT_PDF)
        jk_warn("skipping '%s': it is not a PDF (%s); check what the file is, and give a PDF or "
                "the right extension",
                path, why);
    else
        jk_warn("skipping '%s': the PDF is damaged or truncated (%s); download it again or "
                "repair it (e.g. qpdf)",
                path, why);
}

/*
 * The kept text of pages[0..n_pages) (released here) into text: PDF_SCANNED,
 * and nothing added, when the pages have no text layer.
 */
static enum problem join_pages(struct page *pages, size_t n_pages, struct jk_buf *text, char *why,
                               size_t why_size)
{
    mark_headers(pages, n_pages);
    enum problem result = PDF_SCANNED;
    if (!looks_scanned(pages, n_pages, why, why_size)) {
        result = PDF_FINE;
        for (size_t p = 0; p < n_pages; p++)
            append_page(text, &pages[p]);
    }
    for (size_t p = 0; p < n_pages; p++)
        page_release(&pages[p]);
    free(pages);
    return result;
}

/* Reads every page of an opened document; PDF_SCANNED when it has no text layer. */
static enum problem read_pages(const struct jk_poppler *lib, PopplerDocument *doc,
                               struct jk_buf *text, char *why, size_t why_size)
{
    size_t n_pages = (size_t)lib->document_get_n_pages(doc);
    struct page *pages = jk_calloc(n_pages ? n_pages : 1, sizeof(*pages));
    for (size_t p = 0; p < n_pages; p++)
        load_page(lib, doc, (int)p, &pages[p]);
    return join_pages(pages, n_pages, text, why, why_size);
}

bool jk_pdf_pages_text(const char *const *pages, size_t n_pages, struct jk_buf *out)
{
    struct page *loaded = jk_calloc(n_pages ? n_pages : 1, sizeof(*loaded));
    for (size_t p = 0; p < n_pages; p++)
        take_page(pages[p], &loaded[p]);
    char why[64];
    jk_buf_clear(out);
    return join_pages(loaded, n_pages, out, why, sizeof(why)) == PDF_FINE;
}

enum jk_status jk_read_pdf(const char *path, jk_record_fn emit, void *ctx, struct jk_diag *diag)
{
    struct jk_buf bytes;
    enum jk_status st = read_all(path, &bytes, diag);
    if (st != JK_OK) {
        jk_buf_release(&bytes);
        return st;
    }
    char why[512];
    const struct jk_poppler *lib = NULL;
    PopplerDocument *doc = NULL;
    struct jk_record rec;
    jk_record_init(&rec);
    enum problem p = open_doc(&bytes, &lib, &doc, why, sizeof(why));
    if (p == PDF_FINE)
        p = read_pages(lib, doc, &rec.fulltext, why, sizeof(why));
    if (p == PDF_NO_POPPLER) {
        st = jk_error(diag, JK_E_INPUT,
                      "cannot read the PDF '%s': Poppler's GLib library cannot be loaded (%s); "
                      "install the Debian package libpoppler-glib8",
                      path, why);
    } else if (p != PDF_FINE) {
        warn_skipped(path, p, why);
    } else {
        rec.source = path;
        rec.number = 1;
        set_title(lib, &rec.title, doc);
        rec.year = creation_year(lib, doc);
        st = emit(ctx, &rec, diag);
    }
    jk_record_release(&rec);
    if (doc)
        lib->object_unref(doc);
    jk_buf_release(&bytes);
    return st;
}
