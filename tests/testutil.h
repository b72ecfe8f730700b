/* Small helpers shared by the test files: temporary folders and files. */
#ifndef JK_TESTUTIL_H
#define JK_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"

/* Creates a fresh temporary folder; returns its path (static storage per call site buffer). */
static inline void tu_mkdtemp(char *buf, size_t n)
{
    snprintf(buf, n, "/tmp/jk-test-XXXXXX");
    if (!mkdtemp(buf))
        abort();
}

/* Writes len bytes to dir/name (creating one level of sub-folder if name has a '/'). */
static inline void tu_write(const char *dir, const char *name, const void *data, size_t len)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    char *slash = strrchr(path, '/');
    if (slash && slash > path + strlen(dir)) {
        *slash = '\0';
        mkdir(path, 0777);
        *slash = '/';
    }
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    fwrite(data, 1, len, f);
    fclose(f);
}

static inline void tu_write_str(const char *dir, const char *name, const char *text)
{
    tu_write(dir, name, text, strlen(text));
}

/* Appends the whole file at path to b (aborts when it cannot be opened). */
static inline void tu_slurp(const char *path, struct jk_buf *b)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        abort();
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
        jk_buf_add(b, chunk, got);
    fclose(f);
}

/* Removes a folder tree made by the tests. */
static inline void tu_rmtree(const char *dir)
{
    char cmd[4200];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
}

#endif
