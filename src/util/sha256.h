/*
 * SHA-256 (FIPS 180-4), used to fingerprint input files in run.json so a map
 * can be traced back to the exact bytes it was made from.
 */
#ifndef JK_SHA256_H
#define JK_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct jk_sha256 {
    uint32_t state[8];
    uint64_t bytes;
    unsigned char block[64];
    size_t fill;
};

void jk_sha256_init(struct jk_sha256 *s);
void jk_sha256_update(struct jk_sha256 *s, const void *data, size_t len);
/* Writes the digest as 64 lower-case hex digits and a NUL into hex[65]. */
void jk_sha256_final_hex(struct jk_sha256 *s, char hex[65]);

#endif
