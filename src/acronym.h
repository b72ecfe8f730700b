/*
 * Stage 3c, acronyms: short forms defined in the text, "sumber daya manusia
 * (sdm)", "sdm (sumber daya manusia)", "letter of intent (loi)", and a
 * per-corpus table that maps each short form to one long form, so that the
 * term stage can count "sdm" as "sumber daya manusia".
 *
 * Works on the lower-cased tokens of stage 3 (tokenize.h). A definition is
 *   LONG "(" SHORT ")"   or   SHORT "(" LONG ")"
 * with no other token between. SHORT is one WORD of 2-10 ASCII letters that
 * is not a function word. LONG is a run of WORD tokens (no punctuation,
 * number or sentence end inside) of 2 or more words that ends right at the
 * parenthesis (LONG before) or fills it exactly (SHORT before), and that
 * spells SHORT in one of two ways:
 *  - initials: every content word gives its first letter, or the first
 *    letter of each hyphen-separated part ("bangsa-bangsa" -> "bb"); the
 *    function words of, and, the, for, in, on, to, at, by, with, dan, di, dari,
 *    untuk, dengan, yang, ke, pada, atas, bagi, serta give their first
 *    letter or nothing ("letter of intent" -> "loi", "badan pengawas obat dan
 *    makanan" -> "bpom"); the first and last words are content words;
 *  - syllables (Indonesian akronim): 2-4 content words, each giving a proper
 *    prefix of 2 letters or more, SHORT at least 4 letters ("pemerintah
 *    daerah" -> "pemda", "pemerintah provinsi" -> "pemprov").
 * LONG before SHORT is the shortest run that spells it. Not accepted, on
 * purpose: a word giving two letters in an initialism ("UNIPDU"), a content
 * word giving nothing ("KSDPL"), mixed initials and syllables ("Bappenas"),
 * punctuation inside LONG ("Illegal, Unregulated, and Unreported (IUU)"),
 * and anything else in parentheses: "faktor (internal)", "tahun (2019)",
 * "(lihat gambar)".
 */
#ifndef JK_ACRONYM_H
#define JK_ACRONYM_H

#include <stddef.h>
#include <stdint.h>

#include "terms.h"
#include "tokenize.h"
#include "util/strmap.h"

/*
 * Called once per definition found, in text order. long_form is the words
 * of LONG joined by single spaces. Both strings are lower-case and valid
 * only during the call.
 */
typedef void (*jk_acronym_fn)(void *ctx, const char *short_form, size_t short_len,
                              const char *long_form, size_t long_len);

/*
 * Finds the definitions among tokens[0..n), whose spans point into lower,
 * and calls emit for each. Returns how many were found. Linear in n (each
 * candidate is checked against a bounded number of words).
 */
size_t jk_find_acronyms(const char *lower, const struct jk_token *tokens, size_t n,
                        jk_acronym_fn emit, void *ctx);

/*
 * The acronyms of a corpus: (short, long) pairs with how often each was
 * seen, and after jk_acronyms_resolve one long form per short form: the one
 * seen most often, on a tie the smallest in byte order. Two short forms of
 * one long form both stay, as aliases ("sdm" and "sdmi" -> "sumber daya
 * manusia"). Owns all its strings (in its maps' arenas).
 */
struct jk_acronym_pair {
    uint32_t short_len; /* the key is "short\0long" */
    uint32_t seen;
};

struct jk_acronyms {
    struct jk_strmap pairs;       /* "short\0long" -> pair id */
    struct jk_acronym_pair *info; /* per pair id */
    size_t info_cap;
    struct jk_strmap shorts; /* short form -> index into best, after resolve */
    uint32_t *best;          /* pair id chosen for each short form */
    size_t best_cap;
    struct jk_strmap longs;    /* the chosen long forms, after resolve */
    struct jk_strmap heads;    /* their first words -> index into head_words */
    unsigned char *head_words; /* most words of a chosen long form with that first word */
    size_t head_cap;
};

void jk_acronyms_init(struct jk_acronyms *a);
/* Frees everything; NULL-safe. The table may be initialised again afterwards. */
void jk_acronyms_release(struct jk_acronyms *a);

/* Counts one sighting of a pair (lower-case, long form words joined by single spaces). */
void jk_acronyms_add(struct jk_acronyms *a, const char *short_form, size_t short_len,
                     const char *long_form, size_t long_len);

/* A jk_acronym_fn whose ctx is a struct jk_acronyms: pass it to jk_find_acronyms. */
void jk_acronyms_collect(void *ctx, const char *short_form, size_t short_len, const char *long_form,
                         size_t long_len);

/* Chooses the long form of every short form. Call after the last add; may be called again. */
void jk_acronyms_resolve(struct jk_acronyms *a);

/*
 * The long form chosen for short_form[0..len) by the last jk_acronyms_resolve,
 * NUL-terminated and owned by the table, with its length in *long_len (may be
 * NULL); NULL if the short form is unknown.
 */
const char *jk_acronyms_long(const struct jk_acronyms *a, const char *short_form, size_t len,
                             size_t *long_len);

/*
 * For finding long forms written out ("letter of intent (loi)", and later
 * "letter of intent" alone): the most words of a long form chosen by the
 * last jk_acronyms_resolve that starts with word[0..len) (at most 255), or 0;
 * and whether phrase[0..len) (words joined by single spaces) is one: its
 * copy in the table, NUL-terminated, or NULL.
 */
size_t jk_acronyms_head_words(const struct jk_acronyms *a, const char *word, size_t len);
const char *jk_acronyms_find_long(const struct jk_acronyms *a, const char *phrase, size_t len);

/*
 * Lets extractor x use the table (borrowed, read-only while x extracts): a
 * short form stands for its long form, and a long form written out that a
 * stopword would cut is one word (terms.h: expand, long_words, long_phrase).
 */
void jk_acronyms_attach(const struct jk_acronyms *a, struct jk_extractor *x);

/* Number of short forms known to the last jk_acronyms_resolve. */
size_t jk_acronyms_count(const struct jk_acronyms *a);

/*
 * The i-th short form (0 <= i < jk_acronyms_count, in order of first
 * sighting), its chosen long form and how often that pair was seen.
 * Strings are NUL-terminated and owned by the table.
 */
const char *jk_acronyms_entry(const struct jk_acronyms *a, size_t i, const char **long_form,
                              size_t *long_len, uint32_t *seen);

#endif
