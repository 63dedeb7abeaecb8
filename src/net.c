/* net.c: layer tables: construction, checks, statistics, CSV I/O. */
#include "net.h"
#include "csvio.h"
#include "err.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ lifecycle */

net *
net_alloc(const char *name)
{
    net *n = calloc(1, sizeof *n);
    if (!n)
        return NULL;
    snprintf(n->name, sizeof n->name, "%s", name ? name : "");
    return n;
}

void
net_free(net *n)
{
    if (!n)
        return;
    free(n->layers);
    free(n);
}

int
net_push(net *n, const net_layer *l)
{
    if (n->n == n->cap) {
        size_t cap = n->cap ? 2 * n->cap : 32;
        net_layer *p = realloc(n->layers, cap * sizeof *p);
        if (!p)
            return imc_fail(NULL, 0, "out of memory");
        n->layers = p;
        n->cap = cap;
    }
    n->layers[n->n++] = *l;
    return IMC_OK;
}

/* ------------------------------------------------------------ ops, shape */

static const char *const op_names[] = {"conv", "dwconv", "linear", "matmul"};

const char *
net_op_name(net_op op)
{
    return op_names[op];
}

int
net_op_from_name(const char *s, net_op *op)
{
    for (size_t i = 0; i < sizeof op_names / sizeof op_names[0]; i++)
        if (strcmp(s, op_names[i]) == 0) {
            *op = (net_op)i;
            return IMC_OK;
        }
    return IMC_EINPUT;
}

void
net_layer_init(net_layer *l, const char *name, net_op op, long C, long M,
               long R, long S, long P, long Q, long stride, long groups)
{
    memset(l, 0, sizeof *l);
    snprintf(l->name, sizeof l->name, "%s", name);
    l->op = op;
    l->C = C;
    l->M = M;
    l->R = R;
    l->S = S;
    l->P = P;
    l->Q = Q;
    l->stride = stride;
    l->groups = groups;
    net_stats_default(l);
    net_layer_derive(l);
}

void
net_layer_derive(net_layer *l)
{
    l->weights = (double)l->groups * l->C * l->M * l->R * l->S;
    l->macs = l->weights * l->P * l->Q;
}

int
net_layer_check(const net_layer *l, const char *file, long line)
{
    const struct { const char *name; long v; } dims[] = {
        {"C", l->C}, {"M", l->M}, {"R", l->R}, {"S", l->S}, {"P", l->P},
        {"Q", l->Q}, {"stride", l->stride}, {"groups", l->groups}};
    for (size_t i = 0; i < sizeof dims / sizeof dims[0]; i++)
        if (dims[i].v < 1 || dims[i].v > NET_MAX_DIM)
            return imc_fail(file, line,
                            "layer '%s': %s = %ld, expected an integer from "
                            "1 to %ld", l->name, dims[i].name, dims[i].v,
                            NET_MAX_DIM);
    /* 2^53: beyond it the counts are no longer exact integers */
    if (!(l->macs < 9007199254740992.0) || !(l->weights >= 1))
        return imc_fail(file, line, "layer '%s': %g MACs, expected fewer "
                        "than 2^53", l->name, l->macs);
    if (l->op == NET_OP_CONV && l->groups != 1)
        return imc_fail(file, line,
                        "layer '%s': op 'conv' needs groups = 1, got %ld "
                        "(use 'dwconv')", l->name, l->groups);
    if (l->op == NET_OP_DWCONV && l->groups < 2)
        return imc_fail(file, line,
                        "layer '%s': op 'dwconv' needs groups >= 2, got %ld",
                        l->name, l->groups);
    if (l->op == NET_OP_LINEAR && (l->R != 1 || l->S != 1))
        return imc_fail(file, line,
                        "layer '%s': op 'linear' needs R = S = 1, got %ldx%ld",
                        l->name, l->R, l->S);
    if (!(l->x_mean >= 0 && l->x_mean <= 1))
        return imc_fail(file, line, "layer '%s': x_mean = %g, expected [0,1]",
                        l->name, l->x_mean);
    for (int b = 1; b <= NET_MAX_BITS; b++)
        if (!(l->w_mean[b] >= 0 && l->w_mean[b] <= 1))
            return imc_fail(file, line,
                            "layer '%s': w_mean_%d = %g, expected [0,1]",
                            l->name, b, l->w_mean[b]);
    return IMC_OK;
}

double
net_layer_input_bits(const net_layer *l)
{
    double h = (double)(l->P - 1) * l->stride + l->R;
    double w = (double)(l->Q - 1) * l->stride + l->S;
    return (double)l->C * l->groups * h * w * 8.0;
}

double
net_layer_output_bits(const net_layer *l)
{
    return (double)l->M * l->groups * l->P * l->Q * 8.0;
}

double
net_total_weights(const net *n)
{
    double s = 0;
    for (size_t i = 0; i < n->n; i++)
        s += n->layers[i].weights;
    return s;
}

double
net_total_macs(const net *n)
{
    double s = 0;
    for (size_t i = 0; i < n->n; i++)
        s += n->layers[i].macs;
    return s;
}

/* ------------------------------------------------------------ statistics */

/* Expected value of bit j (0 = LSB) of an 8-bit operand whose top k bits
 * are the histogram code and whose 8 - k missing low bits are fair coins:
 * CiMLoop's offset encoding of a zero-centred histogram (cimloop-model.md
 * section 3.4). */
static void
bit_means(const double *p, size_t nbins, int k, double bit[8])
{
    for (int j = 0; j < 8; j++) {
        if (j < 8 - k) {
            bit[j] = 0.5;
            continue;
        }
        int code_bit = j - (8 - k);
        double m = 0;
        for (size_t i = 0; i < nbins; i++)
            if ((i >> code_bit) & 1u)
                m += p[i];
        bit[j] = m;
    }
}

static int
hist_bits(size_t nbins)
{
    for (int k = 1; k <= 8; k++)
        if (nbins == ((size_t)1 << k) - 1)
            return k;
    return -1;
}

static int
normalise(const double *h, size_t n, double *p)
{
    double s = 0;
    for (size_t i = 0; i < n; i++) {
        if (!(h[i] >= 0))
            return -1;
        s += h[i];
    }
    if (!(s > 0))
        return -1;
    for (size_t i = 0; i < n; i++)
        p[i] = h[i] / s;
    return 0;
}

/* Mean normalised value of the b-bit slices of a word with bit means bit[]:
 * floor(8/b) full slices from the MSB down plus a shorter remainder slice,
 * each divided by 2^b - 1 (the reference normalises the remainder slice by
 * the full slice's range too, which is why w_mean dips at b = 3, 5, 6, 7). */
static double
slice_mean(const double bit[8], int b)
{
    double total = 0;
    int nslices = 0;
    for (int hi = 7; hi >= 0; hi -= b) {
        int lo = hi - b + 1 < 0 ? 0 : hi - b + 1;
        double v = 0;
        for (int j = lo; j <= hi; j++)
            v += bit[j] * (double)(1u << (j - lo));
        total += v / (double)((1u << b) - 1);
        nslices++;
    }
    return total / nslices;
}

int
net_stats_from_hist(net_layer *l, const double *in_hist, size_t in_bins,
                    const double *w_hist, size_t w_bins)
{
    double p[255], bit[8];
    int kin = hist_bits(in_bins), kw = hist_bits(w_bins);
    if (kin < 0 || kw < 0)
        return IMC_EINPUT;
    if (normalise(in_hist, in_bins, p) != 0)
        return IMC_EINPUT;
    bit_means(p, in_bins, kin, bit);
    double x = 0;
    for (int j = 0; j < 8; j++)
        x += bit[j] * (double)(1u << j);
    l->x_mean = x / 255.0;
    if (normalise(w_hist, w_bins, p) != 0)
        return IMC_EINPUT;
    bit_means(p, w_bins, kw, bit);
    l->w_mean[0] = 0;
    for (int b = 1; b <= NET_MAX_BITS; b++)
        l->w_mean[b] = slice_mean(bit, b);
    return IMC_OK;
}

/* Defaults for networks shipped without histograms: the medians over all
 * 1396 layers of the eleven CiMLoop reference networks, computed by
 * `tools/layer-stats-medians.sh` (x 0.4920; w 0.4972, 0.4956, 0.3989,
 * 0.4921, 0.2984, 0.2540, 0.2442, 0.4844 at b = 1..8).  cimloop-model.md
 * section 3.4 quotes close, rounder figures (x 0.50; w 0.49-0.50 at
 * b = 1, 2, 4, 8, 0.40 at 3, 0.30 at 5, 0.255 at 6, 0.245 at 7); the
 * values here are the script's exact medians. */
static const double default_x_mean = 0.4920;
static const double default_w_mean[NET_MAX_BITS + 1] = {
    0, 0.4972, 0.4956, 0.3989, 0.4921, 0.2984, 0.2540, 0.2442, 0.4844};

void
net_stats_default(net_layer *l)
{
    l->x_mean = default_x_mean;
    memcpy(l->w_mean, default_w_mean, sizeof l->w_mean);
}

/* ------------------------------------------------------------ CSV I/O */

static const char *const int_cols[] = {"C", "M", "R", "S", "P", "Q",
                                       "stride", "groups"};

static long *
int_field(net_layer *l, size_t i)
{
    long *f[] = {&l->C, &l->M, &l->R, &l->S, &l->P, &l->Q, &l->stride,
                 &l->groups};
    return f[i];
}

static void
base_name(const char *path, char *out, size_t cap)
{
    if (strcmp(path, "-") == 0 || strcmp(path, "<stdin>") == 0) {
        snprintf(out, cap, "stdin");
        return;
    }
    const char *s = strrchr(path, '/');
    s = s ? s + 1 : path;
    snprintf(out, cap, "%s", s);
    char *dot = strrchr(out, '.');
    if (dot && dot != out)
        *dot = '\0';
}

int
net_read_table(const char *path, net **out)
{
    char name[NET_NAME_MAX];
    *out = NULL;
    csvio_reader *r = csvio_open(path);
    if (!r)
        return IMC_EINPUT;
    base_name(path, name, sizeof name);
    net *n = net_alloc(name);
    int st = n ? IMC_OK : imc_fail(path, 0, "out of memory");
    int c_name = -1, c_op = -1, c_int[8], c_x = -1, c_w[NET_MAX_BITS + 1];
    static const char *const key_cols[] = {"name", "op"};
    int c_key[2];
    if (st == IMC_OK && (st = csvio_require_all(r, key_cols, 2, c_key)) ==
                            IMC_OK) {
        c_name = c_key[0];
        c_op = c_key[1];
        st = csvio_require_all(r, int_cols, 8, c_int);
    }
    /* Statistics are optional as a block: a table written by hand may leave
     * them out and get the documented defaults. */
    if (st == IMC_OK && (c_x = csvio_col(r, "x_mean")) >= 0)
        for (int b = 1; st == IMC_OK && b <= NET_MAX_BITS; b++) {
            char col[16];
            snprintf(col, sizeof col, "w_mean_%d", b);
            if ((c_w[b] = csvio_require(r, col)) < 0)
                st = IMC_EINPUT;
        }
    static const char *const derived_cols[] = {"weights", "macs"};
    int c_derived[2] = {csvio_col(r, "weights"), csvio_col(r, "macs")};
    while (st == IMC_OK) {
        int got = csvio_read(r);
        if (got != IMC_OK) {
            st = got == IMC_EOF ? IMC_OK : IMC_EINPUT;
            break;
        }
        net_layer l;
        memset(&l, 0, sizeof l);
        const char *nm = csvio_field(r, (size_t)c_name);
        if (!*nm || strlen(nm) >= NET_NAME_MAX) {
            st = csvio_fail(r, "column 'name': got '%s', expected 1 to %d "
                               "characters", nm, NET_NAME_MAX - 1);
            break;
        }
        snprintf(l.name, sizeof l.name, "%s", nm);
        if (net_op_from_name(csvio_field(r, (size_t)c_op), &l.op)) {
            st = csvio_fail(r, "column 'op': got '%s', expected one of conv, "
                               "dwconv, linear, matmul",
                            csvio_field(r, (size_t)c_op));
            break;
        }
        for (size_t i = 0; st == IMC_OK && i < 8; i++)
            st = csvio_get_long(r, (size_t)c_int[i], 1, NET_MAX_DIM,
                                int_field(&l, i));
        if (st != IMC_OK)
            break;
        if (c_x >= 0) {
            st = csvio_get_double(r, (size_t)c_x, &l.x_mean);
            for (int b = 1; st == IMC_OK && b <= NET_MAX_BITS; b++)
                st = csvio_get_double(r, (size_t)c_w[b], &l.w_mean[b]);
            if (st != IMC_OK)
                break;
        } else {
            net_stats_default(&l);
        }
        net_layer_derive(&l);
        st = net_layer_check(&l, csvio_path(r), csvio_line(r));
        /* weights and macs are derived; when a table states them, they
         * must agree with the dimensions (an edited table that does not is
         * inconsistent, and which number is right cannot be known) */
        for (int k = 0; st == IMC_OK && k < 2; k++) {
            double stated, derived = k == 0 ? l.weights : l.macs;
            if (c_derived[k] < 0)
                continue;
            st = csvio_get_double(r, (size_t)c_derived[k], &stated);
            if (st == IMC_OK && fabs(stated - derived) > 0.5)
                st = csvio_fail(r, "column '%s': got '%s', but the "
                                   "dimensions give %.0f",
                                derived_cols[k],
                                csvio_field(r, (size_t)c_derived[k]), derived);
        }
        if (st == IMC_OK)
            st = net_push(n, &l);
    }
    if (st == IMC_OK && n->n == 0)
        st = imc_fail(csvio_path(r), 0, "no layers (expected one row per "
                                        "weight layer after the header)");
    csvio_close(r);
    if (st != IMC_OK) {
        net_free(n);
        return st;
    }
    *out = n;
    return IMC_OK;
}

int
net_write_table(FILE *fp, const net *n)
{
    fputs("name,op,C,M,R,S,P,Q,stride,groups,weights,macs,x_mean", fp);
    for (int b = 1; b <= NET_MAX_BITS; b++)
        fprintf(fp, ",w_mean_%d", b);
    fputc('\n', fp);
    for (size_t i = 0; i < n->n; i++) {
        const net_layer *l = &n->layers[i];
        csvio_put_string(fp, l->name);
        fprintf(fp, ",%s,%ld,%ld,%ld,%ld,%ld,%ld,%ld,%ld,%.0f,%.0f,%.6f",
                net_op_name(l->op), l->C, l->M, l->R, l->S, l->P, l->Q,
                l->stride, l->groups, l->weights, l->macs, l->x_mean);
        for (int b = 1; b <= NET_MAX_BITS; b++)
            fprintf(fp, ",%.6f", l->w_mean[b]);
        fputc('\n', fp);
    }
    return ferror(fp) ? IMC_EINPUT : IMC_OK;
}

int
net_read_tables(char *const *paths, size_t n, net ***out)
{
    net **nets = calloc(n ? n : 1, sizeof *nets);
    int st = nets ? IMC_OK : imc_fail(NULL, 0, "out of memory");
    for (size_t i = 0; st == IMC_OK && i < n; i++)
        st = net_read_table(paths[i], &nets[i]);
    if (st != IMC_OK) {
        net_free_all(nets, n);
        nets = NULL;
    }
    *out = nets;
    return st;
}

void
net_free_all(net **nets, size_t n)
{
    if (!nets)
        return;
    for (size_t i = 0; i < n; i++)
        net_free(nets[i]);
    free(nets);
}
