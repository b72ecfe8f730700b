/*
 * Render stage: writes a scene (draw.h) as an SVG 1.1 picture with
 * libxml2's xmlTextWriter, which escapes every label.
 */
#ifndef JK_RENDER_SVG_H
#define JK_RENDER_SVG_H

#include <stdio.h>

#include "draw.h"
#include "util/status.h"

/*
 * File layout (UTF-8, deterministic byte for byte, no time stamp):
 * - <svg> of s->width x s->height with a matching viewBox and a <title>;
 * - a white <rect> background; in the density view an <image> holding the
 *   density grid as a PNG data URI (one pixel per cell, which the viewer
 *   stretches smoothly: 60,000 cells as <rect>s would make a file of
 *   megabytes that shows blocks);
 * - <g id="links"> of <line>s, <g id="terms"> of one <circle> per term in
 *   term order, each with a <title> (the label, shown on hover),
 *   <g id="labels"> of <text>s (halos first), <g id="legend">;
 * - lengths in pixels with at most two decimals, colours as #rrggbb with
 *   separate opacity attributes.
 * Writes to out (left open). Returns JK_OK; JK_E_OUTPUT when writing fails;
 * JK_E_INTERNAL when libxml2 or cairo fails. The file may be partly written
 * on error.
 */
enum jk_status jk_render_svg(const struct jk_scene *s, FILE *out, struct jk_diag *diag);

#endif
