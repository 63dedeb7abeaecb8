/* 141-map-latency: map_reference() against the reference's own latencies.
 *
 * For every row of a calibration file the network latency computed from
 * the reference mapping (sum over layers of cycles * cycle_ns) must equal
 * the simulated latency_s within 0.1 % (docs/cost-model.md section 3.1 says the
 * rule is exact).  Always on the committed fixture t/data/map-latency/ (62
 * rows of AlexNet and ResNet18, RRAM and SRAM at every node, with their
 * layer tables); and, when the reference data (docs/reference-data.md) are
 * there (../shared/reference/cimloop or $IMC_CIMLOOP_DIR), on all of
 * calibration.csv with layer tables from bin/parse-net run on the
 * reference's workload directories.
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

/* The fixture's workloads, a subset of nets[]. */
static const char *const fixture_nets[] = {"alexnet", "resnet18"};
#define NFIXTURE (sizeof fixture_nets / sizeof fixture_nets[0])

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

/* Check every row of calib whose workload is one of names[0..n-1] (layer
 * tables tab[]): five tests, named after `what`. */
static void
check_rows(const char *calib, const char *const *names, net *const *tab,
           size_t n, const char *what)
{
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
        while (i < n && strcmp(names[i], wl) != 0)
            i++;
        if (i == n) {
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
    diag("%s: RRAM %ld of %ld rows within 0.1 %%, SRAM %ld of %ld; largest "
         "relative error %.3g", what, match[0], total[0], match[1], total[1],
         worst);
    ok(got == IMC_EOF, "%s: read all of it", what);
    is_int(0, unknown, "%s: every workload has a layer table", what);
    ok(total[0] > 0 && match[0] == total[0], "%s: RRAM latency exact", what);
    ok(total[1] > 0 && match[1] == total[1], "%s: SRAM latency exact", what);
    is_int(0, invalid_rram,
           "%s: every simulated RRAM design has a valid mapping", what);
}

/* The committed fixture: always there. */
static void
check_fixture(void)
{
    char dir[512], path[640];
    net *tab[NFIXTURE];
    snprintf(dir, sizeof dir, "%s/map-latency", tap_data());
    for (size_t i = 0; i < NFIXTURE; i++) {
        snprintf(path, sizeof path, "%s/%s.csv", dir, fixture_nets[i]);
        if (net_read_table(path, &tab[i]) != IMC_OK)
            bail("cannot read %s", path);
    }
    snprintf(path, sizeof path, "%s/calibration.csv", dir);
    check_rows(path, fixture_nets, tab, NFIXTURE, "fixture");
    for (size_t i = 0; i < NFIXTURE; i++)
        net_free(tab[i]);
}

int
main(void)
{
    const char *ref = getenv("IMC_CIMLOOP_DIR");
    char calib[1024];
    plan_lazy();
    check_fixture();
    if (!ref || !*ref)
        ref = "../shared/reference/cimloop";
    snprintf(calib, sizeof calib, "%s/calibration.csv", ref);
    if (access(calib, R_OK) != 0) {
        diag("no reference data at %s: the fixture only", ref);
        return 0;
    }
    if (access(PARSE_NET, X_OK) != 0) {
        diag("%s not built: the fixture only", PARSE_NET);
        return 0;
    }
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
    check_rows(calib, nets, tab, NNETS, "calibration.csv");
    for (size_t i = 0; i < NNETS; i++)
        net_free(tab[i]);
    return 0;
}
