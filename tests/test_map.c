/*
 * Tests for the map's own helpers (src/map.c) not covered by the stages that
 * use them: the link check every stage indexing arrays by term relies on,
 * and that check as the export and clustering stages report it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "cluster.h"
#include "export_csv.h"
#include "map.h"
#include "util/mem.h"

/* Three labelled terms and the links given. */
static void make_map(struct jk_map *map, const struct jk_link *links, size_t n_links)
{
    jk_map_init(map);
    map->n_terms = 3;
    map->terms = jk_calloc(3, sizeof(*map->terms));
    for (size_t i = 0; i < 3; i++) {
        map->terms[i].label = jk_strdup("t");
    }
    map->links = jk_calloc(n_links ? n_links : 1, sizeof(*map->links));
    if (n_links) /* memcpy wants an array, even of nothing */
        memcpy(map->links, links, n_links * sizeof(*links));
    map->n_links = n_links;
}

static void test_bad_link(void **state)
{
    (void)state;
    struct jk_map map;
    const struct jk_link sound[] = {{0, 1, 1, 1.0}, {1, 2, 1, 1.0}};
    make_map(&map, sound, 2);
    assert_int_equal(jk_map_bad_link(&map), 2);
    jk_map_release(&map);
    make_map(&map, NULL, 0);
    assert_int_equal(jk_map_bad_link(&map), 0);
    jk_map_release(&map);
    /* the first of two bad links, whichever end is out of range */
    const struct jk_link bad[] = {{0, 1, 1, 1.0}, {1, 3, 1, 1.0}, {3, 0, 1, 1.0}};
    make_map(&map, bad, 3);
    assert_int_equal(jk_map_bad_link(&map), 1);
    map.links[1].target = 2;
    assert_int_equal(jk_map_bad_link(&map), 2);
    jk_map_release(&map);
}

/* The stages that check it name the link (counted from 1) in one error. */
static void test_stages_report_the_bad_link(void **state)
{
    (void)state;
    struct jk_map map;
    const struct jk_link bad[] = {{0, 1, 1, 1.0}, {1, 5, 1, 1.0}};
    make_map(&map, bad, 2);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_check_map(&map, &diag), JK_E_INTERNAL);
    assert_non_null(strstr(diag.msg, "link 2 joins term indices 1 and 5 but the map has only 3"));
    struct jk_cluster_options opt;
    jk_cluster_options_default(&opt);
    opt.engine = JK_LEIDEN_COMPACT;
    jk_diag_init(&diag);
    assert_int_equal(jk_cluster(&map, &opt, &diag), JK_E_INTERNAL);
    assert_non_null(strstr(diag.msg, "link 2 joins terms 1 and 5 of a map of 3 terms"));
    jk_map_release(&map);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_link),
        cmocka_unit_test(test_stages_report_the_bad_link),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
