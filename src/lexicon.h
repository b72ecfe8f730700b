/*
 * The corpus lexicon: every word the first pass saw, with how often, so the
 * cleaner can tell that "pelaksa-\nnaan" is "pelaksanaan" and the
 * normaliser that "city" is attested before it makes "cities" singular.
 * The first pass also counts how often the cleaner asked whether a joined
 * form ("pelaksanaan", no hyphen) is a word: knowing nothing yet, the
 * cleaner then joins by its own rule, so the joined word is seen once per
 * question. A word is known when it was seen more often than that, so a
 * join never vouches for itself. (The cleaner's second question, the
 * hyphenated form, is not counted: the join did not produce it.)
 * The lexicon owns its words. Read-only after the first pass.
 */
#ifndef JK_LEXICON_H
#define JK_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/strmap.h"

struct jk_lexicon {
    struct jk_strmap words;
    uint32_t *seen;
    uint32_t *asked;
    size_t cap;
};

void jk_lexicon_init(struct jk_lexicon *l);
void jk_lexicon_release(struct jk_lexicon *l);
/* Counts one sighting of word in the first pass; hash is its jk_hash_bytes. */
void jk_lexicon_see_hashed(struct jk_lexicon *l, const char *word, size_t len, uint32_t hash);
/* Fetches ahead what seeing a word with this hash reads (stages as jk_normalizer_prefetch). */
void jk_lexicon_prefetch(const struct jk_lexicon *l, uint32_t hash, unsigned stage);
/* First pass cleaner callback (ctx: the lexicon): remembers the question, knows nothing. */
bool jk_lexicon_ask(void *ctx, const char *word, size_t len);
/* Second pass cleaner callback: known when seen beyond what line-break joins produced. */
bool jk_lexicon_knows(void *ctx, const char *word, size_t len);
/* Adds from's sightings and questions to into (one thread's first pass into the whole). */
void jk_lexicon_merge(struct jk_lexicon *into, const struct jk_lexicon *from);
/* Seen at all (ctx: the lexicon). */
bool jk_lexicon_has(void *ctx, const char *word, size_t len);

#endif
