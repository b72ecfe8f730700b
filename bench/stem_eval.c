/*
 * Accuracy of the stemmer (src/stem.h) on `word<TAB>root` files.
 * Built and run by bench/stem_accuracy.sh against a build's libjkcore.a.
 *
 * usage: stem_eval DICTIONARY LISTS_DIR FILE...
 * LISTS_DIR holds the project lists (roots-extra-id.txt, stem-exceptions-id.txt);
 * "-" runs the rules and the dictionary alone. Each FILE holds "word<TAB>root" lines ('#'
 * comments). For each file prints the share of words whose root is right, then every wrong one as
 * "word<TAB>expected<TAB>got<TAB>how". Words that are themselves in the root
 * dictionary (homographs of a derived form, such as "beruang") stay unchanged
 * by design; their share is printed apart. Exit status 0, or 2 on bad input.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stem.h"
#include "util/buf.h"

struct tally {
    unsigned long words, right, in_dictionary, right_in_dictionary;
};

static int eval_file(const struct jk_stemmer *s, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return 2;
    }
    struct jk_buf root, how, errors;
    jk_buf_init(&root);
    jk_buf_init(&how);
    jk_buf_init(&errors);
    struct tally t = {0};
    char *line = NULL;
    size_t cap = 0;
    unsigned long lineno = 0;
    int rc = 0;
    while (getline(&line, &cap, f) != -1) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab || !tab[1]) {
            fprintf(stderr, "%s:%lu: expected 'word<TAB>root'\n", path, lineno);
            rc = 2;
            break;
        }
        *tab = '\0';
        const char *word = line, *gold = tab + 1;
        jk_stem(s, word, strlen(word), &root, &how);
        bool right = !strcmp(root.data, gold);
        bool in_dic = jk_stemmer_has_root(s, word, strlen(word));
        t.words++;
        t.right += right;
        t.in_dictionary += in_dic && strcmp(word, gold);
        t.right_in_dictionary += in_dic && strcmp(word, gold) && right;
        if (!right)
            jk_buf_addf(&errors, "  %s\t%s\t%s\t%s\n", word, gold, root.data, how.data);
    }
    if (rc == 0) {
        printf("%s: %lu of %lu roots right (%.1f %%)\n", path, t.right, t.words,
               t.words ? 100.0 * (double)t.right / (double)t.words : 0.0);
        if (t.in_dictionary) {
            unsigned long n = t.words - t.in_dictionary, r = t.right - t.right_in_dictionary;
            printf("  derived words that are themselves dictionary entries: %lu;"
                   " without them: %lu of %lu (%.1f %%)\n",
                   t.in_dictionary, r, n, n ? 100.0 * (double)r / (double)n : 0.0);
        }
        printf("  errors (word, expected, got, how):\n%s", errors.data);
    }
    free(line);
    fclose(f);
    jk_buf_release(&root);
    jk_buf_release(&how);
    jk_buf_release(&errors);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: stem_eval DICTIONARY LISTS_DIR FILE...\n");
        return 2;
    }
    char extra[4096], exceptions[4096];
    bool lists = strcmp(argv[2], "-") != 0;
    snprintf(extra, sizeof(extra), "%s/%s", argv[2], JK_STEM_EXTRA_ROOTS);
    snprintf(exceptions, sizeof(exceptions), "%s/%s", argv[2], JK_STEM_EXCEPTIONS);
    struct jk_stemmer s;
    jk_stemmer_init(&s);
    struct jk_diag diag;
    jk_diag_init(&diag);
    if (jk_stemmer_load(&s, argv[1], lists ? extra : NULL, lists ? exceptions : NULL, &diag) !=
        JK_OK) {
        fprintf(stderr, "stem_eval: %s\n", diag.msg);
        jk_stemmer_release(&s);
        return 2;
    }
    if (lists)
        printf("root dictionary: %zu roots (%s + %s); %zu exceptions\n", jk_stemmer_root_count(&s),
               argv[1], JK_STEM_EXTRA_ROOTS, jk_strmap_count(&s.exceptions));
    else
        printf("root dictionary: %zu roots (%s alone); no project lists\n",
               jk_stemmer_root_count(&s), argv[1]);
    int rc = 0;
    for (int i = 3; i < argc && rc == 0; i++)
        rc = eval_file(&s, argv[i]);
    jk_stemmer_release(&s);
    return rc;
}
