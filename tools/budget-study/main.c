/* budget-study: how much of P1's joint-vs-largest gains one run per
 * search, at a given search budget, explains. */
#include "budget.h"
#include "csvio.h"
#include "err.h"
#include "options.h"

#include <stdio.h>

int
main(int argc, char **argv)
{
    static bs_options o;
    cli_init(argv[0]);
    int st = bs_options_parse(argc, argv, &o);
    if (st)
        return st;
    budget_result *r;
    if ((st = budget_run(&o.q, &r)))
        return st;
    int (*const write[3])(FILE *, const budget_result *) = {
        budget_write_distribution, budget_write_fractions,
        budget_write_runs};
    csvio_out out[3];
    csvio_out *all[3];
    size_t n = 0;
    for (int k = 0; k < 3 && !st; k++) {
        if (k > 0 && !o.path[k])
            continue;
        if ((st = csvio_out_open(&out[n], o.path[k])))
            break;
        all[n] = &out[n];
        fprintf(out[n].fp, "# budget-study seed=%lu rng=mt19937 draws=%lu "
                "largest=%s\n", o.q.seed, o.q.draws, o.q.largest);
        st = write[k](out[n++].fp, r);
    }
    for (size_t k = 0; st && k < n; k++)
        csvio_out_abort(&out[k]);
    if (!st)
        st = csvio_out_commit_all(all, n);
    const char *bname, *label = budget_first_impossible(r, &bname);
    if (!st && label)
        fprintf(stderr, "%s: warning: %zu case(s) have too few feasible runs "
                "for a draw (first: budget '%s', case '%s'); their rows are "
                "empty\n", imc_err_program(), budget_nimpossible(r), bname,
                label);
    if (!st && budget_nexcluded(r))
        fprintf(stderr, "%s: warning: %zu of %zu runs found no feasible "
                "design and are left out\n", imc_err_program(),
                budget_nexcluded(r), budget_nruns(r));
    budget_free(r);
    return st;
}
