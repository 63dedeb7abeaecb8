/* 110-net: the layer table module (src/net.c): statistics from histograms
 * against hand-derived formulas, the dimension checks and their messages,
 * derived sizes, and a CSV write/read round trip. */
#include "err.h"
#include "net.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char captured[1024];

static void
capture(const char *message)
{
    snprintf(captured, sizeof captured, "%s", message);
}

static net_layer
make(const char *name, net_op op, long C, long M, long R, long S, long P,
     long Q, long stride, long groups)
{
    net_layer l;
    net_layer_init(&l, name, op, C, M, R, S, P, Q, stride, groups);
    return l;
}

/* A 3-bin histogram is a 2-bit code in bits 7..6 of the 8-bit operand,
 * bits 5..0 being fair coins (mean 0.5).  With p0, p1, p2 normalised:
 * bit7 = p2, bit6 = p1, so x = (128 p2 + 64 p1 + 31.5) / 255, and the
 * b-bit slice means are written out slice by slice below. */
static void
test_hist3(void)
{
    net_layer l = make("h3", NET_OP_CONV, 3, 8, 3, 3, 4, 4, 1, 1);
    const double in[3] = {1.7, 4.1, 2.9};     /* sum 8.7, not normalised */
    const double w[3] = {0.35, 0.2, 0.45};
    is_int(IMC_OK, net_stats_from_hist(&l, in, 3, w, 3), "3-bin histograms OK");
    double p1 = 4.1 / 8.7, p2 = 2.9 / 8.7;
    is_double((128 * p2 + 64 * p1 + 31.5) / 255, l.x_mean, 1e-12,
              "3 bins: x_mean = (128 p2 + 64 p1 + 31.5) / 255 = 0.40913");
    is_double(0.409128, l.x_mean, 1e-6, "3 bins: x_mean by hand");
    double q1 = 0.2, q2 = 0.45;
    /* b = 1: eight 1-bit slices. */
    is_double((q2 + q1 + 6 * 0.5) / 8, l.w_mean[1], 1e-12, "3 bins: w_1");
    /* b = 2: slice 7..6 is the code (2 q2 + q1) / 3, three coin slices. */
    is_double(((2 * q2 + q1) / 3 + 3 * 0.5) / 4, l.w_mean[2], 1e-12,
              "3 bins: w_2");
    /* b = 3: slices 7..5, 4..2 and the remainder 1..0 (1.5, divided by 7
     * like the full slices: the reference's normalisation). */
    is_double(((4 * q2 + 2 * q1 + 0.5) / 7 + 0.5 + 1.5 / 7) / 3, l.w_mean[3],
              1e-12, "3 bins: w_3 (short remainder slice over 7)");
    /* b = 4: slices 7..4 = (8 q2 + 4 q1 + 1.5) / 15 and 3..0 = 0.5. */
    is_double(((8 * q2 + 4 * q1 + 1.5) / 15 + 0.5) / 2, l.w_mean[4], 1e-12,
              "3 bins: w_4");
    /* b = 5: 7..3 = (16 q2 + 8 q1 + 3.5) / 31, remainder 2..0 = 3.5 / 31. */
    is_double(((16 * q2 + 8 * q1 + 3.5) / 31 + 3.5 / 31) / 2, l.w_mean[5],
              1e-12, "3 bins: w_5");
    /* b = 8: the whole word. */
    is_double((128 * q2 + 64 * q1 + 31.5) / 255, l.w_mean[8], 1e-12,
              "3 bins: w_8");
    is_double(0.399608, l.w_mean[8], 1e-6, "3 bins: w_8 by hand");
}

static int
popcount(unsigned v)
{
    int c = 0;
    for (; v; v >>= 1)
        c += (int)(v & 1u);
    return c;
}

/* A 63-bin histogram is a 6-bit code i in bits 7..2 and two coin bits:
 * value = 4 i + 1.5 on average.  Closed forms: x = (4 E[i] + 1.5) / 255;
 * w_1 = (E[popcount(i)] + 2 * 0.5) / 8; w_4 = (E[i >> 2] / 15 +
 * (4 E[i & 3] + 1.5) / 15) / 2. */
static void
test_hist63(void)
{
    double h[63], wh[63], sum = 0, wsum = 0;
    for (int i = 0; i < 63; i++) {
        h[i] = 1.0 + (double)((i * 7) % 11) / 3.0;
        wh[i] = 1.0 / (1.0 + (i - 31) * (i - 31) / 40.0);
        sum += h[i];
        wsum += wh[i];
    }
    net_layer l = make("h63", NET_OP_CONV, 3, 8, 3, 3, 4, 4, 1, 1);
    is_int(IMC_OK, net_stats_from_hist(&l, h, 63, wh, 63), "63-bin OK");
    double ei = 0, epop = 0, ehi = 0, elo = 0;
    for (int i = 0; i < 63; i++)
        ei += h[i] / sum * i;
    is_double((4 * ei + 1.5) / 255, l.x_mean, 1e-12,
              "63 bins: x_mean = (4 E[i] + 1.5) / 255");
    ei = 0;
    for (int i = 0; i < 63; i++) {
        double p = wh[i] / wsum;
        ei += p * i;
        epop += p * popcount((unsigned)i);
        ehi += p * (i >> 2);
        elo += p * (i & 3);
    }
    is_double((4 * ei + 1.5) / 255, l.w_mean[8], 1e-12, "63 bins: w_8");
    is_double((epop + 1.0) / 8, l.w_mean[1], 1e-12,
              "63 bins: w_1 = (E[popcount] + 1) / 8");
    is_double((ehi / 15 + (4 * elo + 1.5) / 15) / 2, l.w_mean[4], 1e-12,
              "63 bins: w_4 from the two nibbles");
    /* A symmetric weight histogram centres on code 31: w_8 near 0.5. */
    is_double((4 * 31 + 1.5) / 255, l.w_mean[8], 1e-9,
              "63 bins: symmetric weights give w_8 = 125.5 / 255");

    const double four[4] = {1, 2, 3, 4}, zero[3] = {0, 0, 0};
    const double neg[3] = {0.5, -0.1, 0.6}, ok3[3] = {1, 1, 1};
    is_int(IMC_EINPUT, net_stats_from_hist(&l, four, 4, ok3, 3), "4 bins rejected");
    is_int(IMC_EINPUT, net_stats_from_hist(&l, ok3, 3, four, 4),
           "4 weight bins rejected");
    is_int(IMC_EINPUT, net_stats_from_hist(&l, zero, 3, ok3, 3), "zero mass");
    is_int(IMC_EINPUT, net_stats_from_hist(&l, ok3, 3, neg, 3), "negative bin");
    is_int(IMC_EINPUT, net_stats_from_hist(&l, h, 0, ok3, 3), "0 bins rejected");
}

static void
test_check(void)
{
    imc_err_set_handler(capture);
    net_layer l = make("c1", NET_OP_CONV, 3, 64, 11, 11, 55, 55, 4, 1);
    is_int(IMC_OK, net_layer_check(&l, "f.csv", 3), "valid conv passes");
    is_double(23232, l.weights, 0, "weights = C M R S G = 23232");
    is_double(70276800, l.macs, 0, "macs = weights P Q = 70276800");
    /* H = (P - 1) stride + R = 227; 3 * 227 * 227 * 8 bits. */
    is_double(3.0 * 227 * 227 * 8, net_layer_input_bits(&l), 0,
              "input bits from the receptive field");
    is_double(64.0 * 55 * 55 * 8, net_layer_output_bits(&l), 0,
              "output bits");

    net_layer b = l;
    b.C = 0;
    is_int(IMC_EINPUT, net_layer_check(&b, "f.csv", 7), "C = 0 rejected");
    is_string("f.csv:7: layer 'c1': C = 0, expected an integer from 1 to 1099511627776",
              captured, "C = 0 message");
    b = l;
    b.stride = -2;
    net_layer_check(&b, "f.csv", 8);
    is_string("f.csv:8: layer 'c1': stride = -2, expected an integer from 1 to 1099511627776",
              captured, "negative stride message");
    b = l;
    b.groups = 2;
    is_int(IMC_EINPUT, net_layer_check(&b, "f.csv", 9), "conv groups 2");
    is_string("f.csv:9: layer 'c1': op 'conv' needs groups = 1, got 2 "
              "(use 'dwconv')", captured, "conv groups message");
    b = make("d", NET_OP_DWCONV, 1, 1, 3, 3, 8, 8, 1, 1);
    net_layer_check(&b, "f.csv", 10);
    is_string("f.csv:10: layer 'd': op 'dwconv' needs groups >= 2, got 1",
              captured, "dwconv groups message");
    b = make("fc", NET_OP_LINEAR, 512, 10, 3, 1, 1, 1, 1, 1);
    net_layer_check(&b, "f.csv", 11);
    is_string("f.csv:11: layer 'fc': op 'linear' needs R = S = 1, got 3x1",
              captured, "linear kernel message");
    b = l;
    b.x_mean = 1.25;
    net_layer_check(&b, "f.csv", 12);
    is_string("f.csv:12: layer 'c1': x_mean = 1.25, expected [0,1]",
              captured, "x_mean range message");
    b = l;
    b.w_mean[3] = -0.125;
    net_layer_check(&b, "f.csv", 13);
    is_string("f.csv:13: layer 'c1': w_mean_3 = -0.125, expected [0,1]",
              captured, "w_mean range message");
    imc_err_set_handler(NULL);
}

static void
test_round_trip(void)
{
    char path[] = "/tmp/imc-110-XXXXXX";
    int fd = mkstemp(path);
    FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!fp)
        bail("cannot create a temporary file");
    net *n = net_alloc("rt");
    net_layer a = make("conv,1", NET_OP_CONV, 3, 16, 3, 3, 32, 32, 2, 1);
    net_layer d = make("dw", NET_OP_DWCONV, 1, 1, 5, 5, 16, 16, 1, 16);
    net_layer f = make("fc", NET_OP_LINEAR, 4096, 1000, 1, 1, 1, 1, 1, 1);
    const double in[3] = {0.2, 0.5, 0.3}, w[3] = {0.3, 0.3, 0.4};
    net_stats_from_hist(&d, in, 3, w, 3);
    net_push(n, &a);
    net_push(n, &d);
    net_push(n, &f);
    is_int(IMC_OK, net_write_table(fp, n), "table written");
    fclose(fp);
    net *r = NULL;
    is_int(IMC_OK, net_read_table(path, &r), "table read back");
    if (!r)
        bail("round trip failed");
    is_int(3, (long)r->n, "three layers back");
    ok(strncmp(r->name, "imc-110-", 8) == 0, "net named after the file");
    for (size_t i = 0; i < 3 && i < r->n; i++) {
        const net_layer *x = &n->layers[i], *y = &r->layers[i];
        is_string(x->name, y->name, "layer %zu name (with a comma)", i);
        is_int(x->op, y->op, "layer %zu op", i);
        ok(x->C == y->C && x->M == y->M && x->R == y->R && x->S == y->S &&
               x->P == y->P && x->Q == y->Q && x->stride == y->stride &&
               x->groups == y->groups,
           "layer %zu dimensions", i);
        is_double(x->macs, y->macs, 0, "layer %zu macs", i);
        is_double(x->x_mean, y->x_mean, 5e-7, "layer %zu x_mean", i);
        int same = 1;
        for (int b = 1; b <= NET_MAX_BITS; b++)
            same &= (x->w_mean[b] - y->w_mean[b]) < 5e-7 &&
                    (y->w_mean[b] - x->w_mean[b]) < 5e-7;
        ok(same, "layer %zu w_mean_1..8", i);
    }
    is_double(net_total_weights(n), net_total_weights(r), 0,
              "total weights kept");
    is_double(432 + 400 + 4096000, net_total_weights(r), 0,
              "total weights = 432 + 400 + 4096000");
    is_double(432.0 * 1024 + 400 * 256 + 4096000, net_total_macs(r), 0,
              "total macs");
    net_free(r);
    net_free(n);
    net_free(NULL);
    unlink(path);
}

/* Write text to a temporary CSV and read it as a layer table. */
static int
read_text(const char *text, net **out)
{
    char path[] = "/tmp/imc-110-XXXXXX";
    int fd = mkstemp(path);
    FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!fp)
        bail("cannot create a temporary file");
    fputs(text, fp);
    fclose(fp);
    int st = net_read_table(path, out);
    /* messages name the file: keep only what follows its line number */
    char *colon = strstr(captured, ":");
    if (st != IMC_OK && colon)
        memmove(captured, colon + 1, strlen(colon + 1) + 1);
    unlink(path);
    return st;
}

/* The dynamic column, escaped fields, and the importers' helpers. */
static void
test_dynamic_and_helpers(void)
{
    static const char head[] = "name,op,C,M,R,S,P,Q,stride,groups";
    char text[512];
    net *n = NULL;
    imc_err_set_handler(capture);
    snprintf(text, sizeof text, "%s\nq,matmul,64,128,1,1,128,1,1,4\n", head);
    is_int(IMC_OK, read_text(text, &n), "table without dynamic");
    if (n)
        is_int(0, n->layers[0].dynamic, "absent dynamic column reads 0");
    net_free(n);
    snprintf(text, sizeof text, "%s,dynamic\nq,matmul,64,128,1,1,128,1,1,4,"
             "1\nl,linear,64,64,1,1,128,1,1,1,0\n", head);
    is_int(IMC_OK, read_text(text, &n), "table with dynamic");
    if (n) {
        is_int(1, n->layers[0].dynamic, "dynamic 1 kept");
        is_int(0, n->layers[1].dynamic, "dynamic 0 kept");
    }
    net_free(n);
    snprintf(text, sizeof text, "%s,dynamic\nq,matmul,64,128,1,1,128,1,1,4,"
             "2\n", head);
    is_int(IMC_EINPUT, read_text(text, &n), "dynamic 2 refused");
    is_string("2: column 'dynamic': got '2', expected an integer in [0, 1]",
              captured, "dynamic range message");
    snprintf(text, sizeof text, "%s\nq,conv,3\033[31m,8,1,1,1,1,1,1\n",
             head);
    is_int(IMC_EINPUT, read_text(text, &n), "control bytes refused");
    is_string("2: column 'C': got '3\\x1b[31m', expected an integer in [1, "
              "1099511627776]", captured, "control bytes escaped");
    snprintf(text, sizeof text, "%s\n", head);
    is_int(IMC_EINPUT, read_text(text, &n), "no rows");
    is_string("1: no layers (expected one row per weight layer after the "
              "header)", captured, "no rows: reported at line 1");
    net_layer m = make("mm", NET_OP_MATMUL, 64, 128, 1, 1, 128, 1, 1, 4);
    is_int(1, m.dynamic, "net_layer_init: matmul is dynamic");
    m.dynamic = 3;
    net_layer_check(&m, "f.csv", 4);
    is_string("f.csv:4: layer 'mm': dynamic = 3, expected 0 or 1", captured,
              "dynamic check message");
    imc_err_set_handler(NULL);

    /* net_dim_mul: exact up to 2^40, refused beyond, never overflowing */
    long v = -1;
    is_int(IMC_OK, net_dim_mul(1L << 20, 1L << 20, &v), "2^20 * 2^20");
    is_int(1L << 40, v, "product 2^40");
    is_int(IMC_EINPUT, net_dim_mul((1L << 20) + 1, 1L << 20, &v),
           "just over 2^40 refused");
    is_int(1L << 40, v, "refused product leaves *out alone");
    is_int(IMC_EINPUT, net_dim_mul(1L << 62, 1L << 62, &v),
           "2^124 refused (no wrap)");
    is_int(IMC_OK, net_dim_mul(0, 1L << 62, &v), "0 times anything");
    is_int(0, v, "is 0");
    is_int(IMC_EINPUT, net_dim_mul(-1, 2, &v), "negative refused");

    /* net_escape: control bytes and DEL as \xNN, long text cut */
    char q[16];
    net_escape("a\tb\177c", q, sizeof q);
    is_string("a\\x09b\\x7fc", q, "tab and DEL escaped");
    net_escape("0123456789abcdefghij", q, sizeof q);
    is_string("0123456789ab...", q, "long text cut");
    net_escape("\001\002\003\004", q, sizeof q);
    is_string("\\x01\\x02\\x03...", q, "escapes are never split");

    /* net_index: 100,000 keys, replacement, misses */
    net_index *ix = net_index_alloc();
    if (!ix)
        bail("out of memory");
    int all = 1;
    for (size_t i = 0; i < 100000; i++) {
        char k[32];
        snprintf(k, sizeof k, "layer.%zu", i);
        all &= net_index_put(ix, k, i) == IMC_OK;
    }
    ok(all, "100,000 keys put");
    size_t got = 0, misses = 0;
    for (size_t i = 0; i < 100000; i++) {
        char k[32];
        snprintf(k, sizeof k, "layer.%zu", i);
        if (!net_index_find_p(ix, k, &got) || got != i)
            misses++;
    }
    is_int(0, (long)misses, "every key finds its value");
    ok(!net_index_find_p(ix, "layer.100000", NULL), "absent key not found");
    net_index_put(ix, "layer.7", 42);
    ok(net_index_find_p(ix, "layer.7", &got) && got == 42, "value replaced");
    net_index_free(ix);
    net_index_free(NULL);

    char base[NET_NAME_MAX];
    net_base_name("a/b/model.v2.onnx", base, sizeof base);
    is_string("model.v2", base, "base name drops the last extension");
    net_base_name("-", base, sizeof base);
    is_string("stdin", base, "stdin");
}

int
main(void)
{
    plan_lazy();
    test_hist3();
    test_hist63();
    test_check();
    test_round_trip();
    test_dynamic_and_helpers();
    return 0;
}
