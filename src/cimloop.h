/* cimloop.h: reader of CiMLoop / Timeloop v0.4 per-layer problem files.
 *
 * The reference implementation describes each network as a directory with
 * one YAML file per weight layer (../shared/reference/cimloop/README.md,
 * "workloads/").  Each file starts with a Jinja line
 * `{{include_text('../problem_base.yaml')}}` and holds a `problem` mapping:
 *   - `instance`: the non-1 dimensions among C, M, P, Q, R, S, G and the
 *     strides HStride / WStride (a missing dimension is 1; N, Hdilation and
 *     Wdilation are accepted only as 1);
 *   - `name`: the PyTorch operator, mapped to the layer-table op: Conv2d ->
 *     conv (dwconv when G > 1), Linear and Conv1D -> linear, any name
 *     containing "Attention" -> matmul;
 *   - `histograms`: zero-centred Inputs / Weights / Outputs histograms with
 *     2^k - 1 bins, turned into x_mean and w_mean by net_stats_from_hist();
 *     a file without histograms gets net_stats_default().
 * The Jinja line is blanked into a YAML comment (so line numbers stay
 * right) and the text is read with libyaml's event parser, which passes the
 * `<<<: *problem_base` alias through unresolved; that key is ignored.
 * Horizontal and vertical strides must agree (the layer table has one).
 *
 * Ownership: cimloop_read_dir() returns a new net the caller frees with
 * net_free(); cimloop_read_layer() appends to a net the caller owns.  No
 * state is kept between calls.
 */
#ifndef IMC_CIMLOOP_H
#define IMC_CIMLOOP_H

#include "net.h"

/* Read every "*.yaml" file of directory dir (hidden files skipped), in
 * byte order of their names, as one layer each.  The net is named after the
 * directory's base name B and a layer file F.yaml becomes layer "B_F".  On
 * success stores the new net in *out and returns IMC_OK; otherwise reports
 * "file:line: message" through imc_fail(), stores NULL and returns
 * IMC_EINPUT. */
int cimloop_read_dir(const char *dir, net **out);

/* Read the one layer of problem file path, name it `name`, check it with
 * net_layer_check() and append it to n.  Returns IMC_OK, or reports the
 * first problem as "path:line: message" and returns IMC_EINPUT leaving n
 * unchanged. */
int cimloop_read_layer(const char *path, const char *name, net *n);

#endif
