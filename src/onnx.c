/* onnx.c: ONNX graphs to layer-table rows by shape propagation (see
 * onnx.h for what is read and how each op maps). */
#include "onnx.h"
#include "err.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "onnx.pb-c.h"

/* ------------------------------------------------------------ tensors */

/* Small int64 constants (Reshape shapes, axes, pads) are kept by value;
 * larger ones only by shape. */
#define MAX_VALUES 16
/* Most outputs of a Split (q, k and v take three). */
#define ONNX_MAX_VALUES_SPLIT 64

typedef struct tensor {
    int rank;
    long dim[ONNX_MAX_RANK];
    int constant;             /* initializer or Constant output */
    int nvalues;              /* -1: values not known */
    long values[MAX_VALUES];
} tensor;

typedef struct importer {
    const char *path;              /* label for messages */
    tensor *t;                     /* every tensor seen so far */
    size_t nt, capt;
    net_index *by_name;            /* tensor name -> index into t */
    net_index *layer_names;        /* names given to rows */
    net *n;
    int any_batch;                 /* read a fixed batch size as 1 too */
    size_t node;                   /* index of the node being read */
    const Onnx__NodeProto *nd;     /* the node being read */
    char quoted[2][NET_QUOTE_MAX]; /* escaped input text for messages */
} importer;

static const char *
quote(importer *im, int slot, const char *text)
{
    net_escape(text ? text : "", im->quoted[slot], sizeof im->quoted[slot]);
    return im->quoted[slot];
}

/* Report "FILE: node N (Op): message" for the current node. */
static int
node_fail(importer *im, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
node_fail(importer *im, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return imc_fail(im->path, 0, "node %zu (%s): %s", im->node,
                    quote(im, 1, im->nd->op_type), msg);
}

/* Element count of t, when at most NET_MAX_DIM: IMC_OK or IMC_EINPUT. */
static int
elements(const tensor *t, long *out)
{
    long e = 1;
    for (int i = 0; i < t->rank; i++)
        if (net_dim_mul(e, t->dim[i], &e) != IMC_OK)
            return IMC_EINPUT;
    *out = e;
    return IMC_OK;
}

/* Register tensor name with the contents of *t. */
static int
add_tensor(importer *im, const char *name, const tensor *t)
{
    if (!name || !*name)
        return IMC_OK;  /* an unused optional output */
    if (net_index_find_p(im->by_name, name, NULL))
        return imc_fail(im->path, 0, "node %zu (%s): tensor '%s' is "
                        "produced twice", im->node,
                        quote(im, 1, im->nd ? im->nd->op_type : "input"),
                        quote(im, 0, name));
    if (im->nt == im->capt) {
        size_t cap = im->capt ? 2 * im->capt : 64;
        tensor *nt = realloc(im->t, cap * sizeof *nt);
        if (!nt)
            return imc_fail(im->path, 1, "out of memory");
        im->t = nt;
        im->capt = cap;
    }
    if (net_index_put(im->by_name, name, im->nt) != IMC_OK)
        return imc_fail(im->path, 1, "out of memory");
    im->t[im->nt++] = *t;
    return IMC_OK;
}

/* Input i of the current node, which must exist and be known. */
static int
input(importer *im, size_t i, const tensor **out)
{
    size_t k;
    if (i >= im->nd->n_input || !im->nd->input[i] || !*im->nd->input[i])
        return node_fail(im, "input %zu is missing", i + 1);
    if (!net_index_find_p(im->by_name, im->nd->input[i], &k))
        return node_fail(im, "input '%s' is not a graph input, an "
                         "initializer or an earlier node's output",
                         quote(im, 0, im->nd->input[i]));
    *out = &im->t[k];
    return IMC_OK;
}

/* Predicate: the node has a non-empty input i. */
static int
has_input_p(const importer *im, size_t i)
{
    return i < im->nd->n_input && im->nd->input[i] && *im->nd->input[i];
}

/* Register output 0 of the current node with shape t: a constant as it
 * is, an activation after checking every size is in [1, NET_MAX_DIM] and
 * the count too. */
static int
output(importer *im, tensor t)
{
    long e;
    if (im->nd->n_output < 1)
        return node_fail(im, "no output");
    /* a shape op on constants (a transposed weight) gives a constant */
    if (t.constant)
        return add_tensor(im, im->nd->output[0], &t);
    for (int i = 0; i < t.rank; i++)
        if (t.dim[i] < 1 || t.dim[i] > NET_MAX_DIM)
            return node_fail(im, "output dimension %d would be %ld "
                             "(expected 1 to 2^40)", i, t.dim[i]);
    if (elements(&t, &e) != IMC_OK)
        return node_fail(im, "output has more than 2^40 values");
    return add_tensor(im, im->nd->output[0], &t);
}

/* ------------------------------------------------------------ attributes */

static const Onnx__AttributeProto *
attr(const importer *im, const char *name)
{
    for (size_t i = 0; i < im->nd->n_attribute; i++)
        if (im->nd->attribute[i]->name &&
            strcmp(im->nd->attribute[i]->name, name) == 0)
            return im->nd->attribute[i];
    return NULL;
}

/* Integer attribute name, def when absent. */
static int
attr_int(importer *im, const char *name, long def, long *out)
{
    const Onnx__AttributeProto *a = attr(im, name);
    if (!a) {
        *out = def;
        return IMC_OK;
    }
    if (!a->has_i)
        return node_fail(im, "attribute '%s': expected an integer", name);
    *out = (long)a->i;
    return IMC_OK;
}

/* Integer-list attribute name into v[0..max-1]; *n = -1 when absent. */
static int
attr_ints(importer *im, const char *name, long *v, int max, int *n)
{
    const Onnx__AttributeProto *a = attr(im, name);
    *n = -1;
    if (!a)
        return IMC_OK;
    if (a->n_ints > (size_t)max)
        return node_fail(im, "attribute '%s': %zu values, expected at "
                         "most %d", name, a->n_ints, max);
    for (size_t i = 0; i < a->n_ints; i++)
        v[i] = (long)a->ints[i];
    *n = (int)a->n_ints;
    return IMC_OK;
}

/* String attribute name, def when absent (bytes are NUL-terminated). */
static const char *
attr_string(const importer *im, const char *name, const char *def,
            char *buf, size_t cap)
{
    const Onnx__AttributeProto *a = attr(im, name);
    if (!a || !a->has_s)
        return def;
    size_t len = a->s.len < cap - 1 ? a->s.len : cap - 1;
    memcpy(buf, a->s.data, len);
    buf[len] = '\0';
    return buf;
}

/* An integer list given as an attribute (older opsets) or as a constant
 * input i (newer ones): *n = -1 when neither is there. */
static int
ints_from(importer *im, const char *name, size_t i, long *v, int max,
          int *n)
{
    int st = attr_ints(im, name, v, max, n);
    if (st != IMC_OK || *n >= 0 || !has_input_p(im, i))
        return st;
    const tensor *t;
    if ((st = input(im, i, &t)) != IMC_OK)
        return st;
    if (!t->constant || t->nvalues < 0)
        return node_fail(im, "input %zu ('%s') must be a constant integer "
                         "list", i + 1, name);
    if (t->nvalues > max)
        return node_fail(im, "'%s': %d values, expected at most %d", name,
                         t->nvalues, max);
    memcpy(v, t->values, (size_t)t->nvalues * sizeof *v);
    *n = t->nvalues;
    return IMC_OK;
}

/* Normalise axis a of a rank-r tensor (negative counts from the end; r
 * itself allowed when end is 1). */
static int
axis_of(importer *im, long a, int r, int end, int *out)
{
    long lim = r + end;
    if (a < -lim || a >= lim)
        return node_fail(im, "axis %ld out of range for rank %d", a, r);
    *out = (int)(a < 0 ? a + lim : a);
    return IMC_OK;
}

/* ------------------------------------------------------------ layers */

/* Name the row after the node (or "<Op>_<N>" when it has none), with bytes
 * other than letters, digits and "_.-/:" replaced by '_'. */
static int
layer_name(importer *im, char out[NET_NAME_MAX])
{
    const char *nm = im->nd->name && *im->nd->name ? im->nd->name : NULL;
    char base[NET_NAME_MAX];
    if (nm && strlen(nm) < NET_NAME_MAX)
        snprintf(base, sizeof base, "%s", nm);
    else
        snprintf(base, sizeof base, "%.40s_%zu",
                 nm ? nm : im->nd->op_type ? im->nd->op_type : "node",
                 im->node);
    for (char *c = base; *c; c++)
        if (!(*c >= 'a' && *c <= 'z') && !(*c >= 'A' && *c <= 'Z') &&
            !(*c >= '0' && *c <= '9') && !strchr("_.-/:", *c))
            *c = '_';
    snprintf(out, NET_NAME_MAX, "%s", base);
    if (net_index_find_p(im->layer_names, out, NULL))
        snprintf(out, NET_NAME_MAX, "%.40s_%zu", base, im->node);
    if (net_index_find_p(im->layer_names, out, NULL))
        return node_fail(im, "layer name '%s' is already used", out);
    return net_index_put(im->layer_names, out, im->n->n) == IMC_OK
               ? IMC_OK
               : imc_fail(im->path, 1, "out of memory");
}

static int
add_layer(importer *im, net_op op, long C, long M, long R, long S, long P,
          long Q, long stride, long groups)
{
    char name[NET_NAME_MAX];
    int st = layer_name(im, name);
    if (st != IMC_OK)
        return st;
    net_layer l;
    net_layer_init(&l, name, op, C, M, R, S, P, Q, stride, groups);
    /* the check reports at "FILE: node N (Op)", like node_fail */
    char where[4200];
    snprintf(where, sizeof where, "%s: node %zu (%s)", im->path, im->node,
             quote(im, 1, im->nd->op_type));
    if ((st = net_layer_check(&l, where, 0)) != IMC_OK)
        return st;
    return net_push(im->n, &l);
}

/* ------------------------------------------------------------ windows */

/* Spatial geometry of Conv and the pools: kernel, strides, dilations and
 * the output sizes, with pads or auto_pad applied. */
typedef struct window {
    int ns;                          /* spatial dimensions */
    long k[ONNX_MAX_RANK], s[ONNX_MAX_RANK], d[ONNX_MAX_RANK];
    long out[ONNX_MAX_RANK];
} window;

/* Fill w for input x whose spatial sizes start at dimension 2; k[] must
 * be set.  ceil_ok allows the pools' ceil_mode. */
static int
window_out(importer *im, const tensor *x, window *w, int ceil_ok)
{
    int ns = w->ns, n;
    long pads[2 * ONNX_MAX_RANK] = {0}, v[ONNX_MAX_RANK];
    int st = attr_ints(im, "strides", v, ns, &n);
    for (int i = 0; i < ns; i++)
        w->s[i] = n > 0 ? v[i] : 1;
    if (st == IMC_OK && n >= 0 && n != ns)
        st = node_fail(im, "attribute 'strides': %d values for %d spatial "
                       "dimensions", n, ns);
    if (st == IMC_OK)
        st = attr_ints(im, "dilations", v, ns, &n);
    for (int i = 0; i < ns; i++)
        w->d[i] = n > 0 ? v[i] : 1;
    if (st == IMC_OK && n >= 0 && n != ns)
        st = node_fail(im, "attribute 'dilations': %d values for %d "
                       "spatial dimensions", n, ns);
    if (st == IMC_OK)
        st = attr_ints(im, "pads", pads, 2 * ns, &n);
    if (st == IMC_OK && n >= 0 && n != 2 * ns)
        st = node_fail(im, "attribute 'pads': %d values for %d spatial "
                       "dimensions", n, ns);
    long cm = 0;
    if (st == IMC_OK && ceil_ok)
        st = attr_int(im, "ceil_mode", 0, &cm);
    if (st != IMC_OK)
        return st;
    char buf[32];
    const char *ap = attr_string(im, "auto_pad", "NOTSET", buf, sizeof buf);
    int same = strncmp(ap, "SAME_", 5) == 0, valid = !strcmp(ap, "VALID");
    if (!same && !valid && strcmp(ap, "NOTSET") != 0)
        return node_fail(im, "attribute 'auto_pad': '%s' is not NOTSET, "
                         "SAME_UPPER, SAME_LOWER or VALID", quote(im, 0, ap));
    for (int i = 0; i < ns; i++) {
        long in = x->dim[2 + i], ek;
        if (w->k[i] < 1 || w->k[i] > NET_MAX_DIM || w->s[i] < 1 ||
            w->s[i] > NET_MAX_DIM || w->d[i] < 1 || w->d[i] > NET_MAX_DIM ||
            pads[i] < 0 || pads[i] > NET_MAX_DIM || pads[ns + i] < 0 ||
            pads[ns + i] > NET_MAX_DIM)
            return node_fail(im, "kernel, stride, dilation or padding of "
                             "spatial dimension %d out of range", i);
        /* the dilated kernel's footprint: d (k - 1) + 1 */
        if (net_dim_mul(w->d[i], w->k[i] - 1, &ek) != IMC_OK)
            return node_fail(im, "dilated kernel larger than 2^40");
        ek += 1;
        if (same) {
            w->out[i] = in / w->s[i] + (in % w->s[i] != 0);
            continue;
        }
        long span = in + (valid ? 0 : pads[i] + pads[ns + i]);
        if (span < ek)
            return node_fail(im, "window of %ld does not fit the input of "
                             "%ld (with padding %ld)", ek, in, span - in);
        long q = (span - ek) / w->s[i];
        if (cm && (span - ek) % w->s[i] != 0 &&
            q * w->s[i] < in + pads[i])  /* last window starts inside */
            q++;
        w->out[i] = q + 1;
    }
    return IMC_OK;
}

/* ------------------------------------------------------------ weight ops */

static int
op_conv(importer *im)
{
    const tensor *x, *wt;
    int st = input(im, 0, &x);
    if (st == IMC_OK)
        st = input(im, 1, &wt);
    if (st != IMC_OK)
        return st;
    if (x->rank != 3 && x->rank != 4)
        return node_fail(im, "%d-D input: only 1-D and 2-D convolutions "
                         "are supported", x->rank - 2);
    if (!wt->constant)
        return node_fail(im, "the weights (input 2) are not an "
                         "initializer");
    if (wt->rank != x->rank)
        return node_fail(im, "weights of rank %d for an input of rank %d",
                         wt->rank, x->rank);
    long g, kv[ONNX_MAX_RANK];
    int nk;
    if ((st = attr_int(im, "group", 1, &g)) != IMC_OK)
        return st;
    window w = {.ns = x->rank - 2};
    for (int i = 0; i < w.ns; i++)
        w.k[i] = wt->dim[2 + i];
    if ((st = attr_ints(im, "kernel_shape", kv, w.ns, &nk)) != IMC_OK)
        return st;
    for (int i = 0; i < nk; i++)
        if (kv[i] != w.k[i])
            return node_fail(im, "kernel_shape %ld differs from the weights' "
                             "%ld", kv[i], w.k[i]);
    long cin = 0;
    if (g < 1 || g > NET_MAX_DIM || wt->dim[0] < 1 || wt->dim[1] < 1 ||
        wt->dim[0] % g != 0 || net_dim_mul(wt->dim[1], g, &cin) != IMC_OK ||
        cin != x->dim[1])
        return node_fail(im, "group %ld does not fit %ld input channels and "
                         "weights %ldx%ld", g, x->dim[1], wt->dim[0],
                         wt->dim[1]);
    if ((st = window_out(im, x, &w, 0)) != IMC_OK)
        return st;
    long R = w.k[0], S = w.ns == 2 ? w.k[1] : 1;
    long P = w.out[0], Q = w.ns == 2 ? w.out[1] : 1;
    if (w.ns == 2 && w.s[0] != w.s[1])
        return node_fail(im, "strides %ldx%ld differ (the layer table has "
                         "one stride)", w.s[0], w.s[1]);
    st = add_layer(im, g > 1 ? NET_OP_DWCONV : NET_OP_CONV, wt->dim[1],
                   wt->dim[0] / g, R, S, P, Q, w.s[0], g);
    tensor y = {.rank = x->rank, .nvalues = -1};
    y.dim[0] = x->dim[0];
    y.dim[1] = wt->dim[0];
    for (int i = 0; i < w.ns; i++)
        y.dim[2 + i] = w.out[i];
    return st == IMC_OK ? output(im, y) : st;
}

/* A product of a [.., rows, k] activation with b: a weight layer when b is
 * a constant [k, n], a matmul between activations otherwise. */
static int
product(importer *im, const tensor *a, const tensor *b, int trans_b)
{
    if (a->rank < 1 || b->rank < 1)
        return node_fail(im, "scalar operand");
    /* numpy's rule: a 1-D operand is a row (a) or a column (b) */
    tensor A = *a, B = *b;
    if (A.rank == 1) {
        A.rank = 2;
        A.dim[1] = A.dim[0];
        A.dim[0] = 1;
    }
    if (B.rank == 1) {
        B.rank = 2;
        B.dim[1] = 1;
    }
    if (trans_b) {
        long t = B.dim[B.rank - 1];
        B.dim[B.rank - 1] = B.dim[B.rank - 2];
        B.dim[B.rank - 2] = t;
    }
    long k = A.dim[A.rank - 1], n = B.dim[B.rank - 1], rows = 1;
    if (B.dim[B.rank - 2] != k)
        return node_fail(im, "inner sizes differ: %ld and %ld", k,
                         B.dim[B.rank - 2]);
    tensor y = {.rank = A.rank > B.rank ? A.rank : B.rank, .nvalues = -1};
    long heads = 1;
    for (int i = 0; i < y.rank - 2; i++) {
        int ia = i - (y.rank - A.rank), ib = i - (y.rank - B.rank);
        long da = ia >= 0 ? A.dim[ia] : 1, db = ib >= 0 ? B.dim[ib] : 1;
        if (da != db && da != 1 && db != 1)
            return node_fail(im, "batch dimensions %ld and %ld do not "
                             "broadcast", da, db);
        y.dim[i] = da > db ? da : db;
        if (net_dim_mul(heads, y.dim[i], &heads) != IMC_OK)
            return node_fail(im, "more than 2^40 products");
    }
    y.dim[y.rank - 2] = A.dim[A.rank - 2];
    y.dim[y.rank - 1] = n;
    int st;
    if (B.constant) {
        if (b->rank > 2)
            return node_fail(im, "initializer of rank %d as the second "
                             "operand (only 2-D weights)", b->rank);
        /* every leading dimension of a is a token: P * Q = tokens */
        for (int i = 0; i < A.rank - 1; i++)
            if (net_dim_mul(rows, A.dim[i], &rows) != IMC_OK)
                return node_fail(im, "more than 2^40 tokens");
        st = add_layer(im, NET_OP_LINEAR, k, n, 1, 1, rows, 1, 1, 1);
    } else {
        st = add_layer(im, NET_OP_MATMUL, k, n, 1, 1, A.dim[A.rank - 2], 1,
                       1, heads);
    }
    /* a 1-D operand's added dimension is dropped again */
    if (a->rank == 1) {
        y.dim[y.rank - 2] = y.dim[y.rank - 1];
        y.rank--;
    }
    if (b->rank == 1 && !trans_b)
        y.rank--;
    return st == IMC_OK ? output(im, y) : st;
}

static int
op_matmul(importer *im)
{
    const tensor *a, *b;
    int st = input(im, 0, &a);
    if (st == IMC_OK)
        st = input(im, 1, &b);
    return st == IMC_OK ? product(im, a, b, 0) : st;
}

static int
op_gemm(importer *im)
{
    const tensor *a, *b;
    long ta, tb;
    int st = input(im, 0, &a);
    if (st == IMC_OK)
        st = input(im, 1, &b);
    if (st == IMC_OK)
        st = attr_int(im, "transA", 0, &ta);
    if (st == IMC_OK)
        st = attr_int(im, "transB", 0, &tb);
    if (st != IMC_OK)
        return st;
    if (a->rank != 2 || b->rank != 2)
        return node_fail(im, "operands of rank %d and %d, expected 2",
                         a->rank, b->rank);
    tensor A = *a;
    if (ta) {
        A.dim[0] = a->dim[1];
        A.dim[1] = a->dim[0];
    }
    return product(im, &A, b, tb != 0);
}

/* ------------------------------------------------------------ shape ops */

/* Ops whose output has the shape of input 0 (and keeps a constant's
 * values, so Cast and Identity of a shape stay constant). */
static int
op_same(importer *im)
{
    const tensor *x;
    int st = input(im, 0, &x);
    if (st != IMC_OK)
        return st;
    if (im->nd->n_output < 1)
        return node_fail(im, "no output");
    return add_tensor(im, im->nd->output[0], x);
}

/* Broadcast *y with a shape of rank r and sizes d (numpy's rule) into
 * *y, reporting sizes that do not broadcast. */
static int
broadcast(importer *im, int r, const long *d, tensor *y)
{
    tensor z = {.rank = r > y->rank ? r : y->rank};
    for (int j = 0; j < z.rank; j++) {
        int jx = j - (z.rank - r), jy = j - (z.rank - y->rank);
        long dx = jx >= 0 ? d[jx] : 1, dy = jy >= 0 ? y->dim[jy] : 1;
        if (dx != dy && dx != 1 && dy != 1)
            return node_fail(im, "shapes do not broadcast (%ld and %ld in "
                             "dimension %d)", dx, dy, j);
        z.dim[j] = dx == 1 ? dy : dx;
    }
    y->rank = z.rank;
    memcpy(y->dim, z.dim, sizeof y->dim);
    return IMC_OK;
}

/* Element-wise ops over any number of inputs, numpy broadcasting. */
static int
op_broadcast(importer *im)
{
    tensor y = {.rank = 0, .constant = 1, .nvalues = -1};
    if (im->nd->n_input == 0)
        return node_fail(im, "no inputs");
    for (size_t i = 0; i < im->nd->n_input; i++) {
        const tensor *x;
        int st = input(im, i, &x);
        if (st != IMC_OK)
            return st;
        y.constant &= x->constant;
        if ((st = broadcast(im, x->rank, x->dim, &y)) != IMC_OK)
            return st;
    }
    return output(im, y);
}

static int
op_concat(importer *im)
{
    const tensor *x;
    long a;
    int ax = 0, st = input(im, 0, &x);
    if (st == IMC_OK && !attr(im, "axis"))
        st = node_fail(im, "attribute 'axis' is missing");
    if (st == IMC_OK)
        st = attr_int(im, "axis", 0, &a);
    if (st == IMC_OK)
        st = axis_of(im, a, x->rank, 0, &ax);
    if (st != IMC_OK)
        return st;
    tensor y = *x;
    /* rank-1 constants with known values (shape pieces) are joined by
     * value, as far as MAX_VALUES holds them */
    int fold = x->constant && x->rank == 1 && x->nvalues >= 0;
    if (!x->constant)
        y.nvalues = -1;
    for (size_t i = 1; i < im->nd->n_input; i++) {
        const tensor *z;
        if ((st = input(im, i, &z)) != IMC_OK)
            return st;
        y.constant &= z->constant;
        fold &= z->constant && z->rank == 1 && z->nvalues >= 0 &&
                y.nvalues + z->nvalues <= MAX_VALUES;
        if (fold) {
            memcpy(y.values + y.nvalues, z->values,
                   (size_t)z->nvalues * sizeof *y.values);
            y.nvalues += z->nvalues;
        }
        if (z->rank != y.rank)
            return node_fail(im, "inputs of rank %d and %d", y.rank,
                             z->rank);
        for (int j = 0; j < y.rank; j++)
            if (j != ax && z->dim[j] != y.dim[j])
                return node_fail(im, "inputs differ in dimension %d (%ld "
                                 "and %ld)", j, y.dim[j], z->dim[j]);
        y.dim[ax] += z->dim[ax];  /* both <= 2^40: no overflow */
        if (y.dim[ax] > NET_MAX_DIM)
            return node_fail(im, "concatenation longer than 2^40");
    }
    if (!fold)
        y.nvalues = -1;
    return output(im, y);
}

static int
op_reshape(importer *im)
{
    const tensor *x;
    long v[ONNX_MAX_RANK], zero, e;
    int n, st = input(im, 0, &x);
    if (st == IMC_OK)
        st = ints_from(im, "shape", 1, v, ONNX_MAX_RANK, &n);
    if (st == IMC_OK)
        st = attr_int(im, "allowzero", 0, &zero);
    if (st != IMC_OK)
        return st;
    if (n < 0)
        return node_fail(im, "the shape is not a constant (input 2 must be "
                         "an initializer or a Constant node)");
    if (elements(x, &e) != IMC_OK)
        return node_fail(im, "input has more than 2^40 values");
    tensor y = {.rank = n, .constant = x->constant, .nvalues = -1};
    int infer = -1;
    long known = 1;
    for (int i = 0; i < n; i++) {
        if (v[i] == 0 && !zero) {
            if (i >= x->rank)
                return node_fail(im, "shape entry %d is 0 (copy) beyond the "
                                 "input's rank %d", i, x->rank);
            v[i] = x->dim[i];
        }
        if (v[i] == -1 && infer < 0) {
            infer = i;
            continue;
        }
        if (v[i] < 1 || net_dim_mul(known, v[i], &known) != IMC_OK)
            return node_fail(im, "shape entry %d is %ld", i, v[i]);
        y.dim[i] = v[i];
    }
    if (infer >= 0) {
        if (e % known != 0)
            return node_fail(im, "%ld values do not divide into the shape",
                             e);
        y.dim[infer] = e / known;
        known = e;
    }
    if (known != e)
        return node_fail(im, "the shape holds %ld values, the input %ld",
                         known, e);
    return output(im, y);
}

static int
op_flatten(importer *im)
{
    const tensor *x;
    long a;
    int ax = 0, st = input(im, 0, &x);
    if (st == IMC_OK)
        st = attr_int(im, "axis", 1, &a);
    if (st == IMC_OK)
        st = axis_of(im, a, x->rank, 1, &ax);
    if (st != IMC_OK)
        return st;
    tensor y = {.rank = 2, .constant = x->constant, .nvalues = -1,
                .dim = {1, 1}};
    for (int i = 0; i < x->rank; i++)
        if (net_dim_mul(y.dim[i >= ax], x->dim[i], &y.dim[i >= ax]) !=
            IMC_OK)
            return node_fail(im, "more than 2^40 values");
    return output(im, y);
}

static int
op_transpose(importer *im)
{
    const tensor *x;
    long perm[ONNX_MAX_RANK];
    int n, st = input(im, 0, &x);
    if (st == IMC_OK)
        st = attr_ints(im, "perm", perm, ONNX_MAX_RANK, &n);
    if (st != IMC_OK)
        return st;
    if (n < 0)
        for (n = 0; n < x->rank; n++)
            perm[n] = x->rank - 1 - n;  /* the default reverses */
    if (n != x->rank)
        return node_fail(im, "perm has %d entries for rank %d", n, x->rank);
    tensor y = {.rank = n, .constant = x->constant, .nvalues = -1};
    int used[ONNX_MAX_RANK] = {0};
    for (int i = 0; i < n; i++) {
        if (perm[i] < 0 || perm[i] >= n || used[perm[i]]++)
            return node_fail(im, "perm is not a permutation");
        y.dim[i] = x->dim[perm[i]];
    }
    return output(im, y);
}

/* Squeeze (add == 0) and Unsqueeze (add == 1). */
static int
squeeze(importer *im, int add)
{
    const tensor *x;
    long axes[ONNX_MAX_RANK];
    int n, st = input(im, 0, &x);
    if (st == IMC_OK)
        st = ints_from(im, "axes", 1, axes, ONNX_MAX_RANK, &n);
    if (st != IMC_OK)
        return st;
    int out_rank = add ? x->rank + (n > 0 ? n : 0) : x->rank;
    if (add && n < 1)
        return node_fail(im, "no axes");
    if (out_rank > ONNX_MAX_RANK)
        return node_fail(im, "rank %d (at most %d)", out_rank,
                         ONNX_MAX_RANK);
    int mark[ONNX_MAX_RANK] = {0};
    for (int i = 0; i < n; i++) {
        int a = 0;
        if ((st = axis_of(im, axes[i], out_rank, 0, &a)) != IMC_OK)
            return st;
        if (mark[a]++)
            return node_fail(im, "axis %d given twice", a);
        if (!add && x->dim[a] != 1)
            return node_fail(im, "dimension %d is %ld, not 1", a,
                             x->dim[a]);
    }
    tensor y = {.nvalues = -1};
    for (int i = 0, j = 0; i < (add ? out_rank : x->rank); i++) {
        if (add)
            y.dim[y.rank++] = mark[i] ? 1 : x->dim[j++];
        else if (n > 0 ? !mark[i] : x->dim[i] != 1)
            y.dim[y.rank++] = x->dim[i];
    }
    y.constant = x->constant;
    /* same values, another shape: a scalar index unsqueezed to a list */
    if (x->constant) {
        y.nvalues = x->nvalues;
        memcpy(y.values, x->values, sizeof y.values);
    }
    return output(im, y);
}

static int op_squeeze(importer *im) { return squeeze(im, 0); }
static int op_unsqueeze(importer *im) { return squeeze(im, 1); }

static int
op_pool(importer *im)
{
    const tensor *x;
    long k[ONNX_MAX_RANK];
    int n, st = input(im, 0, &x);
    if (st == IMC_OK)
        st = attr_ints(im, "kernel_shape", k, ONNX_MAX_RANK, &n);
    if (st != IMC_OK)
        return st;
    window w = {.ns = x->rank - 2};
    if (w.ns < 1 || n != w.ns)
        return node_fail(im, "kernel_shape has %d entries for %d spatial "
                         "dimensions", n, w.ns);
    memcpy(w.k, k, sizeof w.k);
    if ((st = window_out(im, x, &w, 1)) != IMC_OK)
        return st;
    tensor y = *x;
    y.constant = 0;
    y.nvalues = -1;
    for (int i = 0; i < w.ns; i++)
        y.dim[2 + i] = w.out[i];
    return output(im, y);
}

static int
op_global_pool(importer *im)
{
    const tensor *x;
    int st = input(im, 0, &x);
    if (st != IMC_OK)
        return st;
    if (x->rank < 3)
        return node_fail(im, "input of rank %d has no spatial dimensions",
                         x->rank);
    tensor y = *x;
    y.constant = 0;
    y.nvalues = -1;
    for (int i = 2; i < y.rank; i++)
        y.dim[i] = 1;
    return output(im, y);
}

static int
op_reduce(importer *im)
{
    const tensor *x;
    long axes[ONNX_MAX_RANK], keep;
    int n, st = input(im, 0, &x);
    if (st == IMC_OK)
        st = ints_from(im, "axes", 1, axes, ONNX_MAX_RANK, &n);
    if (st == IMC_OK)
        st = attr_int(im, "keepdims", 1, &keep);
    if (st != IMC_OK)
        return st;
    int mark[ONNX_MAX_RANK] = {0};
    for (int i = 0; i < n; i++) {
        int a = 0;
        if ((st = axis_of(im, axes[i], x->rank, 0, &a)) != IMC_OK)
            return st;
        mark[a] = 1;
    }
    tensor y = {.nvalues = -1};
    for (int i = 0; i < x->rank; i++) {
        int reduced = n > 0 ? mark[i] : 1;
        if (!reduced)
            y.dim[y.rank++] = x->dim[i];
        else if (keep)
            y.dim[y.rank++] = 1;
    }
    return output(im, y);
}

static int
op_pad(importer *im)
{
    const tensor *x;
    long pads[2 * ONNX_MAX_RANK];
    int n, st = input(im, 0, &x);
    if (st == IMC_OK)
        st = ints_from(im, "pads", 1, pads, 2 * ONNX_MAX_RANK, &n);
    if (st != IMC_OK)
        return st;
    if (has_input_p(im, 3))
        return node_fail(im, "the axes input is not supported");
    if (n != 2 * x->rank)
        return node_fail(im, "%d pads for rank %d", n, x->rank);
    tensor y = *x;
    y.constant = 0;
    y.nvalues = -1;
    for (int i = 0; i < x->rank; i++) {
        if (pads[i] < -NET_MAX_DIM || pads[i] > NET_MAX_DIM ||
            pads[x->rank + i] < -NET_MAX_DIM ||
            pads[x->rank + i] > NET_MAX_DIM)
            return node_fail(im, "pad of dimension %d out of range", i);
        y.dim[i] += pads[i] + pads[x->rank + i];
    }
    return output(im, y);
}

/* ------------------------------------------------ shape values, slices */

/* Shape: the sizes of a tensor, known here, as a constant list. */
static int
op_shape(importer *im)
{
    const tensor *x;
    long a, b;
    int lo = 0, hi = 0, st = input(im, 0, &x);
    if (st == IMC_OK)
        st = attr_int(im, "start", 0, &a);
    if (st == IMC_OK)
        st = attr_int(im, "end", x->rank, &b);
    if (st != IMC_OK)
        return st;
    /* start and end are clamped, as the operator's definition says */
    a = a < 0 ? a + x->rank : a;
    b = b < 0 ? b + x->rank : b;
    lo = a < 0 ? 0 : a > x->rank ? x->rank : (int)a;
    hi = b < 0 ? 0 : b > x->rank ? x->rank : (int)b;
    tensor y = {.rank = 1, .constant = 1, .nvalues = hi > lo ? hi - lo : 0};
    y.dim[0] = y.nvalues;
    for (int i = lo; i < hi; i++)
        y.values[i - lo] = x->dim[i];
    return output(im, y);
}

/* Gather along an axis with constant indices; folds a constant list. */
static int
op_gather(importer *im)
{
    const tensor *x, *ix;
    long a;
    int ax = 0, st = input(im, 0, &x);
    if (st == IMC_OK)
        st = input(im, 1, &ix);
    if (st == IMC_OK)
        st = attr_int(im, "axis", 0, &a);
    if (st == IMC_OK)
        st = axis_of(im, a, x->rank, 0, &ax);
    if (st != IMC_OK)
        return st;
    if (x->rank + ix->rank - 1 > ONNX_MAX_RANK)
        return node_fail(im, "rank %d (at most %d)",
                         x->rank + ix->rank - 1, ONNX_MAX_RANK);
    tensor y = {.constant = x->constant && ix->constant, .nvalues = -1};
    for (int i = 0; i < ax; i++)
        y.dim[y.rank++] = x->dim[i];
    for (int i = 0; i < ix->rank; i++)
        y.dim[y.rank++] = ix->dim[i];
    for (int i = ax + 1; i < x->rank; i++)
        y.dim[y.rank++] = x->dim[i];
    if (y.constant && x->rank == 1 && x->nvalues >= 0 && ix->nvalues >= 0) {
        for (int i = 0; i < ix->nvalues; i++) {
            long k = ix->values[i] < 0 ? ix->values[i] + x->nvalues
                                       : ix->values[i];
            if (k < 0 || k >= x->nvalues)
                return node_fail(im, "index %ld out of range for %d "
                                 "values", ix->values[i], x->nvalues);
            y.values[i] = x->values[k];
        }
        y.nvalues = ix->nvalues;
    }
    return output(im, y);
}

/* Expand: numpy broadcasting of the input to a constant shape. */
static int
op_expand(importer *im)
{
    const tensor *x;
    long v[ONNX_MAX_RANK];
    int n, st = input(im, 0, &x);
    if (st == IMC_OK)
        st = ints_from(im, "shape", 1, v, ONNX_MAX_RANK, &n);
    if (st != IMC_OK)
        return st;
    if (n < 0)
        return node_fail(im, "the shape is not a constant");
    tensor y = *x;
    y.nvalues = -1;
    for (int j = 0; j < n; j++)
        if (v[j] < 0)
            return node_fail(im, "shape entry %d is %ld", j, v[j]);
    st = broadcast(im, n, v, &y);
    return st == IMC_OK ? output(im, y) : st;
}

/* Length of the slice [start, end) by step of a dimension of size d, with
 * the operator's clamping; *first gets the first index taken. */
static long
slice_len(long d, long start, long end, long step, long *first)
{
    if (start < 0)
        start = start < -d ? (step > 0 ? 0 : -1) : start + d;
    if (end < 0)
        end = end < -d ? -1 : end + d;
    if (step > 0) {
        start = start > d ? d : start;
        end = end > d ? d : end < 0 ? 0 : end;
        *first = start;
        return end > start ? (end - start + step - 1) / step : 0;
    }
    start = start > d - 1 ? d - 1 : start;
    end = end > d - 1 ? d - 1 : end;
    *first = start;
    return start > end ? (start - end - step - 1) / -step : 0;
}

static int
op_slice(importer *im)
{
    const tensor *x;
    long starts[ONNX_MAX_RANK], ends[ONNX_MAX_RANK], axes[ONNX_MAX_RANK],
        steps[ONNX_MAX_RANK];
    int ns, ne, na, nt, st = input(im, 0, &x);
    if (st == IMC_OK)
        st = ints_from(im, "starts", 1, starts, ONNX_MAX_RANK, &ns);
    if (st == IMC_OK)
        st = ints_from(im, "ends", 2, ends, ONNX_MAX_RANK, &ne);
    if (st == IMC_OK)
        st = ints_from(im, "axes", 3, axes, ONNX_MAX_RANK, &na);
    if (st == IMC_OK)
        st = ints_from(im, "steps", 4, steps, ONNX_MAX_RANK, &nt);
    if (st != IMC_OK)
        return st;
    if (ns < 0 || ne != ns || (na >= 0 && na != ns) || (nt >= 0 && nt != ns))
        return node_fail(im, "starts, ends, axes and steps must be constant "
                         "lists of one length");
    tensor y = *x;
    int fold = x->constant && x->rank == 1 && x->nvalues >= 0;
    for (int i = 0; i < ns; i++) {
        int a = i;
        long step = nt >= 0 ? steps[i] : 1;
        if (na >= 0 && (st = axis_of(im, axes[i], x->rank, 0, &a)) != IMC_OK)
            return st;
        if (step == 0 || step < -NET_MAX_DIM || step > NET_MAX_DIM)
            return node_fail(im, "step %ld", step);
        long s0;
        y.dim[a] = slice_len(x->dim[a], starts[i], ends[i], step, &s0);
        if (fold) {
            for (long k = 0; k < y.dim[a]; k++)
                y.values[k] = x->values[s0 + k * step];
            y.nvalues = (int)y.dim[a];
        }
    }
    if (!fold)
        y.nvalues = -1;
    return output(im, y);
}

/* Split into the node's outputs: sizes from 'split' (attribute or input),
 * else equal parts. */
static int
op_split(importer *im)
{
    const tensor *x;
    long a, sizes[ONNX_MAX_VALUES_SPLIT];
    int ax = 0, n, st = input(im, 0, &x);
    if (st == IMC_OK)
        st = attr_int(im, "axis", 0, &a);
    if (st == IMC_OK)
        st = axis_of(im, a, x->rank, 0, &ax);
    if (st == IMC_OK)
        st = ints_from(im, "split", 1, sizes, ONNX_MAX_VALUES_SPLIT, &n);
    if (st != IMC_OK)
        return st;
    size_t nout = im->nd->n_output;
    if (nout < 1 || nout > ONNX_MAX_VALUES_SPLIT ||
        (n >= 0 && (size_t)n != nout))
        return node_fail(im, "%zu outputs for %d sizes", nout, n);
    long total = 0;
    for (size_t i = 0; i < nout; i++) {
        long part = n >= 0 ? sizes[i]
                           : x->dim[ax] / (long)nout +
                                 ((long)i < x->dim[ax] % (long)nout);
        if (part < 1 || part > NET_MAX_DIM)
            return node_fail(im, "part %zu of %ld", i + 1, part);
        sizes[i] = part;
        total += part;
    }
    if (total != x->dim[ax])
        return node_fail(im, "parts add up to %ld, the axis is %ld", total,
                         x->dim[ax]);
    for (size_t i = 0; i < nout; i++) {
        tensor y = *x;
        y.dim[ax] = sizes[i];
        y.nvalues = -1;
        if ((st = add_tensor(im, im->nd->output[i], &y)) != IMC_OK)
            return st;
    }
    return IMC_OK;
}

/* ------------------------------------------------------------ constants */

/* Shape and (small int64) values of a TensorProto. */
static int
tensor_of_proto(importer *im, const Onnx__TensorProto *p, tensor *t)
{
    memset(t, 0, sizeof *t);
    t->constant = 1;
    t->nvalues = -1;
    if (p->n_dims > ONNX_MAX_RANK)
        return imc_fail(im->path, 0, "tensor '%s': rank %zu (at most %d)",
                        quote(im, 0, p->name), p->n_dims, ONNX_MAX_RANK);
    t->rank = (int)p->n_dims;
    for (size_t i = 0; i < p->n_dims; i++) {
        if (p->dims[i] < 0 || p->dims[i] > NET_MAX_DIM)
            return imc_fail(im->path, 0, "tensor '%s': dimension %zu is "
                            "%lld (expected 0 to 2^40)",
                            quote(im, 0, p->name), i,
                            (long long)p->dims[i]);
        t->dim[i] = (long)p->dims[i];
    }
    long e;
    if (p->data_type != ONNX__TENSOR_PROTO__DATA_TYPE__INT64 ||
        elements(t, &e) != IMC_OK || e > MAX_VALUES)
        return IMC_OK;
    if (p->n_int64_data == (size_t)e) {
        for (long i = 0; i < e; i++)
            t->values[i] = (long)p->int64_data[i];
        t->nvalues = (int)e;
    } else if (p->has_raw_data && p->raw_data.len == (size_t)e * 8) {
        for (long i = 0; i < e; i++) {
            uint64_t u = 0;  /* raw data is little-endian */
            for (int b = 7; b >= 0; b--)
                u = u << 8 | p->raw_data.data[8 * i + b];
            t->values[i] = (long)(int64_t)u;
        }
        t->nvalues = (int)e;
    }
    return IMC_OK;
}

static int
op_constant(importer *im)
{
    const Onnx__AttributeProto *a;
    tensor t = {.constant = 1, .nvalues = -1};
    int st = IMC_OK;
    if ((a = attr(im, "value")) && a->t)
        st = tensor_of_proto(im, a->t, &t);
    else if ((a = attr(im, "value_int")) && a->has_i) {
        t.nvalues = 1;
        t.values[0] = (long)a->i;
    } else if ((a = attr(im, "value_ints"))) {
        t.rank = 1;
        t.dim[0] = (long)a->n_ints;
        if (a->n_ints <= MAX_VALUES) {
            for (size_t i = 0; i < a->n_ints; i++)
                t.values[i] = (long)a->ints[i];
            t.nvalues = (int)a->n_ints;
        }
    } else if ((a = attr(im, "value_floats"))) {
        t.rank = 1;
        t.dim[0] = (long)a->n_floats;
    } else if (!attr(im, "value_float")) {
        return node_fail(im, "no value attribute (value, value_int, "
                         "value_ints, value_float or value_floats)");
    }
    if (st != IMC_OK)
        return st;
    if (im->nd->n_output < 1)
        return node_fail(im, "no output");
    return add_tensor(im, im->nd->output[0], &t);
}

/* ------------------------------------------------------------ graph */

static const struct {
    const char *op;
    int (*fn)(importer *);
} ops[] = {
    {"Conv", op_conv},
    {"Gemm", op_gemm},
    {"MatMul", op_matmul},
    {"Reshape", op_reshape},
    {"Flatten", op_flatten},
    {"Transpose", op_transpose},
    {"Squeeze", op_squeeze},
    {"Unsqueeze", op_unsqueeze},
    {"Concat", op_concat},
    {"Pad", op_pad},
    {"Constant", op_constant},
    {"Shape", op_shape},
    {"Gather", op_gather},
    {"Expand", op_expand},
    {"Slice", op_slice},
    {"Split", op_split},
    {"MaxPool", op_pool},
    {"AveragePool", op_pool},
    {"LpPool", op_pool},
    {"GlobalAveragePool", op_global_pool},
    {"GlobalMaxPool", op_global_pool},
    {"GlobalLpPool", op_global_pool},
    {"ReduceMean", op_reduce},
    {"ReduceMax", op_reduce},
    {"ReduceSum", op_reduce},
    {"Add", op_broadcast},
    {"Sub", op_broadcast},
    {"Mul", op_broadcast},
    {"Div", op_broadcast},
    {"Pow", op_broadcast},
    {"Max", op_broadcast},
    {"Min", op_broadcast},
    {"Sum", op_broadcast},
    {"Mean", op_broadcast},
    {"Where", op_broadcast},
    {"BatchNormalization", op_same},
    {"InstanceNormalization", op_same},
    {"LayerNormalization", op_same},
    {"LRN", op_same},
    {"Relu", op_same},
    {"LeakyRelu", op_same},
    {"PRelu", op_same},
    {"Elu", op_same},
    {"Selu", op_same},
    {"Celu", op_same},
    {"Sigmoid", op_same},
    {"HardSigmoid", op_same},
    {"HardSwish", op_same},
    {"Tanh", op_same},
    {"Softmax", op_same},
    {"LogSoftmax", op_same},
    {"Softplus", op_same},
    {"Softsign", op_same},
    {"Gelu", op_same},
    {"Erf", op_same},
    {"Mish", op_same},
    {"Clip", op_same},
    {"Sqrt", op_same},
    {"Exp", op_same},
    {"Neg", op_same},
    {"Abs", op_same},
    {"Reciprocal", op_same},
    {"Dropout", op_same},
    {"Identity", op_same},
    {"Cast", op_same},
};

static int
read_node(importer *im)
{
    const Onnx__NodeProto *nd = im->nd;
    if (nd->domain && *nd->domain && strcmp(nd->domain, "ai.onnx") != 0)
        return node_fail(im, "not supported");
    for (size_t i = 0; nd->op_type && i < sizeof ops / sizeof ops[0]; i++)
        if (strcmp(nd->op_type, ops[i].op) == 0)
            return ops[i].fn(im);
    return node_fail(im, "not supported");
}

/* Register a graph input: its shape, the batch dimension read as 1. */
static int
read_input(importer *im, const Onnx__ValueInfoProto *vi)
{
    if (!vi->name || net_index_find_p(im->by_name, vi->name, NULL))
        return IMC_OK;  /* an initializer listed as an input too */
    const char *nm = quote(im, 0, vi->name);
    if (!vi->type || vi->type->value_case != ONNX__TYPE_PROTO__VALUE_TENSOR_TYPE
        || !vi->type->tensor_type || !vi->type->tensor_type->shape)
        return imc_fail(im->path, 1, "graph input '%s' has no tensor shape",
                        nm);
    const Onnx__TensorShapeProto *sh = vi->type->tensor_type->shape;
    if (sh->n_dim > ONNX_MAX_RANK)
        return imc_fail(im->path, 1, "graph input '%s': rank %zu (at most "
                        "%d)", nm, sh->n_dim, ONNX_MAX_RANK);
    tensor t = {.rank = (int)sh->n_dim, .nvalues = -1};
    for (size_t i = 0; i < sh->n_dim; i++) {
        const Onnx__TensorShapeProto__Dimension *d = sh->dim[i];
        int fixed = d->value_case ==
                    ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE;
        if (i == 0 && sh->n_dim > 1) {
            if (fixed && d->dim_value != 1 && !im->any_batch)
                return imc_fail(im->path, 1, "graph input '%s': batch size "
                                "%lld (expected 1 or symbolic)", nm,
                                (long long)d->dim_value);
            t.dim[0] = 1;
            continue;
        }
        if (!fixed)
            return imc_fail(im->path, 1, "graph input '%s': dimension %zu "
                            "is symbolic (only the batch may be)", nm, i);
        if (d->dim_value < 1 || d->dim_value > NET_MAX_DIM)
            return imc_fail(im->path, 1, "graph input '%s': dimension %zu "
                            "is %lld (expected 1 to 2^40)", nm, i,
                            (long long)d->dim_value);
        t.dim[i] = (long)d->dim_value;
    }
    long e;
    if (elements(&t, &e) != IMC_OK)
        return imc_fail(im->path, 1, "graph input '%s' has more than 2^40 "
                        "values", nm);
    return add_tensor(im, vi->name, &t);
}

static int
read_graph(importer *im, const Onnx__GraphProto *g)
{
    int st = IMC_OK;
    for (size_t i = 0; st == IMC_OK && i < g->n_initializer; i++) {
        tensor t;
        if ((st = tensor_of_proto(im, g->initializer[i], &t)) == IMC_OK)
            st = add_tensor(im, g->initializer[i]->name, &t);
    }
    for (size_t i = 0; st == IMC_OK && i < g->n_input; i++)
        st = read_input(im, g->input[i]);
    for (size_t i = 0; st == IMC_OK && i < g->n_node; i++) {
        im->node = i;
        im->nd = g->node[i];
        st = read_node(im);
    }
    if (st == IMC_OK && im->n->n == 0)
        st = imc_fail(im->path, 1, "no weight layers (no Conv, Gemm or "
                                   "MatMul node)");
    return st;
}

int
onnx_read_buffer(const unsigned char *buf, size_t len, const char *label,
                 const char *name, int any_batch, net **out)
{
    *out = NULL;
    importer im;
    memset(&im, 0, sizeof im);
    im.path = label;
    im.any_batch = any_batch;
    if (len > ONNX_MAX_BYTES)
        return imc_fail(label, 1, "larger than protobuf's 2 GiB limit");
    Onnx__ModelProto *m = onnx__model_proto__unpack(NULL, len, buf);
    if (!m)
        return imc_fail(label, 1, "not an ONNX model (protobuf decoding "
                                  "failed)");
    int st = IMC_OK;
    if (!m->graph)
        st = imc_fail(label, 1, "the model has no graph");
    im.n = net_alloc(name);
    im.by_name = net_index_alloc();
    im.layer_names = net_index_alloc();
    if (st == IMC_OK && (!im.n || !im.by_name || !im.layer_names))
        st = imc_fail(label, 1, "out of memory");
    if (st == IMC_OK)
        st = read_graph(&im, m->graph);
    onnx__model_proto__free_unpacked(m, NULL);
    free(im.t);
    net_index_free(im.by_name);
    net_index_free(im.layer_names);
    if (st != IMC_OK) {
        net_free(im.n);
        return st;
    }
    *out = im.n;
    return IMC_OK;
}

int
onnx_read(const char *path, int any_batch, net **out)
{
    char *buf;
    size_t len;
    *out = NULL;
    int st = net_slurp(path, ONNX_MAX_BYTES, "protobuf's limit on a model",
                       &buf, &len);
    if (st != IMC_OK)
        return st;
    char name[NET_NAME_MAX];
    net_base_name(path, name, sizeof name);
    st = onnx_read_buffer((const unsigned char *)buf, len,
                          strcmp(path, "-") == 0 ? "<stdin>" : path, name,
                          any_batch, out);
    free(buf);
    return st;
}
