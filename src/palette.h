/*
 * Cluster colours shared by every picture and every export that colours
 * clusters (GEXF, HTML, PNG/SVG): one palette, so cluster 3 looks the same
 * everywhere.
 */
#ifndef JK_PALETTE_H
#define JK_PALETTE_H

/* Number of clusters with a colour of their own. */
#define JK_PALETTE_SIZE 8

/*
 * Writes the colour of cluster (1-based, 1 = largest) to rgb[0..2] (sRGB,
 * 0..255). Clusters 1..8 get the Okabe-Ito colour-blind-safe palette (Okabe
 * & Ito 2008, "Color Universal Design"), in an order chosen to echo
 * VOSviewer's default red, green, blue, yellow, purple, light blue, orange:
 *   1 vermillion #D55E00   2 bluish green #009E73   3 blue #0072B2
 *   4 yellow #F0E442       5 reddish purple #CC79A7 6 sky blue #56B4E9
 *   7 orange #E69F00       8 black #000000
 * Cluster 0 (not clustered) and clusters beyond 8 are grey #999999: more
 * hues would no longer be told apart reliably, by colour-blind readers or
 * anyone else, so the ninth and later (smallest) clusters share one neutral
 * colour and are told apart by their labels.
 */
void jk_cluster_color(unsigned cluster, unsigned char rgb[3]);

#endif
