/*
 * Word 97-2003 (.doc) text: the compound file's sectors (MS-CFB), then the
 * piece table of the WordDocument stream (MS-DOC). See read_msdoc.h.
 */
#include "read_msdoc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/encoding.h"
#include "util/mem.h"

static const unsigned char SIGNATURE[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

/* MS-CFB's special sector numbers (2.1): every number from MAX_SECTOR on is none. */
enum { MAX_SECTOR = 0xFFFFFFFA, END_OF_CHAIN = 0xFFFFFFFE };
/* A directory entry: its size and its kinds. */
enum { DIR_ENTRY = 128, DIR_STREAM = 2, DIR_ROOT = 5 };
/* The header's 109 FAT sector numbers; a mini sector's size. */
enum { HEADER_DIFAT = 109, MINI_SECTOR = 64 };

static uint16_t le16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

bool jk_is_compound_file(const char *data, size_t len)
{
    return len >= sizeof(SIGNATURE) && memcmp(data, SIGNATURE, sizeof(SIGNATURE)) == 0;
}

/* Bytes cut into units: unit number s is data[skip + s * unit ..], if the data holds it whole. */
struct area {
    const unsigned char *data;
    size_t len;
    size_t unit;
    size_t skip;
};

/* How many whole units the area holds. */
static size_t area_units(const struct area *a)
{
    return a->len > a->skip ? (a->len - a->skip) / a->unit : 0;
}

/* Unit s of the area (s below area_units). */
static const unsigned char *unit_at(const struct area *a, uint32_t s)
{
    return a->data + a->skip + (size_t)s * a->unit;
}

/*
 * The file's compound structure: the FAT and mini FAT (each sector's next),
 * the directory, and the mini stream (where streams under the cutoff live).
 */
struct cfb {
    struct area sectors, mini;
    uint32_t *fat, *minifat;
    size_t n_fat, n_minifat;
    struct jk_buf directory, ministream;
    size_t cutoff; /* streams smaller than this live in the mini stream */
    bool v3;       /* version 3: a stream's size is 32 bits */
};

static void cfb_init(struct cfb *c)
{
    memset(c, 0, sizeof(*c));
    jk_buf_init(&c->directory);
    jk_buf_init(&c->ministream);
}

static void cfb_release(struct cfb *c)
{
    free(c->fat);
    free(c->minifat);
    jk_buf_release(&c->directory);
    jk_buf_release(&c->ministream);
}

/*
 * Appends the chain of units from start, size bytes of it (UINT64_MAX: up
 * to its end), to out. False when the chain leaves the table or the area, ends
 * early, or loops: it may visit no more units than the area holds.
 */
static bool read_chain(const struct area *a, const uint32_t *next, size_t n_next, uint32_t start,
                       uint64_t size, struct jk_buf *out)
{
    size_t steps = 0, limit = area_units(a);
    uint32_t s = start;
    while (size > 0 && !(size == UINT64_MAX && s == END_OF_CHAIN)) {
        if (s >= n_next || s >= limit || steps++ >= limit)
            return false;
        size_t n = size < a->unit ? (size_t)size : a->unit;
        jk_buf_add(out, unit_at(a, s), n);
        if (size != UINT64_MAX)
            size -= n;
        s = next[s];
    }
    return true;
}

/* Appends sector s's numbers to *table. */
static void add_numbers(const struct cfb *c, uint32_t s, uint32_t **table, size_t *n, size_t *cap)
{
    const unsigned char *p = unit_at(&c->sectors, s);
    size_t k = c->sectors.unit / 4;
    JK_GROW(*table, *n + k, *cap);
    for (size_t i = 0; i < k; i++)
        (*table)[(*n)++] = le32(p + 4 * i);
}

/* The FAT from the sectors the DIFAT lists: the header's 109, then its own chain. */
static bool load_fat(struct cfb *c, const unsigned char *header)
{
    size_t units = area_units(&c->sectors), wanted = le32(header + 0x2C), cap = 0, listed = 0;
    if (wanted > units)
        return false;
    for (size_t i = 0; i < HEADER_DIFAT && listed < wanted; i++, listed++) {
        uint32_t s = le32(header + 0x4C + 4 * i);
        if (s >= units)
            return false;
        add_numbers(c, s, &c->fat, &c->n_fat, &cap);
    }
    uint32_t d = le32(header + 0x44);
    size_t per = c->sectors.unit / 4 - 1, steps = 0;
    while (listed < wanted) {
        if (d >= units || steps++ >= units)
            return false;
        const unsigned char *p = unit_at(&c->sectors, d);
        for (size_t i = 0; i < per && listed < wanted; i++, listed++) {
            uint32_t s = le32(p + 4 * i);
            if (s >= units)
                return false;
            add_numbers(c, s, &c->fat, &c->n_fat, &cap);
        }
        d = le32(p + 4 * per);
    }
    return c->n_fat > 0;
}

/* The header, FAT, directory, mini FAT and mini stream of data[0..len). */
static enum jk_msdoc_result cfb_open(struct cfb *c, const unsigned char *data, size_t len)
{
    if (len < 512 || memcmp(data, SIGNATURE, sizeof(SIGNATURE)) != 0)
        return JK_MSDOC_NOT_COMPOUND;
    unsigned shift = le16(data + 0x1E), major = le16(data + 0x1A);
    if ((shift != 9 && shift != 12) || le16(data + 0x20) != 6 || le16(data + 0x1C) != 0xFFFE)
        return JK_MSDOC_DAMAGED;
    c->v3 = major == 3;
    c->sectors = (struct area){data, len, (size_t)1 << shift, (size_t)1 << shift};
    c->cutoff = le32(data + 0x38);
    if (!load_fat(c, data))
        return JK_MSDOC_DAMAGED;
    if (!read_chain(&c->sectors, c->fat, c->n_fat, le32(data + 0x30), UINT64_MAX, &c->directory) ||
        c->directory.len < DIR_ENTRY)
        return JK_MSDOC_DAMAGED;
    struct jk_buf mf;
    jk_buf_init(&mf);
    uint32_t first_mini = le32(data + 0x3C);
    bool ok = first_mini >= MAX_SECTOR ||
              read_chain(&c->sectors, c->fat, c->n_fat, first_mini, UINT64_MAX, &mf);
    c->n_minifat = mf.len / 4;
    c->minifat = jk_malloc((c->n_minifat ? c->n_minifat : 1) * sizeof(*c->minifat));
    for (size_t i = 0; i < c->n_minifat; i++)
        c->minifat[i] = le32((const unsigned char *)mf.data + 4 * i);
    jk_buf_release(&mf);
    const unsigned char *root = (const unsigned char *)c->directory.data;
    if (!ok || root[0x42] != DIR_ROOT)
        return JK_MSDOC_DAMAGED;
    uint64_t mini_size = le32(root + 0x78) | (c->v3 ? 0 : (uint64_t)le32(root + 0x7C) << 32);
    if (le32(root + 0x74) < MAX_SECTOR &&
        !read_chain(&c->sectors, c->fat, c->n_fat, le32(root + 0x74), mini_size, &c->ministream))
        return JK_MSDOC_DAMAGED;
    c->mini =
        (struct area){(const unsigned char *)c->ministream.data, c->ministream.len, MINI_SECTOR, 0};
    return JK_MSDOC_OK;
}

/* Whether directory entry e is named name (ASCII, any case, as MS-CFB compares names). */
static bool entry_named(const unsigned char *e, const char *name)
{
    size_t n = strlen(name), bytes = le16(e + 0x40);
    if (bytes != 2 * (n + 1) || bytes > 64)
        return false;
    for (size_t i = 0; i < n; i++) {
        uint16_t ch = le16(e + 2 * i);
        if (ch >= 0x80 || (ch | 0x20) != ((unsigned char)name[i] | 0x20))
            return false;
    }
    return true;
}

/*
 * The directory entry of the stream named name directly under the root, or
 * NULL: the root's children form a tree of siblings, walked with a stack and
 * each entry visited once, so a looping directory ends.
 */
static const unsigned char *find_stream(const struct cfb *c, const char *name)
{
    size_t n = c->directory.len / DIR_ENTRY, depth = 0;
    const unsigned char *dir = (const unsigned char *)c->directory.data, *found = NULL;
    uint32_t *stack = jk_malloc((2 * n + 1) * sizeof(*stack)); /* each entry pushes two */
    bool *seen = jk_calloc(n, sizeof(*seen));
    uint32_t first = le32(dir + 0x4C);
    if (first < n)
        stack[depth++] = first;
    while (depth > 0 && !found) {
        uint32_t i = stack[--depth];
        if (seen[i])
            continue;
        seen[i] = true;
        const unsigned char *e = dir + (size_t)i * DIR_ENTRY;
        if (e[0x42] == DIR_STREAM && entry_named(e, name))
            found = e;
        for (size_t side = 0x44; side <= 0x48; side += 4)
            if (le32(e + side) < n && !seen[le32(e + side)])
                stack[depth++] = le32(e + side);
    }
    free(seen);
    free(stack);
    return found;
}

/* The stream of directory entry e (find_stream) into out; false when it is missing or damaged. */
static bool read_stream(const struct cfb *c, const unsigned char *e, struct jk_buf *out)
{
    if (!e)
        return false;
    uint64_t size = le32(e + 0x78) | (c->v3 ? 0 : (uint64_t)le32(e + 0x7C) << 32);
    uint32_t start = le32(e + 0x74);
    if (size == 0)
        return true;
    if (size < c->cutoff)
        return read_chain(&c->mini, c->minifat, c->n_minifat, start, size, out);
    return read_chain(&c->sectors, c->fat, c->n_fat, start, size, out);
}

/*
 * Text that is not the document's: runs of the WordDocument stream's bytes
 * whose character properties (CHPX) mark them deleted by tracked changes
 * (Word shows them struck through until the change is accepted) or hidden
 * (not printed), sorted and merged.
 */
struct cut {
    uint32_t from, to; /* bytes [from, to) of the WordDocument stream */
};

struct cuts {
    struct cut *v;
    size_t n, cap;
};

/* Adds a cut; merge_cuts joins those that touch or overlap. */
static void add_cut(struct cuts *c, uint32_t from, uint32_t to)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 16;
        c->v = jk_realloc(c->v, c->cap * sizeof(*c->v));
    }
    c->v[c->n++] = (struct cut){from, to};
}

enum { SPRM_DELETED = 0x0800, SPRM_HIDDEN = 0x083C }; /* sprmCFRMarkDel, sprmCFVanish (2.6.1) */

/* The size of the operand of the property at g[0..n) (its spra, MS-DOC 2.2.5.1), or 0 when
 * it cannot be told or does not fit. */
static size_t operand_size(const unsigned char *g, size_t n)
{
    static const unsigned char fixed[8] = {1, 1, 2, 4, 2, 2, 0, 3};
    size_t size = fixed[g[1] >> 5];
    if (size == 0 && n > 2) /* variable: a byte of length first (character properties' way) */
        size = 1 + (size_t)g[2];
    return size <= n - 2 ? size : 0;
}

/*
 * Whether the character properties g[0..n) (a grpprl) mark the run deleted
 * or hidden. Each operand is 1, or 0x81: the opposite of the style's, taken
 * as 0 (a character style that hides text is not looked at).
 */
static bool marked_cut(const unsigned char *g, size_t n)
{
    bool deleted = false, hidden = false;
    for (size_t at = 0, size; n - at >= 2; at += 2 + size) {
        size = operand_size(g + at, n - at);
        if (size == 0)
            break;
        if (le16(g + at) == SPRM_DELETED)
            deleted = g[at + 2] & 1;
        else if (le16(g + at) == SPRM_HIDDEN)
            hidden = g[at + 2] & 1;
    }
    return deleted || hidden;
}

enum { FKP = 512 }; /* a page of character runs (ChpxFkp, MS-DOC 2.9.44) */

/* The cut runs of one page: crun runs' bounds, then each run's properties' place. */
static void page_cuts(const unsigned char *page, struct cuts *c)
{
    size_t crun = page[FKP - 1];
    if (crun == 0 || 5 * crun + 4 > FKP - 1)
        return;
    for (size_t i = 0; i < crun; i++) {
        uint32_t from = le32(page + 4 * i), to = le32(page + 4 * i + 4);
        size_t at = 2 * (size_t)page[4 * (crun + 1) + i]; /* 0: no properties */
        if (to <= from || at == 0 || at >= FKP - 1 || at + 1 + page[at] > FKP - 1)
            continue;
        if (marked_cut(page + at + 1, page[at]))
            add_cut(c, from, to);
    }
}

static int by_start(const void *a, const void *b)
{
    const struct cut *x = a, *y = b;
    return x->from < y->from ? -1 : x->from > y->from;
}

/* Sorts the cuts and merges those that touch or overlap. */
static void merge_cuts(struct cuts *c)
{
    if (c->n == 0)
        return;
    qsort(c->v, c->n, sizeof(*c->v), by_start);
    size_t k = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (k > 0 && c->v[i].from <= c->v[k - 1].to) {
            if (c->v[i].to > c->v[k - 1].to)
                c->v[k - 1].to = c->v[i].to;
        } else {
            c->v[k++] = c->v[i];
        }
    }
    c->n = k;
}

/*
 * The cut runs, from the character pages the table stream's PlcBteChpx
 * tab[fc..fc+lcb) lists: n+1 stream offsets, then n page numbers. Properties
 * that do not hold together (more pages than the stream has, a page outside
 * it) are not looked at: the text is read whole, as if nothing were cut.
 */
static void find_cuts(const unsigned char *wd, size_t wd_len, const unsigned char *tab,
                      size_t tab_len, uint32_t fc, uint32_t lcb, struct cuts *c)
{
    if (fc > tab_len || lcb > tab_len - fc || lcb < 12 || (lcb - 4) % 8 != 0)
        return;
    size_t n = (lcb - 4) / 8;
    if (n > wd_len / FKP)
        return;
    const unsigned char *pages = tab + fc + 4 * (n + 1);
    for (size_t i = 0; i < n; i++) {
        size_t pn = le32(pages + 4 * i) & 0x3FFFFF;
        if (pn >= wd_len / FKP) {
            c->n = 0;
            return;
        }
        page_cuts(wd + pn * FKP, c);
    }
    merge_cuts(c);
}

/*
 * The text being written: fields nest, and only their results are text
 * (between the separator 0x14 and the end 0x15), not their codes (between
 * the start 0x13 and the separator). codes: how many open fields are still
 * in their code; levels past MAX_FIELDS count as in their code throughout.
 */
enum { MAX_FIELDS = 64 };
struct emit {
    struct jk_buf *text;
    bool in_code[MAX_FIELDS];
    size_t depth, codes;
    const struct cuts *cut; /* the stream's bytes whose characters are left out */
    size_t next_cut;        /* the first of them that may still lie ahead */
};

/* Whether the character at byte b of the stream is cut; b grows within a piece. */
static bool cut_at(struct emit *e, size_t b)
{
    const struct cuts *c = e->cut;
    while (e->next_cut < c->n && c->v[e->next_cut].to <= b)
        e->next_cut++;
    return e->next_cut < c->n && c->v[e->next_cut].from <= b;
}

/* Where a piece starting at byte b begins among the cuts (the first that ends after b). */
static void seek_cut(struct emit *e, size_t b)
{
    size_t lo = 0, hi = e->cut->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (e->cut->v[mid].to <= b)
            lo = mid + 1;
        else
            hi = mid;
    }
    e->next_cut = lo;
}

static void field_char(struct emit *e, uint32_t c)
{
    if (c == 0x13) {
        if (e->depth < MAX_FIELDS)
            e->in_code[e->depth] = true;
        e->depth++;
        e->codes++;
    } else if (e->depth == 0) {
        return; /* a separator or end without a start */
    } else if (c == 0x14) {
        if (e->depth <= MAX_FIELDS && e->in_code[e->depth - 1]) {
            e->in_code[e->depth - 1] = false;
            e->codes--;
        }
    } else {
        bool code = e->depth > MAX_FIELDS || e->in_code[e->depth - 1];
        e->depth--;
        e->codes -= code;
    }
}

/*
 * One character of the main text (a code point; U+FFFD for what could not be
 * decoded), at byte b of the stream. A cut field still opens and closes.
 */
static void emit_char(struct emit *e, uint32_t c, size_t b)
{
    if (c == 0x13 || c == 0x14 || c == 0x15) {
        field_char(e, c);
        return;
    }
    if (e->codes > 0 || cut_at(e, b))
        return;
    if (c == 0x0D || c == 0x07 || c == 0x0B || c == 0x0C || c == 0x0E) /* paragraph, cell, */
        jk_buf_addc(e->text, '\n'); /* row, line, page and column ends */
    else if (c == 0x09)
        jk_buf_addc(e->text, '\t');
    else if (c == 0x1E) /* a non-breaking hyphen */
        jk_buf_addc(e->text, '-');
    else if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)
        jk_utf8_add(e->text, c);
    /* other control characters mark pictures, notes and the like: nothing to read */
}

/*
 * n characters of a piece at byte at of the stream wd: Windows-1252 bytes
 * (compressed) or UTF-16 code units.
 */
static void emit_piece(struct emit *e, const unsigned char *wd, size_t at, size_t n,
                       bool compressed)
{
    const unsigned char *p = wd + at;
    seek_cut(e, at);
    if (compressed) {
        for (size_t i = 0; i < n; i++) {
            uint32_t c = jk_cp1252_code(p[i]);
            emit_char(e, c ? c : (p[i] ? 0xFFFD : 0), at + i);
        }
        return;
    }
    for (size_t i = 0; i < 2 * n;) {
        size_t b = at + i;
        uint32_t c = jk_utf16_next(p, 2 * n, false, &i);
        emit_char(e, c == JK_UTF16_BAD ? 0xFFFD : c, b); /* a surrogate without its pair */
    }
}

/* Where the FIB says the main text's length and the piece table are. */
struct fib {
    uint32_t ccp_text;        /* characters of the main text */
    uint32_t fc_clx, lcb_clx; /* the piece table in the table stream */
    uint32_t fc_bte, lcb_bte; /* the character pages' list (PlcBteChpx) there */
    bool table1;              /* the table stream is "1Table" (else "0Table") */
};

/* The FIB at the start of the WordDocument stream wd[0..len) (MS-DOC 2.5.1). */
static enum jk_msdoc_result read_fib(const unsigned char *wd, size_t len, struct fib *f)
{
    if (len < 0x22 || le16(wd) != 0xA5EC)
        return JK_MSDOC_DAMAGED;
    uint16_t nfib = le16(wd + 2), flags = le16(wd + 0x0A);
    if (nfib < 0xC0)
        return nfib >= 0x65 ? JK_MSDOC_OLD_WORD : JK_MSDOC_DAMAGED;
    if (flags & 0x0100) /* fEncrypted (also set when merely obfuscated) */
        return JK_MSDOC_ENCRYPTED;
    f->table1 = flags & 0x0200;
    size_t at = 0x20 + 2 + 2 * (size_t)le16(wd + 0x20); /* past csw and fibRgW */
    if (at + 2 > len)
        return JK_MSDOC_DAMAGED;
    size_t lw = at + 2, n_lw = le16(wd + at); /* fibRgLw: ccpText is its fourth */
    if (n_lw < 4 || lw + 4 * n_lw + 2 > len)
        return JK_MSDOC_DAMAGED;
    f->ccp_text = le32(wd + lw + 12);
    size_t blob = lw + 4 * n_lw + 2, n_pairs = le16(wd + lw + 4 * n_lw); /* fibRgFcLcb */
    if (n_pairs < 34 || blob + 8 * 34 > len)                             /* the Clx is pair 33 */
        return JK_MSDOC_DAMAGED;
    f->fc_clx = le32(wd + blob + 8 * 33);
    f->lcb_clx = le32(wd + blob + 8 * 33 + 4);
    f->fc_bte = le32(wd + blob + 8 * 12);
    f->lcb_bte = le32(wd + blob + 8 * 12 + 4);
    return JK_MSDOC_OK;
}

/*
 * The piece table in the Clx tab[fc..fc+lcb): past any property runs (Prc,
 * 0x01), the Pcdt (0x02) holds n+1 character positions, then n pieces of 8
 * bytes. *cps points to the positions, *pcds to the pieces.
 */
static bool find_pieces(const unsigned char *tab, size_t len, const struct fib *f,
                        const unsigned char **cps, const unsigned char **pcds, size_t *n)
{
    if (f->fc_clx > len || f->lcb_clx > len - f->fc_clx)
        return false;
    const unsigned char *clx = tab + f->fc_clx;
    size_t at = 0, end = f->lcb_clx;
    while (at < end && clx[at] == 0x01) {
        if (end - at < 3)
            return false;
        at += 3 + (size_t)le16(clx + at + 1);
    }
    if (at >= end || clx[at] != 0x02 || end - at < 5)
        return false;
    uint32_t lcb = le32(clx + at + 1);
    at += 5;
    if (lcb > end - at || lcb < 4 || (lcb - 4) % 12 != 0)
        return false;
    *n = (lcb - 4) / 12;
    *cps = clx + at;
    *pcds = clx + at + 4 * (*n + 1);
    return true;
}

/* The main text's characters [0, ccp_text) from the pieces, each checked against wd. */
static bool read_pieces(const unsigned char *wd, size_t wd_len, const unsigned char *cps,
                        const unsigned char *pcds, size_t n, uint32_t ccp_text, struct emit *e)
{
    if (ccp_text > wd_len)
        return false;  /* more characters than the stream has bytes */
    uint32_t done = 0; /* positions only grow, so no character is read twice */
    for (size_t i = 0; i < n; i++) {
        uint32_t from = le32(cps + 4 * i), to = le32(cps + 4 * i + 4);
        if (to < from || from < done)
            return false;
        done = to;
        if (from >= ccp_text)
            break;
        size_t count = (to < ccp_text ? to : ccp_text) - from;
        uint32_t fc = le32(pcds + 8 * i + 2);
        bool compressed = fc & 0x40000000;
        size_t at = compressed ? (fc & 0x3FFFFFFF) / 2 : fc & 0x3FFFFFFF;
        size_t width = compressed ? 1 : 2;
        if (at > wd_len || count > (wd_len - at) / width)
            return false;
        emit_piece(e, wd, at, count, compressed);
    }
    return true;
}

/* The text of the Word document whose streams c has found. */
static enum jk_msdoc_result read_word(const struct cfb *c, struct jk_buf *text)
{
    struct jk_buf wd, tab;
    jk_buf_init(&wd);
    jk_buf_init(&tab);
    struct fib f;
    const unsigned char *word = find_stream(c, "WordDocument");
    enum jk_msdoc_result r = !word                       ? JK_MSDOC_NOT_WORD
                             : read_stream(c, word, &wd) ? JK_MSDOC_OK
                                                         : JK_MSDOC_DAMAGED;
    if (r == JK_MSDOC_OK)
        r = read_fib((const unsigned char *)wd.data, wd.len, &f);
    if (r == JK_MSDOC_OK && !read_stream(c, find_stream(c, f.table1 ? "1Table" : "0Table"), &tab))
        r = JK_MSDOC_DAMAGED;
    const unsigned char *cps, *pcds, *w = (const unsigned char *)wd.data;
    const unsigned char *t = (const unsigned char *)tab.data;
    size_t n;
    struct cuts cut = {0};
    struct emit e = {.text = text, .cut = &cut};
    if (r == JK_MSDOC_OK)
        find_cuts(w, wd.len, t, tab.len, f.fc_bte, f.lcb_bte, &cut);
    if (r == JK_MSDOC_OK && (!find_pieces(t, tab.len, &f, &cps, &pcds, &n) ||
                             !read_pieces(w, wd.len, cps, pcds, n, f.ccp_text, &e)))
        r = JK_MSDOC_DAMAGED;
    free(cut.v);
    jk_buf_release(&tab);
    jk_buf_release(&wd);
    return r;
}

enum jk_msdoc_result jk_msdoc_text(const char *data, size_t len, struct jk_buf *text)
{
    struct cfb c;
    cfb_init(&c);
    size_t before = text->len;
    enum jk_msdoc_result r = cfb_open(&c, (const unsigned char *)data, len);
    if (r == JK_MSDOC_OK)
        r = read_word(&c, text);
    if (r != JK_MSDOC_OK)
        jk_buf_truncate(text, before);
    cfb_release(&c);
    return r;
}

/* Per result: the problem and report.md's note. */
static const struct {
    const char *problem, *note;
} problems[] = {
    [JK_MSDOC_OK] = {"no text", "skipped: no text"},
    [JK_MSDOC_NOT_COMPOUND] = {"not a Word .doc file (damaged, or another format renamed); open "
                               "it and save it as .docx or PDF",
                               "skipped: not a Word .doc file"},
    [JK_MSDOC_NOT_WORD] = {"an OLE compound file without a Word document's text (an Excel or "
                           "PowerPoint file, or a .docx saved with a password); save it as "
                           ".docx without a password, or as PDF",
                           "skipped: a compound file without Word's text"},
    [JK_MSDOC_OLD_WORD] = {"a Word 6 or Word 95 document, which is not read; open it in Word or "
                           "LibreOffice and save it as .docx or PDF",
                           "skipped: a Word 6 or Word 95 document"},
    [JK_MSDOC_ENCRYPTED] = {"saved with a password; save it again without one, or as PDF",
                            "skipped: saved with a password"},
    [JK_MSDOC_DAMAGED] = {"damaged or cut short (its sectors or piece table do not hold "
                          "together); open it and save it again, or as .docx or PDF",
                          "skipped: damaged or cut short"},
};

const char *jk_msdoc_problem(enum jk_msdoc_result r)
{
    return problems[r].problem;
}

const char *jk_msdoc_note(enum jk_msdoc_result r)
{
    return problems[r].note;
}
