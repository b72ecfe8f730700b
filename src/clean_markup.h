/*
 * Stage 2, inline half: the scanner that strips the markup inside one physical
 * line (tags, HTML entities, emphasis, Markdown links, URLs, DOIs, e-mail addresses,
 * footnote numbers), and the character tests it shares with clean.c, which
 * lays the cleaned lines out. Internal: only clean.c and clean_markup.c use it.
 */
#ifndef JK_CLEAN_MARKUP_H
#define JK_CLEAN_MARKUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <utf8proc.h>

#include "util/buf.h"

/* A hard boundary inside a cleaned line; clean.c writes it out as "\n\n". */
#define MARK '\x1f'

/* ASCII byte classes, independent of the locale. */
#define IS_DIGIT(ch) ((ch) >= '0' && (ch) <= '9')
#define IS_ALPHA(ch) (((ch) >= 'a' && (ch) <= 'z') || ((ch) >= 'A' && (ch) <= 'Z'))
#define IS_ALNUM(ch) (IS_DIGIT(ch) || IS_ALPHA(ch))
#define IS_SPACE(ch) ((ch) == ' ' || (ch) == '\t' || (ch) == '\r' || (ch) == '\f' || (ch) == '\v')
#define IS_HIGH(ch)  ((unsigned char)(ch) >= 0x80) /* part of a UTF-8 sequence */
#define LOWER(ch)    ((ch) >= 'A' && (ch) <= 'Z' ? (char)((ch) - 'A' + 'a') : (ch))

/*
 * The scanner's state, which one line hands on to the next.
 * After jk_markup_scan, line holds valid UTF-8 without control characters
 * but MARK; it neither starts nor ends with ' ' or MARK, and each separator
 * inside it is a single ' ' or MARK.
 */
struct jk_markup {
    struct jk_buf line; /* the cleaned text of the last line scanned; owned */
    bool space, mark;   /* private: a separator pending inside the line */
    bool url_open;      /* a bare URL ran to the end of the previous line; clean.c
                           clears it at a removed line (page number, rule) */
};

/* Initialises m with an empty line. */
void jk_markup_init(struct jk_markup *m);

/* Frees m's line; NULL-safe. Initialise m again to reuse it. */
void jk_markup_release(struct jk_markup *m);

/*
 * Replaces m->line with the cleaned text of the physical line s[0..n) (no
 * '\n'; borrowed, not retained). Tags go (with the content of <sup> and
 * <sub>), block tags and <br> separate; entities are decoded; emphasis,
 * escapes, images, footnote references, autolinks, bare URLs (and, if
 * url_open, the path part that starts this line), e-mail addresses and glued
 * footnote numbers go; "[text](url)" keeps text. In a table row (table) '|'
 * separates cells, as a tab does everywhere. Linear in n; never fails.
 */
void jk_markup_scan(struct jk_markup *m, const char *s, size_t n, bool table);

/* Character tests shared with clean.c. Strings are borrowed, never retained. */

/* strchr() that never matches the terminating NUL; inline: the cleaner asks it per byte. */
static inline bool jk_clean_in_set(char ch, const char *set)
{
    for (; *set; set++)
        if (*set == ch)
            return true;
    return false;
}

/* Does s[0..n) start with prefix (lower-case ASCII), in any case? */
bool jk_clean_prefix_ci(const char *s, size_t n, const char *prefix);

/* Is the ASCII word w[0..n) (any case) in list, lower-case words each followed by ' '? */
bool jk_clean_in_list(const char *list, const char *w, size_t n);

/* Decodes the codepoint at s (n > 0 bytes available); -1 if invalid. *len gets its size. */
int32_t jk_clean_decode(const char *s, size_t n, size_t *len);

/* Decodes the codepoint that ends at s[end - 1] (end > 0); *start gets where it begins. */
int32_t jk_clean_decode_back(const char *s, size_t end, size_t *start);

/* The Unicode category of cp; unassigned (CN) for -1. */
utf8proc_category_t jk_clean_category(int32_t cp);

/* Is cp a letter (categories Lu, Ll, Lt, Lm, Lo)? */
bool jk_clean_is_letter(int32_t cp);

/* Is cp a closing quote or parenthesis, which may follow a sentence's end? */
bool jk_clean_is_closer(int32_t cp);

/* Is the word ending at b[end - 1] an initial or an abbreviation ("No", "Vol", "Dr")? */
bool jk_clean_abbreviation_before(const char *b, size_t end);

#endif
