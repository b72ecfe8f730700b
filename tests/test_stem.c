/*
 * Tests of src/stem and src/stem_cmd: every rule of the Stemming section of
 * docs/indonesian-text.md on a small fixture dictionary, the project lists
 * and their errors, affix licences, the stem command, and a few checks on the
 * real hunspell-id dictionary (skipped when it is not installed).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>

#include "stem.h"
#include "stem_cmd.h"
#include "testutil.h"

/* A hunspell-like dictionary: count line, flags, a name, a hyphenated lemma,
 * trailing spaces and one Latin-1 word. Roots such as "ata", "bija", "lar",
 * "mak" and "kal" exist so that the rules that must skip them are tested. */
static const char fixture_dic[] =
    "67\n"
    "ambil/M0\nkata/M0k0\nkena/M0i0\nselesai\nnyata\npukul\nmakan\nmak\nbangun\ntulis\n"
    "nilai\ndapat\ncari\njadi\nguna\nhadap\ncat\nkembang\nalam\npimpin\ndidik\ntani\nkerja\n"
    "laku\njalan\nasal\najar\natur\npercaya\ndagang\nekonomi\nrumah\nbijak\nbija\ndua\n"
    "bagai\nbaik\nbuku\napa\nbaca\nkami\nlaksana\ndatang\nlari\nlar\nkal\nkali\ntahu\n"
    "tiru\nmedia\ndinas\ndesa\nteknologi\nBermuda\nparu-paru\nbolak-balik\ntindak\n"
    "teliti\nperintah\ntingkat\nbelajar  \nperhati\nhati\nsebut\nfasilitas\n"
    "caf\xe9\nsatu\n";

struct fixture {
    char dir[64];
    struct jk_stemmer s;
};

static int setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof(*fx));
    tu_mkdtemp(fx->dir, sizeof(fx->dir));
    tu_write_str(fx->dir, "id.dic", fixture_dic);
    char path[128];
    snprintf(path, sizeof(path), "%s/id.dic", fx->dir);
    jk_stemmer_init(&fx->s);
    struct jk_diag d;
    jk_diag_init(&d);
    if (jk_stemmer_load(&fx->s, path, NULL, NULL, &d) != JK_OK) {
        fprintf(stderr, "%s\n", d.msg);
        return -1;
    }
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fx = *state;
    jk_stemmer_release(&fx->s);
    tu_rmtree(fx->dir);
    free(fx);
    return 0;
}

/* Checks the root of word and, if want_how is not NULL, the description. */
static void check(const struct jk_stemmer *s, const char *word, const char *want,
                  const char *want_how)
{
    struct jk_buf root, how;
    jk_buf_init(&root);
    jk_buf_init(&how);
    jk_stem(s, word, strlen(word), &root, &how);
    if (strcmp(root.data, want) || (want_how && strcmp(how.data, want_how))) {
        print_error("%s: got %s (%s), want %s (%s)\n", word, root.data, how.data, want,
                    want_how ? want_how : "any");
        jk_buf_release(&root);
        jk_buf_release(&how);
        fail();
    }
    jk_buf_release(&root);
    jk_buf_release(&how);
}

/* One word, its root and the description (NULL: any). */
struct stem_case {
    const char *word, *root, *how;
};

static void check_all(const struct jk_stemmer *s, const struct stem_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++)
        check(s, cases[i].word, cases[i].root, cases[i].how);
}

#define CHECK_ALL(s, cases) check_all(s, cases, sizeof(cases) / sizeof(cases[0]))

static const struct jk_stemmer *fixture(void **state)
{
    return &((struct fixture *)*state)->s;
}

static void test_dictionary_loader_cleans_entries(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    assert_true(jk_stemmer_has_root(s, "ambil", 5));       /* flags stripped */
    assert_true(jk_stemmer_has_root(s, "bermuda", 7));     /* name lower-cased */
    assert_false(jk_stemmer_has_root(s, "Bermuda", 7));    /* only lower case */
    assert_true(jk_stemmer_has_root(s, "paru-paru", 9));   /* hyphenated lemma kept */
    assert_true(jk_stemmer_has_root(s, "belajar", 7));     /* trailing spaces gone */
    assert_true(jk_stemmer_has_root(s, "caf\xc3\xa9", 5)); /* Latin-1 read as Latin-1 */
    assert_false(jk_stemmer_has_root(s, "67", 2));         /* the count line */
    assert_int_equal(jk_stemmer_root_count(s), 67);
}

static void test_dictionary_words_and_short_words_stay(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    /* roots that look prefixed: never over-stem a dictionary word */
    static const struct stem_case cases[] = {
        {"media", "media", "dictionary"},
        {"dinas", "dinas", "dictionary"},
        {"desa", "desa", "dictionary"},
        {"teknologi", "teknologi", "dictionary"},
        {"bermuda", "bermuda", "dictionary"},
        {"belajar", "belajar", "dictionary"},
        {"ini", "ini", "unchanged: 3 letters or fewer"},
        {"dia", "dia", "unchanged: 3 letters or fewer"},
        {"paradiplomasi", "paradiplomasi", "unchanged: no root found"},
        {"", "", NULL},
    };
    CHECK_ALL(s, cases);
}

static void test_me_prefix_sound_changes(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    static const struct stem_case cases[] = {
        {"mengambil", "ambil", "prefix meng-"},                  /* meng+vowel */
        {"mengatakan", "kata", "suffix -kan, prefix meng- (k)"}, /* meng+k-root */
        {"mengenai", "kena", "suffix -i, prefix meng- (k)"},
        {"menggunakan", "guna", "suffix -kan, prefix meng-"},          /* meng+g */
        {"menghadapi", "hadap", "suffix -i, prefix meng-"},            /* meng+h */
        {"mengecat", "cat", "prefix menge-"},                          /* menge+C */
        {"menyelesaikan", "selesai", "suffix -kan, prefix meny- (s)"}, /* meny+s-root */
        {"menyatakan", "nyata", "suffix -kan, prefix me-"},            /* me+ny-root */
        {"memukul", "pukul", "prefix mem- (p)"},                       /* mem+p-root */
        {"memakan", "makan", "prefix me-"},                            /* mem+m-root */
        {"membangun", "bangun", "prefix mem-"},                        /* mem+b */
        {"memfasilitasi", "fasilitas", "suffix -i, prefix mem-"},      /* mem+f */
        {"menulis", "tulis", "prefix men- (t)"},                       /* men+t-root */
        {"menilai", "nilai", "prefix me-"},                            /* men+n-root */
        {"mendapat", "dapat", "prefix men-"},                          /* men+d */
        {"mencari", "cari", "prefix men-"},                            /* men+c */
        {"menjadi", "jadi", "prefix men-"},                            /* men+j */
        {"melakukan", "laku", "suffix -kan, prefix me-"},              /* me+l */
    };
    CHECK_ALL(s, cases);
}

static void test_pe_ber_ter_prefixes(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    static const struct stem_case cases[] = {
        {"pengembangan", "kembang", "suffix -an, prefix peng- (k)"},
        {"pengalaman", "alam", "suffix -an, prefix peng-"},
        {"penggunaan", "guna", "suffix -an, prefix peng-"},
        {"penyelesaian", "selesai", "suffix -an, prefix peny- (s)"},
        {"pembangunan", "bangun", "suffix -an, prefix pem-"},
        {"pemimpin", "pimpin", "prefix pem- (p)"},
        {"pemerintah", "perintah", "prefix pem- (p)"}, /* not perin + particle -tah */
        {"penulis", "tulis", "prefix pen- (t)"},
        {"penelitian", "teliti", "suffix -an, prefix pen- (t)"},
        {"pencarian", "cari", "suffix -an, prefix pen-"},
        {"petani", "tani", "prefix pe-"},
        {"pekerja", "kerja", "prefix pe-"},
        {"pelaku", "laku", "prefix pe-"},
        {"berjalan", "jalan", "prefix ber-"},
        {"berasal", "asal", "prefix ber-"},
        {"bekerja", "kerja", "prefix be-"},
        {"terdapat", "dapat", "prefix ter-"},
        {"teratur", "atur", "prefix ter-"},
        {"tepercaya", "percaya", "prefix te-"},
        {"perdagangan", "dagang", "suffix -an, prefix per-"},
        {"perekonomian", "ekonomi", "suffix -an, prefix per-"},
        {"perumahan", "rumah", "suffix -an, prefix pe-"},
    };
    CHECK_ALL(s, cases);
}

static void test_belajar_and_pelajar_give_ajar(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    /* "belajar" is a dictionary word here, as in hunspell-id; its forms are not */
    static const struct stem_case cases[] = {
        {"pelajar", "ajar", "prefix pel-"},
        {"pelajaran", "ajar", "suffix -an, prefix pel-"},
        {"mempelajari", "ajar", "suffix -i, prefix mem-, prefix pel-"},
        {"pembelajaran", "belajar", "suffix -an, prefix pem-"},
    };
    CHECK_ALL(s, cases);
}

static void test_plain_and_stacked_prefixes(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    static const struct stem_case cases[] = {
        {"dibangun", "bangun", "prefix di-"},
        {"dilaksanakan", "laksana", "suffix -kan, prefix di-"},
        {"meningkatkan", "tingkat", "suffix -kan, prefix men- (t)"},
        {"kedua", "dua", "prefix ke-"},
        {"sebagai", "bagai", "prefix se-"},
        {"memperbaiki", "baik", "suffix -i, prefix mem-, prefix per-"}, /* memper- */
        {"mempersatukan", "satu", "suffix -kan, prefix mem-, prefix per-"},
        {"diperbaiki", "baik", "suffix -i, prefix di-, prefix per-"},   /* diper- */
        {"dipertanyakan", "dipertanyakan", "unchanged: no root found"}, /* tanya absent */
    };
    CHECK_ALL(s, cases);
}

static void test_suffixes_particles_possessives(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    static const struct stem_case cases[] = {
        {"bacalah", "baca", "particle -lah"},
        {"apakah", "apa", "particle -kah"},
        {"apatah", "apa", "particle -tah"},
        {"kamipun", "kami", "particle -pun"},
        {"bukunya", "buku", "possessive -nya"},
        {"bukuku", "buku", "possessive -ku"},
        {"bukumu", "buku", "possessive -mu"},
        {"laksanakan", "laksana", "suffix -kan"},
        {"bangunan", "bangun", "suffix -an"},
        {"datangi", "datang", "suffix -i"},
        {"dibangunlah", "bangun", "particle -lah, prefix di-"},
        {"kebijakannya", "bijak", "possessive -nya, suffix -an (root ends in k), prefix ke-"},
    };
    CHECK_ALL(s, cases);
}

static void test_kan_first_tries_a_root_ending_in_k(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    static const struct stem_case cases[] = {
        {"pendidikan", "didik", "suffix -an (root ends in k), prefix pen-"},
        {"tindakan", "tindak", "suffix -an (root ends in k)"},
        /* "bija" is a root too, but ke-...-kan is not allowed */
        {"kebijakan", "bijak", "suffix -an (root ends in k), prefix ke-"},
    };
    CHECK_ALL(s, cases);
}

static void test_disallowed_prefix_suffix_pairs(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    static const struct stem_case cases[] = {
        {"berlari", "lari", "prefix ber-"},                         /* not be-lar-i */
        {"dimakan", "makan", "prefix di-"},                         /* not di-mak-an */
        {"memakan", "makan", "prefix me-"},                         /* not me-mak-an */
        {"sekali", "kali", "prefix se-"},                           /* not se-kal-i */
        {"kebijakan", "bijak", NULL},                               /* not ke-bija-kan */
        {"diketahui", "tahu", "suffix -i, prefix di-, prefix ke-"}, /* ketahui is allowed */
        {"ketahui", "tahu", "suffix -i, prefix ke-"},
        {"sekalikan", "sekalikan", "unchanged: no root found"},   /* not se-kali-kan */
        {"kebaiki", "kebaiki", "unchanged: no root found"},       /* not ke-baik-i */
        {"terdapatan", "terdapatan", "unchanged: no root found"}, /* not ter-dapat-an */
    };
    CHECK_ALL(s, cases);
}

static void test_reduplication(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    static const struct stem_case cases[] = {
        {"buku-buku", "buku", "reduplication"},
        {"meniru-nirukan", "tiru", "reduplication"},
        {"bolak-balik", "bolak-balik", "dictionary"},
        {"bolak-baliknya", "bolak-balik", "possessive -nya"},
        {"paru-parunya", "paru-paru", "possessive -nya"}, /* lexical X-X */
        {"jakarta-beijing", "jakarta-beijing", "unchanged: no root found"},
        {"tolong-menolong", "tolong-menolong", NULL}, /* tolong absent: unknown halves */
        {"kata-katanya", "kata", "reduplication"},
    };
    CHECK_ALL(s, cases);
}

/* Loads fixture_dic with the given extra-roots and exceptions lists (bytes) into s. */
static void load_with_lists(struct jk_stemmer *s, const char *extra_bytes, size_t extra_len,
                            const char *exc_bytes, size_t exc_len)
{
    char dir[64], dic[128], extra[128], exc[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "id.dic", fixture_dic);
    tu_write(dir, "extra.txt", extra_bytes, extra_len);
    tu_write(dir, "exc.txt", exc_bytes, exc_len);
    snprintf(dic, sizeof(dic), "%s/id.dic", dir);
    snprintf(extra, sizeof(extra), "%s/extra.txt", dir);
    snprintf(exc, sizeof(exc), "%s/exc.txt", dir);
    jk_stemmer_init(s);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_stemmer_load(s, dic, extra, exc, &d), JK_OK);
    tu_rmtree(dir);
}

static void test_project_lists_and_exceptions_override(void **state)
{
    (void)state;
    static const char extra[] = "# extra roots\n\nKerjasama\nnusa   # Nusa Tenggara\n";
    static const char exc[] =
        "# exceptions\nbelajar\tajar\nperhati\thati # bound stem\nMedia\tmedium\n";
    struct jk_stemmer s;
    load_with_lists(&s, extra, sizeof(extra) - 1, exc, sizeof(exc) - 1);
    static const struct stem_case cases[] = {
        {"kerjasama", "kerjasama", "dictionary"},
        {"bekerjasama", "kerjasama", "prefix be-"},
        {"belajar", "ajar", "exception"}, /* over the dictionary */
        {"media", "medium", "exception"}, /* lower-cased on load */
        {"pembelajaran", "ajar", "suffix -an, prefix pem-, exception belajar -> ajar"},
        {"perhatian", "hati", "suffix -an, exception perhati -> hati"},
        {"perhatiannya", "hati", NULL},
    };
    CHECK_ALL(&s, cases);
    jk_stemmer_release(&s);
}

/* Project lists saved by Windows editors (byte order mark, CRLF, UTF-16) load like UTF-8 ones. */
static void test_lists_from_windows_editors(void **state)
{
    (void)state;
    static const char extra[] = "\xef\xbb\xbfKerjasama\r\nnusa\r\n";
    static const char exc[] = "\xff\xfe"
                              "b\0e\0l\0a\0j\0a\0r\0\t\0a\0j\0a\0r\0\r\0\n\0";
    struct jk_stemmer s;
    load_with_lists(&s, extra, sizeof(extra) - 1, exc, sizeof(exc) - 1);
    assert_true(jk_stemmer_has_root(&s, "kerjasama", 9)); /* not "\ufeffkerjasama" */
    assert_true(jk_stemmer_has_root(&s, "nusa", 4));
    static const struct stem_case cases[] = {
        {"bekerjasama", "kerjasama", "prefix be-"},
        {"belajar", "ajar", "exception"}, /* from the UTF-16 list */
    };
    CHECK_ALL(&s, cases);
    jk_stemmer_release(&s);
}

static void expect_list_error(const char *name, const char *text, bool exceptions,
                              const char *where)
{
    char dir[64], dic[128], list[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "id.dic", fixture_dic);
    tu_write_str(dir, name, text);
    snprintf(dic, sizeof(dic), "%s/id.dic", dir);
    snprintf(list, sizeof(list), "%s/%s", dir, name);
    struct jk_stemmer s;
    jk_stemmer_init(&s);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(
        jk_stemmer_load(&s, dic, exceptions ? NULL : list, exceptions ? list : NULL, &d),
        JK_E_INPUT);
    if (!strstr(d.msg, where)) {
        print_error("message '%s' does not name %s\n", d.msg, where);
        fail();
    }
    assert_false(s.dictionary_missing);
    jk_stemmer_release(&s);
    tu_rmtree(dir);
}

static void test_malformed_lists_name_file_and_line(void **state)
{
    (void)state;
    expect_list_error("roots.txt", "# roots\nkerjasama\nkerja sama\n", false, "roots.txt:3:");
    expect_list_error("roots.txt", "n\xc3\xbcsa\nda\xffn\n", false, "roots.txt:2: not valid UTF-8");
    expect_list_error("roots.txt", "caf\xe9\nda\x81n\n", false, /* Windows-1252 from line 1 */
                      "roots.txt:2: byte 3 of the line is neither UTF-8 nor Windows-1252");
    expect_list_error("exc.txt", "belajar\tajar\nperhati hati\n", true, "exc.txt:2: expected");
    expect_list_error("exc.txt", "# c\n\nbelajar\t\n", true, "exc.txt:3:");
    expect_list_error("exc.txt", "a\tb c\n", true, "exc.txt:1:");
    expect_list_error("exc.txt", "a\tb\tc\n", true, "exc.txt:1:");
    /* old Mac line ends (a lone CR): one line, not one root "kerjasama\rnusa" */
    expect_list_error("roots.txt", "kerjasama\rnusa\r", false,
                      "roots.txt:1: 'kerjasama nusa' is more than one word");
    expect_list_error("exc.txt", "belajar\tajar\rmedia\tmedium\r", true, "exc.txt:1: expected");
}

static void test_missing_files(void **state)
{
    (void)state;
    struct jk_stemmer s;
    jk_stemmer_init(&s);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_stemmer_load(&s, "/nonexistent/id_ID.dic", NULL, NULL, &d), JK_E_INPUT);
    assert_true(s.dictionary_missing);
    assert_string_equal(d.msg, "hunspell-id's dictionary /nonexistent/id_ID.dic is missing; "
                               "install hunspell-id; running without stemming");
    jk_stemmer_release(&s);
    jk_stemmer_release(NULL);

    char dir[64], dic[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "id.dic", fixture_dic);
    snprintf(dic, sizeof(dic), "%s/id.dic", dir);
    jk_stemmer_init(&s);
    jk_diag_init(&d);
    assert_int_equal(jk_stemmer_load(&s, dic, "/nonexistent/roots.txt", NULL, &d), JK_E_INPUT);
    assert_false(s.dictionary_missing);
    assert_non_null(strstr(d.msg, "/nonexistent/roots.txt"));
    jk_stemmer_release(&s);

    /* a folder given as the dictionary: the reason, and what to give instead */
    jk_stemmer_init(&s);
    jk_diag_init(&d);
    assert_int_equal(jk_stemmer_load(&s, dir, NULL, NULL, &d), JK_E_INPUT);
    assert_false(s.dictionary_missing);
    assert_non_null(
        strstr(d.msg, "Is a directory; give hunspell-id's id_ID.dic with --dictionary"));
    jk_stemmer_release(&s);
    tu_rmtree(dir);
}

/* Loads data[0..len) as the root dictionary (and list, a roots list, if not NULL): the status,
 * and the message in msg. */
static enum jk_status load_bytes(const char *data, size_t len, const char *list, size_t list_len,
                                 char *msg, size_t msg_size)
{
    char dir[64], dic[128], roots[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write(dir, "id.dic", data, len);
    snprintf(dic, sizeof(dic), "%s/id.dic", dir);
    snprintf(roots, sizeof(roots), "%s/roots.txt", dir);
    if (list)
        tu_write(dir, "roots.txt", list, list_len);
    struct jk_stemmer s;
    jk_stemmer_init(&s);
    struct jk_diag d;
    jk_diag_init(&d);
    enum jk_status st = jk_stemmer_load(&s, dic, list ? roots : NULL, NULL, &d);
    assert_true(st == JK_OK || strncmp(d.msg, dir, strlen(dir)) == 0); /* names the file */
    snprintf(msg, msg_size, "%s", st == JK_OK ? "" : d.msg + strlen(dir) + 1);
    assert_false(s.dictionary_missing); /* not the warning of a missing dictionary */
    jk_stemmer_release(&s);
    tu_rmtree(dir);
    return st;
}

/*
 * A file given with --dictionary that is not a word list (a PDF, a zip, an
 * empty file) is an error naming it, not a dictionary of garbage roots.
 */
static void test_not_a_dictionary(void **state)
{
    (void)state;
    char msg[512];
    static const char binary[] = "%PDF-1.4\n1 0 obj\n\0\0\x89stream\n";
    assert_int_equal(load_bytes(binary, sizeof(binary) - 1, NULL, 0, msg, sizeof(msg)), JK_E_INPUT);
    assert_string_equal(msg, "id.dic:3: the line holds a NUL byte, so it is not a hunspell "
                             "dictionary (text, one word[/FLAGS] a line); give hunspell-id's "
                             "id_ID.dic with --dictionary, or --no-stem");
    assert_int_equal(load_bytes("", 0, NULL, 0, msg, sizeof(msg)), JK_E_INPUT);
    assert_string_equal(msg, "id.dic: it holds no word, so it is not a hunspell dictionary (text, "
                             "one word[/FLAGS] a line); give hunspell-id's id_ID.dic with "
                             "--dictionary, or --no-stem");
    assert_int_equal(load_bytes("12\n\n  \n", 7, NULL, 0, msg, sizeof(msg)), JK_E_INPUT);
    assert_non_null(strstr(msg, "holds no word"));
    /* one word is a dictionary; a roots list with a NUL byte names its line */
    assert_int_equal(load_bytes("1\nkata\n", 7, NULL, 0, msg, sizeof(msg)), JK_OK);
    assert_int_equal(load_bytes("1\nkata\n", 7, "nusa\nda\0n\n", 10, msg, sizeof(msg)), JK_E_INPUT);
    assert_string_equal(
        msg, "roots.txt:2: the line holds a NUL byte (UTF-16?); save the file as UTF-8 text");
}

/* Loads the dictionary dic_text (with the .aff file aff beside it, unless NULL) into s. */
static void load_with_affixes(struct jk_stemmer *s, const char *aff, const char *dic_text)
{
    char dir[64], dic[128];
    tu_mkdtemp(dir, sizeof(dir));
    if (aff)
        tu_write_str(dir, "id.aff", aff);
    tu_write_str(dir, "id.dic", dic_text);
    snprintf(dic, sizeof(dic), "%s/id.dic", dir);
    jk_stemmer_init(s);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_stemmer_load(s, dic, NULL, NULL, &d), JK_OK);
    tu_rmtree(dir);
}

static void test_affix_licences_choose_between_readings(void **state)
{
    (void)state;
    /* meta and peta are both roots; only peta's flags allow me-...-kan; upa
     * and rupa are both roots, only rupa takes ber-; petan takes no -i. */
    struct jk_stemmer s;
    load_with_affixes(&s,
                      "SET ISO8859-1\nFLAG long\n"
                      "PFX M0 Y 2\nPFX M0 0 mem [bfv]\nPFX M0 p mem p\n"
                      "PFX M1 Y 1\nPFX M1 p mem/A1 p\n"
                      "SFX Mk Y 1\nSFX Mk 0 kan/M1A1 .\n"
                      "PFX B0 Y 1\nPFX B0 0 ber [^r]\n"
                      "PFX PE Y 1\nPFX PE 0 pe .\n",
                      "6\nmeta\npeta/Mk\nupa\nrupa/B0\npetan\ntani/PE\n");
    static const struct stem_case licensed[] = {
        {"memetakan", "peta", "suffix -kan, prefix mem- (p)"},
        {"berupa", "rupa", "prefix be-"},
        {"petani", "tani", "prefix pe-"},
    };
    CHECK_ALL(&s, licensed);
    jk_stemmer_release(&s);

    /* without the .aff, the rule order decides */
    load_with_affixes(&s, NULL, "6\nmeta\npeta/Mk\nupa\nrupa/B0\npetan\ntani/PE\n");
    static const struct stem_case by_rule_order[] = {
        {"memetakan", "meta", "suffix -kan, prefix me-"},
        {"berupa", "upa", "prefix ber-"},
        {"petani", "petan", "suffix -i"},
    };
    CHECK_ALL(&s, by_rule_order);
    jk_stemmer_release(&s);
}

/* One word and the verb form jk_stem_verb should give it. */
struct verb_case {
    const char *word;
    enum jk_verb_form want;
};

static void check_verbs(const struct jk_stemmer *s, const struct verb_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        enum jk_verb_form got = jk_stem_verb(s, cases[i].word, strlen(cases[i].word));
        if (got != cases[i].want) {
            print_error("%s: verb form %d, want %d\n", cases[i].word, (int)got, (int)cases[i].want);
            fail();
        }
    }
}

/* meN- and di- forms are verbs; roots that only look prefixed, nominalisations and ber-/ter-
 * forms are not. */
static void test_verb_forms(void **state)
{
    static const struct verb_case cases[] = {
        {"dijadikan", JK_VERB_PASSIVE},
        {"dibaca", JK_VERB_PASSIVE},
        {"digunakan", JK_VERB_PASSIVE},
        {"dicari", JK_VERB_PASSIVE},
        {"menulis", JK_VERB_ACTIVE},
        {"membaca", JK_VERB_ACTIVE},
        {"mengambil", JK_VERB_ACTIVE},
        {"mencari", JK_VERB_ACTIVE},
        {"memperhatikan", JK_VERB_ACTIVE}, /* memper-: the outermost prefix is me- */
        {"media", JK_NOT_VERB},            /* dictionary words */
        {"dinas", JK_NOT_VERB},
        {"didik", JK_NOT_VERB},
        {"pembangunan", JK_NOT_VERB}, /* pe-...-an */
        {"bekerja", JK_NOT_VERB},     /* ber- */
        {"menxyz", JK_NOT_VERB},      /* no root */
        {"dixyzkan", JK_NOT_VERB},
        {"dia", JK_NOT_VERB}, /* too short */
        {"", JK_NOT_VERB},
    };
    check_verbs(fixture(state), cases, sizeof(cases) / sizeof(*cases));
}

/* An exception's word is a verb by its own letters, as the project's "memadukan" (me-madu-kan
 * to the rules, root padu by the exception). */
static void test_verb_forms_of_exceptions(void **state)
{
    (void)state;
    static const char extra[] = "padu\nmadu\n";
    static const char exc[] = "memadukan\tpadu\ndibacakan\tbaca\n";
    struct jk_stemmer s;
    load_with_lists(&s, extra, sizeof(extra) - 1, exc, sizeof(exc) - 1);
    static const struct verb_case cases[] = {
        {"memadukan", JK_VERB_ACTIVE},
        {"dibacakan", JK_VERB_PASSIVE},
    };
    check_verbs(&s, cases, sizeof(cases) / sizeof(*cases));
    jk_stemmer_release(&s);
}

/*
 * Where the .aff says which prefixes a root takes, a bare reading it does not
 * allow is no verb ("digital divide" is not di-vide); one with -kan or -i is.
 */
static void test_verb_forms_with_licences(void **state)
{
    (void)state;
    struct jk_stemmer s;
    load_with_affixes(&s,
                      "SET ISO8859-1\nFLAG long\n"
                      "PFX D0 Y 1\nPFX D0 0 di .\nPFX B0 Y 1\nPFX B0 0 ber [^r]\n",
                      "3\nvide/B0\nbaca/D0\nmerapi\n");
    static const struct verb_case cases[] = {
        {"dibaca", JK_VERB_PASSIVE},    /* baca takes di- */
        {"divide", JK_NOT_VERB},        /* vide takes ber- only */
        {"dividekan", JK_VERB_PASSIVE}, /* but di-...-kan is a verb whatever the flags say */
        {"merapi", JK_NOT_VERB},        /* a root (Gunung Merapi), not me-rapi */
    };
    check_verbs(&s, cases, sizeof(cases) / sizeof(*cases));
    jk_stemmer_release(&s);
}

struct worker {
    const struct jk_stemmer *s;
    int wrong;
};

static void *stem_many(void *arg)
{
    struct worker *w = arg;
    static const char *const words[][2] = {{"mengatakan", "kata"},     {"pembangunan", "bangun"},
                                           {"buku-buku", "buku"},      {"kebijakan", "bijak"},
                                           {"meniru-nirukan", "tiru"}, {"media", "media"}};
    struct jk_buf root, how;
    jk_buf_init(&root);
    jk_buf_init(&how);
    for (int round = 0; round < 200; round++)
        for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
            jk_stem(w->s, words[i][0], strlen(words[i][0]), &root, &how);
            w->wrong += strcmp(root.data, words[i][1]) != 0;
        }
    jk_buf_release(&root);
    jk_buf_release(&how);
    return NULL;
}

static void test_concurrent_calls_share_a_stemmer(void **state)
{
    struct worker w[4];
    pthread_t t[4];
    for (int i = 0; i < 4; i++) {
        w[i] = (struct worker){fixture(state), 0};
        assert_int_equal(pthread_create(&t[i], NULL, stem_many, &w[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(w[i].wrong, 0);
    }
}

/* ---- the stem command --------------------------------------------------- */

/* Runs jk_cmd_stem with the fixture dictionary; returns its output in out. */
static enum jk_status run_cmd(void **state, const char *lists_dir, char **args, int n,
                              const char *input, struct jk_buf *out, struct jk_diag *d)
{
    struct fixture *fx = *state;
    char dic[128];
    snprintf(dic, sizeof(dic), "%s/id.dic", fx->dir);
    char *argv[16] = {"stem", "--dictionary", dic};
    int argc = 3;
    for (int i = 0; i < n; i++)
        argv[argc++] = args[i];
    FILE *in = *input ? fmemopen((void *)input, strlen(input), "r") : fopen("/dev/null", "r");
    FILE *o = tmpfile();
    assert_non_null(in);
    assert_non_null(o);
    jk_diag_init(d);
    enum jk_status st = jk_cmd_stem(lists_dir, argc, argv, in, o, d);
    rewind(o);
    char chunk[512];
    size_t got;
    jk_buf_clear(out);
    while ((got = fread(chunk, 1, sizeof(chunk), o)) > 0)
        jk_buf_add(out, chunk, got);
    fclose(in);
    fclose(o);
    return st;
}

static void test_cmd_stems_argv_words(void **state)
{
    struct jk_buf out;
    jk_buf_init(&out);
    struct jk_diag d;
    char *words[] = {"Mengatakan", "buku-buku", "media"};
    assert_int_equal(run_cmd(state, NULL, words, 3, "ignored\n", &out, &d), JK_OK);
    assert_string_equal(out.data, "mengatakan\tkata\tsuffix -kan, prefix meng- (k)\n"
                                  "buku-buku\tbuku\treduplication\n"
                                  "media\tmedia\tdictionary\n");
    jk_buf_release(&out);
}

static void test_cmd_reads_stdin_trimmed_and_lower_cased(void **state)
{
    struct jk_buf out;
    jk_buf_init(&out);
    struct jk_diag d;
    assert_int_equal(run_cmd(state, NULL, NULL, 0, "  PEMBANGUNAN \r\n\n\t\nkedua", &out, &d),
                     JK_OK);
    assert_string_equal(out.data, "pembangunan\tbangun\tsuffix -an, prefix pem-\n"
                                  "kedua\tdua\tprefix ke-\n");
    /* a word list saved with a byte order mark (Windows editors) */
    assert_int_equal(run_cmd(state, NULL, NULL, 0,
                             "\xef\xbb\xbf"
                             "kedua\r\n",
                             &out, &d),
                     JK_OK);
    assert_string_equal(out.data, "kedua\tdua\tprefix ke-\n");
    assert_int_equal(run_cmd(state, NULL, NULL, 0, "baik\nda\xffn\n", &out, &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "standard input:2"));
    jk_buf_release(&out);
}

static void test_cmd_uses_the_project_lists(void **state)
{
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, JK_STEM_EXTRA_ROOTS, "kerjasama\n");
    tu_write_str(dir, JK_STEM_EXCEPTIONS, "belajar\tajar\n");
    struct jk_buf out;
    jk_buf_init(&out);
    struct jk_diag d;
    char *words[] = {"bekerjasama", "belajar"};
    assert_int_equal(run_cmd(state, dir, words, 2, "", &out, &d), JK_OK);
    assert_string_equal(out.data, "bekerjasama\tkerjasama\tprefix be-\n"
                                  "belajar\tajar\texception\n");
    tu_write_str(dir, JK_STEM_EXCEPTIONS, "belajar ajar\n");
    assert_int_equal(run_cmd(state, dir, words, 2, "", &out, &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, JK_STEM_EXCEPTIONS ":1:"));
    jk_buf_release(&out);
    tu_rmtree(dir);
}

static void test_cmd_options_and_errors(void **state)
{
    struct jk_buf out;
    jk_buf_init(&out);
    struct jk_diag d;
    char *unknown[] = {"--frobnicate", "kata"};
    assert_int_equal(run_cmd(state, NULL, unknown, 2, "", &out, &d), JK_E_USAGE);
    assert_non_null(strstr(d.msg, "--frobnicate"));
    char *help[] = {"--help"};
    assert_int_equal(run_cmd(state, NULL, help, 1, "", &out, &d), JK_OK);
    assert_non_null(strstr(out.data, "Usage: jaringkata stem"));
    char *dashes[] = {"--", "-kan"};
    assert_int_equal(run_cmd(state, NULL, dashes, 2, "", &out, &d), JK_OK);
    assert_string_equal(out.data, "-kan\t-kan\tunchanged: no root found\n");

    char *missing[] = {"--dictionary=/nonexistent/id_ID.dic", "kata"};
    assert_int_equal(run_cmd(state, NULL, missing, 2, "", &out, &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "/nonexistent/id_ID.dic is missing; install hunspell-id"));
    char *no_value[] = {"--dictionary"};
    assert_int_equal(run_cmd(state, NULL, no_value, 1, "", &out, &d), JK_E_USAGE);
    assert_non_null(strstr(d.msg, "needs a FILE"));
    jk_buf_release(&out);
}

/* ---- the real dictionary -------------------------------------------------- */

static void test_real_hunspell_id(void **state)
{
    (void)state;
    if (access(JK_HUNSPELL_ID_DIC, R_OK) != 0)
        skip();
    char lists[4200];
    snprintf(lists, sizeof(lists), "%s/stopwords", JK_SOURCE_DIR);
    char extra[4300], exc[4300];
    snprintf(extra, sizeof(extra), "%s/%s", lists, JK_STEM_EXTRA_ROOTS);
    snprintf(exc, sizeof(exc), "%s/%s", lists, JK_STEM_EXCEPTIONS);
    struct jk_stemmer s;
    jk_stemmer_init(&s);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_stemmer_load(&s, JK_HUNSPELL_ID_DIC, extra, exc, &d), JK_OK);
    assert_true(jk_stemmer_root_count(&s) > 30000);
    static const char *const words[][2] = {
        {"mengatakan", "kata"},
        {"kebijakan", "bijak"},
        {"pembangunan", "bangun"},
        {"dilaksanakan", "laksana"},
        {"meningkatkan", "tingkat"},
        {"perekonomian", "ekonomi"},
        {"pemerintah", "perintah"},
        {"penelitian", "teliti"},
        {"memetakan", "peta"},
        {"petani", "tani"},
        {"berupa", "rupa"},
        {"mengalami", "alam"},
        {"mengetahui", "tahu"},
        {"pembelajaran", "ajar"},
        {"keterkaitan", "kait"},
        {"bekerjasama", "kerjasama"},
        {"media", "media"},
        {"dinas", "dinas"},
        {"desa", "desa"},
        {"teknologi", "teknologi"},
        {"bermuda", "bermuda"},
        {"paru-paru", "paru-paru"},
        {"buku-buku", "buku"},
        {"meniru-nirukan", "tiru"},
        {"bolak-balik", "bolak-balik"},
        {"kediri", "kediri"},
        {"penarikan", "tarik"},
    };
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        check(&s, words[i][0], words[i][1], NULL);
    jk_stemmer_release(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dictionary_loader_cleans_entries),
        cmocka_unit_test(test_dictionary_words_and_short_words_stay),
        cmocka_unit_test(test_me_prefix_sound_changes),
        cmocka_unit_test(test_pe_ber_ter_prefixes),
        cmocka_unit_test(test_belajar_and_pelajar_give_ajar),
        cmocka_unit_test(test_plain_and_stacked_prefixes),
        cmocka_unit_test(test_suffixes_particles_possessives),
        cmocka_unit_test(test_kan_first_tries_a_root_ending_in_k),
        cmocka_unit_test(test_disallowed_prefix_suffix_pairs),
        cmocka_unit_test(test_reduplication),
        cmocka_unit_test(test_project_lists_and_exceptions_override),
        cmocka_unit_test(test_lists_from_windows_editors),
        cmocka_unit_test(test_malformed_lists_name_file_and_line),
        cmocka_unit_test(test_missing_files),
        cmocka_unit_test(test_not_a_dictionary),
        cmocka_unit_test(test_affix_licences_choose_between_readings),
        cmocka_unit_test(test_verb_forms),
        cmocka_unit_test(test_verb_forms_with_licences),
        cmocka_unit_test(test_verb_forms_of_exceptions),
        cmocka_unit_test(test_concurrent_calls_share_a_stemmer),
        cmocka_unit_test(test_cmd_stems_argv_words),
        cmocka_unit_test(test_cmd_reads_stdin_trimmed_and_lower_cased),
        cmocka_unit_test(test_cmd_uses_the_project_lists),
        cmocka_unit_test(test_cmd_options_and_errors),
        cmocka_unit_test(test_real_hunspell_id),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
