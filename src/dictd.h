/*
 * Reader of dictd dictionaries (FreeDict English-Indonesian as packaged by
 * Debian's dict-freedict-eng-ind), the lexicon of the bilingual merge
 * (bilingual.h), which loads it once per run.
 *
 * Format: the .index has one line per entry, "headword<TAB>offset<TAB>length",
 * offset and length in dictd's base64 (digits A-Za-z0-9+/, most significant
 * first) into the uncompressed .dict.dz (gzip/dictzip, read whole with zlib).
 * Lines whose headword starts with "00database" or "00-database" are headers.
 * An entry's text is a header line ("policy /ipa/ <n>"), then a line of
 * comma-separated translations, then glosses; numbered senses start a new
 * translation line at column 0 ("2. koperasi"), and a trailing " 2." or a
 * line " 3." (leading space) only numbers the glosses that follow.
 *
 * Invariants after a successful load: every headword is lower case; its
 * translations are valid UTF-8, trimmed, lower case, one space between words, free of
 * sense numbers, parenthesised notes and wiki brackets ("[[a|b]]" keeps b),
 * deduplicated, in dictionary order (entries of a repeated headword joined
 * in index order).
 */
#ifndef JK_DICTD_H
#define JK_DICTD_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/status.h"
#include "util/strmap.h"

#define JK_FREEDICT_ENG_IND_INDEX "/usr/share/dictd/freedict-eng-ind.index"
#define JK_FREEDICT_ENG_IND_DICT  "/usr/share/dictd/freedict-eng-ind.dict.dz"

/* Owns every string and array; lookups borrow them until jk_dictd_release. */
struct jk_dictd {
    struct jk_strmap words; /* lower-case headword -> id */
    struct jk_arena arena;  /* translation strings */
    const char **trans;     /* translations of id: trans[first[id]] .. + count[id] */
    size_t n_trans, cap_trans;
    size_t *first;
    uint32_t *count;
};

void jk_dictd_init(struct jk_dictd *d);
/* Frees everything d owns; NULL-safe, and d may be loaded again after init. */
void jk_dictd_release(struct jk_dictd *d);

/*
 * Loads a dictd dictionary into d (initialised and empty). Errors, all
 * JK_E_INPUT with the message in diag: a missing or unreadable file (the
 * message says to install dict-freedict-eng-ind), a malformed index line
 * (wrong number of fields, empty or invalid base64 digit; names file:line),
 * or an entry outside the data (names file:line). On error d holds nothing
 * usable but must still be released.
 */
enum jk_status jk_dictd_load(struct jk_dictd *d, const char *index_path, const char *dict_path,
                             struct jk_diag *diag);

/*
 * Loads a glossary into d (initialised and empty): the bundled
 * stopwords/glossary-en-id.txt of English words and phrases FreeDict lacks.
 * One entry a line, "english<TAB>indonesian, indonesian", lower case, UTF-8
 * (read with jk_lines, without its Windows-1252 guess: comment and blank
 * lines are skipped); translations are cleaned as FreeDict's. Errors, all
 * JK_E_INPUT naming file:line in diag: an unreadable file (the message says
 * --stopwords-dir), a line without exactly one tab or with an empty side,
 * invalid UTF-8 or a NUL byte, capital letters. On error d must still be
 * released.
 */
enum jk_status jk_dictd_load_glossary(struct jk_dictd *d, const char *path, struct jk_diag *diag);

/*
 * Puts each headword's translations in from ahead of into's own for the same
 * headword (a translation in both is kept once, at from's place), adding the
 * headwords into lacks; into may be empty (initialised, nothing loaded).
 * from is unchanged; into copies its strings.
 */
void jk_dictd_prepend(struct jk_dictd *into, const struct jk_dictd *from);

/*
 * Stores in out[0..) at most max Indonesian translations of the lower-case
 * English headword[0..len) ("policy", "central government") and returns how
 * many it stored: 0 when the headword is absent. O(1) expected (hash map).
 * The strings belong to d.
 */
size_t jk_dictd_translations(const struct jk_dictd *d, const char *headword, size_t len,
                             const char **out, size_t max);

#endif
