/*
 * Stemmer loading (see stem.h, jk_stemmer_load): the hunspell-id root
 * dictionary with the affix licences of its .aff file, then the project's
 * extra roots and exceptions lists. The rules that use them are in stem.c.
 */
#include "stem.h"
#include "stem_load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stopwords.h"
#include "termfile.h"
#include "util/mem.h"

/* Adds a root with licence bits (0 = unknown); a root added twice keeps both. */
static void add_root(struct jk_stemmer *s, const char *root, size_t len, uint16_t licence)
{
    uint32_t id = jk_strmap_intern(&s->roots, root, len, NULL);
    size_t old = s->licence_cap;
    JK_GROW(s->licences, (size_t)id + 1, s->licence_cap);
    if (s->licence_cap > old)
        memset(s->licences + old, 0, (s->licence_cap - old) * sizeof(*s->licences));
    s->licences[id] |= licence;
}

void jk_stemmer_add_root(struct jk_stemmer *s, const char *root, size_t len)
{
    add_root(s, root, len, 0);
}

void jk_stemmer_add_exception(struct jk_stemmer *s, const char *word, size_t word_len,
                              const char *root, size_t root_len)
{
    uint32_t id = jk_strmap_intern(&s->exceptions, word, word_len, NULL);
    JK_GROW(s->exception_roots, (size_t)id + 1, s->exception_cap);
    s->exception_roots[id] = jk_arena_strndup(&s->arena, root, root_len);
}

/* Trims white space (and the newline) at both ends in place; returns the new start. */
static char *trim(char *line, size_t *len)
{
    size_t n = strlen(line);
    while (n > 0 && strchr(" \t\r\n", line[n - 1]))
        n--;
    line[n] = '\0';
    while (*line && strchr(" \t", *line))
        line++, n--;
    *len = n;
    return line;
}

static bool is_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* Lower-cases one dictionary word; hunspell-id declares ISO 8859-1, so bytes
 * that are not UTF-8 are read as Latin-1. */
static void dictionary_word(struct jk_stemmer *s, const char *w, size_t len, uint16_t licence,
                            struct jk_buf *tmp, struct jk_buf *lower)
{
    jk_buf_clear(tmp);
    if (is_ascii(w, len)) {
        for (size_t i = 0; i < len; i++)
            jk_buf_addc(tmp, (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]));
        add_root(s, tmp->data, tmp->len, licence);
        return;
    }
    if (!jk_lowercase(w, len, lower)) {
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)w[i];
            if (c < 0x80) {
                jk_buf_addc(tmp, (char)c);
            } else {
                jk_buf_addc(tmp, (char)(0xC0 | (c >> 6)));
                jk_buf_addc(tmp, (char)(0x80 | (c & 0x3F)));
            }
        }
        if (!jk_lowercase(tmp->data, tmp->len, lower))
            return;
    }
    add_root(s, lower->data, lower->len, licence);
}

/*
 * Affix licences from hunspell's .aff: for every flag, the prefix classes and
 * derivational suffixes its rules add. A suffix rule whose continuation names
 * prefix flags is a confix (me-...-kan) and licenses those prefixes too.
 */
struct affix_table {
    uint16_t *bits;  /* bits[flag]: licence of the flag */
    bool long_flags; /* FLAG long: two characters a flag */
    bool usable;     /* false for FLAG num / UTF-8, which are not read */
};

struct affix_rule {
    uint16_t flag;
    uint16_t bits;
    uint16_t cont[8]; /* continuation flags of a suffix rule */
    size_t n_cont;
};

static size_t flag_len(const struct affix_table *a)
{
    return a->long_flags ? 2 : 1;
}

static uint16_t flag_key(const struct affix_table *a, const char *p)
{
    return a->long_flags ? (uint16_t)((unsigned char)p[0] << 8 | (unsigned char)p[1])
                         : (uint16_t)(unsigned char)p[0];
}

static uint16_t prefix_class(const char *add)
{
    static const struct {
        const char *start;
        uint16_t cls;
    } classes[] = {{"di", P_DI},   {"ke", P_KE}, {"se", P_SE}, {"me", P_ME},
                   {"per", P_PER}, {"pe", P_PE}, {"be", P_BE}, {"te", P_TE}};
    for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
        if (!strncmp(add, classes[i].start, strlen(classes[i].start)))
            return classes[i].cls;
    return 0;
}

static uint16_t suffix_class(const char *add)
{
    if (!strncmp(add, "kan", 3))
        return L_KAN;
    if (!strncmp(add, "an", 2))
        return L_AN;
    return add[0] == 'i' ? L_I : 0;
}

/* Reads one "PFX|SFX flag strip add[/flags] ..." rule line; false for other lines. */
static bool affix_rule(const struct affix_table *a, char *line, struct affix_rule *r)
{
    char *save = NULL;
    char *kind = strtok_r(line, " \t\r\n", &save);
    char *flag = strtok_r(NULL, " \t\r\n", &save);
    char *strip = strtok_r(NULL, " \t\r\n", &save);
    char *add = strtok_r(NULL, " \t\r\n", &save);
    if (!kind || !add || (strcmp(kind, "PFX") && strcmp(kind, "SFX")) ||
        strlen(flag) != flag_len(a) || strspn(add, "0123456789") == strlen(add))
        return false; /* not a rule, or a header "PFX flag Y count" */
    (void)strip;
    char *slash = strchr(add, '/');
    if (slash)
        *slash = '\0';
    bool prefix = kind[0] == 'P';
    r->flag = flag_key(a, flag);
    r->bits = prefix ? prefix_class(add) : suffix_class(add);
    r->n_cont = 0;
    for (char *p = slash ? slash + 1 : NULL; !prefix && p && strlen(p) >= flag_len(a);
         p += flag_len(a))
        if (r->n_cont < sizeof(r->cont) / sizeof(r->cont[0]))
            r->cont[r->n_cont++] = flag_key(a, p);
    return true;
}

/* Opens the .aff file beside dic_path (same name), or returns NULL. */
static FILE *open_affixes(const char *dic_path)
{
    size_t n = strlen(dic_path);
    if (n < 4 || strcmp(dic_path + n - 4, ".dic"))
        return NULL;
    char *path = jk_strdup(dic_path);
    memcpy(path + n - 4, ".aff", 4);
    FILE *f = fopen(path, "r");
    free(path);
    return f;
}

/* Reads the FLAG line and every rule of f into *rules (caller frees), n_rules
 * of them; stops early, leaving a->usable false, at a flag type not read. */
static struct affix_rule *read_affix_rules(FILE *f, struct affix_table *a, size_t *n_rules)
{
    struct affix_rule *rules = NULL, r;
    size_t cap_rules = 0, line_cap = 0;
    char *line = NULL;
    *n_rules = 0;
    a->usable = true;
    while (a->usable && getline(&line, &line_cap, f) != -1) {
        if (!strncmp(line, "FLAG", 4) && strchr(" \t", line[4])) {
            a->long_flags = strstr(line, "long") != NULL;
            a->usable = a->long_flags; /* num and UTF-8 flags are not read */
        } else if (affix_rule(a, line, &r)) {
            JK_GROW(rules, *n_rules + 1, cap_rules);
            rules[(*n_rules)++] = r;
        }
    }
    free(line);
    return rules;
}

/* Fills a from the .aff beside dic_path; leaves a->usable false if there is none. */
static void load_affixes(const char *dic_path, struct affix_table *a)
{
    a->bits = NULL;
    a->long_flags = false;
    a->usable = false;
    FILE *f = open_affixes(dic_path);
    if (!f)
        return;
    size_t n_rules;
    struct affix_rule *rules = read_affix_rules(f, a, &n_rules);
    fclose(f);
    if (a->usable) {
        a->bits = jk_calloc(65536, sizeof(*a->bits));
        for (size_t i = 0; i < n_rules; i++) /* own bits first: confixes refer to them */
            a->bits[rules[i].flag] |= rules[i].bits;
        for (size_t i = 0; i < n_rules; i++)
            for (size_t k = 0; k < rules[i].n_cont; k++)
                a->bits[rules[i].flag] |= a->bits[rules[i].cont[k]] & 0xFFu;
    }
    free(rules);
}

/* The licence of a dictionary entry's flags (text after '/'). */
static uint16_t licence_of(const struct affix_table *a, const char *flags, size_t len)
{
    if (!a->usable)
        return 0;
    uint16_t bits = L_KNOWN;
    for (size_t i = 0; i + flag_len(a) <= len; i += flag_len(a))
        bits |= a->bits[flag_key(a, flags + i)];
    return bits;
}

/* JK_E_INPUT: the file given as the root dictionary is not one (line 0: the whole file). */
static enum jk_status not_a_dictionary(struct jk_diag *diag, const char *path, unsigned long lineno,
                                       const char *why)
{
    char where[32] = "";
    if (lineno > 0)
        snprintf(where, sizeof(where), ":%lu", lineno);
    return jk_error(diag, JK_E_INPUT,
                    "%s%s: %s, so it is not a hunspell dictionary (text, one word[/FLAGS] a "
                    "line); give hunspell-id's id_ID.dic with --dictionary, or --no-stem",
                    path, where, why);
}

static enum jk_status load_dictionary(struct jk_stemmer *s, const char *path, struct jk_diag *diag)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        s->dictionary_missing = true;
        return jk_error(diag, JK_E_INPUT,
                        "hunspell-id's dictionary %s is missing; install hunspell-id; running "
                        "without stemming",
                        path);
    }
    struct affix_table affixes;
    load_affixes(path, &affixes);
    struct jk_buf tmp, lower;
    jk_buf_init(&tmp);
    jk_buf_init(&lower);
    char *line = NULL;
    size_t cap = 0, words = 0;
    unsigned long lineno = 0;
    ssize_t got;
    enum jk_status st = JK_OK;
    errno = 0;
    while ((got = getline(&line, &cap, f)) != -1) {
        lineno++;
        if (memchr(line, '\0', (size_t)got)) {
            st = not_a_dictionary(diag, path, lineno, "the line holds a NUL byte");
            break;
        }
        size_t len;
        char *w = trim(line, &len);
        if (lineno == 1 && len > 0 && strspn(w, "0123456789") == len)
            continue; /* the entry count */
        len = strcspn(w, "/ \t");
        const char *flags = w[len] == '/' ? w + len + 1 : "";
        if (len > 0)
            dictionary_word(s, w, len, licence_of(&affixes, flags, strcspn(flags, " \t")), &tmp,
                            &lower);
        words += len > 0;
    }
    int read_errno = errno;
    free(affixes.bits);
    if (st == JK_OK && ferror(f))
        st = jk_error(diag, JK_E_INPUT,
                      "cannot read dictionary '%s': %s; give hunspell-id's id_ID.dic with "
                      "--dictionary, or --no-stem",
                      path, strerror(read_errno ? read_errno : EIO));
    else if (st == JK_OK && words == 0)
        st = not_a_dictionary(diag, path, 0, "it holds no word");
    free(line);
    jk_buf_release(&tmp);
    jk_buf_release(&lower);
    fclose(f);
    return st;
}

/* Reads one line of the extra-roots list (exceptions false) or of the
 * exceptions list into the stemmer; JK_E_INPUT naming path:lineno. */
static enum jk_status list_entry(struct jk_stemmer *s, char *w, size_t len, bool exceptions,
                                 const char *path, unsigned long lineno, struct jk_buf bufs[2],
                                 struct jk_diag *diag)
{
    size_t wlen = len, rlen = 0;
    char *r = NULL, *tab = exceptions ? strchr(w, '\t') : NULL;
    if (tab) {
        *tab = '\0';
        w = trim(w, &wlen);
        r = trim(tab + 1, &rlen);
    }
    if (!exceptions && strcspn(w, " \t") != wlen)
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: '%s' is more than one word; write one root a line", path, lineno,
                        w);
    if (exceptions &&
        (!r || wlen == 0 || rlen == 0 || strcspn(w, " \t") != wlen || strcspn(r, " \t") != rlen))
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: expected 'word<TAB>root' (two single words separated by a tab)",
                        path, lineno);
    if (!jk_lowercase(w, wlen, &bufs[0]) || (r && !jk_lowercase(r, rlen, &bufs[1])))
        return jk_error(diag, JK_E_INPUT, "%s:%lu: not valid UTF-8; save the list as UTF-8", path,
                        lineno);
    if (exceptions)
        jk_stemmer_add_exception(s, bufs[0].data, bufs[0].len, bufs[1].data, bufs[1].len);
    else
        jk_stemmer_add_root(s, bufs[0].data, bufs[0].len);
    return JK_OK;
}

/* Read with the line reader every list file shares (termfile.h: BOM, UTF-16, CRLF, Latin-1). */
static enum jk_status load_list(struct jk_stemmer *s, const char *path, bool exceptions,
                                struct jk_diag *diag)
{
    struct jk_lines r;
    enum jk_status st = jk_lines_open(&r, path, "stemmer list", true, diag);
    if (st != JK_OK)
        return st;
    struct jk_buf bufs[2];
    jk_buf_init(&bufs[0]);
    jk_buf_init(&bufs[1]);
    while (st == JK_OK && jk_lines_next(&r, diag)) {
        char *hash = strchr(r.line, '#');
        if (hash)
            *hash = '\0';
        for (char *cr = strchr(r.line, '\r'); cr; cr = strchr(cr, '\r'))
            *cr = ' '; /* a lone CR (old Mac line ends) separates like a space */
        size_t len;
        char *w = trim(r.line, &len);
        if (len > 0)
            st = list_entry(s, w, len, exceptions, path, r.lineno, bufs, diag);
    }
    if (st == JK_OK)
        st = r.status;
    jk_buf_release(&bufs[0]);
    jk_buf_release(&bufs[1]);
    jk_lines_close(&r);
    return st;
}

enum jk_status jk_stemmer_load(struct jk_stemmer *s, const char *dic_path,
                               const char *extra_roots_path, const char *exceptions_path,
                               struct jk_diag *diag)
{
    enum jk_status st = load_dictionary(s, dic_path, diag);
    if (st == JK_OK && extra_roots_path)
        st = load_list(s, extra_roots_path, false, diag);
    if (st == JK_OK && exceptions_path)
        st = load_list(s, exceptions_path, true, diag);
    return st;
}
