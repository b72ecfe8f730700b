/*
 * Tests of src/read_msdoc: the text of Word 97-2003 .doc files, from a file
 * LibreOffice wrote and from compound files built here, and the files that
 * have none.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfb_fixture.h"
#include "read_msdoc.h"
#include "testutil.h"

/*
 * A Word document being built: its text pieces, then its FIB and piece table (finish_word),
 * and what the tests give it of runs' properties, styles and paragraphs.
 */
struct word {
    struct jk_buf wd;                 /* the WordDocument stream: FIB, then the pieces' bytes */
    uint32_t cps[16], fcs[16], n;     /* each piece's first character and where it lies */
    uint32_t ccp_text, flags, nfib;   /* 0: every character is main text; the FIB's flags */
    const char *wd_name, *table_name; /* the streams' names */
    uint32_t runs[16], n_runs;        /* runs' bounds in wd: [0]..[1] deleted, [1]..[2] kept... */
    uint32_t page;                    /* the page of runs' number, written by finish_word */
    uint8_t crun;                     /* 0: the number of runs; else a false one */
    uint16_t mark;   /* the cut runs' property: 0 is sprmCFRMarkDel (deleted), with operand 1 */
    uint8_t operand; /* mark's operand */
    unsigned char props[8][16]; /* a marked run's own properties (add_run), instead of mark */
    uint8_t props_len[8];
    struct jk_buf stsh;         /* the stylesheet (add_style); empty: none */
    uint32_t lcb_stsh;          /* 0: its size; else a false one */
    uint32_t paras[9], n_paras; /* paragraphs' bounds in wd: [0]..[1] the first... */
    uint16_t para_style[8];     /* each paragraph's style (istd) */
    uint32_t para_page;         /* the page of paragraphs' number, written by finish_word */
    uint8_t cpara;              /* 0: the number of paragraphs; else a false one */
};

enum { TEXT_AT = 0x800 };

static void word_init(struct word *w)
{
    memset(w, 0, sizeof(*w));
    jk_buf_init(&w->wd);
    cf_zero_to(&w->wd, TEXT_AT);
    w->cps[0] = 0;
    w->flags = 0x0200; /* the table stream is 1Table */
    w->nfib = 0xC1;
    w->wd_name = "WordDocument";
    w->table_name = "1Table";
    jk_buf_init(&w->stsh);
}

/* A piece of Windows-1252 bytes ("compressed"). */
static void add_bytes(struct word *w, const char *s)
{
    w->fcs[w->n] = (uint32_t)(w->wd.len * 2) | 0x40000000;
    jk_buf_adds(&w->wd, s);
    w->cps[w->n + 1] = w->cps[w->n] + (uint32_t)strlen(s);
    w->n++;
}

/* A piece of UTF-16 code units. */
static void add_units(struct word *w, const uint16_t *u, size_t count)
{
    cf_zero_to(&w->wd, w->wd.len + (w->wd.len & 1));
    w->fcs[w->n] = (uint32_t)w->wd.len;
    for (size_t i = 0; i < count; i++) {
        cf_zero_to(&w->wd, w->wd.len + 2);
        cf_put16(&w->wd, w->wd.len - 2, u[i]);
    }
    w->cps[w->n + 1] = w->cps[w->n] + (uint32_t)count;
    w->n++;
}

/*
 * Bytes [from, to) of the WordDocument stream are a run marked with
 * w->mark (deleted by tracked changes unless set); runs are added in
 * stream order, and the bytes between are a run of their own.
 */
static void add_marked(struct word *w, uint32_t from, uint32_t to)
{
    w->runs[w->n_runs++] = from;
    w->runs[w->n_runs++] = to;
}

/* Bytes [from, to) of the WordDocument stream are a run with the character properties
 * props[0..len) (a grpprl) of its own; as add_marked. */
static void add_run(struct word *w, uint32_t from, uint32_t to, const char *props, size_t len)
{
    memcpy(w->props[w->n_runs / 2], props, len);
    w->props_len[w->n_runs / 2] = (uint8_t)len;
    add_marked(w, from, to);
}

/* Where a marked run's own properties lie in its page (below the shared ones at 400). */
#define PROPS_AT(k) (96 + 24 * (size_t)(k))

/*
 * A page of character runs (ChpxFkp) at the end of the WordDocument stream:
 * the runs' bounds, each run's properties' place (0: none), and properties
 * that mark a run deleted after two others: bold (1 byte) and a
 * variable-length one; or the run's own. Its PlcBteChpx goes to tab; *fc,
 * *lcb say where.
 */
static void write_runs(struct word *w, struct jk_buf *tab, uint32_t *fc, uint32_t *lcb)
{
    *fc = (uint32_t)tab->len;
    *lcb = 0;
    if (w->n_runs == 0)
        return;
    size_t page = (w->wd.len + 511) / 512 * 512, crun = w->n_runs - 1;
    cf_zero_to(&w->wd, page + 512);
    for (size_t i = 0; i < w->n_runs; i++)
        cf_put32(&w->wd, page + 4 * i, w->runs[i]);
    for (size_t i = 0; i < crun; i += 2) {
        size_t k = i / 2, at = 400;
        if (w->props_len[k]) {
            at = PROPS_AT(k);
            w->wd.data[page + at] = (char)w->props_len[k];
            memcpy(w->wd.data + page + at + 1, w->props[k], w->props_len[k]);
        }
        w->wd.data[page + 4 * w->n_runs + i] = (char)(at / 2); /* a word offset */
    }
    unsigned char chpx[] = {11, 0x35, 0x08, 0x01, 0x57, 0xca, 0x02, 0xaa, 0xbb, 0x00, 0x08, 0x01};
    chpx[9] = (unsigned char)(w->mark & 0xFF); /* the last property: deleted, or w->mark */
    chpx[10] = (unsigned char)(w->mark ? w->mark >> 8 : 0x08);
    chpx[11] = w->mark ? w->operand : 1;
    memcpy(w->wd.data + page + 400, chpx, sizeof(chpx));
    w->wd.data[page + 511] = (char)(w->crun ? w->crun : crun);
    w->page = w->page ? w->page : (uint32_t)(page / 512);
    cf_zero_to(tab, tab->len + 12);
    cf_put32(tab, *fc, w->runs[0]);
    cf_put32(tab, *fc + 4, w->runs[w->n_runs - 1]);
    cf_put32(tab, *fc + 8, w->page);
    *lcb = 12;
}

/*
 * Adds a style to the stylesheet (STSH, MS-DOC 2.9.271), numbered as the styles before it
 * (its istd): of kind (1 paragraph, 2 character; 0 an empty slot), based on base (0x0FFF:
 * none), its character properties bold, or with hidden >= 0 setting sprmCFVanish to it. A
 * paragraph style's paragraph properties come first: its istd and a justification. Each UPX
 * is 3 or 5 bytes, so pads to an even size; a character style's STD ends without its pad
 * byte, which the LPStd's own pad then stands for.
 */
static uint16_t add_style(struct word *w, unsigned kind, uint16_t base, int hidden)
{
    struct jk_buf *s = &w->stsh;
    if (s->len == 0) { /* the STSHI: 18 bytes, cstd 0 so far, cbSTDBaseInFile 10 */
        cf_zero_to(s, 20);
        cf_put16(s, 0, 18);
        cf_put16(s, 4, 10);
    }
    uint16_t istd = (uint16_t)((unsigned char)s->data[2] | (unsigned char)s->data[3] << 8);
    cf_put16(s, 2, istd + 1u);
    size_t at = s->len; /* the LPStd: cbStd, then the STD */
    cf_zero_to(s, at + 2);
    if (kind == 0)
        return istd;
    cf_zero_to(s, at + 2 + 18); /* StdfBase, then the name: 2 units and a 0 */
    cf_put16(s, at + 2, 0x0FFE);
    cf_put16(s, at + 4, kind | (uint32_t)base << 4);
    cf_put16(s, at + 6, (kind == 1 ? 2 : 1) | (uint32_t)istd << 4); /* cupx; next: itself */
    cf_put16(s, at + 12, 2);
    cf_put16(s, at + 14, 'G');
    cf_put16(s, at + 16, 'a' + istd);
    if (kind == 1) {
        static const char papx[] = {5, 0, 0, 0, 0x03, 0x24, 0x01, 0};
        jk_buf_add(s, papx, sizeof(papx));
        cf_put16(s, s->len - 6, istd);
    }
    jk_buf_add(s, hidden < 0 ? "\x03\x00\x35\x08\x01" : "\x03\x00\x3C\x08", hidden < 0 ? 5 : 4);
    if (hidden >= 0)
        jk_buf_addc(s, (char)hidden);
    if (kind == 1)
        jk_buf_addc(s, '\0');
    cf_put16(s, at, (uint32_t)(s->len - at - 2));
    if (s->len & 1)
        jk_buf_addc(s, '\0');
    return istd;
}

/* Bytes [from, to) of the WordDocument stream are a paragraph (paragraphs follow each other,
 * in stream order) of style istd. */
static void add_paragraph(struct word *w, uint32_t from, uint32_t to, uint16_t istd)
{
    w->paras[w->n_paras] = from;
    w->para_style[w->n_paras++] = istd;
    w->paras[w->n_paras] = to;
}

/*
 * A page of paragraphs (PapxFkp, MS-DOC 2.9.175) after the runs': their bounds, their
 * BxPaps (13 bytes: a word offset, then a PHE) and their PapxInFkps, each an istd alone
 * (cb 0, then cb' 1) or an istd and a justification (cb 3). Its PlcBtePapx goes to tab.
 */
static void write_paragraphs(struct word *w, struct jk_buf *tab, uint32_t *fc, uint32_t *lcb)
{
    *fc = (uint32_t)tab->len;
    *lcb = 0;
    if (w->n_paras == 0)
        return;
    size_t page = (w->wd.len + 511) / 512 * 512, cpara = w->n_paras;
    cf_zero_to(&w->wd, page + 512);
    for (size_t i = 0; i <= cpara; i++)
        cf_put32(&w->wd, page + 4 * i, w->paras[i]);
    for (size_t i = 0; i < cpara; i++) {
        size_t at = 400 + 8 * i;
        w->wd.data[page + 4 * (cpara + 1) + 13 * i] = (char)(at / 2);
        static const char odd[] = {3, 0, 0, 0x03, 0x24, 0x01};
        if (i & 1)
            memcpy(w->wd.data + page + at, odd, sizeof(odd));
        else
            w->wd.data[page + at + 1] = 1;
        cf_put16(&w->wd, page + at + (i & 1 ? 1 : 2), w->para_style[i]);
    }
    w->wd.data[page + 511] = (char)(w->cpara ? w->cpara : cpara);
    w->para_page = w->para_page ? w->para_page : (uint32_t)(page / 512);
    cf_zero_to(tab, tab->len + 12);
    cf_put32(tab, *fc, w->paras[0]);
    cf_put32(tab, *fc + 4, w->paras[cpara]);
    cf_put32(tab, *fc + 8, w->para_page);
    *lcb = 12;
}

/* The FIB: csw 14, fibRgW, cslw 22, fibRgLw (ccpText fourth), 93 fc/lcb pairs (the STSH: 1,
 * the PlcBteChpx: 12, the PlcBtePapx: 13, the Clx: 33) from pairs. */
static void write_fib(struct word *w, const uint32_t pairs[34][2])
{
    cf_put16(&w->wd, 0, 0xA5EC);
    cf_put16(&w->wd, 2, w->nfib);
    cf_put16(&w->wd, 0x0A, w->flags);
    cf_put16(&w->wd, 0x20, 14);
    cf_put16(&w->wd, 0x3E, 22);
    cf_put32(&w->wd, 0x40, (uint32_t)w->wd.len);
    cf_put32(&w->wd, 0x4C, w->ccp_text ? w->ccp_text : w->cps[w->n]);
    cf_put16(&w->wd, 0x98, 93);
    for (size_t i = 0; i < 34; i++) {
        cf_put32(&w->wd, 0x9A + 8 * i, pairs[i][0]);
        cf_put32(&w->wd, 0x9A + 8 * i + 4, pairs[i][1]);
    }
}

/* The piece table (a property run first, as Word writes) as a table stream, and the file. */
static void finish_word(struct word *w, unsigned shift, struct jk_buf *file)
{
    struct jk_buf tab;
    jk_buf_init(&tab);
    jk_buf_add(&tab, "\x01\x02\x00\xAA\xBB\x02", 6); /* Prc of 2 bytes, then the Pcdt */
    size_t lcb_at = tab.len;
    cf_zero_to(&tab, tab.len + 4);
    for (uint32_t i = 0; i <= w->n; i++) {
        cf_zero_to(&tab, tab.len + 4);
        cf_put32(&tab, tab.len - 4, w->cps[i]);
    }
    for (uint32_t i = 0; i < w->n; i++) {
        cf_zero_to(&tab, tab.len + 8);
        cf_put32(&tab, tab.len - 6, w->fcs[i]);
    }
    cf_put32(&tab, lcb_at, (uint32_t)(tab.len - lcb_at - 4));
    uint32_t pairs[34][2] = {{0}};
    pairs[33][1] = (uint32_t)tab.len;
    write_runs(w, &tab, &pairs[12][0], &pairs[12][1]);
    write_paragraphs(w, &tab, &pairs[13][0], &pairs[13][1]);
    pairs[1][0] = (uint32_t)tab.len;
    pairs[1][1] = w->lcb_stsh ? w->lcb_stsh : (uint32_t)w->stsh.len;
    jk_buf_add(&tab, w->stsh.data, w->stsh.len);
    jk_buf_release(&w->stsh);
    write_fib(w, pairs);
    struct cf_stream s[2] = {{w->table_name, tab}, {w->wd_name, w->wd}};
    cf_build(shift, s, 2, file);
    jk_buf_release(&s[0].data);
    jk_buf_release(&s[1].data);
}

/* The result of reading file after "x", with the text (NUL-terminated) read. */
static enum jk_msdoc_result read_file(const struct jk_buf *file, struct jk_buf *text)
{
    jk_buf_init(text);
    jk_buf_adds(text, "x");
    enum jk_msdoc_result r = jk_msdoc_text(file->data, file->len, text);
    jk_buf_addc(text, '\0');
    text->len--;
    return r;
}

static void expect_text(struct word *w, unsigned shift, const char *want)
{
    struct jk_buf file, text;
    finish_word(w, shift, &file);
    assert_int_equal(read_file(&file, &text), JK_MSDOC_OK);
    if (strcmp(text.data + 1, want) != 0) {
        print_error("got '%s'\nwant '%s'\n", text.data + 1, want);
        fail();
    }
    jk_buf_release(&text);
    jk_buf_release(&file);
}

static void expect_result(struct word *w, enum jk_msdoc_result want)
{
    struct jk_buf file, text;
    finish_word(w, 9, &file);
    assert_int_equal(read_file(&file, &text), want);
    assert_string_equal(text.data, "x"); /* left as it was */
    jk_buf_release(&text);
    jk_buf_release(&file);
}

/* The text of the committed file tests/data/doc/name is want. */
static void expect_file(const char *name, const char *want)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/doc/%s", JK_TEST_DATA, name);
    struct jk_buf file, text;
    jk_buf_init(&file);
    tu_slurp(path, &file);
    assert_int_equal(read_file(&file, &text), JK_MSDOC_OK);
    assert_string_equal(text.data + 1, want);
    jk_buf_release(&text);
    jk_buf_release(&file);
}

/*
 * LibreOffice 7.4's .doc of tests/data/doc/libreoffice-rich.fodt: no page header ("KEPALA
 * HALAMAN"), no footnote ("CATATAN KAKI").
 */
static void test_file_libreoffice_wrote(void **state)
{
    (void)state;
    expect_file(
        "libreoffice-rich.doc",
        "Kerja Sama Pemerintah Daerah\n"
        "Pemerintah daerah menjalin kerja sama luar negeri dengan kota kembar.\n" /* no note */
        "Unicode: \xE1\xB9\xAD"
        "abaqah \xE2\x89\xA5 5 \xE2\x80\x94 \xE2\x80\x9Ckutip\xE2\x80\x9D "
        "\xF0\x9F\x98\x80 \xE4\xB8\xAD\xE6\x96\x87 \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A; "
        "tanda-hubung-tak-putus dan tab\tdi sini.\n"
        "Baris satu\nbaris dua.\n"
        "sel satu\nsel dua\n\nsel tiga\nsel empat\n\n" /* cells, then each row's end */
        "Lihat halaman 1 dan tanggal 11/23/26.\n"      /* fields' results, not their codes */
        "Akhir dokumen.\n");
}

/* Pieces of either kind, fields, cells, breaks, and characters there is nothing to read of. */
static void test_pieces_and_special_characters(void **state)
{
    (void)state;
    struct word w;
    word_init(&w);
    add_bytes(&w, "Kerja sama \x93kota kembar\x94\r"); /* Windows-1252 quotes */
    static const uint16_t u[] = {'P', 0x1EAD, 'm', 0xD83D, 0xDE00, 0xD800, 'x', '\r'}; /* ậ, 😀 */
    add_units(&w, u, 8);
    add_bytes(&w, "sel\x07sel\x07\x07garis\x0b"
                  "baru\x0chalaman\ttab\r");
    add_bytes(&w, "Gambar \x13 SEQ Gambar \\* ARABIC \x14"
                  "1\x15 dan \x13 PAGE \x15.\r");
    add_bytes(&w, "non\x1e"
                  "breaking op\x1ftional\x01\x02\x08 note\r");
    add_bytes(&w, "\x13 outer \x13 inner \x14no\x15 \x14yes\x15\r"); /* nested fields */
    expect_text(&w, 9,
                "Kerja sama \xE2\x80\x9Ckota kembar\xE2\x80\x9D\n"
                "P\xE1\xBA\xADm\xF0\x9F\x98\x80\xEF\xBF\xBDx\n"
                "sel\nsel\n\ngaris\nbaru\nhalaman\ttab\n"
                "Gambar 1 dan .\n"
                "non-breaking optional note\n"
                "yes\n");
}

/*
 * LibreOffice 7.4's .doc of tests/data/doc/libreoffice-tracked.fodt: text that tracked changes
 * deleted is left out, inserted text is kept.
 */
static void test_tracked_changes_libreoffice_wrote(void **state)
{
    (void)state;
    expect_file("libreoffice-tracked.doc", "Pemerintah daerah menyusun kebijakan baru kerja sama.\n"
                                           "Kota kembar berbagi pengalaman. Akhir dokumen.\n");
}

/* The stream offset the next piece's first byte will have. */
static uint32_t next_byte_at(const struct word *w)
{
    return (uint32_t)w->wd.len;
}

/* Deleted runs in both kinds of piece, a deleted field and paragraph mark; the rest kept. */
static void test_deleted_runs(void **state)
{
    (void)state;
    struct word w;
    word_init(&w);
    add_bytes(&w, "Kota ");
    uint32_t at = next_byte_at(&w);
    add_bytes(&w, "lama \x13 PAGE \x14"
                  "3\x15\rbaru ");
    add_marked(&w, at, at + 16); /* "lama ", the field, the paragraph's end */
    static const uint16_t u[] = {'k', 0xD83D, 0xDE00, 'x', 'y', ' ', 'z', '\r'};
    add_units(&w, u, 8);
    at = w.fcs[w.n - 1];
    add_marked(&w, at + 2, at + 8); /* the emoji and "x", in UTF-16 */
    expect_text(&w, 9, "Kota baru ky z\n");
}

/* Hidden runs (sprmCFVanish, on as 1 or 0x81) are left out too; off (0 or 0x80) they are read. */
static void test_hidden_runs(void **state)
{
    (void)state;
    static const uint8_t on[] = {1, 0x81, 0x00, 0x80};
    for (size_t i = 0; i < 4; i++) {
        struct word w;
        word_init(&w);
        add_bytes(&w, "Kota ");
        uint32_t at = next_byte_at(&w);
        add_bytes(&w, "catatan kembar\r");
        add_marked(&w, at, at + 8);
        w.mark = 0x083C;
        w.operand = on[i];
        expect_text(&w, 9, i < 2 ? "Kota kembar\n" : "Kota catatan kembar\n");
    }
    expect_file("libreoffice-hidden.doc", /* LibreOffice 7.4's of libreoffice-hidden.fodt */
                "Pemerintah daerah menyusun kebijakan kerja sama.\nAkhir dokumen.\n");
}

/* Pages of runs that do not hold together are not read: the text is read whole. */
static void test_damaged_runs(void **state)
{
    (void)state;
    struct word w;
    word_init(&w);
    uint32_t at = next_byte_at(&w);
    add_bytes(&w, "lama baru\r");
    add_marked(&w, at, at + 5);
    w.page = 1000; /* a page past the stream's end */
    expect_text(&w, 9, "lama baru\n");
    word_init(&w);
    at = next_byte_at(&w);
    add_bytes(&w, "lama baru\r");
    add_marked(&w, at, at + 5);
    w.crun = 120; /* more runs than a page holds */
    expect_text(&w, 9, "lama baru\n");
}

/* The styles the tests of named styles start with: Normal, a paragraph style that hides
 * text (based on Normal), a character style, and a character style that hides text. */
enum { NORMAL, HINT, PLAIN_CHAR, NOTE_CHAR };

static void add_styles(struct word *w)
{
    add_style(w, 1, 0x0FFF, -1);
    add_style(w, 1, NORMAL, 1);
    add_style(w, 2, 0x0FFF, -1);
    add_style(w, 2, 0x0FFF, 1);
}

/* A paragraph of text s (ending in "\r") in style istd, a piece of its own; its first byte. */
static uint32_t add_para(struct word *w, const char *s, uint16_t istd)
{
    uint32_t at = next_byte_at(w);
    add_bytes(w, s);
    add_paragraph(w, at, next_byte_at(w), istd);
    return at;
}

/* Character properties naming a character style (sprmCIstd), then hidden as operand (-1:
 * not set) */
static void add_styled_run(struct word *w, uint32_t from, uint32_t to, uint16_t istd, int operand)
{
    char props[7] = {0x30, 0x4A, (char)(istd & 0xFF), (char)(istd >> 8), 0x3C, 0x08};
    props[6] = (char)operand;
    add_run(w, from, to, props, operand < 0 ? 4 : 7);
}

/*
 * LibreOffice 7.4's .doc of tests/data/doc/libreoffice-named-hidden.fodt. Its stylesheet has
 * the character style "Catatan" and the paragraph style "Petunjuk", each setting
 * sprmCFVanish in its own character properties; the runs name "Catatan" (sprmCIstd) and the
 * paragraphs "Petunjuk" (their istd) without a hidden mark of their own. The automatic style
 * based on "Petunjuk" becomes "Petunjuk" and bold on the run. As in its .docx, LibreOffice
 * writes "Catatan Anak" without its parent: based on no style, its own properties only
 * italic, so its text ("turunan gaya tersembunyi") shows.
 */
static void test_named_styles_libreoffice_wrote(void **state)
{
    (void)state;
    expect_file("libreoffice-named-hidden.doc",
                "Pemerintah daerah menyusun kebijakan turunan gaya tersembunyi kerja sama.\n"
                "Akhir dokumen.\n");
}

/* A paragraph whose style hides text is left out, its mark too; the others are read. */
static void test_paragraph_style_hides(void **state)
{
    (void)state;
    struct word w;
    word_init(&w);
    add_styles(&w);
    add_para(&w, "Isi utama.\r", NORMAL);
    add_para(&w, "Petunjuk pengisian templat.\r", HINT);
    add_para(&w, "Akhir.\r", NORMAL);
    expect_text(&w, 9, "Isi utama.\nAkhir.\n");
}

/* A run whose character style hides text is left out; one of a style that does not, or that
 * names a paragraph style (a style of the wrong kind), is read. */
static void test_character_style_hides(void **state)
{
    (void)state;
    struct word w;
    word_init(&w);
    add_styles(&w);
    uint32_t at = add_para(&w, "Kota catatan kembar tamu\r", NORMAL);
    add_styled_run(&w, at + 5, at + 13, NOTE_CHAR, -1);   /* "catatan " */
    add_styled_run(&w, at + 13, at + 20, PLAIN_CHAR, -1); /* "kembar " */
    add_styled_run(&w, at + 20, at + 24, HINT, -1);       /* "tamu" */
    expect_text(&w, 9, "Kota kembar tamu\n");
}

/*
 * A style without a hidden mark of its own hides text as its nearest base style with one
 * says (istdBase, any number of steps), or shows it when none has; 0x81 in a style's own
 * properties turns its base's value over, 0x80 keeps it.
 */
static void test_base_styles(void **state)
{
    (void)state;
    struct word w;
    word_init(&w);
    add_styles(&w);
    uint16_t child = add_style(&w, 1, HINT, -1);
    uint16_t grandchild = add_style(&w, 1, child, -1);
    uint16_t shown = add_style(&w, 1, grandchild, 0);
    uint16_t below_shown = add_style(&w, 1, shown, -1);
    uint16_t turned = add_style(&w, 1, HINT, 0x81);
    uint16_t kept = add_style(&w, 1, HINT, 0x80);
    uint16_t turned_twice = add_style(&w, 1, turned, 0x81);
    uint16_t note_child = add_style(&w, 2, NOTE_CHAR, -1);
    add_para(&w, "satu\r", child);
    add_para(&w, "dua\r", grandchild);
    add_para(&w, "tampil tiga\r", shown);
    add_para(&w, "tampil empat\r", below_shown);
    add_para(&w, "tampil lima\r", turned);
    add_para(&w, "enam\r", kept);
    add_para(&w, "tujuh\r", turned_twice);
    uint32_t at = add_para(&w, "tampil delapan sembilan\r", NORMAL);
    add_styled_run(&w, at + 14, at + 23, note_child, -1); /* " sembilan" */
    expect_text(&w, 9, "tampil tiga\ntampil empat\ntampil lima\ntampil delapan\n");
}

/* A loop of base styles ends: a style in it that hides text hides it for the others; a loop
 * where none does, or a style based on itself, shows it. */
static void test_base_style_loop(void **state)
{
    (void)state;
    struct word w;
    word_init(&w);
    add_style(&w, 1, 0x0FFF, -1);
    add_style(&w, 1, 2, -1); /* 1 and 2 are based on each other; 2 hides text */
    add_style(&w, 1, 1, 1);
    add_style(&w, 1, 4, -1); /* 3 and 4: a loop without a setting */
    add_style(&w, 1, 3, -1);
    add_style(&w, 1, 5, -1);   /* 5: based on itself */
    add_style(&w, 1, 3, 0x81); /* 6: turns over what a loop never says */
    add_para(&w, "satu\r", 1);
    add_para(&w, "dua\r", 2);
    add_para(&w, "tampil tiga\r", 3);
    add_para(&w, "tampil empat\r", 4);
    add_para(&w, "tampil lima\r", 5);
    add_para(&w, "tampil enam\r", 6);
    expect_text(&w, 9, "tampil tiga\ntampil empat\ntampil lima\ntampil enam\n");
}

/* vanish is a toggle: a character style that hides text, in a paragraph whose style hides
 * it too, shows it (ECMA-376 17.7.3, as for .docx). */
static void test_styles_toggle(void **state)
{
    (void)state;
    struct word w;
    word_init(&w);
    add_styles(&w);
    uint32_t at = add_para(&w, "Petunjuk catatan tampil akhir\r", HINT);
    add_styled_run(&w, at + 9, at + 24, NOTE_CHAR, -1); /* "catatan tampil " */
    at = add_para(&w, "Isi catatan lanjut\r", NORMAL);
    add_styled_run(&w, at + 4, at + 12, NOTE_CHAR, -1); /* "catatan " */
    expect_text(&w, 9, "catatan tampil Isi lanjut\n");
}

/*
 * A run's own sprmCFVanish wins over the styles: 0 shows, 1 hides; 0x80 is the styles'
 * value (the paragraph style's turned over by the character style's), 0x81 its opposite.
 */
static void test_toggle_operands(void **state)
{
    (void)state;
    struct word w;
    word_init(&w);
    add_styles(&w);
    uint32_t at = add_para(&w, "a0 b1 c80 d81 e\r", HINT);
    add_styled_run(&w, at, at + 3, 0x0FFF, 0);          /* "a0 ": shown */
    add_styled_run(&w, at + 3, at + 6, 0x0FFF, 1);      /* "b1 " */
    add_styled_run(&w, at + 6, at + 10, 0x0FFF, 0x80);  /* "c80 " */
    add_styled_run(&w, at + 10, at + 14, 0x0FFF, 0x81); /* "d81 ": shown */
    at = add_para(&w, "f80 g81 h\r", NORMAL);
    add_styled_run(&w, at, at + 4, 0x0FFF, 0x80);     /* "f80 ": shown */
    add_styled_run(&w, at + 4, at + 8, 0x0FFF, 0x81); /* "g81 " */
    expect_text(&w, 9, "a0 d81 f80 h\n");
    word_init(&w); /* the same under a character style that hides text */
    add_styles(&w);
    at = add_para(&w, "i80 j81 k\r", NORMAL);
    add_styled_run(&w, at, at + 4, NOTE_CHAR, 0x80);     /* "i80 " */
    add_styled_run(&w, at + 4, at + 8, NOTE_CHAR, 0x81); /* "j81 ": shown */
    at = add_para(&w, "l80 m81 n\r", HINT);
    add_styled_run(&w, at, at + 4, NOTE_CHAR, 0x80);     /* "l80 ": shown, toggled */
    add_styled_run(&w, at + 4, at + 8, NOTE_CHAR, 0x81); /* "m81 " */
    expect_text(&w, 9, "j81 k\nl80 ");
}

/* Where add_styles' styles lie in the stylesheet: after the STSHI (20 bytes), each paragraph
 * style's LPStd takes 34 bytes: cbStd, StdfBase (cupx at 6), the name's size at 12, its
 * UPXs' sizes at 20 and 28. */
#define STYLE_AT(istd) (20 + 34 * (size_t)(istd))

static void stshi_too_long(struct word *w)
{
    cf_put16(&w->stsh, 0, 0xFFFF);
}

static void stshi_too_short(struct word *w)
{
    cf_put16(&w->stsh, 0, 2);
}

static void style_missing(struct word *w)
{
    cf_put16(&w->stsh, 2, 5); /* cstd: one more than there are */
}

static void styles_missing_most(struct word *w)
{
    cf_put16(&w->stsh, 2, 0xFFFF); /* more than the stylesheet has room for */
}

static void std_base_too_long(struct word *w)
{
    cf_put16(&w->stsh, 4, 0x7FFF); /* cbSTDBaseInFile */
}

static void std_base_too_short(struct word *w)
{
    cf_put16(&w->stsh, 4, 4);
}

static void std_past_the_end(struct word *w)
{
    cf_put16(&w->stsh, STYLE_AT(NORMAL), 0x7FFF); /* cbStd */
}

static void name_too_long(struct word *w)
{
    cf_put16(&w->stsh, STYLE_AT(HINT) + 12, 0x4000);
}

static void upx_past_the_std(struct word *w)
{
    cf_put16(&w->stsh, STYLE_AT(HINT) + 28, 200);
}

static void more_upxs_than_the_std(struct word *w)
{
    w->stsh.data[STYLE_AT(HINT) + 6] = 0x0F; /* cupx 15 */
}

static void stylesheet_cut_short(struct word *w)
{
    w->stsh.len -= 3;
}

static void stylesheet_past_the_table(struct word *w)
{
    w->lcb_stsh = 100000;
}

static void paragraphs_overfull(struct word *w)
{
    w->cpara = 120;
}

static void paragraphs_page_outside(struct word *w)
{
    w->para_page = 1000;
}

/* The paragraph style that hides "Petunjuk." does not when spoil makes the stylesheet or the
 * paragraph pages lie about sizes: the text is read whole. */
static void expect_read_whole(void (*spoil)(struct word *w))
{
    struct word w;
    word_init(&w);
    add_styles(&w);
    add_para(&w, "Isi.\r", NORMAL);
    add_para(&w, "Petunjuk.\r", HINT);
    if (spoil) {
        spoil(&w);
        expect_text(&w, 9, "Isi.\nPetunjuk.\n");
    } else {
        expect_text(&w, 9, "Isi.\n");
    }
}

static void test_damaged_stylesheet(void **state)
{
    (void)state;
    expect_read_whole(NULL); /* whole, the style hides it */
    expect_read_whole(stshi_too_long);
    expect_read_whole(stshi_too_short);
    expect_read_whole(style_missing);
    expect_read_whole(styles_missing_most);
    expect_read_whole(std_base_too_long);
    expect_read_whole(std_base_too_short);
    expect_read_whole(std_past_the_end);
    expect_read_whole(name_too_long);
    expect_read_whole(upx_past_the_std);
    expect_read_whole(more_upxs_than_the_std);
    expect_read_whole(stylesheet_cut_short);
    expect_read_whole(stylesheet_past_the_table);
    expect_read_whole(paragraphs_overfull);
    expect_read_whole(paragraphs_page_outside);
}

/* Only the main text: footnotes, headers and the like come after ccpText. */
static void test_main_text_only(void **state)
{
    (void)state;
    struct word w;
    word_init(&w);
    add_bytes(&w, "Isi utama.\r");
    add_bytes(&w, "Catatan kaki.\r");
    w.ccp_text = 11;
    expect_text(&w, 9, "Isi utama.\n");
    word_init(&w); /* the end of the main text inside a piece */
    add_bytes(&w, "Isi utama.\rCatatan kaki.\r");
    w.ccp_text = 11;
    expect_text(&w, 12, "Isi utama.\n"); /* and 4096-byte sectors (version 4) */
}

/* Stream names are compared in any case; the 0Table stream when the FIB says so. */
static void test_streams_by_name(void **state)
{
    (void)state;
    struct word w;
    word_init(&w);
    add_bytes(&w, "Halo.\r");
    w.wd_name = "worddocument";
    w.table_name = "0Table";
    w.flags = 0;
    expect_text(&w, 9, "Halo.\n");
}

static void test_files_without_text(void **state)
{
    (void)state;
    struct word w;
    word_init(&w);
    add_bytes(&w, "Rahasia.\r");
    w.flags |= 0x0100; /* fEncrypted */
    expect_result(&w, JK_MSDOC_ENCRYPTED);
    word_init(&w);
    add_bytes(&w, "Word 95.\r");
    w.nfib = 0x68;
    expect_result(&w, JK_MSDOC_OLD_WORD);
    word_init(&w); /* a .docx saved with a password: EncryptionInfo, EncryptedPackage */
    add_bytes(&w, "Halo.\r");
    w.wd_name = "EncryptedPackage";
    expect_result(&w, JK_MSDOC_NOT_WORD);
    struct jk_buf file, text;
    jk_buf_init(&file);
    jk_buf_adds(&file, "PK\x03\x04 a zip, not a compound file");
    assert_int_equal(read_file(&file, &text), JK_MSDOC_NOT_COMPOUND);
    assert_string_equal(text.data, "x");
    assert_false(jk_is_compound_file(file.data, file.len));
    jk_buf_release(&text);
    jk_buf_release(&file);
    for (int r = JK_MSDOC_OK; r <= JK_MSDOC_DAMAGED; r++) {
        assert_non_null(jk_msdoc_problem((enum jk_msdoc_result)r));
        assert_true(strncmp(jk_msdoc_note((enum jk_msdoc_result)r), "skipped: ", 9) == 0);
    }
}

/* A built file, changed by change, then read: damaged, and the text left as it was. */
static void expect_damaged(void (*change)(struct word *w, struct jk_buf *file))
{
    struct word w;
    word_init(&w);
    add_bytes(&w, "Satu dua tiga.\r");
    add_bytes(&w, "Empat lima.\r");
    struct jk_buf file, text;
    finish_word(&w, 9, &file);
    change(&w, &file);
    assert_int_equal(read_file(&file, &text), JK_MSDOC_DAMAGED);
    assert_string_equal(text.data, "x");
    jk_buf_release(&text);
    jk_buf_release(&file);
}

/* Sector n of a built file with 512-byte sectors starts here; the FAT is sector 0. */
#define SECTOR(n) (512 * ((size_t)(n) + 1))

static void cut_in_half(struct word *w, struct jk_buf *file)
{
    (void)w;
    file->len /= 2;
}

static void fat_loops(struct word *w, struct jk_buf *file)
{
    (void)w;
    cf_put32(file, SECTOR(0) + 4 * 1, 1); /* the directory's one sector leads to itself */
}

static void chain_ends_early(struct word *w, struct jk_buf *file)
{
    (void)w;
    cf_put32(file, SECTOR(0) + 4 * 3, CF_END_OF_CHAIN); /* the first stream is 8 sectors long */
}

static void directory_outside(struct word *w, struct jk_buf *file)
{
    (void)w;
    cf_put32(file, 0x30, 100000);
}

static void fat_sector_outside(struct word *w, struct jk_buf *file)
{
    (void)w;
    cf_put32(file, 0x4C, 0x7FFFFFFF);
}

static void bad_sector_size(struct word *w, struct jk_buf *file)
{
    (void)w;
    cf_put16(file, 0x1E, 20);
}

/* The WordDocument stream is the second: sectors 10 to 17 (FAT, directory, 8 of 1Table). */
#define WD(at) (SECTOR(10) + (at))
/* In 1Table (sectors 2 to 9): the Prc, the Pcdt's 0x02 at 5, its 3 positions from 10, pieces. */
#define PCDT     (SECTOR(2) + 5)
#define CP(i)    (SECTOR(2) + 10 + 4 * (i))
#define PIECE(i) (SECTOR(2) + 22 + 8 * (i))

static void more_text_than_bytes(struct word *w, struct jk_buf *file)
{
    (void)w;
    cf_put32(file, WD(0x4C), 1u << 30);
}

static void piece_outside(struct word *w, struct jk_buf *file)
{
    (void)w;
    cf_put32(file, PIECE(1) + 2, 0x40000000 | 0x3FFFFFF0);
}

static void pieces_reversed(struct word *w, struct jk_buf *file)
{
    (void)w;
    cf_put32(file, CP(1), 40); /* the second piece would end before it starts */
}

static void clx_outside(struct word *w, struct jk_buf *file)
{
    (void)w;
    cf_put32(file, WD(0x9A + 8 * 33), 0xFFFFFF00);
}

static void no_pcdt(struct word *w, struct jk_buf *file)
{
    (void)w;
    file->data[PCDT] = 0x03;
}

static void short_fib(struct word *w, struct jk_buf *file)
{
    (void)w;
    cf_put16(file, WD(0x98), 10); /* too few fc/lcb pairs to hold the Clx */
}

static void not_a_fib(struct word *w, struct jk_buf *file)
{
    (void)w;
    cf_put16(file, WD(0), 0x1234);
}

static void test_damaged_files(void **state)
{
    (void)state;
    expect_damaged(cut_in_half);
    expect_damaged(fat_loops);
    expect_damaged(chain_ends_early);
    expect_damaged(directory_outside);
    expect_damaged(fat_sector_outside);
    expect_damaged(bad_sector_size);
    expect_damaged(more_text_than_bytes);
    expect_damaged(piece_outside);
    expect_damaged(pieces_reversed);
    expect_damaged(clx_outside);
    expect_damaged(no_pcdt);
    expect_damaged(short_fib);
    expect_damaged(not_a_fib);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_file_libreoffice_wrote),
        cmocka_unit_test(test_pieces_and_special_characters),
        cmocka_unit_test(test_tracked_changes_libreoffice_wrote),
        cmocka_unit_test(test_deleted_runs),
        cmocka_unit_test(test_hidden_runs),
        cmocka_unit_test(test_damaged_runs),
        cmocka_unit_test(test_named_styles_libreoffice_wrote),
        cmocka_unit_test(test_paragraph_style_hides),
        cmocka_unit_test(test_character_style_hides),
        cmocka_unit_test(test_base_styles),
        cmocka_unit_test(test_base_style_loop),
        cmocka_unit_test(test_styles_toggle),
        cmocka_unit_test(test_toggle_operands),
        cmocka_unit_test(test_damaged_stylesheet),
        cmocka_unit_test(test_main_text_only),
        cmocka_unit_test(test_streams_by_name),
        cmocka_unit_test(test_files_without_text),
        cmocka_unit_test(test_damaged_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
