/*
 * Indonesian stemmer (see stem.h): Enhanced Confix Stripping: suffixes, up to
 * three prefixes with their sound changes, disallowed confixes, suffix
 * restoring, and reduplication. Loading lives in stem_load.c.
 */
#include "stem.h"

#include <stdlib.h>
#include <string.h>

#include "stem_load.h"

/* Longest word analysed by the rules, in bytes; longer words only get lookups. */
#define STEM_MAX 64
/* A root found by stripping has at least this many letters. */
#define MIN_ROOT     3
#define MAX_PREFIXES 3

void jk_stemmer_init(struct jk_stemmer *s)
{
    jk_strmap_init(&s->roots);
    jk_strmap_init(&s->exceptions);
    s->exception_roots = NULL;
    s->exception_cap = 0;
    jk_arena_init(&s->arena);
    s->licences = NULL;
    s->licence_cap = 0;
    s->dictionary_missing = false;
}

void jk_stemmer_release(struct jk_stemmer *s)
{
    if (!s)
        return;
    jk_strmap_release(&s->roots);
    jk_strmap_release(&s->exceptions);
    free(s->exception_roots);
    jk_arena_release(&s->arena);
    free(s->licences);
    jk_stemmer_init(s);
}

bool jk_stemmer_has_root(const struct jk_stemmer *s, const char *word, size_t len)
{
    return jk_strmap_find(&s->roots, word, len) != JK_NO_ID;
}

size_t jk_stemmer_root_count(const struct jk_stemmer *s)
{
    return jk_strmap_count(&s->roots);
}

/* ---- rules ------------------------------------------------------------ */

/* One way to read a prefix: drop `drop` bytes, then put `add` (if any) back
 * in front: "menulis" -> drop "men", add 't' -> "tulis". */
struct cand {
    unsigned cls;
    const char *label;
    unsigned char drop;
    char add;
};

struct step {
    const char *label;
    char add;
};

/* What the analysis did, for the root and the `how` text. */
struct trace {
    const char *sfx[4]; /* suffixes in the order they were removed */
    size_t n_sfx;
    struct step pfx[MAX_PREFIXES]; /* prefixes from the outside in */
    size_t n_pfx;
    unsigned classes; /* of every prefix removed */
    unsigned outer;   /* class of the outermost prefix, or 0 */
    char root[STEM_MAX + 2];
    size_t root_len;
};

static bool vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static bool consonant(char c)
{
    return c >= 'a' && c <= 'z' && !vowel(c);
}

static bool starts(const char *w, size_t len, const char *p)
{
    size_t n = strlen(p);
    return len >= n && !memcmp(w, p, n);
}

static bool ends(const char *w, size_t len, const char *sfx)
{
    size_t n = strlen(sfx);
    return len >= n && !memcmp(w + len - n, sfx, n);
}

/* The byte at i, or '\0' past the end. */
static char at(const char *w, size_t len, size_t i)
{
    return i < len ? w[i] : '\0';
}

#define CAND(cls_, label_, drop_, add_)                                                            \
    do {                                                                                           \
        c[n].cls = (cls_);                                                                         \
        c[n].label = (label_);                                                                     \
        c[n].drop = (drop_);                                                                       \
        c[n].add = (add_);                                                                         \
        n++;                                                                                       \
    } while (0)

/* me- and pe- share their nasal sound changes: meng-/peng-, meny-/peny-, ... */
static size_t nasal_candidates(const char *w, size_t len, unsigned cls, const char *const *names,
                               struct cand *c)
{
    /* names: "meng-", "meny-", "mem-", "men-", "me-", "menge-" (or the pe- forms) */
    size_t n = 0;
    char c2 = at(w, len, 2), c3 = at(w, len, 3), c4 = at(w, len, 4), c5 = at(w, len, 5);
    if (c2 == 'n' && c3 == 'g') {
        if (c4 && strchr("ghqk", c4))
            CAND(cls, names[0], 4, 0); /* menggunakan, menghadapi, mengkaji */
        else if (vowel(c4)) {
            CAND(cls, names[0], 4, 0);   /* mengambil -> ambil */
            CAND(cls, names[0], 4, 'k'); /* mengatakan -> kata */
            if (c4 == 'e' && consonant(c5))
                CAND(cls, names[5], 5, 0); /* mengecat -> cat, mengetahui -> tahu */
        }
    } else if (c2 == 'n' && c3 == 'y') {
        if (vowel(c4)) {
            CAND(cls, names[1], 4, 's'); /* menyelesaikan -> selesai */
            CAND(cls, names[4], 2, 0);   /* menyanyi -> nyanyi */
        }
    } else if (c2 == 'm') {
        if (c3 == 'b' || c3 == 'f' || c3 == 'v' || c3 == 'p')
            CAND(cls, names[2], 3, 0); /* membangun, memfasilitasi, mempunyai, memperbaiki */
        else if (vowel(c3) || (c3 == 'r' && vowel(c4))) {
            CAND(cls, names[4], 2, 0);   /* memakan -> makan */
            CAND(cls, names[2], 3, 'p'); /* memukul -> pukul */
        }
    } else if (c2 == 'n') {
        if (c3 && strchr("cdjstz", c3))
            CAND(cls, names[3], 3, 0); /* mencari, mendapat, menjadi, mensurvei, mentaati */
        else if (vowel(c3)) {
            CAND(cls, names[4], 2, 0);   /* menanti -> nanti */
            CAND(cls, names[3], 3, 't'); /* menulis -> tulis */
        }
    }
    return n;
}

static const char *const me_names[] = {"meng-", "meny-", "mem-", "men-", "me-", "menge-"};
static const char *const pe_names[] = {"peng-", "peny-", "pem-", "pen-", "pe-", "penge-"};

/* ber-/ter-/per-: berV -> ber-V | be-rV; berC -> ber-C; beC1erC2 -> be-C1erC2. */
static size_t r_candidates(const char *w, size_t len, unsigned cls, unsigned cls_without_r,
                           const char *with_r, const char *without_r, struct cand *c)
{
    size_t n = 0;
    char c2 = at(w, len, 2), c3 = at(w, len, 3);
    if (c2 == 'r' && vowel(c3)) {
        CAND(cls, with_r, 3, 0);
        CAND(cls_without_r, without_r, 2, 0);
    } else if (c2 == 'r' && c3) {
        CAND(cls, with_r, 3, 0);
    } else if (consonant(c2) && c2 != 'r' && at(w, len, 3) == 'e' && at(w, len, 4) == 'r') {
        CAND(cls_without_r, without_r, 2, 0); /* bekerja, beserta, tepercaya, pekerja */
    }
    return n;
}

/* Every reading of the outermost prefix of w, in the order they are tried. */
static size_t prefix_candidates(const char *w, size_t len, struct cand *c)
{
    size_t n = 0;
    if (len < 4)
        return 0;
    char c2 = w[2];
    if (starts(w, len, "di"))
        CAND(P_DI, "di-", 2, 0);
    else if (starts(w, len, "ke"))
        CAND(P_KE, "ke-", 2, 0);
    else if (starts(w, len, "se"))
        CAND(P_SE, "se-", 2, 0);
    else if (starts(w, len, "me")) {
        n = nasal_candidates(w, len, P_ME, me_names, c);
        if (n == 0 && (c2 == 'l' || c2 == 'r' || c2 == 'w' || c2 == 'y') && vowel(at(w, len, 3)))
            CAND(P_ME, "me-", 2, 0); /* melihat, merasa, mewakili, meyakini */
    } else if (starts(w, len, "be")) {
        if (starts(w, len, "belajar"))
            CAND(P_BE, "bel-", 3, 0);
        else
            n = r_candidates(w, len, P_BE, P_BE, "ber-", "be-", c);
    } else if (starts(w, len, "te")) {
        n = r_candidates(w, len, P_TE, P_TE, "ter-", "te-", c);
    } else if (starts(w, len, "pe")) {
        if (starts(w, len, "pelajar"))
            CAND(P_PE, "pel-", 3, 0);
        else if (c2 == 'r')
            n = r_candidates(w, len, P_PER, P_PE, "per-", "pe-", c);
        else if (c2 == 'm' || c2 == 'n')
            n = nasal_candidates(w, len, P_PE, pe_names, c);
        if (n == 0 && consonant(c2) && c2 != 'r')
            CAND(P_PE, "pe-", 2, 0); /* petani, pelaku, pekerja, pewarna, pemain */
    }
    return n;
}

/* Disallowed confixes, between the outermost prefix and the derivational
 * suffix: be-…-i, di-…-an, ke-…-i (but ketahui), ke-…-kan, me-…-an, se-…-i,
 * se-…-kan, te-…-an. Inner prefixes are free: keter-kait-an. pe-…-kan is
 * only a last resort (strict is false): pe- makes nouns and -kan verbs, so
 * "penarikan" is pe-tarik-an, but the misspelt "pengelompokkan" still has a
 * root. per-…-kan is fine: pertanyakan. */
static bool confix_allowed(unsigned outer, const char *deriv, const char *root, size_t len,
                           bool strict)
{
    if (!deriv)
        return true;
    if (!strcmp(deriv, "i"))
        return !(outer & (P_BE | P_SE)) &&
               (!(outer & P_KE) || (len == 4 && !memcmp(root, "tahu", 4)));
    if (!strcmp(deriv, "kan"))
        return !(outer & (P_KE | P_SE)) && !(strict && (outer & P_PE));
    return !(outer & (P_DI | P_ME | P_TE)); /* -an */
}

/* Whether a root's hunspell flags allow the outermost prefix and the
 * derivational suffix; a root whose flags are unknown allows everything. */
static bool licensed(uint16_t licence, unsigned outer, const char *deriv)
{
    if (!(licence & L_KNOWN))
        return true;
    if (outer & (P_PE | P_PER))
        outer = P_PE | P_PER; /* hunspell-id writes per- before r as pe- */
    if (outer && !(licence & outer))
        return false;
    if (!deriv)
        return true;
    uint16_t need = !strcmp(deriv, "kan") ? L_KAN : !strcmp(deriv, "an") ? L_AN : L_I;
    return (licence & need) != 0;
}

static size_t letters(const char *w, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)w[i] & 0xC0) != 0x80;
    return n;
}

/* A root in the dictionary, or a word that an exception redirects (whose
 * licence is unknown). */
static bool known(const struct jk_stemmer *s, const char *w, size_t len, uint16_t *licence)
{
    uint32_t id = jk_strmap_find(&s->roots, w, len);
    *licence = id == JK_NO_ID ? 0 : s->licences[id];
    return id != JK_NO_ID || jk_strmap_find(&s->exceptions, w, len) != JK_NO_ID;
}

static void set_root(struct trace *t, const char *w, size_t len)
{
    memcpy(t->root, w, len);
    t->root[len] = '\0';
    t->root_len = len;
}

static const char *const particles[] = {"lah", "kah", "tah", "pun"};
static const char *const possessives[] = {"nya", "ku", "mu"};
static const char *const derivationals[] = {"kan", "an", "i"};

/* The index in list of the suffix w ends with, leaving at least MIN_ROOT
 * bytes; or -1. */
static int suffix_of(const char *w, size_t len, const char *const *list, int n)
{
    for (int i = 0; i < n; i++)
        if (ends(w, len, list[i]) && len >= strlen(list[i]) + MIN_ROOT)
            return i;
    return -1;
}

/* The word after removing its particle, possessive and derivational suffix:
 * form k is the first len[k] bytes of the word, with k suffixes fewer. */
struct forms {
    size_t len[4];
    const char *label[4]; /* label[k]: how form k was made from form k-1 */
    const char *deriv;    /* derivational suffix removed last, or NULL */
    size_t n;
};

static void remove_suffix(const char *w, struct forms *f, const char *const *list,
                          const char *const *labels, int n)
{
    int i = suffix_of(w, f->len[f->n - 1], list, n);
    if (i < 0)
        return;
    f->len[f->n] = f->len[f->n - 1] - strlen(list[i]);
    f->label[f->n++] = labels[i];
    f->deriv = list == derivationals ? list[i] : NULL;
}

/* How each derivational suffix (derivationals) is named in `how` and in a trace. */
static const char *const deriv_labels[] = {"suffix -kan", "suffix -an", "suffix -i"};

static void strip_suffixes(const char *w, size_t len, struct forms *f)
{
    static const char *const particle_labels[] = {"particle -lah", "particle -kah", "particle -tah",
                                                  "particle -pun"};
    static const char *const possessive_labels[] = {"possessive -nya", "possessive -ku",
                                                    "possessive -mu"};
    f->len[0] = len;
    f->n = 1;
    f->deriv = NULL;
    remove_suffix(w, f, particles, particle_labels, 4);
    remove_suffix(w, f, possessives, possessive_labels, 3);
    remove_suffix(w, f, derivationals, deriv_labels, 3);
}

/* A prefix search: which derivational suffix is off (for the disallowed
 * pairs), whether suffixes may still be removed after the prefixes, and
 * whether the root's affix licence must allow the reading. */
struct search {
    const struct jk_stemmer *s;
    const char *deriv;
    bool suffixes_after;
    bool strict;
    struct trace *t;
};

static bool root_found(struct search *q, const char *w, size_t len, const char *deriv)
{
    uint16_t licence;
    struct trace *t = q->t;
    if (!known(q->s, w, len, &licence) || !confix_allowed(t->outer, deriv, w, len, q->strict) ||
        (q->strict && !licensed(licence, t->outer, deriv)))
        return false;
    set_root(t, w, len);
    return true;
}

static bool leaf(struct search *q, const char *w, size_t len)
{
    struct trace *t = q->t;
    if (letters(w, len) < MIN_ROOT)
        return false;
    if (!q->suffixes_after)
        return root_found(q, w, len, q->deriv);
    struct forms f;
    strip_suffixes(w, len, &f);
    size_t n_sfx = t->n_sfx;
    for (size_t k = 0; k < f.n; k++) {
        if (k > 0)
            t->sfx[t->n_sfx++] = f.label[k];
        if (root_found(q, w, f.len[k], k == f.n - 1 ? f.deriv : NULL))
            return true;
    }
    t->n_sfx = n_sfx;
    return false;
}

/* Depth-first search for a root under exactly `depth` more prefixes. */
static bool dfs(struct search *q, const char *w, size_t len, unsigned depth)
{
    if (depth == 0)
        return leaf(q, w, len);
    struct cand c[6];
    size_t n = prefix_candidates(w, len, c);
    struct trace *t = q->t;
    for (size_t i = 0; i < n; i++) {
        if (t->classes & c[i].cls)
            continue;
        char next[STEM_MAX + 2];
        size_t nlen = 0;
        if (c[i].add)
            next[nlen++] = c[i].add;
        memcpy(next + nlen, w + c[i].drop, len - c[i].drop);
        nlen += len - c[i].drop;
        t->pfx[t->n_pfx].label = c[i].label;
        t->pfx[t->n_pfx++].add = c[i].add;
        t->classes |= c[i].cls;
        if (t->n_pfx == 1)
            t->outer = c[i].cls;
        if (dfs(q, next, nlen, depth - 1))
            return true;
        t->n_pfx--;
        t->classes &= ~c[i].cls;
        if (t->n_pfx == 0)
            t->outer = 0;
    }
    return false;
}

/* Tries 0, 1, 2, then 3 prefixes: fewer affixes win. */
static bool prefixes(struct search *q, const char *w, size_t len)
{
    for (unsigned depth = 0; depth <= MAX_PREFIXES; depth++)
        if (dfs(q, w, len, depth))
            return true;
    return false;
}

/* ECS precedence: for be-…-lah, be-…-an, me-…-i, di-…-i, pe-…-i and te-…-i,
 * prefixes come off before suffixes ("bertahan" is ber-tahan, not ber-tah-an). */
static bool prefix_first(const char *w, size_t len)
{
    if (starts(w, len, "be"))
        return ends(w, len, "lah") || ends(w, len, "an");
    return (starts(w, len, "me") || starts(w, len, "di") || starts(w, len, "pe") ||
            starts(w, len, "te")) &&
           ends(w, len, "i");
}

/* One way to read the end of the word: its first len bytes, after removing
 * the suffixes labelled sfx, with derivational suffix deriv (or NULL) off. */
struct reading {
    size_t len;
    const char *deriv;
    const char *sfx[3];
    size_t n_sfx;
};

/*
 * The suffix readings in the order they are tried. The derivational suffix
 * comes off before it is restored (-kan also as -an on a root ending in k),
 * as in ECS; but a particle or possessive is first left on, because roots
 * that end like one (pemerintah, langkah, himpun, ilmu) are far more common
 * in academic text than the particles.
 */
static size_t suffix_readings(const struct forms *f, struct reading *r)
{
    static const char *const an_k = "suffix -an (root ends in k)";
    size_t n = 0, m = f->n - 1 - (f->deriv != NULL); /* inflectional suffixes */
    for (size_t i = 0; i <= m; i++) {
        if (i == m && f->deriv) {
            r[n] = (struct reading){f->len[i + 1], f->deriv, {0}, i + 1};
            memcpy(r[n].sfx, f->label + 1, (i + 1) * sizeof(*f->label));
            n++;
            if (!strcmp(f->deriv, "kan")) {
                r[n] = r[n - 1];
                r[n].len++;
                r[n].deriv = "an";
                r[n].sfx[i] = an_k;
                n++;
            }
        }
        r[n] = (struct reading){f->len[i], NULL, {0}, i};
        memcpy(r[n].sfx, f->label + 1, i * sizeof(*f->label));
        n++;
    }
    return n;
}

/* Confix stripping on w (len <= STEM_MAX) in one mode (strict: only
 * readings the root's affix licence allows); fills t on success. Fewer
 * prefixes win over any suffix reading ("memberikan" is mem-beri-kan, not
 * mem-ber-ikan). */
static bool confix_pass(const struct jk_stemmer *s, const char *w, size_t len, bool strict,
                        struct trace *t)
{
    struct search q = {s, NULL, true, strict, t};
    if (prefix_first(w, len) && prefixes(&q, w, len))
        return true;
    q.suffixes_after = false;
    struct forms f;
    strip_suffixes(w, len, &f);
    struct reading r[8];
    size_t n = suffix_readings(&f, r);
    for (unsigned depth = 0; depth <= MAX_PREFIXES; depth++) {
        for (size_t i = 0; i < n; i++) {
            memcpy(t->sfx, r[i].sfx, sizeof(r[i].sfx));
            t->n_sfx = r[i].n_sfx;
            q.deriv = r[i].deriv;
            if (dfs(&q, w, r[i].len, depth))
                return true;
        }
    }
    t->n_sfx = 0;
    return false;
}

/* A reading the root's hunspell flags allow wins over one they do not
 * ("petani" is pe-tani, not petan-i: petan takes no affix). */
static bool confix(const struct jk_stemmer *s, const char *w, size_t len, struct trace *t)
{
    return confix_pass(s, w, len, true, t) || confix_pass(s, w, len, false, t);
}

/* ---- the public entry point ------------------------------------------- */

static const char *exception_root(const struct jk_stemmer *s, const char *w, size_t len)
{
    uint32_t id = jk_strmap_find(&s->exceptions, w, len);
    return id == JK_NO_ID ? NULL : s->exception_roots[id];
}

static void trace_how(const struct trace *t, const char *redirect, struct jk_buf *how)
{
    const char *sep = "";
    for (size_t i = 0; i < t->n_sfx; i++, sep = ", ")
        jk_buf_addf(how, "%s%s", sep, t->sfx[i]);
    for (size_t i = 0; i < t->n_pfx; i++, sep = ", ") {
        jk_buf_addf(how, "%sprefix %s", sep, t->pfx[i].label);
        if (t->pfx[i].add)
            jk_buf_addf(how, " (%c)", t->pfx[i].add);
    }
    if (redirect)
        jk_buf_addf(how, "%sexception %s -> %s", sep, t->root, redirect);
}

/* Everything but reduplication: appends the root (the word itself if none
 * is found) to root and says how to how (if not NULL). Returns whether a
 * root was found. */
static bool stem_word(const struct jk_stemmer *s, const char *w, size_t len, struct jk_buf *root,
                      struct jk_buf *how)
{
    const char *exc = exception_root(s, w, len);
    const char *what;
    bool found = false;
    if (exc) {
        jk_buf_adds(root, exc);
        what = "exception";
        found = true;
    } else if (jk_stemmer_has_root(s, w, len)) {
        what = "dictionary";
        found = true;
    } else if (letters(w, len) <= 3) {
        what = "unchanged: 3 letters or fewer";
        found = true;
    } else if (len > STEM_MAX) {
        what = "unchanged: too long";
    } else {
        struct trace t = {0};
        if (confix(s, w, len, &t)) {
            const char *redirect = exception_root(s, t.root, t.root_len);
            jk_buf_adds(root, redirect ? redirect : t.root);
            if (how)
                trace_how(&t, redirect, how);
            return true;
        }
        what = "unchanged: no root found";
    }
    if (!exc)
        jk_buf_add(root, w, len);
    if (how)
        jk_buf_adds(how, what);
    return found;
}

/* Reduplication "X-Y": both halves must reach one root. Y may repeat only the
 * end of X with the affixes spread over both ("meniru-nirukan": me- + nirukan). */
static bool reduplication(const struct jk_stemmer *s, const char *w, size_t len,
                          struct jk_buf *root)
{
    const char *hyphen = memchr(w, '-', len);
    if (!hyphen || memchr(hyphen + 1, '-', len - (size_t)(hyphen - w) - 1) || len > STEM_MAX)
        return false;
    size_t llen = (size_t)(hyphen - w), rlen = len - llen - 1;
    const char *r = hyphen + 1;
    if (llen == 0 || rlen == 0)
        return false;
    struct jk_buf left, right;
    jk_buf_init(&left);
    jk_buf_init(&right);
    stem_word(s, w, llen, &left, NULL);
    stem_word(s, r, rlen, &right, NULL);
    bool same = left.len == right.len && !memcmp(left.data, right.data, left.len);
    if (!same) {
        /* the longest end of X that Y starts with, at least two letters */
        size_t k = llen < rlen ? llen : rlen;
        while (k >= 2 && memcmp(w + llen - k, r, k))
            k--;
        if (k >= 2 && k < llen) {
            char joined[2 * STEM_MAX];
            memcpy(joined, w, llen - k);
            memcpy(joined + llen - k, r, rlen);
            jk_buf_clear(&right);
            /* "berkabu-kabu" joins back to "berkabu": only a root found counts */
            same = stem_word(s, joined, llen - k + rlen, &right, NULL) && left.len == right.len &&
                   !memcmp(left.data, right.data, left.len);
        }
    }
    if (same)
        jk_buf_add(root, left.data, left.len);
    jk_buf_release(&left);
    jk_buf_release(&right);
    return same;
}

/* Whether root is "X-X" for the reduplicated root x. */
static bool is_doubled(const struct jk_buf *root, const struct jk_buf *x)
{
    return root->len == 2 * x->len + 1 && root->data[x->len] == '-' &&
           !memcmp(root->data, x->data, x->len) &&
           !memcmp(root->data + x->len + 1, x->data, x->len);
}

void jk_stem(const struct jk_stemmer *s, const char *word, size_t len, struct jk_buf *root,
             struct jk_buf *how)
{
    jk_buf_clear(root);
    if (how)
        jk_buf_clear(how);
    bool found = stem_word(s, word, len, root, how);
    if (!memchr(word, '-', len) || exception_root(s, word, len) ||
        jk_stemmer_has_root(s, word, len))
        return;
    /* Both halves agree on X: X is the root, unless stripping the whole word
     * reached the lexical reduplication X-X (perundang-undangan, paru-parunya). */
    struct jk_buf x;
    jk_buf_init(&x);
    if (reduplication(s, word, len, &x) && !(found && is_doubled(root, &x))) {
        jk_buf_clear(root);
        jk_buf_add(root, x.data, x.len);
        if (how) {
            jk_buf_clear(how);
            jk_buf_adds(how, "reduplication");
        }
    }
    jk_buf_release(&x);
}

/* Whether the reading removed the derivational suffix -kan or -i. */
static bool verbal_suffix(const struct trace *t)
{
    for (size_t i = 0; i < t->n_sfx; i++)
        if (t->sfx[i] == deriv_labels[0] || t->sfx[i] == deriv_labels[2]) /* -kan, -i */
            return true;
    return false;
}

enum jk_verb_form jk_stem_verb(const struct jk_stemmer *s, const char *word, size_t len)
{
    if (!starts(word, len, "me") && !starts(word, len, "di"))
        return JK_NOT_VERB;
    if (jk_stemmer_has_root(s, word, len) || letters(word, len) <= 3 || len > STEM_MAX)
        return JK_NOT_VERB;
    const char *exc = exception_root(s, word, len);
    if (exc) /* the rules would stop at the word itself: its letters tell ("memadukan") */
        return strlen(exc) == len && !memcmp(exc, word, len) ? JK_NOT_VERB
               : word[0] == 'm'                              ? JK_VERB_ACTIVE
                                                             : JK_VERB_PASSIVE;
    /* A reading the root's hunspell flags allow; else, since hunspell-id's flags miss many
     * loan roots ("difokuskan", "mendeskripsikan"), a reading with the verbal suffix -kan or
     * -i. Not a bare one: English words in Indonesian sentences would read as prefixed
     * ("digital divide" as di-vide, "disease" as di-se-ase, "merit" as me-rit). */
    struct trace t = {0};
    if (!confix_pass(s, word, len, true, &t) &&
        !(confix_pass(s, word, len, false, &t) && verbal_suffix(&t)))
        return JK_NOT_VERB;
    return t.outer == P_ME ? JK_VERB_ACTIVE : t.outer == P_DI ? JK_VERB_PASSIVE : JK_NOT_VERB;
}
