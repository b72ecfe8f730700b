/*
 * Stage 3b, language (see lang.h): per-sentence language votes from the
 * stopword lists and a few affixes, document tagging with neighbour
 * inheritance, and English plural folding by rules plus exception tables.
 */
#include "lang.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

void jk_langid_init(struct jk_langid *l)
{
    jk_stopwords_init(&l->id);
    jk_stopwords_init(&l->en);
}

void jk_langid_release(struct jk_langid *l)
{
    if (!l)
        return;
    jk_stopwords_release(&l->id);
    jk_stopwords_release(&l->en);
}

enum jk_status jk_langid_load(struct jk_langid *l, const char *id_list, const char *en_list,
                              struct jk_diag *diag)
{
    enum jk_status st = jk_stopwords_load(&l->id, id_list, diag);
    if (st != JK_OK)
        return st;
    return jk_stopwords_load(&l->en, en_list, diag);
}

void jk_langid_add(struct jk_langid *l, enum jk_lang lang, const char *word, size_t len)
{
    if (lang == JK_LANG_ID)
        jk_stopwords_add(&l->id, word, len);
    else if (lang == JK_LANG_EN)
        jk_stopwords_add(&l->en, word, len);
}

const char *jk_lang_name(enum jk_lang lang)
{
    switch (lang) {
    case JK_LANG_ID:
        return "id";
    case JK_LANG_EN:
        return "en";
    default:
        return "unknown";
    }
}

/* ---- sentence votes ---------------------------------------------------- */

/* Words both languages write (abbreviations of references, Latin): no vote. */
static const char *const neutral_words[] = {"no", "vol", "et", "al", "per", "vs", "via", NULL};

static bool in_list(const char *const *list, const char *w, size_t len)
{
    for (; *list; list++)
        if (strlen(*list) == len && memcmp(*list, w, len) == 0)
            return true;
    return false;
}

static bool ends_with(const char *w, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && memcmp(w + len - n, suffix, n) == 0;
}

static bool starts_with(const char *w, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && memcmp(w, prefix, n) == 0;
}

static bool ends_with_any(const char *w, size_t len, const char *const *list)
{
    for (; *list; list++)
        if (ends_with(w, len, *list))
            return true;
    return false;
}

static bool starts_with_any(const char *w, size_t len, const char *const *list)
{
    for (; *list; list++)
        if (starts_with(w, len, *list))
            return true;
    return false;
}

/*
 * Affix evidence for a word in neither list: +1 Indonesian, -1 English, 0
 * none. Only affixes that the other language (nearly) never shows on words
 * of 6+ letters: "-ing" (penting, asing) and "di-" (digital) are left out.
 */
static int affix_vote(const char *w, size_t len)
{
    static const char *const id_suffix[] = {"nya", "kan", "lah", NULL};
    static const char *const id_prefix[] = {"meng", "meny", "memp", NULL}; /* not "memb": member */
    static const char *const id_confix[] = {"ke", "pe", NULL};             /* with -an */
    static const char *const en_suffix[] = {"tion", "tions", "ment", "ments", "ness",
                                            "ity",  "ities", "ship", "ships", NULL};
    if (len < 6)
        return 0;
    if (ends_with_any(w, len, id_suffix) || starts_with_any(w, len, id_prefix) ||
        (starts_with_any(w, len, id_confix) && ends_with(w, len, "an")))
        return 1;
    if (ends_with_any(w, len, en_suffix))
        return -1;
    return 0;
}

enum jk_lang_vote jk_lang_word_vote(const struct jk_langid *l, const char *w, size_t len)
{
    if (in_list(neutral_words, w, len))
        return JK_VOTE_NONE;
    bool is_id = jk_stopwords_has(&l->id, w, len);
    bool is_en = jk_stopwords_has(&l->en, w, len);
    if (is_id != is_en)
        return is_id ? JK_VOTE_ID : JK_VOTE_EN;
    if (is_id)
        return JK_VOTE_NONE;
    int affix = affix_vote(w, len);
    return affix > 0 ? JK_VOTE_AFFIX_ID : affix < 0 ? JK_VOTE_AFFIX_EN : JK_VOTE_NONE;
}

/* The sentence's language from its words' votes (see jk_lang_of). */
static enum jk_lang decide(const struct jk_token *tokens, const unsigned char *votes, size_t n)
{
    long id = 0, en = 0, affix = 0;
    for (size_t i = 0; i < n; i++) {
        if (tokens[i].kind != JK_TOK_WORD)
            continue;
        id += votes[i] == JK_VOTE_ID;
        en += votes[i] == JK_VOTE_EN;
        affix += (votes[i] == JK_VOTE_AFFIX_ID) - (votes[i] == JK_VOTE_AFFIX_EN);
    }
    if (id != en)
        return id > en ? JK_LANG_ID : JK_LANG_EN;
    if (affix != 0)
        return affix > 0 ? JK_LANG_ID : JK_LANG_EN;
    return JK_LANG_UNKNOWN;
}

/* Each WORD token's vote (others: JK_VOTE_NONE); the caller frees the array. */
static unsigned char *token_votes(const struct jk_langid *l, const char *lower,
                                  const struct jk_token *tokens, size_t n)
{
    unsigned char *votes = jk_malloc(n ? n : 1);
    for (size_t i = 0; i < n; i++)
        votes[i] =
            tokens[i].kind == JK_TOK_WORD
                ? (unsigned char)jk_lang_word_vote(l, lower + tokens[i].offset, tokens[i].length)
                : JK_VOTE_NONE;
    return votes;
}

enum jk_lang jk_lang_of(const struct jk_langid *l, const char *lower, const struct jk_token *tokens,
                        size_t n)
{
    unsigned char *votes = token_votes(l, lower, tokens, n);
    enum jk_lang lang = decide(tokens, votes, n);
    free(votes);
    return lang;
}

/* ---- document tagging -------------------------------------------------- */

struct sentence {
    size_t first, end; /* tokens[first .. end) */
    enum jk_lang lang;
};

/* Cuts tokens into sentences (the SENTENCE_END joins the one it ends) and votes each. */
static size_t cut_sentences(const struct jk_token *tokens, const unsigned char *votes, size_t n,
                            struct sentence **out)
{
    struct sentence *s = NULL;
    size_t count = 0, cap = 0, first = 0;
    for (size_t i = 0; i < n; i++) {
        if (tokens[i].kind != JK_TOK_SENTENCE_END && i + 1 < n)
            continue;
        JK_GROW(s, count + 1, cap);
        s[count].first = first;
        s[count].end = i + 1;
        s[count].lang = decide(tokens + first, votes + first, i + 1 - first);
        count++;
        first = i + 1;
    }
    *out = s;
    return count;
}

void jk_lang_tag_votes(const struct jk_token *tokens, const unsigned char *votes, size_t n,
                       enum jk_lang *out_per_token)
{
    struct sentence *s = NULL;
    size_t count = cut_sentences(tokens, votes, n, &s);
    size_t k = 0;
    while (k < count) {
        if (s[k].lang != JK_LANG_UNKNOWN) {
            k++;
            continue;
        }
        /* s[k .. next) have no evidence; split the run between its neighbours. */
        size_t next = k;
        while (next < count && s[next].lang == JK_LANG_UNKNOWN)
            next++;
        bool has_prev = k > 0, has_next = next < count;
        for (size_t j = k; j < next; j++) {
            if (has_prev && (!has_next || j - (k - 1) <= next - j))
                s[j].lang = s[k - 1].lang;
            else
                s[j].lang = has_next ? s[next].lang : JK_LANG_ID; /* nothing tagged */
        }
        k = next;
    }
    for (size_t j = 0; j < count; j++)
        for (size_t i = s[j].first; i < s[j].end; i++)
            out_per_token[i] = s[j].lang;
    free(s);
}

void jk_lang_tag_document(const struct jk_langid *l, const char *lower,
                          const struct jk_token *tokens, size_t n, enum jk_lang *out_per_token)
{
    unsigned char *votes = token_votes(l, lower, tokens, n);
    jk_lang_tag_votes(tokens, votes, n, out_per_token);
    free(votes);
}

/* ---- English singular -------------------------------------------------- */

/* Irregular and Greek/Latin plurals, and plurals whose -es/-ves/-ses rule guesses wrong. */
static const char *const irregular[][2] = {
    {"women", "woman"},          {"children", "child"},
    {"criteria", "criterion"},   {"phenomena", "phenomenon"},
    {"curricula", "curriculum"}, {"crises", "crisis"},
    {"diagnoses", "diagnosis"},  {"emphases", "emphasis"},
    {"lives", "life"},           {"wives", "wife"},
    {"knives", "knife"},         {"halves", "half"},
    {"shelves", "shelf"},        {"wolves", "wolf"},
    {"thieves", "thief"},        {"buses", "bus"},
    {"focuses", "focus"},        {"statuses", "status"},
    {"viruses", "virus"},        {"campuses", "campus"},
    {"bonuses", "bonus"},        {"consensuses", "consensus"},
    {"censuses", "census"},      {"heroes", "hero"},
    {"potatoes", "potato"},      {"tomatoes", "tomato"},
    {"echoes", "echo"},          {"niches", "niche"},
    {"caches", "cache"},         {"avalanches", "avalanche"},
    {"headaches", "headache"},   {"movies", "movie"},
    {"cookies", "cookie"},       {"calories", "calorie"},
    {"quizzes", "quiz"},         {"gases", "gas"},
    {"biases", "bias"},          {"aliases", "alias"},
    {"atlases", "atlas"},
};

/*
 * Words that end like a plural but are not one (or have no singular in
 * use): function words, pluralia tantum, places, and -as/-os/-es nouns.
 */
static const char *const invariant[] = {
    "news",         "series",     "species",     "means",       "headquarters",
    "whereabouts",  "crossroads", "goods",       "savings",     "earnings",
    "surroundings", "outskirts",  "customs",     "clothes",     "thanks",
    "arms",         "affairs",    "overseas",    "whereas",     "always",
    "perhaps",      "sometimes",  "towards",     "afterwards",  "besides",
    "does",         "goes",       "yes",         "lens",        "bias",
    "alias",        "atlas",      "canvas",      "christmas",   "pancreas",
    "chaos",        "cosmos",     "ethos",       "pathos",      "texas",
    "athens",       "wales",      "philippines", "netherlands", "bahamas",
    "maldives",     "seychelles", "comoros",     "angeles",     "diabetes",
    "rabies",       "measles",    NULL};

/* Fields of study in -ics are singular; other -ics words (topics, characteristics) are plurals. */
static const char *const ics_fields[] = {
    "economics",   "politics",     "statistics",    "ethics",         "physics",
    "mathematics", "logistics",    "dynamics",      "linguistics",    "genetics",
    "informatics", "electronics",  "mechanics",     "semantics",      "aesthetics",
    "athletics",   "analytics",    "geopolitics",   "robotics",       "phonetics",
    "pragmatics",  "econometrics", "bibliometrics", "scientometrics", NULL};

/* Code points in w[0..len) (UTF-8 continuation bytes not counted). */
static size_t letters(const char *w, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)w[i] & 0xC0) != 0x80;
    return n;
}

/* Bytes to cut from w and the text to add, for a regular plural; cut 0 = not a plural. */
static size_t regular_rule(const char *w, size_t len, const char **add)
{
    /* -itas: Indonesian nouns (universitas, kualitas) that references put in English text */
    static const char *const not_plural[] = {"ss", "us", "is", "ous", "itas", NULL};
    *add = "";
    if (len < 2 || w[len - 1] != 's' || ends_with_any(w, len, not_plural))
        return 0;
    if (ends_with(w, len, "ics") && ends_with_any(w, len, ics_fields))
        return 0;
    if (ends_with(w, len, "ies") && len > 4) {
        *add = "y"; /* cities, policies, studies */
        return 3;
    }
    if (ends_with(w, len, "yses") || ends_with(w, len, "theses")) {
        *add = "is"; /* analyses, hypotheses */
        return 2;
    }
    if (ends_with(w, len, "sses") || ends_with(w, len, "shes") || ends_with(w, len, "ches") ||
        ends_with(w, len, "xes") || ends_with(w, len, "zzes"))
        return 2; /* processes, wishes, approaches, boxes, buzzes */
    return 1;     /* governments, relations, cases, objectives */
}

size_t jk_english_singular(const char *word, size_t len, struct jk_buf *out)
{
    jk_buf_clear(out);
    if (letters(word, len) <= 3 || memchr(word, '\'', len)) {
        jk_buf_add(out, word, len);
        return out->len;
    }
    for (size_t i = 0; i < sizeof(irregular) / sizeof(*irregular); i++)
        if (strlen(irregular[i][0]) == len && memcmp(irregular[i][0], word, len) == 0) {
            jk_buf_adds(out, irregular[i][1]);
            return out->len;
        }
    const char *add = "";
    size_t cut = in_list(invariant, word, len) ? 0 : regular_rule(word, len, &add);
    jk_buf_add(out, word, len - cut);
    jk_buf_adds(out, add);
    return out->len;
}
