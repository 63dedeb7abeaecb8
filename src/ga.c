/* ga.c: the pymoo-style genetic algorithm of P1 as an ask/tell machine.
 *
 * Operator details follow pymoo 0.6 (the library the reference uses):
 * cross_sbx and mut_pm in pymoo/operators/{crossover/sbx,mutation/pm}.py,
 * TournamentSelection with comp_by_cv_and_fitness, FitnessSurvival
 * (lexsort by cv then F), and the mating loop of InfillCriterion that
 * redraws duplicates for at most n_max_iterations = 100 rounds.
 */
#include "ga.h"
#include "err.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* pymoo's defaults: SBX crosses each gene with probability 0.5 and swaps
 * the children's values with probability 0.5; PM mutates each gene with
 * probability 1/n_genes (pymoo caps it at 0.5); duplicates are redrawn for
 * at most 100 rounds. */
const ga_params ga_params_p1 = {1.0, 3.0, 0.5, 0.5, 1.0, 3.0, 0.0, 100};

/* P2's phase table (docs/framework.md section 5.2). */
const ga_params ga_params_p2[GA_P2_PHASES] = {
    {1.0, 3.0, 0.5, 0.5, 1.0, 3.0, 0.0, 100},
    {0.9, 7.0, 0.5, 0.5, 0.5, 7.0, 0.0, 100},
    {1.0, 15.0, 0.5, 0.5, 0.2, 15.0, 0.0, 100},
    {1.0, 25.0, 0.5, 0.5, 0.05, 25.0, 0.0, 100},
};
const char *const ga_p2_phase_names[GA_P2_PHASES] = {
    "exploration", "transition", "convergence", "fine-tuning"};

struct ga {
    size_t n, pop;        /* genes; mu = lambda = pop */
    ga_params par;
    double *lo, *hi;      /* bounds, n each */
    gsl_rng *rng;         /* caller's */
    int ready;            /* ga_set done */
    int pending;          /* the batch awaits ga_tell */
    int initial;          /* ... and it is the initial population */
    size_t generation;
    /* population, best first: np rows */
    int *pg;
    double *pv, *ps;
    size_t np;
    /* batch to evaluate: nb rows, room for bcap */
    int *bg;
    size_t nb, bcap;
    /* survival: population + batch merged, room for mcap */
    int *mg;
    double *mv, *ms;
    size_t *order, mcap;
    /* breeding work */
    double *x1, *x2, *c1, *c2;
    size_t *perm, perm_pos;
};

/* ------------------------------------------------------------ lifecycle */

/* Allocate a GA; the contract is in ga.h. */
ga *
ga_alloc(size_t n_genes, size_t pop)
{
    if (n_genes < 1 || pop < 2)
        return NULL;
    ga *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->n = n_genes;
    g->pop = pop;
    g->par = ga_params_p1;
    g->bcap = pop;
    g->mcap = 2 * pop;
    g->lo = malloc(n_genes * sizeof *g->lo);
    g->hi = malloc(n_genes * sizeof *g->hi);
    g->pg = malloc(pop * n_genes * sizeof *g->pg);
    g->pv = malloc(pop * sizeof *g->pv);
    g->ps = malloc(pop * sizeof *g->ps);
    g->bg = malloc(g->bcap * n_genes * sizeof *g->bg);
    g->mg = malloc(g->mcap * n_genes * sizeof *g->mg);
    g->mv = malloc(g->mcap * sizeof *g->mv);
    g->ms = malloc(g->mcap * sizeof *g->ms);
    g->order = malloc(g->mcap * sizeof *g->order);
    g->x1 = malloc(4 * n_genes * sizeof *g->x1);
    g->perm = malloc(pop * sizeof *g->perm);
    if (!g->lo || !g->hi || !g->pg || !g->pv || !g->ps || !g->bg || !g->mg ||
        !g->mv || !g->ms || !g->order || !g->x1 || !g->perm) {
        ga_free(g);
        return NULL;
    }
    g->x2 = g->x1 + n_genes;
    g->c1 = g->x2 + n_genes;
    g->c2 = g->c1 + n_genes;
    return g;
}

/* Release a GA; NULL is a no-op. */
void
ga_free(ga *g)
{
    if (!g)
        return;
    free(g->lo);
    free(g->hi);
    free(g->pg);
    free(g->pv);
    free(g->ps);
    free(g->bg);
    free(g->mg);
    free(g->mv);
    free(g->ms);
    free(g->order);
    free(g->x1);
    free(g->perm);
    free(g);
}

/* Grow the merge buffers to hold m rows (only outside the inner loop). */
static int
ensure_merge(ga *g, size_t m)
{
    if (m <= g->mcap)
        return IMC_OK;
    int *mg = realloc(g->mg, m * g->n * sizeof *mg);
    if (mg)
        g->mg = mg;
    double *mv = realloc(g->mv, m * sizeof *mv);
    if (mv)
        g->mv = mv;
    double *ms = realloc(g->ms, m * sizeof *ms);
    if (ms)
        g->ms = ms;
    size_t *o = realloc(g->order, m * sizeof *o);
    if (o)
        g->order = o;
    if (!mg || !mv || !ms || !o)
        return IMC_EINPUT;
    g->mcap = m;
    return IMC_OK;
}

/* Set the operators; see ga.h. */
int
ga_set_params(ga *g, const ga_params *p)
{
    const double probs[] = {p->cx_prob, p->cx_gene_prob, p->cx_swap_prob,
                            p->mut_prob};
    for (int i = 0; i < 4; i++)
        if (!(probs[i] >= 0 && probs[i] <= 1))
            return IMC_EINPUT;
    if (!(p->cx_eta >= 0 && p->mut_eta >= 0 && p->mut_gene_prob <= 1))
        return IMC_EINPUT;
    g->par = *p;
    return IMC_OK;
}

/* ------------------------------------------------------------ helpers */

/* Round to the nearest integer, halves to even as numpy's round does (the
 * default rounding mode), then clip into the bounds. */
static int
round_gene(double x, double lo, double hi)
{
    double r = nearbyint(x);
    if (r < lo)
        r = lo;
    if (r > hi)
        r = hi;
    return (int)r;
}

static int
same(const int *a, const int *b, size_t n)
{
    return memcmp(a, b, n * sizeof *a) == 0;
}

/* 1 when x equals one of rows[0..m-1]. */
static int
found(const int *x, const int *rows, size_t m, size_t n)
{
    for (size_t i = 0; i < m; i++)
        if (same(x, rows + i * n, n))
            return 1;
    return 0;
}

/* Rank order of survival and restarts: violation, then score; NaN counts
 * as +infinity so a failed evaluation never looks best. */
static int
less(double va, double sa, double vb, double sb)
{
    va = isnan(va) ? INFINITY : va;
    vb = isnan(vb) ? INFINITY : vb;
    sa = isnan(sa) ? INFINITY : sa;
    sb = isnan(sb) ? INFINITY : sb;
    if (va < vb || va > vb)
        return va < vb;
    return sa < sb;
}

/* Stable insertion sort of order[0..m-1] by (v, s): the merged pool is at
 * most a few hundred rows. */
static void
sort_order(size_t *order, size_t m, const double *v, const double *s)
{
    for (size_t i = 0; i < m; i++)
        order[i] = i;
    for (size_t i = 1; i < m; i++) {
        size_t k = order[i], j = i;
        while (j > 0 && less(v[k], s[k], v[order[j - 1]], s[order[j - 1]])) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = k;
    }
}

/* Make the population the best pop of the merge buffer's m rows. */
static void
survive(ga *g, size_t m)
{
    sort_order(g->order, m, g->mv, g->ms);
    g->np = m < g->pop ? m : g->pop;
    for (size_t i = 0; i < g->np; i++) {
        size_t k = g->order[i];
        memcpy(g->pg + i * g->n, g->mg + k * g->n, g->n * sizeof *g->pg);
        g->pv[i] = g->mv[k];
        g->ps[i] = g->ms[k];
    }
}

/* ------------------------------------------------------------ initialize */

/* Bounds, rng and a random initial batch; see ga.h. */
int
ga_set(ga *g, const double *lo, const double *hi, gsl_rng *rng)
{
    for (size_t i = 0; i < g->n; i++)
        if (!(lo[i] <= hi[i]) || lo[i] - floor(lo[i]) > 0 ||
            hi[i] - floor(hi[i]) > 0)
            return IMC_EINPUT;
    memcpy(g->lo, lo, g->n * sizeof *lo);
    memcpy(g->hi, hi, g->n * sizeof *hi);
    g->rng = rng;
    g->ready = 1;
    g->generation = 0;
    g->np = 0;
    g->nb = 0;
    /* IntegerRandomSampling: each gene uniform over its integers; a
     * duplicate is redrawn, for at most 100 draws per member so a space
     * smaller than the population cannot loop forever. */
    for (size_t tries = 0; g->nb < g->pop && tries < 100 * g->pop; tries++) {
        int *x = g->bg + g->nb * g->n;
        for (size_t i = 0; i < g->n; i++)
            x[i] = (int)lo[i] + (int)gsl_rng_uniform_int(
                                    rng, (unsigned long)(hi[i] - lo[i]) + 1);
        if (!found(x, g->bg, g->nb, g->n))
            g->nb++;
    }
    g->pending = g->initial = 1;
    return IMC_OK;
}

/* Replace the initial batch; see ga.h. */
int
ga_set_initial(ga *g, const int *genes, size_t n)
{
    if (!g->ready || !g->initial || !g->pending)
        return IMC_EINPUT;
    if (n > g->bcap) {
        int *bg = realloc(g->bg, n * g->n * sizeof *bg);
        if (!bg)
            return IMC_EINPUT;
        g->bg = bg;
        g->bcap = n;
    }
    if (ensure_merge(g, g->pop + g->bcap) != IMC_OK)
        return IMC_EINPUT;
    memcpy(g->bg, genes, n * g->n * sizeof *genes);
    g->nb = n;
    return IMC_OK;
}

/* Restart from evaluated individuals; see ga.h. */
int
ga_restart(ga *g, const int *genes, const double *violation,
           const double *score, size_t n)
{
    if (!g->ready || n == 0 || ensure_merge(g, n) != IMC_OK)
        return IMC_EINPUT;
    memcpy(g->mg, genes, n * g->n * sizeof *genes);
    memcpy(g->mv, violation, n * sizeof *violation);
    memcpy(g->ms, score, n * sizeof *score);
    survive(g, n);
    g->pending = g->initial = 0;
    g->nb = 0;
    return IMC_OK;
}

/* ------------------------------------------------------------ operators */

/* SBX's spread factor for one gene (pymoo calc_betaq). */
static double
betaq(double beta, double eta, double u)
{
    double alpha = 2.0 - pow(beta, -(eta + 1.0));
    if (u <= 1.0 / alpha)
        return pow(u * alpha, 1.0 / (eta + 1.0));
    return pow(1.0 / (2.0 - u * alpha), 1.0 / (eta + 1.0));
}

/* Simulated binary crossover of one pair; see ga.h. */
void
ga_sbx(const ga_params *p, size_t n, const double *lo, const double *hi,
       const double *p1, const double *p2, double *c1, double *c2,
       gsl_rng *rng)
{
    for (size_t i = 0; i < n; i++) {
        c1[i] = p1[i];
        c2[i] = p2[i];
        /* genes too close (pymoo's eps 1e-14) or fixed are not crossed */
        if (!(gsl_rng_uniform(rng) < p->cx_gene_prob) ||
            !(fabs(p1[i] - p2[i]) > 1e-14) || !(hi[i] > lo[i]))
            continue;
        double y1 = p1[i] < p2[i] ? p1[i] : p2[i];
        double y2 = p1[i] < p2[i] ? p2[i] : p1[i];
        double delta = y2 - y1, u = gsl_rng_uniform(rng);
        double a = y1 + y2;
        double b1 = betaq(1.0 + 2.0 * (y1 - lo[i]) / delta, p->cx_eta, u);
        double b2 = betaq(1.0 + 2.0 * (hi[i] - y2) / delta, p->cx_eta, u);
        double v1 = 0.5 * (a - b1 * delta), v2 = 0.5 * (a + b2 * delta);
        if (gsl_rng_uniform(rng) < p->cx_swap_prob) {
            double t = v1;
            v1 = v2;
            v2 = t;
        }
        c1[i] = v1 < lo[i] ? lo[i] : v1 > hi[i] ? hi[i] : v1;
        c2[i] = v2 < lo[i] ? lo[i] : v2 > hi[i] ? hi[i] : v2;
    }
}

/* Polynomial mutation in place; see ga.h. */
void
ga_pm(double eta, double gene_prob, size_t n, const double *lo,
      const double *hi, double *x, gsl_rng *rng)
{
    double mut_pow = 1.0 / (eta + 1.0);
    for (size_t i = 0; i < n; i++) {
        if (!(gsl_rng_uniform(rng) < gene_prob) || !(hi[i] > lo[i]))
            continue;
        double range = hi[i] - lo[i];
        double d1 = (x[i] - lo[i]) / range, d2 = (hi[i] - x[i]) / range;
        double u = gsl_rng_uniform(rng), dq;
        if (u <= 0.5) {
            double val = 2.0 * u + (1.0 - 2.0 * u) * pow(1.0 - d1, eta + 1.0);
            dq = pow(val, mut_pow) - 1.0;
        } else {
            double val = 2.0 * (1.0 - u) +
                         2.0 * (u - 0.5) * pow(1.0 - d2, eta + 1.0);
            dq = 1.0 - pow(val, mut_pow);
        }
        double y = x[i] + dq * range;
        x[i] = y < lo[i] ? lo[i] : y > hi[i] ? hi[i] : y;
    }
}

/* Binary tournament comparison; see ga.h. */
int
ga_compare(double va, double sa, double vb, double sb, gsl_rng *rng)
{
    /* pymoo comp_by_cv_and_fitness: constraint violation decides when
     * either side is infeasible, fitness otherwise; equal -> random */
    double ka = sa, kb = sb;
    if (va > 0 || vb > 0) {
        ka = va;
        kb = vb;
    }
    ka = isnan(ka) ? INFINITY : ka;
    kb = isnan(kb) ? INFINITY : kb;
    if (ka < kb)
        return 0;
    if (kb < ka)
        return 1;
    return gsl_rng_uniform(rng) < 0.5 ? 0 : 1;
}

/* One tournament winner: two competitors taken from concatenated random
 * permutations of the population (pymoo TournamentSelection). */
static size_t
select_parent(ga *g)
{
    size_t c[2];
    for (int k = 0; k < 2; k++) {
        if (g->perm_pos == g->np) {
            for (size_t i = 0; i < g->np; i++)
                g->perm[i] = i;
            gsl_ran_shuffle(g->rng, g->perm, g->np, sizeof *g->perm);
            g->perm_pos = 0;
        }
        c[k] = g->perm[g->perm_pos++];
    }
    return c[ga_compare(g->pv[c[0]], g->ps[c[0]], g->pv[c[1]], g->ps[c[1]],
                        g->rng)];
}

/* Mate one pair into the child rows out1 and out2 (integers). */
static void
mate(ga *g, int *out1, int *out2)
{
    const int *a = g->pg + select_parent(g) * g->n;
    const int *b = g->pg + select_parent(g) * g->n;
    /* pymoo's PM default per-gene probability: min(0.5, 1 / n_genes) */
    double mp = g->par.mut_gene_prob > 0 ? g->par.mut_gene_prob
                : g->n > 2                ? 1.0 / (double)g->n
                                          : 0.5;
    for (size_t i = 0; i < g->n; i++) {
        g->x1[i] = a[i];
        g->x2[i] = b[i];
    }
    if (gsl_rng_uniform(g->rng) < g->par.cx_prob) {
        ga_sbx(&g->par, g->n, g->lo, g->hi, g->x1, g->x2, g->c1, g->c2,
               g->rng);
        /* RoundingRepair after crossover, as the reference configures */
        for (size_t i = 0; i < g->n; i++) {
            g->c1[i] = round_gene(g->c1[i], g->lo[i], g->hi[i]);
            g->c2[i] = round_gene(g->c2[i], g->lo[i], g->hi[i]);
        }
    } else {
        memcpy(g->c1, g->x1, g->n * sizeof *g->c1);
        memcpy(g->c2, g->x2, g->n * sizeof *g->c2);
    }
    double *c[2] = {g->c1, g->c2};
    int *out[2] = {out1, out2};
    for (int k = 0; k < 2; k++) {
        if (gsl_rng_uniform(g->rng) < g->par.mut_prob)
            ga_pm(g->par.mut_eta, mp, g->n, g->lo, g->hi, c[k], g->rng);
        for (size_t i = 0; i < g->n; i++)
            out[k][i] = round_gene(c[k][i], g->lo[i], g->hi[i]);
    }
}

/* ------------------------------------------------------------ iterate */

/* Breed the next offspring batch; see ga.h. */
int
ga_iterate(ga *g)
{
    if (!g->ready || g->pending)
        return IMC_OK;
    int *child = g->mg;  /* the merge buffer is free until ga_tell */
    g->nb = 0;
    for (unsigned round = 0; round < g->par.max_rounds && g->nb < g->pop;
         round++) {
        /* one pymoo mating round: ceil(remaining / 2) pairs, then
         * duplicates of the population, of the batch and of each other
         * are dropped and the survivors appended */
        size_t want = g->pop - g->nb;
        size_t nmat = (want + 1) / 2;
        g->perm_pos = g->np;
        for (size_t m = 0; m < nmat; m++) {
            mate(g, child, child + g->n);
            for (int k = 0; k < 2 && g->nb < g->pop; k++) {
                const int *x = child + (size_t)k * g->n;
                if (found(x, g->pg, g->np, g->n) ||
                    found(x, g->bg, g->nb, g->n))
                    continue;
                memcpy(g->bg + g->nb * g->n, x, g->n * sizeof *x);
                g->nb++;
            }
        }
    }
    g->pending = 1;
    g->initial = 0;
    return IMC_OK;
}

/* The batch to evaluate; see ga.h. */
size_t
ga_ask(const ga *g, const int **genes)
{
    *genes = g->bg;
    return g->pending ? g->nb : 0;
}

/* Take the batch's values and run survival; see ga.h. */
int
ga_tell(ga *g, const double *violation, const double *score)
{
    if (!g->pending)
        return IMC_EINPUT;
    size_t m = 0;
    if (!g->initial) {
        memcpy(g->mg, g->pg, g->np * g->n * sizeof *g->pg);
        memcpy(g->mv, g->pv, g->np * sizeof *g->pv);
        memcpy(g->ms, g->ps, g->np * sizeof *g->ps);
        m = g->np;
    }
    memcpy(g->mg + m * g->n, g->bg, g->nb * g->n * sizeof *g->bg);
    if (g->nb) {
        memcpy(g->mv + m, violation, g->nb * sizeof *violation);
        memcpy(g->ms + m, score, g->nb * sizeof *score);
    }
    survive(g, m + g->nb);
    g->pending = g->initial = 0;
    g->nb = 0;
    g->generation++;
    return IMC_OK;
}

/* ------------------------------------------------------------ test */

/* Stop once max_generations generations are told; see ga.h. */
int
ga_test(const ga *g, size_t max_generations)
{
    return g->generation < max_generations ? GA_CONTINUE : 0;
}

/* Generations told so far. */
size_t
ga_generation(const ga *g)
{
    return g->generation;
}

/* Genes per individual. */
size_t
ga_ngenes(const ga *g)
{
    return g->n;
}

/* Evaluated population size (0 before the first ga_tell). */
size_t
ga_population(const ga *g)
{
    return g->np;
}

/* Member i of the sorted population (0 is the best). */
void
ga_member(const ga *g, size_t i, const int **genes, double *violation,
          double *score)
{
    *genes = g->pg + i * g->n;
    *violation = g->pv[i];
    *score = g->ps[i];
}

/* The best member; see ga.h. */
int
ga_best(const ga *g, int *genes, double *violation, double *score)
{
    if (g->np == 0)
        return IMC_EINPUT;
    memcpy(genes, g->pg, g->n * sizeof *genes);
    *violation = g->pv[0];
    *score = g->ps[0];
    return IMC_OK;
}

/* ------------------------------------------------------------ thinning */

/* Greedy max-min Hamming thinning; see ga.h. */
int
ga_thin_hamming(const int *genes, size_t n, size_t n_genes, size_t keep,
                size_t *out)
{
    if (keep > n)
        return IMC_EINPUT;
    if (keep == 0)
        return IMC_OK;
    /* mind[j]: smallest Hamming distance from j to the chosen set, or
     * SIZE_MAX once j is chosen */
    size_t *mind = malloc(n * sizeof *mind);
    if (!mind)
        return IMC_EINPUT;
    for (size_t j = 0; j < n; j++)
        mind[j] = n_genes + 1;
    size_t pick = 0;
    for (size_t c = 0; c < keep; c++) {
        out[c] = pick;
        mind[pick] = (size_t)-1;
        const int *x = genes + pick * n_genes;
        size_t best = (size_t)-1, bestd = 0;
        for (size_t j = 0; j < n; j++) {
            if (mind[j] == (size_t)-1)
                continue;
            size_t d = 0;
            for (size_t i = 0; i < n_genes; i++)
                d += genes[j * n_genes + i] != x[i];
            if (d < mind[j])
                mind[j] = d;
            if (best == (size_t)-1 || mind[j] > bestd) {
                best = j;
                bestd = mind[j];
            }
        }
        pick = best;
    }
    free(mind);
    return IMC_OK;
}
