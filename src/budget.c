/* budget.c: the budget study's draws of independent runs (see budget.h). */
#include "budget.h"
#include "compare.h"
#include "csvio.h"
#include "err.h"
#include "rowsel.h"
#include "runs.h"
#include "summary.h"

#include <gsl/gsl_rng.h>
#include <stdlib.h>
#include <string.h>

/* Most budgets one study may compare. */
#define MAX_BUDGETS 32
/* Roles: every workload, then the joint searches. */
#define MAX_ROLES (SEARCH_MAX_WORKLOADS + 1)

/* The metrics drawn, in output order. */
enum { M_NLARGEST, M_NJOINT, M_LOSS, M_GAIN_DIFF, M_GAIN_REL, NMETRIC };
static const char *const metric_names[NMETRIC] = {
    "n_largest", "n_joint", "loss_joint_pct", "gain_diff_pct",
    "gain_rel_pct"};

/* The two gain definitions of the fractions, in output order. */
enum { D_REL, D_DIFF, NDEF };
static const char *const def_names[NDEF] = {"gain_rel", "gain_diff"};
static const int def_metric[NDEF] = {M_GAIN_REL, M_GAIN_DIFF};

/* The feasible runs of one (budget, role). */
typedef struct pool {
    runs_file *file;
    size_t nfeas;
    double *score;       /* nfeas x nwork: score_d(w), maybe missing */
    double *run_score;   /* nfeas: the search's objective value */
} pool;

typedef struct budget {
    char *name;
    int optimum;
    int have[MAX_ROLES];
    pool role[MAX_ROLES];
} budget;

typedef struct bcase {
    char *label;                  /* "symmetric" or "asym:BASE:TOP" */
    const budget *base, *top;
    int possible;
    summary_stats st[SEARCH_MAX_WORKLOADS][NMETRIC];
    double frac[NDEF][SEARCH_MAX_WORKLOADS + 1]; /* last: all */
} bcase;

struct budget_result {
    size_t nwork, largest, joint;
    char workload[SEARCH_MAX_WORKLOADS][NET_NAME_MAX];
    size_t nbudget;
    budget b[MAX_BUDGETS];
    size_t ncase;
    bcase cases[MAX_BUDGETS + BUDGET_MAX_PAIRS];
    int has_p1;
    double p1[SEARCH_MAX_WORKLOADS];
    size_t nruns, nexcluded;
};

void
budget_free(budget_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nbudget; i++) {
        free(r->b[i].name);
        for (size_t k = 0; k < MAX_ROLES; k++) {
            runs_free(r->b[i].role[k].file);
            free(r->b[i].role[k].score);
            free(r->b[i].role[k].run_score);
        }
    }
    for (size_t c = 0; c < r->ncase; c++)
        free(r->cases[c].label);
    free(r);
}

/* ------------------------------------------------------------ reading */

static budget *
find_budget(budget_result *r, const char *name)
{
    for (size_t i = 0; i < r->nbudget; i++)
        if (strcmp(r->b[i].name, name) == 0)
            return &r->b[i];
    return NULL;
}

/* The budgets in order of first appearance, and the workloads: the roles
 * of the first budget, in order, but the joint one. */
static int
collect_names(const budget_request *q, budget_result *r)
{
    const char *first = q->ninput ? q->input[0].budget : "";
    for (size_t i = 0; i < q->ninput; i++) {
        const budget_input *in = &q->input[i];
        if (!find_budget(r, in->budget)) {
            if (r->nbudget == MAX_BUDGETS)
                return imc_fail(NULL, 0, "more than %d budgets", MAX_BUDGETS);
            budget *b = &r->b[r->nbudget];
            if (!(b->name = strdup(in->budget)))
                return imc_fail(NULL, 0, "out of memory");
            b->optimum = strcmp(in->budget, BUDGET_OPTIMUM) == 0;
            r->nbudget++;
        }
        if (strcmp(in->budget, first) != 0 ||
            strcmp(in->role, BUDGET_JOINT) == 0)
            continue;
        size_t w = 0;
        while (w < r->nwork && strcmp(r->workload[w], in->role) != 0)
            w++;
        if (w < r->nwork)
            continue;              /* reported as twice below */
        if (r->nwork == SEARCH_MAX_WORKLOADS ||
            !in->role[0] || strlen(in->role) >= NET_NAME_MAX)
            return imc_fail(NULL, 0, "role '%s': expected at most %d "
                            "workloads with names of 1 to %d characters",
                            in->role, SEARCH_MAX_WORKLOADS, NET_NAME_MAX - 1);
        strcpy(r->workload[r->nwork++], in->role);
    }
    if (r->nwork == 0)
        return imc_fail(NULL, 0, "no workload runs given");
    r->joint = r->nwork;
    return IMC_OK;
}

/* Role index of name, or -1. */
static long
role_index(const budget_result *r, const char *name)
{
    if (strcmp(name, BUDGET_JOINT) == 0)
        return (long)r->joint;
    for (size_t w = 0; w < r->nwork; w++)
        if (strcmp(r->workload[w], name) == 0)
            return (long)w;
    return -1;
}

/* The feasible runs of p's file, with the scores the draws read; a run
 * must have the rows its role needs. */
static int
build_pool(budget_result *r, const budget *b, size_t role, pool *p)
{
    const runs_file *f = p->file;
    p->score = malloc(f->nruns * r->nwork * sizeof *p->score);
    p->run_score = malloc(f->nruns * sizeof *p->run_score);
    if (!p->score || !p->run_score)
        return imc_fail(f->path, 0, "out of memory");
    if (b->optimum && f->nruns != 1)
        return imc_fail(f->path, 0, "%zu runs for budget '%s': it holds "
                        "the one exact optimum of each role (select it with "
                        "FILE:COL=VALUE)", f->nruns, BUDGET_OPTIMUM);
    for (size_t k = 0; k < f->nruns; k++) {
        const runs_run *run = &f->run[k];
        r->nruns++;
        if (!run->feasible) {
            r->nexcluded++;
            continue;
        }
        double *s = &p->score[p->nfeas * r->nwork];
        for (size_t w = 0; w < r->nwork; w++) {
            const runs_row *row = runs_find(f, run, r->workload[w]);
            int need = role == r->joint || role == r->largest || role == w;
            if (!row && need)
                return runs_fail_missing(f, run, r->workload[w],
                                         role == w ? "a specific search must "
                                         "be evaluated on its workload"
                                         : "the largest and the joint "
                                         "designs must be evaluated on every "
                                         "workload");
            s[w] = row ? runs_row_score(row) : SUMMARY_MISSING;
        }
        p->run_score[p->nfeas++] = run->score;
    }
    return IMC_OK;
}

/* Read every input into its budget's role. */
static int
read_inputs(const budget_request *q, budget_result *r)
{
    for (size_t i = 0; i < q->ninput; i++) {
        const budget_input *in = &q->input[i];
        budget *b = find_budget(r, in->budget);
        long role = role_index(r, in->role);
        if (role < 0)
            return imc_fail(NULL, 0, "budget '%s' has runs for role '%s', "
                            "which budget '%s' lacks", in->budget, in->role,
                            r->b[0].name);
        if (b->have[role])
            return imc_fail(NULL, 0, "budget '%s' has two files for role "
                            "'%s'", in->budget, in->role);
        b->have[role] = 1;
        int st = runs_read(in->spec, &b->role[role].file);
        if (!st)
            st = build_pool(r, b, (size_t)role, &b->role[role]);
        if (st)
            return st;
    }
    for (size_t i = 0; i < r->nbudget; i++)
        for (size_t k = 0; k <= r->nwork; k++)
            if (!r->b[i].have[k])
                return imc_fail(NULL, 0, "budget '%s' has no runs for role "
                                "'%s'", r->b[i].name,
                                k == r->joint ? BUDGET_JOINT
                                              : r->workload[k]);
    return IMC_OK;
}

/* P1's joint-vs-largest gain of every workload, from paper-reported.csv
 * (rows source=P1, quantity=joint_vs_largest_gain). */
static int
read_p1(const char *spec, budget_result *r)
{
    rowsel_reader *s;
    int st = rowsel_open(spec, &s);
    if (st)
        return st;
    csvio_reader *in = rowsel_csv(s);
    static const char *const names[] = {"source", "quantity", "workload",
                                        "value"};
    int c[4];
    int have[SEARCH_MAX_WORKLOADS] = {0};
    st = csvio_require_all(in, names, 4, c);
    while (!st && (st = rowsel_read(s)) == IMC_OK) {
        if (strcmp(csvio_field(in, (size_t)c[0]), "P1") != 0 ||
            strcmp(csvio_field(in, (size_t)c[1]),
                   "joint_vs_largest_gain") != 0)
            continue;
        long w = role_index(r, csvio_field(in, (size_t)c[2]));
        if (w < 0 || (size_t)w == r->joint)
            continue;
        if (have[w])
            st = csvio_fail(in, "a second P1 gain for workload '%s'",
                            r->workload[w]);
        else if (!(st = csvio_get_double(in, (size_t)c[3], &r->p1[w])))
            have[w] = 1;
    }
    if (st == IMC_EOF)
        st = IMC_OK;
    for (size_t w = 0; w < r->nwork && !st; w++)
        if (!have[w])
            st = imc_fail(rowsel_path(s), 0, "no row source=P1, quantity="
                          "joint_vs_largest_gain for workload '%s'",
                          r->workload[w]);
    rowsel_close(s);
    r->has_p1 = !st;
    return st;
}

/* ------------------------------------------------------------ draws */

/* Sizes of one case's pools; same_l is the largest workload's index when
 * its baseline and normalising runs come from one pool (they must then
 * differ), else -1. */
typedef struct sizes {
    size_t nb, nj, ns[SEARCH_MAX_WORKLOADS];
    long same_l;
} sizes;

static void
case_sizes(const budget_result *r, const bcase *c, sizes *z)
{
    z->nb = c->base->role[r->largest].nfeas;
    z->nj = c->top->role[r->joint].nfeas;
    for (size_t w = 0; w < r->nwork; w++)
        z->ns[w] = c->top->role[w].nfeas;
    z->same_l = c->base == c->top ? (long)r->largest : -1;
}

/* Predicate: every pool can give a run (two for a shared pool). */
static int
possible_p(const budget_result *r, const sizes *z)
{
    if (z->nb == 0 || z->nj == 0)
        return 0;
    for (size_t w = 0; w < r->nwork; w++)
        if (z->ns[w] < 1 + (z->same_l == (long)w))
            return 0;
    return 1;
}

/* Normalising runs that workload w can choose from, given the baseline. */
static size_t
nchoices(const sizes *z, size_t w)
{
    return z->ns[w] - (z->same_l == (long)w);
}

/* The normalising run of w from choice k (0 .. nchoices - 1): for the
 * shared pool, every run but the baseline's. */
static size_t
normaliser(const sizes *z, size_t w, size_t k, size_t b)
{
    return z->same_l == (long)w && k >= b ? k + 1 : k;
}

/* One Monte-Carlo draw: baseline, joint, then each workload's
 * normalising run, in that order. */
static void
draw(const budget_result *r, const sizes *z, gsl_rng *rng, size_t *b,
     size_t *j, size_t *s)
{
    *b = gsl_rng_uniform_int(rng, z->nb);
    *j = gsl_rng_uniform_int(rng, z->nj);
    for (size_t w = 0; w < r->nwork; w++)
        s[w] = normaliser(z, w, gsl_rng_uniform_int(rng, nchoices(z, w)), *b);
}

/* Metric k of workload w for runs (b, j, s). */
static double
metric_at(const budget_result *r, const bcase *c, size_t w, size_t b,
          size_t j, size_t s, int k)
{
    size_t nw = r->nwork;
    const double score[COMPARE_NROLE] = {
        c->top->role[w].score[s * nw + w],
        c->base->role[r->largest].score[b * nw + w],
        c->top->role[r->joint].score[j * nw + w]};
    compare_metrics m;
    compare_metrics_compute(score, &m);
    switch (k) {
    case M_NLARGEST: return m.n_largest;
    case M_NJOINT: return m.n_joint;
    case M_LOSS: return m.loss_joint_pct;
    case M_GAIN_DIFF: return m.gain_diff_pct;
    default: return m.gain_rel_pct;
    }
}

/* Predicate: gain definition d of workload w reaches P1's value. */
static int
reaches_p(const budget_result *r, const bcase *c, size_t w, size_t b,
          size_t j, size_t s, int d)
{
    double g = metric_at(r, c, w, b, j, s, def_metric[d]);
    return !summary_missing_p(g) && g >= r->p1[w];
}

/* Combinations (or draws) for workload w. */
static size_t
ncombos(const sizes *z, size_t w, unsigned long draws)
{
    return draws ? (size_t)draws : z->nb * z->nj * nchoices(z, w);
}

/* Metric k of workload w over every draw (or combination) into x[], the
 * present values only; returns how many, and counts reaching P1 into
 * *reach when k is a gain. */
static size_t
fill_metric(const budget_result *r, const bcase *c, const sizes *z,
            size_t w, int k, unsigned long seed, unsigned long draws,
            gsl_rng *rng, double *x, size_t *reach)
{
    size_t n = 0, total = ncombos(z, w, draws);
    size_t b, j, s[SEARCH_MAX_WORKLOADS];
    *reach = 0;
    gsl_rng_set(rng, seed);
    for (size_t d = 0; d < total; d++) {
        if (draws)
            draw(r, z, rng, &b, &j, s);
        else {
            size_t m = nchoices(z, w);
            b = d / (z->nj * m);
            j = d / m % z->nj;
            s[w] = normaliser(z, w, d % m, b);
        }
        double v = metric_at(r, c, w, b, j, s[w], k);
        if (summary_missing_p(v))
            continue;
        x[n++] = v;
        if (r->has_p1 && (k == M_GAIN_REL || k == M_GAIN_DIFF))
            *reach += v >= r->p1[w];
    }
    return n;
}

/* The fraction of draws in which every workload's gain reaches P1's. */
static double
fraction_all(const budget_result *r, const bcase *c, const sizes *z, int d,
             unsigned long seed, unsigned long draws, gsl_rng *rng)
{
    size_t b, j, s[SEARCH_MAX_WORKLOADS];
    if (draws) {
        size_t hits = 0;
        gsl_rng_set(rng, seed);
        for (unsigned long k = 0; k < draws; k++) {
            draw(r, z, rng, &b, &j, s);
            size_t w = 0;
            while (w < r->nwork && reaches_p(r, c, w, b, j, s[w], d))
                w++;
            hits += w == r->nwork;
        }
        return (double)hits / (double)draws;
    }
    /* Exact: given the baseline and the joint run, the workloads'
     * normalising runs are independent, so the chance that all reach is
     * the product of each one's chance. */
    double sum = 0;
    for (b = 0; b < z->nb; b++)
        for (j = 0; j < z->nj; j++) {
            double p = 1;
            for (size_t w = 0; w < r->nwork && p > 0; w++) {
                size_t m = nchoices(z, w), hit = 0;
                for (size_t k = 0; k < m; k++)
                    hit += reaches_p(r, c, w, b, j, normaliser(z, w, k, b), d);
                p *= (double)hit / (double)m;
            }
            sum += p;
        }
    return sum / ((double)z->nb * (double)z->nj);
}

/* Compute case c; x and work hold workspace_size() doubles. */
static void
compute_case(const budget_result *r, bcase *c, unsigned long seed,
             unsigned long draws, gsl_rng *rng, double *x, double *work)
{
    sizes z;
    case_sizes(r, c, &z);
    c->possible = possible_p(r, &z);
    for (int d = 0; d < NDEF; d++)
        for (size_t w = 0; w <= r->nwork; w++)
            c->frac[d][w] = SUMMARY_MISSING;
    for (size_t w = 0; w < r->nwork; w++)
        for (int k = 0; k < NMETRIC; k++) {
            size_t n = 0, reach = 0;
            if (c->possible)
                n = fill_metric(r, c, &z, w, k, seed, draws, rng, x, &reach);
            summary_describe(x, n, work, &c->st[w][k]);
            for (int d = 0; d < NDEF && c->possible && r->has_p1; d++)
                if (def_metric[d] == k)
                    c->frac[d][w] = (double)reach /
                                    (double)ncombos(&z, w, draws);
        }
    for (int d = 0; d < NDEF && c->possible && r->has_p1; d++)
        c->frac[d][r->nwork] = fraction_all(r, c, &z, d, seed, draws, rng);
}

/* Add a case; its label is "symmetric" or "asym:BASE:TOP".  An exact
 * enumeration (draws = 0) must fit in the workspace. */
static int
add_case(budget_result *r, const budget *base, const budget *top,
         unsigned long draws)
{
    bcase *c = &r->cases[r->ncase];
    memset(c, 0, sizeof *c);
    c->base = base;
    c->top = top;
    size_t n = strlen(base->name) + strlen(top->name) + 8;
    if (!(c->label = malloc(n)))
        return imc_fail(NULL, 0, "out of memory");
    if (base == top)
        snprintf(c->label, n, "symmetric");
    else
        snprintf(c->label, n, "asym:%s:%s", base->name, top->name);
    r->ncase++;
    sizes z;
    case_sizes(r, c, &z);
    for (size_t w = 0; w < r->nwork && !draws && possible_p(r, &z); w++) {
        double m = (double)z.nb * (double)z.nj * (double)nchoices(&z, w);
        if (m > (double)BUDGET_MAX_DRAWS)
            return imc_fail(NULL, 0, "case '%s' of budget '%s': workload "
                            "'%s' has %.0f combinations, more than %lu to "
                            "enumerate; give a number of draws", c->label,
                            top->name, r->workload[w], m, BUDGET_MAX_DRAWS);
    }
    return IMC_OK;
}

/* The symmetric case of every budget but the optimum, then the pairs. */
static int
make_cases(const budget_request *q, budget_result *r)
{
    int st = IMC_OK;
    for (size_t i = 0; i < r->nbudget && !st; i++)
        if (!r->b[i].optimum)
            st = add_case(r, &r->b[i], &r->b[i], q->draws);
    for (size_t k = 0; k < q->npair && !st; k++) {
        const budget *base = find_budget(r, q->pair[k].base);
        const budget *top = find_budget(r, q->pair[k].top);
        if (!base || !top)
            st = imc_fail(NULL, 0, "asymmetric case '%s:%s': no runs of "
                          "budget '%s'", q->pair[k].base, q->pair[k].top,
                          base ? q->pair[k].top : q->pair[k].base);
        else if (base == top)
            st = imc_fail(NULL, 0, "asymmetric case '%s:%s' names one "
                          "budget twice (its symmetric case is computed "
                          "anyway)", q->pair[k].base, q->pair[k].top);
        else
            st = add_case(r, base, top, q->draws);
    }
    return st;
}

/* Values one metric may take over a case: the draws, or the largest
 * enumeration (at least 1). */
static size_t
workspace_size(const budget_result *r, unsigned long draws)
{
    size_t n = draws ? (size_t)draws : 1;
    for (size_t i = 0; i < r->ncase && !draws; i++) {
        sizes z;
        case_sizes(r, &r->cases[i], &z);
        for (size_t w = 0; w < r->nwork && possible_p(r, &z); w++)
            if (ncombos(&z, w, 0) > n)
                n = ncombos(&z, w, 0);
    }
    return n;
}

int
budget_run(const budget_request *q, budget_result **out)
{
    *out = NULL;
    if (q->draws > BUDGET_MAX_DRAWS || q->ninput > BUDGET_MAX_INPUTS ||
        q->npair > BUDGET_MAX_PAIRS)
        return imc_fail(NULL, 0, "%lu draws, %zu inputs and %zu pairs: "
                        "expected at most %lu, %d and %d", q->draws,
                        q->ninput, q->npair, BUDGET_MAX_DRAWS,
                        BUDGET_MAX_INPUTS, BUDGET_MAX_PAIRS);
    budget_result *r = calloc(1, sizeof *r);
    if (!r)
        return imc_fail(NULL, 0, "out of memory");
    int st = collect_names(q, r);
    long l = st ? -1 : role_index(r, q->largest);
    if (!st && (l < 0 || (size_t)l == r->joint))
        st = imc_fail(NULL, 0, "largest workload '%s' has no runs of its "
                      "own (give BUDGET:%s=FILE)", q->largest, q->largest);
    if (!st) {
        r->largest = (size_t)l;
        st = read_inputs(q, r);
    }
    if (!st && q->p1)
        st = read_p1(q->p1, r);
    if (!st)
        st = make_cases(q, r);
    double *x = NULL, *work = NULL;
    gsl_rng *rng = NULL;
    if (!st) {
        size_t cap = workspace_size(r, q->draws);
        x = malloc(cap * sizeof *x);
        work = malloc(cap * sizeof *work);
        rng = gsl_rng_alloc(gsl_rng_mt19937);
        if (!x || !work || !rng)
            st = imc_fail(NULL, 0, "out of memory");
    }
    for (size_t c = 0; c < r->ncase && !st; c++)
        compute_case(r, &r->cases[c], q->seed, q->draws, rng, x, work);
    free(x);
    free(work);
    if (rng)
        gsl_rng_free(rng);
    if (st) {
        budget_free(r);
        return st;
    }
    *out = r;
    return IMC_OK;
}

/* ------------------------------------------------------------ writing */

/* "budget,case," of case c. */
static void
put_case(FILE *fp, const bcase *c)
{
    csvio_put_string(fp, c->top->name);
    fputc(',', fp);
    csvio_put_string(fp, c->label);
    fputc(',', fp);
}

int
budget_write_distribution(FILE *fp, const budget_result *r)
{
    fputs("budget,case,workload,metric,n_draws,median,p5,p25,p75,p95,mean\n",
          fp);
    for (size_t i = 0; i < r->ncase; i++)
        for (size_t w = 0; w < r->nwork; w++)
            for (int k = 0; k < NMETRIC; k++) {
                const summary_stats *s = &r->cases[i].st[w][k];
                put_case(fp, &r->cases[i]);
                csvio_put_string(fp, r->workload[w]);
                fprintf(fp, ",%s,%zu", metric_names[k], s->n);
                const double v[] = {s->median, s->p5, s->p25, s->p75,
                                    s->p95, s->mean};
                summary_put_list(fp, v, sizeof v / sizeof v[0]);
                fputc('\n', fp);
            }
    return IMC_OK;
}

int
budget_write_fractions(FILE *fp, const budget_result *r)
{
    if (!r->has_p1)
        return imc_fail(NULL, 0, "the fractions need P1's gains "
                        "(paper-reported.csv)");
    fputs("budget,case,definition,workload,fraction_reaching_p1\n", fp);
    for (size_t i = 0; i < r->ncase; i++)
        for (int d = 0; d < NDEF; d++)
            for (size_t w = 0; w <= r->nwork; w++) {
                put_case(fp, &r->cases[i]);
                fprintf(fp, "%s,", def_names[d]);
                csvio_put_string(fp, w < r->nwork ? r->workload[w] : "all");
                summary_put_list(fp, &r->cases[i].frac[d][w], 1);
                fputc('\n', fp);
            }
    return IMC_OK;
}

int
budget_write_runs(FILE *fp, const budget_result *r)
{
    fputs("budget,role,n_runs,n_feasible,median_score,min_score,max_score\n",
          fp);
    size_t cap = 1;
    for (size_t i = 0; i < r->nbudget; i++)
        for (size_t k = 0; k <= r->nwork; k++)
            if (r->b[i].role[k].file->nruns > cap)
                cap = r->b[i].role[k].file->nruns;
    double *work = malloc(cap * sizeof *work);
    if (!work)
        return imc_fail(NULL, 0, "out of memory");
    for (size_t i = 0; i < r->nbudget; i++)
        for (size_t k = 0; k <= r->nwork; k++) {
            const pool *p = &r->b[i].role[k];
            summary_stats s;
            summary_describe(p->run_score, p->nfeas, work, &s);
            csvio_put_string(fp, r->b[i].name);
            fputc(',', fp);
            csvio_put_string(fp, k == r->joint ? BUDGET_JOINT
                                               : r->workload[k]);
            fprintf(fp, ",%zu,%zu", p->file->nruns, p->nfeas);
            const double v[] = {s.median, s.min, s.max};
            summary_put_list(fp, v, 3);
            fputc('\n', fp);
        }
    free(work);
    return IMC_OK;
}

size_t
budget_nimpossible(const budget_result *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->ncase; i++)
        n += !r->cases[i].possible;
    return n;
}

const char *
budget_first_impossible(const budget_result *r, const char **budget_name)
{
    for (size_t i = 0; i < r->ncase; i++)
        if (!r->cases[i].possible) {
            *budget_name = r->cases[i].top->name;
            return r->cases[i].label;
        }
    return NULL;
}

size_t
budget_nexcluded(const budget_result *r)
{
    return r->nexcluded;
}

size_t
budget_nruns(const budget_result *r)
{
    return r->nruns;
}
