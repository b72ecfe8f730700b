/*
 * Reader for web pages saved as .html or .htm (an article's page on a
 * journal's site, a repository's abstract page, a Word document saved as a
 * web page), through libxml2's HTML parser, which reads the tag soup
 * browsers accept.
 *
 * What is kept: the text of the page's body. Block elements (paragraphs,
 * headings, list items, table cells and rows, divisions, line breaks) end
 * lines; inside them runs of white space become one space, as a browser
 * shows them, except in <pre>. What is left out: scripts, styles, the
 * page's navigation, header, footer and side bars (<nav>, <header>,
 * <footer>, <aside>: a site's menus and copyright lines on every page),
 * forms, embedded frames, pictures' markup and the <head>.
 *
 * The encoding is the page's own (<meta charset>, a byte-order mark); a
 * page that declares none is read as UTF-8 when it is valid UTF-8, else
 * as libxml2 guesses (Latin-1).
 */
#ifndef JK_READ_HTML_H
#define JK_READ_HTML_H

#include <stddef.h>

#include "util/buf.h"

/*
 * Appends the text of the page in data[0..len) (borrowed) to text, in UTF-8.
 * Never fails: a page without a body or text appends nothing. Thread-safe.
 */
void jk_web_page_text(const char *data, size_t len, struct jk_buf *text);

#endif
