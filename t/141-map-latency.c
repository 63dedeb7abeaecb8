/* 141-map-latency: map_reference() against the reference's own latencies.
 *
 * For every row of ../shared/reference/cimloop/calibration.csv (or
 * $IMC_CIMLOOP_DIR/calibration.csv) the network latency computed from the
 * reference mapping (sum over layers of cycles * cycle_ns) must equal the
 * simulated latency_s within 0.1 % (docs/cost-model.md section 3.1 says the
 * rule is exact).  The layer tables come from bin/parse-net run on the
 * reference's workload directories.  Skips when either is missing.
 */
#include "csvio.h"
#include "design.h"
#include "err.h"
#include "map.h"
#include "net.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PARSE_NET "bin/parse-net"
#define REL_TOL 1e-3 /* 0.1 %: latency_s is printed with 3-6 digits */

static const char *const nets[] = {
    "alexnet",    "vgg16",      "resnet18",           "mobilenet_v3",
    "resnet50",   "densenet201", "mobilebert", "vision_transformer",
    "gpt2_medium"};
#define NNETS (sizeof nets / sizeof nets[0])

static char tmpdir[] = "/tmp/imc-141-XXXXXX";
static int have_tmp;

static void
cleanup(void)
{
    char path[512];
    if (!have_tmp)
        return;
    for (size_t i = 0; i < NNETS; i++) {
        snprintf(path, sizeof path, "%s/%s.csv", tmpdir, nets[i]);
        remove(path);
    }
    rmdir(tmpdir);
}

/* Layer table of network i via bin/parse-net; NULL on failure. */
static net *
load_net(const char *ref, size_t i)
{
    char cmd[2048], out[512];
    net *n = NULL;
    snprintf(out, sizeof out, "%s/%s.csv", tmpdir, nets[i]);
    snprintf(cmd, sizeof cmd, "%s '%s/workloads/%s' -o '%s'", PARSE_NET,
             ref, nets[i], out);
    if (system(cmd) != 0 || net_read_table(out, &n) != IMC_OK)
        return NULL;
    return n;
}

int
main(void)
{
    const char *ref = getenv("IMC_CIMLOOP_DIR");
    char calib[1024];
    if (!ref || !*ref)
        ref = "../shared/reference/cimloop";
    snprintf(calib, sizeof calib, "%s/calibration.csv", ref);
    if (access(calib, R_OK) != 0) {
        printf("1..0 # SKIP no reference data at %s\n", ref);
        return 0;
    }
    if (access(PARSE_NET, X_OK) != 0) {
        printf("1..0 # SKIP %s not built\n", PARSE_NET);
        return 0;
    }
    plan(NNETS + 5);
    if (!mkdtemp(tmpdir))
        bail("mkdtemp failed");
    have_tmp = 1;
    atexit(cleanup);

    net *tab[NNETS];
    for (size_t i = 0; i < NNETS; i++)
        ok((tab[i] = load_net(ref, i)) != NULL, "layer table of %s",
           nets[i]);
    for (size_t i = 0; i < NNETS; i++)
        if (!tab[i])
            bail("cannot go on without %s", nets[i]);

    csvio_reader *r = csvio_open(calib);
    design_cols dc;
    if (!r || design_find_cols(r, &dc) != IMC_OK)
        bail("cannot read %s", calib);
    int c_wl = csvio_require(r, "workload"), c_lat = csvio_require(r,
                                                                   "latency_s");
    if (c_wl < 0 || c_lat < 0)
        bail("%s lacks workload or latency_s", calib);

    long total[2] = {0, 0}, match[2] = {0, 0}, invalid_rram = 0, unknown = 0;
    double worst = 0.0;
    int got;
    while ((got = csvio_read(r)) == IMC_OK) {
        design d;
        double want;
        if (design_parse(r, &dc, &d) != IMC_OK ||
            csvio_get_double(r, (size_t)c_lat, &want) != IMC_OK)
            bail("bad row in %s", calib);
        const char *wl = csvio_field(r, (size_t)c_wl);
        size_t i = 0;
        while (i < NNETS && strcmp(nets[i], wl) != 0)
            i++;
        if (i == NNETS) {
            unknown++;
            continue;
        }
        int valid, mem = d.memory == DESIGN_SRAM;
        double lat = map_net_latency_s(&d, tab[i], &valid);
        double err = fabs(lat - want) / want;
        total[mem]++;
        if (err <= REL_TOL)
            match[mem]++;
        else if (total[mem] - match[mem] <= 5)
            diag("%s:%ld: %s latency %.6g s, reference %.6g s", calib,
                 csvio_line(r), wl, lat, want);
        if (err > worst)
            worst = err;
        if (!mem && !valid)
            invalid_rram++;
    }
    csvio_close(r);
    diag("RRAM: %ld of %ld rows within 0.1 %%", match[0], total[0]);
    diag("SRAM: %ld of %ld rows within 0.1 %%", match[1], total[1]);
    diag("largest relative error %.3g", worst);
    ok(got == IMC_EOF, "read all of calibration.csv");
    is_int(0, unknown, "every workload has a layer table");
    ok(total[0] > 0 && match[0] == total[0], "RRAM latency exact");
    ok(total[1] > 0 && match[1] == total[1], "SRAM latency exact");
    is_int(0, invalid_rram,
           "every simulated RRAM design has a valid mapping");
    for (size_t i = 0; i < NNETS; i++)
        net_free(tab[i]);
    return 0;
}
