/*
 * SHA-256 (FIPS 180-4), used to fingerprint input files in run.json so a map
 * can be traced back to the exact bytes it was made from.
 */
#ifndef JK_SHA256_H
#define JK_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct jk_sha256 {
    uint32_t state[8];
    uint64_t bytes;
    unsigned char block[64];
    size_t fill;
};

void jk_sha256_init(struct jk_sha256 *s);
/*
 * Whole blocks go through the processor's SHA extensions when it has them
 * (x86: SHA-NI), else through portable C; the digests are the same. For
 * tests: false forces the portable code, true goes back to detecting;
 * returns whether the extensions are now used. Not to be called while
 * another thread hashes.
 */
bool jk_sha256_extensions(bool use);
void jk_sha256_update(struct jk_sha256 *s, const void *data, size_t len);
/* Writes the digest as 64 lower-case hex digits and a NUL into hex[65]. */
void jk_sha256_final_hex(struct jk_sha256 *s, char hex[65]);

#endif
