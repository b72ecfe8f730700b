/*
 * Stage 3b, language: which sentences of a document are Indonesian and which
 * English, and the singular of English plural nouns. Runs on the tokens of
 * stage 3 (tokenize.h), before term extraction, so that the term stage can
 * use the right stopwords and fold English plurals only in English text.
 *
 * Evidence is the project's two stopword lists: a word in only one of them
 * votes for that language; a word in both, or in a short built-in list of
 * words both languages write ("no", "vol", "et", "al"), votes for neither.
 * Only when the lists are silent or tie do affixes vote, on words of 6+
 * letters in neither list: Indonesian -nya -kan -lah, meng- meny- memp-,
 * ke-...-an and pe-...-an; English -tion -ment -ness -ity -ship (and their
 * plurals). Affixes the other language shares are left out: -ing (penting),
 * di- (digital), memb- (member). Accuracy: bench/README.md, "Sentence
 * language tagging".
 */
#ifndef JK_LANG_H
#define JK_LANG_H

#include <stddef.h>

#include "stopwords.h"
#include "tokenize.h"
#include "util/buf.h"
#include "util/status.h"

enum jk_lang { JK_LANG_UNKNOWN, JK_LANG_ID, JK_LANG_EN };

/* The word sets that tell the languages apart. Owns both sets. */
struct jk_langid {
    struct jk_stopwords id;
    struct jk_stopwords en;
};

void jk_langid_init(struct jk_langid *l);
/* Frees both sets; NULL-safe. The struct may be initialised again afterwards. */
void jk_langid_release(struct jk_langid *l);

/*
 * Adds the words of two stopword list files (same format as
 * jk_stopwords_load, which reads them): id_list Indonesian, en_list English.
 * Returns JK_OK, or JK_E_INPUT with diag naming the file and line; on error
 * l keeps what was read so far and still needs jk_langid_release.
 */
enum jk_status jk_langid_load(struct jk_langid *l, const char *id_list, const char *en_list,
                              struct jk_diag *diag);

/* Adds one lower-case word to the set of lang (JK_LANG_ID or JK_LANG_EN; others ignored). */
void jk_langid_add(struct jk_langid *l, enum jk_lang lang, const char *word, size_t len);

/* What one word says about its sentence's language (jk_lang_of's votes). */
enum jk_lang_vote {
    JK_VOTE_NONE,     /* neutral, in both lists, or no telling affix */
    JK_VOTE_ID,       /* an Indonesian stopword only */
    JK_VOTE_EN,       /* an English stopword only */
    JK_VOTE_AFFIX_ID, /* in neither list, with an Indonesian affix */
    JK_VOTE_AFFIX_EN, /* in neither list, with an English affix */
};

/* The vote of the lower-case word w[0..len); depends on nothing but the word and l. */
enum jk_lang_vote jk_lang_word_vote(const struct jk_langid *l, const char *w, size_t len);

/*
 * The language of the words in tokens[0..n) (one sentence: the caller cuts
 * at JK_TOK_SENTENCE_END; other kinds than WORD are skipped), whose spans
 * point into lower. The language with more stopword votes; on a tie (or
 * none) the one with more affix votes; JK_LANG_UNKNOWN when that ties too.
 * Linear in the number of tokens.
 */
enum jk_lang jk_lang_of(const struct jk_langid *l, const char *lower, const struct jk_token *tokens,
                        size_t n);

/*
 * Writes to out_per_token[i] (n entries, caller-allocated) the language of
 * the sentence that holds tokens[i]; a SENTENCE_END token belongs to the
 * sentence it ends. A sentence without evidence (a heading, a list of names)
 * takes the language of the nearest sentence that has some, counted in
 * sentences, the earlier one on a tie. A document where no sentence has
 * evidence is Indonesian throughout (with nothing tagged there is no majority
 * to fall back on). Never writes JK_LANG_UNKNOWN. Allocates one small array
 * per call; linear in n.
 */
void jk_lang_tag_document(const struct jk_langid *l, const char *lower,
                          const struct jk_token *tokens, size_t n, enum jk_lang *out_per_token);

/*
 * The same from each token's vote, worked out by the caller (votes[i] for a
 * WORD token, anything for others): for callers that keep votes per word.
 */
void jk_lang_tag_votes(const struct jk_token *tokens, const unsigned char *votes, size_t n,
                       enum jk_lang *out_per_token);

/* "id", "en" or "unknown". */
const char *jk_lang_name(enum jk_lang lang);

/*
 * Replaces out's contents with the singular of the English word
 * word[0..len) (lower-case) and returns its length: "cities" -> "city",
 * "processes" -> "process", "analyses" -> "analysis", "approaches" ->
 * "approach", "women" -> "woman". Anything that is not a regular or listed
 * plural is copied unchanged: words of 3 letters or fewer, words ending in
 * -ss -us -is -ous ("process", "status", "crisis", "various") or -itas
 * (Indonesian "universitas" in an English reference), fields of study in
 * -ics ("economics", "politics"), words with an apostrophe, and a short
 * table of invariant words ("news", "series", "species", "overseas",
 * "means", "netherlands"). The rules and tables are in lang.c. Meant for
 * tokens tagged English only: Indonesian "kelas" or "kompas" would lose
 * their s. Proper names that look plural ("united states", "united nations")
 * lose their s too; protect them as phrases if that matters.
 */
size_t jk_english_singular(const char *word, size_t len, struct jk_buf *out);

#endif
