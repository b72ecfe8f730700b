/*
 * Options of `jaringkata map` (see options.h): getopt_long parsing and
 * strict validation of every number, with messages phrased as the fix.
 */
#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "stem.h"
#include "terms.h"
#include "workers.h"
#include "util/mem.h"

#ifndef JK_STOPWORDS_DIR
#define JK_STOPWORDS_DIR "stopwords"
#endif

const char *jk_default_stopwords_dir(void)
{
    const char *env = getenv("JARINGKATA_STOPWORDS");
    return env && *env ? env : JK_STOPWORDS_DIR;
}

static const char *const format_names[] = {"graphml", "vosviewer", "json", "gexf", "pajek",
                                           "gml",     "csv",       "html", "svg",  "png"};
#define N_FORMATS (sizeof(format_names) / sizeof(*format_names))

const char *jk_format_name(size_t i)
{
    return i < N_FORMATS ? format_names[i] : NULL;
}

bool jk_formats_has(unsigned formats, const char *name)
{
    if (!name)
        return true;
    for (size_t i = 0; i < N_FORMATS; i++)
        if (strcmp(format_names[i], name) == 0)
            return formats & (1u << i);
    return false;
}

enum jk_status jk_formats_parse(const char *list, unsigned *formats, struct jk_diag *diag)
{
    if (strcmp(list, "all") == 0) {
        *formats = (1u << N_FORMATS) - 1;
        return JK_OK;
    }
    unsigned bits = 0;
    const char *p = list;
    while (*p) {
        size_t len = strcspn(p, ",");
        size_t i = 0;
        while (i < N_FORMATS &&
               !(strlen(format_names[i]) == len && !strncmp(format_names[i], p, len)))
            i++;
        if (i == N_FORMATS)
            return jk_error(diag, JK_E_USAGE,
                            "--formats: unknown format '%.*s'; choose from all," JK_FORMAT_NAMES,
                            (int)len, p);
        bits |= 1u << i;
        p += len + (p[len] == ',');
    }
    if (bits == 0)
        return jk_error(diag, JK_E_USAGE, "--formats needs at least one of all," JK_FORMAT_NAMES);
    *formats = bits;
    return JK_OK;
}

void jk_map_options_init(struct jk_map_options *o)
{
    memset(o, 0, sizeof(*o));
    o->output = "output";
    o->max_words = 3;
    jk_select_options_default(&o->select);
    jk_cluster_options_default(&o->cluster);
    o->normalization = JK_NORM_ASSOCIATION;
    jk_layout_options_default(&o->layout);
    o->width = JK_DRAW_DEFAULT_WIDTH;
    o->height = JK_DRAW_DEFAULT_HEIGHT;
    o->stopwords_dir = jk_default_stopwords_dir();
    o->academic = true;
    o->stem = true;
    o->dictionary = JK_HUNSPELL_ID_DIC;
    o->langs = JK_LANGS_BOTH;
    o->bilingual_merge = true;
    o->formats = (1u << N_FORMATS) - 1;
    jk_csv_columns_init(&o->columns);
    o->sources.columns = &o->columns;
}

void jk_map_options_release(struct jk_map_options *o)
{
    if (!o)
        return;
    free(o->inputs);
    free(o->stopword_files);
    jk_csv_columns_release(&o->columns);
    o->inputs = NULL;
    o->stopword_files = NULL;
    o->n_inputs = o->n_stopword_files = 0;
}

void jk_map_options_usage(FILE *out)
{
    fputs("Usage: jaringkata map [options] [INPUT...]\n"
          "\n"
          "Builds a term co-occurrence map of the .txt, .md, .pdf, .docx, .doc, .rtf, .odt\n"
          "and .html documents and the .csv, .ris and .bib records under each INPUT folder\n"
          "(default: corpus) and writes it to the output folder.\n"
          "\n"
          "Output:\n"
          "  -o, --output DIR           output folder (default: output)\n"
          "      --formats LIST         files to write, comma-separated from\n"
          "                             " JK_FORMAT_NAMES " (default: all);\n"
          "                             report.md and run.json are always written\n"
          "\n"
          "Inputs:\n"
          "      --format F             read every file as auto (by extension), text, pdf,\n"
          "                             docx, doc, rtf, odt, html, csv, ris, bibtex or\n"
          "                             vosviewer\n"
          "                             (default: auto)\n"
          "      --fields LIST          record fields mined: title,abstract,keywords,fulltext\n"
          "                             (default: title and abstract)\n"
          "      --columns SPEC         CSV columns, e.g. title=Judul,abstract=Ringkasan\n"
          "      --scores FILE          VOSviewer scores file for --format vosviewer\n"
          "      --section body|all|abstract\n"
          "                             what of a plain or PDF document is mined: all\n"
          "                             but its reference list (\"Daftar Pustaka\",\n"
          "                             \"References\"), its footnotes that cite sources,\n"
          "                             a journal article's publication details\n"
          "                             (\"Received:\", \"p-ISSN\", authors, licence) and a\n"
          "                             thesis's front matter (\"Kata Pengantar\" ...\n"
          "                             \"Daftar Isi\"; abstracts and title stay), all of\n"
          "                             it, or its abstract only (with --document, a\n"
          "                             work's abstract only)\n"
          "                             (default: body)\n"
          "      --items keywords       map the records' author keywords instead of mined\n"
          "                             terms (default: terms)\n"
          "      --keep-copies          count every file, also one with the same bytes as\n"
          "                             an earlier file, nearly the same text (70 % of\n"
          "                             its five-word sequences shared) or text lying in a\n"
          "                             larger file (80 %: a chapter beside the thesis);\n"
          "                             by default such a copy is skipped with a warning\n"
          "      --document file|folder|work\n"
          "                             what counts as one document: each file; each\n"
          "                             folder directly under an input folder with every\n"
          "                             file in it at any depth (a thesis kept as one\n"
          "                             folder of chapter files); or each work: such a\n"
          "                             folder, or the files of one folder named as the\n"
          "                             parts of one work (\"1234-BAB I.pdf\", \"1234-BAB\n"
          "                             II.pdf\", \"1234-ABSTRAK.pdf\"); the records of CSV,\n"
          "                             RIS, BibTeX and VOSviewer files count one each\n"
          "                             (default: file)\n"
          "\n"
          "Terms:\n"
          "      --max-words N          longest term in words, 1-8, a protected phrase\n"
          "                             counting as one (default: 3)\n"
          "      --stopwords FILE       add a stopword list, one word a line (repeatable)\n"
          "      --no-academic-stopwords  keep academic words (penelitian, metode, ...)\n"
          "      --lang id|en|both      sentences whose terms are mapped (default: both)\n"
          "      --stem, --no-stem      merge inflected forms or keep them apart (default:\n"
          "                             --stem: \"bekerja sama\" and\n"
          "                             \"kerja sama\", \"kebijakannya\" and \"kebijakan\" merge)\n"
          "      --dictionary FILE      hunspell-id root dictionary for stemming\n"
          "                             (default: " JK_HUNSPELL_ID_DIC ")\n"
          "      --bilingual merge|separate\n"
          "                             merge English terms into their Indonesian twins\n"
          "                             (\"policy\" into \"kebijakan\") with the FreeDict\n"
          "                             English-Indonesian dictionary, or keep the\n"
          "                             languages apart (default: merge)\n"
          "      --thesaurus FILE       VOSviewer thesaurus: label<TAB>replace by\n"
          "      --patterns FILE        keyword patterns: PCRE2 pattern<TAB>term\n"
          "      --terms FILE           map exactly the terms selected in a reviewed\n"
          "                             terms.tsv (from 'jaringkata terms')\n"
          "      --stopwords-dir DIR    folder of the bundled lists (default: the installed\n"
          "                             stopwords/ folder, or $JARINGKATA_STOPWORDS)\n"
          "\n"
          "Counting and selection:\n"
          "      --counting binary|full binary: documents containing a term; full: every\n"
          "                             occurrence (default: binary)\n"
          "      --min-occurrences N    minimum occurrences of a mapped term, >= 1\n"
          "                             (default: the smallest that at most 300 terms reach)\n"
          "      --unit document|sentence|window:N\n"
          "                             what co-occurring means: the same document, the\n"
          "                             same sentence, or at most N words apart\n"
          "                             (default: document)\n"
          "      --max-terms N          keep the N most frequent terms (default: all)\n"
          "      --keep PERCENT         then keep the most relevant PERCENT of them, 1-100\n"
          "                             (default: 60, as VOSviewer)\n"
          "      --max-doc-share X      drop terms found in more than this share of the\n"
          "                             documents, 0-1; applies from 20 documents on\n"
          "                             (default: 0.95; 1 keeps them)\n"
          "      --nested-share X       drop a term when this share of its occurrences\n"
          "                             continues on one side into longer terms, 0-1\n"
          "                             (default: 0.75)\n"
          "      --no-nested            keep nested fragments (\"tenggara\" in \"nusa tenggara\")\n"
          "\n"
          "Normalisation and clustering (Leiden, as VOSviewer):\n"
          "      --normalization association|fractionalization|jaccard|cosine|inclusion|\n"
          "                      equivalence|none\n"
          "                             link strength that clustering and layout use:\n"
          "                             association strength or fractionalization (as\n"
          "                             VOSviewer), a similarity on occurrences, or the raw\n"
          "                             count with modularity clustering, VOSviewer's\n"
          "                             LinLog/modularity (default: association).\n"
          "                             jaccard, cosine, inclusion and equivalence are at\n"
          "                             most 1: CPM joins terms only at --resolution below 1\n"
          "      --resolution X         >= 0; higher gives more clusters (default: 1)\n"
          "      --min-cluster-size N   merge smaller clusters into neighbours (default: 1)\n"
          "      --starts N             random starts, the best is kept (default: 10)\n"
          "      --iterations N         at most N Leiden iterations per start; a start ends\n"
          "                             once an iteration changes nothing (default: 10)\n"
          "      --seed N               random seed (default: 0)\n"
          "      --leiden igraph|compact|auto\n"
          "                             igraph's Leiden, or jaringkata's on a compact\n"
          "                             adjacency array: the same steps, other random\n"
          "                             numbers, several times faster on dense maps\n"
          "                             (default auto: compact from 100,000 links)\n"
          "\n"
          "Layout and pictures (VOS mapping, as VOSviewer):\n"
          "      --layout vos|fr|none   VOS mapping, igraph's Fruchterman-Reingold, or no\n"
          "                             coordinates and no pictures (default: vos)\n"
          "      --attraction A         VOS attraction exponent (default: 2)\n"
          "      --repulsion R          VOS repulsion exponent, below A (default: 1)\n"
          "      --layout-starts N      random starts, the best is kept (default: 1)\n"
          "      --largest-component    map only the largest connected set of terms\n"
          "                             (default: all; unconnected parts get VOSviewer's\n"
          "                             small attraction)\n"
          "      --width N, --height N  picture size in pixels (default: 1200 x 900)\n"
          "\n"
          "Other:\n"
          "  -q, --quiet                print errors only (no notes, warnings or progress)\n"
          "      --timings              print each stage's seconds and CPU seconds on\n"
          "                             stderr\n"
          "      --sketch auto|on|off   first find the candidate terms that occur only once,\n"
          "                             so large corpora need less memory (auto: from 8 MB\n"
          "                             of text); outputs are the same either way\n"
          "      --threads N            threads for reading and counting documents, for\n"
          "                             writing the outputs and for the layout, processes\n"
          "                             for the clustering's random starts (default: every\n"
          "                             processor); outputs are the same, byte for byte,\n"
          "                             with any N\n"
          "  -h, --help                 this help\n",
          out);
}

enum {
    OPT_MAX_WORDS = 256,
    OPT_STOPWORDS,
    OPT_NO_ACADEMIC,
    OPT_STOPWORDS_DIR,
    OPT_COUNTING,
    OPT_MIN_OCC,
    OPT_MAX_TERMS,
    OPT_RESOLUTION,
    OPT_MIN_CLUSTER,
    OPT_STARTS,
    OPT_ITERATIONS,
    OPT_SEED,
    OPT_KEEP,
    OPT_MAX_DOC_SHARE,
    OPT_NESTED_SHARE,
    OPT_NO_NESTED,
    OPT_UNIT,
    OPT_NORMALIZATION,
    OPT_FORMAT,
    OPT_FIELDS,
    OPT_COLUMNS,
    OPT_SCORES,
    OPT_SECTION,
    OPT_ITEMS,
    OPT_KEEP_COPIES,
    OPT_DOCUMENT,
    OPT_TIMINGS,
    OPT_FORMATS,
    OPT_LANG,
    OPT_STEM,
    OPT_NO_STEM,
    OPT_DICTIONARY,
    OPT_THESAURUS,
    OPT_BILINGUAL,
    OPT_PATTERNS,
    OPT_TERMS,
    OPT_LAYOUT,
    OPT_ATTRACTION,
    OPT_REPULSION,
    OPT_LAYOUT_STARTS,
    OPT_LARGEST,
    OPT_WIDTH,
    OPT_HEIGHT,
    OPT_THREADS,
    OPT_SKETCH,
    OPT_LEIDEN
};

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"max-words", required_argument, NULL, OPT_MAX_WORDS},
    {"stopwords", required_argument, NULL, OPT_STOPWORDS},
    {"no-academic-stopwords", no_argument, NULL, OPT_NO_ACADEMIC},
    {"stopwords-dir", required_argument, NULL, OPT_STOPWORDS_DIR},
    {"counting", required_argument, NULL, OPT_COUNTING},
    {"min-occurrences", required_argument, NULL, OPT_MIN_OCC},
    {"max-terms", required_argument, NULL, OPT_MAX_TERMS},
    {"resolution", required_argument, NULL, OPT_RESOLUTION},
    {"min-cluster-size", required_argument, NULL, OPT_MIN_CLUSTER},
    {"starts", required_argument, NULL, OPT_STARTS},
    {"iterations", required_argument, NULL, OPT_ITERATIONS},
    {"seed", required_argument, NULL, OPT_SEED},
    {"keep", required_argument, NULL, OPT_KEEP},
    {"max-doc-share", required_argument, NULL, OPT_MAX_DOC_SHARE},
    {"nested-share", required_argument, NULL, OPT_NESTED_SHARE},
    {"no-nested", no_argument, NULL, OPT_NO_NESTED},
    {"unit", required_argument, NULL, OPT_UNIT},
    {"normalization", required_argument, NULL, OPT_NORMALIZATION},
    {"formats", required_argument, NULL, OPT_FORMATS},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"fields", required_argument, NULL, OPT_FIELDS},
    {"columns", required_argument, NULL, OPT_COLUMNS},
    {"scores", required_argument, NULL, OPT_SCORES},
    {"section", required_argument, NULL, OPT_SECTION},
    {"items", required_argument, NULL, OPT_ITEMS},
    {"keep-copies", no_argument, NULL, OPT_KEEP_COPIES},
    {"document", required_argument, NULL, OPT_DOCUMENT},
    {"timings", no_argument, NULL, OPT_TIMINGS},
    {"threads", required_argument, NULL, OPT_THREADS},
    {"sketch", required_argument, NULL, OPT_SKETCH},
    {"lang", required_argument, NULL, OPT_LANG},
    {"stem", no_argument, NULL, OPT_STEM},
    {"no-stem", no_argument, NULL, OPT_NO_STEM},
    {"dictionary", required_argument, NULL, OPT_DICTIONARY},
    {"thesaurus", required_argument, NULL, OPT_THESAURUS},
    {"bilingual", required_argument, NULL, OPT_BILINGUAL},
    {"patterns", required_argument, NULL, OPT_PATTERNS},
    {"terms", required_argument, NULL, OPT_TERMS},
    {"leiden", required_argument, NULL, OPT_LEIDEN},
    {"layout", required_argument, NULL, OPT_LAYOUT},
    {"attraction", required_argument, NULL, OPT_ATTRACTION},
    {"repulsion", required_argument, NULL, OPT_REPULSION},
    {"layout-starts", required_argument, NULL, OPT_LAYOUT_STARTS},
    {"largest-component", no_argument, NULL, OPT_LARGEST},
    {"width", required_argument, NULL, OPT_WIDTH},
    {"height", required_argument, NULL, OPT_HEIGHT},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* Parses a whole number in [min, max]; JK_E_USAGE naming the option otherwise. */
static enum jk_status parse_count(const char *opt, const char *text, unsigned long min,
                                  unsigned long max, unsigned long *out, struct jk_diag *diag)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(text, &end, 10);
    bool digits = text[0] >= '0' && text[0] <= '9';
    if (!digits || *end || errno || v < min || v > max)
        return jk_error(diag, JK_E_USAGE, "--%s takes a whole number from %lu to %lu, not '%s'",
                        opt, min, max, text);
    *out = v;
    return JK_OK;
}

static enum jk_status parse_resolution(const char *text, double *out, struct jk_diag *diag)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text || *end || errno || !isfinite(v) || v < 0)
        return jk_error(diag, JK_E_USAGE,
                        "--resolution takes a non-negative number such as 1 or 0.5, not '%s'",
                        text);
    *out = v;
    return JK_OK;
}

/* Parses a number in [min, max] (min excluded when open_min); JK_E_USAGE naming the option. */
static enum jk_status parse_real(const char *opt, const char *text, double min, double max,
                                 bool open_min, double *out, struct jk_diag *diag)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text || *end || errno || !isfinite(v) || v < min || v > max ||
        (open_min && v == min))
        return jk_error(diag, JK_E_USAGE, "--%s takes a number %s %g and at most %g, not '%s'", opt,
                        open_min ? "above" : "from", min, max, text);
    *out = v;
    return JK_OK;
}

static enum jk_status parse_unit(const char *text, struct jk_unit *out, struct jk_diag *diag)
{
    unsigned long w = 0; /* set when parse_count succeeds; GCC -O3 cannot tell */
    if (strcmp(text, "document") == 0)
        *out = (struct jk_unit){JK_UNIT_DOCUMENT, 0};
    else if (strcmp(text, "sentence") == 0)
        *out = (struct jk_unit){JK_UNIT_SENTENCE, 0};
    else if (strncmp(text, "window:", 7) == 0 &&
             parse_count("unit window:N", text + 7, 1, 1000, &w, diag) == JK_OK)
        *out = (struct jk_unit){JK_UNIT_WINDOW, (unsigned)w};
    else
        return jk_error(diag, JK_E_USAGE,
                        "--unit takes 'document', 'sentence' or 'window:N' (N from 1 to 1000), "
                        "not '%s'",
                        text);
    return JK_OK;
}

/*
 * Which of names[0..n) text is (*index), or the usage error
 * "--opt takes 'a', 'b' or 'c', not 'text'".
 */
static enum jk_status one_of(const char *opt, const char *text, const char *const *names, size_t n,
                             size_t *index, struct jk_diag *diag)
{
    for (*index = 0; *index < n; ++*index)
        if (strcmp(text, names[*index]) == 0)
            return JK_OK;
    char list[160] = "";
    for (size_t i = 0; i < n; i++)
        snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s'%s'",
                 i == 0       ? ""
                 : i + 1 == n ? " or "
                              : ", ",
                 names[i]);
    return jk_error(diag, JK_E_USAGE, "--%s takes %s, not '%s'", opt, list, text);
}

static enum jk_status parse_langs(const char *text, enum jk_lang_filter *out, struct jk_diag *diag)
{
    static const char *const names[] = {"id", "en", "both"};
    static const enum jk_lang_filter values[] = {JK_LANGS_ID, JK_LANGS_EN, JK_LANGS_BOTH};
    size_t i;
    enum jk_status st = one_of("lang", text, names, 3, &i, diag);
    if (st == JK_OK)
        *out = values[i];
    return st;
}

static enum jk_status parse_bilingual(const char *text, bool *merge, struct jk_diag *diag)
{
    static const char *const names[] = {"merge", "separate"};
    size_t i;
    enum jk_status st = one_of("bilingual", text, names, 2, &i, diag);
    if (st == JK_OK)
        *merge = i == 0;
    return st;
}

static enum jk_status parse_layout(const char *text, enum jk_layout_kind *out, struct jk_diag *diag)
{
    static const char *const names[] = {"vos", "fr", "none"};
    static const enum jk_layout_kind values[] = {JK_LAYOUT_VOS, JK_LAYOUT_FR, JK_LAYOUT_NONE};
    size_t i;
    enum jk_status st = one_of("layout", text, names, 3, &i, diag);
    if (st == JK_OK)
        *out = values[i];
    return st;
}

static enum jk_status parse_leiden(const char *text, enum jk_leiden_engine *out,
                                   struct jk_diag *diag)
{
    static const char *const names[] = {"igraph", "compact", "auto"};
    static const enum jk_leiden_engine values[] = {JK_LEIDEN_IGRAPH, JK_LEIDEN_COMPACT,
                                                   JK_LEIDEN_AUTO};
    size_t i;
    enum jk_status st = one_of("leiden", text, names, 3, &i, diag);
    if (st == JK_OK)
        *out = values[i];
    return st;
}

static enum jk_status parse_counting(const char *text, enum jk_counting *out, struct jk_diag *diag)
{
    static const char *const names[] = {"binary", "full"};
    static const enum jk_counting values[] = {JK_COUNT_BINARY, JK_COUNT_FULL};
    size_t i;
    enum jk_status st = one_of("counting", text, names, 2, &i, diag);
    if (st == JK_OK)
        *out = values[i];
    return st;
}

static void push(const char ***list, size_t *n, const char *s)
{
    *list = jk_realloc(*list, (*n + 1) * sizeof(**list));
    (*list)[(*n)++] = s;
}

/* --items terms|keywords: *out is whether text is yes. */
static enum jk_status parse_choice(const char *opt, const char *text, const char *no,
                                   const char *yes, bool *out, struct jk_diag *diag)
{
    const char *names[] = {no, yes};
    size_t i;
    enum jk_status st = one_of(opt, text, names, 2, &i, diag);
    if (st == JK_OK)
        *out = i == 1;
    return st;
}

static const char *const section_names[] = {"body", "all", "abstract"};

const char *jk_section_name(enum jk_section section)
{
    return section_names[section];
}

static enum jk_status parse_section(const char *text, enum jk_section *out, struct jk_diag *diag)
{
    size_t i;
    enum jk_status st = one_of("section", text, section_names, 3, &i, diag);
    if (st == JK_OK)
        *out = (enum jk_section)i;
    return st;
}

static const char *const document_names[] = {"file", "folder", "work"};

const char *jk_document_unit_name(enum jk_document_unit unit)
{
    return document_names[unit];
}

static enum jk_status parse_document(const char *text, enum jk_document_unit *out,
                                     struct jk_diag *diag)
{
    size_t i;
    enum jk_status st = one_of("document", text, document_names, 3, &i, diag);
    if (st == JK_OK)
        *out = (enum jk_document_unit)i;
    return st;
}

static enum jk_status parse_sketch(const char *text, enum jk_sketch_mode *out, struct jk_diag *diag)
{
    static const char *const names[] = {"auto", "on", "off"};
    size_t i;
    enum jk_status st = one_of("sketch", text, names, 3, &i, diag);
    if (st == JK_OK)
        *out = (enum jk_sketch_mode)i;
    return st;
}

/* Input options. Returns false when c is not one of them. */
static bool apply_input_option(struct jk_map_options *o, int c, const char *arg, enum jk_status *st,
                               struct jk_diag *diag)
{
    switch (c) {
    case OPT_FORMAT:
        *st = jk_format_parse(arg, &o->sources.format, diag);
        break;
    case OPT_FIELDS:
        *st = jk_fields_parse(arg, &o->sources.fields, diag);
        break;
    case OPT_COLUMNS:
        *st = jk_csv_columns_parse(arg, &o->columns, diag);
        break;
    case OPT_TIMINGS:
        o->timings = true;
        break;
    case OPT_SCORES:
        o->sources.scores = arg;
        break;
    case OPT_SECTION:
        *st = parse_section(arg, &o->section, diag);
        break;
    case OPT_ITEMS:
        *st = parse_choice("items", arg, "terms", "keywords", &o->items_keywords, diag);
        break;
    case OPT_KEEP_COPIES:
        o->keep_copies = true;
        break;
    case OPT_DOCUMENT:
        *st = parse_document(arg, &o->document, diag);
        break;
    case OPT_SKETCH:
        *st = parse_sketch(arg, &o->sketch, diag);
        break;
    default:
        return false;
    }
    return true;
}

/* Output, word-list and term options. Returns false when c is not one of them. */
static bool apply_terms_option(struct jk_map_options *o, int c, const char *arg, enum jk_status *st,
                               struct jk_diag *diag)
{
    unsigned long v = 0;
    switch (c) {
    case 'o':
        o->output = arg;
        break;
    case 'q':
        o->quiet = true;
        break;
    case 'h':
        o->help = true;
        break;
    case OPT_MAX_WORDS:
        *st = parse_count("max-words", arg, 1, JK_MAX_WORDS_LIMIT, &v, diag);
        o->max_words = (unsigned)v;
        break;
    case OPT_STOPWORDS:
        push(&o->stopword_files, &o->n_stopword_files, arg);
        break;
    case OPT_NO_ACADEMIC:
        o->academic = false;
        break;
    case OPT_STOPWORDS_DIR:
        o->stopwords_dir = arg;
        break;
    case OPT_LANG:
        *st = parse_langs(arg, &o->langs, diag);
        break;
    case OPT_DICTIONARY:
        o->dictionary = arg;
        break;
    case OPT_THESAURUS:
        o->thesaurus = arg;
        break;
    case OPT_BILINGUAL:
        *st = parse_bilingual(arg, &o->bilingual_merge, diag);
        break;
    case OPT_PATTERNS:
        o->patterns = arg;
        break;
    case OPT_TERMS:
        o->terms_file = arg;
        break;
    case OPT_FORMATS:
        *st = jk_formats_parse(arg, &o->formats, diag);
        break;
    default:
        return false;
    }
    return true;
}

/* Counting, selection, co-occurrence and normalisation options. Returns false when c is not one of
 * them. */
static bool apply_select_option(struct jk_map_options *o, int c, const char *arg,
                                enum jk_status *st, struct jk_diag *diag)
{
    unsigned long v = 0;
    switch (c) {
    case OPT_COUNTING:
        *st = parse_counting(arg, &o->select.counting, diag);
        break;
    case OPT_MIN_OCC:
        *st = parse_count("min-occurrences", arg, 1, UINT32_MAX, &v, diag);
        o->select.min_occurrences = (uint32_t)v;
        break;
    case OPT_MAX_TERMS:
        *st = parse_count("max-terms", arg, 1, 10000000, &v, diag);
        o->select.max_terms = v;
        break;
    case OPT_KEEP:
        *st = parse_real("keep", arg, 0, 100, true, &o->select.keep_percent, diag);
        break;
    case OPT_MAX_DOC_SHARE:
        *st = parse_real("max-doc-share", arg, 0, 1, true, &o->select.max_doc_share, diag);
        break;
    case OPT_NESTED_SHARE:
        *st = parse_real("nested-share", arg, 0, 1, true, &o->select.nested_share, diag);
        break;
    case OPT_UNIT:
        *st = parse_unit(arg, &o->unit, diag);
        break;
    case OPT_NORMALIZATION:
        *st = jk_normalization_parse(arg, &o->normalization, diag);
        break;
    case OPT_NO_NESTED:
        o->select.nested_share = 2; /* above 1: never reached */
        break;
    default:
        return false;
    }
    return true;
}

/* Clustering, layout and picture options. Returns false when c is not one of them. */
static bool apply_graph_option(struct jk_map_options *o, int c, const char *arg, enum jk_status *st,
                               struct jk_diag *diag)
{
    unsigned long v = 0;
    switch (c) {
    case OPT_RESOLUTION:
        *st = parse_resolution(arg, &o->cluster.resolution, diag);
        break;
    case OPT_MIN_CLUSTER:
        *st = parse_count("min-cluster-size", arg, 1, 10000000, &v, diag);
        o->cluster.min_cluster_size = (unsigned)v;
        break;
    case OPT_STARTS:
        *st = parse_count("starts", arg, 1, 1000, &v, diag);
        o->cluster.starts = (unsigned)v;
        break;
    case OPT_ITERATIONS:
        *st = parse_count("iterations", arg, 1, 1000, &v, diag);
        o->cluster.iterations = (unsigned)v;
        break;
    case OPT_LEIDEN:
        *st = parse_leiden(arg, &o->cluster.engine, diag);
        break;
    case OPT_LAYOUT:
        *st = parse_layout(arg, &o->layout.kind, diag);
        break;
    case OPT_ATTRACTION:
        *st = parse_real("attraction", arg, -10, 10, false, &o->layout.attraction, diag);
        break;
    case OPT_REPULSION:
        *st = parse_real("repulsion", arg, -10, 10, false, &o->layout.repulsion, diag);
        break;
    case OPT_LAYOUT_STARTS:
        *st = parse_count("layout-starts", arg, 1, 1000, &v, diag);
        o->layout.starts = (unsigned)v;
        break;
    case OPT_LARGEST:
        o->largest_component = true;
        break;
    case OPT_WIDTH:
    case OPT_HEIGHT:
        *st = parse_count(c == OPT_WIDTH ? "width" : "height", arg, JK_DRAW_MIN_SIZE,
                          JK_DRAW_MAX_SIZE, &v, diag);
        *(c == OPT_WIDTH ? &o->width : &o->height) = (unsigned)v;
        break;
    case OPT_THREADS:
        *st = parse_count("threads", arg, 1, JK_MAX_THREADS, &v, diag);
        o->threads = v;
        o->layout.threads = (unsigned)v;
        o->cluster.threads = (unsigned)v;
        break;
    case OPT_STEM:
    case OPT_NO_STEM:
        o->stem = c == OPT_STEM;
        break;
    case OPT_SEED:
        *st = parse_count("seed", arg, 0, UINT32_MAX, &v, diag);
        o->cluster.seed = v;
        break;
    default:
        return false;
    }
    return true;
}

static enum jk_status apply(struct jk_map_options *o, int c, const char *arg, struct jk_diag *diag)
{
    enum jk_status st = JK_OK;
    if (!apply_input_option(o, c, arg, &st, diag) && !apply_terms_option(o, c, arg, &st, diag) &&
        !apply_select_option(o, c, arg, &st, diag) && !apply_graph_option(o, c, arg, &st, diag))
        st = jk_error(diag, JK_E_USAGE, "unknown option; see 'jaringkata map --help'");
    return st;
}

enum jk_status jk_map_options_parse(struct jk_map_options *o, int argc, char **argv,
                                    struct jk_diag *diag)
{
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":o:qh", long_options, NULL)) != -1) {
        if (c == '?' || c == ':') {
            const char *bad = argv[optind - 1];
            return jk_error(diag, JK_E_USAGE, "%s option '%s'; see 'jaringkata map --help'",
                            c == ':' ? "missing value for" : "unknown or incomplete", bad);
        }
        enum jk_status st = apply(o, c, optarg, diag);
        if (st != JK_OK)
            return st;
    }
    enum jk_status st = jk_layout_validate(&o->layout, diag);
    if (st != JK_OK)
        return st;
    for (int i = optind; i < argc; i++)
        push(&o->inputs, &o->n_inputs, argv[i]);
    if (o->n_inputs == 0)
        push(&o->inputs, &o->n_inputs, "corpus");
    return JK_OK;
}
