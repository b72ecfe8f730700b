/*
 * Stage 5a, bilingual merge (see bilingual.h): English terms found as
 * Indonesian terms of the same corpus through the dictionary, word by word
 * or by loanword spelling, chosen and checked with the documents that carry
 * both languages, then merged in the counter before selection.
 */
#include "bilingual.h"

#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "util/mem.h"
#include "util/status.h"

#define MAX_WORDS      3   /* word-by-word translation up to this many words */
#define MAX_SENSES     4   /* dictionary translations tried per word */
#define MAX_OPTIONS    6   /* a word's options: senses, its spelling, itself */
#define MAX_CANDIDATES 256 /* candidate twins of one term */

void jk_bilingual_init(struct jk_bilingual *b, struct jk_extractor *extractor)
{
    memset(b, 0, sizeof(*b));
    b->extractor = extractor;
    jk_buf_init(&b->key);
    jk_buf_init(&b->phrase);
    jk_arena_init(&b->kept);
}

void jk_bilingual_release(struct jk_bilingual *b)
{
    if (!b)
        return;
    free(b->protect);
    free(b->twins);
    jk_buf_release(&b->key);
    jk_buf_release(&b->phrase);
    jk_arena_release(&b->kept);
    memset(b, 0, sizeof(*b));
}

void jk_bilingual_keep_labels(struct jk_bilingual *b)
{
    for (size_t i = 0; i < b->n_twins; i++) {
        struct jk_twin *t = &b->twins[i];
        t->english = jk_arena_strndup(&b->kept, t->english, strlen(t->english));
        t->indonesian = jk_arena_strndup(&b->kept, t->indonesian, strlen(t->indonesian));
    }
    free(b->protect);
    b->protect = NULL;
    b->n_protect = 0;
    b->extractor = NULL;
}

bool jk_bilingual_document(uint32_t sentences_id, uint32_t sentences_en)
{
    return sentences_id >= JK_BILINGUAL_MIN_SENTENCES && sentences_en >= JK_BILINGUAL_MIN_SENTENCES;
}

/*
 * A term occurring once is too little evidence of a term, let alone of its
 * translation, and large corpora do not even keep such terms (sketch.h), so
 * the merge only looks at terms occurring at least twice: its result is
 * the same with the sketch on or off.
 */
static bool repeated(const struct jk_counter *c, uint32_t id)
{
    return c->tally[id].full >= JK_BILINGUAL_MIN_OCCURRENCES;
}

bool jk_term_is_english(const struct jk_counter *c, uint32_t id)
{
    return repeated(c, id) && c->tally[id].full_en > 0 &&
           (uint64_t)c->tally[id].full_en * 2 >= c->tally[id].full;
}

/* At least a quarter English: a loanword Indonesian sentences use too ("paradiplomacy"). */
static bool partly_english(const struct jk_counter *c, uint32_t id)
{
    return repeated(c, id) && c->tally[id].full_en > 0 &&
           (uint64_t)c->tally[id].full_en * 4 >= c->tally[id].full;
}

bool jk_term_is_indonesian(const struct jk_counter *c, uint32_t id)
{
    return repeated(c, id) && (uint64_t)c->tally[id].full_en * 2 < c->tally[id].full;
}

/* The counter's id of the Indonesian phrase's key, or JK_NO_ID. */
static uint32_t phrase_id(struct jk_bilingual *b, const struct jk_counter *c, const char *phrase,
                          size_t len)
{
    jk_phrase_key(b->extractor, phrase, len, &b->key);
    return b->key.len ? jk_strmap_find(&c->terms, b->key.data, b->key.len) : JK_NO_ID;
}

/* The counter's id of the phrase's key as English words (each made singular), or JK_NO_ID. */
static uint32_t english_id(struct jk_bilingual *b, const struct jk_counter *c, const char *phrase,
                           size_t len)
{
    jk_buf_clear(&b->phrase);
    for (size_t i = 0; i < len;) {
        size_t n = 0;
        while (i + n < len && phrase[i + n] != ' ')
            n++;
        jk_english_singular(phrase + i, n, &b->key);
        jk_buf_add(&b->phrase, b->key.data, b->key.len);
        i += n + 1;
    }
    return b->phrase.len ? jk_strmap_find(&c->terms, b->phrase.data, b->phrase.len) : JK_NO_ID;
}

static void protect_id(struct jk_bilingual *b, const struct jk_counter *c, uint32_t id)
{
    if (id == JK_NO_ID)
        return;
    size_t n = jk_counter_terms(c);
    if (b->n_protect < n) {
        b->protect = jk_realloc(b->protect, n * sizeof(*b->protect));
        memset(b->protect + b->n_protect, 0, (n - b->n_protect) * sizeof(*b->protect));
        b->n_protect = n;
    }
    b->protect[id] = true;
}

void jk_bilingual_protect(struct jk_bilingual *b, const struct jk_counter *c, const char *phrase,
                          size_t len)
{
    protect_id(b, c, phrase_id(b, c, phrase, len));
    protect_id(b, c, english_id(b, c, phrase, len)); /* as English sentences key it */
}

void jk_bilingual_protect_thesaurus(struct jk_bilingual *b, const struct jk_counter *c,
                                    const struct jk_thesaurus *t)
{
    for (uint32_t i = 0; i < jk_strmap_count(&t->labels); i++)
        if (t->entries[i].final)
            jk_bilingual_protect(b, c, t->entries[i].final, t->entries[i].final_len);
}

static bool is_protected(const struct jk_bilingual *b, uint32_t id)
{
    return id < b->n_protect && b->protect[id];
}

/* ---- loanword spelling ---- */

/* English endings and their Indonesian loanword spelling, longest first where they overlap. */
static const char *const endings[][2] = {
    {"ization", "isasi"}, {"isation", "isasi"}, {"ation", "asi"}, {"tion", "si"},
    {"sion", "si"},       {"ology", "ologi"},   {"ical", "is"},   {"ics", "ika"},
    {"ism", "isme"},      {"ist", "is"},        {"ity", "itas"},  {"acy", "asi"},
    {"cy", "si"},         {"ance", "ansi"},     {"ence", "ensi"}, {"ive", "if"},
    {"ture", "tur"},      {"ic", "ik"},         {"y", "i"},
};

static bool is_vowel(char ch)
{
    return ch && strchr("aeiou", ch);
}

/* The Indonesian letter for English ch before after ('\0': none); *skip is set for digraphs. */
static char letter(char ch, char after, bool *skip)
{
    *skip = after == 'h' && (ch == 'p' || ch == 't' || ch == 'c'); /* ph, th, ch */
    if (*skip)
        return ch == 'p' ? 'f' : ch == 't' ? 't' : 'k';
    if (ch == 'y')
        return 'i';
    if (ch == 'c')
        return after == 'e' || after == 'i' || after == 'y' ? 's' : 'k';
    return ch;
}

/*
 * Respells the stem s[0..len) (next: the letter after it) into out: c as k or
 * s, ph f, th t, ch k, qu kw, x ks, y i, and doubled consonants once
 * ("accommodation" -> "akomodasi").
 */
static void respell(const char *s, size_t len, char next, struct jk_buf *out)
{
    for (size_t i = 0; i < len; i++) {
        char after = i + 1 < len ? s[i + 1] : next;
        bool skip;
        if (s[i] == 'x' || (s[i] == 'q' && after == 'u')) {
            jk_buf_adds(out, s[i] == 'x' ? "ks" : "kw");
            i += s[i] == 'q';
            continue;
        }
        char ch = letter(s[i], after, &skip);
        i += skip;
        if (!is_vowel(ch) && out->len && out->data[out->len - 1] == ch)
            continue;
        jk_buf_addc(out, ch);
    }
}

bool jk_loanword_spelling(const char *word, size_t len, struct jk_buf *out)
{
    jk_buf_clear(out);
    if (len < 3)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!((word[i] >= 'a' && word[i] <= 'z') || word[i] == '-'))
            return false;
    const char *tail = "";
    size_t stem = len;
    for (size_t e = 0; e < sizeof(endings) / sizeof(*endings); e++) {
        size_t el = strlen(endings[e][0]);
        if (len > el + 1 && memcmp(word + len - el, endings[e][0], el) == 0) {
            tail = endings[e][1];
            stem = len - el;
            break;
        }
    }
    respell(word, stem, tail[0], out);
    jk_buf_adds(out, tail);
    return out->len != len || memcmp(out->data, word, len) != 0;
}

/* ---- bilingual documents per term ---- */

/* For every term, the bilingual documents holding it, ascending (CSR). */
struct doc_index {
    size_t *start; /* term t's documents are docs[start[t] .. start[t + 1]) */
    uint32_t *docs;
    uint32_t n_bilingual;
};

static void index_build(struct doc_index *x, const struct jk_counter *c, const bool *flags)
{
    size_t n = jk_counter_terms(c);
    memset(x, 0, sizeof(*x));
    x->start = jk_calloc(n + 2, sizeof(*x->start));
    for (size_t d = 0; flags && d < c->n_docs; d++) {
        if (!flags[d])
            continue;
        x->n_bilingual++;
        for (size_t p = c->doc_start[d]; p < c->doc_start[d + 1]; p++)
            x->start[c->pool_terms[p] + 2]++;
    }
    for (size_t t = 0; t < n; t++)
        x->start[t + 2] += x->start[t + 1];
    x->docs = jk_malloc((x->start[n + 1] ? x->start[n + 1] : 1) * sizeof(*x->docs));
    for (size_t d = 0; flags && d < c->n_docs; d++)
        for (size_t p = c->doc_start[d]; flags[d] && p < c->doc_start[d + 1]; p++)
            x->docs[x->start[c->pool_terms[p] + 1]++] = (uint32_t)d;
}

static void index_release(struct doc_index *x)
{
    free(x->start);
    free(x->docs);
}

static uint32_t index_docs(const struct doc_index *x, uint32_t t)
{
    return (uint32_t)(x->start[t + 1] - x->start[t]);
}

/* Bilingual documents holding both a and b. */
static uint32_t index_both(const struct doc_index *x, uint32_t a, uint32_t b)
{
    size_t i = x->start[a], j = x->start[b], k = 0;
    while (i < x->start[a + 1] && j < x->start[b + 1]) {
        if (x->docs[i] == x->docs[j])
            k++, i++, j++;
        else if (x->docs[i] < x->docs[j])
            i++;
        else
            j++;
    }
    return (uint32_t)k;
}

/* ---- candidates ---- */

struct candidate {
    uint32_t id;
    enum jk_twin_evidence evidence;
    uint32_t both;
    uint32_t full; /* the candidate's occurrences, for the order (set before sorting) */
};

/* One term's candidate twins; self is set when a translation is the term itself. */
struct candidates {
    struct candidate v[MAX_CANDIDATES];
    size_t n;
    uint32_t term;
    bool self;
};

/*
 * True when term id was written as phrase, or as phrase without its spaces
 * ("kerjasama" for "kerja sama"): a key shared through stemming alone
 * ("baru" and "diperbarui") is not the twin the dictionary means.
 */
static bool written(struct jk_bilingual *b, const struct jk_counter *c, uint32_t id,
                    const char *phrase, size_t len)
{
    if (jk_counter_has_surface(c, id, phrase, len))
        return true;
    jk_buf_clear(&b->key);
    for (size_t i = 0; i < len; i++)
        if (phrase[i] != ' ')
            jk_buf_addc(&b->key, phrase[i]);
    return b->key.len < len && jk_counter_has_surface(c, id, b->key.data, b->key.len);
}

/* Adds the Indonesian phrase as a candidate when it is written as an Indonesian term of c. */
static void consider(struct jk_bilingual *b, const struct jk_counter *c, struct candidates *cs,
                     const char *phrase, size_t len, enum jk_twin_evidence evidence)
{
    uint32_t id = phrase_id(b, c, phrase, len);
    if (id == cs->term)
        cs->self = true;
    if (id == JK_NO_ID || id == cs->term || !jk_term_is_indonesian(c, id) ||
        !written(b, c, id, phrase, len))
        return;
    for (size_t i = 0; i < cs->n; i++)
        if (cs->v[i].id == id) {
            if (evidence < cs->v[i].evidence)
                cs->v[i].evidence = evidence;
            return;
        }
    if (cs->n < MAX_CANDIDATES)
        cs->v[cs->n++] = (struct candidate){id, evidence, 0, 0};
}

/* A term's words as written and made singular (the dictionary lists singulars). */
struct words {
    const char *w[MAX_WORDS];
    size_t len[MAX_WORDS];
    struct jk_buf singular[MAX_WORDS];
    struct jk_buf phrase; /* the singular words joined by spaces */
    size_t n;
};

static void words_init(struct words *ws)
{
    memset(ws, 0, sizeof(*ws));
    for (size_t i = 0; i < MAX_WORDS; i++)
        jk_buf_init(&ws->singular[i]);
    jk_buf_init(&ws->phrase);
}

static void words_release(struct words *ws)
{
    for (size_t i = 0; i < MAX_WORDS; i++)
        jk_buf_release(&ws->singular[i]);
    jk_buf_release(&ws->phrase);
}

/* Splits label into words; false when it has more than MAX_WORDS. */
static bool words_split(struct words *ws, const char *label)
{
    ws->n = 0;
    jk_buf_clear(&ws->phrase);
    for (const char *p = label; *p;) {
        size_t n = strcspn(p, " ");
        if (ws->n == MAX_WORDS)
            return false;
        ws->w[ws->n] = p;
        ws->len[ws->n] = n;
        struct jk_buf *sg = &ws->singular[ws->n];
        jk_english_singular(p, n, sg); /* copies the word when it is not a plural */
        jk_buf_addf(&ws->phrase, "%s%.*s", ws->n ? " " : "", (int)sg->len, sg->data);
        ws->n++;
        p += n;
        while (*p == ' ')
            p++;
    }
    return ws->n > 0;
}

/* Whether translation t of headword[0..len) is the glossary's (report.md says which). */
static enum jk_twin_evidence entry_evidence(const struct jk_bilingual *b, const char *headword,
                                            size_t len, const char *t)
{
    const char *g[MAX_CANDIDATES];
    size_t n =
        b->glossary ? jk_dictd_translations(b->glossary, headword, len, g, MAX_CANDIDATES) : 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(g[i], t) == 0)
            return JK_TWIN_GLOSSARY;
    return JK_TWIN_DICTIONARY;
}

/* 1. The whole phrase's dictionary translations (as written, then in the singular). */
static void by_dictionary(struct jk_bilingual *b, const struct jk_counter *c,
                          const struct jk_dictd *dict, const char *label, const struct words *ws,
                          struct candidates *cs)
{
    const char *out[MAX_CANDIDATES], *head = label;
    size_t len = strlen(label);
    size_t n = jk_dictd_translations(dict, head, len, out, MAX_CANDIDATES);
    if (n == 0) {
        head = ws->phrase.data;
        len = ws->phrase.len;
        n = jk_dictd_translations(dict, head, len, out, MAX_CANDIDATES);
    }
    for (size_t i = 0; i < n; i++)
        consider(b, c, cs, out[i], strlen(out[i]), entry_evidence(b, head, len, out[i]));
}

/* What one word may become in a word-by-word translation. */
struct option {
    const char *text;
    size_t len;
    bool from_dict;
    bool spelled;
};

struct word_options {
    struct option v[MAX_OPTIONS];
    size_t n;
    struct jk_buf spelling;
};

/* A word's options: its senses; else its loanword spelling and itself (a name stays a name). */
static void word_options(const struct jk_dictd *dict, const struct words *ws, size_t i,
                         struct word_options *o)
{
    const char *out[MAX_SENSES];
    o->n = 0;
    size_t n = jk_dictd_translations(dict, ws->w[i], ws->len[i], out, MAX_SENSES);
    if (n == 0)
        n = jk_dictd_translations(dict, ws->singular[i].data, ws->singular[i].len, out, MAX_SENSES);
    for (size_t k = 0; k < n; k++)
        o->v[o->n++] = (struct option){out[k], strlen(out[k]), true, false};
    if (n)
        return;
    const struct jk_buf *sg = &ws->singular[i];
    if (jk_loanword_spelling(sg->data, sg->len, &o->spelling))
        o->v[o->n++] = (struct option){o->spelling.data, o->spelling.len, false, true};
    o->v[o->n++] = (struct option){sg->data, sg->len, false, false};
}

/* The phrase of one combination, head first: the words' options in reversed order. */
static enum jk_twin_evidence combine(struct word_options *opts, const size_t *pick, size_t n,
                                     struct jk_buf *phrase, bool *any_dict)
{
    bool spelled = false;
    *any_dict = false;
    jk_buf_clear(phrase);
    for (size_t k = n; k-- > 0;) {
        const struct option *o = &opts[k].v[pick[k]];
        if (phrase->len)
            jk_buf_addc(phrase, ' ');
        jk_buf_add(phrase, o->text, o->len);
        spelled |= o->spelled;
        *any_dict |= o->from_dict;
    }
    return spelled ? JK_TWIN_SPELLING : JK_TWIN_WORD_BY_WORD;
}

/* 2. Word by word, head first, every combination of the words' options. */
static void by_words(struct jk_bilingual *b, const struct jk_counter *c,
                     const struct jk_dictd *dict, const struct words *ws, struct candidates *cs)
{
    struct word_options opts[MAX_WORDS];
    size_t pick[MAX_WORDS] = {0};
    for (size_t i = 0; i < ws->n; i++) {
        jk_buf_init(&opts[i].spelling);
        word_options(dict, ws, i, &opts[i]);
    }
    for (;;) {
        bool any_dict;
        enum jk_twin_evidence ev = combine(opts, pick, ws->n, &b->phrase, &any_dict);
        if (any_dict)
            consider(b, c, cs, b->phrase.data, b->phrase.len, ev);
        size_t k = 0; /* next combination, odometer style */
        while (k < ws->n && ++pick[k] == opts[k].n)
            pick[k++] = 0;
        if (k == ws->n)
            break;
    }
    for (size_t i = 0; i < ws->n; i++)
        jk_buf_release(&opts[i].spelling);
}

/* 3. One word's loanword spelling. */
static void by_spelling(struct jk_bilingual *b, const struct jk_counter *c, const struct words *ws,
                        struct candidates *cs)
{
    const struct jk_buf *sg = &ws->singular[0];
    struct jk_buf spelled;
    jk_buf_init(&spelled);
    if (jk_loanword_spelling(sg->data, sg->len, &spelled))
        consider(b, c, cs, spelled.data, spelled.len, JK_TWIN_SPELLING);
    jk_buf_release(&spelled);
}

/* ---- choosing ---- */

/* More shared documents first, then more occurrences, then the lower id. */
static int cmp_candidate(const void *a, const void *b)
{
    const struct candidate *x = a, *y = b;
    if (x->both != y->both)
        return x->both > y->both ? -1 : 1;
    if (x->full != y->full)
        return x->full > y->full ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* The acceptance rules of bilingual.h for candidate k of English term t. */
static bool accepted(const struct doc_index *x, uint32_t t, const struct candidate *k)
{
    uint64_t n_en = index_docs(x, t), n_id = index_docs(x, k->id), both = k->both;
    if (k->evidence != JK_TWIN_SPELLING)
        return !(n_en >= 2 && both == 0);
    return both >= 2 && both * 2 >= n_en && both * x->n_bilingual >= n_en * n_id;
}

/* The twin of English term t among its candidates, or NULL. */
static const struct candidate *choose(const struct doc_index *x, const struct jk_counter *c,
                                      struct candidates *cs)
{
    for (size_t i = 0; i < cs->n; i++) {
        cs->v[i].both = index_both(x, cs->term, cs->v[i].id);
        cs->v[i].full = c->tally[cs->v[i].id].full;
    }
    qsort(cs->v, cs->n, sizeof(*cs->v), cmp_candidate);
    for (size_t i = 0; i < cs->n; i++)
        if (accepted(x, cs->term, &cs->v[i]))
            return &cs->v[i];
    return NULL;
}

/* Candidates of term t (label) by the three routes, the cheaper first. */
static void gather(struct jk_bilingual *b, const struct jk_counter *c, const struct jk_dictd *dict,
                   const char *label, struct words *ws, struct candidates *cs)
{
    if (!jk_term_is_english(c, cs->term)) { /* partly English: its spelling only */
        if (ws->n == 1)
            by_spelling(b, c, ws, cs);
        return;
    }
    by_dictionary(b, c, dict, label, ws, cs);
    if (cs->self || cs->n)
        return;
    if (ws->n >= 2)
        by_words(b, c, dict, ws, cs);
    else
        by_spelling(b, c, ws, cs);
}

static void add_twin(struct jk_bilingual *b, const struct jk_counter *c, const char **labels,
                     uint32_t t, const struct candidate *k)
{
    JK_GROW(b->twins, b->n_twins + 1, b->cap_twins);
    b->twins[b->n_twins++] = (struct jk_twin){t,           k->id,   labels[t],       labels[k->id],
                                              k->evidence, k->both, c->tally[t].full};
}

/*
 * A target may itself be merged (a partly English term such as "province"
 * is an Indonesian-majority target): twins then point at the end of the
 * chain, and a twin whose chain comes back to it is dropped.
 */
static void resolve_chains(struct jk_bilingual *b, const char **labels, size_t n_terms)
{
    uint32_t *twin_of = jk_malloc((n_terms ? n_terms : 1) * sizeof(*twin_of));
    memset(twin_of, 0xff, (n_terms ? n_terms : 1) * sizeof(*twin_of));
    for (size_t i = 0; i < b->n_twins; i++)
        twin_of[b->twins[i].from] = (uint32_t)i;
    size_t kept = 0;
    for (size_t i = 0; i < b->n_twins; i++) {
        struct jk_twin t = b->twins[i];
        size_t steps = 0;
        while (twin_of[t.into] != UINT32_MAX && t.into != t.from && steps++ < b->n_twins)
            t.into = b->twins[twin_of[t.into]].into;
        if (t.into == t.from || steps > b->n_twins)
            continue;
        t.indonesian = labels[t.into];
        b->twins[kept++] = t;
    }
    b->n_twins = kept;
    free(twin_of);
}

static int cmp_twin(const void *a, const void *b)
{
    const struct jk_twin *x = a, *y = b;
    if (x->english_occ != y->english_occ)
        return x->english_occ > y->english_occ ? -1 : 1;
    return strcmp(x->english, y->english);
}

void jk_bilingual_find(struct jk_bilingual *b, const struct jk_counter *c,
                       const struct jk_dictd *dict, const bool *bilingual_doc)
{
    b->n_twins = 0;
    b->english_terms = 0;
    struct doc_index x;
    index_build(&x, c, bilingual_doc);
    const char **labels = jk_counter_labels(c);
    struct candidates *cs = jk_malloc(sizeof(*cs));
    struct words ws;
    words_init(&ws);
    for (uint32_t t = 0; t < jk_counter_terms(c); t++) {
        if (!partly_english(c, t) || is_protected(b, t))
            continue;
        b->english_terms += jk_term_is_english(c, t);
        cs->n = 0;
        cs->term = t;
        cs->self = false;
        if (!words_split(&ws, labels[t]))
            continue;
        gather(b, c, dict, labels[t], &ws, cs);
        const struct candidate *k = cs->self ? NULL : choose(&x, c, cs);
        if (k)
            add_twin(b, c, labels, t, k);
    }
    words_release(&ws);
    free(cs);
    resolve_chains(b, labels, jk_counter_terms(c));
    free(labels);
    index_release(&x);
    if (b->n_twins)
        qsort(b->twins, b->n_twins, sizeof(*b->twins), cmp_twin);
}

void jk_bilingual_apply(const struct jk_bilingual *b, struct jk_counter *c)
{
    if (b->n_twins == 0)
        return;
    size_t n = jk_counter_terms(c);
    uint32_t *into = jk_malloc(n * sizeof(*into));
    for (size_t t = 0; t < n; t++)
        into[t] = (uint32_t)t;
    for (size_t i = 0; i < b->n_twins; i++)
        into[b->twins[i].from] = b->twins[i].into;
    jk_counter_merge(c, into);
    free(into);
}

static bool has_english_terms(const struct jk_counter *c)
{
    for (uint32_t t = 0; t < jk_counter_terms(c); t++)
        if (partly_english(c, t))
            return true;
    return false;
}

void jk_bilingual_merge(struct jk_bilingual *b, struct jk_counter *c, const bool *bilingual_doc,
                        const struct jk_dictd *glossary)
{
    if (!has_english_terms(c))
        return;
    struct jk_dictd dict;
    struct jk_diag diag;
    struct jk_buf index, data;
    jk_dictd_init(&dict);
    jk_diag_init(&diag);
    jk_buf_init(&index);
    jk_buf_init(&data);
    const char *prefix = getenv("JARINGKATA_FREEDICT");
    jk_buf_adds(&index, prefix ? prefix : "");
    jk_buf_adds(&index, prefix ? ".index" : JK_FREEDICT_ENG_IND_INDEX);
    jk_buf_adds(&data, prefix ? prefix : "");
    jk_buf_adds(&data, prefix ? ".dict.dz" : JK_FREEDICT_ENG_IND_DICT);
    if (jk_dictd_load(&dict, index.data, data.data, &diag) != JK_OK) {
        b->dictionary_missing = true;
        jk_warn("%s; only the bundled glossary's English words and loanword spellings are "
                "merged into Indonesian terms",
                diag.msg);
        jk_dictd_release(&dict); /* a half-loaded dictionary says nothing */
        jk_dictd_init(&dict);
    }
    jk_dictd_prepend(&dict, glossary);
    b->glossary = glossary;
    jk_bilingual_find(b, c, &dict, bilingual_doc);
    b->glossary = NULL;
    jk_bilingual_apply(b, c);
    jk_buf_release(&data);
    jk_buf_release(&index);
    jk_dictd_release(&dict);
}

const char *jk_twin_evidence_name(enum jk_twin_evidence e)
{
    switch (e) {
    case JK_TWIN_DICTIONARY:
        return "dictionary";
    case JK_TWIN_WORD_BY_WORD:
        return "word by word";
    case JK_TWIN_GLOSSARY:
        return "glossary";
    default:
        return "spelling";
    }
}
