/*
 * Keyword patterns: regular expressions that count as a fixed term wherever
 * they match ("sister cities", "sister  province" -> "sister city"), for
 * spellings the n-gram stage cannot merge. Loaded once, then scanned over
 * every document, possibly from several threads.
 *
 * File format: UTF-8, one "pattern<TAB>term" a line, split at the first tab
 * (write a tab inside a pattern as \t). A line whose first non-blank
 * character is '#' is a comment (to match a leading '#', write \#). Blank
 * lines, CRLF and a byte order mark are accepted. The pattern is trimmed of
 * spaces at both ends (write \x20 for a meaningful edge space) and is
 * otherwise PCRE2 syntax as written; the term is normalised like terms
 * (jk_normalise_term). Patterns compile with PCRE2_UTF | PCRE2_UCP |
 * PCRE2_CASELESS, JIT-compiled when the library has JIT. A text with invalid
 * UTF-8 is searched in its valid stretches: no match spans a bad byte, and
 * a stretch starts as a fresh subject (\b and lookbehinds see its start).
 *
 * Threads: a loaded jk_patterns is read-only and shared; each thread makes
 * its own jk_pattern_matcher (match data, match context, JIT stack).
 */
#ifndef JK_PATTERNS_H
#define JK_PATTERNS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "util/arena.h"
#include "util/status.h"

/*
 * Limits of one pcre2_match call (one search from a start offset). A
 * keyword pattern over a long thesis stays far below them; a pattern with
 * nested repeats such as (a+)+$ reaches them in well under a second
 * instead of running for hours. The heap limit is PCRE2's default (20 MB).
 */
#define JK_PATTERN_MATCH_LIMIT 10000000u
#define JK_PATTERN_DEPTH_LIMIT 1000000u
#define JK_PATTERN_JIT_STACK   (1024u * 1024u)

struct jk_pattern {
    pcre2_code *re;   /* owned */
    const char *term; /* normalised, NUL-terminated, in the arena */
    size_t term_len;
    unsigned long line; /* where it was read, for warnings */
};

/*
 * The compiled patterns of one file, in file order. Owns the compiled
 * code, the terms (arena) and a copy of the path; warned[] holds one flag
 * per pattern so that a pattern hitting a limit is reported once, whichever
 * thread hits it.
 */
struct jk_patterns {
    struct jk_pattern *items;
    size_t count;
    size_t cap;
    struct jk_arena arena;
    const char *path;    /* in the arena; NULL before load */
    atomic_bool *warned; /* warned[count], allocated when loading ends */
    bool jit;            /* some pattern is JIT-compiled (matchers then make a JIT stack) */
};

void jk_patterns_init(struct jk_patterns *p);
/* Frees everything; NULL-safe. No matcher made from p may be used afterwards. */
void jk_patterns_release(struct jk_patterns *p);

/*
 * Reads and compiles the patterns at path into p (initialised and empty: one
 * file per struct). Returns JK_OK, or JK_E_INPUT with "FILE:LINE: what is
 * wrong; what to write instead" in diag: unreadable, not UTF-8, no tab, an
 * empty pattern or term, or a pattern that does not compile ("pattern does
 * not compile at offset N: <PCRE2's message>"). On error release p.
 */
enum jk_status jk_patterns_load(struct jk_patterns *p, const char *path, struct jk_diag *diag);

size_t jk_patterns_count(const struct jk_patterns *p);

/* A byte span of a text. */
struct jk_span {
    size_t offset;
    size_t len;
};

/*
 * One thread's matching state. Borrows the patterns (which must outlive it
 * and not change); owns its match data, match context and JIT stack.
 */
struct jk_pattern_matcher {
    const struct jk_patterns *patterns;
    pcre2_match_data *match;
    pcre2_match_context *context;
    pcre2_jit_stack *jit_stack; /* NULL without JIT */
    struct jk_span *runs;       /* scratch: the valid UTF-8 stretches of the text */
    size_t n_runs, cap_runs;
    size_t limit_hits; /* scans cut short by a limit, by this matcher */
};

void jk_pattern_matcher_init(struct jk_pattern_matcher *m, const struct jk_patterns *p);
/* Frees the matcher's own state; NULL-safe and safe to repeat. */
void jk_pattern_matcher_release(struct jk_pattern_matcher *m);

/*
 * Called for every match: pattern_index into the file's patterns, the term
 * (owned by the patterns), and the match as a byte span of the text.
 */
typedef void (*jk_pattern_emit_fn)(void *ctx, size_t pattern_index, const char *term,
                                   size_t term_len, size_t match_offset, size_t match_len);

/*
 * Reports every non-overlapping match of every pattern in text[0..len):
 * pattern by pattern in file order, each pattern's matches in text order.
 * Matches of different patterns may overlap. Empty matches are skipped. A
 * pattern that exceeds a limit (match, depth, heap, JIT stack) stops for
 * this text after the matches found before it, and is reported once per
 * loaded file with jk_warn; scanning goes on with the next pattern.
 * One search pass per pattern; a pattern that backtracks without bound is
 * cut off by the limits above.
 */
void jk_patterns_scan(struct jk_pattern_matcher *m, const char *text, size_t len,
                      jk_pattern_emit_fn emit, void *ctx);

#endif
