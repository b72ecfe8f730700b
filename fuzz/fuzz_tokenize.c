/*
 * Fuzz target: the tokenizer (stage 3). Feeds the input as cleaned text and
 * checks what tokenize.h promises: every span inside the lower-cased text and
 * valid UTF-8, tokens in text order, no leading SENTENCE_END and no two in a
 * row, words without a leading or trailing hyphen or apostrophe; and that the C
 * scan for ASCII tokens finds the same tokens as the pattern alone. When it
 * says the lower-cased text keeps the input's offsets, each character of the
 * input lower-cased is the lower-cased text's at the same offset.
 */
#include <string.h>
#include <utf8proc.h>

#include "fuzz_common.h"
#include "tokenize.h"

static struct jk_tokenizer tokenizer;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    struct jk_diag diag;
    jk_diag_init(&diag);
    FUZZ_CHECK(jk_tokenizer_init(&tokenizer, &diag) == JK_OK);
    return 0;
}

static void check_tokens(const struct jk_buf *lower, const struct jk_tokens *t)
{
    FUZZ_CHECK(fuzz_valid_utf8(lower->data ? lower->data : "", lower->len));
    size_t end = 0;
    for (size_t i = 0; i < t->count; i++) {
        const struct jk_token *k = &t->items[i];
        FUZZ_CHECK((size_t)k->offset + k->length <= lower->len);
        FUZZ_CHECK(k->offset >= end);
        end = (size_t)k->offset + k->length;
        const char *s = lower->data + k->offset;
        FUZZ_CHECK(fuzz_valid_utf8(s, k->length));
        if (k->kind == JK_TOK_SENTENCE_END) {
            FUZZ_CHECK(i > 0 && t->items[i - 1].kind != JK_TOK_SENTENCE_END);
        } else {
            FUZZ_CHECK(k->length > 0);
        }
        if (k->kind == JK_TOK_WORD) {
            FUZZ_CHECK(s[0] != '-' && s[0] != '\'');
            FUZZ_CHECK(s[k->length - 1] != '-' && s[k->length - 1] != '\'');
        }
    }
}

/* The C scan for ASCII tokens and the pattern alone give the same tokens. */
static void check_same(const struct jk_tokens *a, const struct jk_tokens *b)
{
    FUZZ_CHECK(a->count == b->count);
    for (size_t i = 0; i < a->count; i++)
        FUZZ_CHECK(a->items[i].offset == b->items[i].offset &&
                   a->items[i].length == b->items[i].length &&
                   a->items[i].kind == b->items[i].kind);
}

/* The input, character by character, lower-cases to lower at the same offsets. */
static void check_offsets(const uint8_t *data, size_t size, const struct jk_buf *lower)
{
    FUZZ_CHECK(lower->len == size);
    size_t i = 0;
    while (i < size) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(data + i, (utf8proc_ssize_t)(size - i), &cp);
        FUZZ_CHECK(k > 0);
        utf8proc_uint8_t low[4];
        utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), low);
        FUZZ_CHECK(m == k && memcmp(low, lower->data + i, (size_t)m) == 0);
        i += (size_t)k;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct jk_buf lower;
    struct jk_tokens tokens, pattern_tokens;
    jk_buf_init(&lower);
    jk_tokens_init(&tokens);
    jk_tokens_init(&pattern_tokens);
    if (jk_tokenize(&tokenizer, (const char *)data, size, &lower, &tokens))
        check_offsets(data, size, &lower);
    check_tokens(&lower, &tokens);
    tokenizer.pcre_only = true;
    jk_tokenize(&tokenizer, (const char *)data, size, &lower, &pattern_tokens);
    tokenizer.pcre_only = false;
    check_same(&tokens, &pattern_tokens);
    jk_tokens_release(&pattern_tokens);
    jk_tokens_release(&tokens);
    jk_buf_release(&lower);
    return 0;
}
