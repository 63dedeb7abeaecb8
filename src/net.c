/* net.c: layer tables: construction, checks, statistics, CSV I/O, and the
 * helpers every importer shares (checked products, escaping, name index). */
#include "net.h"
#include "csvio.h"
#include "err.h"

#include <errno.h>
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
    l->dynamic = op == NET_OP_MATMUL;
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
    if (l->dynamic != 0 && l->dynamic != 1)
        return imc_fail(file, line, "layer '%s': dynamic = %d, expected 0 "
                        "or 1", l->name, l->dynamic);
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
 * CiMLoop's offset encoding of a zero-centred histogram (docs/cost-model.md,
 * data statistics). */
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
 * 0.4921, 0.2984, 0.2540, 0.2442, 0.4844 at b = 1..8).  docs/cost-model.md
 * quotes close, rounder figures (x 0.50; w 0.49-0.50 at
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

/* Field i as an integer in [min, max] or a finite number, as csvio's
 * getters do, but with the field escaped in the message (net_escape). */
static int
get_long(const csvio_reader *r, size_t i, long min, long max, long *out)
{
    char q[NET_QUOTE_MAX];
    if (csvio_to_long(csvio_field(r, i), out) == IMC_OK && *out >= min &&
        *out <= max)
        return IMC_OK;
    net_escape(csvio_field(r, i), q, sizeof q);
    return csvio_fail(r, "column '%s': got '%s', expected an integer in "
                         "[%ld, %ld]", csvio_colname(r, i), q, min, max);
}

static int
get_double(const csvio_reader *r, size_t i, double *out)
{
    char q[NET_QUOTE_MAX];
    if (csvio_to_double(csvio_field(r, i), out) == IMC_OK)
        return IMC_OK;
    net_escape(csvio_field(r, i), q, sizeof q);
    return csvio_fail(r, "column '%s': got '%s', expected a number",
                      csvio_colname(r, i), q);
}

static long *
int_field(net_layer *l, size_t i)
{
    long *f[] = {&l->C, &l->M, &l->R, &l->S, &l->P, &l->Q, &l->stride,
                 &l->groups};
    return f[i];
}

void
net_base_name(const char *path, char *out, size_t cap)
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
    net_base_name(path, name, sizeof name);
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
    /* dynamic is optional: tables written before it existed hold resident
     * weights only */
    int c_dyn = csvio_col(r, "dynamic");
    while (st == IMC_OK) {
        int got = csvio_read(r);
        if (got != IMC_OK) {
            st = got == IMC_EOF ? IMC_OK : IMC_EINPUT;
            break;
        }
        net_layer l;
        memset(&l, 0, sizeof l);
        const char *nm = csvio_field(r, (size_t)c_name);
        char q[NET_QUOTE_MAX];
        if (!*nm || strlen(nm) >= NET_NAME_MAX) {
            net_escape(nm, q, sizeof q);
            st = csvio_fail(r, "column 'name': got '%s', expected 1 to %d "
                               "characters", q, NET_NAME_MAX - 1);
            break;
        }
        snprintf(l.name, sizeof l.name, "%s", nm);
        if (net_op_from_name(csvio_field(r, (size_t)c_op), &l.op)) {
            net_escape(csvio_field(r, (size_t)c_op), q, sizeof q);
            st = csvio_fail(r, "column 'op': got '%s', expected one of conv, "
                               "dwconv, linear, matmul", q);
            break;
        }
        for (size_t i = 0; st == IMC_OK && i < 8; i++)
            st = get_long(r, (size_t)c_int[i], 1, NET_MAX_DIM,
                          int_field(&l, i));
        if (st != IMC_OK)
            break;
        if (c_x >= 0) {
            st = get_double(r, (size_t)c_x, &l.x_mean);
            for (int b = 1; st == IMC_OK && b <= NET_MAX_BITS; b++)
                st = get_double(r, (size_t)c_w[b], &l.w_mean[b]);
            if (st != IMC_OK)
                break;
        } else {
            net_stats_default(&l);
        }
        long dyn = 0;
        if (c_dyn >= 0 &&
            (st = get_long(r, (size_t)c_dyn, 0, 1, &dyn)) != IMC_OK)
            break;
        l.dynamic = (int)dyn;
        net_layer_derive(&l);
        st = net_layer_check(&l, csvio_path(r), csvio_line(r));
        /* weights and macs are derived; when a table states them, they
         * must agree with the dimensions (an edited table that does not is
         * inconsistent, and which number is right cannot be known) */
        for (int k = 0; st == IMC_OK && k < 2; k++) {
            double stated, derived = k == 0 ? l.weights : l.macs;
            if (c_derived[k] < 0)
                continue;
            st = get_double(r, (size_t)c_derived[k], &stated);
            if (st == IMC_OK && fabs(stated - derived) > 0.5) {
                net_escape(csvio_field(r, (size_t)c_derived[k]), q, sizeof q);
                st = csvio_fail(r, "column '%s': got '%s', but the "
                                   "dimensions give %.0f",
                                derived_cols[k], q, derived);
            }
        }
        if (st == IMC_OK)
            st = net_push(n, &l);
    }
    if (st == IMC_OK && n->n == 0)
        st = imc_fail(csvio_path(r), 1, "no layers (expected one row per "
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
    fputs(",dynamic\n", fp);
    for (size_t i = 0; i < n->n; i++) {
        const net_layer *l = &n->layers[i];
        csvio_put_string(fp, l->name);
        fprintf(fp, ",%s,%ld,%ld,%ld,%ld,%ld,%ld,%ld,%ld,%.0f,%.0f,%.6f",
                net_op_name(l->op), l->C, l->M, l->R, l->S, l->P, l->Q,
                l->stride, l->groups, l->weights, l->macs, l->x_mean);
        for (int b = 1; b <= NET_MAX_BITS; b++)
            fprintf(fp, ",%.6f", l->w_mean[b]);
        fprintf(fp, ",%d\n", l->dynamic);
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

/* ------------------------------------------------------------ helpers */

int
net_dim_mul(long a, long b, long *out)
{
    if (a < 0 || b < 0 || (a != 0 && b > NET_MAX_DIM / a))
        return IMC_EINPUT;
    *out = a * b;
    return IMC_OK;
}

void
net_escape(const char *s, char *out, size_t cap)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        size_t need = c < 0x20 || c == 0x7f ? 4 : 1;
        /* keep room for "..." and the NUL */
        if (n + need > cap - 4) {
            memcpy(out + n, "...", 4);
            return;
        }
        if (need == 4) {
            out[n++] = '\\';
            out[n++] = 'x';
            out[n++] = hex[c >> 4];
            out[n++] = hex[c & 15];
        } else {
            out[n++] = (char)c;
        }
    }
    out[n] = '\0';
}

int
net_read_with(const char *path, net_stream_reader *fn, net **out)
{
    *out = NULL;
    if (strcmp(path, "-") == 0)
        return fn(stdin, "<stdin>", "stdin", out);
    FILE *fp = fopen(path, "r");
    if (!fp)
        return imc_fail(path, 1, "cannot open: %s", strerror(errno));
    char name[NET_NAME_MAX];
    net_base_name(path, name, sizeof name);
    int st = fn(fp, path, name, out);
    fclose(fp);
    return st;
}

int
net_slurp(const char *path, size_t max, const char *what, char **buf,
          size_t *len)
{
    *buf = NULL;
    int is_stdin = strcmp(path, "-") == 0;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    const char *label = is_stdin ? "<stdin>" : path;
    if (!fp)
        return imc_fail(path, 1, "cannot open: %s", strerror(errno));
    size_t cap = 4096, n = 0;
    char *b = malloc(cap);
    while (b && n <= max) {
        n += fread(b + n, 1, cap - n - 1, fp);
        if (n < cap - 1)
            break;
        char *nb = cap > ((size_t)-1) / 2 ? NULL : realloc(b, 2 * cap);
        if (!nb)
            free(b);
        b = nb;
        cap *= 2;
    }
    int bad = ferror(fp);
    int e = errno;
    if (!is_stdin)
        fclose(fp);
    if (!b)
        return imc_fail(label, 1, "out of memory");
    if (bad || n > max) {
        free(b);
        if (bad)
            return imc_fail(label, 1, "cannot read: %s", strerror(e));
        return imc_fail(label, 1, "larger than %zu bytes (%s)", max, what);
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    return IMC_OK;
}

int
net_each_line(FILE *fp, const char *label,
              int (*fn)(void *ctx, char *line, long lineno), void *ctx,
              long *lines)
{
    char *buf = NULL;
    size_t cap = 0;
    ssize_t got;
    long line = 0;
    int st = IMC_OK;
    errno = 0;
    while (st == IMC_OK && (got = getline(&buf, &cap, fp)) != -1) {
        line++;
        /* a NUL would silently end the line for the string functions */
        if (memchr(buf, '\0', (size_t)got))
            st = imc_fail(label, line, "NUL byte in the line (not a text "
                                       "file?)");
        else
            st = fn(ctx, buf, line);
    }
    /* getline's -1 is the end of the file only when feof says so: a read
     * error or running out of memory is an error, not a short file. */
    if (st == IMC_OK && !feof(fp))
        st = imc_fail(label, line + 1, "cannot read: %s",
                      strerror(errno ? errno : EIO));
    free(buf);
    if (lines)
        *lines = line;
    return st;
}

/* ------------------------------------------------------------ name index */

/* Open addressing with linear probing over a power-of-two table kept at
 * most half full; FNV-1a hashes the keys. */
typedef struct index_slot {
    char *key;      /* NULL: empty */
    size_t value;
} index_slot;

struct net_index {
    index_slot *slots;
    size_t cap, n;
};

static size_t
hash_key(const char *s)
{
    /* FNV-1a, 64-bit offset basis and prime (Fowler, Noll, Vo). */
    unsigned long long h = 14695981039346656037ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return (size_t)h;
}

net_index *
net_index_alloc(void)
{
    net_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return NULL;
    ix->cap = 64;
    ix->slots = calloc(ix->cap, sizeof *ix->slots);
    if (!ix->slots) {
        free(ix);
        return NULL;
    }
    return ix;
}

void
net_index_free(net_index *ix)
{
    if (!ix)
        return;
    for (size_t i = 0; i < ix->cap; i++)
        free(ix->slots[i].key);
    free(ix->slots);
    free(ix);
}

/* The slot holding key, or the empty slot where it would go. */
static index_slot *
index_slot_of(index_slot *slots, size_t cap, const char *key)
{
    size_t i = hash_key(key) & (cap - 1);
    while (slots[i].key && strcmp(slots[i].key, key) != 0)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

int
net_index_find_p(const net_index *ix, const char *key, size_t *value)
{
    const index_slot *s = index_slot_of(ix->slots, ix->cap, key);
    if (!s->key)
        return 0;
    if (value)
        *value = s->value;
    return 1;
}

static int
index_grow(net_index *ix)
{
    size_t cap = 2 * ix->cap;
    index_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return IMC_EINPUT;
    for (size_t i = 0; i < ix->cap; i++)
        if (ix->slots[i].key)
            *index_slot_of(slots, cap, ix->slots[i].key) = ix->slots[i];
    free(ix->slots);
    ix->slots = slots;
    ix->cap = cap;
    return IMC_OK;
}

int
net_index_put(net_index *ix, const char *key, size_t value)
{
    index_slot *s = index_slot_of(ix->slots, ix->cap, key);
    if (s->key) {
        s->value = value;
        return IMC_OK;
    }
    if (2 * (ix->n + 1) > ix->cap) {
        if (index_grow(ix) != IMC_OK)
            return IMC_EINPUT;
        s = index_slot_of(ix->slots, ix->cap, key);
    }
    if (!(s->key = strdup(key)))
        return IMC_EINPUT;
    s->value = value;
    ix->n++;
    return IMC_OK;
}
