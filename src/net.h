/* net.h: a network as a layer table, one row per weight layer.
 *
 * A `net` owns one array of `net_layer` values (no pointers inside a layer);
 * net_free() releases the array and the struct, callers never free layers.
 * The layer table is the CSV every tool exchanges (columns in NET_COLUMNS).
 * Dimensions follow Timeloop's convention: C input channels and M output
 * channels *per group*, R x S kernel, P x Q output, G groups (a depthwise
 * layer has C = M = 1 and G = channels), so weights = G*C*M*R*S and
 * macs = weights*P*Q.
 *
 * Data statistics (what the energy of an analog array read depends on): x_mean
 * is the mean value of an 8-bit input under offset encoding, normalised to
 * [0, 1]; w_mean[b] the mean value of a b-bit weight slice, normalised by
 * 2^b - 1, averaged over the ceil(8/b) slices of a weight
 * (docs: ../shared/reference/cimloop-model.md section 3.4).  They come from the
 * layer's histograms when the source has them, else from net_stats_default().
 */
#ifndef IMC_NET_H
#define IMC_NET_H

#include <stddef.h>
#include <stdio.h>

#define NET_NAME_MAX 64
#define NET_MAX_BITS 8          /* weight bits; w_mean has entries 1..8 */
/* Largest value of any dimension (C, M, R, S, P, Q, stride, groups), for
 * every reader and writer of layers: 2^40, far beyond any network, and
 * small enough that weights = G*C*M*R*S stays exact in a double. */
#define NET_MAX_DIM (1L << 40)

typedef enum {
    NET_OP_CONV,    /* "conv": dense convolution (groups == 1) */
    NET_OP_DWCONV,  /* "dwconv": grouped/depthwise convolution */
    NET_OP_LINEAR,  /* "linear": fully connected (R = S = 1) */
    NET_OP_MATMUL   /* "matmul": activation x activation (attention) */
} net_op;

typedef struct net_layer {
    char name[NET_NAME_MAX];
    net_op op;
    long C, M, R, S, P, Q;  /* per-group channels, kernel, output size */
    long stride;            /* same in both directions */
    long groups;            /* G */
    double weights;         /* G*C*M*R*S, count */
    double macs;            /* weights*P*Q, count per inference */
    double x_mean;          /* mean 8-bit input slice value, in [0,1] */
    double w_mean[NET_MAX_BITS + 1]; /* [b] for b = 1..8; [0] unused */
} net_layer;

typedef struct net {
    char name[NET_NAME_MAX];  /* workload name (layer file's base name) */
    size_t n, cap;
    net_layer *layers;
} net;

net *net_alloc(const char *name);
void net_free(net *n);
/* Append a copy of *l; IMC_EINPUT (reported) on out-of-memory. */
int net_push(net *n, const net_layer *l);

const char *net_op_name(net_op op);
/* Look up an op name: IMC_OK, or IMC_EINPUT (not reported). */
int net_op_from_name(const char *s, net_op *op);

/* Set every field of *l: name, op, dimensions, the default statistics
 * (net_stats_default) and the derived weights and macs.  Does not check
 * the dimensions (net_layer_check does). */
void net_layer_init(net_layer *l, const char *name, net_op op, long C,
                    long M, long R, long S, long P, long Q, long stride,
                    long groups);

/* Fill weights and macs from the dimensions. */
void net_layer_derive(net_layer *l);
/* Check every dimension is in [1, NET_MAX_DIM], weights and macs are below
 * 2^53 (exact as doubles), and dimensions and op agree; on failure report
 * at file:line. */
int net_layer_check(const net_layer *l, const char *file, long line);

/* Input activation bits the layer reads (C*G*H*W*8 with H = (P-1)*stride+R,
 * W = (Q-1)*stride+S) and output bits it writes (M*G*P*Q*8). */
double net_layer_input_bits(const net_layer *l);
double net_layer_output_bits(const net_layer *l);

/* Statistics for a layer without histograms: every operand at the zero
 * point, i.e. mid-code under offset encoding (see net.c for why). */
void net_stats_default(net_layer *l);
/* Statistics from zero-centred histograms with 2^k - 1 bins (k in 1..8),
 * normalised or not: input histogram -> x_mean, weight histogram -> w_mean.
 * Returns IMC_OK, or IMC_EINPUT (not reported) when nbins is not 2^k - 1,
 * a bin is negative or the mass is 0. */
int net_stats_from_hist(net_layer *l, const double *in_hist, size_t in_bins,
                        const double *w_hist, size_t w_bins);

/* Read / write the layer-table CSV.  The reader names the net after the
 * file's base name without extension ("<stdin>" -> "stdin"). */
int net_read_table(const char *path, net **out);
int net_write_table(FILE *fp, const net *n);

/* Read n layer tables into a new array *out of n nets (the workloads of a
 * command line); on failure nothing is left allocated.  Release with
 * net_free_all(*out, n). */
int net_read_tables(char *const *paths, size_t n, net ***out);
/* Free an array of nets and the array; NULL is a no-op. */
void net_free_all(net **nets, size_t n);

/* Totals over layers. */
double net_total_weights(const net *n);
double net_total_macs(const net *n);

#endif
