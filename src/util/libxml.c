/* See libxml.h. */
#include "util/libxml.h"

#include <libxml/parser.h>
#include <pthread.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init_parser(void)
{
    xmlInitParser();
}

void jk_libxml_init(void)
{
    pthread_once(&once, init_parser);
}

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx, (void)msg;
}

static void quiet_structured(void *ctx, xmlErrorPtr error)
{
    (void)ctx, (void)error;
}

void jk_libxml_quiet(void)
{
    xmlSetGenericErrorFunc(NULL, quiet);
    xmlSetStructuredErrorFunc(NULL, quiet_structured);
}
