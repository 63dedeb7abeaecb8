/* 203-targets: accuracy targets checked on validation summaries, on the
 * fixtures of t/data/check-targets/ (worst values worked out by hand in
 * the comments) and on one-row targets files written to a temporary
 * directory for every error. */
#include "err.h"
#include "report-fixtures.h"
#include "tap.h"
#include "targets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/203-targets-XXXXXX";

static const char *
data(const char *name)
{
    return fixture("check-targets", name);
}

/* Write text to the temporary file `name`; returns its path. */
static const char *
temp(const char *name, const char *text)
{
    static char buf[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    FILE *fp = fopen(buf[k], "w");
    if (!fp || fputs(text, fp) < 0 || fclose(fp) != 0)
        bail("cannot write %s", buf[k]);
    return buf[k];
}

static const char HEADER[] =
    "memory,metric,workload,statistic,op,threshold,unit,label,source\n";

/* A targets file of one row; expect it to fail on the RRAM fixtures with
 * "<targets path>:2: " + tail. */
static void
is_bad_target(const char *row, const char *tail)
{
    char text[1024], want[1024];
    snprintf(text, sizeof text, "%s%s\n", HEADER, row);
    const char *path = temp("t.csv", text);
    targets_result *r = NULL;
    is_int(IMC_EINPUT, targets_check(path, data("summary.csv"),
                                     data("top10.csv"), &r),
           "'%s' rejected", row);
    snprintf(want, sizeof want, "%s:2: %s", path, tail);
    is_string(want, captured, "'%s': message", row);
}

/* The CSV targets_write makes of r (the caller frees it). */
static char *
written(const targets_result *r)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        bail("open_memstream failed");
    targets_write(mem, r);
    fclose(mem);
    return text;
}

static void
test_rram(void)
{
    targets_result *r = NULL;
    is_int(IMC_OK, targets_check("experiments/validation-targets.csv",
                                 data("summary.csv"), data("top10.csv"), &r),
           "the project's targets on the RRAM fixture");
    is_int(5, (long)targets_count(r), "5 RRAM targets");
    /* area: vgg16's median 1.23 % > 1 %; rho: vgg16's 0.9931 < 0.995 */
    is_int(2, (long)targets_unmet(r), "2 not met");
    is_string("area error, median per workload", targets_first_unmet(r),
              "the first not met");
    char *text = written(r);
    /* latency: the largest per-workload max, 0.0004 = 0.04 %; energy:
     * vgg16's median 0.0187; top-10: the largest rank, 1.75 % */
    is_string("memory,label,statistic,measured,op,threshold,unit,met\n"
              "RRAM,\"latency error, every row\",max,0.04,<=,0.1,%,yes\n"
              "RRAM,\"area error, median per workload\",median,1.23,<=,1,%,"
              "no\n"
              "RRAM,\"energy error, median per workload\",median,1.87,<=,2,%,"
              "yes\n"
              "RRAM,Spearman rho of E*L*A per workload,rho,0.9931,>=,0.995,1,"
              "no\n"
              "RRAM,model rank of CiMLoop's 10 best designs (% of designs),"
              "rank_pct,1.75,<=,2,%,yes\n", text, "the rows written");
    free(text);
    targets_free(r);
    targets_free(NULL);
}

static void
test_sram_scopes(void)
{
    targets_result *r = NULL;
    is_int(IMC_OK, targets_check(data("targets.csv"),
                                 data("summary-sram.csv"), NULL, &r),
           "scopes each-node, all, a workload, each; no top-10 file");
    char *text = written(r);
    /* per node: max(0.0599, 0.1294) in unit 1; pooled area p90 8.72 %;
     * alexnet's energy max 82.8 %; per workload edap rho min(0.9979,
     * 0.9977); the RRAM row is not checked */
    is_string("memory,label,statistic,measured,op,threshold,unit,met\n"
              "SRAM,\"energy median, per node\",median,0.1294,<,0.15,1,yes\n"
              "SRAM,\"area p90, pooled\",p90,8.72,<=,5,%,no\n"
              "SRAM,\"alexnet energy, max\",max,82.8,<=,50,%,no\n"
              "SRAM,\"rho, per workload\",rho,0.9977,>,0.99,1,yes\n", text,
              "the rows written");
    free(text);
    is_int(2, (long)targets_unmet(r), "2 not met");
    targets_free(r);
}

static void
test_errors(void)
{
    is_bad_target("RRAM,energy,each,mean,<=,2,%,x,y", "column 'statistic': "
                  "got 'mean', expected median, p90, max, rho or rank_pct");
    is_bad_target("RRAM,power,each,median,<=,2,%,x,y", "column 'metric': got "
                  "'power', expected energy, latency, area or edap");
    is_bad_target("RRAM,energy,,median,<=,2,%,x,y", "column 'workload' is "
                  "empty (expected each, all, each-node or a workload)");
    is_bad_target("RRAM,energy,each,median,==,2,%,x,y", "column 'op': got "
                  "'==', expected <, <=, > or >=");
    is_bad_target("RRAM,energy,each,median,<=,two,%,x,y", "column "
                  "'threshold': got 'two', expected a number");
    is_bad_target("RRAM,energy,each,median,<=,inf,%,x,y", "column "
                  "'threshold': got 'inf', expected a number");
    is_bad_target("RRAM,energy,each,median,<=,2,pct,x,y", "column 'unit': "
                  "got 'pct', expected % or 1 for statistic median");
    is_bad_target("RRAM,edap,each,rho,>=,0.9,%,x,y", "column 'unit': got "
                  "'%', expected 1 for statistic rho");
    is_bad_target("RRAM,score,all,rank_pct,<=,2,1,x,y", "column 'unit': got "
                  "'1', expected % for statistic rank_pct");
    is_bad_target("RRAM,energy,all,rank_pct,<=,2,%,x,y", "statistic "
                  "rank_pct: got metric 'energy' and workload 'all', "
                  "expected score and all (the joint score over the top-10 "
                  "file's workloads)");
    is_bad_target("RRAM,energy,each,median,<=,2,%,,y",
                  "column 'label' is empty");
    /* a row of another memory is checked too */
    is_bad_target("SRAM,energy,each,median,<=,2,pct,x,y", "column 'unit': "
                  "got 'pct', expected % or 1 for statistic median");
    char tail[512];
    snprintf(tail, sizeof tail, "target covers no row of %s (metric "
             "'energy', workload 'each-node')", data("summary.csv"));
    is_bad_target("RRAM,energy,each-node,median,<=,2,%,per node,y", tail);
}

/* Expect targets_check to fail with exactly the message want. */
static void
is_check_error(const char *targets, const char *summary, const char *top10,
               const char *want, const char *desc)
{
    targets_result *r = NULL;
    is_int(IMC_EINPUT, targets_check(targets, summary, top10, &r),
           "%s: rejected", desc);
    is_string(want, captured, "%s: message", desc);
}

static void
test_file_errors(void)
{
    char want[1024], text[1024];
    const char *sum = data("summary.csv"), *top = data("top10.csv");
    snprintf(text, sizeof text, "%sRRAM,score,all,rank_pct,<=,2,%%,top,y\n",
             HEADER);
    const char *t = temp("top.csv", text);
    snprintf(want, sizeof want, "%s:2: target 'top' needs a top-10 file, "
             "and none was given", t);
    is_check_error(t, sum, NULL, want, "rank_pct without a top-10 file");
    const char *other = temp("top10-sram.csv", "memory,model_rank_pct\n"
                             "SRAM,1\n");
    snprintf(want, sizeof want, "%s:2: memory 'SRAM', but the summary's is "
             "'RRAM'", other);
    is_check_error(t, sum, other, want, "top-10 file of another memory");
    const char *nocol = temp("top10-nocol.csv", "memory,rank\nRRAM,1\n");
    snprintf(want, sizeof want, "%s:1: missing column 'model_rank_pct'",
             nocol);
    is_check_error(t, sum, nocol, want, "top-10 file without its column");
    const char *mixed = temp("mixed.csv", "memory,metric,workload,tech_nm\n"
                             "RRAM,energy,all,all\nSRAM,energy,all,all\n");
    snprintf(want, sizeof want, "%s:3: memory 'SRAM' differs from line 2's "
             "'RRAM': a file holds one memory", mixed);
    is_check_error(t, mixed, top, want, "a summary of two memories");
    const char *nomem = temp("nomem.csv", "metric,workload\nenergy,all\n");
    snprintf(want, sizeof want, "%s:1: missing column 'memory'", nomem);
    is_check_error(t, nomem, top, want, "a summary without memory");
    const char *norows = temp("norows.csv", "memory,metric\n");
    snprintf(want, sizeof want, "%s: no rows", norows);
    is_check_error(t, norows, top, want, "an empty summary");
    const char *notech = temp("notech.csv", "memory,metric,workload\n"
                              "RRAM,energy,all\n");
    snprintf(want, sizeof want, "%s:1: missing column 'tech_nm'", notech);
    is_check_error(t, notech, top, want, "a summary without tech_nm");
    const char *nolabel = temp("nolabel.csv", "memory,metric,workload,"
                               "statistic,op,threshold,unit\n");
    snprintf(want, sizeof want, "%s:1: missing column 'label'", nolabel);
    is_check_error(nolabel, sum, top, want, "targets without labels");
    snprintf(text, sizeof text, "%sSRAM,energy,each,median,<=,2,%%,x,y\n",
             HEADER);
    const char *sram = temp("sram.csv", text);
    snprintf(want, sizeof want, "%s: no target for memory 'RRAM' (the "
             "memory of %s)", sram, sum);
    is_check_error(sram, sum, top, want, "no target for the memory");
    const char *bad = temp("bad.csv", "memory,metric,workload,tech_nm,"
                           "median_abs_rel_err\nRRAM,energy,vgg16,all,"
                           "n/a\n");
    snprintf(text, sizeof text, "%sRRAM,energy,each,median,<=,2,%%,x,y\n",
             HEADER);
    t = temp("one.csv", text);
    snprintf(want, sizeof want, "%s:2: column 'median_abs_rel_err': got "
             "'n/a', expected a number", bad);
    is_check_error(t, bad, top, want, "a summary value that is no number");
    const char *huge = temp("huge.csv", "memory,metric,workload,tech_nm,"
                            "median_abs_rel_err\nRRAM,energy,vgg16,all,"
                            "1e307\n");
    snprintf(want, sizeof want, "%s: column 'median_abs_rel_err': the worst "
             "value, 1e+307, is not finite as a percentage", huge);
    is_check_error(t, huge, top, want, "a percentage beyond a double");
    const char *names[] = {"huge.csv", "top.csv", "top10-sram.csv", "top10-nocol.csv",
                           "mixed.csv", "nomem.csv", "norows.csv",
                           "notech.csv", "nolabel.csv", "sram.csv",
                           "bad.csv", "one.csv"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        unlink(temp(names[i], ""));
}

int
main(void)
{
    plan_lazy();
    imc_err_set_handler(capture);
    if (!mkdtemp(dir))
        bail("mkdtemp failed");
    test_rram();
    test_sram_scopes();
    test_errors();
    test_file_errors();
    unlink(temp("t.csv", ""));
    rmdir(dir);
    return 0;
}
