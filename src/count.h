/*
 * Stages 5 and 6, count and co-occurrence: occurrences and document
 * frequencies of every candidate term, surface forms for labels, and for
 * each document the list of terms it contains (term text is not kept per
 * document, so memory follows the number of distinct terms, not the text).
 * Then selection by threshold and rank, and the sparse co-occurrence links
 * of the selected terms, handed over as a struct jk_map.
 */
#ifndef JK_COUNT_H
#define JK_COUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "map.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/status.h"
#include "util/strmap.h"

enum jk_counting {
    JK_COUNT_BINARY, /* a term counts once per document */
    JK_COUNT_FULL,   /* every occurrence counts */
};

/* What the counter knows of one term. */
struct jk_tally {
    uint32_t full;      /* all occurrences */
    uint32_t docs;      /* documents containing it */
    uint32_t full_en;   /* occurrences in sentences tagged English */
    uint32_t last_part; /* while counting: the tag of the last part (file) that saw it */
    uint32_t slot;      /* while counting: its index in the current document's list */
};

/*
 * Invariants: terms and surfaces are dense id maps; for every term seen
 * tally[t].full >= tally[t].docs >= 1, except a term emptied by
 * jk_counter_merge (both 0); tally[t].full_en <= tally[t].full; every surface
 * belongs to one term; the document lists hold each term at most once per
 * document, in first-seen order.
 */
struct jk_counter {
    struct jk_strmap terms; /* key -> term id */
    struct jk_tally *tally; /* per term, side by side: counting touches them together */
    size_t cap_terms;
    struct jk_first_surface *first; /* per term: its first spelling and how often */
    struct jk_arena texts;          /* first spellings that differ from their key */
    struct jk_strmap surfaces;      /* other spellings: term id (4 bytes) + text -> id */
    uint32_t *surface_term;
    uint32_t *surface_count;
    size_t cap_surfaces;
    uint32_t *pool_terms;  /* per document, the term ids it contains */
    uint32_t *pool_counts; /* and how often; NULL after jk_counter_skip_doc_counts */
    bool no_doc_counts;
    size_t pool_len, cap_pool;
    size_t *doc_start; /* documents' start in the pool; doc_start[n_docs] = pool_len */
    size_t n_docs, cap_docs;
    bool in_doc;
    /* Set by the caller before each jk_counter_add*: the occurrence is in an English sentence. */
    bool english;
    uint64_t candidates; /* candidate occurrences added */
    /* Set by the caller: only candidates a sketch saw repeat were added (the sketch is used
     * only when so many candidates exist that the automatic threshold is 2 or more). */
    bool repeats_only;
    struct jk_buf scratch;
    /* Positions, kept only for sentence and window units (jk_counter_keep_positions). */
    bool positions;
    struct jk_occurrence *occ;
    size_t n_occ, cap_occ;
    size_t *occ_start; /* per document, like doc_start */
    /* Parts (jk_counter_next_part): each has a tag, one more than the part before (across
     * documents); the document's first part's tag; the current part's first position and
     * sentence in the document, and the end of the last ones recorded. */
    uint32_t part_tag, doc_tag;
    uint32_t part_position, part_sentence, end_position, end_sentence;
    size_t part_terms; /* distinct terms of the current part */
    size_t shed_terms; /* jk_counter_terms after jk_counter_shed_terms; 0 before */
};

/* A term's first spelling, kept beside the term: most terms have no other. */
struct jk_first_surface {
    const char *text; /* in the counter's texts arena */
    uint32_t len;
    uint32_t count;
};

/* One candidate occurrence in a document: term, first word, sentence. */
struct jk_occurrence {
    uint32_t term;
    uint32_t position; /* token index of its first word in the document */
    uint32_t sentence; /* sentence number in the document */
};

/* "binary" or "full", as the option and the reports spell it. */
const char *jk_counting_name(enum jk_counting counting);

void jk_counter_init(struct jk_counter *c);
void jk_counter_release(struct jk_counter *c);
/* Records every occurrence's position too (for sentence and window units). Call before adding. */
void jk_counter_keep_positions(struct jk_counter *c);
/*
 * Keeps which documents hold each term but not how often (pool_counts stays
 * NULL): all that binary counting needs, and a third of the lists' memory.
 * Call before adding.
 */
void jk_counter_skip_doc_counts(struct jk_counter *c);
void jk_counter_begin_doc(struct jk_counter *c);
/* Adds one candidate occurrence to the current document. Strings are copied. */
void jk_counter_add(struct jk_counter *c, const char *key, size_t key_len, const char *surface,
                    size_t surface_len);
/* The same, with the occurrence's first token and sentence number in the document. */
void jk_counter_add_at(struct jk_counter *c, const char *key, size_t key_len, const char *surface,
                       size_t surface_len, uint32_t position, uint32_t sentence);
void jk_counter_end_doc(struct jk_counter *c);
/*
 * The current document goes on with another part (the next file of a
 * thesis kept as one folder): the part's positions and sentence numbers,
 * which start from 0 again, are recorded after the earlier parts', with a
 * gap of JK_PART_GAP tokens, so no sentence and no window (at most
 * JK_PART_GAP - 1 tokens) spans two parts.
 */
void jk_counter_next_part(struct jk_counter *c);
#define JK_PART_GAP 1001u
/*
 * After the last document: trims the document lists to their length (they
 * grew by doubling). No jk_counter_add* after it; aliases, merging and
 * reading are fine.
 */
void jk_counter_trim(struct jk_counter *c);
/*
 * Records alias as another spelling of the term with this key, never seen
 * in running text (an acronym standing for it): listed among the aliases,
 * never its label. False when no term has the key.
 */
bool jk_counter_add_alias(struct jk_counter *c, const char *key, size_t key_len, const char *alias,
                          size_t alias_len);
/*
 * Frees everything but the document lists (pool, doc_start and positions):
 * the term table, counts and spellings. What is left: n_docs, the lists and
 * jk_counter_terms; the map's co-occurrences and metadata need no more, so
 * the map command sheds the rest once the map's terms are filled in.
 */
void jk_counter_shed_terms(struct jk_counter *c);
size_t jk_counter_terms(const struct jk_counter *c);

/*
 * After the last document: merges every term t with into[t] != t into
 * into[t] (into has jk_counter_terms entries; a target must not itself be
 * merged: into[into[t]] == into[t]). Occurrences, English occurrences and
 * documents move to the target; a document holding both keeps one entry
 * with the counts added; positions are rewritten. Merged terms are left
 * empty (no occurrences, in no document) so selection never picks them.
 * Their spellings become aliases of the target (jk_counter_add_alias: never
 * its label). Linear in the pool, the positions and the surfaces.
 */
void jk_counter_merge(struct jk_counter *c, const uint32_t *into);
/* Occurrences of term id under the counting method. */
uint32_t jk_counter_occurrences(const struct jk_counter *c, uint32_t id, enum jk_counting counting);

/*
 * For every term id, its most frequent surface form (ties: the shorter, then byte order), the
 * label users see. The array is the caller's (free it); the strings are the
 * counter's.
 */
const char **jk_counter_labels(const struct jk_counter *c);

/*
 * For each of ids[0..n), its other spellings ("kerjasama; kerja-sama"), most
 * frequent first, joined by "; ", or NULL when it has one spelling. The
 * caller frees each string and the array. The label (most frequent) is left
 * out, so ties order like jk_counter_labels.
 */
char **jk_counter_aliases(const struct jk_counter *c, const uint32_t *ids, size_t n);

/* True when term id was written (or aliased) as s[0..len) somewhere in the corpus. */
bool jk_counter_has_surface(const struct jk_counter *c, uint32_t id, const char *s, size_t len);

/* The text of surface sid (NUL-terminated, owned by the counter). */
const char *jk_counter_surface(const struct jk_counter *c, uint32_t sid);

/*
 * Candidate occurrences recorded away from the counter (by a worker thread)
 * and replayed into it later, in document order, so the counter's ids and
 * lists never depend on which thread saw what. Keys and surfaces are copied
 * into text; a surface equal to its key is stored once. The first pass logs
 * acronym definitions the same way (key: the short form, surface: the long).
 */
struct jk_logged {
    uint32_t key, key_len;         /* offset and length in text */
    uint32_t surface, surface_len; /* likewise */
    uint32_t position, sentence;
    uint32_t times; /* occurrences it stands for (repeats merged into it, see below) */
    bool english;   /* in a sentence tagged English (jk_counter's english) */
    uint64_t hash;  /* jk_hash64 of the key (its low half is the counter's hash) */
};

struct jk_count_log;

/* Takes the items from log->drain_from on and sets log->n back to drain_from. */
typedef void (*jk_log_drain_fn)(void *ctx, struct jk_count_log *log);

/*
 * A long document must not cost memory by its length, so:
 * - hash_only with a drain set: every JK_LOG_DRAIN_ITEMS items the drain
 *   takes them (the sketch pass hands them to the sketch);
 * - merge_from: once a document has that many items, an occurrence with the
 *   key, spelling and language of an earlier item of the same document adds
 *   one to that item's times instead of making another. Replaying the
 *   merged log counts exactly what replaying every occurrence would, in the
 *   same first-seen order, as long as positions are not kept (only the
 *   document unit: sentence and window units need every position).
 */
#define JK_LOG_DRAIN_ITEMS 4096
#define JK_LOG_MERGE_FROM  4096
#define JK_LOG_NO_MERGE    SIZE_MAX

struct jk_count_log {
    struct jk_buf text;
    struct jk_logged *items;
    size_t n, cap;
    bool english;   /* the next items are English (set before jk_count_log_add) */
    bool hash_only; /* items keep only their hash (the sketch pass): no text copied */
    jk_log_drain_fn drain;
    void *drain_ctx;
    size_t drain_from;
    size_t merge_from; /* items per document before repeats merge (JK_LOG_NO_MERGE: never) */
    size_t doc_from;   /* the current document's first item */
    uint32_t *index;   /* merging: item number + 1 by hash, open addressing (0: empty) */
    size_t index_slots, index_count;
};

void jk_count_log_init(struct jk_count_log *log);
void jk_count_log_release(struct jk_count_log *log);
void jk_count_log_clear(struct jk_count_log *log);
/* The next items are a new document's; its repeats merge from merge_from items on. */
void jk_count_log_begin_doc(struct jk_count_log *log, size_t merge_from);
/* Records one occurrence (strings copied), or merges it into an earlier item (see above). */
void jk_count_log_add(struct jk_count_log *log, const char *key, size_t key_len,
                      const char *surface, size_t surface_len, uint32_t position,
                      uint32_t sentence);
/* Adds log items [from, to) to the counter's current document, in order. */
void jk_counter_replay(struct jk_counter *c, const struct jk_count_log *log, size_t from,
                       size_t to);

struct jk_selection;

#endif
