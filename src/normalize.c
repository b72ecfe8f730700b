/*
 * Word normalisation for term keys (see normalize.h): spelling variants,
 * plural reduplication, English singulars, and term-preserving Indonesian
 * stemming (particles, possessives and verb prefixes, not nominal confixes).
 */
#include "normalize.h"

#include <stdlib.h>
#include <string.h>

#include "terms.h"
#include "util/mem.h"

void jk_normalizer_init(struct jk_normalizer *n, const struct jk_stopwords *stop)
{
    memset(n, 0, sizeof(*n));
    n->stop = stop;
    jk_buf_init(&n->a);
    jk_buf_init(&n->b);
    jk_buf_init(&n->c);
    jk_strmap_init(&n->memo);
    n->memo_last = JK_NO_ID;
    jk_buf_init(&n->memo_keys);
    jk_buf_init(&n->memo_val);
}

void jk_normalizer_release(struct jk_normalizer *n)
{
    if (!n)
        return;
    jk_buf_release(&n->a);
    jk_buf_release(&n->b);
    jk_buf_release(&n->c);
    jk_strmap_release(&n->memo);
    jk_buf_release(&n->memo_keys);
    jk_buf_release(&n->memo_val);
    free(n->memo_flags);
    free(n->memo_key);
}

static bool ends_with(const char *w, size_t len, const char *suffix)
{
    size_t s = strlen(suffix);
    return len > s && memcmp(w + len - s, suffix, s) == 0;
}

static bool starts_with(const char *w, size_t len, const char *prefix)
{
    size_t p = strlen(prefix);
    return len > p && memcmp(w, prefix, p) == 0;
}

static bool same_root(struct jk_normalizer *n, const char *x, size_t xl, const char *y, size_t yl)
{
    jk_stem(n->stemmer, x, xl, &n->b, NULL);
    jk_stem(n->stemmer, y, yl, &n->c, NULL);
    return n->b.len == n->c.len && memcmp(n->b.data, n->c.data, n->b.len) == 0;
}

/*
 * Length of word without a particle (-lah -kah -tah -pun) or possessive
 * (-nya -ku -mu) when the rest is a root or has the same root; else len.
 */
static size_t strip_clitic(struct jk_normalizer *n, const char *w, size_t len)
{
    static const char *const clitics[] = {"nya", "lah", "kah", "tah", "pun", "ku", "mu"};
    if (!n->stemmer || jk_stemmer_has_root(n->stemmer, w, len))
        return len;
    for (size_t i = 0; i < sizeof(clitics) / sizeof(*clitics); i++) {
        if (!ends_with(w, len, clitics[i]))
            continue;
        size_t rest = len - strlen(clitics[i]);
        if (rest >= 4 &&
            (jk_stemmer_has_root(n->stemmer, w, rest) || same_root(n, w, rest, w, len)))
            return rest;
    }
    return len;
}

/* Verb prefixes whose words reduce to the root; nominal pe-/per-/ke-/se- forms stay. */
static bool verb_form(const char *w, size_t len)
{
    static const char *const prefixes[] = {"me", "di", "ber", "be", "ter", "te"};
    for (size_t i = 0; i < sizeof(prefixes) / sizeof(*prefixes); i++)
        if (starts_with(w, len, prefixes[i]))
            return true;
    return false;
}

/* Indonesian stemming for terms: clitics off, verb forms to their dictionary root. */
static void stem_indonesian(struct jk_normalizer *n, const char *w, size_t len, struct jk_buf *key)
{
    len = strip_clitic(n, w, len);
    jk_buf_clear(key);
    if (verb_form(w, len) && !jk_stemmer_has_root(n->stemmer, w, len)) {
        jk_stem(n->stemmer, w, len, &n->b, NULL);
        if (n->b.len < len && jk_stemmer_has_root(n->stemmer, n->b.data, n->b.len)) {
            jk_buf_add(key, n->b.data, n->b.len);
            return;
        }
    }
    jk_buf_add(key, w, len);
}

/* English singular for English words, and for attested loan plurals in Indonesian text. */
static bool singular(struct jk_normalizer *n, const char *w, size_t len, enum jk_lang lang,
                     struct jk_buf *key)
{
    if (len <= 3 || w[len - 1] != 's')
        return false;
    size_t sl = jk_english_singular(w, len, &n->a);
    if (sl == len || sl == 0)
        return false;
    if (lang != JK_LANG_EN) {
        bool root = n->stemmer && jk_stemmer_has_root(n->stemmer, w, len);
        if (root || !n->attested || !n->attested(n->attested_ctx, n->a.data, sl))
            return false;
    }
    jk_buf_clear(key);
    jk_buf_add(key, n->a.data, sl);
    return true;
}

static void normalize_uncached(struct jk_normalizer *n, const char *word, size_t len,
                               enum jk_lang lang, struct jk_buf *key)
{
    len = jk_reduplication_root(word, len);
    size_t std_len;
    const char *std = n->variants ? jk_variant_standard(n->variants, word, len, &std_len) : NULL;
    if (std) {
        word = std;
        len = std_len;
    }
    if (singular(n, word, len, lang, key))
        return;
    if (lang != JK_LANG_EN && n->stemmer) {
        stem_indonesian(n, word, len, key);
        return;
    }
    jk_buf_clear(key);
    jk_buf_add(key, word, len);
}

static bool is_stop_uncached(struct jk_normalizer *n, const char *word, size_t len)
{
    size_t root = jk_reduplication_root(word, len);
    if (root < 2)
        return true;
    const struct jk_stopwords *sw = n->stop;
    if (jk_stopwords_has(sw, word, len) || jk_stopwords_has(sw, word, root))
        return true;
    size_t std_len;
    const char *std = n->variants ? jk_variant_standard(n->variants, word, root, &std_len) : NULL;
    if (std && jk_stopwords_has(sw, std, std_len))
        return true;
    size_t bare = strip_clitic(n, word, root);
    return bare < root && jk_stopwords_has(sw, word, bare);
}

/*
 * The memo: a word's answers depend only on the word, its language and
 * lists that no longer change, and a corpus has far fewer distinct words
 * than tokens, so each word is looked up once per token (the stopword test
 * and the key ask about the same word in turn: the last entry is kept) and
 * its key worked out once per language.
 */
enum { MEMO_LANGS = JK_LANG_EN + 1, MEMO_UNSET = UINT32_MAX };
/* flags bits; an adjective's jk_word_edge bits sit above them (MEMO_EDGES) */
enum { MEMO_STOP = 1, MEMO_HEAD = 2, MEMO_ACTIVE = 4, MEMO_PASSIVE = 8, MEMO_EDGES = 4 };

/* MEMO_ACTIVE or MEMO_PASSIVE for an Indonesian verb form, else 0. */
static unsigned char verb_flags(struct jk_normalizer *n, const char *word, size_t len)
{
    if (!n->stemmer)
        return 0;
    len = strip_clitic(n, word, jk_reduplication_root(word, len));
    enum jk_verb_form v = jk_stem_verb(n->stemmer, word, len);
    return v == JK_VERB_ACTIVE ? MEMO_ACTIVE : v == JK_VERB_PASSIVE ? MEMO_PASSIVE : 0;
}

static uint32_t memo_entry_hashed(struct jk_normalizer *n, const char *word, size_t len,
                                  uint32_t hash)
{
    uint32_t last = n->memo_last;
    if (last != JK_NO_ID && jk_strmap_len(&n->memo, last) == len &&
        jk_bytes_equal(jk_strmap_key(&n->memo, last), word, len))
        return last;
    bool added;
    uint32_t id = jk_strmap_intern_hashed(&n->memo, word, len, hash, &added);
    n->memo_last = id;
    if (!added) {
        __builtin_prefetch(&n->memo_key[(size_t)id * MEMO_LANGS]); /* asked next */
        return id;
    }
    JK_GROW_TABLE(n->memo_flags, id + 1, n->memo_flags_cap);
    JK_GROW_TABLE(n->memo_key, ((size_t)id + 1) * MEMO_LANGS, n->memo_key_cap);
    n->memo_flags[id] =
        (unsigned char)((is_stop_uncached(n, word, len) ? MEMO_STOP : 0) |
                        (jk_stopwords_starts_phrase(n->stop, word, len) ? MEMO_HEAD : 0) |
                        verb_flags(n, word, len) |
                        jk_stopwords_edges(n->stop, word, len) << MEMO_EDGES);
    for (size_t l = 0; l < MEMO_LANGS; l++)
        n->memo_key[(size_t)id * MEMO_LANGS + l].len = MEMO_UNSET;
    return id;
}

static uint32_t memo_entry(struct jk_normalizer *n, const char *word, size_t len)
{
    return memo_entry_hashed(n, word, len, jk_hash_bytes(word, len));
}

uint32_t jk_normalizer_word(struct jk_normalizer *n, const char *word, size_t len)
{
    return memo_entry(n, word, len);
}

uint32_t jk_normalizer_word_hashed(struct jk_normalizer *n, const char *word, size_t len,
                                   uint32_t hash)
{
    return memo_entry_hashed(n, word, len, hash);
}

void jk_normalizer_prefetch(const struct jk_normalizer *n, uint32_t hash, unsigned stage)
{
    if (stage == 0)
        jk_strmap_prefetch(&n->memo, hash);
    else
        jk_strmap_prefetch_key(&n->memo, hash, stage > 1);
}

bool jk_normalizer_stop_of(const struct jk_normalizer *n, uint32_t word)
{
    return n->memo_flags[word] & MEMO_STOP;
}

bool jk_normalizer_heads_phrase_of(const struct jk_normalizer *n, uint32_t word)
{
    return n->memo_flags[word] & MEMO_HEAD;
}

enum jk_verb_form jk_normalizer_verb_of(const struct jk_normalizer *n, uint32_t word)
{
    unsigned char f = n->memo_flags[word];
    return f & MEMO_ACTIVE ? JK_VERB_ACTIVE : f & MEMO_PASSIVE ? JK_VERB_PASSIVE : JK_NOT_VERB;
}

enum jk_verb_form jk_normalizer_verb(struct jk_normalizer *n, const char *word, size_t len)
{
    return jk_normalizer_verb_of(n, memo_entry(n, word, len));
}

unsigned jk_normalizer_edges_of(const struct jk_normalizer *n, uint32_t word)
{
    return (unsigned)n->memo_flags[word] >> MEMO_EDGES;
}

unsigned jk_normalizer_edges(struct jk_normalizer *n, const char *word, size_t len)
{
    return jk_normalizer_edges_of(n, memo_entry(n, word, len));
}

void jk_normalize_word_append(struct jk_normalizer *n, uint32_t word, enum jk_lang lang,
                              struct jk_buf *out)
{
    struct jk_memo_key *k = &n->memo_key[(size_t)word * MEMO_LANGS + lang];
    if (k->len == MEMO_UNSET) {
        normalize_uncached(n, jk_strmap_key(&n->memo, word), jk_strmap_len(&n->memo, word), lang,
                           &n->memo_val);
        k->off = (uint32_t)n->memo_keys.len;
        k->len = (uint32_t)n->memo_val.len;
        jk_buf_add(&n->memo_keys, n->memo_val.data, n->memo_val.len);
    }
    jk_buf_add(out, n->memo_keys.data + k->off, k->len);
}

void jk_normalize_word(struct jk_normalizer *n, const char *word, size_t len, enum jk_lang lang,
                       struct jk_buf *key)
{
    uint32_t id = memo_entry(n, word, len);
    jk_buf_clear(key);
    jk_normalize_word_append(n, id, lang, key);
}

bool jk_normalizer_is_stop(struct jk_normalizer *n, const char *word, size_t len)
{
    uint32_t id = memo_entry(n, word, len); /* may move memo_flags */
    return n->memo_flags[id] & MEMO_STOP;
}
