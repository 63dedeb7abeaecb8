/* reduce.c: EDAP reductions of the joint design against baselines (see
 * reduce.h). */
#include "reduce.h"
#include "csvio.h"
#include "err.h"
#include "runs.h"
#include "summary.h"

#include <stdlib.h>
#include <string.h>

/* A design chosen from a file: the file, its run, the aggregate. */
typedef struct chosen {
    char *name;
    runs_file *file;
    size_t run;
    double aggregate;
    int feasible;
} chosen;

struct reduce_result {
    size_t nwork;
    const char *workload[SEARCH_MAX_WORKLOADS]; /* the joint run's rows */
    search_objective objective;
    chosen joint;
    size_t nbase;
    chosen base[REDUCE_MAX_BASELINES];
};

void
reduce_free(reduce_result *r)
{
    if (!r)
        return;
    runs_free(r->joint.file);
    for (size_t i = 0; i < r->nbase; i++) {
        free(r->base[i].name);
        runs_free(r->base[i].file);
    }
    free(r);
}

/* A run and its aggregate value, ordered for the median. */
typedef struct ranked {
    double value;
    unsigned long seed;
    size_t run;
} ranked;

static int
cmp_ranked(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->value < y->value)
        return -1;
    if (y->value < x->value)
        return 1;
    return (x->seed > y->seed) - (x->seed < y->seed);
}

/* Choose c's run by the request's rule, over the workloads of r. */
static int
choose(const reduce_request *q, const reduce_result *r, chosen *c)
{
    const runs_file *f = c->file;
    if (q->pick == REDUCE_PICK_SEED)
        return runs_pick_run(f, RUNS_PICK_SEED, q->seed, &c->run);
    c->run = runs_best(f);
    if (q->pick == REDUCE_PICK_BEST)
        return IMC_OK;
    ranked *v = malloc(f->nruns * sizeof *v);
    if (!v)
        return imc_fail(f->path, 0, "out of memory");
    size_t n = 0;
    int st = IMC_OK;
    for (size_t k = 0; k < f->nruns && !st; k++) {
        double value;
        int ok;
        st = runs_aggregate(f, &f->run[k], q->objective, r->workload,
                            r->nwork, &value, &ok);
        if (!st && ok && f->run[k].feasible) {
            v[n].value = value;
            v[n].seed = f->run[k].seed;
            v[n++].run = k;
        }
    }
    if (!st && n > 0) {
        qsort(v, n, sizeof *v, cmp_ranked);
        c->run = v[(n - 1) / 2].run;
    }
    free(v);
    return st;
}

/* Read spec into c and choose its run; the joint design also fixes the
 * workloads. */
static int
read_chosen(const reduce_request *q, reduce_result *r, const char *spec,
            chosen *c, int is_joint)
{
    int st = runs_read(spec, &c->file);
    if (st)
        return st;
    if (is_joint) {
        /* The workloads are the joint run's; the rule that picks it needs
         * them, so take them from its first run and check every run has
         * the same ones through runs_aggregate. */
        const runs_run *run0 = &c->file->run[0];
        if (run0->nrows > SEARCH_MAX_WORKLOADS)
            return imc_fail(c->file->path, 0, "%zu workloads in one run, "
                            "more than %d", run0->nrows,
                            SEARCH_MAX_WORKLOADS);
        for (size_t i = 0; i < run0->nrows; i++)
            r->workload[i] = c->file->row[run0->first + i].workload;
        r->nwork = run0->nrows;
    }
    if ((st = choose(q, r, c)))
        return st;
    return runs_aggregate(c->file, &c->file->run[c->run], q->objective,
                          r->workload, r->nwork, &c->aggregate,
                          &c->feasible);
}

int
reduce_read(const reduce_request *q, reduce_result **out)
{
    *out = NULL;
    if (q->nbase == 0 || q->nbase > REDUCE_MAX_BASELINES)
        return imc_fail(NULL, 0, "got %zu baselines, expected 1 to %d",
                        q->nbase, REDUCE_MAX_BASELINES);
    reduce_result *r = calloc(1, sizeof *r);
    if (!r)
        return imc_fail(NULL, 0, "out of memory");
    r->objective = q->objective;
    int st = read_chosen(q, r, q->joint, &r->joint, 1);
    for (size_t i = 0; i < q->nbase && !st; i++) {
        for (size_t k = 0; k < i && !st; k++)
            if (strcmp(q->base_name[k], q->base_name[i]) == 0)
                st = imc_fail(NULL, 0, "baseline '%s' given twice",
                              q->base_name[i]);
        chosen *c = &r->base[r->nbase];
        if (!st && !(c->name = strdup(q->base_name[i])))
            st = imc_fail(NULL, 0, "out of memory");
        if (!st)
            r->nbase++;
        if (!st)
            st = read_chosen(q, r, q->base_spec[i], c, 0);
    }
    if (st) {
        reduce_free(r);
        return st;
    }
    *out = r;
    return IMC_OK;
}

/* One output row. */
static void
write_row(FILE *fp, const char *base, const char *w, double ej, int fj,
          double eb, int fb)
{
    if (!fj)
        ej = SUMMARY_MISSING;
    if (!fb)
        eb = SUMMARY_MISSING;
    csvio_put_string(fp, base);
    fputc(',', fp);
    csvio_put_string(fp, w);
    fputc(',', fp);
    summary_put(fp, ej);
    fputc(',', fp);
    summary_put(fp, eb);
    fputc(',', fp);
    summary_put(fp, 100.0 * (1.0 - ej / eb));
    fprintf(fp, ",%d,%d\n", fj, fb);
}

int
reduce_write(FILE *fp, const reduce_result *r)
{
    fputs("baseline,workload,edap_joint,edap_baseline,reduction_pct,"
          "feasible_joint,feasible_baseline\n", fp);
    const runs_file *jf = r->joint.file;
    const runs_run *jrun = &jf->run[r->joint.run];
    for (size_t b = 0; b < r->nbase; b++) {
        const chosen *c = &r->base[b];
        const runs_run *brun = &c->file->run[c->run];
        for (size_t w = 0; w < r->nwork; w++) {
            const runs_row *jr = runs_find(jf, jrun, r->workload[w]);
            const runs_row *br = runs_find(c->file, brun, r->workload[w]);
            write_row(fp, c->name, r->workload[w], runs_row_score(jr),
                      runs_row_usable_p(jr), runs_row_score(br),
                      runs_row_usable_p(br));
        }
        write_row(fp, c->name, "aggregate", r->joint.aggregate,
                  r->joint.feasible, c->aggregate, c->feasible);
    }
    return IMC_OK;
}

size_t
reduce_ninfeasible(const reduce_result *r)
{
    size_t n = 0;
    for (size_t b = 0; b < r->nbase; b++)
        n += !r->base[b].feasible;
    return n;
}

int
reduce_joint_infeasible_p(const reduce_result *r)
{
    return !r->joint.feasible;
}
