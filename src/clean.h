/*
 * Stage 2: cleaning one document's text before tokenizing. Strips the debris
 * that Markdown, HTML and PDF conversion leave in Indonesian academic writing
 * (tags, footnote marks, URLs, DOIs, e-mails, emphasis, page numbers), mends words
 * broken over line breaks and marks paragraph, heading and cell boundaries.
 */
#ifndef JK_CLEAN_H
#define JK_CLEAN_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/*
 * Tells whether word (len bytes of lower-case UTF-8, NUL-terminated for
 * convenience) is a known word, e.g. seen in the corpus or in a dictionary.
 * The cleaner asks it about hyphenated line breaks: "pelaksanaan" for
 * "pelaksa-\nnaan", then "sub-state" for "sub-\nstate".
 */
typedef bool (*jk_known_word_fn)(void *ctx, const char *word, size_t len);

/*
 * Replaces out's contents (out must be initialised) with the cleaned text of
 * the len bytes at text, which is only borrowed. Linear in len; never fails
 * (out of memory aborts). known is called at most twice per hyphenated line
 * break, never retained.
 *
 * Output invariants:
 * - valid UTF-8, even if the input is not (bad bytes become U+FFFD);
 * - "\n\n" marks a hard boundary (paragraph, heading, list item, table cell,
 *   footnote, removed page number); every other whitespace run is one ' ';
 * - no leading or trailing whitespace, no other control characters.
 *
 * Removed: HTML/XML tags (with the content of <sup> and <sub>), HTML comments,
 * HTML entities (decoded), Markdown emphasis and escapes, heading marks,
 * rules, table pipes (a tab inside a line also separates cells), list bullets
 * and enumerators ("1." "a." "B." "iv." at a line start), link syntax
 * ([text](url) keeps text), images, footnote references ([^1], [12]),
 * autolinks, bare URLs (also the path part a PDF wrapped onto the next line),
 * e-mail addresses, footnote numbers glued to a word or to sentence
 * punctuation ("program.1 Oleh", "NTB.7", "dinas-dinas2"; not "No.4",
 * "covid-19", "tahun 2019"), Unicode superscript digits, invisible characters,
 * lines holding only a number of 1-3 digits (page or footnote number).
 *
 * Line breaks. A document is "double-spaced" (PDF text with a blank line after
 * every line) when most of its plain lines are short, unpunctuated and
 * followed by exactly one blank line. There a single blank line is a line
 * wrap, and a boundary needs 2+ blank lines or a line ending with . ! ?.
 * Elsewhere a single newline is a wrap and a blank line is a boundary, except
 * that a blank line between a line ending mid-sentence and a line starting in
 * lower case is taken as a page break inside a paragraph (a wrap). In both
 * modes a short Title Case or ALL CAPS line that follows a boundary or a
 * sentence end ("BAB IV", "A. Kerjasama Sister Province NTB Dengan Zhejiang
 * 2014-2015") ends with a boundary when the next line starts with a capital
 * or a digit. A '.' after an initial or "No", "Vol", "Hal", "Dr"... does not
 * end a sentence here.
 *
 * A wrap after a word ending in '-' joins the two halves without a space:
 * - equal halves or other reduplication ("dinas-\ndinas", "negara-\nnegaranya")
 *   keep the hyphen;
 * - else if known(ctx, joined) holds, the hyphen goes ("pelaksanaan");
 * - else if known(ctx, hyphenated) holds, the hyphen stays ("sub-state");
 * - else a half with a digit or a second half starting with a capital keeps
 *   the hyphen ("covid-19", "Jeollabuk-Do", "NTB-ZHEJIANG");
 * - else the hyphen goes: in Indonesian PDF text a line-end hyphen before a
 *   lower-case syllable is nearly always typesetting ("pelaksa-\nnaan").
 * known may be NULL: the same rules without the two dictionary steps.
 * A wrap without a hyphen is a space: "masing\nmasing" stays two words.
 */
void jk_clean(const char *text, size_t len, struct jk_buf *out, jk_known_word_fn known, void *ctx);

#endif
