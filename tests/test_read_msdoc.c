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

/* A Word document being built: its text pieces, then its FIB and piece table (finish_word). */
struct word {
    struct jk_buf wd;                 /* the WordDocument stream: FIB, then the pieces' bytes */
    uint32_t cps[16], fcs[16], n;     /* each piece's first character and where it lies */
    uint32_t ccp_text, flags, nfib;   /* 0: every character is main text; the FIB's flags */
    const char *wd_name, *table_name; /* the streams' names */
    uint32_t runs[8], n_runs;         /* runs' bounds in wd: [0]..[1] deleted, [1]..[2] kept... */
    uint32_t page;                    /* the page of runs' number, written by finish_word */
    uint8_t crun;                     /* 0: the number of runs; else a false one */
    uint16_t mark;   /* the cut runs' property: 0 is sprmCFRMarkDel (deleted), with operand 1 */
    uint8_t operand; /* mark's operand */
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

/*
 * A page of character runs (ChpxFkp) at the end of the WordDocument stream:
 * the runs' bounds, each run's properties' place (0: none), and properties
 * that mark a run deleted after two others: bold (1 byte) and a
 * variable-length one. Its PlcBteChpx goes to tab; *fc, *lcb say where.
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
    for (size_t i = 0; i < crun; i += 2)
        w->wd.data[page + 4 * w->n_runs + i] = (char)(400 / 2); /* the word offset of byte 400 */
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

/* The FIB: csw 14, fibRgW, cslw 22, fibRgLw (ccpText fourth), 93 fc/lcb pairs (the Clx: 33,
 * the PlcBteChpx: 12). */
static void write_fib(struct word *w, uint32_t clx_len, uint32_t fc_bte, uint32_t lcb_bte)
{
    cf_put16(&w->wd, 0, 0xA5EC);
    cf_put16(&w->wd, 2, w->nfib);
    cf_put16(&w->wd, 0x0A, w->flags);
    cf_put16(&w->wd, 0x20, 14);
    cf_put16(&w->wd, 0x3E, 22);
    cf_put32(&w->wd, 0x40, (uint32_t)w->wd.len);
    cf_put32(&w->wd, 0x4C, w->ccp_text ? w->ccp_text : w->cps[w->n]);
    cf_put16(&w->wd, 0x98, 93);
    cf_put32(&w->wd, 0x9A + 8 * 33, 0);
    cf_put32(&w->wd, 0x9A + 8 * 33 + 4, clx_len);
    cf_put32(&w->wd, 0x9A + 8 * 12, fc_bte);
    cf_put32(&w->wd, 0x9A + 8 * 12 + 4, lcb_bte);
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
    uint32_t clx_len = (uint32_t)tab.len, fc_bte, lcb_bte;
    write_runs(w, &tab, &fc_bte, &lcb_bte);
    write_fib(w, clx_len, fc_bte, lcb_bte);
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
        cmocka_unit_test(test_main_text_only),
        cmocka_unit_test(test_streams_by_name),
        cmocka_unit_test(test_files_without_text),
        cmocka_unit_test(test_damaged_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
