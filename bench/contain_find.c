/*
 * How long jk_contain_find (src/nearcopy.h) takes on the samples of many
 * long files: FILES theses of about 40,000 words (1,250 samples at one in
 * 32), each with the same 30 samples of an approval page (boilerplate, left
 * out by the rule on samples in more than JK_CONTAIN_COMMON files), and every
 * tenth file a chapter of the one before it (its first 400 samples). Prints
 * the files found inside others and the seconds the search took.
 *
 * usage: contain_find [FILES]    (default 2000; built by bench/contain.sh)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nearcopy.h"
#include "util/splitmix.h"

enum { SAMPLES = 1250, BOILER = 30, CHAPTER = 400 };

static int by_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Sorts v[0..n) and drops repeats; returns the new length. */
static size_t settle(uint32_t *v, size_t n)
{
    qsort(v, n, sizeof(*v), by_u32);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || v[m - 1] != v[i])
            v[m++] = v[i];
    return m;
}

int main(int argc, char **argv)
{
    size_t files = argc > 1 ? strtoul(argv[1], NULL, 10) : 2000;
    uint64_t seed = 1;
    uint32_t boiler[BOILER], *v = malloc((SAMPLES + BOILER) * sizeof(*v));
    uint32_t *last = malloc(CHAPTER * sizeof(*last));
    for (int i = 0; i < BOILER; i++)
        boiler[i] = (uint32_t)jk_splitmix64(&seed);
    struct jk_contain_index ix;
    jk_contain_index_init(&ix);
    for (uint32_t f = 0; f < files; f++) {
        size_t n = 0;
        if (f % 10 == 9) { /* a chapter of the file before */
            memcpy(v, last, CHAPTER * sizeof(*v));
            n = CHAPTER;
        } else {
            for (; n < SAMPLES; n++)
                v[n] = (uint32_t)jk_splitmix64(&seed);
            memcpy(last, v, CHAPTER * sizeof(*v));
        }
        memcpy(v + n, boiler, sizeof(boiler));
        jk_contain_index_add(&ix, f, v, settle(v, n + BOILER));
    }
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    struct jk_contained *found;
    size_t n = jk_contain_find(&ix, JK_CONTAIN_SHARE, &found);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("| %zu | %zu | %zu | %.3f |\n", files, ix.n_values, n,
           (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9);
    free(found);
    jk_contain_index_release(&ix);
    free(v);
    free(last);
    return 0;
}
