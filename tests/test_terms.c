/*
 * Tests of src/terms: candidate n-grams between stopwords and punctuation,
 * protected phrases, reduplicated plurals, and variant keys.
 * Tokens are made by hand (space-separated; "," "(" ")" "&" ":" are punctuation,
 * "." and ";" sentence ends, digits a number) so these tests do not depend on the tokenizer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "acronym.h"
#include "terms.h"

struct seen {
    char items[64][128]; /* "key|surface" */
    size_t n;
};

static void record(void *ctx, const char *key, size_t key_len, const char *surface,
                   size_t surface_len, uint32_t first_token, uint32_t last_token)
{
    assert_true(first_token <= last_token);
    struct seen *s = ctx;
    assert_true(s->n < 64);
    snprintf(s->items[s->n++], 128, "%.*s|%.*s", (int)key_len, key, (int)surface_len, surface);
}

static bool has(const struct seen *s, const char *item)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->items[i], item))
            return true;
    return false;
}

static size_t tokens_of(const char *text, struct jk_token *toks)
{
    size_t n = 0, i = 0, len = strlen(text);
    while (i < len) {
        size_t j = i;
        while (j < len && text[j] != ' ')
            j++;
        enum jk_token_kind kind = JK_TOK_WORD;
        if (strchr(",()&:", text[i]))
            kind = JK_TOK_PUNCT;
        else if (text[i] == '.' || text[i] == ';')
            kind = JK_TOK_SENTENCE_END;
        else if (text[i] >= '0' && text[i] <= '9')
            kind = JK_TOK_NUMBER;
        toks[n++] = (struct jk_token){(uint32_t)i, (uint32_t)(j - i), kind};
        i = j + 1;
    }
    return n;
}

/*
 * Extracts from text, lower-case as the tokenizer leaves it; cased (NULL: unknown) is the
 * same text as written.
 */
static void extract_with(const char *text, const char *cased, unsigned max_words, struct seen *out)
{
    struct jk_stopwords sw;
    jk_stopwords_init(&sw);
    const char *stop[] = {"yang", "dan",   "antara", "dengan",    "sama",
                          "luar", "dalam", "ini",    "rata-rata", "masing-masing"};
    for (size_t i = 0; i < sizeof(stop) / sizeof(*stop); i++)
        jk_stopwords_add(&sw, stop[i], strlen(stop[i]));
    jk_stopwords_add_phrase(&sw, "kerja sama", 10);
    jk_stopwords_add_phrase(&sw, "luar negeri", 11);
    jk_stopwords_add_phrase(&sw, "kerja sama luar negeri", 22);
    jk_stopwords_add_phrase(&sw, "nusa tenggara barat", 19);
    jk_stopwords_add_adjective(&sw, "lokal", 5, JK_NO_START);
    jk_stopwords_add_adjective(&sw, "local", 5, JK_NO_END);
    struct jk_extractor x;
    jk_extractor_init(&x, &sw, NULL, max_words);
    struct jk_token toks[128];
    size_t n = tokens_of(text, toks);
    x.cased = cased;
    memset(out, 0, sizeof(*out));
    jk_extract_terms(&x, text, toks, n, NULL, record, out);
    jk_extractor_release(&x);
    jk_stopwords_release(&sw);
}

static void extract(const char *text, unsigned max_words, struct seen *out)
{
    extract_with(text, NULL, max_words, out);
}

/* The same from text as written: lower-cased for the tokens, its case known. */
static void extract_cased(const char *cased, unsigned max_words, struct seen *out)
{
    char lower[512];
    size_t n = strlen(cased);
    assert_true(n < sizeof(lower));
    for (size_t i = 0; i <= n; i++)
        lower[i] = (char)(cased[i] >= 'A' && cased[i] <= 'Z' ? cased[i] - 'A' + 'a' : cased[i]);
    extract_with(lower, cased, max_words, out);
}

/*
 * The same with a normaliser, its words numbered up front (word_ids) or looked up by text;
 * keys_only as the sketch pass asks.
 */
static void extract_normalized_as(const char *text, bool numbered, bool keys_only, struct seen *out)
{
    struct jk_stopwords sw;
    jk_stopwords_init(&sw);
    const char *stop[] = {"yang", "dan", "sama", "luar", "dalam", "ini"};
    for (size_t i = 0; i < sizeof(stop) / sizeof(*stop); i++)
        jk_stopwords_add(&sw, stop[i], strlen(stop[i]));
    jk_stopwords_add_phrase(&sw, "kerja sama", 10);
    jk_stopwords_add_adjective(&sw, "lokal", 5, JK_NO_START);
    jk_stopwords_add_adjective(&sw, "local", 5, JK_NO_END);
    struct jk_normalizer norm;
    jk_normalizer_init(&norm, &sw);
    struct jk_extractor x;
    jk_extractor_init(&x, &sw, &norm, 4);
    struct jk_token toks[128];
    uint32_t ids[128];
    size_t n = tokens_of(text, toks);
    for (size_t i = 0; numbered && i < n; i++)
        if (toks[i].kind == JK_TOK_WORD)
            ids[i] = jk_normalizer_word(&norm, text + toks[i].offset, toks[i].length);
    x.word_ids = numbered ? ids : NULL;
    x.keys_only = keys_only;
    memset(out, 0, sizeof(*out));
    jk_extract_terms(&x, text, toks, n, NULL, record, out);
    jk_extractor_release(&x);
    jk_normalizer_release(&norm);
    jk_stopwords_release(&sw);
}

static void extract_normalized(const char *text, bool numbered, struct seen *out)
{
    extract_normalized_as(text, numbered, false, out);
}

/*
 * An Indonesian adjective starts no candidate and an English one ends none, whatever the
 * sentence's language, looked up by text, through the normaliser and by word number.
 */
static void test_adjectives_head_no_term(void **state)
{
    (void)state;
    const char *text = "pemerintah lokal , lokal , local government , local";
    struct seen s;
    for (int way = 0; way < 3; way++) {
        if (way == 0)
            extract(text, 3, &s);
        else
            extract_normalized(text, way == 2, &s);
        assert_true(has(&s, "pemerintahlokal|pemerintah lokal"));
        assert_true(has(&s, "pemerintah|pemerintah"));
        assert_true(has(&s, "localgovernment|local government"));
        assert_true(has(&s, "government|government"));
        assert_false(has(&s, "lokal|lokal"));
        assert_false(has(&s, "local|local"));
        assert_int_equal(s.n, 4);
    }
}

/* Keys only: the same keys in the same order, every surface empty. */
static void test_keys_only_same_keys(void **state)
{
    (void)state;
    const char *text = "kerja sama kota-kota kembar dan pemerintah daerah yang "
                       "kebijakan ini , kerja sama luar kebijakan publik . dalam program";
    struct seen whole, keys;
    extract_normalized_as(text, true, false, &whole);
    extract_normalized_as(text, true, true, &keys);
    assert_true(whole.n > 5);
    assert_int_equal(whole.n, keys.n);
    for (size_t i = 0; i < whole.n; i++) {
        size_t key_len = strcspn(whole.items[i], "|");
        assert_memory_equal(whole.items[i], keys.items[i], key_len + 1);
        assert_string_equal(keys.items[i] + key_len + 1, "");
    }
    assert_true(has(&keys, "pemerintahdaerah|"));
}

/* Numbered words give the same candidates, keys and order as words looked up by text. */
static void test_numbered_words_same_candidates(void **state)
{
    (void)state;
    const char *text = "kerja sama kota-kota kembar dan pemerintah daerah yang "
                       "kebijakan ini , kerja sama luar kebijakan publik . dalam program";
    struct seen by_text, by_number;
    extract_normalized(text, false, &by_text);
    extract_normalized(text, true, &by_number);
    assert_true(by_text.n > 5);
    assert_int_equal(by_text.n, by_number.n);
    for (size_t i = 0; i < by_text.n; i++)
        assert_string_equal(by_text.items[i], by_number.items[i]);
    assert_true(has(&by_number, "pemerintahdaerah|pemerintah daerah"));
    assert_true(has(&by_number, "kerjasama|kerja sama")); /* a protected phrase, by number */
}

/*
 * Candidates of text with a stemmer whose roots are tulis, jadi and contoh, every token in
 * language lang; words numbered up front or looked up by text.
 */
static void extract_stemmed(const char *text, enum jk_lang lang, bool numbered, struct seen *out)
{
    struct jk_stopwords sw;
    jk_stopwords_init(&sw);
    jk_stopwords_add(&sw, "yang", 4);
    struct jk_stemmer stemmer;
    jk_stemmer_init(&stemmer);
    const char *roots[] = {"tulis", "jadi", "contoh"};
    for (size_t i = 0; i < sizeof(roots) / sizeof(*roots); i++)
        jk_stemmer_add_root(&stemmer, roots[i], strlen(roots[i]));
    struct jk_normalizer norm;
    jk_normalizer_init(&norm, &sw);
    norm.stemmer = &stemmer;
    struct jk_extractor x;
    jk_extractor_init(&x, &sw, &norm, 4);
    struct jk_token toks[128];
    uint32_t ids[128];
    enum jk_lang langs[128];
    size_t n = tokens_of(text, toks);
    for (size_t i = 0; i < n; i++) {
        langs[i] = lang;
        if (numbered && toks[i].kind == JK_TOK_WORD)
            ids[i] = jk_normalizer_word(&norm, text + toks[i].offset, toks[i].length);
    }
    x.word_ids = numbered ? ids : NULL;
    memset(out, 0, sizeof(*out));
    jk_extract_terms(&x, text, toks, n, langs, record, out);
    jk_extractor_release(&x);
    jk_normalizer_release(&norm);
    jk_stemmer_release(&stemmer);
    jk_stopwords_release(&sw);
}

/* Whether a candidate's surface starts with word, or holds it anywhere (anywhere). */
static bool surface_has(const struct seen *s, const char *word, bool anywhere)
{
    size_t len = strlen(word);
    for (size_t i = 0; i < s->n; i++) {
        const char *surface = strchr(s->items[i], '|') + 1;
        for (const char *p = surface; *p; p = strchr(p, ' ') ? strchr(p, ' ') + 1 : "") {
            if (!strncmp(p, word, len) && (p[len] == ' ' || p[len] == '\0'))
                return true;
            if (!anywhere)
                break;
        }
    }
    return false;
}

/*
 * In Indonesian sentences a passive (di-) verb ends the run like a stopword and an active
 * (meN-) verb starts no candidate, though one may end it ("kemampuan menulis"); English
 * sentences keep both.
 */
static void test_verbs_start_no_term(void **state)
{
    (void)state;
    const char *text = "kemampuan menulis siswa dijadikan contoh kota , menulis puisi";
    for (int numbered = 0; numbered < 2; numbered++) {
        struct seen s;
        extract_stemmed(text, JK_LANG_ID, numbered, &s);
        assert_true(has(&s, "kemampuantulis|kemampuan menulis"));
        assert_true(has(&s, "kemampuantulissiswa|kemampuan menulis siswa"));
        assert_true(has(&s, "contohkota|contoh kota"));
        assert_true(has(&s, "puisi|puisi"));
        assert_false(surface_has(&s, "menulis", false));  /* no candidate starts with it */
        assert_false(surface_has(&s, "dijadikan", true)); /* none holds it */
        assert_false(has(&s, "siswacontoh|siswa contoh"));

        extract_stemmed(text, JK_LANG_EN, numbered, &s);
        assert_true(surface_has(&s, "menulis", false));
        assert_true(has(&s, "dijadikan|dijadikan"));
    }
}

/*
 * In English sentences a past participle ("collected", "limited") ends no candidate, as
 * noun phrases end in a noun; it may start one ("limited budget"). "speed" is no
 * participle, and Indonesian sentences keep such words.
 */
static void test_english_participles_end_no_term(void **state)
{
    (void)state;
    const char *text = "data collected , limited budget , speed";
    for (int numbered = 0; numbered < 2; numbered++) {
        struct seen s;
        extract_stemmed(text, JK_LANG_EN, numbered, &s);
        assert_true(has(&s, "data|data"));
        assert_true(has(&s, "limitedbudget|limited budget"));
        assert_true(has(&s, "budget|budget"));
        assert_true(has(&s, "speed|speed"));
        assert_false(has(&s, "collected|collected"));
        assert_false(has(&s, "datacollected|data collected"));
        assert_false(has(&s, "limited|limited"));
        extract_stemmed(text, JK_LANG_ID, numbered, &s);
        assert_true(has(&s, "collected|collected"));
        assert_true(has(&s, "limited|limited"));
    }
}

/* How many candidates are item ("key|surface"). */
static size_t times(const struct seen *s, const char *item)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n; i++)
        n += strcmp(s->items[i], item) == 0;
    return n;
}

/*
 * An acronym's long form written out, which a stopword would cut ("badan pengawas obat dan
 * makanan"), is one word of its run, as the acronym is: no fragments of it. One without a
 * stopword inside gives its n-grams as before, and a run that only starts like a long form
 * is ordinary words.
 */
static void test_long_forms_written_out(void **state)
{
    (void)state;
    struct jk_acronyms a;
    jk_acronyms_init(&a);
    jk_acronyms_add(&a, "bpom", 4, "badan pengawas obat dan makanan", 31);
    jk_acronyms_add(&a, "sdm", 3, "sumber daya manusia", 19);
    jk_acronyms_resolve(&a);
    struct jk_stopwords sw;
    jk_stopwords_init(&sw);
    jk_stopwords_add(&sw, "dan", 3);
    struct jk_extractor x;
    jk_extractor_init(&x, &sw, NULL, 3);
    jk_acronyms_attach(&a, &x);
    const char *text = "peran badan pengawas obat dan makanan , badan pengawas obat dan "
                       "kementerian , sumber daya manusia unggul";
    struct jk_token toks[128];
    size_t n = tokens_of(text, toks);
    struct seen s;
    memset(&s, 0, sizeof(s));
    jk_extract_terms(&x, text, toks, n, NULL, record, &s);
    assert_int_equal(times(&s, "badanpengawasobatdanmakanan|badan pengawas obat dan makanan"), 1);
    assert_int_equal(times(&s, "badan|badan"), 1); /* the second run only */
    assert_int_equal(times(&s, "badanpengawasobat|badan pengawas obat"), 1);
    assert_false(has(&s, "makanan|makanan"));
    assert_true(has(&s, "kementerian|kementerian"));
    assert_true(has(&s, "sumberdayamanusia|sumber daya manusia"));
    assert_true(has(&s, "sumber|sumber"));
    assert_true(has(&s, "dayamanusiaunggul|daya manusia unggul"));
    jk_extractor_release(&x);
    jk_stopwords_release(&sw);
    jk_acronyms_release(&a);
}

static void test_ngrams_inside_runs_only(void **state)
{
    (void)state;
    struct seen s;
    extract("pemerintah daerah provinsi dan kota bandung", 3, &s);
    assert_true(has(&s, "pemerintah|pemerintah"));
    assert_true(has(&s, "pemerintahdaerah|pemerintah daerah"));
    assert_true(has(&s, "pemerintahdaerahprovinsi|pemerintah daerah provinsi"));
    assert_true(has(&s, "kotabandung|kota bandung"));
    assert_false(has(&s, "provinsidankota|provinsi dan kota"));
    assert_false(has(&s, "provinsikota|provinsi kota"));
    assert_int_equal(s.n, 6 + 3); /* 3 + 2 + 1 n-grams, then 2 + 1 */
}

static void test_max_words_limits_length(void **state)
{
    (void)state;
    struct seen s;
    extract("pemerintah daerah provinsi", 2, &s);
    assert_false(has(&s, "pemerintahdaerahprovinsi|pemerintah daerah provinsi"));
    assert_true(has(&s, "daerahprovinsi|daerah provinsi"));
    assert_int_equal(s.n, 5);
}

static void test_punctuation_numbers_and_sentences_cut_runs(void **state)
{
    (void)state;
    struct seen s;
    extract("sister city , pariwisata 2019 budaya . investasi asing", 3, &s);
    assert_true(has(&s, "sistercity|sister city"));
    assert_false(has(&s, "citypariwisata|city pariwisata"));
    assert_false(has(&s, "pariwisatabudaya|pariwisata budaya"));
    assert_false(has(&s, "budayainvestasi|budaya investasi"));
    assert_true(has(&s, "investasiasing|investasi asing"));
}

static void test_protected_phrase_survives_stopwords(void **state)
{
    (void)state;
    struct seen s;
    extract("kerja sama antara kota bandung dan kota seoul", 3, &s);
    assert_true(has(&s, "kerjasama|kerja sama"));
    assert_false(has(&s, "kerja|kerja")); /* the phrase is one unit */
    assert_false(has(&s, "sama|sama"));
    extract("kerja sama luar negeri pemerintah", 3, &s);
    assert_true(has(&s, "luarnegeri|luar negeri"));
    assert_true(has(&s, "luarnegeripemerintah|luar negeri pemerintah"));
    /* no candidate starts or ends with a stopword held by a phrase */
    assert_false(has(&s, "kerjasamaluar|kerja sama luar"));
    assert_false(has(&s, "samaluarnegeri|sama luar negeri"));
}

/*
 * Authors of in-text citations are no terms: in parentheses with a year after a comma, or
 * right before a year in parentheses. Parentheses without such a year, or with a year but
 * not in a citation's place, are ordinary text.
 */
static void test_citations_give_no_terms(void **state)
{
    (void)state;
    struct seen s;
    extract("diplomasi kota ( nuralam , 2018 ) pariwisata", 3, &s);
    assert_true(has(&s, "diplomasikota|diplomasi kota"));
    assert_true(has(&s, "pariwisata|pariwisata"));
    assert_false(has(&s, "nuralam|nuralam"));
    extract("( tjandradewi & marcotullio , 2009 ; kementerian luar negeri , 2006 : 12 )", 3, &s);
    assert_int_equal(s.n, 0);
    extract("menurut kajian sinambela ( 2012 : 45 ) diplomasi publik", 3, &s);
    assert_false(has(&s, "sinambela|sinambela"));
    assert_false(has(&s, "kajiansinambela|kajian sinambela"));
    assert_true(has(&s, "kajian|kajian"));
    assert_true(has(&s, "diplomasipublik|diplomasi publik"));
    /* not citations: no year, a year without its comma, a sentence ending before ")" */
    extract("sumber daya manusia ( sdm ) kota", 3, &s);
    assert_true(has(&s, "sdm|sdm"));
    extract("( periode kota 2018 ) ( kota nuralam , 2018 . wisata ) kota", 3, &s);
    assert_true(has(&s, "periodekota|periode kota"));
    assert_true(has(&s, "kotanuralam|kota nuralam"));
    assert_true(has(&s, "wisata|wisata"));
    extract("( 2018 kota", 3, &s); /* never closed */
    assert_true(has(&s, "kota|kota"));
}

/*
 * Given the text's case, a citation without APA's comma gives no term either: capitalised
 * names (or one institution's acronym) before the year. Lower-case words, a word in
 * capitals among lower-case ones, a heading's capitals and a name after a non-name stay.
 */
static void test_citations_without_comma_give_no_terms(void **state)
{
    (void)state;
    struct seen s;
    extract_cased("Diplomasi kota ( Mukti 2013 ) pariwisata", 3, &s);
    assert_true(has(&s, "diplomasikota|diplomasi kota"));
    assert_true(has(&s, "pariwisata|pariwisata"));
    assert_false(has(&s, "mukti|mukti"));
    extract_cased("( Tjandradewi dan Marcotullio 2009 ; BPS 2020 : 12 ; Kementerian Luar Negeri "
                  "2006 ; Mukti & Arfani 2013 ; Mukti dkk 2013 )",
                  3, &s);
    assert_int_equal(s.n, 0);
    extract_cased("( Sugiyono 2017 : 45 ) ( Ölberg 2001 )", 3, &s);
    assert_int_equal(s.n, 0);
    /* not names: lower case, a lower-case word inside, a number inside, a heading */
    extract_cased("( periode kota 2018 ) ( Periode kota 2018 ) ( UU 23 Tahun 2014 )", 3, &s);
    assert_true(has(&s, "periodekota|periode kota"));
    assert_true(has(&s, "tahun|tahun"));
    extract_cased("( STUDI KASUS KOTA PADANG 2018 )", 3, &s);
    assert_true(has(&s, "kotapadang|kota padang"));
    extract_cased("( dan Mukti 2013 ) ( Satu Dua Tiga Empat Lima Enam Tujuh 2013 )", 3, &s);
    assert_true(has(&s, "mukti|mukti"));
    assert_true(has(&s, "tujuh|tujuh"));
    /* without the case nothing changes */
    extract("( mukti 2013 )", 3, &s);
    assert_true(has(&s, "mukti|mukti"));
    /* in the sentence: every capitalised word of the name before "(2012)" */
    extract_cased("kajian Tonny Dian Effendy ( 2012 ) tentang", 3, &s);
    assert_true(has(&s, "kajian|kajian"));
    assert_false(has(&s, "tonny|tonny"));
    assert_false(has(&s, "kajiantonnydian|kajian tonny dian"));
    assert_int_equal(s.n, 2); /* kajian, tentang */
    assert_true(has(&s, "tentang|tentang"));
    extract("kajian tonny dian effendy ( 2012 ) tentang", 3, &s);
    assert_true(has(&s, "tonnydian|tonny dian"));
    assert_false(has(&s, "effendy|effendy"));
}

/*
 * A protected phrase without a stopword (a place name) is one unit too: no candidate starts
 * or ends inside it, and it counts as one word toward max_words, so the head-first noun
 * phrase "pemerintah provinsi nusa tenggara barat" is a candidate within 3 words.
 */
static void test_protected_phrase_is_one_unit(void **state)
{
    (void)state;
    struct seen s;
    extract("pemerintah provinsi nusa tenggara barat", 3, &s);
    assert_true(has(&s, "pemerintahprovinsinusatenggarabarat|"
                        "pemerintah provinsi nusa tenggara barat"));
    assert_true(has(&s, "provinsinusatenggarabarat|provinsi nusa tenggara barat"));
    assert_true(has(&s, "nusatenggarabarat|nusa tenggara barat"));
    assert_true(has(&s, "pemerintahprovinsi|pemerintah provinsi"));
    assert_false(has(&s, "provinsinusatenggara|provinsi nusa tenggara"));
    assert_false(has(&s, "pemerintahprovinsinusa|pemerintah provinsi nusa"));
    assert_false(has(&s, "nusa|nusa"));
    assert_false(has(&s, "barat|barat"));
    assert_false(has(&s, "tenggarabarat|tenggara barat"));
    assert_int_equal(s.n, 6); /* pemerintah, provinsi, the phrase, and the three that end it */
    /* the phrases inside a longer one still start and end candidates, and the longer one
     * with what follows counts two words */
    extract("kerja sama luar negeri pemerintah daerah", 2, &s);
    assert_true(has(&s, "kerjasamaluarnegeripemerintah|kerja sama luar negeri pemerintah"));
    assert_false(has(&s, "kerjasamaluarnegeripemerintahdaerah|"
                         "kerja sama luar negeri pemerintah daerah"));
    assert_true(has(&s, "luarnegeripemerintah|luar negeri pemerintah"));
    extract("pemerintah provinsi nusa tenggara barat", 1, &s);
    assert_true(has(&s, "nusatenggarabarat|nusa tenggara barat"));
    assert_int_equal(s.n, 3);
}

/*
 * Inside a protected phrase, a stopword between two of its content words cuts no term out of
 * it: "letter" and "intent" alone, or "penandatanganan letter", are not candidates; the phrase
 * and what extends it whole are.
 */
static void test_protected_phrase_inner_stopwords(void **state)
{
    (void)state;
    struct jk_stopwords sw;
    jk_stopwords_init(&sw);
    jk_stopwords_add(&sw, "of", 2);
    jk_stopwords_add_phrase(&sw, "letter of intent", 16);
    struct jk_extractor x;
    jk_extractor_init(&x, &sw, NULL, 4);
    const char *text = "penandatanganan letter of intent kota , letter kota";
    struct jk_token toks[16];
    size_t n = tokens_of(text, toks);
    struct seen s;
    memset(&s, 0, sizeof(s));
    jk_extract_terms(&x, text, toks, n, NULL, record, &s);
    assert_true(has(&s, "letterofintent|letter of intent"));
    assert_true(has(&s, "letterofintentkota|letter of intent kota"));
    assert_true(has(&s, "penandatanganan|penandatanganan"));
    assert_true(has(&s, "penandatangananletterofintent|penandatanganan letter of intent"));
    assert_false(has(&s, "penandatangananletter|penandatanganan letter"));
    assert_false(has(&s, "intent|intent"));
    assert_false(has(&s, "intentkota|intent kota"));
    assert_int_equal(times(&s, "letter|letter"), 1); /* the one after the comma */
    jk_extractor_release(&x);
    jk_stopwords_release(&sw);
}

static void test_written_together_shares_the_key(void **state)
{
    (void)state;
    struct seen a, b;
    extract("kerjasama sister province", 3, &a);
    extract("kerja sama sister province", 3, &b);
    assert_true(has(&a, "kerjasama|kerjasama"));
    assert_true(has(&b, "kerjasama|kerja sama"));
    assert_true(has(&a, "kerjasamasisterprovince|kerjasama sister province"));
}

static void test_reduplication(void **state)
{
    (void)state;
    struct seen s;
    extract("program-program pemerintah , rata-rata dinas masing-masing daerah", 3, &s);
    assert_true(has(&s, "program|program"));
    assert_true(has(&s, "programpemerintah|program pemerintah"));
    assert_false(has(&s, "rata|rata"));
    assert_false(has(&s, "rata-rata|rata-rata"));
    assert_false(has(&s, "dinasdaerah|dinas daerah")); /* masing-masing cuts the run */
    assert_true(has(&s, "dinas|dinas"));
    assert_int_equal(jk_reduplication_root("faktor-faktor", 13), 6);
    assert_int_equal(jk_reduplication_root("sub-state", 9), 9);
    assert_int_equal(jk_reduplication_root("bolak-balik", 11), 11);
}

static void test_single_letters_are_not_terms(void **state)
{
    (void)state;
    struct seen s;
    extract("a kerjasama b", 3, &s);
    assert_int_equal(s.n, 1);
    assert_true(has(&s, "kerjasama|kerjasama"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ngrams_inside_runs_only),
        cmocka_unit_test(test_verbs_start_no_term),
        cmocka_unit_test(test_english_participles_end_no_term),
        cmocka_unit_test(test_adjectives_head_no_term),
        cmocka_unit_test(test_long_forms_written_out),
        cmocka_unit_test(test_numbered_words_same_candidates),
        cmocka_unit_test(test_keys_only_same_keys),
        cmocka_unit_test(test_max_words_limits_length),
        cmocka_unit_test(test_punctuation_numbers_and_sentences_cut_runs),
        cmocka_unit_test(test_protected_phrase_survives_stopwords),
        cmocka_unit_test(test_protected_phrase_inner_stopwords),
        cmocka_unit_test(test_protected_phrase_is_one_unit),
        cmocka_unit_test(test_citations_give_no_terms),
        cmocka_unit_test(test_citations_without_comma_give_no_terms),
        cmocka_unit_test(test_written_together_shares_the_key),
        cmocka_unit_test(test_reduplication),
        cmocka_unit_test(test_single_letters_are_not_terms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
