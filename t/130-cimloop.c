/* 130-cimloop: the CiMLoop problem-file reader (src/cimloop.c) on tiny
 * fixtures in t/data/cimloop/ (layer rows, statistics from 3- and 7-bin
 * histograms, every error message) and, when present, on the reference's
 * eleven workload directories (../shared/reference/cimloop, or
 * $IMC_CIMLOOP_DIR). */
#include "cimloop.h"
#include "err.h"
#include "net.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char captured[1024];

static void
capture(const char *message)
{
    snprintf(captured, sizeof captured, "%s", message);
}

static void
is_layer(const net_layer *l, const char *name, net_op op, long C, long M,
         long R, long P, long Q, long stride, long groups)
{
    ok(strcmp(l->name, name) == 0 && l->op == op && l->C == C &&
           l->M == M && l->R == R && l->S == R && l->P == P && l->Q == Q &&
           l->stride == stride && l->groups == groups,
       "layer %s: %s C=%ld M=%ld R=S=%ld P=%ld Q=%ld s=%ld G=%ld (got %s %s "
       "C=%ld M=%ld R=%ld S=%ld P=%ld Q=%ld s=%ld G=%ld)",
       name, net_op_name(op), C, M, R, P, Q, stride, groups, l->name,
       net_op_name(l->op), l->C, l->M, l->R, l->S, l->P, l->Q, l->stride,
       l->groups);
}

static void
test_tiny(const char *dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s/cimloop/tiny%s", tap_data(), dir);
    net *n = NULL;
    is_int(IMC_OK, cimloop_read_dir(path, &n), "%s read", path);
    if (!n)
        bail("cannot read %s: %s", path, captured);
    is_string("tiny", n->name, "net named after the directory");
    is_int(5, (long)n->n, "five *.yaml layers (README.txt skipped)");
    if (n->n != 5)
        bail("layer count");
    is_layer(&n->layers[0], "tiny_0", NET_OP_CONV, 3, 8, 3, 16, 16, 2, 1);
    is_layer(&n->layers[1], "tiny_1", NET_OP_DWCONV, 1, 1, 5, 16, 16, 1, 8);
    is_layer(&n->layers[2], "tiny_2", NET_OP_LINEAR, 2048, 10, 1, 1, 1, 1,
             1);
    is_layer(&n->layers[3], "tiny_3", NET_OP_MATMUL, 197, 64, 1, 12, 1, 1,
             1);
    is_layer(&n->layers[4], "tiny_4", NET_OP_LINEAR, 16, 48, 1, 32, 1, 1, 1);
    is_double(216, n->layers[0].weights, 0, "conv weights 3*8*3*3");
    is_double(216.0 * 256, n->layers[0].macs, 0, "conv macs");
    is_double(200, n->layers[1].weights, 0, "dwconv weights 8*5*5");

    /* 0.yaml, 3 bins (k = 2): x = (64 E[i] + 31.5) / 255 with the
     * unnormalised Inputs [1.7, 4.1, 2.9]: E[i] = (4.1 + 5.8) / 8.7. */
    const net_layer *l = &n->layers[0];
    is_double((64 * (9.9 / 8.7) + 31.5) / 255, l->x_mean, 1e-12,
              "3-bin x_mean");
    /* Weights [0.35, 0.2, 0.45]: w_1 = (0.45 + 0.2 + 3) / 8,
     * w_8 = (128 * 0.45 + 64 * 0.2 + 31.5) / 255. */
    is_double(3.65 / 8, l->w_mean[1], 1e-12, "3-bin w_mean_1");
    is_double(101.9 / 255, l->w_mean[8], 1e-12, "3-bin w_mean_8");
    /* 1.yaml, 7 bins (k = 3) split over lines and as a block list:
     * Inputs E[i] = 0.25 + 1 + 0.375 + 0.625 = 2.25,
     * x = (32 * 2.25 + 15.5) / 255; Weights E[i] = 2.05. */
    l = &n->layers[1];
    is_double(87.5 / 255, l->x_mean, 1e-12, "7-bin x_mean (multi-line)");
    is_double((32 * 2.05 + 15.5) / 255, l->w_mean[8], 1e-12,
              "7-bin w_mean_8 (block list)");
    net_layer def;
    net_stats_default(&def);
    is_double(def.x_mean, n->layers[2].x_mean, 0,
              "no histograms: default x_mean");
    is_double(def.w_mean[3], n->layers[2].w_mean[3], 0,
              "no histograms: default w_mean_3");
    net_free(n);
}

static void
test_errors(void)
{
    static const struct {
        const char *file, *line;  /* line: "NN: message" or ": message" */
    } cases[] = {
        {"allzero", ":6: histogram 'Inputs': all bins are 0"},
        {"batch", ":3: 'instance': N = 4 is not supported (only 1)"},
        {"bins", ":6: histogram 'Inputs': 4 bins, expected 2^k - 1 (1, 3, "
                 "7, ..., 255)"},
        {"dim", ":3: 'instance': unknown dimension 'K' (expected C, M, P, "
                "Q, R, S, G, HStride, WStride)"},
        {"empty", ":1: empty file (expected a 'problem' mapping)"},
        {"eof", ":6: YAML: did not find expected ',' or ']' (while parsing "
                "a flow sequence started on line 5)"},
        {"linearkernel", ":3: layer 'x': op 'linear' needs R = S = 1, got "
                         "3x3"},
        {"listdim", ":3: 'instance': C: expected an integer >= 1, got a "
                    "list or mapping"},
        {"negative", ":8: histogram 'Weights': bin 2: got '-0.6', expected "
                     "a number >= 0"},
        {"noinstance", ":2: 'problem' has no 'instance'"},
        {"noproblem", ":2: no 'problem' key in the top-level mapping"},
        {"onlyinputs", ":6: 'histograms': has 'Inputs' but no 'Weights'"},
        {"op", ":4: 'name': unknown operator 'LSTM' (expected Conv2d, "
               "Linear, Conv1D or a name holding 'Attention')"},
        {"strides", ":4: 'instance': HStride = 2 but WStride = 1 (only "
                    "equal strides are supported)"},
        {"syntax", ":6: histogram 'Inputs': bin 3: got '0.2 Weights', "
                   "expected a number >= 0"},
        {"toplist", ":1: expected a mapping with a 'problem' key"},
        {"twice", ":3: 'instance': dimension 'C' given twice"},
        {"unclosed", ":3: 'instance': M: got '8 name', expected an integer "
                     "from 1 to 1099511627776"},
        {"zero", ":3: 'instance': M: got '0', expected an integer from 1 "
                 "to 1099511627776"},
        {"missing", ":1: cannot open: No such file or directory"},
    };
    net *n = net_alloc("bad");
    imc_err_set_handler(capture);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[512], want[1024];
        snprintf(path, sizeof path, "%s/cimloop/bad/%s.yaml", tap_data(),
                 cases[i].file);
        snprintf(want, sizeof want, "%s%s", path, cases[i].line);
        captured[0] = '\0';
        is_int(IMC_EINPUT, cimloop_read_layer(path, "x", n), "%s rejected",
               cases[i].file);
        is_string(want, captured, "%s message", cases[i].file);
    }
    is_int(0, (long)n->n, "failed reads leave the net unchanged");
    net_free(n);

    /* Directories: missing, and without any *.yaml file. */
    char dir[512], want[1024];
    snprintf(dir, sizeof dir, "%s/cimloop/no-such-dir", tap_data());
    n = (net *)1;
    is_int(IMC_EINPUT, cimloop_read_dir(dir, &n), "missing directory");
    ok(n == NULL, "missing directory: *out is NULL");
    snprintf(want, sizeof want, "%s: cannot open directory: No such file or "
             "directory", dir);
    is_string(want, captured, "missing directory message");
    char tmp[] = "/tmp/imc-130-XXXXXX";
    if (!mkdtemp(tmp))
        bail("mkdtemp failed");
    snprintf(dir, sizeof dir, "%s/notes.yml", tmp);
    FILE *fp = fopen(dir, "w");
    if (fp)
        fclose(fp);
    is_int(IMC_EINPUT, cimloop_read_dir(tmp, &n), "directory without yaml");
    snprintf(want, sizeof want, "%s: no *.yaml layer files in the directory",
             tmp);
    is_string(want, captured, "no layer files message");
    unlink(dir);
    rmdir(tmp);
    /* A bad file inside a directory is reported with its own path. */
    snprintf(dir, sizeof dir, "%s/cimloop/bad", tap_data());
    is_int(IMC_EINPUT, cimloop_read_dir(dir, &n), "directory of bad files");
    snprintf(want, sizeof want, "%s/allzero.yaml:6: histogram 'Inputs': "
             "all bins are 0", dir);
    is_string(want, captured, "first bad file in name order reported");
    imc_err_set_handler(NULL);
}

/* Write text (len bytes) to a new file under dir; returns its path in a
 * static buffer. */
static const char *
write_file(const char *dir, const char *name, const char *text, size_t len)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    if (!fp || fwrite(text, 1, len, fp) != len || fclose(fp) != 0)
        bail("cannot write %s", path);
    return path;
}

/* Single files, plain Timeloop problems, and the hardening limits. */
static void
test_single_and_limits(void)
{
    char path[512], want[1024];
    net *n = NULL;
    imc_err_set_handler(capture);
    snprintf(path, sizeof path, "%s/cimloop/plain/alexnet_conv2.yaml",
             tap_data());
    is_int(IMC_OK, cimloop_read_file(path, &n), "plain Timeloop problem");
    if (n) {
        is_string("alexnet_conv2", n->name, "single file: net name");
        is_int(1, (long)n->n, "single file: one layer");
        const net_layer *l = &n->layers[0];
        is_string("alexnet_conv2", l->name, "single file: layer name");
        is_int(NET_OP_CONV, l->op, "no operator name: conv");
        /* AlexNet conv2: 64 x 192 x 5 x 5 = 307200 weights over 27 x 27 */
        is_double(307200, l->weights, 0, "plain problem: weights");
        is_double(307200.0 * 27 * 27, l->macs, 0, "plain problem: MACs");
        is_int(0, l->dynamic, "conv is not dynamic");
        net_free(n);
    }
    char tmp[] = "/tmp/imc-130-XXXXXX";
    if (!mkdtemp(tmp))
        bail("mkdtemp failed");
    /* an attention einsum: dynamic */
    const char *att = "problem:\n  instance: {C: 64, M: 128, P: 128, G: 4}\n"
                      "  name: BertSelfAttention\n";
    const char *p = write_file(tmp, "att.yaml", att, strlen(att));
    is_int(IMC_OK, cimloop_read_file(p, &n), "attention problem");
    if (n) {
        is_int(NET_OP_MATMUL, n->layers[0].op, "attention: matmul");
        is_int(1, n->layers[0].dynamic, "attention: dynamic = 1");
        net_free(n);
    }
    /* grouped plain problem: dwconv */
    const char *dw = "problem:\n  instance: {C: 1, M: 1, R: 3, S: 3, P: 8, "
                     "Q: 8, G: 32}\n";
    p = write_file(tmp, "dw.yaml", dw, strlen(dw));
    is_int(IMC_OK, cimloop_read_file(p, &n), "grouped plain problem");
    if (n) {
        is_int(NET_OP_DWCONV, n->layers[0].op, "G > 1 without name: dwconv");
        net_free(n);
    }
    /* 100,000 nested brackets: refused at depth 33 at once (libyaml alone
     * took 44 s on a 200 KB file of these) */
    size_t depth = 100000;
    char *deep = malloc(2 * depth + 32);
    if (!deep)
        bail("out of memory");
    size_t len = (size_t)sprintf(deep, "problem:\n  notes: ");
    memset(deep + len, '[', depth);
    memset(deep + len + depth, ']', depth);
    len += 2 * depth;
    deep[len++] = '\n';
    p = write_file(tmp, "deep.yaml", deep, len);
    is_int(IMC_EINPUT, cimloop_read_file(p, &n), "deep nesting refused");
    snprintf(want, sizeof want, "%s:2: YAML: nested deeper than 32 levels "
             "(a problem file needs about 5)", p);
    is_string(want, captured, "deep nesting message");
    free(deep);
    /* a file over the size limit */
    size_t big = CIMLOOP_MAX_BYTES + 10;
    char *text = malloc(big);
    if (!text)
        bail("out of memory");
    memset(text, '#', big);
    text[big - 1] = '\n';
    p = write_file(tmp, "big.yaml", text, big);
    is_int(IMC_EINPUT, cimloop_read_file(p, &n), "oversized file refused");
    snprintf(want, sizeof want, "%s:1: larger than %d bytes (a layer's "
             "problem file is a few kilobytes)", p, CIMLOOP_MAX_BYTES);
    is_string(want, captured, "oversized file message");
    free(text);
    /* control bytes quoted from the input are escaped */
    const char *ctl = "problem:\n  instance: {C: 3, M: \"8\\x01\\e\"}\n";
    p = write_file(tmp, "ctl.yaml", ctl, strlen(ctl));
    is_int(IMC_EINPUT, cimloop_read_file(p, &n), "control bytes refused");
    snprintf(want, sizeof want, "%s:2: 'instance': M: got '8\\x01\\x1b', "
             "expected an integer from 1 to 1099511627776", p);
    is_string(want, captured, "control bytes escaped in the message");
    const char *files[] = {"att.yaml", "dw.yaml", "deep.yaml", "big.yaml",
                           "ctl.yaml"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", tmp, files[i]);
        unlink(path);
    }
    rmdir(tmp);
    imc_err_set_handler(NULL);
}

static void
test_reference(void)
{
    const char *ref = getenv("IMC_CIMLOOP_DIR");
    char dir[1024];
    struct stat sb;
    if (!ref)
        ref = "../shared/reference/cimloop";
    snprintf(dir, sizeof dir, "%s/workloads/alexnet", ref);
    if (stat(dir, &sb) != 0) {
        ok(1, "# SKIP reference workloads absent (%s)", dir);
        return;
    }
    static const struct {
        const char *name;
        long layers;
        double weights, macs;  /* docs/framework.md section 4 */
    } nets[] = {
        {"alexnet", 8, 61090496.0, 714188480.0},
        {"vgg16", 16, 138344128.0, 15470264320.0},
        {"resnet18", 21, 11678912.0, 1814073344.0},
        {"mobilenet_v3", 64, 5451272.0, 216589760.0},
        {"resnet50", 62, 48037856.0, -1},
        {"densenet201", 201, -1, -1}, {"dpt_large", 227, -1, -1},
        {"gpt2_medium", 145, -1, -1}, {"mobilebert", 409, -1, -1},
        {"msft_phi_1_5", 145, -1, -1}, {"vision_transformer", 98, -1, -1},
    };
    long total = 0;
    for (size_t i = 0; i < sizeof nets / sizeof nets[0]; i++) {
        net *n = NULL;
        snprintf(dir, sizeof dir, "%s/workloads/%s", ref, nets[i].name);
        is_int(IMC_OK, cimloop_read_dir(dir, &n), "%s parses",
               nets[i].name);
        if (!n)
            continue;
        is_int(nets[i].layers, (long)n->n, "%s: layers", nets[i].name);
        total += (long)n->n;
        if (nets[i].weights > 0)
            is_double(nets[i].weights, net_total_weights(n), 0,
                      "%s: weights", nets[i].name);
        if (nets[i].macs > 0)
            is_double(nets[i].macs, net_total_macs(n), 0, "%s: MACs",
                      nets[i].name);
        if (i == 0) {
            /* 63 bins: x = (4 E[i] + 1.5) / 255 from alexnet/0.yaml,
             * computed independently of this code. */
            is_double(0.5608622126063064, n->layers[0].x_mean, 1e-9,
                      "alexnet_0 x_mean from its 63-bin histogram");
            is_string("alexnet_0", n->layers[0].name, "layer naming");
        }
        net_free(n);
    }
    is_int(1396, total, "1396 layers in all");
}

int
main(void)
{
    plan_lazy();
    test_tiny("");
    test_tiny("//");
    test_errors();
    test_single_and_limits();
    test_reference();
    return 0;
}
