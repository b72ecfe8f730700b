/*
 * Stage 3c, acronyms (see acronym.h): definitions "long (short)" and
 * "short (long)" matched by initials or by syllables, and the per-corpus
 * table that picks one long form per short form.
 */
#include "acronym.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"

#define SHORT_MIN          2
#define SHORT_MAX          10
#define SYLLABLE_WORDS_MAX 4
#define SYLLABLE_SHORT_MIN 4

/* Words that may give their initial to an acronym, or nothing. */
static const char *const function_words[] = {
    "of", "and",  "the",   "for",    "in",   "on", "to",   "at",   "by",   "with",  "dan",
    "di", "dari", "untuk", "dengan", "yang", "ke", "pada", "atas", "bagi", "serta", NULL};

/* A word of the candidate long form. */
struct word {
    const char *text;
    size_t len;
    bool function;
};

static bool is_function_word(const char *w, size_t len)
{
    for (const char *const *f = function_words; *f; f++)
        if (strlen(*f) == len && memcmp(*f, w, len) == 0)
            return true;
    return false;
}

static bool is_short_form(const char *w, size_t len)
{
    if (len < SHORT_MIN || len > SHORT_MAX || is_function_word(w, len))
        return false;
    for (size_t i = 0; i < len; i++)
        if (w[i] < 'a' || w[i] > 'z')
            return false;
    return true;
}

/* ---- initials ---------------------------------------------------------- */

/* Writes the initials of the hyphen-separated parts of w into out; returns how many. */
static size_t part_initials(const struct word *w, char *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < w->len && n < max; i++)
        if (i == 0 || w->text[i - 1] == '-')
            out[n++] = w->text[i];
    return n;
}

/*
 * True when words[0..last] end-aligned spell s[0..k), word `last` giving
 * the last letters. On success *first is the word that gave s[0].
 * Backtracks over function words (initial or nothing) and hyphenated words
 * (one initial or one per part); bounded by k <= SHORT_MAX letters.
 */
static bool initials_match(const struct word *words, size_t last, const char *s, size_t k,
                           size_t *first)
{
    const struct word *w = &words[last];
    char parts[SHORT_MAX];
    size_t n_parts = part_initials(w, parts, sizeof(parts));
    /* options: all part initials (if more than one), the first letter */
    for (int opt = 0; opt < 2; opt++) {
        size_t give = opt == 0 ? n_parts : 1;
        if ((opt == 0 && n_parts < 2) || give > k || memcmp(parts, s + k - give, give) != 0)
            continue;
        if (give == k) {
            if (w->function)
                continue; /* the long form starts with a content word */
            *first = last;
            return true;
        }
        if (last > 0 && initials_match(words, last - 1, s, k - give, first))
            return true;
    }
    /* a function word inside the long form may give nothing */
    if (w->function && last > 0 && k > 0)
        return initials_match(words, last - 1, s, k, first);
    return false;
}

/* ---- syllables --------------------------------------------------------- */

/*
 * True when words[0..last], end-aligned, spell s[0..k) with each word giving
 * a proper prefix of 2+ letters; at most `budget` more words. *first as above.
 */
static bool syllables_match(const struct word *words, size_t last, const char *s, size_t k,
                            size_t budget, size_t *first)
{
    const struct word *w = &words[last];
    if (budget == 0 || w->function)
        return false;
    for (size_t give = 2; give < w->len && give <= k; give++) {
        if (memcmp(w->text, s + k - give, give) != 0)
            continue;
        if (give == k) {
            *first = last;
            return true;
        }
        if (last > 0 && syllables_match(words, last - 1, s, k - give, budget - 1, first))
            return true;
    }
    return false;
}

/* ---- finding definitions ----------------------------------------------- */

static bool is_punct(const char *lower, const struct jk_token *t, char c)
{
    return t->kind == JK_TOK_PUNCT && t->length == 1 && lower[t->offset] == c;
}

/*
 * Tries the words words[0..count) as the long form of s: with whole = true
 * all of them must be used (SHORT before), else the shortest run ending at
 * the last word. Returns the index of the first word used, or SIZE_MAX.
 */
static size_t match_long(const struct word *words, size_t count, const char *s, size_t len,
                         bool whole)
{
    size_t first;
    if (count < 2 || words[count - 1].function)
        return SIZE_MAX;
    if (initials_match(words, count - 1, s, len, &first) && count - first >= 2 &&
        (!whole || first == 0))
        return first;
    if (len >= SYLLABLE_SHORT_MIN &&
        syllables_match(words, count - 1, s, len, SYLLABLE_WORDS_MAX, &first) &&
        count - first >= 2 && (!whole || first == 0))
        return first;
    return SIZE_MAX;
}

/* Collects the words of tokens[from..to) (at most max); SIZE_MAX if one is not a WORD. */
static size_t gather(const char *lower, const struct jk_token *tokens, size_t from, size_t to,
                     struct word *out, size_t max)
{
    size_t count = 0;
    for (size_t i = from; i < to && count < max; i++) {
        if (tokens[i].kind != JK_TOK_WORD)
            return SIZE_MAX;
        const char *w = lower + tokens[i].offset;
        out[count++] = (struct word){w, tokens[i].length, is_function_word(w, tokens[i].length)};
    }
    return count;
}

static void emit_words(const char *s, size_t len, const struct word *words, size_t count,
                       struct jk_buf *long_form, jk_acronym_fn emit, void *ctx)
{
    jk_buf_clear(long_form);
    for (size_t i = 0; i < count; i++) {
        if (i > 0)
            jk_buf_addc(long_form, ' ');
        jk_buf_add(long_form, words[i].text, words[i].len);
    }
    emit(ctx, s, len, long_form->data, long_form->len);
}

/* Longest run of words tried as a long form: every letter from a word, plus skipped words. */
#define RUN_MAX (2 * SHORT_MAX)

/* LONG "(" SHORT ")" with "(" at tokens[open]: true if found (and emitted). */
static bool long_before(const char *lower, const struct jk_token *tokens, size_t open,
                        struct jk_buf *buf, jk_acronym_fn emit, void *ctx)
{
    const struct jk_token *st = &tokens[open + 1];
    const char *s = lower + st->offset;
    size_t start = open;
    while (start > 0 && open - start < RUN_MAX && tokens[start - 1].kind == JK_TOK_WORD)
        start--;
    struct word words[RUN_MAX];
    size_t count = gather(lower, tokens, start, open, words, RUN_MAX);
    size_t first = count == SIZE_MAX ? SIZE_MAX : match_long(words, count, s, st->length, false);
    if (first == SIZE_MAX)
        return false;
    emit_words(s, st->length, words + first, count - first, buf, emit, ctx);
    return true;
}

/* SHORT "(" LONG ")" with "(" at tokens[open]: true if found (and emitted). */
static bool short_before(const char *lower, const struct jk_token *tokens, size_t n, size_t open,
                         struct jk_buf *buf, jk_acronym_fn emit, void *ctx)
{
    const struct jk_token *st = &tokens[open - 1];
    const char *s = lower + st->offset;
    size_t close = open + 1;
    while (close < n && close - open <= RUN_MAX && tokens[close].kind == JK_TOK_WORD)
        close++;
    if (close >= n || !is_punct(lower, &tokens[close], ')'))
        return false;
    struct word words[RUN_MAX] = {{0}}; /* gather fills count of them; GCC -O3 cannot tell */
    size_t count = gather(lower, tokens, open + 1, close, words, RUN_MAX);
    if (count == SIZE_MAX || match_long(words, count, s, st->length, true) != 0)
        return false;
    for (size_t i = 0; i < count; i++)
        if (words[i].len == st->length && !memcmp(words[i].text, s, st->length))
            return false;
    emit_words(s, st->length, words, count, buf, emit, ctx);
    return true;
}

size_t jk_find_acronyms(const char *lower, const struct jk_token *tokens, size_t n,
                        jk_acronym_fn emit, void *ctx)
{
    struct jk_buf buf;
    jk_buf_init(&buf);
    size_t found = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (!is_punct(lower, &tokens[i], '('))
            continue;
        const struct jk_token *next = &tokens[i + 1];
        bool one_word = next->kind == JK_TOK_WORD && i + 2 < n &&
                        is_punct(lower, &tokens[i + 2], ')') &&
                        is_short_form(lower + next->offset, next->length);
        if (one_word && long_before(lower, tokens, i, &buf, emit, ctx))
            found++;
        else if (i > 0 && tokens[i - 1].kind == JK_TOK_WORD &&
                 is_short_form(lower + tokens[i - 1].offset, tokens[i - 1].length) &&
                 short_before(lower, tokens, n, i, &buf, emit, ctx))
            found++;
    }
    jk_buf_release(&buf);
    return found;
}

/* ---- the corpus table -------------------------------------------------- */

void jk_acronyms_init(struct jk_acronyms *a)
{
    memset(a, 0, sizeof(*a));
    jk_strmap_init(&a->pairs);
    jk_strmap_init(&a->shorts);
    jk_strmap_init(&a->longs);
    jk_strmap_init(&a->heads);
}

void jk_acronyms_release(struct jk_acronyms *a)
{
    if (!a)
        return;
    jk_strmap_release(&a->pairs);
    jk_strmap_release(&a->shorts);
    jk_strmap_release(&a->longs);
    jk_strmap_release(&a->heads);
    free(a->info);
    free(a->best);
    free(a->head_words);
    jk_acronyms_init(a);
}

void jk_acronyms_add(struct jk_acronyms *a, const char *short_form, size_t short_len,
                     const char *long_form, size_t long_len)
{
    struct jk_buf key;
    jk_buf_init(&key);
    jk_buf_add(&key, short_form, short_len);
    jk_buf_addc(&key, '\0');
    jk_buf_add(&key, long_form, long_len);
    bool added;
    uint32_t id = jk_strmap_intern(&a->pairs, key.data, key.len, &added);
    jk_buf_release(&key);
    if (added) {
        JK_GROW(a->info, id + 1, a->info_cap);
        a->info[id] = (struct jk_acronym_pair){(uint32_t)short_len, 0};
    }
    a->info[id].seen++;
}

void jk_acronyms_collect(void *ctx, const char *short_form, size_t short_len, const char *long_form,
                         size_t long_len)
{
    jk_acronyms_add(ctx, short_form, short_len, long_form, long_len);
}

/* The long form of pair id, and its length. */
static const char *pair_long(const struct jk_acronyms *a, uint32_t id, size_t *len)
{
    const char *key = jk_strmap_key(&a->pairs, id);
    size_t skip = a->info[id].short_len + 1;
    if (len)
        *len = jk_strmap_len(&a->pairs, id) - skip;
    return key + skip;
}

/* True when pair x beats pair y for the same short form: seen more, then smaller long form. */
static bool better(const struct jk_acronyms *a, uint32_t x, uint32_t y)
{
    if (a->info[x].seen != a->info[y].seen)
        return a->info[x].seen > a->info[y].seen;
    size_t lx, ly;
    const char *sx = pair_long(a, x, &lx), *sy = pair_long(a, y, &ly);
    int c = memcmp(sx, sy, lx < ly ? lx : ly);
    return c < 0 || (c == 0 && lx < ly);
}

/* The chosen long forms and their first words, for jk_acronyms_head_words and _find_long. */
static void index_longs(struct jk_acronyms *a)
{
    jk_strmap_release(&a->longs);
    jk_strmap_release(&a->heads);
    jk_strmap_init(&a->longs);
    jk_strmap_init(&a->heads);
    for (size_t k = 0; k < jk_strmap_count(&a->shorts); k++) {
        size_t len, words = 1;
        const char *l = pair_long(a, a->best[k], &len);
        jk_strmap_intern(&a->longs, l, len, NULL);
        for (size_t i = 0; i < len; i++)
            words += l[i] == ' ';
        const char *space = memchr(l, ' ', len);
        bool added;
        uint32_t h = jk_strmap_intern(&a->heads, l, space ? (size_t)(space - l) : len, &added);
        JK_GROW(a->head_words, (size_t)h + 1, a->head_cap);
        if (added)
            a->head_words[h] = 0;
        if (words > a->head_words[h])
            a->head_words[h] = (unsigned char)(words > 255 ? 255 : words);
    }
}

void jk_acronyms_resolve(struct jk_acronyms *a)
{
    size_t pairs = jk_strmap_count(&a->pairs);
    for (size_t id = 0; id < pairs; id++) {
        const char *s = jk_strmap_key(&a->pairs, (uint32_t)id);
        bool added;
        uint32_t k = jk_strmap_intern(&a->shorts, s, a->info[id].short_len, &added);
        JK_GROW(a->best, k + 1, a->best_cap);
        if (added || better(a, (uint32_t)id, a->best[k]))
            a->best[k] = (uint32_t)id;
    }
    index_longs(a);
}

size_t jk_acronyms_head_words(const struct jk_acronyms *a, const char *word, size_t len)
{
    if (jk_strmap_count(&a->heads) == 0) /* asked for every word: no hashing for nothing */
        return 0;
    uint32_t h = jk_strmap_find(&a->heads, word, len);
    return h == JK_NO_ID ? 0 : a->head_words[h];
}

const char *jk_acronyms_find_long(const struct jk_acronyms *a, const char *phrase, size_t len)
{
    uint32_t id = jk_strmap_find(&a->longs, phrase, len);
    return id == JK_NO_ID ? NULL : jk_strmap_key(&a->longs, id);
}

const char *jk_acronyms_long(const struct jk_acronyms *a, const char *short_form, size_t len,
                             size_t *long_len)
{
    uint32_t k = jk_strmap_find(&a->shorts, short_form, len);
    if (k == JK_NO_ID)
        return NULL;
    return pair_long(a, a->best[k], long_len);
}

static const char *expand(void *ctx, const char *word, size_t len, size_t *long_len)
{
    return jk_acronyms_long(ctx, word, len, long_len);
}

static size_t long_words(void *ctx, const char *word, size_t len)
{
    return jk_acronyms_head_words(ctx, word, len);
}

static const char *long_phrase(void *ctx, const char *phrase, size_t len)
{
    return jk_acronyms_find_long(ctx, phrase, len);
}

void jk_acronyms_attach(const struct jk_acronyms *a, struct jk_extractor *x)
{
    x->expand = expand;
    x->expand_ctx = (void *)a; /* only read through the callbacks above */
    x->long_words = long_words;
    x->long_phrase = long_phrase;
}

size_t jk_acronyms_count(const struct jk_acronyms *a)
{
    return jk_strmap_count(&a->shorts);
}

const char *jk_acronyms_entry(const struct jk_acronyms *a, size_t i, const char **long_form,
                              size_t *long_len, uint32_t *seen)
{
    uint32_t id = a->best[i];
    if (long_form)
        *long_form = pair_long(a, id, long_len);
    if (seen)
        *seen = a->info[id].seen;
    return jk_strmap_key(&a->shorts, (uint32_t)i);
}
