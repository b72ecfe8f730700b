/* Cluster colours: the Okabe-Ito palette, grey beyond it (see palette.h). */
#include "palette.h"

static const unsigned char okabe_ito[JK_PALETTE_SIZE][3] = {
    {213, 94, 0},    /* vermillion */
    {0, 158, 115},   /* bluish green */
    {0, 114, 178},   /* blue */
    {240, 228, 66},  /* yellow */
    {204, 121, 167}, /* reddish purple */
    {86, 180, 233},  /* sky blue */
    {230, 159, 0},   /* orange */
    {0, 0, 0},       /* black */
};

static const unsigned char grey[3] = {153, 153, 153};

void jk_cluster_color(unsigned cluster, unsigned char rgb[3])
{
    const unsigned char *c =
        cluster >= 1 && cluster <= JK_PALETTE_SIZE ? okabe_ito[cluster - 1] : grey;
    rgb[0] = c[0];
    rgb[1] = c[1];
    rgb[2] = c[2];
}
