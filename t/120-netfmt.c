/* 120-netfmt: the own network description format (src/netfmt.c): shape
 * propagation through every statement, hand-computed layer rows, the
 * shipped workloads' totals, and every error message. */
#include "err.h"
#include "net.h"
#include "netfmt.h"
#include "tap.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static char captured[1024];

static void
capture(const char *message)
{
    snprintf(captured, sizeof captured, "%s", message);
}

/* Parse text as file "t.net"; NULL on error (message in captured). */
static net *
parse(const char *text)
{
    FILE *fp = fmemopen((void *)text, strlen(text), "r");
    if (!fp)
        bail("fmemopen failed");
    net *n = NULL;
    captured[0] = '\0';
    int st = netfmt_read_stream(fp, "t.net", "t", &n);
    fclose(fp);
    if ((st == IMC_OK) != (n != NULL))
        bail("status %d disagrees with the returned net", st);
    return n;
}

static void
is_layer(const net_layer *l, const char *name, net_op op, long C, long M,
         long k, long P, long Q, long stride, long groups)
{
    ok(strcmp(l->name, name) == 0 && l->op == op && l->C == C &&
           l->M == M && l->R == k && l->S == k && l->P == P && l->Q == Q &&
           l->stride == stride && l->groups == groups,
       "layer %s: %s C=%ld M=%ld %ldx%ld P=%ld Q=%ld s=%ld G=%ld "
       "(got %s %s C=%ld M=%ld %ldx%ld P=%ld Q=%ld s=%ld G=%ld)",
       name, net_op_name(op), C, M, k, k, P, Q, stride, groups, l->name,
       net_op_name(l->op), l->C, l->M, l->R, l->S, l->P, l->Q, l->stride,
       l->groups);
}

static void
test_shapes(void)
{
    net *n = parse("# a small net using every statement\n"
                   "input 33 32 3   # H W C\n"
                   "\n"
                   "conv c1 16 k=3 s=2 p=1\n"   /* 17x16x16 */
                   "pool k=3 s=2 p=1\n"         /* 9x8 */
                   "save x\n"
                   "dwconv d1 k=5 p=2\n"        /* 9x8x16 */
                   "se s1 4\n"
                   "conv g1 32 k=3 p=1 g=4\n"   /* grouped: C 4, M 8 */
                   "save y\n"
                   "from x\n"
                   "conv sc 32 s=2\n"           /* 1x1/2 -> 5x4x32 */
                   "pool k=1 s=2\n"             /* 3x2x32: no layer */
                   "from y\n"
                   "pool k=2\n"                 /* 9x8 -> 4x4 */
                   "apool 3 2\n"                /* 3x2x32 */
                   "save z\n"
                   "\tconv pw 32\t\r\n"         /* tabs and CRLF */
                   "add z\n"
                   "fc f1 10\n"                 /* 3*2*32 = 192 inputs */
                   "gap\n"
                   "fc f2 5 # trailing comment\n");
    if (!n)
        bail("parse failed: %s", captured);
    is_string("t", n->name, "net name from the caller");
    is_int(9, (long)n->n, "nine weight layers");
    if (n->n != 9)
        bail("layer count");
    /* (33 + 2 - 3) / 2 + 1 = 17, (32 + 2 - 3) / 2 + 1 = 16. */
    is_layer(&n->layers[0], "c1", NET_OP_CONV, 3, 16, 3, 17, 16, 2, 1);
    /* pool 3/2 p1: (17 + 2 - 3) / 2 + 1 = 9, (16 + 2 - 3) / 2 + 1 = 8. */
    is_layer(&n->layers[1], "d1", NET_OP_DWCONV, 1, 1, 5, 9, 8, 1, 16);
    is_layer(&n->layers[2], "s1.fc1", NET_OP_CONV, 16, 4, 1, 1, 1, 1, 1);
    is_layer(&n->layers[3], "s1.fc2", NET_OP_CONV, 4, 16, 1, 1, 1, 1, 1);
    is_layer(&n->layers[4], "g1", NET_OP_DWCONV, 4, 8, 3, 9, 8, 1, 4);
    /* 1x1/2 over 9x8: (9 - 1) / 2 + 1 = 5, (8 - 1) / 2 + 1 = 4. */
    is_layer(&n->layers[5], "sc", NET_OP_CONV, 16, 32, 1, 5, 4, 2, 1);
    is_layer(&n->layers[6], "pw", NET_OP_CONV, 32, 32, 1, 3, 2, 1, 1);
    is_layer(&n->layers[7], "f1", NET_OP_LINEAR, 192, 10, 1, 1, 1, 1, 1);
    is_layer(&n->layers[8], "f2", NET_OP_LINEAR, 10, 5, 1, 1, 1, 1, 1);
    is_double(4.0 * 4 * 8 * 3 * 3, n->layers[4].weights, 0,
              "grouped conv weights = G C M R S = 1152");
    is_double(1152.0 * 9 * 8, n->layers[4].macs, 0, "grouped conv macs");
    is_double(16.0 * 25, n->layers[1].weights, 0, "depthwise weights 400");
    net_layer def;
    net_stats_default(&def);
    is_double(def.x_mean, n->layers[0].x_mean, 0, "default x_mean");
    is_double(def.w_mean[5], n->layers[7].w_mean[5], 0, "default w_mean_5");
    net_free(n);

    n = parse("input 1 1 5\nfc f2 5\ngap\nfc f3 2\n");
    if (!n)
        bail("parse failed: %s", captured);
    is_layer(&n->layers[1], "f3", NET_OP_LINEAR, 5, 2, 1, 1, 1, 1, 1);
    net_free(n);
}

static void
test_files(void)
{
    static const struct {
        const char *path, *name;
        long layers;
        double weights, macs;
    } nets[] = {
        /* docs/framework.md section 4 */
        {"workloads/alexnet.net", "alexnet", 8, 61090496.0, 714188480.0},
        {"workloads/vgg16.net", "vgg16", 16, 138344128.0, 15470264320.0},
        {"workloads/resnet18.net", "resnet18", 21, 11678912.0,
         1814073344.0},
        {"workloads/mobilenet_v3.net", "mobilenet_v3", 64, 5451272.0,
         216589760.0},
        /* torchvision resnet50: 25,557,032 parameters less 53,120 batch
         * norm and 1,000 bias parameters */
        {"workloads/resnet50.net", "resnet50", 54, 25502912.0,
         4089184256.0},
        /* P2's five extra networks, as the reference's layer files */
        {"workloads/resnet50_wide.net", "resnet50_wide", 62, 48037856.0,
         7491643904.0},
        {"workloads/densenet201.net", "densenet201", 201, 19783872.0,
         4291365888.0},
        {"workloads/mobilebert.net", "mobilebert", 409, 20821080.0,
         2817118560.0},
        {"workloads/vision_transformer.net", "vision_transformer", 98,
         86909484.0, 16855904784.0},
        {"workloads/gpt2_medium.net", "gpt2_medium", 145, 355419136.0,
         90515439616.0},
    };
    for (size_t i = 0; i < sizeof nets / sizeof nets[0]; i++) {
        net *n = NULL;
        int st = netfmt_read(nets[i].path, &n);
        is_int(IMC_OK, st, "%s parses", nets[i].path);
        if (!n) {
            diag("%s", captured);
            continue;
        }
        is_string(nets[i].name, n->name, "%s: net name", nets[i].path);
        is_int(nets[i].layers, (long)n->n, "%s: layers", nets[i].path);
        is_double(nets[i].weights, net_total_weights(n), 0, "%s: weights",
                  nets[i].path);
        is_double(nets[i].macs, net_total_macs(n), 0, "%s: MACs",
                  nets[i].path);
        net_free(n);
    }
}

static void
test_errors(void)
{
    static const struct {
        const char *text, *message;
    } cases[] = {
        {"", "t.net:1: empty file (expected 'input H W C' and layers)"},
        {"# only\n\n  # comments\n",
         "t.net:1: empty file (expected 'input H W C' and layers)"},
        {"input 8 8 3\npool k=2\n",
         "t.net:1: no weight layers (expected conv, dwconv, fc, linear, "
         "matmul or se after 'input')"},
        {"conv c 8\n", "t.net:1: 'conv' before 'input H W C'"},
        {"input 8 8 3\nrelu\n",
         "t.net:2: unknown statement 'relu' (expected input, conv, dwconv, "
         "fc, linear, matmul, pool, apool, gap, se, save, from, add, concat, "
         "tokens or reshape)"},
        {"input 8 8 3\ninput 8 8 3\n", "t.net:2: 'input' given twice"},
        {"input 8 8\n",
         "t.net:1: 'input': expected 'input H W C', got 2 arguments"},
        {"input 0 8 3\n",
         "t.net:1: 'input': H: got '0', expected an integer from 1 to "
         "1000000"},
        {"input 8 8 x3\n",
         "t.net:1: 'input': C: got 'x3', expected an integer from 1 to "
         "1000000"},
        {"input 8 8 1000001\n",
         "t.net:1: 'input': C: got '1000001', expected an integer from 1 "
         "to 1000000"},
        {"input 8 8 3\nconv c\n",
         "t.net:2: 'conv': expected 'conv NAME OUT [k=K] [s=S] [p=P] "
         "[g=G]', got 1 argument"},
        {"input 8 8 3\nconv c 8 3\n",
         "t.net:2: 'conv': expected 'conv NAME OUT [k=K] [s=S] [p=P] "
         "[g=G]', got 3 arguments"},
        {"input 8 8 3\nconv c -8\n",
         "t.net:2: 'conv': OUT: got '-8', expected an integer from 1 to "
         "1000000"},
        {"input 8 8 3\nconv c 8 x=1\n",
         "t.net:2: 'conv': unexpected word 'x=1' (options: k=, s=, p=, g=)"},
        {"input 8 8 3\nconv c 8 k=3 k=3\n",
         "t.net:2: 'conv': option 'k' given twice"},
        {"input 8 8 3\nconv c 8 k=0\n",
         "t.net:2: 'conv': option 'k': got '0', expected an integer from 1 "
         "to 1000000"},
        {"input 8 8 3\nconv c 8 p=-1\n",
         "t.net:2: 'conv': option 'p': got '-1', expected an integer from 0 "
         "to 1000000"},
        {"input 8 8 3\nconv c 8 s=\n",
         "t.net:2: 'conv': option 's': got '', expected an integer from 1 "
         "to 1000000"},
        {"input 8 8 3\nconv c 8 k=9\n",
         "t.net:2: conv 'c': 9x9 window with padding 0 does not fit the 8x8 "
         "input"},
        {"input 8 8 6\nconv c 8 g=4\n",
         "t.net:2: conv 'c': g=4 must divide the 6 input and 8 output "
         "channels"},
        {"input 8 8 3\nconv a,b 8\n",
         "t.net:2: name 'a,b': character ',' not allowed (letters, digits, "
         "'_', '.', '-')"},
        {"input 8 8 3\n"
         "conv abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl"
         " 8\n",
         "t.net:2: name 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
         "abcdefghijkl' is too long (at most 63 characters)"},
        {"input 8 8 3\nconv c 8\nconv c 8\n",
         "t.net:3: layer name 'c' is already used"},
        {"input 8 8 1\ndwconv d k=3\n",
         "t.net:2: layer 'd': op 'dwconv' needs groups >= 2, got 1"},
        {"input 8 8 3\ndwconv d k=3 g=2\n",
         "t.net:2: 'dwconv': unexpected word 'g=2' (options: k=, s=, p=)"},
        {"input 4 4 3\ndwconv d k=7 p=1\n",
         "t.net:2: dwconv 'd': 7x7 window with padding 1 does not fit the "
         "4x4 input"},
        {"input 8 8 3\nfc f 10 k=3\n",
         "t.net:2: 'fc': unexpected option 'k=3'"},
        {"input 8 8 3\nfc f\n",
         "t.net:2: 'fc': expected 'fc NAME OUT', got 1 argument"},
        {"input 8 8 3\npool s=2\n",
         "t.net:2: 'pool': missing option k=K (the window size)"},
        {"input 8 8 3\npool 2\n",
         "t.net:2: 'pool': expected 'pool k=K [s=S] [p=P]', got 1 argument"},
        {"input 3 3 3\npool k=4\n",
         "t.net:2: pool: 4x4 window with padding 0 does not fit the 3x3 "
         "input"},
        {"input 8 8 3\napool 2\n",
         "t.net:2: 'apool': expected 'apool H W', got 1 argument"},
        {"input 8 8 3\ngap 1\n", "t.net:2: 'gap': expected 'gap', got 1 "
                                 "argument"},
        {"input 8 8 3\nse s 0\n",
         "t.net:2: 'se': SQUEEZE: got '0', expected an integer from 1 to "
         "1000000"},
        {"input 8 8 3\n"
         "se abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefgh 2\n",
         "t.net:2: name 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
         "abcdefgh' is too long (at most 59 characters)"},
        {"input 8 8 3\nconv s.fc2 8\nse s 2\n",
         "t.net:3: layer name 's.fc2' is already used"},
        {"input 8 8 3\nsave\n",
         "t.net:2: 'save': expected 'save NAME', got 0 arguments"},
        {"input 8 8 3\nfrom x\n",
         "t.net:2: 'from': no saved activation 'x' (use 'save x' first)"},
        {"input 8 8 3\nadd x\n",
         "t.net:2: 'add': no saved activation 'x' (use 'save x' first)"},
        {"input 8 8 3\nsave x\nconv c 8 s=2\nadd x\n",
         "t.net:4: 'add': saved activation 'x' is 8x8x3, the current one is "
         "4x4x8"},
        {"input 8 8 3\nconv c 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1\n",
         "t.net:2: too many words (at most 16)"},
        /* sequences */
        {"input 8 8 3\nlinear l 8 tokens=65\n",
         "t.net:2: 'linear': tokens=65, but the 8x8x3 activation has only 64 "
         "positions"},
        {"input 8 1 3\nlinear l 8 k=3\n",
         "t.net:2: 'linear': unexpected word 'k=3' (options: tokens=)"},
        {"input 8 1 3\nlinear l 8 tokens=0\n",
         "t.net:2: 'linear': option 'tokens': got '0', expected an integer "
         "from 1 to 1000000"},
        {"input 8 1 3\nmatmul m 8\n",
         "t.net:2: 'matmul': expected 'matmul NAME C M [rows=P] [g=G]', got 2 "
         "arguments"},
        {"input 8 1 3\nmatmul m 8 8 rows=2 rows=2\n",
         "t.net:2: 'matmul': option 'rows' given twice"},
        {"input 8 8 3\nconcat\n",
         "t.net:2: 'concat': expected 'concat NAME...', got 0 arguments"},
        {"input 8 8 3\nsave a\nconv c 8 s=2\nconcat a\n",
         "t.net:4: 'concat': saved activation 'a' is 8x8, the current one is "
         "4x4"},
        {"input 8 8 3\nconcat b\n",
         "t.net:2: 'concat': no saved activation 'b' (use 'save b' first)"},
        {"input 8 8 3\ntokens\n",
         "t.net:2: 'tokens': expected 'tokens T [D]', got 0 arguments"},
        {"input 8 8 3\nreshape 8 8 4\n",
         "t.net:2: 'reshape': 8x8x4 does not hold the 192 values of the "
         "8x8x3 activation"},
        /* hardening: sizes beyond 2^40 values, control bytes, NUL bytes */
        {"input 1000000 1000000 1000000\n",
         "t.net:1: 'input': the 1000000x1000000x1000000 activation has more "
         "than 2^40 values"},
        {"input 1 1 1\nconv c1 1 p=1000000\n",
         "t.net:2: conv 'c1': the 2000001x2000001x1 activation has more than "
         "2^40 values"},
        {"input 1000000 1000 1000\nsave a\nconcat a\n",
         "t.net:3: 'concat': the 1000000x1000x2000 activation has more than "
         "2^40 values"},
        {"input 8 8 3\nconv \001bad 8\n",
         "t.net:2: name '\\x01bad': character '\\x01' not allowed (letters, "
         "digits, '_', '.', '-')"},
        {"input 8 8 3\nre\033[2Jlu\n",
         "t.net:2: unknown statement 're\\x1b[2Jlu' (expected input, conv, "
         "dwconv, fc, linear, matmul, pool, apool, gap, se, save, from, add, "
         "concat, tokens or reshape)"},
        {"input 8 8 3\nconv c 8 k=\177\n",
         "t.net:2: 'conv': option 'k': got '\\x7f', expected an integer from "
         "1 to 1000000"},
    };
    imc_err_set_handler(capture);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        net *n = parse(cases[i].text);
        ok(n == NULL, "error case %zu rejected", i);
        is_string(cases[i].message, captured, "error case %zu message", i);
        net_free(n);
    }
    net *n = (net *)1;
    is_int(IMC_EINPUT, netfmt_read("t/data/no-such-file.net", &n),
           "missing file");
    ok(n == NULL, "missing file: *out is NULL");
    is_string("t/data/no-such-file.net:1: cannot open: No such file or "
              "directory", captured, "missing file message");
    /* a NUL byte inside a line is an error, not the end of the line */
    static const char nul[] = "input 8 8 3\nconv c 8\0k=3\n";
    FILE *fp = fmemopen((void *)nul, sizeof nul - 1, "r");
    n = (net *)1;
    is_int(IMC_EINPUT, netfmt_read_stream(fp, "t.net", "t", &n), "NUL byte");
    fclose(fp);
    is_string("t.net:2: NUL byte in the line (not a text file?)", captured,
              "NUL byte message");
    /* a read error (a directory opened as a file) is not the end of file */
    is_int(IMC_EINPUT, netfmt_read("t/data", &n), "read error");
    is_string("t/data:1: cannot read: Is a directory", captured,
              "read error message");
    imc_err_set_handler(NULL);
}

/* getline running out of memory is an error, not the end of the file: a
 * child with a small address space reads an endless line from a pipe. */
static void
test_out_of_memory(void)
{
#if defined(__SANITIZE_ADDRESS__)
    /* AddressSanitizer reserves terabytes of address space: no limit fits */
    ok(1, "# SKIP address-space limit under AddressSanitizer");
#else
    int fds[2];
    if (pipe(fds) != 0)
        bail("pipe failed");
    pid_t writer = fork();
    if (writer == 0) {
        static char chunk[65536];
        memset(chunk, 'a', sizeof chunk);
        close(fds[0]);
        while (write(fds[1], chunk, sizeof chunk) > 0)
            ;
        _exit(0);
    }
    close(fds[1]);
    pid_t reader = fork();
    if (reader == 0) {
        struct rlimit rl = {96L << 20, 96L << 20};
        setrlimit(RLIMIT_AS, &rl);
        imc_err_set_handler(capture);
        FILE *fp = fdopen(fds[0], "r");
        net *n = NULL;
        int st = netfmt_read_stream(fp, "pipe", "p", &n);
        _exit(st == IMC_EINPUT &&
                      strcmp(captured, "pipe:1: cannot read: Cannot "
                                       "allocate memory") == 0
                  ? 0
                  : 1);
    }
    close(fds[0]);
    int status = 0;
    waitpid(reader, &status, 0);
    kill(writer, SIGKILL);
    waitpid(writer, NULL, 0);
    ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
       "getline out of memory: 'pipe:1: cannot read: Cannot allocate "
       "memory'");
#endif
}

/* 60,000 layers and 60,000 saved names: each name is looked up in a hash
 * set, so this takes well under a second (the list scan took 24 s). */
static void
test_many(void)
{
    size_t cap = 80 * 60000 + 64, len = 0;
    char *text = malloc(cap);
    if (!text)
        bail("out of memory");
    len += (size_t)snprintf(text + len, cap - len, "input 4 4 3\n");
    for (int i = 0; i < 60000; i++)
        len += (size_t)snprintf(text + len, cap - len,
                                "save s%d\nconv c%d 3\n", i, i);
    net *n = parse(text);
    ok(n != NULL, "60,000 layers parse");
    if (n) {
        is_int(60000, (long)n->n, "60,000 rows");
        is_string("c59999", n->layers[59999].name, "last row's name");
    }
    net_free(n);
    len += (size_t)snprintf(text + len, cap - len, "conv c123 3\n");
    imc_err_set_handler(capture);
    n = parse(text);
    ok(n == NULL, "a repeated name among 60,000 is found");
    is_string("t.net:120002: layer name 'c123' is already used", captured,
              "repeated name message");
    imc_err_set_handler(NULL);
    free(text);
}

/* linear with tokens, matmul between activations, concat, tokens and
 * reshape, each row computed by hand. */
static void
test_sequences(void)
{
    net *n = parse("input 10 1 64\n"            /* 10 tokens x 64 */
                   "save x\n"
                   "linear q 32\n"              /* C 64 M 32 P 10 */
                   "matmul scores 8 10 g=4\n"   /* per head: 10x8 . 8x10 */
                   "matmul av 10 8 rows=10 g=4\n"
                   "linear o 64\n"              /* 10 x 32 -> 64 */
                   "add x\n"
                   "tokens 1\n"                 /* the class token */
                   "linear head 5\n"
                   "reshape 1 5 1\n"
                   "save a\n"
                   "concat a a\n"               /* 1x5x3 */
                   "conv c 2 k=1\n"
                   "linear pick 4 tokens=2\n"); /* first 2 of 5 */
    if (!n)
        bail("parse failed: %s", captured);
    is_int(7, (long)n->n, "seven rows");
    is_layer(&n->layers[0], "q", NET_OP_LINEAR, 64, 32, 1, 10, 1, 1, 1);
    is_layer(&n->layers[1], "scores", NET_OP_MATMUL, 8, 10, 1, 10, 1, 1, 4);
    is_double(4.0 * 8 * 10 * 10, n->layers[1].macs, 0,
              "scores: 4 heads x 10 x 8 x 10 MACs");
    is_int(1, n->layers[1].dynamic, "matmul: dynamic");
    is_int(0, n->layers[0].dynamic, "linear: not dynamic");
    is_layer(&n->layers[2], "av", NET_OP_MATMUL, 10, 8, 1, 10, 1, 1, 4);
    is_layer(&n->layers[3], "o", NET_OP_LINEAR, 32, 64, 1, 10, 1, 1, 1);
    is_layer(&n->layers[4], "head", NET_OP_LINEAR, 64, 5, 1, 1, 1, 1, 1);
    is_layer(&n->layers[5], "c", NET_OP_CONV, 3, 2, 1, 1, 5, 1, 1);
    is_layer(&n->layers[6], "pick", NET_OP_LINEAR, 2, 4, 1, 2, 1, 1, 1);
    net_free(n);
}

int
main(void)
{
    plan_lazy();
    test_shapes();
    test_files();
    test_errors();
    test_out_of_memory();
    test_many();
    test_sequences();
    return 0;
}
