/*
 * Stage 4, terms: runs of content words between stopwords and punctuation,
 * every n-gram of them a candidate, protected phrases kept whole, plural
 * reduplication collapsed, one space-free key per spelling variant.
 * See terms.h.
 */
#include "terms.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/mem.h"

/* One word of the current run. */
struct jk_word {
    const char *text; /* into the document's lower-cased text */
    size_t len;       /* after plural collapse */
    size_t key_off;   /* its key in word_keys */
    size_t key_len;
    bool stop;      /* a stopword kept only because a protected phrase holds it */
    bool can_start; /* a candidate may start here: not a stopword, or a phrase starts */
    bool can_end;   /* a candidate may end here: not a stopword, or a phrase ends */
    bool joined;    /* a protected phrase's word after its first: no word of its own in
                       max_words ("pemerintah provinsi nusa tenggara barat" is three) */
    uint32_t token; /* its index among the document's tokens */
    uint32_t word;  /* its number in the normaliser when it is the whole token, or JK_NO_ID */
};

void jk_extractor_init(struct jk_extractor *x, const struct jk_stopwords *sw,
                       struct jk_normalizer *norm, unsigned max_words)
{
    memset(x, 0, sizeof(*x));
    x->stopwords = sw;
    x->norm = norm;
    x->max_words = max_words;
    x->langs = JK_LANGS_BOTH;
    jk_buf_init(&x->word_keys);
    jk_buf_init(&x->part);
    jk_buf_init(&x->key);
    jk_buf_init(&x->surface);
    jk_buf_init(&x->phrase);
}

void jk_extractor_release(struct jk_extractor *x)
{
    if (!x)
        return;
    jk_buf_release(&x->key);
    jk_buf_release(&x->surface);
    jk_buf_release(&x->phrase);
    jk_buf_release(&x->word_keys);
    jk_buf_release(&x->part);
    free(x->words);
    x->words = NULL;
    x->n_words = x->cap_words = 0;
}

size_t jk_reduplication_root(const char *word, size_t len)
{
    if (len < 3 || len % 2 == 0)
        return len;
    size_t half = len / 2;
    if (word[half] == '-' && memcmp(word, word + half + 1, half) == 0)
        return half;
    return len;
}

/*
 * Emits every n-gram of the run of at most max_words words, a protected phrase counting as
 * one, that starts and ends where a candidate may.
 */
static void emit_run(struct jk_extractor *x, jk_term_fn emit, void *ctx)
{
    for (size_t i = 0; i < x->n_words; i++) {
        if (!x->words[i].can_start)
            continue;
        jk_buf_clear(&x->key);
        jk_buf_clear(&x->surface);
        size_t units = 0;
        for (size_t n = 1; i + n <= x->n_words; n++) {
            const struct jk_word *w = &x->words[i + n - 1];
            units += n == 1 || !w->joined;
            if (units > x->max_words)
                break;
            if (!x->keys_only) {
                if (n > 1)
                    jk_buf_addc(&x->surface, ' ');
                jk_buf_add(&x->surface, w->text, w->len);
            }
            jk_buf_add(&x->key, x->word_keys.data + w->key_off, w->key_len);
            if (w->can_end)
                emit(ctx, x->key.data, x->key.len, x->surface.len ? x->surface.data : "",
                     x->surface.len, x->words[i].token, w->token);
        }
    }
    x->n_words = 0;
    jk_buf_clear(&x->word_keys);
}

/* Appends the key of text[0..len) (one word, or an acronym's words by spaces) to out. */
static void append_key(struct jk_extractor *x, const char *text, size_t len, enum jk_lang lang,
                       struct jk_buf *out)
{
    size_t i = 0;
    while (i < len) {
        size_t n = 0;
        while (i + n < len && text[i + n] != ' ')
            n++;
        if (x->norm) {
            jk_normalize_word(x->norm, text + i, n, lang, &x->part);
            jk_buf_add(out, x->part.data, x->part.len);
        } else {
            jk_buf_add(out, text + i, n);
        }
        i += n + 1;
    }
}

static void add_key(struct jk_extractor *x, struct jk_word *w, enum jk_lang lang)
{
    w->key_off = x->word_keys.len;
    if (w->word != JK_NO_ID) {
        jk_normalize_word_append(x->norm, w->word, lang, &x->word_keys);
    } else {
        append_key(x, w->text, w->len, lang, &x->word_keys);
    }
    w->key_len = x->word_keys.len - w->key_off;
}

void jk_phrase_key(struct jk_extractor *x, const char *phrase, size_t len, struct jk_buf *key)
{
    jk_buf_clear(key);
    append_key(x, phrase, len, JK_LANG_ID, key);
}

static void push_word(struct jk_extractor *x, const char *text, size_t len, bool stop, size_t token,
                      uint32_t word, enum jk_lang lang)
{
    JK_GROW(x->words, x->n_words + 1, x->cap_words);
    x->words[x->n_words].token = (uint32_t)token;
    x->words[x->n_words].word = word;
    x->words[x->n_words].text = text;
    x->words[x->n_words].len = len;
    x->words[x->n_words].stop = stop;
    x->words[x->n_words].can_start = !stop;
    x->words[x->n_words].can_end = !stop;
    x->words[x->n_words].joined = false;
    add_key(x, &x->words[x->n_words], lang);
    x->n_words++;
}

/* Does a protected phrase start with token i's word? Answered by number when words are numbered. */
static bool heads_phrase(const struct jk_extractor *x, const char *lower, const struct jk_token *t,
                         size_t i)
{
    if (x->word_ids && x->norm && x->norm->stop == x->stopwords)
        return jk_normalizer_heads_phrase_of(x->norm, x->word_ids[i]);
    return jk_stopwords_starts_phrase(x->stopwords, lower + t->offset, t->length);
}

/* Number of words of the longest protected phrase starting at tokens[i], or 0. */
static size_t protected_at(struct jk_extractor *x, const char *lower, const struct jk_token *tokens,
                           size_t i, size_t n_tokens)
{
    const struct jk_token *t = tokens + i;
    size_t limit = x->stopwords->max_phrase_words, n = n_tokens - i;
    size_t best = 0;
    if (n == 0 || t[0].kind != JK_TOK_WORD || !heads_phrase(x, lower, t, i))
        return 0;
    jk_buf_clear(&x->phrase);
    for (size_t k = 0; k < limit && k < n && t[k].kind == JK_TOK_WORD; k++) {
        if (k > 0)
            jk_buf_addc(&x->phrase, ' ');
        jk_buf_add(&x->phrase, lower + t[k].offset, t[k].length);
        if (k > 0 && jk_stopwords_has_phrase(x->stopwords, x->phrase.data, x->phrase.len))
            best = k + 1;
    }
    return best;
}

/* True when words[a..b] of the run, joined by spaces, are a protected phrase. */
static bool is_phrase(struct jk_extractor *x, size_t a, size_t b)
{
    jk_buf_clear(&x->phrase);
    for (size_t k = a; k <= b; k++) {
        if (k > a)
            jk_buf_addc(&x->phrase, ' ');
        jk_buf_add(&x->phrase, x->words[k].text, x->words[k].len);
    }
    return jk_stopwords_has_phrase(x->stopwords, x->phrase.data, x->phrase.len);
}

/*
 * The last held words of the run form a protected phrase; every protected
 * phrase inside it may start and end a candidate ("luar negeri" inside
 * "kerja sama luar negeri"). Phrases are a few words, so this is cheap.
 */
static void mark_phrases(struct jk_extractor *x, size_t held)
{
    size_t first = x->n_words - held;
    for (size_t a = first; a < x->n_words; a++)
        for (size_t b = a + 1; b < x->n_words; b++)
            if (is_phrase(x, a, b)) {
                x->words[a].can_start = true;
                x->words[b].can_end = true;
            }
}

/* word[0..len) is the token; root its length after plural collapse. */
/* The normaliser's number of token i's word when the key is of the whole token, else JK_NO_ID. */
static uint32_t token_word(const struct jk_extractor *x, const struct jk_token *t, size_t root,
                           size_t i)
{
    return x->word_ids && root == t->length ? x->word_ids[i] : JK_NO_ID;
}

static bool is_stop(const struct jk_extractor *x, const char *w, size_t root, size_t len,
                    size_t token)
{
    if (x->word_ids)
        return jk_normalizer_stop_of(x->norm, x->word_ids[token]);
    if (x->norm)
        return jk_normalizer_is_stop(x->norm, w, len);
    if (root < 2)
        return true;
    return jk_stopwords_has(x->stopwords, w, len) || jk_stopwords_has(x->stopwords, w, root);
}

/* Token i's verb form (normalize.h) in a sentence not tagged English; JK_NOT_VERB without a
 * normaliser. */
static enum jk_verb_form verb_at(const struct jk_extractor *x, const char *w, size_t len,
                                 size_t token, enum jk_lang lang)
{
    if (lang == JK_LANG_EN || !x->norm)
        return JK_NOT_VERB;
    if (x->word_ids)
        return jk_normalizer_verb_of(x->norm, x->word_ids[token]);
    return jk_normalizer_verb(x->norm, w, len);
}

/* Token i's jk_stopwords_edges: the ends of a candidate it may not stand at (an adjective). */
static unsigned edges_at(const struct jk_extractor *x, const char *w, size_t len, size_t token)
{
    if (x->word_ids)
        return jk_normalizer_edges_of(x->norm, x->word_ids[token]);
    if (x->norm)
        return jk_normalizer_edges(x->norm, w, len);
    return jk_stopwords_edges(x->stopwords, w, len);
}

static bool lang_wanted(const struct jk_extractor *x, enum jk_lang lang)
{
    if (x->langs == JK_LANGS_ID)
        return lang != JK_LANG_EN;
    if (x->langs == JK_LANGS_EN)
        return lang == JK_LANG_EN;
    return true;
}

/*
 * The last held words of the run form a protected phrase, one unit: no candidate starts or
 * ends inside it ("nusa tenggara" or "provinsi nusa" are no terms in "provinsi nusa tenggara
 * barat", nor "letter" or "intent" in "letter of intent", nor "kerja" in "kerja sama").
 * mark_phrases then opens the phrases inside it again.
 */
static void hold_whole(struct jk_extractor *x, size_t held)
{
    size_t first = x->n_words - held;
    for (size_t k = first; k + 1 < x->n_words; k++) {
        x->words[k].can_end = false;
        x->words[k + 1].can_start = false;
        x->words[k + 1].joined = true;
    }
}

/* Pushes the words of a protected phrase of `held` tokens at tokens[i]. */
static void push_phrase(struct jk_extractor *x, const char *lower, const struct jk_token *tokens,
                        size_t i, size_t held, enum jk_lang lang)
{
    for (size_t k = 0; k < held; k++) {
        const struct jk_token *w = &tokens[i + k];
        const char *s = lower + w->offset;
        size_t root = jk_reduplication_root(s, w->length);
        push_word(x, s, root, is_stop(x, s, root, w->length, i + k), i + k,
                  token_word(x, w, root, i + k), lang);
    }
    hold_whole(x, held);
    mark_phrases(x, held);
}

static bool is_punct(const char *lower, const struct jk_token *t, char c)
{
    return t->kind == JK_TOK_PUNCT && t->length == 1 && lower[t->offset] == c;
}

/*
 * In-text citations: their author names are no terms. Three shapes, which academic
 * Indonesian writes in APA or Harvard style:
 *  - in parentheses, "(Nuralam, 2018)", "(Tjandradewi & Marcotullio, 2009; Solichin,
 *    2012)", "(Kementerian Luar Negeri, 2006: 12)": a word right after "(", and a year
 *    after a comma before the ")": nothing inside is a candidate;
 *  - the same without the comma, "(Mukti 2013)", "(Sugiyono 2017: 45)", "(Yamin dan
 *    Utami 2016; BPS 2020)", when the words before the year are names as written
 *    (names_before; only with the text's case, jk_extractor.cased);
 *  - in the sentence, "Sinambela (2012)", "Mukti (2013: 45)": a year right after "(":
 *    the word before the "(" is a name (with the text's case, the capitalised words
 *    before it too: "Takdir Ali Mukti (2013)"), and the parentheses hold no candidate.
 * A year is a number of four digits from 1900 to 2099; the ")" must come within
 * MAX_CITATION tokens, before a sentence ends (";" separates citations).
 */
enum { MAX_CITATION = 48, MAX_NAMES = 6 };

static bool is_year(const char *lower, const struct jk_token *t)
{
    const char *s = lower + t->offset;
    return t->kind == JK_TOK_NUMBER && t->length == 4 &&
           ((s[0] == '1' && s[1] == '9') || (s[0] == '2' && s[1] == '0'));
}

/* How a word is written: capitalised ("Mukti", "McDonald"), all in capitals ("BPS"), or else. */
enum word_case { CASE_OTHER, CASE_TITLE, CASE_UPPER };

static enum word_case case_of(const char *cased, const struct jk_token *t)
{
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)cased + t->offset;
    utf8proc_ssize_t i = 0, n = (utf8proc_ssize_t)t->length;
    enum word_case c = CASE_OTHER;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(s + i, n - i, &cp);
        if (k <= 0)
            return CASE_OTHER;
        if (i == 0 && !utf8proc_isupper(cp))
            return CASE_OTHER;
        if (i == 0)
            c = CASE_UPPER;
        else if (utf8proc_islower(cp))
            return CASE_TITLE;
        i += k;
    }
    return c;
}

/* A word that joins authors' names: "dan", "and", "et al.", "dkk." (Indonesian et al.). */
static bool joins_names(const char *lower, const struct jk_token *t)
{
    static const char *const joiners[] = {"dan", "and", "et", "al", "dkk"};
    const char *s = lower + t->offset;
    for (size_t k = 0; k < sizeof(joiners) / sizeof(joiners[0]); k++)
        if (strlen(joiners[k]) == t->length && !memcmp(joiners[k], s, t->length))
            return true;
    return false;
}

/*
 * Whether the tokens before the year tokens[year], back to the "(" at tokens[open] or a
 * ";", are authors' names written without APA's comma: one to MAX_NAMES capitalised words,
 * the first a name, joined by "&", "." or joins_names. Several words all in capitals are
 * a heading's parenthesis, "(STUDI KASUS KOTA PADANG 2018)", not names; one is an
 * institution's acronym, "(BPS 2020)". Lower-case words ("(periode kota 2018)") are no names.
 */
static bool names_before(const char *cased, const char *lower, const struct jk_token *tokens,
                         size_t open, size_t year)
{
    size_t names = 0, upper = 0;
    const struct jk_token *first = NULL;
    for (size_t k = year; k-- > open + 1;) {
        const struct jk_token *t = &tokens[k];
        if (t->kind == JK_TOK_SENTENCE_END && lower[t->offset] == ';')
            break;
        first = t;
        if (t->kind == JK_TOK_WORD && joins_names(lower, t))
            continue;
        enum word_case c = t->kind == JK_TOK_WORD ? case_of(cased, t) : CASE_OTHER;
        if (c == CASE_OTHER && !is_punct(lower, t, '&') && !is_punct(lower, t, '.'))
            return false;
        names += c != CASE_OTHER;
        upper += c == CASE_UPPER;
    }
    bool named = first && first->kind == JK_TOK_WORD && !joins_names(lower, first) &&
                 case_of(cased, first) != CASE_OTHER;
    return named && names <= MAX_NAMES && !(upper >= 2 && upper == names);
}

/*
 * When tokens[i], a "(", opens a citation: the index after its ")", and *in_sentence for
 * the third shape; else 0. cased: see jk_extractor.cased.
 */
static size_t citation_end(const char *cased, const char *lower, const struct jk_token *tokens,
                           size_t n, size_t i, bool *in_sentence)
{
    if (i + 1 >= n)
        return 0;
    *in_sentence = is_year(lower, &tokens[i + 1]);
    if (!*in_sentence && tokens[i + 1].kind != JK_TOK_WORD)
        return 0;
    bool year = *in_sentence;
    for (size_t j = i + 2; j < n && j <= i + MAX_CITATION; j++) {
        const struct jk_token *t = &tokens[j];
        if (is_punct(lower, t, ')'))
            return year ? j + 1 : 0;
        if (t->kind == JK_TOK_SENTENCE_END && !(t->length == 1 && lower[t->offset] == ';'))
            return 0;
        year |= is_year(lower, t) && (is_punct(lower, &tokens[j - 1], ',') ||
                                      (cased && names_before(cased, lower, tokens, i, j)));
    }
    return 0;
}

/* Leaves the run's last word out when it is tokens[token]. Returns whether it did. */
static bool drop_last_word(struct jk_extractor *x, size_t token)
{
    if (x->n_words == 0 || x->words[x->n_words - 1].token != token)
        return false;
    x->n_words--;
    jk_buf_truncate(&x->word_keys, x->words[x->n_words].key_off);
    return true;
}

/*
 * Leaves the names cited before "(2012)" at tokens[open] out of the run: the word right
 * before it, and given the text's case the capitalised words before that, up to
 * MAX_NAMES in all ("Tonny Dian Effendy (2012)" leaves no "tonny dian").
 */
static void drop_cited_names(struct jk_extractor *x, const struct jk_token *tokens, size_t open)
{
    for (size_t k = open, n = 0; k-- > 0 && n < MAX_NAMES; n++) {
        bool name = n == 0 || (x->cased && tokens[k].kind == JK_TOK_WORD &&
                               case_of(x->cased, &tokens[k]) != CASE_OTHER);
        if (!name || !drop_last_word(x, k))
            return;
    }
}

/*
 * An acronym's own definition: "(sdm)" right after its long form, or "sdm"
 * right before "(sumber daya manusia)". Its long form is counted there already.
 */
static bool in_definition(const char *lower, const struct jk_token *tokens, size_t n, size_t i)
{
    bool open_before = i > 0 && is_punct(lower, &tokens[i - 1], '(');
    bool close_after = i + 1 < n && is_punct(lower, &tokens[i + 1], ')');
    bool open_after = i + 1 < n && is_punct(lower, &tokens[i + 1], '(');
    return (open_before && close_after) || open_after;
}

/*
 * Whether an English word is a past participle ("collected", "recommended", "limited"):
 * five letters or more ending in "ed", not "eed" ("speed"). A noun phrase does not end
 * with one: VOSviewer's are runs of nouns and adjectives ending in a noun
 * (docs/vosviewer-reference.md), so "limited budget" is a term and "collected" is not.
 */
static bool english_participle(const char *s, size_t n)
{
    return n >= 5 && s[n - 2] == 'e' && s[n - 1] == 'd' && s[n - 3] != 'e';
}

/*
 * One ordinary word: a stopword or a passive verb ends the run, an active
 * verb or an Indonesian adjective starts no candidate, an English adjective or
 * past participle ends none, an acronym stands for its long form.
 */
static void push_token(struct jk_extractor *x, const char *lower, const struct jk_token *tokens,
                       size_t n, size_t i, enum jk_lang lang, jk_term_fn emit, void *ctx)
{
    const struct jk_token *t = &tokens[i];
    const char *s = lower + t->offset;
    size_t root = jk_reduplication_root(s, t->length);
    enum jk_verb_form verb = JK_NOT_VERB;
    if (is_stop(x, s, root, t->length, i) ||
        (verb = verb_at(x, s, t->length, i, lang)) == JK_VERB_PASSIVE) {
        emit_run(x, emit, ctx);
        return;
    }
    size_t long_len;
    const char *long_form = x->expand ? x->expand(x->expand_ctx, s, t->length, &long_len) : NULL;
    if (!long_form) {
        unsigned edges = edges_at(x, s, t->length, i);
        push_word(x, s, root, false, i, token_word(x, t, root, i), lang);
        x->words[x->n_words - 1].can_start = verb != JK_VERB_ACTIVE && !(edges & JK_NO_START);
        x->words[x->n_words - 1].can_end =
            !(edges & JK_NO_END) && (lang != JK_LANG_EN || !english_participle(s, root));
    } else if (in_definition(lower, tokens, n, i)) {
        emit_run(x, emit, ctx);
    } else {
        push_word(x, long_form, long_len, false, i, JK_NO_ID, lang);
    }
}

/*
 * The number of tokens (2 or more, the most) from tokens[i] that spell out an
 * acronym's long form with a stopword inside, which would cut it ("letter of
 * intent"); the long form in *long_form. 0 if none.
 */
static size_t spelled_at(struct jk_extractor *x, const char *lower, const struct jk_token *tokens,
                         size_t i, size_t n, const char **long_form, size_t *long_len)
{
    const struct jk_token *t = tokens + i;
    size_t most = x->long_words ? x->long_words(x->expand_ctx, lower + t->offset, t->length) : 0;
    size_t avail = 0;
    while (avail < most && i + avail < n && t[avail].kind == JK_TOK_WORD)
        avail++;
    for (size_t k = avail; k >= 2; k--) {
        bool cut = false;
        jk_buf_clear(&x->phrase);
        for (size_t j = 0; j < k; j++) {
            const char *w = lower + t[j].offset;
            if (j > 0) {
                jk_buf_addc(&x->phrase, ' ');
                cut |= j + 1 < k &&
                       is_stop(x, w, jk_reduplication_root(w, t[j].length), t[j].length, i + j);
            }
            jk_buf_add(&x->phrase, w, t[j].length);
        }
        const char *l = cut ? x->long_phrase(x->expand_ctx, x->phrase.data, x->phrase.len) : NULL;
        if (l) {
            *long_form = l;
            *long_len = x->phrase.len;
            return k;
        }
    }
    return 0;
}

void jk_extract_terms(struct jk_extractor *x, const char *lower, const struct jk_token *tokens,
                      size_t n_tokens, const enum jk_lang *langs, jk_term_fn emit, void *ctx)
{
    x->n_words = 0;
    jk_buf_clear(&x->word_keys);
    size_t i = 0;
    while (i < n_tokens) {
        const struct jk_token *t = &tokens[i];
        enum jk_lang lang = langs ? langs[i] : JK_LANG_ID;
        bool in_sentence;
        size_t cited = is_punct(lower, t, '(')
                           ? citation_end(x->cased, lower, tokens, n_tokens, i, &in_sentence)
                           : 0;
        if (cited > 0) {
            if (in_sentence)
                drop_cited_names(x, tokens, i);
            emit_run(x, emit, ctx);
            i = cited;
            continue;
        }
        if (t->kind != JK_TOK_WORD || !lang_wanted(x, lang)) {
            emit_run(x, emit, ctx);
            i++;
            continue;
        }
        size_t held = protected_at(x, lower, tokens, i, n_tokens);
        if (held > 0) {
            push_phrase(x, lower, tokens, i, held, lang);
            i += held;
            continue;
        }
        const char *long_form;
        size_t long_len, spelled = spelled_at(x, lower, tokens, i, n_tokens, &long_form, &long_len);
        if (spelled > 0) { /* one word of the run, as its acronym would be */
            push_word(x, long_form, long_len, false, i, JK_NO_ID, lang);
            i += spelled;
            continue;
        }
        push_token(x, lower, tokens, n_tokens, i, lang, emit, ctx);
        i++;
    }
    emit_run(x, emit, ctx);
}
