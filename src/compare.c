/* compare.c: P1's normalised scores, generalisation loss and
 * joint-vs-largest gain from evaluation files (see compare.h). */
#include "compare.h"
#include "csvio.h"
#include "err.h"
#include "summary.h"

#include <stdlib.h>
#include <string.h>

const char *const compare_role_names[COMPARE_NROLE] = {"specific", "largest",
                                                       "joint"};

/* Files of a study: the specific searches in request order, then the
 * largest workload's design and the joint design. */
#define MAX_FILES (SEARCH_MAX_WORKLOADS + 2)

/* One replicate: which run of each file. */
typedef struct replicate {
    char label[32];            /* "seed<N>", "best" (else the study's) */
    size_t run[MAX_FILES];
} replicate;

struct compare_study {
    size_t nwork;
    char workload[SEARCH_MAX_WORKLOADS][NET_NAME_MAX];
    int aggregate;
    search_objective objective;
    char *label;               /* COMPARE_SELECT_ONLY's label */
    size_t nfile;
    runs_file *file[MAX_FILES];
    size_t nrep;
    replicate *rep;
};

/* ------------------------------------------------------------ metrics */

void
compare_metrics_compute(const double score[COMPARE_NROLE], compare_metrics *m)
{
    for (int k = 0; k < COMPARE_NROLE; k++)
        m->score[k] = score[k];
    double ss = score[COMPARE_SPECIFIC], sl = score[COMPARE_LARGEST],
           sj = score[COMPARE_JOINT];
    /* Missing scores propagate: NaN arithmetic gives NaN, which is
     * SUMMARY_MISSING and written as an empty field. */
    m->n_largest = sl / ss;
    m->n_joint = sj / ss;
    m->loss_joint_pct = 100.0 * (m->n_joint - 1.0);
    m->loss_largest_pct = 100.0 * (m->n_largest - 1.0);
    /* The reference's gain is a difference of normalised scores, in
     * units of the specific design's score; the relative gain is the
     * usual meaning of "X % lower score" and needs no specific design. */
    m->gain_diff_pct = 100.0 * (m->n_largest - m->n_joint);
    m->gain_rel_pct = 100.0 * (1.0 - sj / sl);
}

/* ------------------------------------------------------------ reading */

void
compare_free(compare_study *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nfile; i++)
        runs_free(c->file[i]);
    free(c->label);
    free(c->rep);
    free(c);
}

/* The replicates of COMPARE_SELECT_REPLICATES: every seed of the first
 * file that has seeds, ascending, which every other file with seeds must
 * have too (and no more).  A file without a seed column holds one run (an
 * exact optimum, say) that takes part in every replicate. */
static int
pair_seeds(compare_study *c)
{
    size_t s0 = c->nfile;
    for (size_t i = 0; i < c->nfile; i++) {
        const runs_file *f = c->file[i];
        if (f->has_seed && s0 == c->nfile)
            s0 = i;
        if (!f->has_seed && f->nruns != 1)
            return imc_fail(f->path, 1, "no seed column and %zu runs "
                            "(a file without seeds takes part in every "
                            "replicate as one run)", f->nruns);
    }
    if (s0 == c->nfile)
        return imc_fail(c->file[0]->path, 1, "no seed column in any file "
                        "(replicates pair the runs of one seed)");
    const runs_file *f0 = c->file[s0];
    c->rep = calloc(f0->nruns, sizeof *c->rep);
    if (!c->rep)
        return imc_fail(NULL, 0, "out of memory");
    /* Seeds ascending: an insertion sort of run indices (a file holds at
     * most CLI_MAX_SEEDS runs, and in practice arrives sorted). */
    for (size_t k = 0; k < f0->nruns; k++) {
        size_t j = k;
        while (j > 0 &&
               f0->run[c->rep[j - 1].run[s0]].seed > f0->run[k].seed) {
            c->rep[j].run[s0] = c->rep[j - 1].run[s0];
            j--;
        }
        c->rep[j].run[s0] = k;
    }
    c->nrep = f0->nruns;
    for (size_t k = 0; k < c->nrep; k++) {
        replicate *r = &c->rep[k];
        unsigned long seed = f0->run[r->run[s0]].seed;
        snprintf(r->label, sizeof r->label, "seed%lu", seed);
        for (size_t i = 0; i < c->nfile; i++) {
            if (i == s0)
                continue;
            if (!c->file[i]->has_seed)
                r->run[i] = 0;
            else if (runs_find_seed(c->file[i], seed, &r->run[i]))
                return imc_fail(c->file[i]->path, 1, "no run of seed %lu, "
                                "which %s has (replicates need every seed "
                                "in every file with seeds)", seed, f0->path);
        }
    }
    for (size_t i = 0; i < c->nfile; i++) {
        const runs_file *f = c->file[i];
        size_t idx;
        for (size_t k = 0; f->has_seed && i != s0 && k < f->nruns; k++)
            if (runs_find_seed(f0, f->run[k].seed, &idx))
                return imc_fail(f0->path, 1, "no run of seed %lu, which %s "
                                "has (replicates need every seed in every "
                                "file with seeds)", f->run[k].seed, f->path);
    }
    return IMC_OK;
}

/* The one replicate of the other selections. */
static int
pick_one(compare_study *c, const compare_request *q)
{
    static const runs_pick pick[] = {
        [COMPARE_SELECT_ONLY] = RUNS_PICK_ONLY,
        [COMPARE_SELECT_SEED] = RUNS_PICK_SEED,
        [COMPARE_SELECT_BEST] = RUNS_PICK_BEST};
    c->rep = calloc(1, sizeof *c->rep);
    if (!c->rep)
        return imc_fail(NULL, 0, "out of memory");
    c->nrep = 1;
    replicate *r = &c->rep[0];
    if (q->select == COMPARE_SELECT_SEED)
        snprintf(r->label, sizeof r->label, "seed%lu", q->seed);
    else if (q->select == COMPARE_SELECT_BEST)
        snprintf(r->label, sizeof r->label, "best");
    for (size_t i = 0; i < c->nfile; i++) {
        int st = runs_pick_run(c->file[i], pick[q->select], q->seed,
                               &r->run[i]);
        if (st)
            return st;
    }
    return IMC_OK;
}

/* Every replicate's runs must have the rows the comparison reads: the
 * specific design on its workload, the other two on every workload. */
static int
check_rows(const compare_study *c)
{
    static const char why_specific[] = "the specific design's search must "
                                       "be evaluated on its workload";
    static const char why_other[] = "the largest and the joint designs must "
                                    "be evaluated on every workload; run "
                                    "their searches with --report-on";
    for (size_t k = 0; k < c->nrep; k++)
        for (size_t i = 0; i < c->nfile; i++) {
            const runs_file *f = c->file[i];
            const runs_run *run = &f->run[c->rep[k].run[i]];
            for (size_t w = 0; w < c->nwork; w++) {
                if (i < c->nwork && w != i)
                    continue;
                if (!runs_find(f, run, c->workload[w]))
                    return runs_fail_missing(f, run, c->workload[w],
                                             i < c->nwork ? why_specific
                                                          : why_other);
            }
        }
    return IMC_OK;
}

int
compare_read(const compare_request *q, compare_study **out)
{
    *out = NULL;
    if (q->nwork == 0 || q->nwork > SEARCH_MAX_WORKLOADS)
        return imc_fail(NULL, 0, "got %zu workloads, expected 1 to %d",
                        q->nwork, SEARCH_MAX_WORKLOADS);
    compare_study *c = calloc(1, sizeof *c);
    if (!c)
        return imc_fail(NULL, 0, "out of memory");
    c->nwork = q->nwork;
    c->aggregate = q->aggregate;
    c->objective = q->objective;
    int st = IMC_OK;
    if (q->select == COMPARE_SELECT_ONLY &&
        !(c->label = strdup(q->label ? q->label : "single")))
        st = imc_fail(NULL, 0, "out of memory");
    for (size_t w = 0; w < q->nwork && !st; w++) {
        if (!q->workload[w][0] || strlen(q->workload[w]) >= NET_NAME_MAX)
            st = imc_fail(NULL, 0, "workload name '%s': expected 1 to %d "
                          "characters", q->workload[w], NET_NAME_MAX - 1);
        for (size_t v = 0; v < w && !st; v++)
            if (strcmp(q->workload[v], q->workload[w]) == 0)
                st = imc_fail(NULL, 0, "workload '%s' given twice",
                              q->workload[w]);
        if (!st)
            strcpy(c->workload[w], q->workload[w]);
    }
    const char *spec[MAX_FILES];
    for (size_t w = 0; w < q->nwork; w++)
        spec[w] = q->specific[w];
    spec[q->nwork] = q->largest;
    spec[q->nwork + 1] = q->joint;
    for (size_t i = 0; i < q->nwork + 2 && !st; i++) {
        st = runs_read(spec[i], &c->file[i]);
        if (!st)
            c->nfile++;
    }
    if (!st)
        st = q->select == COMPARE_SELECT_REPLICATES ? pair_seeds(c)
                                                    : pick_one(c, q);
    if (!st)
        st = check_rows(c);
    if (st) {
        compare_free(c);
        return st;
    }
    *out = c;
    return IMC_OK;
}

/* ------------------------------------------------------------ writing */

/* The run of file i in replicate r. */
static const runs_run *
run_of(const compare_study *c, const replicate *r, size_t i)
{
    return &c->file[i]->run[r->run[i]];
}

/* The three rows of workload w in replicate r (rows[role]). */
static void
rows_of(const compare_study *c, const replicate *r, size_t w,
        const runs_row *rows[COMPARE_NROLE])
{
    const size_t file[COMPARE_NROLE] = {w, c->nwork, c->nwork + 1};
    for (int k = 0; k < COMPARE_NROLE; k++)
        rows[k] = runs_find(c->file[file[k]], run_of(c, r, file[k]),
                            c->workload[w]);
}

/* The aggregate row of replicate r. */
static void
write_aggregate(FILE *fp, const compare_study *c, const replicate *r,
                const char *label)
{
    const char *w[SEARCH_MAX_WORKLOADS];
    for (size_t i = 0; i < c->nwork; i++)
        w[i] = c->workload[i];
    double agg[COMPARE_NROLE] = {SUMMARY_MISSING, SUMMARY_MISSING,
                                 SUMMARY_MISSING};
    int ok[COMPARE_NROLE] = {0, 0, 0};
    for (int k = COMPARE_LARGEST; k < COMPARE_NROLE; k++) {
        size_t i = c->nwork + (size_t)(k - COMPARE_LARGEST);
        /* check_rows made sure every row is there */
        runs_aggregate(c->file[i], run_of(c, r, i), c->objective, w,
                       c->nwork, &agg[k], &ok[k]);
    }
    csvio_put_string(fp, label);
    fputs(",aggregate", fp);
    const double v[] = {
        SUMMARY_MISSING, agg[COMPARE_LARGEST], agg[COMPARE_JOINT],
        SUMMARY_MISSING, SUMMARY_MISSING, SUMMARY_MISSING, SUMMARY_MISSING,
        SUMMARY_MISSING,
        100.0 * (1.0 - agg[COMPARE_JOINT] / agg[COMPARE_LARGEST])};
    summary_put_list(fp, v, sizeof v / sizeof v[0]);
    fprintf(fp, ",,%d,%d\n", ok[COMPARE_LARGEST], ok[COMPARE_JOINT]);
}

int
compare_write(FILE *fp, const compare_study *c)
{
    fputs("selection,workload,score_specific,score_largest,score_joint,"
          "n_largest,n_joint,loss_joint_pct,loss_largest_pct,gain_diff_pct,"
          "gain_rel_pct,feasible_specific,feasible_largest,feasible_joint\n",
          fp);
    for (size_t k = 0; k < c->nrep; k++) {
        const replicate *r = &c->rep[k];
        const char *label = c->label ? c->label : r->label;
        for (size_t w = 0; w < c->nwork; w++) {
            const runs_row *rows[COMPARE_NROLE];
            rows_of(c, r, w, rows);
            double score[COMPARE_NROLE];
            for (int i = 0; i < COMPARE_NROLE; i++)
                score[i] = runs_row_score(rows[i]);
            compare_metrics m;
            compare_metrics_compute(score, &m);
            csvio_put_string(fp, label);
            fputc(',', fp);
            csvio_put_string(fp, c->workload[w]);
            const double v[] = {m.score[0], m.score[1], m.score[2],
                                m.n_largest, m.n_joint, m.loss_joint_pct,
                                m.loss_largest_pct, m.gain_diff_pct,
                                m.gain_rel_pct};
            summary_put_list(fp, v, sizeof v / sizeof v[0]);
            for (int i = 0; i < COMPARE_NROLE; i++)
                fprintf(fp, ",%d", runs_row_usable_p(rows[i]));
            fputc('\n', fp);
        }
        if (c->aggregate)
            write_aggregate(fp, c, r, label);
    }
    return IMC_OK;
}

size_t
compare_nreplicates(const compare_study *c)
{
    return c->nrep;
}

size_t
compare_ninfeasible(const compare_study *c)
{
    size_t n = 0;
    for (size_t k = 0; k < c->nrep; k++) {
        int bad = 0;
        for (size_t w = 0; w < c->nwork && !bad; w++) {
            const runs_row *rows[COMPARE_NROLE];
            rows_of(c, &c->rep[k], w, rows);
            for (int i = 0; i < COMPARE_NROLE; i++)
                bad |= !runs_row_usable_p(rows[i]);
        }
        n += bad;
    }
    return n;
}
