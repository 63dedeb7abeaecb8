/* 115-onnx: the ONNX importer (src/onnx.c).  Real exporter output first:
 * the PyTorch-converted models of Debian's libonnx-testdata, layer by layer
 * against shapes computed by hand from each model's input, weights and
 * attributes (skipped when the package is absent).  Then graphs written
 * with t/onnx-emit.h: shape propagation through every supported shape op,
 * auto_pad, dilation, a transformer block with attention MatMuls, weights
 * as external data, and every error message. */
#include "err.h"
#include "net.h"
#include "onnx-emit.h"
#include "onnx.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TESTDATA "/usr/share/libonnx-testdata/data/pytorch-converted"

static char captured[1024];
static char dir[] = "/tmp/imc-115-XXXXXX";

static void
capture(const char *message)
{
    snprintf(captured, sizeof captured, "%s", message);
}

static void
is_row(const net_layer *l, net_op op, long C, long M, long R, long S, long P,
       long Q, long stride, long groups, const char *what)
{
    ok(l->op == op && l->C == C && l->M == M && l->R == R && l->S == S &&
           l->P == P && l->Q == Q && l->stride == stride &&
           l->groups == groups &&
           fabs(l->weights - (double)groups * C * M * R * S) < 0.5 &&
           fabs(l->macs - (double)groups * C * M * R * S * P * Q) < 0.5,
       "%s: %s C=%ld M=%ld %ldx%ld P=%ld Q=%ld s=%ld G=%ld (got %s C=%ld "
       "M=%ld %ldx%ld P=%ld Q=%ld s=%ld G=%ld)", what, net_op_name(op), C, M,
       R, S, P, Q, stride, groups, net_op_name(l->op), l->C, l->M, l->R,
       l->S, l->P, l->Q, l->stride, l->groups);
}

/* ------------------------------------------------------------ testdata */

/* One model of the test data: one layer, computed by hand from its input
 * (N x C x H [x W]), weights and attributes; batch read as 1. */
static void
testdata(void)
{
    struct stat sb;
    if (stat(TESTDATA, &sb) != 0) {
        ok(1, "# SKIP libonnx-testdata absent (%s)", TESTDATA);
        return;
    }
    static const struct {
        const char *model, *how;
        net_op op;
        long C, M, R, S, P, Q, stride, groups;
    } cases[] = {
        /* x 2x3x7x5, w 4x3x3x2: (7-3)+1 = 5, (5-2)+1 = 4 */
        {"test_Conv2d", "3x3x2 kernel on 7x5", NET_OP_CONV, 3, 4, 3, 2, 5, 4,
         1, 1},
        {"test_Conv2d_no_bias", "no bias: 6x6 input", NET_OP_CONV, 3, 4, 3,
         2, 4, 4, 1, 1},
        /* 6x6, 3x3, stride 2: (6-3)/2+1 = 2 */
        {"test_Conv2d_strided", "stride 2", NET_OP_CONV, 3, 4, 3, 3, 2, 2,
         2, 1},
        /* 6x6, pads 1, stride 2: (6+2-3)/2+1 = 3 */
        {"test_Conv2d_padding", "pads 1, stride 2", NET_OP_CONV, 3, 4, 3, 3,
         3, 3, 2, 1},
        /* 8x8, 3x3 dilated 2 (footprint 5), pads 1, stride 2:
         * (8+2-5)/2+1 = 3; 2 outputs x 3 inputs x 9 weights */
        {"test_Conv2d_dilated", "dilation 2", NET_OP_CONV, 3, 2, 3, 3, 3, 3,
         2, 1},
        /* 4 channels, group 4, w 4x1x3x3 on 6x6: 4x4 */
        {"test_Conv2d_depthwise", "depthwise", NET_OP_DWCONV, 1, 1, 3, 3, 4,
         4, 1, 4},
        {"test_Conv2d_depthwise_padded", "depthwise, pads 1", NET_OP_DWCONV,
         1, 1, 3, 3, 6, 6, 1, 4},
        {"test_Conv2d_depthwise_strided", "depthwise, stride 2",
         NET_OP_DWCONV, 1, 1, 3, 3, 2, 2, 2, 4},
        /* w 8x1x3x3, group 4: 2 outputs per group */
        {"test_Conv2d_depthwise_with_multiplier", "depthwise x2",
         NET_OP_DWCONV, 1, 2, 3, 3, 4, 4, 1, 4},
        /* x 2x4x6x5, w 6x2x3x2, group 2: C 2, M 3 per group, 4x4 */
        {"test_Conv2d_groups", "2 groups", NET_OP_DWCONV, 2, 3, 3, 2, 4, 4, 1,
         2},
        {"test_Conv2d_groups_thnn", "2 groups (thnn)", NET_OP_DWCONV, 2, 3,
         3, 2, 4, 4, 1, 2},
        /* 1-D: x 2x4x10, w 5x4x3: 8 outputs; R = 3, S = 1, Q = 1 */
        {"test_Conv1d", "1-D", NET_OP_CONV, 4, 5, 3, 1, 8, 1, 1, 1},
        {"test_Conv1d_dilated", "1-D, dilation 2 (footprint 5): 6",
         NET_OP_CONV, 4, 5, 3, 1, 6, 1, 1, 1},
        {"test_Conv1d_stride", "1-D, stride 2: (10-3)/2+1 = 4", NET_OP_CONV,
         4, 5, 3, 1, 4, 1, 2, 1},
        {"test_Conv1d_pad2", "1-D, pads 2, kernel 5: 10", NET_OP_CONV, 4, 5,
         5, 1, 10, 1, 1, 1},
        {"test_Conv1d_pad2size1", "1-D, length 1, pads 2: 1", NET_OP_CONV, 4,
         4, 5, 1, 1, 1, 1, 1},
        {"test_Conv1d_groups", "1-D, 2 groups on 6", NET_OP_DWCONV, 2, 3, 3,
         1, 4, 1, 1, 2},
        /* x 4x10, w 8x10, transB: 10 -> 8, one row per inference */
        {"test_Linear", "Gemm", NET_OP_LINEAR, 10, 8, 1, 1, 1, 1, 1, 1},
        /* Transpose of the weight initializer, then MatMul: still weights */
        {"test_Linear_no_bias", "Transpose + MatMul", NET_OP_LINEAR, 10, 8,
         1, 1, 1, 1, 1, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s/model.onnx", TESTDATA,
                 cases[i].model);
        net *n = NULL;
        int st = onnx_read(path, 1, &n);
        is_int(IMC_OK, st, "%s parses", cases[i].model);
        if (!n) {
            diag("%s", captured);
            continue;
        }
        is_int(1, (long)n->n, "%s: one layer", cases[i].model);
        char what[256];
        snprintf(what, sizeof what, "%s (%s)", cases[i].model, cases[i].how);
        is_row(&n->layers[0], cases[i].op, cases[i].C, cases[i].M,
               cases[i].R, cases[i].S, cases[i].P, cases[i].Q,
               cases[i].stride, cases[i].groups, what);
        net_free(n);
    }
    /* the exporter's batch of 2 is refused unless asked for */
    char path[512];
    net *n = NULL;
    snprintf(path, sizeof path, "%s/test_Conv2d/model.onnx", TESTDATA);
    is_int(IMC_EINPUT, onnx_read(path, 0, &n), "batch 2 refused by default");
    char want[1024];
    snprintf(want, sizeof want, "%s:1: graph input '0': batch size 2 "
             "(expected 1 or symbolic)", path);
    is_string(want, captured, "batch message");
    snprintf(path, sizeof path, "%s/test_ConvTranspose2d/model.onnx",
             TESTDATA);
    is_int(IMC_EINPUT, onnx_read(path, 1, &n), "ConvTranspose refused");
    snprintf(want, sizeof want, "%s: node 0 (ConvTranspose): not supported",
             path);
    is_string(want, captured, "unsupported op: the exact message");
    snprintf(path, sizeof path, "%s/test_Conv3d/model.onnx", TESTDATA);
    is_int(IMC_EINPUT, onnx_read(path, 1, &n), "3-D Conv refused");
    snprintf(want, sizeof want, "%s: node 0 (Conv): 3-D input: only 1-D and "
             "2-D convolutions are supported", path);
    is_string(want, captured, "3-D Conv message");
    snprintf(path, sizeof path, "%s/test_ReLU/model.onnx", TESTDATA);
    is_int(IMC_EINPUT, onnx_read(path, 1, &n), "no weight layer");
    snprintf(want, sizeof want, "%s:1: no weight layers (no Conv, Gemm or "
             "MatMul node)", path);
    is_string(want, captured, "no weight layer message");
}

/* ------------------------------------------------------------ built */

static emit e;

/* Write the model being built and read it back (any_batch 0). */
static net *
read_back(const char *file, int want_ok)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    if (emit_write(&e, path) != 0)
        bail("cannot write %s", path);
    emit_free(&e);
    net *n = NULL;
    captured[0] = '\0';
    int st = onnx_read(path, 0, &n);
    if (want_ok && st != IMC_OK)
        diag("%s", captured);
    unlink(path);
    return n;
}

/* A small CNN: Conv (SAME_UPPER) -> BatchNormalization -> Relu ->
 * MaxPool (pads, ceil_mode) -> Conv (dilated, grouped) -> Add (broadcast
 * bias) -> Concat with a Pad of itself -> GlobalAveragePool -> Flatten ->
 * Gemm; then a Reshape from a Constant node, Unsqueeze, Squeeze, Transpose
 * and a MatMul with a weight initializer over tokens. */
static void
cnn(void)
{
    emit_init(&e);
    long x[4] = {-1, 3, 15, 15};
    emit_input(&e, "x", 4, x);
    long w1[4] = {8, 3, 3, 3}, w2[4] = {16, 2, 3, 3}, b[4] = {1, 16, 1, 1};
    long wf[2] = {10, 32}, wm[2] = {2, 6};
    emit_initializer(&e, "w1", 4, w1, NULL, 0);
    emit_initializer(&e, "w2", 4, w2, NULL, 1);   /* external data */
    emit_initializer(&e, "bias", 4, b, NULL, 0);
    emit_initializer(&e, "wf", 2, wf, NULL, 0);
    emit_initializer(&e, "wm", 2, wm, NULL, 0);
    long s2[2] = {2, 2}, k3[2] = {3, 3}, d2[2] = {2, 2}, three3[1] = {3};
    long pads1[4] = {1, 1, 1, 1}, shape[3] = {1, 5, 2};
    long pads_c[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    emit_initializer(&e, "shape", 1, three3, shape, 0);
    Onnx__NodeProto *nd;
    nd = emit_node(&e, "Conv", "c1", (const char *[]){"x", "w1", NULL}, "a");
    emit_attr_string(&e, nd, "auto_pad", "SAME_UPPER");
    emit_attr_ints(&e, nd, "strides", 2, s2);      /* 15 -> ceil 8 */
    emit_node(&e, "BatchNormalization", "bn",
              (const char *[]){"a", "bias", "bias", "bias", "bias", NULL},
              "b");
    emit_node(&e, "Relu", "r", (const char *[]){"b", NULL}, "c");
    nd = emit_node(&e, "MaxPool", "mp", (const char *[]){"c", NULL}, "d");
    emit_attr_ints(&e, nd, "kernel_shape", 2, k3);
    emit_attr_ints(&e, nd, "strides", 2, s2);
    emit_attr_ints(&e, nd, "pads", 4, pads1);
    emit_attr_int(&e, nd, "ceil_mode", 1);         /* (8+2-3)/2 up: 5 */
    nd = emit_node(&e, "Conv", "c2", (const char *[]){"d", "w2", NULL}, "f");
    emit_attr_ints(&e, nd, "dilations", 2, d2);    /* footprint 5 */
    emit_attr_ints(&e, nd, "pads", 4, pads1);      /* 5+2-5+1 = 3 */
    emit_attr_int(&e, nd, "group", 4);
    emit_node(&e, "Add", "add", (const char *[]){"f", "bias", NULL}, "g");
    nd = emit_node(&e, "Pad", "pad", (const char *[]){"g", NULL}, "h");
    emit_attr_ints(&e, nd, "pads", 8, pads_c);
    nd = emit_node(&e, "Concat", "cat", (const char *[]){"g", "h", NULL},
                   "i");
    emit_attr_int(&e, nd, "axis", 1);              /* 32 channels */
    emit_node(&e, "GlobalAveragePool", "gap", (const char *[]){"i", NULL},
              "j");
    emit_node(&e, "Flatten", "flat", (const char *[]){"j", NULL}, "k");
    nd = emit_node(&e, "Gemm", "fc", (const char *[]){"k", "wf", NULL}, "l");
    emit_attr_int(&e, nd, "transB", 1);            /* 1 x 10 */
    emit_node(&e, "Reshape", "rs", (const char *[]){"l", "shape", NULL},
              "m");                                /* 1 x 5 x 2 */
    nd = emit_node(&e, "Unsqueeze", "us", (const char *[]){"m", NULL}, "n");
    emit_attr_ints(&e, nd, "axes", 1, (long[]){0}); /* 1x1x5x2 */
    nd = emit_node(&e, "Squeeze", "sq", (const char *[]){"n", NULL}, "o");
    emit_attr_ints(&e, nd, "axes", 1, (long[]){1}); /* 1x5x2 */
    nd = emit_node(&e, "Transpose", "tr", (const char *[]){"o", NULL}, "p");
    emit_attr_ints(&e, nd, "perm", 3, (long[]){0, 2, 1}); /* 1x2x5 */
    nd = emit_node(&e, "Constant", "k6", (const char *[]){NULL}, "six");
    emit_attr_ints(&e, nd, "value_ints", 3, (long[]){1, 2, 5});
    emit_node(&e, "Reshape", "rs2", (const char *[]){"p", "six", NULL}, "q");
    nd = emit_node(&e, "Concat", "cat2", (const char *[]){"q", "q", "q",
                                                          NULL}, "r2");
    emit_attr_int(&e, nd, "axis", -1);             /* 1x2x15 */
    nd = emit_node(&e, "AveragePool", "ap", (const char *[]){"r2", NULL},
                   "t");
    emit_attr_ints(&e, nd, "kernel_shape", 1, (long[]){5});
    emit_attr_ints(&e, nd, "strides", 1, (long[]){5}); /* 1x2x3 */
    emit_node(&e, "Softmax", "sm", (const char *[]){"t", NULL}, "u");
    nd = emit_node(&e, "ReduceMean", "rm", (const char *[]){"u", NULL}, "v");
    emit_attr_ints(&e, nd, "axes", 1, (long[]){1});
    emit_attr_int(&e, nd, "keepdims", 0);          /* 1x3 */
    nd = emit_node(&e, "Concat", "cat3", (const char *[]){"v", "v", NULL},
                   "w");
    emit_attr_int(&e, nd, "axis", 1);              /* 1x6 */
    nd = emit_node(&e, "Reshape", "rs3", (const char *[]){"w", "shape2",
                                                          NULL}, "w3");
    long shape2[3] = {1, 3, 2}, three[1] = {3};
    emit_initializer(&e, "shape2", 1, three, shape2, 0);
    emit_node(&e, "MatMul", "tok", (const char *[]){"w3", "wm", NULL}, "z");
    (void)nd;
    net *n = read_back("cnn.onnx", 1);
    ok(n != NULL, "small CNN parses (external weights, symbolic batch)");
    if (!n)
        return;
    is_int(4, (long)n->n, "four weight layers");
    if (n->n == 4) {
        is_row(&n->layers[0], NET_OP_CONV, 3, 8, 3, 3, 8, 8, 2, 1,
               "SAME_UPPER stride 2: ceil(15/2) = 8");
        is_row(&n->layers[1], NET_OP_DWCONV, 2, 4, 3, 3, 3, 3, 1, 4,
               "after ceil-mode pool to 5x5: dilated 3x3, pads 1: 3x3");
        is_row(&n->layers[2], NET_OP_LINEAR, 32, 10, 1, 1, 1, 1, 1, 1,
               "Gemm after Concat (32), GAP and Flatten");
        is_row(&n->layers[3], NET_OP_LINEAR, 2, 6, 1, 1, 3, 1, 1, 1,
               "MatMul over 3 tokens after Reshape/Unsqueeze/Squeeze/"
               "Transpose/Concat/AveragePool/ReduceMean");
        is_string("c1", n->layers[0].name, "rows named after the nodes");
        is_int(0, n->layers[3].dynamic, "weight MatMul: not dynamic");
    }
    net_free(n);
}

/* A transformer block: a 3-D token activation [1, T, D], linear
 * projections (MatMul with initializers), heads split by Reshape and
 * Transpose, Q K^T and A V as MatMuls of two activations. */
static void
attention(void)
{
    enum { T = 6, D = 8, H = 2, DH = 4 };
    emit_init(&e);
    long x[3] = {1, T, D}, w[2] = {D, D}, split[4] = {1, T, H, DH};
    long four[1] = {4}, merge[3] = {1, T, D}, threes[1] = {3};
    emit_input(&e, "x", 3, x);
    emit_initializer(&e, "wq", 2, w, NULL, 0);
    emit_initializer(&e, "wk", 2, w, NULL, 0);
    emit_initializer(&e, "split", 1, four, split, 0);
    emit_initializer(&e, "merge", 1, threes, merge, 0);
    Onnx__NodeProto *nd;
    emit_node(&e, "MatMul", "q", (const char *[]){"x", "wq", NULL}, "q0");
    emit_node(&e, "MatMul", "k", (const char *[]){"x", "wk", NULL}, "k0");
    emit_node(&e, "Reshape", "qs", (const char *[]){"q0", "split", NULL},
              "q1");
    emit_node(&e, "Reshape", "ks", (const char *[]){"k0", "split", NULL},
              "k1");
    nd = emit_node(&e, "Transpose", "qt", (const char *[]){"q1", NULL},
                   "q2");
    emit_attr_ints(&e, nd, "perm", 4, (long[]){0, 2, 1, 3}); /* 1 H T DH */
    nd = emit_node(&e, "Transpose", "kt", (const char *[]){"k1", NULL},
                   "k2");
    emit_attr_ints(&e, nd, "perm", 4, (long[]){0, 2, 3, 1}); /* 1 H DH T */
    emit_node(&e, "MatMul", "scores", (const char *[]){"q2", "k2", NULL},
              "s");                                          /* 1 H T T */
    emit_node(&e, "Softmax", "sm", (const char *[]){"s", NULL}, "a");
    emit_node(&e, "MatMul", "av", (const char *[]){"a", "q2", NULL}, "o");
    nd = emit_node(&e, "Transpose", "ot", (const char *[]){"o", NULL}, "o2");
    emit_attr_ints(&e, nd, "perm", 4, (long[]){0, 2, 1, 3});
    emit_node(&e, "Reshape", "om", (const char *[]){"o2", "merge", NULL},
              "o3");
    emit_node(&e, "MatMul", "proj", (const char *[]){"o3", "wq", NULL},
              "y");
    emit_node(&e, "Add", "res", (const char *[]){"y", "x", NULL}, "z");
    net *n = read_back("attention.onnx", 1);
    ok(n != NULL, "attention block parses");
    if (!n)
        return;
    is_int(5, (long)n->n, "q, k, scores, av, proj");
    if (n->n == 5) {
        is_row(&n->layers[0], NET_OP_LINEAR, D, D, 1, 1, T, 1, 1, 1,
               "query projection: P = 6 tokens");
        is_row(&n->layers[2], NET_OP_MATMUL, DH, T, 1, 1, T, 1, 1, H,
               "Q K^T per head: C = 4, M = P = 6 tokens, G = 2 heads");
        is_row(&n->layers[3], NET_OP_MATMUL, T, DH, 1, 1, T, 1, 1, H,
               "A V per head: C = 6, M = 4");
        is_row(&n->layers[4], NET_OP_LINEAR, D, D, 1, 1, T, 1, 1, 1,
               "output projection after merging the heads");
        is_int(1, n->layers[2].dynamic, "Q K^T: dynamic");
        is_int(1, n->layers[3].dynamic, "A V: dynamic");
        is_int(0, n->layers[4].dynamic, "projection: resident weights");
    }
    net_free(n);
}

/* What PyTorch's tracer writes for x.view(x.size(0), -1), a ViT class
 * token and a fused q/k/v projection: Shape, Gather, Unsqueeze and Concat
 * folded into Reshape's shape, Expand and Concat of the class token,
 * Split, Slice and a Gather of token 0. */
static void
traced_shapes(void)
{
    emit_init(&e);
    long x[4] = {1, 4, 6, 6}, w[4] = {8, 4, 1, 1}, cls[3] = {1, 1, 8};
    long wqkv[2] = {8, 24}, wh[2] = {8, 3};
    long zero[1] = {0}, one[1] = {1}, minus1[1] = {-1}, exp3[3] = {1, 1, 8};
    long three[1] = {3}, st[1] = {1}, en[1] = {1000}, ax[1] = {1};
    emit_input(&e, "x", 4, x);
    emit_initializer(&e, "w", 4, w, NULL, 0);
    emit_initializer(&e, "cls", 3, cls, NULL, 0);
    emit_initializer(&e, "wqkv", 2, wqkv, NULL, 0);
    emit_initializer(&e, "wh", 2, wh, NULL, 0);
    emit_initializer(&e, "i0", 0, NULL, zero, 0);       /* scalar 0 */
    emit_initializer(&e, "m1", 1, one, minus1, 0);
    emit_initializer(&e, "eshape", 1, three, exp3, 0);
    emit_initializer(&e, "st", 1, one, st, 0);
    emit_initializer(&e, "en", 1, one, en, 0);
    emit_initializer(&e, "ax", 1, one, ax, 0);
    Onnx__NodeProto *nd;
    emit_node(&e, "Conv", "c", (const char *[]){"x", "w", NULL}, "a");
    emit_node(&e, "Shape", "sh", (const char *[]){"a", NULL}, "s");
    emit_node(&e, "Gather", "g", (const char *[]){"s", "i0", NULL}, "n");
    nd = emit_node(&e, "Unsqueeze", "u", (const char *[]){"n", NULL}, "n1");
    emit_attr_ints(&e, nd, "axes", 1, (long[]){0});
    nd = emit_node(&e, "Concat", "cc", (const char *[]){"n1", "m1", NULL},
                   "shp");
    emit_attr_int(&e, nd, "axis", 0);                   /* [1, -1] */
    emit_node(&e, "Reshape", "flat", (const char *[]){"a", "shp", NULL},
              "f");                                      /* 1 x 288 */
    /* tokens: 1 x 8 x 36 -> 1 x 36 x 8, then the class token in front */
    long tshape[3] = {1, 8, 36};
    emit_initializer(&e, "tshape", 1, three, tshape, 0);
    emit_node(&e, "Reshape", "rt", (const char *[]){"a", "tshape", NULL},
              "t0");
    nd = emit_node(&e, "Transpose", "tt", (const char *[]){"t0", NULL},
                   "t1");
    emit_attr_ints(&e, nd, "perm", 3, (long[]){0, 2, 1});
    emit_node(&e, "Expand", "ex", (const char *[]){"cls", "eshape", NULL},
              "c1");
    nd = emit_node(&e, "Concat", "ct", (const char *[]){"c1", "t1", NULL},
                   "t2");
    emit_attr_int(&e, nd, "axis", 1);                   /* 1 x 37 x 8 */
    emit_node(&e, "MatMul", "qkv", (const char *[]){"t2", "wqkv", NULL},
              "q0");                                     /* 1 x 37 x 24 */
    nd = emit_node(&e, "Split", "sp", (const char *[]){"q0", NULL}, "q");
    emit_attr_int(&e, nd, "axis", 2);
    nd->n_output = 3;
    nd->output = emit_alloc(&e, 3 * sizeof *nd->output);
    nd->output[0] = emit_str(&e, "q");
    nd->output[1] = emit_str(&e, "k");
    nd->output[2] = emit_str(&e, "v");
    nd = emit_node(&e, "Transpose", "kt", (const char *[]){"k", NULL},
                   "kT");
    emit_attr_ints(&e, nd, "perm", 3, (long[]){0, 2, 1});
    emit_node(&e, "MatMul", "scores", (const char *[]){"q", "kT", NULL},
              "sc");                                     /* 1 x 37 x 37 */
    emit_node(&e, "Slice", "drop", (const char *[]){"t2", "st", "en", "ax",
                                                    NULL}, "pt");
    nd = emit_node(&e, "Gather", "first", (const char *[]){"t2", "i0",
                                                           NULL}, "tok");
    emit_attr_int(&e, nd, "axis", 1);                   /* 1 x 8 */
    emit_node(&e, "MatMul", "head", (const char *[]){"tok", "wh", NULL},
              "y");
    emit_node(&e, "MatMul", "patches", (const char *[]){"pt", "wh", NULL},
              "y2");                                     /* 36 tokens */
    net *n = read_back("traced.onnx", 1);
    ok(n != NULL, "traced shapes parse");
    if (!n)
        return;
    is_int(5, (long)n->n, "conv, qkv, scores, head, patches");
    if (n->n == 5) {
        is_row(&n->layers[0], NET_OP_CONV, 4, 8, 1, 1, 6, 6, 1, 1, "conv");
        is_row(&n->layers[1], NET_OP_LINEAR, 8, 24, 1, 1, 37, 1, 1, 1,
               "fused q/k/v over 36 patches and the class token");
        is_row(&n->layers[2], NET_OP_MATMUL, 8, 37, 1, 1, 37, 1, 1, 1,
               "scores from the Split's q and k");
        is_row(&n->layers[3], NET_OP_LINEAR, 8, 3, 1, 1, 1, 1, 1, 1,
               "head on the Gathered class token");
        is_row(&n->layers[4], NET_OP_LINEAR, 8, 3, 1, 1, 36, 1, 1, 1,
               "the Sliced patch tokens");
    }
    net_free(n);
}

/* ------------------------------------------------------------ errors */

/* One graph of a single node op on input [1, 4, 8, 8] and initializer
 * w [4, 4, 3, 3], written and read back; the message must be want (with
 * "F" standing for the file). */
static void
error_case(const char *what, const char *op, const long *xdims, int xrank,
           const char *attr, long attr_value, const char *want)
{
    emit_init(&e);
    long w[4] = {4, 4, 3, 3};
    emit_input(&e, "x", xrank, xdims);
    emit_initializer(&e, "w", 4, w, NULL, 0);
    Onnx__NodeProto *nd =
        emit_node(&e, op, "n0", (const char *[]){"x", "w", NULL}, "y");
    if (attr)
        emit_attr_int(&e, nd, attr, attr_value);
    char path[600], full[1400];
    snprintf(path, sizeof path, "%s/err.onnx", dir);
    net *n = read_back("err.onnx", 0);
    ok(n == NULL, "%s: refused", what);
    const char *f = strchr(want, 'F');
    snprintf(full, sizeof full, "%.*s%s%s", (int)(f - want), want, path,
             f + 1);
    is_string(full, captured, "%s: message", what);
    net_free(n);
}

static void
errors(void)
{
    long x[4] = {1, 4, 8, 8}, x2[4] = {2, 4, 8, 8}, xs[4] = {1, 4, -1, 8};
    error_case("unsupported op", "LSTM", x, 4, NULL, 0,
               "F: node 0 (LSTM): not supported");
    error_case("batch 2", "Conv", x2, 4, NULL, 0,
               "F:1: graph input 'x': batch size 2 (expected 1 or "
               "symbolic)");
    error_case("symbolic height", "Conv", xs, 4, NULL, 0,
               "F:1: graph input 'x': dimension 2 is symbolic (only the "
               "batch may be)");
    error_case("group that does not divide", "Conv", x, 4, "group", 3,
               "F: node 0 (Conv): group 3 does not fit 4 input channels and "
               "weights 4x4");
    long x1[4] = {1, 4, 2, 2};
    error_case("kernel larger than the input", "Conv", x1, 4, NULL, 0,
               "F: node 0 (Conv): window of 3 does not fit the input of 2 "
               "(with padding 0)");
    error_case("Gemm of rank 4", "Gemm", x, 4, NULL, 0,
               "F: node 0 (Gemm): operands of rank 4 and 4, expected 2");
    long x3[4] = {1, 4, 8, 5};
    error_case("MatMul sizes", "MatMul", x3, 4, NULL, 0,
               "F: node 0 (MatMul): inner sizes differ: 5 and 3");

    /* a node reading a tensor nobody made; a foreign domain; bad bytes */
    emit_init(&e);
    emit_input(&e, "x", 4, x);
    emit_node(&e, "Relu", "r", (const char *[]){"nowhere", NULL}, "y");
    char want[1400];
    snprintf(want, sizeof want, "%s/err.onnx: node 0 (Relu): input "
             "'nowhere' is not a graph input, an initializer or an earlier "
             "node's output", dir);
    ok(read_back("err.onnx", 0) == NULL, "unknown input refused");
    is_string(want, captured, "unknown input message");
    emit_init(&e);
    emit_input(&e, "x", 4, x);
    Onnx__NodeProto *nd =
        emit_node(&e, "Relu", "r", (const char *[]){"x", NULL}, "y");
    nd->domain = emit_str(&e, "com.microsoft");
    snprintf(want, sizeof want, "%s/err.onnx: node 0 (Relu): not "
             "supported", dir);
    ok(read_back("err.onnx", 0) == NULL, "foreign domain refused");
    is_string(want, captured, "foreign domain message");
    emit_init(&e);
    emit_input(&e, "x", 4, x);
    emit_node(&e, "Re\033lu", "r", (const char *[]){"x", NULL}, "y");
    snprintf(want, sizeof want, "%s/err.onnx: node 0 (Re\\x1blu): not "
             "supported", dir);
    ok(read_back("err.onnx", 0) == NULL, "control byte in an op name");
    is_string(want, captured, "control byte escaped");
    emit_init(&e);
    emit_input(&e, "x", 4, x);
    long bad_shape[2] = {3, 7}, two[1] = {2};
    emit_initializer(&e, "s", 1, two, bad_shape, 0);
    emit_node(&e, "Reshape", "rs", (const char *[]){"x", "s", NULL}, "y");
    snprintf(want, sizeof want, "%s/err.onnx: node 0 (Reshape): the shape "
             "holds 21 values, the input 256", dir);
    ok(read_back("err.onnx", 0) == NULL, "Reshape to another size");
    is_string(want, captured, "Reshape size message");

    char path[600];
    snprintf(path, sizeof path, "%s/garbage.onnx", dir);
    FILE *fp = fopen(path, "wb");
    fputs("\xff\xff\xff\xff not protobuf", fp);
    fclose(fp);
    net *n = NULL;
    is_int(IMC_EINPUT, onnx_read(path, 0, &n), "garbage refused");
    snprintf(want, sizeof want, "%s:1: not an ONNX model (protobuf decoding "
             "failed)", path);
    is_string(want, captured, "garbage message");
    unlink(path);
    is_int(IMC_EINPUT, onnx_read("t/data/no-such.onnx", 0, &n), "missing");
    is_string("t/data/no-such.onnx:1: cannot open: No such file or "
              "directory", captured, "missing file message");
}

int
main(void)
{
    plan_lazy();
    if (!mkdtemp(dir))
        bail("mkdtemp failed");
    imc_err_set_handler(capture);
    testdata();
    cnn();
    attention();
    traced_shapes();
    errors();
    rmdir(dir);
    return 0;
}
