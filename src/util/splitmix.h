/*
 * splitmix64 (Steele, Lea and Flood 2014, "Fast splittable pseudorandom
 * number generators"): a 64-bit state advanced by a fixed odd constant and
 * mixed on output. Small, fast and the same on every platform, so seeded
 * runs give the same numbers everywhere. The layout's random starts, the
 * clustering's per-start seeds and the compact Leiden draw from it.
 */
#ifndef JK_SPLITMIX_H
#define JK_SPLITMIX_H

#include <stdint.h>

/* What each output adds to the state. */
#define JK_SPLITMIX64_GAMMA UINT64_C(0x9e3779b97f4a7c15)

/* The output mix: every bit of z reaches every bit of the result (also a hash finaliser). */
static inline uint64_t jk_splitmix64_mix(uint64_t z)
{
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* The next output; advances *state. */
static inline uint64_t jk_splitmix64(uint64_t *state)
{
    return jk_splitmix64_mix(*state += JK_SPLITMIX64_GAMMA);
}

/* Uniform in [0, 1): the next output's top 53 bits. */
static inline double jk_splitmix64_unit(uint64_t *state)
{
    return (double)(jk_splitmix64(state) >> 11) * 0x1p-53;
}

#endif
