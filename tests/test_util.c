/* Tests of src/util: SHA-256 vectors, string map, buffer growth, arena, JSON escaping. */
#define _DEFAULT_SOURCE /* mincore */
#include <setjmp.h>
#include <stdarg.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <inttypes.h>
#include <sys/mman.h>
#include <string.h>
#include <time.h>

#include "util/arena.h"
#include "util/ascii.h"
#include "util/buf.h"
#include "util/encoding.h"
#include "util/json.h"
#include "util/mem.h"
#include "util/readahead.h"
#include "util/sha256.h"
#include "util/spool.h"
#include "util/status.h"
#include "util/strmap.h"

#include "testutil.h"

static void sha256_of(const char *s, size_t len, char hex[65])
{
    struct jk_sha256 h;
    jk_sha256_init(&h);
    jk_sha256_update(&h, s, len);
    jk_sha256_final_hex(&h, hex);
}

static void test_sha256_known_vectors(void **state)
{
    (void)state;
    char hex[65];
    sha256_of("", 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha256_of("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_of(two_blocks, strlen(two_blocks), hex);
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_sha256_incremental_equals_whole(void **state)
{
    (void)state;
    char text[1000], whole[65], parts[65];
    for (size_t i = 0; i < sizeof(text); i++)
        text[i] = (char)('a' + i % 26);
    sha256_of(text, sizeof(text), whole);
    struct jk_sha256 h;
    jk_sha256_init(&h);
    for (size_t i = 0; i < sizeof(text); i += 7)
        jk_sha256_update(&h, text + i, i + 7 <= sizeof(text) ? 7 : sizeof(text) - i);
    jk_sha256_final_hex(&h, parts);
    assert_string_equal(whole, parts);
}

/*
 * The processor's SHA extensions and the portable code give the same
 * digests: every length up to five blocks, fed whole and in odd pieces, and
 * the known vectors through the portable code too.
 */
static void test_sha256_extensions_match_portable(void **state)
{
    (void)state;
    unsigned char data[320];
    uint64_t x = 0x9e3779b97f4a7c15u;
    for (size_t i = 0; i < sizeof(data); i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        data[i] = (unsigned char)x;
    }
    for (size_t len = 0; len <= sizeof(data); len++) {
        char fast[65], slow[65], pieces[65];
        jk_sha256_extensions(true);
        sha256_of((const char *)data, len, fast);
        jk_sha256_extensions(false);
        sha256_of((const char *)data, len, slow);
        struct jk_sha256 h;
        jk_sha256_init(&h);
        for (size_t i = 0; i < len; i += 37)
            jk_sha256_update(&h, data + i, i + 37 <= len ? 37 : len - i);
        jk_sha256_final_hex(&h, pieces);
        assert_string_equal(fast, slow);
        assert_string_equal(fast, pieces);
    }
    char hex[65];
    sha256_of("abc", 3, hex); /* still portable here */
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    jk_sha256_extensions(true);
}

static void test_strmap_ids_dense_and_stable(void **state)
{
    (void)state;
    struct jk_strmap m;
    jk_strmap_init(&m);
    char key[32];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof(key), "term-%d", i);
        bool added;
        assert_int_equal(jk_strmap_intern(&m, key, (size_t)n, &added), (uint32_t)i);
        assert_true(added);
    }
    bool added;
    assert_int_equal(jk_strmap_intern(&m, "term-42", 7, &added), 42);
    assert_false(added);
    assert_int_equal(jk_strmap_find(&m, "term-4999", 9), 4999);
    assert_int_equal(jk_strmap_find(&m, "term-5000", 9), JK_NO_ID);
    assert_string_equal(jk_strmap_key(&m, 7), "term-7");
    assert_int_equal(jk_strmap_count(&m), 5000);
    jk_strmap_release(&m);
}

/*
 * jk_bytes_equal answers as memcmp at every length up to 40: equal copies, and a copy
 * with one byte changed at each place (first, last and every byte between), read from
 * unaligned starts; nothing past the length counts.
 */
static void test_bytes_equal_matches_memcmp(void **state)
{
    (void)state;
    unsigned char a[48], b[48];
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (size_t n = 0; n <= 40; n++) {
        for (size_t off = 0; off < 4; off++) {
            for (size_t i = 0; i < sizeof(a); i++) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                a[i] = b[i] = (unsigned char)x;
            }
            b[off + n] ^= 0x5a; /* just past the length: must not matter */
            assert_true(jk_bytes_equal(a + off, b + off, n));
            for (size_t k = 0; k < n; k++) {
                b[off + k] ^= 0x01;
                assert_false(jk_bytes_equal(a + off, b + off, n));
                assert_int_equal(jk_bytes_equal(a + off, b + off, n),
                                 memcmp(a + off, b + off, n) == 0);
                b[off + k] ^= 0x01;
            }
        }
    }
}

/*
 * Huge-page advice is a hint: a table grown past several huge pages keeps
 * every value, aligned tables come zeroed, and odd ranges are refused quietly.
 */
static void test_huge_advice_keeps_tables(void **state)
{
    (void)state;
    uint32_t *table = NULL;
    size_t cap = 0;
    for (uint32_t i = 0; i < (3u << 20); i++) { /* 12 MB at the end, grown 19 times */
        JK_GROW_TABLE(table, (size_t)i + 1, cap);
        table[i] = i * 2654435761u;
    }
    assert_true(cap >= (3u << 20));
    for (uint32_t i = 0; i < (3u << 20); i += 4093)
        assert_int_equal(table[i], i * 2654435761u);
    jk_advise_huge(table + 1, 9 << 20); /* not aligned to anything: still only a hint */
    assert_int_equal(table[1], 2654435761u);
    free(table);
    size_t bytes = (size_t)10 << 20;
    unsigned char *cells = jk_aligned_calloc(64, bytes);
    assert_int_equal((uintptr_t)cells % 64, 0);
    for (size_t i = 0; i < bytes; i += 4096 - 7)
        assert_int_equal(cells[i], 0);
    assert_int_equal(cells[bytes - 1], 0);
    free(cells);
    jk_advise_huge(NULL, (size_t)1 << 30);
    char small[64] = "kept";
    jk_advise_huge(small, sizeof(small));
    assert_string_equal(small, "kept");
}

/* Prefetching keys is a hint: absent and present hashes alike leave every answer as it was. */
static void test_strmap_prefetch_changes_nothing(void **state)
{
    (void)state;
    struct jk_strmap m;
    jk_strmap_init(&m);
    jk_strmap_prefetch_key(&m, 7, false); /* empty map: no slots at all */
    jk_strmap_prefetch_key(&m, 7, true);
    char key[32];
    for (int i = 0; i < 3000; i++) {
        int n = snprintf(key, sizeof(key), "kata%d", i * 7);
        uint32_t h = jk_hash_bytes(key, (size_t)n);
        jk_strmap_prefetch(&m, h);
        jk_strmap_prefetch_key(&m, h, false);
        jk_strmap_prefetch_key(&m, h, true);
        assert_int_equal(jk_strmap_intern_hashed(&m, key, (size_t)n, h, NULL), (uint32_t)i);
        jk_strmap_prefetch_key(&m, h, true);
    }
    assert_int_equal(jk_strmap_find(&m, "kata21", 6), 3);
    assert_int_equal(jk_strmap_count(&m), 3000);
    jk_strmap_release(&m);
}

static void test_buf_grows_and_formats(void **state)
{
    (void)state;
    struct jk_buf b;
    jk_buf_init(&b);
    for (int i = 0; i < 1000; i++)
        jk_buf_addf(&b, "%d,", i);
    assert_int_equal(b.data[b.len], '\0');
    assert_true(strncmp(b.data, "0,1,2,", 6) == 0);
    assert_non_null(strstr(b.data, ",999,"));
    jk_buf_truncate(&b, 2);
    assert_string_equal(b.data, "0,");
    jk_buf_release(&b);
}

/* jk_buf_add_u64 writes what printf's PRIu64 writes, edges included. */
static void test_buf_add_u64_matches_printf(void **state)
{
    (void)state;
    const uint64_t v[] = {0, 1, 9, 10, 99, 100, 4294967295u, 4294967296u, 18446744073709551615u};
    struct jk_buf b, want;
    jk_buf_init(&b);
    jk_buf_init(&want);
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        jk_buf_add_u64(&b, v[i]);
        jk_buf_addc(&b, ',');
        jk_buf_addf(&want, "%" PRIu64 ",", v[i]);
    }
    assert_string_equal(b.data, want.data);
    jk_buf_release(&b);
    jk_buf_release(&want);
}

static void test_arena_strings_survive_growth(void **state)
{
    (void)state;
    struct jk_arena a;
    jk_arena_init(&a);
    char *first = jk_arena_strndup(&a, "pemerintah daerah", 17);
    for (int i = 0; i < 10000; i++)
        jk_arena_strndup(&a, "kerja sama luar negeri", 22);
    char *big = jk_arena_alloc(&a, 200000);
    memset(big, 'x', 200000);
    assert_string_equal(first, "pemerintah daerah");
    jk_arena_release(&a);
}

/* Strings are packed one after another; jk_arena_alloc after them is aligned again. */
static void test_arena_packs_strings(void **state)
{
    (void)state;
    struct jk_arena a;
    jk_arena_init(&a);
    char *p = jk_arena_strndup(&a, "kota", 4);
    char *q = jk_arena_strndup(&a, "kembar", 6);
    assert_ptr_equal(q, p + 5);
    assert_string_equal(p, "kota");
    assert_string_equal(q, "kembar");
    double *d = jk_arena_alloc(&a, sizeof(double));
    assert_int_equal((uintptr_t)d % alignof(max_align_t), 0);
    *d = 1.5;
    char *r = jk_arena_strndup(&a, "x", 1);
    assert_ptr_equal(r, (char *)(d + 1));
    assert_string_equal(q, "kembar");
    jk_arena_release(&a);
}

/* Texts appended to a spool come back by offset, also across its 256 KB writes. */
static void test_spool_reads_back_by_offset(void **state)
{
    (void)state;
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    struct jk_spool sp;
    jk_spool_init(&sp);
    assert_true(jk_spool_open(&sp, dir));
    char *big = malloc(300000);
    for (size_t i = 0; i < 300000; i++)
        big[i] = (char)('a' + i % 26);
    struct jk_spool_span at[3];
    assert_true(jk_spool_append(&sp, "kota kembar", 11, &at[0]));
    assert_true(jk_spool_append(&sp, big, 300000, &at[1]));
    assert_true(sp.buffer.cap < 300000); /* written straight through, not buffered */
    assert_true(jk_spool_append(&sp, "", 0, &at[2]));
    assert_true(jk_spool_flush(&sp));
    assert_int_equal(at[0].at, 0);
    assert_int_equal(at[1].at, 11);
    assert_int_equal(at[2].at, 300011);
    assert_int_equal(at[1].len, 300000);
    struct jk_buf out;
    jk_buf_init(&out);
    assert_true(jk_spool_read(&sp, &at[1], &out));
    assert_memory_equal(out.data, big, 300000);
    assert_true(jk_spool_read(&sp, &at[0], &out));
    assert_string_equal(out.data, "kota kembar");
    assert_true(jk_spool_read(&sp, &at[2], &out));
    assert_string_equal(out.data, "");
    struct jk_spool_span past = {300000, 100, true};
    assert_false(jk_spool_read(&sp, &past, &out)); /* past the end */
    assert_string_equal(out.data, "");
    struct jk_spool_span unspooled = {0, 11, false};
    assert_false(jk_spool_read(&sp, &unspooled, &out));
    jk_spool_release(&sp);
    assert_false(jk_spool_append(&sp, "x", 1, &at[0])); /* closed */
    assert_false(at[0].ok);
    char missing[128];
    snprintf(missing, sizeof(missing), "%s/missing", dir);
    jk_spool_init(&sp);
    assert_false(jk_spool_open(&sp, missing));
    jk_spool_release(&sp);
    jk_buf_release(&out);
    free(big);
    tu_rmtree(dir);
}

static void test_json_string_escapes(void **state)
{
    (void)state;
    struct jk_buf b;
    jk_buf_init(&b);
    jk_json_string(&b, "a\"b\\c\nd\x01 é");
    assert_string_equal(b.data, "\"a\\\"b\\\\c\\nd\\u0001 é\"");
    jk_buf_release(&b);
}

/* A file name's stray byte or lone surrogate cannot make run.json invalid UTF-8. */
static void test_json_string_repairs_utf8(void **state)
{
    (void)state;
    struct jk_buf b;
    jk_buf_init(&b);
    jk_json_string(&b, "a\xff b\xed\xa0\x80 c\xc0\xaf \xe2\x9c\x93\x1b");
    assert_string_equal(b.data, "\"a\xef\xbf\xbd b\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd "
                                "c\xef\xbf\xbd\xef\xbf\xbd \xe2\x9c\x93\\u001b\"");
    jk_buf_release(&b);
}

/*
 * The eight-at-a-time runs end where a byte-by-byte scan ends: every start in random
 * buffers of every byte value (most of them letters and digits, so runs are long),
 * including the ends of the buffer, where fewer than eight bytes remain.
 */
static void test_ascii_runs_match_bytewise(void **state)
{
    (void)state;
    char s[96];
    uint64_t x = 0x853C49E6748FEA9Bu;
    for (int round = 0; round < 3000; round++) {
        size_t n = 1 + (size_t)round % sizeof(s);
        for (size_t i = 0; i < n; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            static const char common[] = "aZz0A9kq";
            s[i] = x % 4 ? common[(x >> 8) % 8] : (char)(x >> 16);
        }
        for (size_t j = 0; j <= n; j++) {
            size_t alpha = j, alnum = j;
            while (alpha < n &&
                   ((s[alpha] >= 'a' && s[alpha] <= 'z') || (s[alpha] >= 'A' && s[alpha] <= 'Z')))
                alpha++;
            while (alnum < n &&
                   ((s[alnum] >= 'a' && s[alnum] <= 'z') || (s[alnum] >= 'A' && s[alnum] <= 'Z') ||
                    (s[alnum] >= '0' && s[alnum] <= '9')))
                alnum++;
            assert_int_equal(jk_ascii_alpha_end(s, n, j), alpha);
            assert_int_equal(jk_ascii_alnum_end(s, n, j), alnum);
        }
    }
}

/* Lower-casing eight at a time copies what a byte loop copies and stops at the same byte;
 * the ASCII span ends there too. */
static void test_ascii_lower_copy_matches_bytewise(void **state)
{
    (void)state;
    char s[80], got[80], want[80];
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (int round = 0; round < 5000; round++) {
        size_t n = (size_t)round % sizeof(s);
        for (size_t i = 0; i < n; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            static const char common[] = "AZaz@[`{ 09Mm";
            s[i] = x % 16 ? common[(x >> 8) % 13] : (char)(x >> 16);
        }
        size_t k = 0;
        for (; k < n && (unsigned char)s[k] < 0x80; k++)
            want[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
        assert_int_equal(jk_ascii_lower_copy(got, s, n), k);
        assert_int_equal(jk_ascii_span(s, n), k);
        assert_memory_equal(got, want, k);
    }
}

/* The files a read-ahead asked for: how many, and the furthest. */
struct asked {
    pthread_mutex_t lock;
    size_t count, furthest;
    char path[64];
};

static const char *asked_path(const void *ctx, size_t i)
{
    struct asked *a = (struct asked *)ctx;
    pthread_mutex_lock(&a->lock);
    a->count++;
    if (i + 1 > a->furthest)
        a->furthest = i + 1;
    pthread_mutex_unlock(&a->lock);
    return a->path; /* a file that is not there: the hint is skipped */
}

static size_t asked_count(struct asked *a)
{
    pthread_mutex_lock(&a->lock);
    size_t n = a->count;
    pthread_mutex_unlock(&a->lock);
    return n;
}

/* Waits up to 5 s for the read-ahead to have asked for want files; the count then. */
static size_t wait_asked(struct asked *a, size_t want)
{
    struct timespec pause = {0, 1000000};
    for (int i = 0; i < 5000 && asked_count(a) < want; i++)
        nanosleep(&pause, NULL);
    return asked_count(a);
}

/* Read-ahead asks for each file once, in a window past the reader, and stops when told. */
static void test_readahead_stays_in_its_window(void **state)
{
    (void)state;
    struct asked a = {.lock = PTHREAD_MUTEX_INITIALIZER, .path = "/nonexistent/jk-readahead"};
    struct jk_readahead r;
    jk_readahead_init(&r, asked_path, &a, 100, 3, 4);
    assert_int_equal(r.n_threads, 3);
    assert_int_equal(wait_asked(&a, 4), 4);
    struct timespec pause = {0, 20000000}; /* and no further while the reader stays at 0 */
    nanosleep(&pause, NULL);
    assert_int_equal(asked_count(&a), 4);
    jk_readahead_reached(&r, 50);
    assert_int_equal(wait_asked(&a, 54), 54);
    jk_readahead_reached(&r, 96); /* the window passes the end: the last file is 99 */
    assert_int_equal(wait_asked(&a, 100), 100);
    jk_readahead_release(&r);
    assert_int_equal(a.count, 100); /* each once */
    assert_int_equal(a.furthest, 100);

    /* released while waiting for the reader: returns, with nothing past the window asked */
    a.count = a.furthest = 0;
    jk_readahead_init(&r, asked_path, &a, 1000, 2, 8);
    jk_readahead_reached(&r, 10);
    jk_readahead_release(&r);
    assert_true(a.furthest <= 18);

    /* a full window sleeps until a quarter of it is free (a thread still awake may take
     * the one file a step of the reader frees), and fills again, never past it */
    a.count = a.furthest = 0;
    jk_readahead_init(&r, asked_path, &a, 1000, 3, 8);
    assert_int_equal(wait_asked(&a, 8), 8);
    jk_readahead_reached(&r, 1);
    nanosleep(&pause, NULL);
    assert_true(asked_count(&a) <= 9);
    jk_readahead_reached(&r, 10);
    assert_int_equal(wait_asked(&a, 18), 18);
    nanosleep(&pause, NULL);
    jk_readahead_release(&r);
    assert_int_equal(a.count, 18);
    assert_int_equal(a.furthest, 18);

    /* no threads: reaching and releasing are harmless */
    jk_readahead_init(&r, asked_path, &a, 1000, 0, 8);
    jk_readahead_reached(&r, 10);
    jk_readahead_release(&r);
    jk_readahead_release(NULL);
}

/* Paths of the files of test_readahead_helps_when_cold. */
struct cold_files {
    char dir[64];
    char path[20][96];
};

static const char *cold_path(const void *ctx, size_t i)
{
    return ((const struct cold_files *)ctx)->path[i];
}

/* Whether the first page of path is in the page cache, asked the way the test can see. */
static bool page_cached(const char *path)
{
    int fd = open(path, O_RDONLY);
    assert_true(fd >= 0);
    void *p = mmap(NULL, 1, PROT_READ, MAP_SHARED, fd, 0);
    assert_true(p != MAP_FAILED);
    unsigned char in = 0;
    assert_int_equal(mincore(p, 1, &in), 0);
    munmap(p, 1);
    close(fd);
    return in & 1;
}

/*
 * Read-ahead is started only where it helps: files just written are in the page cache,
 * missing files do not count, and one file of the sample evicted makes it help.
 */
static void test_readahead_helps_when_cold(void **state)
{
    (void)state;
    struct cold_files f;
    tu_mkdtemp(f.dir, sizeof(f.dir));
    char block[8192];
    memset(block, 'a', sizeof(block));
    for (int i = 0; i < 20; i++) {
        char name[16];
        snprintf(name, sizeof(name), "d%02d.txt", i);
        tu_write(f.dir, name, block, sizeof(block));
        snprintf(f.path[i], sizeof(f.path[i]), "%s/%s", f.dir, name);
    }
    assert_false(jk_readahead_helps(cold_path, &f, 20, 16));
    struct cold_files gone = f;
    strcat(gone.path[0], ".gone");
    assert_false(jk_readahead_helps(cold_path, &gone, 1, 16));
    int fd = open(f.path[19], O_RDONLY); /* the last file is always in the sample */
    assert_true(fd >= 0);
    fdatasync(fd);
    posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    close(fd);
    if (!page_cached(f.path[19])) { /* tmpfs keeps its pages: nothing to test there */
        assert_true(jk_readahead_helps(cold_path, &f, 20, 16));
        assert_false(jk_readahead_helps(cold_path, &f, 19, 16)); /* without it */
        fd = open(f.path[19], O_RDONLY);
        assert_int_equal(read(fd, block, sizeof(block)), (ssize_t)sizeof(block));
        close(fd);
        assert_false(jk_readahead_helps(cold_path, &f, 20, 16));
    }
    for (int i = 0; i < 20; i++)
        unlink(f.path[i]);
    rmdir(f.dir);
}

/* What jk_print_line wrote: the whole of a temporary file. */
static char *printed(const char *prefix, const char *fmt, const char *arg)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    jk_print_line(f, prefix, fmt, arg);
    long n = ftell(f);
    rewind(f);
    char *out = calloc(1, (size_t)n + 1);
    assert_int_equal(fread(out, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    return out;
}

/* A file name with a newline or a terminal escape still gives one plain line. */
/* Code page tables from the C library: ASCII as itself, the letters each page is for. */
static void test_codepage_tables(void **state)
{
    (void)state;
    uint32_t t[256];
    assert_true(jk_codepage_table(1256, t));
    assert_int_equal(t['a'], 'a');
    assert_int_equal(t[0xC7], 0x0627); /* ا */
    assert_int_equal(t[0xE1], 0x0644); /* ل */
    assert_true(jk_codepage_table(1251, t));
    assert_int_equal(t[0xCC], 0x041C); /* М */
    assert_true(jk_codepage_table(1252, t));
    for (unsigned b = 0; b < 256; b++) /* the same as the project's own Windows-1252 table */
        assert_int_equal(t[b], jk_cp1252_code((unsigned char)b));
    assert_true(jk_codepage_table(874, t));
    assert_int_equal(t[0xA1], 0x0E01); /* ก */
    assert_true(jk_codepage_table(10000, t));
    assert_int_equal(t[0x8E], 0x00E9); /* é in Mac Roman */
    t[0] = 7;
    assert_false(jk_codepage_table(99, t)); /* no such code page: the table is untouched */
    assert_int_equal(t[0], 7);
}

static void test_messages_are_one_line(void **state)
{
    (void)state;
    char *out = printed("jaringkata: warning: ", "skipping '%s'", "a\nb\033[2J\tc\x7f.txt");
    assert_string_equal(out, "jaringkata: warning: skipping 'a?b?[2J\tc?.txt'\n");
    free(out);
    char path[3000];
    memset(path, 'x', sizeof(path) - 1);
    path[sizeof(path) - 1] = '\0';
    path[2000] = '\n'; /* past the first buffer: the long message is not cut */
    out = printed("", "%s", path);
    assert_int_equal(strlen(out), sizeof(path));
    assert_int_equal(out[2000], '?');
    assert_int_equal(out[sizeof(path) - 1], '\n');
    free(out);
}

static void test_first_error_wins(void **state)
{
    (void)state;
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_error(&d, JK_E_INPUT, "first %d", 1), JK_E_INPUT);
    jk_error(&d, JK_E_OUTPUT, "second");
    assert_int_equal(d.status, JK_E_INPUT);
    assert_string_equal(d.msg, "first 1");
    assert_int_equal(jk_exit_code(JK_E_USAGE), 2);
    assert_int_equal(jk_exit_code(JK_E_INPUT), 3);
    assert_int_equal(jk_exit_code(JK_E_EMPTY), 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256_known_vectors),
        cmocka_unit_test(test_sha256_incremental_equals_whole),
        cmocka_unit_test(test_sha256_extensions_match_portable),
        cmocka_unit_test(test_strmap_ids_dense_and_stable),
        cmocka_unit_test(test_buf_grows_and_formats),
        cmocka_unit_test(test_buf_add_u64_matches_printf),
        cmocka_unit_test(test_arena_strings_survive_growth),
        cmocka_unit_test(test_arena_packs_strings),
        cmocka_unit_test(test_spool_reads_back_by_offset),
        cmocka_unit_test(test_json_string_escapes),
        cmocka_unit_test(test_json_string_repairs_utf8),
        cmocka_unit_test(test_first_error_wins),
        cmocka_unit_test(test_messages_are_one_line),
        cmocka_unit_test(test_codepage_tables),
        cmocka_unit_test(test_readahead_stays_in_its_window),
        cmocka_unit_test(test_readahead_helps_when_cold),
        cmocka_unit_test(test_ascii_runs_match_bytewise),
        cmocka_unit_test(test_bytes_equal_matches_memcmp),
        cmocka_unit_test(test_strmap_prefetch_changes_nothing),
        cmocka_unit_test(test_huge_advice_keeps_tables),
        cmocka_unit_test(test_ascii_lower_copy_matches_bytewise),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
