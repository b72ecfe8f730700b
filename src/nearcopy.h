/*
 * Near copies: files that hold nearly the same text, such as one paper
 * downloaded from two sites (different cover pages and page footers), or a
 * thesis as a PDF beside its conversion to .txt. Counted twice, every
 * co-occurrence in them counts twice.
 *
 * A document's text is seen as the set of its five-word sequences
 * (shingles), and two documents' resemblance is the share of the sequences
 * in either that are in both (the Jaccard index; Broder 1997, "On the
 * resemblance and containment of documents"). It is estimated from a small
 * sketch per document: one-permutation min-hashing (Li, Owen and Zhang
 * 2012, "One permutation hashing") splits the shingles' 64-bit hashes into
 * JK_NEAR_BINS bins by their top bits and keeps each bin's smallest; the
 * share of bins where two sketches hold the same smallest estimates the
 * resemblance (standard error about 0.05 near 0.8). Only the low 16 bits of
 * each smallest are kept (b-bit min-hashing, Li and König 2010): bins agree
 * by chance once in 65,536.
 *
 * An index finds, among the documents added before, those that share a
 * band of JK_NEAR_BAND bins with a new one (locality-sensitive hashing),
 * and compares the whole sketches of those only.
 */
#ifndef JK_NEARCOPY_H
#define JK_NEARCOPY_H

#include <stddef.h>
#include <stdint.h>

#define JK_SHINGLE_WORDS 5
#define JK_NEAR_BINS     64
#define JK_NEAR_BAND     4 /* bins per band: 16 bands */
/* Fewer shingles than this: too short to tell a copy from shared phrasing. */
#define JK_NEAR_MIN_SHINGLES 50
/* The resemblance from which a later document is a near copy of an earlier one. */
#define JK_NEAR_RESEMBLANCE 0.7

/* "No earlier document": what jk_near_index_check returns. */
#define JK_NEAR_NONE UINT32_MAX

/* A document's sketch. */
struct jk_near_sketch {
    uint16_t low[JK_NEAR_BINS]; /* the low bits of each bin's smallest shingle hash */
    uint64_t filled;            /* bit b: bin b holds a shingle */
    uint32_t shingles;          /* shingles seen (repeats too) */
};

/*
 * Containment: a file whose text lies mostly inside a larger file, such as a
 * thesis chapter downloaded beside the whole thesis (repositories offer
 * both). Its resemblance to the whole is low, the whole having many more
 * sequences, so the sketches above miss it, and its co-occurrences would
 * count a second time. Broder (1997, same paper) defines the containment of
 * A in B as the share of A's sequences that are also in B. It is estimated
 * without bias from the sequences whose hash falls in a fixed
 * 1/JK_CONTAIN_SAMPLE of the hash space (his MOD-m samples): unlike the
 * fixed-size sketch, such a sample grows with the document, so that the
 * sample of a chapter is (nearly) a subset of the sample of its thesis.
 */
#define JK_CONTAIN_SAMPLE 32 /* one five-word sequence in 32 is sampled */
/* Fewer samples (about 770 distinct sequences, two or three pages): not judged. */
#define JK_CONTAIN_MIN_SAMPLES 24
/* The share of a file's samples inside a larger file from which it is skipped. */
#define JK_CONTAIN_SHARE 0.8
/*
 * A sample found in more files than this is boilerplate (a university's
 * approval page, a journal's licence) and is left out of every share.
 */
#define JK_CONTAIN_COMMON 16

/* A growable array of samples (the low 32 bits of sampled sequences' hashes). */
struct jk_shingle_samples {
    uint32_t *v; /* owned */
    size_t n, cap;
};

void jk_shingle_samples_init(struct jk_shingle_samples *s);
/* Frees the samples; NULL-safe. */
void jk_shingle_samples_release(struct jk_shingle_samples *s);
/*
 * Sorts the samples from index from on and removes repeats among them (a
 * document's samples, so that each counts once); returns how many remain.
 */
size_t jk_shingle_samples_settle(struct jk_shingle_samples *s, size_t from);

/* Builds a sketch from a document's words, one call per word, in order. */
struct jk_shingler {
    struct jk_shingle_samples *samples; /* borrowed, or NULL: where samples go (init: NULL) */
    uint64_t rolling;                   /* the last JK_SHINGLE_WORDS words' polynomial hash */
    uint32_t last[JK_SHINGLE_WORDS];    /* those words' hashes, a ring */
    uint32_t words;                     /* words seen */
    uint32_t smallest[JK_NEAR_BINS];    /* each bin's smallest (UINT32_MAX: none yet) */
    uint64_t filled;
};

void jk_shingler_init(struct jk_shingler *sh);
/* One word, by its hash (jk_hash_bytes of its lower-case form). */
void jk_shingler_word(struct jk_shingler *sh, uint32_t word_hash);
/* The sketch of the words seen so far. */
void jk_shingler_sketch(const struct jk_shingler *sh, struct jk_near_sketch *out);

/*
 * The estimated resemblance of two sketches, in [0, 1]; 0 when either
 * document is shorter than JK_NEAR_MIN_SHINGLES.
 */
double jk_near_resemblance(const struct jk_near_sketch *a, const struct jk_near_sketch *b);

/* A document added to the index: its sketch and the caller's number for it. */
struct jk_near_kept {
    struct jk_near_sketch sketch;
    uint32_t doc;
};

/* The sketches of the documents kept so far, and their bands. */
struct jk_near_index {
    struct jk_near_kept *kept; /* owned; in the order added */
    size_t n, cap;
    struct jk_near_slot *slots; /* owned; open addressing on a band's hash */
    size_t n_slots, used;
};

void jk_near_index_init(struct jk_near_index *ix);
void jk_near_index_release(struct jk_near_index *ix);

/*
 * The document added before whose sketch resembles sk most, if that
 * resemblance is at least min (then *resemblance is it, and sk is not
 * added); else adds sk as document doc and returns JK_NEAR_NONE. A document
 * shorter than JK_NEAR_MIN_SHINGLES is neither looked up nor added. The
 * answer depends only on the sketches and the order they come in.
 */
uint32_t jk_near_index_check(struct jk_near_index *ix, const struct jk_near_sketch *sk,
                             uint32_t doc, double min, double *resemblance);

/* One file that may lie inside another: its samples in the index's values. */
struct jk_contain_doc {
    uint32_t doc;     /* the caller's number for it */
    uint32_t from, n; /* its samples: values[from .. from + n) */
};

/* The samples of the files kept, for jk_contain_find. */
struct jk_contain_index {
    uint32_t *values; /* owned; each file's sorted, without repeats */
    size_t n_values, cap_values;
    struct jk_contain_doc *docs; /* owned; in the order added */
    size_t n_docs, cap_docs;
};

/* A file found mostly inside a larger one. */
struct jk_contained {
    uint32_t doc;    /* the caller's number for it */
    uint32_t within; /* and for the larger file */
    double share;    /* its samples found in within, of those not left out as boilerplate */
};

void jk_contain_index_init(struct jk_contain_index *ix);
void jk_contain_index_release(struct jk_contain_index *ix);
/*
 * Adds file doc's samples (sorted, without repeats: jk_shingle_samples_settle);
 * a file with fewer than JK_CONTAIN_MIN_SAMPLES is not added.
 */
void jk_contain_index_add(struct jk_contain_index *ix, uint32_t doc, const uint32_t *samples,
                          size_t n);
/*
 * Every added file of which a share of at least min of its samples is in
 * one larger added file (one with more samples), in the order added, with
 * the larger file that holds most of them (the earlier one on a tie). The
 * samples in more than JK_CONTAIN_COMMON files count for nothing, and a
 * file left with fewer than JK_CONTAIN_MIN_SAMPLES that count is not judged. *out
 * (the caller's to free; NULL when none) gets the list; returns its length.
 * The answer depends only on the samples and the order they were added.
 * Needs 24 bytes per sample while it runs (a sorted copy and two indexes).
 */
size_t jk_contain_find(const struct jk_contain_index *ix, double min, struct jk_contained **out);

#endif
