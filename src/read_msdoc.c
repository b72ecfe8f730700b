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
 * Text that is not the document's: bytes of the WordDocument stream whose
 * characters are deleted by tracked changes (Word shows them struck through
 * until the change is accepted) or hidden (not printed), sorted and merged.
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

/* sprmCFRMarkDel, sprmCFVanish, sprmCIstd (MS-DOC 2.6.1) */
enum { SPRM_DELETED = 0x0800, SPRM_HIDDEN = 0x083C, SPRM_CHAR_STYLE = 0x4A30 };

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

/* istdNil: no style (a base style's place in a style based on none, MS-DOC 2.9.260). */
enum { ISTD_NIL = 0x0FFF };

/* What character properties say about a run's text: the last of each property counts. */
struct marks {
    bool deleted; /* sprmCFRMarkDel on */
    int hidden;   /* sprmCFVanish's ToggleOperand (MS-DOC 2.9.323), or -1 when not set */
    size_t istd;  /* sprmCIstd's character style, or ISTD_NIL */
};

/* The marks of the character properties g[0..n) (a grpprl: a run's or a style's). */
static struct marks read_marks(const unsigned char *g, size_t n)
{
    struct marks m = {false, -1, ISTD_NIL};
    for (size_t at = 0, size; n - at >= 2; at += 2 + size) {
        size = operand_size(g + at, n - at);
        if (size == 0)
            break;
        if (le16(g + at) == SPRM_DELETED)
            m.deleted = g[at + 2] & 1;
        else if (le16(g + at) == SPRM_HIDDEN)
            m.hidden = g[at + 2];
        else if (le16(g + at) == SPRM_CHAR_STYLE)
            m.istd = le16(g + at + 2);
    }
    return m;
}

/*
 * A ToggleOperand (MS-DOC 2.9.323) is 0 off, 1 on, 0x80 the style's value,
 * 0x81 the opposite of the style's value. Other bytes are read by the same
 * two bits: 0x80 says "the style's", the lowest bit on or opposite.
 */
static bool toggle_absolute(int operand)
{
    return operand >= 0 && !(operand & 0x80);
}

static bool toggle_turns(int operand)
{
    return operand >= 0 && (operand & 1);
}

/*
 * The stylesheet (STSH, MS-DOC 2.9.271) as far as hidden text goes: each
 * style's kind, the style it is based on, and whether it hides text, by the
 * sprmCFVanish of its own character properties or else its base style's.
 */
enum { STYLE_PARAGRAPH = 1, STYLE_CHARACTER = 2 }; /* stk */
enum { OWN_UNSET = -1, OWN_SHOWS = 0, OWN_HIDES = 1, OWN_TURNS = 2 };

struct style {
    uint16_t base;      /* istdBase: the style it is based on, or ISTD_NIL */
    unsigned char kind; /* stk; 0 for an empty slot */
    signed char own;    /* OWN_*: its own sprmCFVanish; OWN_TURNS: the opposite of its base's */
    bool hides;         /* resolved through its base styles */
};

struct styles {
    struct style *v; /* by istd */
    size_t n;
    bool any_hides; /* some style hides text: otherwise the paragraph pages are not read */
};

static void styles_init(struct styles *s)
{
    memset(s, 0, sizeof(*s));
}

static void styles_release(struct styles *s)
{
    free(s->v);
}

/* Deepest chain of base styles followed: a loop or a longer chain ends there (read_office's). */
#define STYLE_DEPTH 32

/* Whether style istd hides text: its own setting, else its nearest base's, each OWN_TURNS on
 * the way turning it over; a chain that ends without a setting shows it, one too long too. */
static bool resolve_hides(const struct styles *s, size_t istd)
{
    bool turned = false;
    for (int depth = 0; depth < STYLE_DEPTH; depth++) {
        if (istd >= s->n || istd == ISTD_NIL)
            return turned;
        const struct style *st = &s->v[istd];
        if (st->own == OWN_SHOWS || st->own == OWN_HIDES)
            return (st->own == OWN_HIDES) != turned;
        turned ^= st->own == OWN_TURNS;
        istd = st->base;
    }
    return false;
}

/* Whether style istd is of kind and hides text (istdNil, an empty slot or a style of another
 * kind hide nothing). */
static bool style_hides(const struct styles *s, size_t istd, unsigned kind)
{
    return istd < s->n && s->v[istd].kind == kind && s->v[istd].hides;
}

/* The OWN_* that a style's character properties g[0..n) (its UpxChpx) set. */
static signed char own_hidden(const unsigned char *g, size_t n)
{
    int operand = read_marks(g, n).hidden;
    if (toggle_absolute(operand))
        return operand & 1 ? OWN_HIDES : OWN_SHOWS;
    return toggle_turns(operand) ? OWN_TURNS : OWN_UNSET;
}

/*
 * The style in the STD std[0..cb) (MS-DOC 2.9.258): its Stdf of cb_base
 * bytes (StdfBase first, 2.9.260: stk and istdBase in its second 16 bits,
 * cupx in its third), its name (Xstz: a count, that many UTF-16 units, a 0), then cupx
 * UPXs, each a 16-bit size, its bytes and a pad byte to an even size. A
 * paragraph style's (StkParaGRLPUPX) are its paragraph properties, then its
 * character properties; a character style's (StkCharGRLPUPX) its character
 * properties. False when a part overruns the STD.
 */
static bool read_std(const unsigned char *std, size_t cb, size_t cb_base, struct style *s)
{
    if (cb < cb_base)
        return false;
    s->kind = std[2] & 0x0F;
    s->base = le16(std + 2) >> 4;
    size_t cupx = std[4] & 0x0F, at = cb_base;
    size_t chpx = s->kind == STYLE_PARAGRAPH ? 1 : s->kind == STYLE_CHARACTER ? 0 : cupx;
    if (cb - at < 2 || 2 * (size_t)le16(std + at) + 4 > cb - at)
        return false;
    at += 2 * (size_t)le16(std + at) + 4;
    for (size_t k = 0; k < cupx; k++) {
        if (at > cb || cb - at < 2)
            return false;
        size_t size = le16(std + at);
        at += 2;
        if (size > cb - at)
            return false;
        if (k == chpx)
            s->own = own_hidden(std + at, size);
        at += size + (size & 1);
    }
    return true;
}

/*
 * The styles of the STSH tab[fc..fc+lcb): its STSHI (after its 16-bit size:
 * cstd, the number of styles, and cbSTDBaseInFile, their Stdf's size), then
 * cstd LPStds, each a 16-bit size (0: an empty slot) and an STD, padded to
 * an even size. A stylesheet that does not hold together is not looked at:
 * no style hides text.
 */
static void read_styles(const unsigned char *tab, size_t tab_len, uint32_t fc, uint32_t lcb,
                        struct styles *s)
{
    if (fc > tab_len || lcb > tab_len - fc || lcb < 6)
        return;
    const unsigned char *st = tab + fc;
    size_t cb_stshi = le16(st), n = le16(st + 2), cb_base = le16(st + 4);
    if (cb_stshi < 4 || cb_stshi > lcb - 2 || cb_base < 10 || n > (lcb - 2 - cb_stshi) / 2)
        return; /* each LPStd takes 2 bytes at least */
    s->v = jk_malloc((n ? n : 1) * sizeof(*s->v));
    for (size_t i = 0, at = 2 + cb_stshi; i < n; i++) {
        s->v[i] = (struct style){ISTD_NIL, 0, OWN_UNSET, false};
        if (at > lcb - 2)
            return; /* s->n stays 0 */
        size_t cb = le16(st + at);
        if (cb > lcb - 2 - at || (cb > 0 && !read_std(st + at + 2, cb, cb_base, &s->v[i])))
            return;
        at += 2 + cb + (cb & 1);
    }
    s->n = n;
    for (size_t i = 0; i < n; i++) {
        s->v[i].hides = resolve_hides(s, i);
        s->any_hides |= s->v[i].hides;
    }
}

/*
 * What a run's character properties make of the style of the paragraph it
 * lies in: its text is cut always, never, where that style hides text, or
 * where it does not. Direct formatting wins over styles; vanish is a toggle
 * property, so the run's character style turns the paragraph style's value
 * over (as ECMA-376 17.7.3 says for .docx, and Word does for .doc), and an
 * operand of 0x81 turns the styles' value over again.
 */
enum run_cut { CUT_NEVER, CUT_ALWAYS, CUT_AS_PARAGRAPH, CUT_UNLESS_PARAGRAPH };

static enum run_cut run_cut(const unsigned char *g, size_t n, const struct styles *s)
{
    struct marks m = read_marks(g, n);
    if (m.deleted)
        return CUT_ALWAYS;
    if (toggle_absolute(m.hidden))
        return m.hidden & 1 ? CUT_ALWAYS : CUT_NEVER;
    bool turned = style_hides(s, m.istd, STYLE_CHARACTER) != toggle_turns(m.hidden);
    return turned ? CUT_UNLESS_PARAGRAPH : CUT_AS_PARAGRAPH;
}

/* Runs of the character pages whose properties say more than "as the paragraph's style". */
struct run {
    uint32_t from, to;
    enum run_cut how;
};

struct runs {
    struct run *v;
    size_t n, cap;
};

enum { FKP = 512 }; /* a page of character or paragraph runs (ChpxFkp, PapxFkp) */

/* One character page (ChpxFkp, MS-DOC 2.9.44): crun runs' bounds, then each run's
 * properties' place (a word offset; 0: none). */
static void char_page(const unsigned char *page, const struct styles *s, struct runs *r)
{
    size_t crun = page[FKP - 1];
    if (crun == 0 || 5 * crun + 4 > FKP - 1)
        return;
    for (size_t i = 0; i < crun; i++) {
        uint32_t from = le32(page + 4 * i), to = le32(page + 4 * i + 4);
        size_t at = 2 * (size_t)page[4 * (crun + 1) + i];
        if (to <= from || at == 0 || at >= FKP - 1 || at + 1 + page[at] > FKP - 1)
            continue;
        enum run_cut how = run_cut(page + at + 1, page[at], s);
        if (how != CUT_AS_PARAGRAPH) { /* as the bytes between runs are anyway */
            JK_GROW(r->v, r->n + 1, r->cap);
            r->v[r->n++] = (struct run){from, to, how};
        }
    }
}

/*
 * The style (istd) of a paragraph whose BxPap (MS-DOC 2.9.23) in the page
 * says bx: its PapxInFkp lies at word offset bx, a size (cb; 0: a
 * second byte cb' follows) and a GrpPrlAndIstd of 2 * cb - 1 (2 * cb') bytes
 * starting with the istd. bx 0: no PapxInFkp, the default paragraph's style
 * (0); ISTD_NIL when the PapxInFkp overruns the page.
 */
static size_t paragraph_style(const unsigned char *page, size_t bx)
{
    size_t at = 2 * bx;
    if (at == 0)
        return 0;
    size_t start = page[at] ? at + 1 : at + 2;
    size_t len = page[at] ? 2 * (size_t)page[at] - 1 : 2 * (size_t)page[at + 1];
    return len >= 2 && start + len <= FKP - 1 ? le16(page + start) : ISTD_NIL;
}

enum { BX_PAP = 13 }; /* a BxPap: the word offset, then a 12-byte PHE */

/* One paragraph page (PapxFkp, MS-DOC 2.9.175): cpara paragraphs' bounds, then each one's
 * BxPap. Adds to c those whose style hides text. */
static void paragraph_page(const unsigned char *page, const struct styles *s, struct cuts *c)
{
    size_t cpara = page[FKP - 1];
    if (cpara == 0 || 4 * (cpara + 1) + BX_PAP * cpara > FKP - 1)
        return;
    for (size_t i = 0; i < cpara; i++) {
        uint32_t from = le32(page + 4 * i), to = le32(page + 4 * i + 4);
        size_t istd = paragraph_style(page, page[4 * (cpara + 1) + BX_PAP * i]);
        if (to > from && style_hides(s, istd, STYLE_PARAGRAPH))
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

static size_t page_number(const unsigned char *pns, size_t i)
{
    return le32(pns + 4 * i) & 0x3FFFFF; /* a PnFkpChpx or PnFkpPapx: 22 bits */
}

/*
 * The n page numbers (*pns) of the PlcBteChpx or PlcBtePapx tab[fc..fc+lcb):
 * n+1 stream offsets, then n page numbers. False when it does not hold
 * together: more pages than the stream has, a page outside it.
 */
static bool find_pages(size_t wd_len, const unsigned char *tab, size_t tab_len, uint32_t fc,
                       uint32_t lcb, const unsigned char **pns, size_t *n)
{
    if (fc > tab_len || lcb > tab_len - fc || lcb < 12 || (lcb - 4) % 8 != 0)
        return false;
    *n = (lcb - 4) / 8;
    *pns = tab + fc + 4 * (*n + 1);
    if (*n > wd_len / FKP)
        return false;
    for (size_t i = 0; i < *n; i++)
        if (page_number(*pns, i) >= wd_len / FKP)
            return false;
    return true;
}

static int run_by_start(const void *a, const void *b)
{
    const struct run *x = a, *y = b;
    return x->from != y->from ? (x->from < y->from ? -1 : 1) : (x->to > y->to) - (x->to < y->to);
}

/*
 * Cuts bytes [from, to) as how says, where the paragraphs' cuts p (sorted and
 * merged) say their style hides text. *next: the first of p that may still
 * reach from; spans come in stream order.
 */
static void cut_span(const struct cuts *p, size_t *next, uint32_t from, uint32_t to,
                     enum run_cut how, struct cuts *c)
{
    if (from >= to || how == CUT_NEVER)
        return;
    if (how == CUT_ALWAYS) {
        add_cut(c, from, to);
        return;
    }
    while (*next < p->n && p->v[*next].to <= from)
        (*next)++;
    uint32_t at = from; /* where what the paragraphs leave starts */
    for (size_t k = *next; k < p->n && p->v[k].from < to; k++) {
        uint32_t a = p->v[k].from > from ? p->v[k].from : from;
        uint32_t b = p->v[k].to < to ? p->v[k].to : to;
        if (how == CUT_AS_PARAGRAPH)
            add_cut(c, a, b);
        else if (a > at)
            add_cut(c, at, a);
        at = b;
    }
    if (how == CUT_UNLESS_PARAGRAPH && at < to)
        add_cut(c, at, to);
}

/*
 * The cuts of the runs r and paragraphs p (sorted and merged), into c:
 * each run's bytes as it says, and the bytes between runs as their
 * paragraphs' styles say. Runs that overlap (only a damaged page has them)
 * are taken in order of their starts, each from where the one before ended.
 */
static void combine_cuts(struct runs *r, const struct cuts *p, struct cuts *c)
{
    if (r->n > 0)
        qsort(r->v, r->n, sizeof(*r->v), run_by_start);
    size_t next = 0;
    uint32_t done = 0;
    for (size_t i = 0; i < r->n; i++) {
        uint32_t from = r->v[i].from > done ? r->v[i].from : done, to = r->v[i].to;
        if (from >= to)
            continue;
        cut_span(p, &next, done, from, CUT_AS_PARAGRAPH, c);
        cut_span(p, &next, from, to, r->v[i].how, c);
        done = to;
    }
    cut_span(p, &next, done, UINT32_MAX, CUT_AS_PARAGRAPH, c);
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
    uint32_t ccp_text;          /* characters of the main text */
    uint32_t fc_clx, lcb_clx;   /* the piece table in the table stream */
    uint32_t fc_stsh, lcb_stsh; /* the stylesheet (STSH) there */
    uint32_t fc_chpx, lcb_chpx; /* the character pages' list (PlcBteChpx) there */
    uint32_t fc_papx, lcb_papx; /* the paragraph pages' list (PlcBtePapx) there */
    bool table1;                /* the table stream is "1Table" (else "0Table") */
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
    f->fc_stsh = le32(wd + blob + 8 * 1);
    f->lcb_stsh = le32(wd + blob + 8 * 1 + 4);
    f->fc_chpx = le32(wd + blob + 8 * 12);
    f->lcb_chpx = le32(wd + blob + 8 * 12 + 4);
    f->fc_papx = le32(wd + blob + 8 * 13);
    f->lcb_papx = le32(wd + blob + 8 * 13 + 4);
    return JK_MSDOC_OK;
}

/*
 * The cuts of the WordDocument stream wd, from the table stream tab: the
 * stylesheet, the character pages' runs and, when some style hides text,
 * the paragraph pages' styles. Pages that do not hold together are not
 * looked at (as if they said nothing), nor is a damaged stylesheet (as if no
 * style hid text): the text is read whole rather than cut by guesswork. A
 * paragraph's style is taken for the bytes its page's run covers: the
 * paragraph, in every file but a fast-saved one, whose later edits may lie
 * apart from the mark that ends their paragraph (MS-DOC 2.4.2).
 */
static void find_cuts(const unsigned char *wd, size_t wd_len, const unsigned char *tab,
                      size_t tab_len, const struct fib *f, struct cuts *c)
{
    struct styles s;
    styles_init(&s);
    read_styles(tab, tab_len, f->fc_stsh, f->lcb_stsh, &s);
    const unsigned char *pns;
    size_t n;
    struct runs r = {0};
    if (find_pages(wd_len, tab, tab_len, f->fc_chpx, f->lcb_chpx, &pns, &n))
        for (size_t i = 0; i < n; i++)
            char_page(wd + page_number(pns, i) * FKP, &s, &r);
    struct cuts p = {0};
    if (s.any_hides && find_pages(wd_len, tab, tab_len, f->fc_papx, f->lcb_papx, &pns, &n)) {
        for (size_t i = 0; i < n; i++)
            paragraph_page(wd + page_number(pns, i) * FKP, &s, &p);
        merge_cuts(&p);
    }
    combine_cuts(&r, &p, c);
    free(p.v);
    free(r.v);
    styles_release(&s);
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
    struct fib f = {0}; /* read only once read_fib has filled it: zero for the compiler's sake */
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
        find_cuts(w, wd.len, t, tab.len, &f, &cut);
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
