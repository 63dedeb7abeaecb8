/* convergence: searches' best-so-far scores against the exact optimum
 * (P2's EA against P1's GA), from ga-search histories. */
#include "converge.h"
#include "csvio.h"
#include "err.h"
#include "options.h"

#include <stdio.h>

int
main(int argc, char **argv)
{
    static cv_options o;
    cli_init(argv[0]);
    int st = cv_options_parse(argc, argv, &o);
    if (st)
        return st;
    converge_result *r;
    if ((st = converge_run(&o.q, &r)))
        return st;
    csvio_out curves, sum = {0};
    csvio_out *all[] = {&curves, &sum};
    if (!(st = csvio_out_open(&curves, o.common.output)) && o.summary &&
        (st = csvio_out_open(&sum, o.summary)))
        csvio_out_abort(&curves);
    if (!st) {
        fprintf(curves.fp, "# convergence within=%.10g\n", o.q.within_pct);
        st = converge_write_curves(curves.fp, r);
        if (!st && o.summary) {
            fprintf(sum.fp, "# convergence within=%.10g\n", o.q.within_pct);
            st = converge_write_summary(sum.fp, r);
        }
        if (st) {
            csvio_out_abort(&curves);
            csvio_out_abort(&sum);
        } else
            st = csvio_out_commit_all(all, o.summary ? 2 : 1);
    }
    if (!st && converge_ninfeasible(r))
        fprintf(stderr, "%s: warning: %zu seed(s) end without a feasible "
                "design; they count in n_seeds only\n", imc_err_program(),
                converge_ninfeasible(r));
    converge_free(r);
    return st;
}
