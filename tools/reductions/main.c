/* reductions: P2's EDAP-reduction table, the joint design against
 * baseline designs per workload and in aggregate. */
#include "csvio.h"
#include "err.h"
#include "options.h"
#include "reduce.h"

#include <stdio.h>

int
main(int argc, char **argv)
{
    static const char *const pick_names[] = {"best", "median", "seed"};
    rd_options o;
    cli_init(argv[0]);
    int st = rd_options_parse(argc, argv, &o);
    if (st)
        return st;
    reduce_result *r;
    if ((st = reduce_read(&o.q, &r)))
        return st;
    csvio_out out;
    if (!(st = csvio_out_open(&out, o.common.output))) {
        fprintf(out.fp, "# reductions select=%s", pick_names[o.q.pick]);
        if (o.q.pick == REDUCE_PICK_SEED)
            fprintf(out.fp, ":%lu", o.q.seed);
        fprintf(out.fp, " aggregate=%s\n", o.aggregate);
        reduce_write(out.fp, r);
        csvio_out *all[] = {&out};
        st = csvio_out_commit_all(all, 1);
    }
    if (!st && reduce_joint_infeasible_p(r))
        fprintf(stderr, "%s: warning: the joint design is not feasible on "
                "every workload; its reductions are empty\n",
                imc_err_program());
    else if (!st && reduce_ninfeasible(r))
        fprintf(stderr, "%s: warning: %zu of %zu baselines are not feasible "
                "on every workload; their aggregate rows are empty\n",
                imc_err_program(), reduce_ninfeasible(r), o.q.nbase);
    reduce_free(r);
    return st;
}
