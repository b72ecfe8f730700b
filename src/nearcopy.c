#include "nearcopy.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "util/splitmix.h"

/* The polynomial hash's base (odd, so multiplying by it loses nothing). */
#define SHINGLE_BASE UINT64_C(0x100000001b3)
#define BAND_SEED    JK_SPLITMIX64_GAMMA /* times the band's number: a seed per band */
#define BANDS        (JK_NEAR_BINS / JK_NEAR_BAND)
#define BIN_SHIFT    58 /* 64 bins: a hash's top six bits */

_Static_assert((JK_CONTAIN_SAMPLE & (JK_CONTAIN_SAMPLE - 1)) == 0 && JK_CONTAIN_SAMPLE <= 64,
               "the sample is chosen by six hash bits or fewer");

/* SHINGLE_BASE to the power JK_SHINGLE_WORDS - 1: the weight of a window's oldest word. */
#define OLDEST_WEIGHT (SHINGLE_BASE * SHINGLE_BASE * SHINGLE_BASE * SHINGLE_BASE)

_Static_assert(JK_SHINGLE_WORDS == 5, "OLDEST_WEIGHT is the base to the power 4");
_Static_assert(JK_NEAR_BINS == 64 && BANDS * JK_NEAR_BAND == JK_NEAR_BINS, "bins and bands");

/* One slot of the band table: a band's hash and the index (+1) of the first sketch holding it. */
struct jk_near_slot {
    uint32_t key;
    uint32_t sketch; /* 0: empty */
};

void jk_shingler_init(struct jk_shingler *sh)
{
    memset(sh, 0, sizeof(*sh));
    for (size_t b = 0; b < JK_NEAR_BINS; b++)
        sh->smallest[b] = UINT32_MAX;
}

void jk_shingler_word(struct jk_shingler *sh, uint32_t word_hash)
{
    size_t slot = sh->words % JK_SHINGLE_WORDS;
    if (sh->words >= JK_SHINGLE_WORDS) /* the oldest word leaves the window */
        sh->rolling -= OLDEST_WEIGHT * sh->last[slot];
    sh->rolling = sh->rolling * SHINGLE_BASE + word_hash;
    sh->last[slot] = word_hash;
    if (++sh->words < JK_SHINGLE_WORDS)
        return;
    uint64_t h = jk_splitmix64_mix(sh->rolling);
    unsigned bin = (unsigned)(h >> BIN_SHIFT);
    uint32_t value = (uint32_t)h;
    if (value < sh->smallest[bin])
        sh->smallest[bin] = value;
    sh->filled |= UINT64_C(1) << bin;
    /* bits 32-37 choose the sample: apart from the bin's bits and the value's */
    if (sh->samples && (h >> 32 & (JK_CONTAIN_SAMPLE - 1)) == 0) {
        struct jk_shingle_samples *s = sh->samples;
        JK_GROW(s->v, s->n + 1, s->cap);
        s->v[s->n++] = value;
    }
}

void jk_shingler_sketch(const struct jk_shingler *sh, struct jk_near_sketch *out)
{
    for (size_t b = 0; b < JK_NEAR_BINS; b++)
        out->low[b] = (uint16_t)sh->smallest[b];
    out->filled = sh->filled;
    out->shingles = sh->words >= JK_SHINGLE_WORDS ? sh->words - (JK_SHINGLE_WORDS - 1) : 0;
}

double jk_near_resemblance(const struct jk_near_sketch *a, const struct jk_near_sketch *b)
{
    if (a->shingles < JK_NEAR_MIN_SHINGLES || b->shingles < JK_NEAR_MIN_SHINGLES)
        return 0;
    uint64_t both = a->filled & b->filled, either = a->filled | b->filled;
    unsigned same = 0;
    for (unsigned bin = 0; bin < JK_NEAR_BINS; bin++)
        same += (both >> bin & 1) && a->low[bin] == b->low[bin];
    return either ? (double)same / __builtin_popcountll(either) : 0;
}

void jk_near_index_init(struct jk_near_index *ix)
{
    memset(ix, 0, sizeof(*ix));
}

void jk_near_index_release(struct jk_near_index *ix)
{
    free(ix->kept);
    free(ix->slots);
    jk_near_index_init(ix);
}

/* A sketch's bands: each one's hash, and which can be matched on (all its bins filled). */
struct bands {
    uint32_t key[BANDS];
    bool usable[BANDS];
};

static void band_keys(const struct jk_near_sketch *sk, struct bands *b)
{
    for (unsigned j = 0; j < BANDS; j++) {
        uint64_t mask = ((UINT64_C(1) << JK_NEAR_BAND) - 1) << (j * JK_NEAR_BAND);
        b->usable[j] = (sk->filled & mask) == mask;
        uint64_t packed = 0;
        for (unsigned i = 0; i < JK_NEAR_BAND; i++)
            packed = packed << 16 | sk->low[j * JK_NEAR_BAND + i];
        b->key[j] = (uint32_t)(jk_splitmix64_mix(packed ^ (BAND_SEED * (j + 1))) >> 32);
    }
}

/* The slot holding key, or the empty slot where it would go. */
static struct jk_near_slot *find_slot(const struct jk_near_index *ix, uint32_t key)
{
    size_t mask = ix->n_slots - 1;
    for (size_t i = jk_splitmix64_mix(key) & mask;; i = (i + 1) & mask)
        if (!ix->slots[i].sketch || ix->slots[i].key == key)
            return &ix->slots[i];
}

/* Doubles the band table (or makes its first), keeping its entries. */
static void grow_slots(struct jk_near_index *ix)
{
    struct jk_near_slot *old = ix->slots;
    size_t n_old = ix->n_slots;
    ix->n_slots = n_old ? 2 * n_old : 1024;
    ix->slots = jk_calloc(ix->n_slots, sizeof(*ix->slots));
    for (size_t i = 0; i < n_old; i++)
        if (old[i].sketch)
            *find_slot(ix, old[i].key) = old[i];
    free(old);
}

/* Adds sketch number k's bands that no earlier sketch has. */
static void add_bands(struct jk_near_index *ix, const struct bands *b, uint32_t k)
{
    for (unsigned j = 0; j < BANDS; j++) {
        if (!b->usable[j])
            continue;
        if (2 * (ix->used + 1) > ix->n_slots)
            grow_slots(ix);
        struct jk_near_slot *slot = find_slot(ix, b->key[j]);
        if (!slot->sketch) {
            *slot = (struct jk_near_slot){b->key[j], k + 1};
            ix->used++;
        }
    }
}

/* The sketches sharing a band with b's, each once, in band order: how many. */
static size_t candidates(const struct jk_near_index *ix, const struct bands *b,
                         uint32_t found[BANDS])
{
    size_t n = 0;
    for (unsigned j = 0; j < BANDS && ix->n_slots; j++) {
        if (!b->usable[j])
            continue;
        const struct jk_near_slot *slot = find_slot(ix, b->key[j]);
        bool seen = !slot->sketch;
        for (size_t i = 0; i < n && !seen; i++)
            seen = found[i] == slot->sketch - 1;
        if (!seen)
            found[n++] = slot->sketch - 1;
    }
    return n;
}

uint32_t jk_near_index_check(struct jk_near_index *ix, const struct jk_near_sketch *sk,
                             uint32_t doc, double min, double *resemblance)
{
    if (sk->shingles < JK_NEAR_MIN_SHINGLES)
        return JK_NEAR_NONE;
    struct bands bands;
    band_keys(sk, &bands);
    uint32_t found[BANDS], best = JK_NEAR_NONE;
    double best_r = 0;
    size_t n = candidates(ix, &bands, found);
    for (size_t i = 0; i < n; i++) {
        double r = jk_near_resemblance(sk, &ix->kept[found[i]].sketch);
        bool better = best == JK_NEAR_NONE || r > best_r ||
                      (r == best_r && ix->kept[found[i]].doc < ix->kept[best].doc);
        if (r >= min && better) {
            best = found[i];
            best_r = r;
        }
    }
    if (best != JK_NEAR_NONE) {
        *resemblance = best_r;
        return ix->kept[best].doc;
    }
    JK_GROW(ix->kept, ix->n + 1, ix->cap);
    ix->kept[ix->n] = (struct jk_near_kept){*sk, doc};
    add_bands(ix, &bands, (uint32_t)ix->n);
    ix->n++;
    return JK_NEAR_NONE;
}

void jk_shingle_samples_init(struct jk_shingle_samples *s)
{
    memset(s, 0, sizeof(*s));
}

void jk_shingle_samples_release(struct jk_shingle_samples *s)
{
    if (!s)
        return;
    free(s->v);
    jk_shingle_samples_init(s);
}

static int by_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

size_t jk_shingle_samples_settle(struct jk_shingle_samples *s, size_t from)
{
    if (from >= s->n)
        return 0;
    qsort(s->v + from, s->n - from, sizeof(*s->v), by_u32);
    size_t m = from;
    for (size_t i = from; i < s->n; i++)
        if (m == from || s->v[m - 1] != s->v[i])
            s->v[m++] = s->v[i];
    s->n = m;
    return m - from;
}

void jk_contain_index_init(struct jk_contain_index *ix)
{
    memset(ix, 0, sizeof(*ix));
}

void jk_contain_index_release(struct jk_contain_index *ix)
{
    free(ix->values);
    free(ix->docs);
    jk_contain_index_init(ix);
}

void jk_contain_index_add(struct jk_contain_index *ix, uint32_t doc, const uint32_t *samples,
                          size_t n)
{
    if (n < JK_CONTAIN_MIN_SAMPLES || ix->n_values + n > UINT32_MAX)
        return;
    JK_GROW(ix->values, ix->n_values + n, ix->cap_values);
    memcpy(ix->values + ix->n_values, samples, n * sizeof(*samples));
    JK_GROW(ix->docs, ix->n_docs + 1, ix->cap_docs);
    ix->docs[ix->n_docs++] = (struct jk_contain_doc){doc, (uint32_t)ix->n_values, (uint32_t)n};
    ix->n_values += n;
}

/* A sample and its index in the index's values (which tells the file holding it). */
struct posting {
    uint32_t value;
    uint32_t index;
};

/*
 * Every sample, sorted by value and then by file, with each file's samples'
 * places in that order: built once, so that a file's samples find the
 * others holding them without a search.
 */
struct postings {
    struct posting *p; /* n_values of them, sorted */
    uint32_t *at;      /* per index in values: its place in p */
    uint32_t *owner;   /* per index in values: the added file (index in docs) holding it */
};

/* Sorts p by value, keeping the order of equal values: two passes of 16 bits (LSD radix). */
static void sort_postings(struct posting *p, struct posting *scratch, size_t n)
{
    size_t *count = jk_malloc(65536 * sizeof(*count));
    for (unsigned shift = 0; shift < 32; shift += 16) {
        memset(count, 0, 65536 * sizeof(*count));
        for (size_t i = 0; i < n; i++)
            count[p[i].value >> shift & 0xffff]++;
        for (size_t b = 0, sum = 0; b < 65536; b++) {
            size_t c = count[b];
            count[b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            scratch[count[p[i].value >> shift & 0xffff]++] = p[i];
        memcpy(p, scratch, n * sizeof(*p));
    }
    free(count);
}

static void postings_build(const struct jk_contain_index *ix, struct postings *ps)
{
    size_t n = ix->n_values;
    ps->p = jk_malloc(n * sizeof(*ps->p));
    ps->at = jk_malloc(n * sizeof(*ps->at));
    ps->owner = jk_malloc(n * sizeof(*ps->owner));
    for (size_t f = 0; f < ix->n_docs; f++)
        for (uint32_t k = ix->docs[f].from; k < ix->docs[f].from + ix->docs[f].n; k++)
            ps->owner[k] = (uint32_t)f;
    for (size_t i = 0; i < n; i++)
        ps->p[i] = (struct posting){ix->values[i], (uint32_t)i};
    struct posting *scratch = jk_malloc(n * sizeof(*scratch));
    sort_postings(ps->p, scratch, n); /* files in the order added within a value */
    free(scratch);
    for (size_t i = 0; i < n; i++)
        ps->at[ps->p[i].index] = (uint32_t)i;
}

static void postings_release(struct postings *ps)
{
    free(ps->p);
    free(ps->at);
    free(ps->owner);
}

/* Per-file counts of samples shared with the file being judged, and which are set. */
struct tally {
    uint32_t *shared;  /* per added file */
    uint32_t *touched; /* the files whose count is not 0 */
    size_t n_touched;
};

/*
 * Counts file f's samples in every other file; returns how many of f's
 * samples count. A sample's group (the postings of its value) is found from
 * its place, looking no further than JK_CONTAIN_COMMON + 1 postings.
 */
static size_t tally_file(const struct jk_contain_index *ix, const struct postings *ps, uint32_t f,
                         struct tally *t)
{
    const struct jk_contain_doc *d = &ix->docs[f];
    const struct posting *p = ps->p;
    size_t counted = 0;
    for (uint32_t k = d->from; k < d->from + d->n; k++) {
        size_t lo = ps->at[k], hi = lo + 1;
        uint32_t value = p[lo].value;
        while (lo > 0 && p[lo - 1].value == value && hi - lo <= JK_CONTAIN_COMMON)
            lo--;
        while (hi < ix->n_values && p[hi].value == value && hi - lo <= JK_CONTAIN_COMMON)
            hi++;
        if (hi - lo > JK_CONTAIN_COMMON)
            continue; /* boilerplate */
        counted++;
        for (size_t i = lo; i < hi; i++) {
            uint32_t g = ps->owner[p[i].index];
            if (g != f && t->shared[g]++ == 0)
                t->touched[t->n_touched++] = g;
        }
    }
    return counted;
}

/* The larger file sharing most of f's samples (the earlier on a tie), or UINT32_MAX. */
static uint32_t best_container(const struct jk_contain_index *ix, uint32_t f, const struct tally *t)
{
    uint32_t best = UINT32_MAX;
    for (size_t i = 0; i < t->n_touched; i++) {
        uint32_t g = t->touched[i];
        if (ix->docs[g].n <= ix->docs[f].n)
            continue;
        if (best == UINT32_MAX || t->shared[g] > t->shared[best] ||
            (t->shared[g] == t->shared[best] && g < best))
            best = g;
    }
    return best;
}

size_t jk_contain_find(const struct jk_contain_index *ix, double min, struct jk_contained **out)
{
    *out = NULL;
    if (ix->n_docs < 2)
        return 0;
    struct postings ps;
    postings_build(ix, &ps);
    struct tally t = {jk_calloc(ix->n_docs, sizeof(uint32_t)),
                      jk_malloc(ix->n_docs * sizeof(uint32_t)), 0};
    size_t n = 0, cap = 0;
    for (uint32_t f = 0; f < ix->n_docs; f++) {
        size_t counted = tally_file(ix, &ps, f, &t);
        uint32_t g = best_container(ix, f, &t);
        if (counted >= JK_CONTAIN_MIN_SAMPLES && g != UINT32_MAX &&
            t.shared[g] >= min * (double)counted) {
            JK_GROW(*out, n + 1, cap);
            (*out)[n++] = (struct jk_contained){ix->docs[f].doc, ix->docs[g].doc,
                                                (double)t.shared[g] / (double)counted};
        }
        for (size_t i = 0; i < t.n_touched; i++)
            t.shared[t.touched[i]] = 0;
        t.n_touched = 0;
    }
    free(t.shared);
    free(t.touched);
    postings_release(&ps);
    return n;
}
