/* Cluster colours: Okabe-Ito, then Paul Tol's muted, then grey (see palette.h). */
#include "palette.h"

static const unsigned char colors[JK_PALETTE_SIZE][3] = {
    {0x00, 0x72, 0xB2}, /* blue */
    {0xD5, 0x5E, 0x00}, /* vermillion */
    {0x00, 0x9E, 0x73}, /* bluish green */
    {0xCC, 0x79, 0xA7}, /* reddish purple */
    {0xE6, 0x9F, 0x00}, /* orange */
    {0x56, 0xB4, 0xE9}, /* sky blue */
    {0xF0, 0xE4, 0x42}, /* yellow */
    {0x00, 0x00, 0x00}, /* black */
    {0x88, 0x22, 0x55}, /* Tol muted: wine */
    {0x99, 0x99, 0x33}, /* olive */
    {0x33, 0x22, 0x88}, /* indigo */
    {0xDD, 0xCC, 0x77}, /* sand */
};

static const unsigned char grey[3] = {0xBF, 0xBF, 0xBF};

void jk_cluster_color(unsigned cluster, unsigned char rgb[3])
{
    const unsigned char *c =
        cluster >= 1 && cluster <= JK_PALETTE_SIZE ? colors[cluster - 1] : grey;
    rgb[0] = c[0];
    rgb[1] = c[1];
    rgb[2] = c[2];
}
