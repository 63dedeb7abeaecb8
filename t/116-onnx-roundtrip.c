/* 116-onnx-roundtrip: the layer tables of the shipped networks written as
 * ONNX models (t/onnx-emit.h: one Conv, Gemm or MatMul node per layer, on
 * its own graph input sized so the layer's P x Q comes out, weights as
 * initializer dims only) and read back by bin/parse-net: the structural
 * columns (name, op, C, M, R, S, P, Q, stride, groups, weights, macs) and
 * dynamic must come back unchanged, layer by layer. */
#include "err.h"
#include "net.h"
#include "netfmt.h"
#include "onnx-emit.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PARSE_NET "bin/parse-net"

/* Append layer l (index i) to the model. */
static void
emit_layer(emit *e, const net_layer *l, size_t i)
{
    char x[32], w[32], y[32];
    snprintf(x, sizeof x, "x%zu", i);
    snprintf(w, sizeof w, "w%zu", i);
    snprintf(y, sizeof y, "y%zu", i);
    if (l->op == NET_OP_CONV || l->op == NET_OP_DWCONV) {
        /* no padding: an input of (P - 1) s + R rows gives P outputs */
        long in[4] = {1, l->C * l->groups, (l->P - 1) * l->stride + l->R,
                      (l->Q - 1) * l->stride + l->S};
        long wd[4] = {l->M * l->groups, l->C, l->R, l->S};
        long strides[2] = {l->stride, l->stride};
        emit_input(e, x, 4, in);
        emit_initializer(e, w, 4, wd, NULL, 0);
        const char *ins[] = {x, w, NULL};
        Onnx__NodeProto *nd = emit_node(e, "Conv", l->name, ins, y);
        emit_attr_ints(e, nd, "strides", 2, strides);
        emit_attr_int(e, nd, "group", l->groups);
    } else if (l->op == NET_OP_LINEAR && l->P == 1 && l->Q == 1) {
        long in[2] = {-1, l->C}, wd[2] = {l->M, l->C};
        emit_input(e, x, 2, in);
        emit_initializer(e, w, 2, wd, NULL, 0);
        const char *ins[] = {x, w, NULL};
        emit_attr_int(e, emit_node(e, "Gemm", l->name, ins, y), "transB", 1);
    } else if (l->op == NET_OP_LINEAR) {
        long in[3] = {1, l->P * l->Q, l->C}, wd[2] = {l->C, l->M};
        emit_input(e, x, 3, in);
        emit_initializer(e, w, 2, wd, NULL, 0);
        const char *ins[] = {x, w, NULL};
        emit_node(e, "MatMul", l->name, ins, y);
    } else {
        /* between activations: [1, G, P, C] x [1, G, C, M] */
        long a[4] = {1, l->groups, l->P, l->C};
        long b[4] = {1, l->groups, l->C, l->M};
        emit_input(e, x, 4, a);
        emit_input(e, w, 4, b);
        const char *ins[] = {x, w, NULL};
        emit_node(e, "MatMul", l->name, ins, y);
    }
}

static void
round_trip(const char *name, const char *dir)
{
    char path[512], onnx[600], csv[600], cmd[1400];
    snprintf(path, sizeof path, "workloads/%s.net", name);
    net *n = NULL, *back = NULL;
    if (netfmt_read(path, &n) != IMC_OK)
        bail("%s does not parse", path);
    static emit e;
    emit_init(&e);
    for (size_t i = 0; i < n->n; i++)
        emit_layer(&e, &n->layers[i], i);
    snprintf(onnx, sizeof onnx, "%s/%s.onnx", dir, name);
    snprintf(csv, sizeof csv, "%s/%s.csv", dir, name);
    ok(emit_write(&e, onnx) == 0, "%s: ONNX model written", name);
    emit_free(&e);
    snprintf(cmd, sizeof cmd, "%s -o %s %s", PARSE_NET, csv, onnx);
    is_int(0, system(cmd), "%s: parse-net reads the model", name);
    if (net_read_table(csv, &back) != IMC_OK) {
        net_free(n);
        return;
    }
    is_int((long)n->n, (long)back->n, "%s: %zu layers back", name, n->n);
    size_t bad = 0;
    for (size_t i = 0; i < n->n && i < back->n; i++) {
        const net_layer *a = &n->layers[i], *b = &back->layers[i];
        if (strcmp(a->name, b->name) || a->op != b->op || a->C != b->C ||
            a->M != b->M || a->R != b->R || a->S != b->S || a->P != b->P ||
            a->Q != b->Q || a->stride != b->stride ||
            a->groups != b->groups || fabs(a->weights - b->weights) > 0.5 ||
            fabs(a->macs - b->macs) > 0.5 || a->dynamic != b->dynamic) {
            if (bad++ == 0)
                diag("%s row %zu: %s %s C=%ld M=%ld P=%ld Q=%ld G=%ld came "
                     "back as %s %s C=%ld M=%ld P=%ld Q=%ld G=%ld", name, i,
                     a->name, net_op_name(a->op), a->C, a->M, a->P, a->Q,
                     a->groups, b->name, net_op_name(b->op), b->C, b->M,
                     b->P, b->Q, b->groups);
        }
    }
    is_int(0, (long)bad, "%s: every row's structural columns unchanged",
           name);
    is_double(net_total_macs(n), net_total_macs(back), 0, "%s: MACs",
              name);
    net_free(n);
    net_free(back);
    unlink(onnx);
    unlink(csv);
}

int
main(void)
{
    if (access(PARSE_NET, X_OK) != 0) {
        printf("1..0 # SKIP %s not built\n", PARSE_NET);
        return 0;
    }
    plan_lazy();
    char dir[] = "/tmp/imc-116-XXXXXX";
    if (!mkdtemp(dir))
        bail("mkdtemp failed");
    /* the P1 four, and two with token linears and attention matmuls */
    const char *nets[] = {"vgg16", "resnet18", "alexnet", "mobilenet_v3",
                          "mobilebert", "vision_transformer"};
    for (size_t i = 0; i < sizeof nets / sizeof nets[0]; i++)
        round_trip(nets[i], dir);
    rmdir(dir);
    return 0;
}
