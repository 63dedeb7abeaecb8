/* t/161-ga-ops.c: SBX (ga_sbx) and polynomial mutation (ga_pm) against
 * values computed by hand from pymoo 0.6's formulas, with every random
 * draw fixed: a tiny GSL generator type (`scripted`) hands out a given
 * list of uniforms in order, so the test knows each draw and checks that
 * the operators take exactly as many as the derivation says.
 *
 * pymoo's SBX (operators/crossover/sbx.py, cross_sbx and calc_betaq), per
 * gene crossed, with y1 <= y2 the parents' values in [xl, xu], delta =
 * y2 - y1, eta the distribution index and u the gene's uniform:
 *   beta = 1 + 2 (y1 - xl) / delta      (child 1; child 2: 1 + 2 (xu - y2)
 *                                        / delta)
 *   alpha = 2 - beta^-(eta + 1)
 *   betaq = (u alpha)^(1/(eta+1))            when u <= 1/alpha
 *         = (1 / (2 - u alpha))^(1/(eta+1))  otherwise
 *   c1 = (y1 + y2 - betaq1 delta) / 2,  c2 = (y1 + y2 + betaq2 delta) / 2
 * then the two children swap the gene with probability 0.5.  ga_sbx draws,
 * per gene: the crossing draw (cross when < 0.5), and for a crossed gene
 * whose parents differ by more than 1e-14 in a non-degenerate range, u and
 * the swap draw (swap when < 0.5).
 *
 * pymoo's PM (operators/mutation/pm.py, mut_pm), per mutated gene, with
 * d1 = (x - xl)/(xu - xl), d2 = (xu - x)/(xu - xl), p = 1/(eta + 1):
 *   u <= 0.5: val = 2u + (1 - 2u)(1 - d1)^(eta+1),        dq = val^p - 1
 *   u >  0.5: val = 2(1-u) + 2(u - 0.5)(1 - d2)^(eta+1),  dq = 1 - val^p
 *   x' = x + dq (xu - xl), clipped to [xl, xu].
 * ga_pm draws, per gene: the mutation draw (mutate when < gene_prob), and
 * for a mutated gene in a non-degenerate range, u.
 */
#include "ga.h"
#include "tap.h"

#include <gsl/gsl_rng.h>
#include <stddef.h>

/* ---- the scripted generator ------------------------------------------- */

static const double *script;
static size_t script_n, script_at;

static void
scripted_set(void *state, unsigned long seed)
{
    (void)state;
    (void)seed;
}

static double
scripted_get_double(void *state)
{
    (void)state;
    if (script_at >= script_n)
        bail("the operator took draw %zu of a script of %zu", script_at + 1,
             script_n);
    return script[script_at++];
}

static unsigned long
scripted_get(void *state)
{
    return (unsigned long)(scripted_get_double(state) * 4294967296.0);
}

static const gsl_rng_type scripted = {
    "scripted", 4294967295UL, 0, sizeof(int), scripted_set, scripted_get,
    scripted_get_double};

static void
play(const double *draws, size_t n)
{
    script = draws;
    script_n = n;
    script_at = 0;
}

/* ---- SBX -------------------------------------------------------------- */

/* eta = 3 (P1's SBX, docs/framework.md section 5.1); five genes:
 * gene 0: parents 2 and 6 in [0, 10]; draws 0.2 (cross), u = 0.3, 0.9 (no
 *   swap).  delta = 4.
 *   child 1: beta = 1 + 2 * 2/4 = 2, alpha = 2 - 2^-4 = 1.9375; u = 0.3 <=
 *   1/alpha = 0.516: betaq = (0.3 * 1.9375)^(1/4) = 0.58125^0.25 =
 *   0.8731537861; c1 = (8 - 4 * 0.8731537861) / 2 = 2.253692428.
 *   child 2: beta = 1 + 2 * 4/4 = 3, alpha = 2 - 3^-4 = 161/81 =
 *   1.987654321; u <= 1/alpha = 0.503: betaq = (0.3 * 161/81)^0.25 =
 *   0.5962962963^0.25 = 0.8787503843; c2 = (8 + 4 * 0.8787503843) / 2 =
 *   5.757500769.
 * gene 1: parents 5 and 8; draw 0.7: not crossed, children = parents.
 * gene 2: parents 7 and 7; draw 0.1 selects it, but equal parents are not
 *   crossed: 7 and 7, no further draw.
 * gene 3: parents 3.5 and 1 in [0, 4] (y1 = 1, y2 = 3.5, delta = 2.5);
 *   draws 0.1 (cross), u = 0.9, 0.2 (swap).
 *   child 1: beta = 1 + 2 * 1/2.5 = 1.8, alpha = 2 - 1.8^-4 = 2 -
 *   1/10.4976 = 1.904740131; u = 0.9 > 1/alpha = 0.525: betaq = (1 / (2 -
 *   0.9 * 1.904740131))^0.25 = (1/0.2857338820)^0.25 = 1.367758948;
 *   v1 = (4.5 - 2.5 * 1.367758948) / 2 = 0.5403013152.
 *   child 2: beta = 1 + 2 * 0.5/2.5 = 1.4, alpha = 2 - 1.4^-4 = 2 -
 *   1/3.8416 = 1.739691795; u > 1/alpha = 0.575: betaq = (1 / (2 - 0.9 *
 *   1.739691795))^0.25 = (1/0.4342773844)^0.25 = 1.231851046; v2 = (4.5 +
 *   2.5 * 1.231851046) / 2 = 3.789813808.
 *   Swapped: c1 = 3.789813808, c2 = 0.5403013152.
 * gene 4: parents 3 and 3 in [3, 3]; draw 0.4: nothing to cross.
 * Nine draws in all. */
static void
test_sbx(gsl_rng *rng)
{
    const double lo[5] = {0, 0, 0, 0, 3}, hi[5] = {10, 10, 10, 4, 3};
    const double p1[5] = {2, 5, 7, 3.5, 3}, p2[5] = {6, 8, 7, 1, 3};
    const double draws[] = {0.2, 0.3, 0.9, 0.7, 0.1, 0.1, 0.9, 0.2, 0.4};
    const double want1[5] = {2.25369242789382, 5, 7, 3.7898138075390833, 3};
    const double want2[5] = {5.757500768649444, 8, 7, 0.5403013152328664, 3};
    double c1[5], c2[5];
    ga_params p = ga_params_p1;
    play(draws, sizeof draws / sizeof draws[0]);
    ga_sbx(&p, 5, lo, hi, p1, p2, c1, c2, rng);
    is_int(9, (long)script_at, "SBX took the nine draws of the derivation");
    for (int i = 0; i < 5; i++) {
        is_double(want1[i], c1[i], 1e-12, "SBX gene %d, child 1: %.10g", i,
                  want1[i]);
        is_double(want2[i], c2[i], 1e-12, "SBX gene %d, child 2: %.10g", i,
                  want2[i]);
    }
    /* gene 0 again with the swap draw below 0.5: the children trade */
    const double swap[] = {0.2, 0.3, 0.1};
    play(swap, 3);
    ga_sbx(&p, 1, lo, hi, p1, p2, c1, c2, rng);
    is_double(want2[0], c1[0], 1e-12, "swap: child 1 gets 5.757500769");
    is_double(want1[0], c2[0], 1e-12, "swap: child 2 gets 2.253692428");
    /* the crossing probability is a parameter: at 0 no gene crosses and
     * each gene takes its one draw */
    const double none[] = {0.0, 0.0, 0.0, 0.0, 0.0};
    p.cx_gene_prob = 0;
    play(none, 5);
    ga_sbx(&p, 5, lo, hi, p1, p2, c1, c2, rng);
    int same = 1;
    for (int i = 0; i < 5; i++)
        same &= !(c1[i] < p1[i] || c1[i] > p1[i] || c2[i] < p2[i] ||
                  c2[i] > p2[i]);
    ok(same && script_at == 5, "cx_gene_prob 0: children = parents, one "
       "draw per gene");
}

/* ---- PM --------------------------------------------------------------- */

/* eta = 3, gene probability 0.5; five genes:
 * gene 0: x = 4 in [0, 10]; draws 0.1 (mutate), u = 0.25.  d1 = 0.4;
 *   val = 2 * 0.25 + (1 - 0.5) * 0.6^4 = 0.5 + 0.5 * 0.1296 = 0.5648;
 *   dq = 0.5648^(1/4) - 1 = 0.8669093200 - 1 = -0.1330906800;
 *   x' = 4 - 1.330906800 = 2.669093200.
 * gene 1: x = 3; draw 0.9: not mutated.
 * gene 2: x = 9 in [0, 10]; draws 0.3, u = 0.75.  d2 = 0.1;
 *   val = 2 * 0.25 + 2 * 0.25 * 0.9^4 = 0.5 + 0.5 * 0.6561 = 0.82805;
 *   dq = 1 - 0.82805^(1/4) = 1 - 0.9539248016 = 0.04607519843;
 *   x' = 9 + 0.4607519843 = 9.460751984.
 * gene 3: x = 1 in [0, 2]; draws 0.2, u = 0.5: val = 1 + 0 = 1, dq = 0:
 *   x stays 1.
 * gene 4: x = 5 in [5, 5]; draw 0.1, but a degenerate range: no u.
 * Eight draws in all. */
static void
test_pm(gsl_rng *rng)
{
    const double lo[5] = {0, 0, 0, 0, 5}, hi[5] = {10, 10, 10, 2, 5};
    double x[5] = {4, 3, 9, 1, 5};
    const double draws[] = {0.1, 0.25, 0.9, 0.3, 0.75, 0.2, 0.5, 0.1};
    const double want[5] = {2.669093200111748, 3, 9.460751984260904, 1, 5};
    play(draws, sizeof draws / sizeof draws[0]);
    ga_pm(3.0, 0.5, 5, lo, hi, x, rng);
    is_int(8, (long)script_at, "PM took the eight draws of the derivation");
    for (int i = 0; i < 5; i++)
        is_double(want[i], x[i], 1e-12, "PM gene %d: %.10g", i, want[i]);
    /* gene probability 1: every gene mutates.  At a bound the step
     * vanishes: x = xl, u = 0: val = 0 + 1 * (1 - 0)^4 = 1, dq = 0; x =
     * xu, u = 1 - 1e-9: val = 2e-9 + 2 (0.5 - 1e-9) * (1 - 0)^4 = 1, dq =
     * 0 */
    double y[2] = {0, 10};
    const double lo2[2] = {0, 0}, hi2[2] = {10, 10};
    const double edge[] = {0.0, 0.0, 0.0, 1 - 1e-9};
    play(edge, 4);
    ga_pm(3.0, 1.0, 2, lo2, hi2, y, rng);
    is_double(0, y[0], 1e-12, "u = 0 at the lower bound: stays at 0");
    is_double(10, y[1], 1e-12, "u ~ 1 at the upper bound: stays at 10");
}

int
main(void)
{
    plan(22);
    gsl_rng *rng = gsl_rng_alloc(&scripted);
    if (!rng)
        bail("cannot allocate the scripted generator");
    test_sbx(rng);
    test_pm(rng);
    gsl_rng_free(rng);
    return 0;
}
