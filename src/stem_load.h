/*
 * Internal to the stemmer (stem.c, stem_load.c), not part of its API
 * (stem.h): the prefix classes the rules use and the licence bits the loader
 * records in jk_stemmer.licences for each hunspell root.
 */
#ifndef JK_STEM_LOAD_H
#define JK_STEM_LOAD_H

/*
 * Prefix classes: a word takes each at most once (per- counts apart from pe-:
 * pe-per-oleh-an); they also name the disallowed prefix-suffix pairs.
 * A root's licence holds the prefix classes its hunspell flags allow and the
 * derivational suffixes (L_KAN, L_AN, L_I). L_KNOWN marks a hunspell root
 * whose flags were read (one without flags takes no affix); 0 means unknown.
 */
enum {
    P_DI = 1u << 0,
    P_KE = 1u << 1,
    P_SE = 1u << 2,
    P_ME = 1u << 3,
    P_PE = 1u << 4,
    P_BE = 1u << 5,
    P_TE = 1u << 6,
    P_PER = 1u << 7,
    L_KAN = 1u << 8,
    L_AN = 1u << 9,
    L_I = 1u << 10,
    L_KNOWN = 1u << 15,
};

#endif
