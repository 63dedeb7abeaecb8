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
 * (docs/cost-model.md, data statistics).  They come from the layer's
 * histograms when the source has them, else from net_stats_default().
 *
 * `dynamic` marks a layer whose second operand is itself an activation (a
 * matmul between activations, such as attention's Q K^T): that operand is
 * new at every inference, so a cost model must write it into the arrays
 * each time instead of keeping it resident.  The CSV column is optional for
 * readers (absent means 0).
 *
 * Also here, for every importer: checked products of dimensions against
 * NET_MAX_DIM, the escaping of input text quoted in messages, and a name
 * index (a string-to-number hash map that owns copies of its keys).
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
    int dynamic;            /* 1: second operand is an activation */
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
 * (net_stats_default), the derived weights and macs, and dynamic (1 for op
 * matmul, which every importer uses only between activations, 0 for the
 * others).  Does not check the dimensions (net_layer_check does). */
void net_layer_init(net_layer *l, const char *name, net_op op, long C,
                    long M, long R, long S, long P, long Q, long stride,
                    long groups);

/* Fill weights and macs from the dimensions. */
void net_layer_derive(net_layer *l);
/* Check every dimension is in [1, NET_MAX_DIM], weights and macs are below
 * 2^53 (exact as doubles), dimensions and op agree and dynamic is 0 or 1;
 * on failure report at file:line. */
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

/* The name a reader gives the net of file path: its base name without the
 * extension ("-" and "<stdin>" give "stdin"), cut to cap - 1 bytes. */
void net_base_name(const char *path, char *out, size_t cap);

/* A parser of one text format from an open stream (netfmt_read_stream,
 * neurosim_read_stream): label for messages, name for the net. */
typedef int net_stream_reader(FILE *fp, const char *label, const char *name,
                              net **out);
/* Open path ("-" is stdin, labelled "<stdin>" and named "stdin") and parse
 * it with fn, naming the net with net_base_name; a file that cannot be
 * opened is reported as "path:1: cannot open: reason".  Returns fn's
 * status, with *out as fn leaves it (NULL on failure). */
int net_read_with(const char *path, net_stream_reader *fn, net **out);

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

/* Multiply two dimensions (each >= 0): IMC_OK with the product in *out
 * when it is at most NET_MAX_DIM, else IMC_EINPUT (not reported) with *out
 * unchanged.  Never overflows, whatever the arguments. */
int net_dim_mul(long a, long b, long *out);

/* Copy s into out (cap bytes, cap >= 8) for quoting in a one-line message:
 * control bytes and DEL become \xNN, and text beyond about cap - 8 bytes
 * is cut and marked with "...".  out is always NUL-terminated. */
void net_escape(const char *s, char *out, size_t cap);
/* Size of a net_escape buffer that fits every message of the toolkit. */
#define NET_QUOTE_MAX 96

/* Read the whole of path ("-" is stdin) into a new NUL-terminated buffer
 * *buf (the caller frees it) of *len bytes.  A file larger than max bytes
 * is refused, naming what (e.g. "a layer's problem file is a few
 * kilobytes"); every failure is reported as "path:1: ..." and returns
 * IMC_EINPUT with *buf NULL. */
int net_slurp(const char *path, size_t max, const char *what, char **buf,
              size_t *len);

/* Call fn(ctx, line, lineno) for every line of fp (lineno from 1, the
 * line NUL-terminated with its newline kept) until fn returns other than
 * IMC_OK.  A line holding a NUL byte, a read error and running out of
 * memory are reported at label:lineno.  Returns IMC_OK at the end of the
 * file, else the failing status; *lines (when not NULL) gets the number
 * of lines read. */
int net_each_line(FILE *fp, const char *label,
                  int (*fn)(void *ctx, char *line, long lineno), void *ctx,
                  long *lines);

/* ---- name index ------------------------------------------------------ */

/* A hash map from strings to numbers (expected O(1) per operation).  It
 * owns copies of its keys; net_index_free releases them. */
typedef struct net_index net_index;

net_index *net_index_alloc(void);
void net_index_free(net_index *ix);
/* Predicate: 1 with the value in *value (when value is not NULL) when key
 * is in the index, else 0. */
int net_index_find_p(const net_index *ix, const char *key, size_t *value);
/* Set key to value (adding the key, or replacing its value): IMC_OK, or
 * IMC_EINPUT (not reported) when memory runs out, the index unchanged. */
int net_index_put(net_index *ix, const char *key, size_t value);

/* Totals over layers. */
double net_total_weights(const net *n);
double net_total_macs(const net *n);

#endif
