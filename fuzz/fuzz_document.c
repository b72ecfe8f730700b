/*
 * Fuzz target: reading a plain text document (corpus.c), the path every
 * .txt and .md file of a corpus takes: byte-order marks, UTF-16, CR LF and
 * lone CR, invalid UTF-8, the Windows-1252 guess, NUL bytes. The input is
 * the file. Checks the promises of corpus.h: the size and SHA-256 are the
 * file's; a binary file gives no text; the text is valid UTF-8 without CR;
 * a file that is valid UTF-8 without CR, NUL or form feed comes back
 * unchanged, less one leading byte-order mark (with form feeds, pages may
 * lose running heads and page numbers, and nothing is added);
 * --section body's cuts of the reference list and the front matter take
 * at most half the text each (the list more only when it starts the text,
 * and all of it only then), say how much they cut, and leave valid UTF-8;
 * its cut of footnotes takes whole lines, at least one line with text and
 * at most FOOTNOTE_INK bytes of ink per footnote, and adds none; its cut of
 * article information, likewise one or two lines a piece, INFO_INK at most; a text of nothing but
 * white space, and only such a text, is skipped as empty; the second pass's reread gives the same.
 */
#include <ctype.h>
#include <string.h>

#include "corpus.h"
#include "fuzz_common.h"
#include "sources.h"
#include "util/encoding.h"
#include "util/sha256.h"

/* Bytes of a leading UTF-8 byte-order mark: 3 or 0. */
static size_t utf8_bom(const uint8_t *data, size_t size)
{
    return size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
}

/* Valid UTF-8 without CR or NUL (after one leading byte-order mark). */
static bool plain_utf8(const uint8_t *data, size_t size)
{
    return !memchr(data, '\r', size) && !memchr(data, '\0', size) &&
           fuzz_valid_utf8((const char *)data, size);
}

/* The next line of s[0..n) with text from *at (moved past it): its length, or SIZE_MAX. */
static size_t next_line_with_text(const char *s, size_t n, size_t *at, const char **line)
{
    while (*at < n) {
        const char *nl = memchr(s + *at, '\n', n - *at);
        size_t len = nl ? (size_t)(nl - s) - *at : n - *at;
        *line = s + *at;
        *at += len + 1;
        for (size_t k = 0; k < len; k++)
            if (!isspace((unsigned char)(*line)[k]))
                return len;
    }
    return SIZE_MAX;
}

/* Whether the lines of b[0..bn) with text are lines of a[0..an), in order. */
static bool lines_kept(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0, j = 0, bl, al;
    const char *bs, *as;
    while ((bl = next_line_with_text(b, bn, &j, &bs)) != SIZE_MAX) {
        do
            if ((al = next_line_with_text(a, an, &i, &as)) == SIZE_MAX)
                return false;
        while (al != bl || memcmp(as, bs, bl) != 0);
    }
    return true;
}

/* Bytes that are not white space. */
static size_t ink(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += !strchr(" \t\n\v\f\r", s[i]) || !s[i];
    return k;
}

/* Lines of s[0..n) holding anything but white space. */
static size_t lines_with_text(const char *s, size_t n)
{
    size_t lines = 0;
    bool ink_seen = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            lines += ink_seen;
            ink_seen = false;
        } else if (!isspace((unsigned char)s[i])) {
            ink_seen = true;
        }
    }
    return lines + ink_seen;
}

/* What one footnote may take besides white space: its mark (up to 32 bytes) and 1 KB of text. */
enum { FOOTNOTE_INK = 1024 + 32 };
/* What one piece of article information may take: a label's line and its value's, 320 bytes each.
 */
enum { INFO_INK = 2 * 320 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    struct jk_source src = {.path = (char *)fuzz_write_file(data, size, ".txt"), .size = size};
    struct jk_buf text, again;
    jk_buf_init(&text);
    jk_buf_init(&again);
    struct jk_read_info info, info2;
    struct jk_diag diag;
    jk_diag_init(&diag);
    FUZZ_CHECK(jk_corpus_read(&src, NULL, &text, &info, &diag) == JK_OK);
    FUZZ_CHECK(info.bytes == size);
    struct jk_sha256 sha;
    char hex[65];
    jk_sha256_init(&sha);
    jk_sha256_update(&sha, data, size);
    jk_sha256_final_hex(&sha, hex);
    FUZZ_CHECK(strcmp(hex, info.sha256) == 0);
    if (!jk_utf16_bom((const char *)data, size) && memchr(data, '\0', size))
        FUZZ_CHECK(info.binary);
    if (info.binary) {
        FUZZ_CHECK(text.len == 0);
    } else {
        fuzz_check_buf(&text);
        FUZZ_CHECK(!memchr(text.data ? text.data : "", '\r', text.len));
        size_t bom = utf8_bom(data, size);
        bool plain = plain_utf8(data + bom, size - bom);
        if (plain && !memchr(data + bom, '\f', size - bom)) /* read as it is */
            FUZZ_CHECK(info.invalid_utf8 == 0 && text.len == size - bom &&
                       (text.len == 0 || memcmp(text.data, data + bom, text.len) == 0));
        else if (plain) /* pages may lose running heads and page numbers: nothing is added */
            FUZZ_CHECK(info.invalid_utf8 == 0 &&
                       ink(text.data, text.len) <= ink((const char *)data + bom, size - bom));
        size_t title = jk_title_start(text.data ? text.data : "", text.len);
        FUZZ_CHECK(title <= text.len && (title == 0 || text.data[title - 1] == '\n'));
        bool blank = true; /* skipped as empty exactly when the text is all white space */
        for (size_t i = 0; i < text.len && blank; i++)
            blank = strchr(" \t\n\v\f", text.data[i]) != NULL;
        FUZZ_CHECK((info.skip_reason == jk_skip_empty) == blank);
        struct jk_buf body; /* --section body: a cut at line starts, nothing added */
        jk_buf_init(&body);
        jk_buf_add(&body, text.data ? text.data : "", text.len);
        enum jk_references refs = jk_drop_references(&body);
        FUZZ_CHECK(refs == JK_REFS_KEPT ? body.len == text.len : body.len < text.len);
        FUZZ_CHECK(jk_is_reference_list(text.data ? text.data : "", text.len) ==
                   (refs == JK_REFS_ONLY)); /* --section abstract's check agrees */
        /* more than half goes only when the list starts the text: fewer than three lines with
         * text before the cut (which begins at or after the part both still share) */
        size_t shared = 0;
        while (shared < body.len && body.data[shared] == text.data[shared])
            shared++;
        FUZZ_CHECK(2 * (text.len - body.len) <= text.len || lines_with_text(text.data, shared) < 3);
        FUZZ_CHECK(refs != JK_REFS_ONLY || lines_with_text(body.data, body.len) < 3);
        fuzz_check_buf(&body);
        struct jk_buf kept; /* before the footnotes' cut */
        jk_buf_init(&kept);
        jk_buf_add(&kept, body.data, body.len);
        size_t notes = jk_drop_footnotes(&body);
        FUZZ_CHECK(notes ? body.len < kept.len : body.len == kept.len);
        size_t gone = lines_with_text(kept.data, kept.len) - lines_with_text(body.data, body.len);
        FUZZ_CHECK(lines_kept(kept.data, kept.len, body.data, body.len));
        FUZZ_CHECK(gone >= notes);
        FUZZ_CHECK(ink(kept.data, kept.len) - ink(body.data, body.len) <= FOOTNOTE_INK * notes);
        jk_buf_clear(&kept); /* before the article information's cut */
        jk_buf_add(&kept, body.data, body.len);
        size_t info_cut = jk_drop_article_info(&body);
        FUZZ_CHECK(info_cut ? body.len < kept.len : body.len == kept.len);
        gone = lines_with_text(kept.data, kept.len) - lines_with_text(body.data, body.len);
        FUZZ_CHECK(lines_kept(kept.data, kept.len, body.data, body.len));
        FUZZ_CHECK(gone >= info_cut && gone <= 2 * info_cut);
        FUZZ_CHECK(ink(kept.data, kept.len) - ink(body.data, body.len) <= INFO_INK * info_cut);
        jk_buf_release(&kept);
        fuzz_check_buf(&body);
        size_t before = body.len, front = jk_drop_front_matter(&body);
        FUZZ_CHECK(body.len + front == before && 2 * front <= before);
        fuzz_check_buf(&body);
        jk_buf_release(&body);
    }
    FUZZ_CHECK(jk_corpus_reread(&src, NULL, &again, &info2, &diag) == JK_OK);
    FUZZ_CHECK(info2.binary == info.binary && info2.cp1252 == info.cp1252 &&
               info2.invalid_utf8 == info.invalid_utf8);
    FUZZ_CHECK(again.len == text.len &&
               (text.len == 0 || memcmp(again.data, text.data, text.len) == 0));
    jk_buf_release(&again);
    jk_buf_release(&text);
    return 0;
}
