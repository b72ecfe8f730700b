/*
 * Cluster colours shared by every picture and every export that colours
 * clusters (GEXF, HTML, PNG/SVG): one palette, so cluster 3 looks the same
 * everywhere.
 */
#ifndef JK_PALETTE_H
#define JK_PALETTE_H

/* Number of clusters with a colour of their own. */
#define JK_PALETTE_SIZE 12

/*
 * Writes the colour of cluster (1-based, 1 = largest) to rgb[0..2] (sRGB,
 * 0..255):
 * - clusters 1-8: the colour-blind-safe Okabe-Ito palette (Okabe & Ito
 *   2008, "Color Universal Design"), ordered so neighbouring numbers differ
 *   most: 1 blue #0072B2, 2 vermillion #D55E00, 3 bluish green #009E73,
 *   4 reddish purple #CC79A7, 5 orange #E69F00, 6 sky blue #56B4E9,
 *   7 yellow #F0E442, 8 black #000000;
 * - clusters 9-12 (the extension): four colours of Paul Tol's "muted"
 *   scheme that stay apart from those: 9 wine #882255, 10 olive #999933,
 *   11 indigo #332288, 12 sand #DDCC77;
 * - cluster 0 (not clustered) and clusters past 12: grey #BFBFBF
 *   (VOSviewer's item grey): more hues could no longer be told apart, so the
 *   smallest clusters share one neutral colour and are told apart by labels.
 * The same order as the pictures' palette (draw.c).
 */
void jk_cluster_color(unsigned cluster, unsigned char rgb[3]);

#endif
