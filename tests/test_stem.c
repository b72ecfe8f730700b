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
    check(s, "media", "media", "dictionary");
    check(s, "dinas", "dinas", "dictionary");
    check(s, "desa", "desa", "dictionary");
    check(s, "teknologi", "teknologi", "dictionary");
    check(s, "bermuda", "bermuda", "dictionary");
    check(s, "belajar", "belajar", "dictionary");
    check(s, "ini", "ini", "unchanged: 3 letters or fewer");
    check(s, "dia", "dia", "unchanged: 3 letters or fewer");
    check(s, "paradiplomasi", "paradiplomasi", "unchanged: no root found");
    check(s, "", "", NULL);
}

static void test_me_prefix_sound_changes(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    check(s, "mengambil", "ambil", "prefix meng-");                  /* meng+vowel */
    check(s, "mengatakan", "kata", "suffix -kan, prefix meng- (k)"); /* meng+k-root */
    check(s, "mengenai", "kena", "suffix -i, prefix meng- (k)");
    check(s, "menggunakan", "guna", "suffix -kan, prefix meng-");          /* meng+g */
    check(s, "menghadapi", "hadap", "suffix -i, prefix meng-");            /* meng+h */
    check(s, "mengecat", "cat", "prefix menge-");                          /* menge+C */
    check(s, "menyelesaikan", "selesai", "suffix -kan, prefix meny- (s)"); /* meny+s-root */
    check(s, "menyatakan", "nyata", "suffix -kan, prefix me-");            /* me+ny-root */
    check(s, "memukul", "pukul", "prefix mem- (p)");                       /* mem+p-root */
    check(s, "memakan", "makan", "prefix me-");                            /* mem+m-root */
    check(s, "membangun", "bangun", "prefix mem-");                        /* mem+b */
    check(s, "memfasilitasi", "fasilitas", "suffix -i, prefix mem-");      /* mem+f */
    check(s, "menulis", "tulis", "prefix men- (t)");                       /* men+t-root */
    check(s, "menilai", "nilai", "prefix me-");                            /* men+n-root */
    check(s, "mendapat", "dapat", "prefix men-");                          /* men+d */
    check(s, "mencari", "cari", "prefix men-");                            /* men+c */
    check(s, "menjadi", "jadi", "prefix men-");                            /* men+j */
    check(s, "melakukan", "laku", "suffix -kan, prefix me-");              /* me+l */
}

static void test_pe_ber_ter_prefixes(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    check(s, "pengembangan", "kembang", "suffix -an, prefix peng- (k)");
    check(s, "pengalaman", "alam", "suffix -an, prefix peng-");
    check(s, "penggunaan", "guna", "suffix -an, prefix peng-");
    check(s, "penyelesaian", "selesai", "suffix -an, prefix peny- (s)");
    check(s, "pembangunan", "bangun", "suffix -an, prefix pem-");
    check(s, "pemimpin", "pimpin", "prefix pem- (p)");
    check(s, "pemerintah", "perintah", "prefix pem- (p)"); /* not perin + particle -tah */
    check(s, "penulis", "tulis", "prefix pen- (t)");
    check(s, "penelitian", "teliti", "suffix -an, prefix pen- (t)");
    check(s, "pencarian", "cari", "suffix -an, prefix pen-");
    check(s, "petani", "tani", "prefix pe-");
    check(s, "pekerja", "kerja", "prefix pe-");
    check(s, "pelaku", "laku", "prefix pe-");
    check(s, "berjalan", "jalan", "prefix ber-");
    check(s, "berasal", "asal", "prefix ber-");
    check(s, "bekerja", "kerja", "prefix be-");
    check(s, "terdapat", "dapat", "prefix ter-");
    check(s, "teratur", "atur", "prefix ter-");
    check(s, "tepercaya", "percaya", "prefix te-");
    check(s, "perdagangan", "dagang", "suffix -an, prefix per-");
    check(s, "perekonomian", "ekonomi", "suffix -an, prefix per-");
    check(s, "perumahan", "rumah", "suffix -an, prefix pe-");
}

static void test_belajar_and_pelajar_give_ajar(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    /* "belajar" is a dictionary word here, as in hunspell-id; its forms are not */
    check(s, "pelajar", "ajar", "prefix pel-");
    check(s, "pelajaran", "ajar", "suffix -an, prefix pel-");
    check(s, "mempelajari", "ajar", "suffix -i, prefix mem-, prefix pel-");
    check(s, "pembelajaran", "belajar", "suffix -an, prefix pem-");
}

static void test_plain_and_stacked_prefixes(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    check(s, "dibangun", "bangun", "prefix di-");
    check(s, "dilaksanakan", "laksana", "suffix -kan, prefix di-");
    check(s, "meningkatkan", "tingkat", "suffix -kan, prefix men- (t)");
    check(s, "kedua", "dua", "prefix ke-");
    check(s, "sebagai", "bagai", "prefix se-");
    check(s, "memperbaiki", "baik", "suffix -i, prefix mem-, prefix per-"); /* memper- */
    check(s, "mempersatukan", "satu", "suffix -kan, prefix mem-, prefix per-");
    check(s, "diperbaiki", "baik", "suffix -i, prefix di-, prefix per-");   /* diper- */
    check(s, "dipertanyakan", "dipertanyakan", "unchanged: no root found"); /* tanya absent */
}

static void test_suffixes_particles_possessives(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    check(s, "bacalah", "baca", "particle -lah");
    check(s, "apakah", "apa", "particle -kah");
    check(s, "apatah", "apa", "particle -tah");
    check(s, "kamipun", "kami", "particle -pun");
    check(s, "bukunya", "buku", "possessive -nya");
    check(s, "bukuku", "buku", "possessive -ku");
    check(s, "bukumu", "buku", "possessive -mu");
    check(s, "laksanakan", "laksana", "suffix -kan");
    check(s, "bangunan", "bangun", "suffix -an");
    check(s, "datangi", "datang", "suffix -i");
    check(s, "dibangunlah", "bangun", "particle -lah, prefix di-");
    check(s, "kebijakannya", "bijak", "possessive -nya, suffix -an (root ends in k), prefix ke-");
}

static void test_kan_first_tries_a_root_ending_in_k(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    check(s, "pendidikan", "didik", "suffix -an (root ends in k), prefix pen-");
    check(s, "tindakan", "tindak", "suffix -an (root ends in k)");
    /* "bija" is a root too, but ke-...-kan is not allowed */
    check(s, "kebijakan", "bijak", "suffix -an (root ends in k), prefix ke-");
}

static void test_disallowed_prefix_suffix_pairs(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    check(s, "berlari", "lari", "prefix ber-");                         /* not be-lar-i */
    check(s, "dimakan", "makan", "prefix di-");                         /* not di-mak-an */
    check(s, "memakan", "makan", "prefix me-");                         /* not me-mak-an */
    check(s, "sekali", "kali", "prefix se-");                           /* not se-kal-i */
    check(s, "kebijakan", "bijak", NULL);                               /* not ke-bija-kan */
    check(s, "diketahui", "tahu", "suffix -i, prefix di-, prefix ke-"); /* ketahui is allowed */
    check(s, "ketahui", "tahu", "suffix -i, prefix ke-");
    check(s, "sekalikan", "sekalikan", "unchanged: no root found");   /* not se-kali-kan */
    check(s, "kebaiki", "kebaiki", "unchanged: no root found");       /* not ke-baik-i */
    check(s, "terdapatan", "terdapatan", "unchanged: no root found"); /* not ter-dapat-an */
}

static void test_reduplication(void **state)
{
    const struct jk_stemmer *s = fixture(state);
    check(s, "buku-buku", "buku", "reduplication");
    check(s, "meniru-nirukan", "tiru", "reduplication");
    check(s, "bolak-balik", "bolak-balik", "dictionary");
    check(s, "bolak-baliknya", "bolak-balik", "possessive -nya");
    check(s, "paru-parunya", "paru-paru", "possessive -nya"); /* lexical X-X */
    check(s, "jakarta-beijing", "jakarta-beijing", "unchanged: no root found");
    check(s, "tolong-menolong", "tolong-menolong", NULL); /* tolong absent: unknown halves */
    check(s, "kata-katanya", "kata", "reduplication");
}

static void test_project_lists_and_exceptions_override(void **state)
{
    (void)state;
    char dir[64], dic[128], extra[128], exc[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "id.dic", fixture_dic);
    tu_write_str(dir, "extra.txt", "# extra roots\n\nKerjasama\nnusa   # Nusa Tenggara\n");
    tu_write_str(dir, "exc.txt",
                 "# exceptions\nbelajar\tajar\nperhati\thati # bound stem\nMedia\tmedium\n");
    snprintf(dic, sizeof(dic), "%s/id.dic", dir);
    snprintf(extra, sizeof(extra), "%s/extra.txt", dir);
    snprintf(exc, sizeof(exc), "%s/exc.txt", dir);
    struct jk_stemmer s;
    jk_stemmer_init(&s);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_stemmer_load(&s, dic, extra, exc, &d), JK_OK);
    check(&s, "kerjasama", "kerjasama", "dictionary");
    check(&s, "bekerjasama", "kerjasama", "prefix be-");
    check(&s, "belajar", "ajar", "exception"); /* over the dictionary */
    check(&s, "media", "medium", "exception"); /* lower-cased on load */
    check(&s, "pembelajaran", "ajar", "suffix -an, prefix pem-, exception belajar -> ajar");
    check(&s, "perhatian", "hati", "suffix -an, exception perhati -> hati");
    check(&s, "perhatiannya", "hati", NULL);
    jk_stemmer_release(&s);
    tu_rmtree(dir);
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
    expect_list_error("roots.txt", "nusa\nda\xffn\n", false, "roots.txt:2: not valid UTF-8");
    expect_list_error("exc.txt", "belajar\tajar\nperhati hati\n", true, "exc.txt:2: expected");
    expect_list_error("exc.txt", "# c\n\nbelajar\t\n", true, "exc.txt:3:");
    expect_list_error("exc.txt", "a\tb c\n", true, "exc.txt:1:");
    expect_list_error("exc.txt", "a\tb\tc\n", true, "exc.txt:1:");
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
    tu_rmtree(dir);
}

static void test_affix_licences_choose_between_readings(void **state)
{
    (void)state;
    /* meta and peta are both roots; only peta's flags allow me-...-kan; upa
     * and rupa are both roots, only rupa takes ber-; petan takes no -i. */
    char dir[64], dic[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "id.aff",
                 "SET ISO8859-1\nFLAG long\n"
                 "PFX M0 Y 2\nPFX M0 0 mem [bfv]\nPFX M0 p mem p\n"
                 "PFX M1 Y 1\nPFX M1 p mem/A1 p\n"
                 "SFX Mk Y 1\nSFX Mk 0 kan/M1A1 .\n"
                 "PFX B0 Y 1\nPFX B0 0 ber [^r]\n"
                 "PFX PE Y 1\nPFX PE 0 pe .\n");
    tu_write_str(dir, "id.dic", "6\nmeta\npeta/Mk\nupa\nrupa/B0\npetan\ntani/PE\n");
    snprintf(dic, sizeof(dic), "%s/id.dic", dir);
    struct jk_stemmer s;
    jk_stemmer_init(&s);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_stemmer_load(&s, dic, NULL, NULL, &d), JK_OK);
    check(&s, "memetakan", "peta", "suffix -kan, prefix mem- (p)");
    check(&s, "berupa", "rupa", "prefix be-");
    check(&s, "petani", "tani", "prefix pe-");
    jk_stemmer_release(&s);

    /* without the .aff, the rule order decides */
    remove(dic);
    tu_write_str(dir, "other.dic", "6\nmeta\npeta/Mk\nupa\nrupa/B0\npetan\ntani/PE\n");
    snprintf(dic, sizeof(dic), "%s/other.dic", dir);
    jk_stemmer_init(&s);
    assert_int_equal(jk_stemmer_load(&s, dic, NULL, NULL, &d), JK_OK);
    check(&s, "memetakan", "meta", "suffix -kan, prefix me-");
    check(&s, "berupa", "upa", "prefix ber-");
    check(&s, "petani", "petan", "suffix -i");
    jk_stemmer_release(&s);
    tu_rmtree(dir);
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
        cmocka_unit_test(test_malformed_lists_name_file_and_line),
        cmocka_unit_test(test_missing_files),
        cmocka_unit_test(test_affix_licences_choose_between_readings),
        cmocka_unit_test(test_concurrent_calls_share_a_stemmer),
        cmocka_unit_test(test_cmd_stems_argv_words),
        cmocka_unit_test(test_cmd_reads_stdin_trimmed_and_lower_cased),
        cmocka_unit_test(test_cmd_uses_the_project_lists),
        cmocka_unit_test(test_cmd_options_and_errors),
        cmocka_unit_test(test_real_hunspell_id),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
