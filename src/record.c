/* Bibliographic records (see record.h). */
#include "record.h"

#include <math.h>

size_t jk_record_max_bytes = (size_t)256 << 20;

void jk_record_init(struct jk_record *r)
{
    r->source = NULL;
    r->number = 0;
    r->line = 0;
    jk_buf_init(&r->title);
    jk_buf_init(&r->abstract);
    jk_buf_init(&r->keywords);
    jk_buf_init(&r->fulltext);
    jk_buf_init(&r->authors);
    jk_buf_init(&r->doi);
    jk_buf_init(&r->venue);
    r->year = 0;
    r->citations = NAN;
}

void jk_record_release(struct jk_record *r)
{
    if (!r)
        return;
    jk_buf_release(&r->title);
    jk_buf_release(&r->abstract);
    jk_buf_release(&r->keywords);
    jk_buf_release(&r->fulltext);
    jk_buf_release(&r->authors);
    jk_buf_release(&r->doi);
    jk_buf_release(&r->venue);
}

void jk_record_clear(struct jk_record *r)
{
    jk_buf_clear(&r->title);
    jk_buf_clear(&r->abstract);
    jk_buf_clear(&r->keywords);
    jk_buf_clear(&r->fulltext);
    jk_buf_clear(&r->authors);
    jk_buf_clear(&r->doi);
    jk_buf_clear(&r->venue);
    r->year = 0;
    r->citations = NAN;
}
