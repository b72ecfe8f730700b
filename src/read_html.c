/*
 * The body text of a saved web page through libxml2's HTML parser. See
 * read_html.h.
 */
#include "read_html.h"

#include <libxml/HTMLparser.h>
#include <limits.h>
#include <stdbool.h>
#include <string.h>

#include "util/encoding.h"
#include "util/libxml.h"

/* Elements whose content is not the page's text (see read_html.h). */
static const char *const skipped[] = {
    "head", "script", "style",  "noscript", "template", "nav",     "footer", "aside",
    "form", "button", "select", "textarea", "iframe",   "object",  "embed",  "svg",
    "math", "canvas", "audio",  "video",    "map",      "frameset"};

/* Elements that stand on lines of their own. */
static const char *const blocks[] = {
    "address", "article", "blockquote", "body",   "caption", "center", "dd",  "div",
    "dl",      "dt",      "figcaption", "figure", "h1",      "h2",     "h3",  "h4",
    "h5",      "h6",      "li",         "main",   "ol",      "p",      "pre", "section",
    "table",   "td",      "th",         "tr",     "ul",      "header", "hr"};

static bool one_of(const char *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(name, list[i]) == 0)
            return true;
    return false;
}

/* The walk's state: where text goes, and what surrounds the current node. */
struct walk {
    struct jk_buf *text;
    size_t from;    /* where this page's text starts in text */
    int in_pre;     /* depth of <pre>: white space kept */
    int in_content; /* depth of <article> and <main>: a <header> there is the article's own */
    bool space;     /* white space seen since the last character appended */
};

static bool line_empty(const struct walk *w)
{
    return w->text->len == w->from || w->text->data[w->text->len - 1] == '\n';
}

static void new_line(struct walk *w)
{
    if (!line_empty(w))
        jk_buf_addc(w->text, '\n');
    w->space = false;
}

static bool html_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/*
 * A text node's content: runs of white space become one space (not at a line's start),
 * except in <pre>. Invalid UTF-8, which libxml2 lets through from a page whose declared
 * encoding it does not know, becomes U+FFFD.
 */
static void add_text(struct walk *w, const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        if (html_space(s[i]) && !w->in_pre) {
            w->space = true;
            i++;
            continue;
        }
        if (w->space && !line_empty(w))
            jk_buf_addc(w->text, ' ');
        w->space = false;
        size_t n = jk_utf8_valid_len((const unsigned char *)s + i, len - i);
        if (n)
            jk_buf_add(w->text, s + i, n);
        else
            jk_utf8_add(w->text, 0xFFFD);
        i += n ? n : 1;
    }
}

static const char *element_name(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE && n->name ? (const char *)n->name : NULL;
}

/* Takes in node as the walk enters it; false when its content is skipped. */
static bool enter(struct walk *w, const xmlNode *n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            add_text(w, (const char *)n->content);
        return false;
    }
    const char *name = element_name(n);
    if (!name)
        return false;
    if (one_of(name, skipped, sizeof(skipped) / sizeof(*skipped)) ||
        (strcmp(name, "header") == 0 && w->in_content == 0)) /* the site's, not the article's */
        return false;
    if (one_of(name, blocks, sizeof(blocks) / sizeof(*blocks)))
        new_line(w);
    if (strcmp(name, "br") == 0) { /* a line break of its own: two make an empty line */
        jk_buf_addc(w->text, '\n');
        w->space = false;
    }
    w->in_pre += strcmp(name, "pre") == 0;
    w->in_content += strcmp(name, "article") == 0 || strcmp(name, "main") == 0;
    return true;
}

/* The walk leaves node, which it entered (enter returned true). */
static void leave(struct walk *w, const xmlNode *n)
{
    const char *name = element_name(n);
    if (!name)
        return;
    w->in_pre -= strcmp(name, "pre") == 0;
    w->in_content -= strcmp(name, "article") == 0 || strcmp(name, "main") == 0;
    if (one_of(name, blocks, sizeof(blocks) / sizeof(*blocks)))
        new_line(w);
}

/* Every node under top in document order, without recursion (pages nest deeply). */
static void walk_tree(struct walk *w, const xmlNode *top)
{
    const xmlNode *n = top;
    while (n) {
        bool entered = enter(w, n);
        if (entered && n->children) {
            n = n->children;
            continue;
        }
        if (entered)
            leave(w, n);
        /* leave the ancestors n ends, then go on with the next sibling */
        while (n != top && n->next == NULL) {
            n = n->parent;
            leave(w, n);
        }
        n = n == top ? NULL : n->next;
    }
}

static bool valid_utf8(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t n = jk_utf8_valid_len((const unsigned char *)s + i, len - i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

/* The page's <body>, or its root when it has none. */
static const xmlNode *body_of(const xmlNode *root)
{
    for (const xmlNode *n = root ? root->children : NULL; n; n = n->next)
        if (element_name(n) && strcmp(element_name(n), "body") == 0)
            return n;
    return root;
}

void jk_web_page_text(const char *data, size_t len, struct jk_buf *text)
{
    if (len == 0 || len > (size_t)INT_MAX)
        return;
    jk_libxml_init();
    jk_libxml_quiet();
    const char *encoding = valid_utf8(data, len) ? "UTF-8" : NULL;
    /* HUGE: without it libxml2 drops everything nested more than 256 elements deep, as
     * a page of unclosed <font> or <div> tags is */
    htmlDocPtr doc = htmlReadMemory(data, (int)len, NULL, encoding,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | XML_PARSE_HUGE);
    if (!doc)
        return;
    struct walk w = {text, text->len, 0, 0, false};
    const xmlNode *top = body_of(xmlDocGetRootElement(doc));
    if (top)
        walk_tree(&w, top);
    new_line(&w);
    xmlFreeDoc(doc);
}
