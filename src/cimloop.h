/* cimloop.h: reader of CiMLoop / Timeloop v0.4 per-layer problem files.
 *
 * The reference implementation describes each network as a directory with
 * one YAML file per weight layer (docs/reference-data.md, "workloads").
 * Each file starts with a Jinja line
 * `{{include_text('../problem_base.yaml')}}` and holds a `problem` mapping:
 *   - `instance`: the non-1 dimensions among C, M, P, Q, R, S, G and the
 *     strides HStride / WStride (a missing dimension is 1; N, Hdilation and
 *     Wdilation are accepted only as 1);
 *   - `name`: the PyTorch operator, mapped to the layer-table op: Conv2d ->
 *     conv (dwconv when G > 1), Linear and Conv1D -> linear, any name
 *     containing "Attention" -> matmul (dynamic = 1: both operands are
 *     activations); a file without `name` is a plain Timeloop problem,
 *     read as conv (dwconv when G > 1);
 *   - `histograms`: zero-centred Inputs / Weights / Outputs histograms with
 *     2^k - 1 bins, turned into x_mean and w_mean by net_stats_from_hist();
 *     a file without histograms gets net_stats_default().
 * The Jinja line is blanked into a YAML comment (so line numbers stay
 * right) and the text is read with libyaml's event parser, which passes the
 * `<<<: *problem_base` alias through unresolved; that key is ignored.
 * Horizontal and vertical strides must agree (the layer table has one).
 *
 * Limits: a file of more than CIMLOOP_MAX_BYTES, or nested deeper than
 * CIMLOOP_MAX_DEPTH sequences and mappings, is refused with one message
 * (libyaml's time grows with the square of the depth).  Input text quoted
 * in messages is escaped (net_escape).
 *
 * Ownership: cimloop_read_dir() returns a new net the caller frees with
 * net_free(); cimloop_read_layer() appends to a net the caller owns.  No
 * state is kept between calls.
 */
#ifndef IMC_CIMLOOP_H
#define IMC_CIMLOOP_H

#include "net.h"

/* A problem file is a few kilobytes (a 255-bin histogram is about 2 KB);
 * 1 MiB leaves ample room for comments. */
#define CIMLOOP_MAX_BYTES (1 << 20)
/* The reference's files nest 4 levels (problem, histograms, a list). */
#define CIMLOOP_MAX_DEPTH 32

/* Read every "*.yaml" file of directory dir (hidden files skipped), in
 * byte order of their names, as one layer each.  The net is named after the
 * directory's base name B and a layer file F.yaml becomes layer "B_F".  On
 * success stores the new net in *out and returns IMC_OK; otherwise reports
 * "file:line: message" through imc_fail(), stores NULL and returns
 * IMC_EINPUT. */
int cimloop_read_dir(const char *dir, net **out);

/* Read a single problem file (a one-layer network): the net and its layer
 * are named after the file's base name without extension.  IMC_OK with a
 * new net in *out (freed with net_free), or IMC_EINPUT after reporting
 * "path:line: message", with *out NULL. */
int cimloop_read_file(const char *path, net **out);

/* Read the one layer of problem file path, name it `name`, check it with
 * net_layer_check() and append it to n.  Returns IMC_OK, or reports the
 * first problem as "path:line: message" and returns IMC_EINPUT leaving n
 * unchanged. */
int cimloop_read_layer(const char *path, const char *name, net *n);

#endif
