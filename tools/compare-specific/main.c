/* compare-specific: joint design vs workload-specific and largest-workload
 * designs (P1's generalisation loss and gain), from evaluation files. */
#include "compare.h"
#include "csvio.h"
#include "err.h"
#include "options.h"

#include <stdio.h>

int
main(int argc, char **argv)
{
    static const char *const select_names[] = {"single", "replicates",
                                               "seed", "best"};
    cs_options o;
    cli_init(argv[0]);
    int st = cs_options_parse(argc, argv, &o);
    if (st)
        return st;
    compare_study *c;
    if ((st = compare_read(&o.q, &c)))
        return st;
    csvio_out out;
    if (!(st = csvio_out_open(&out, o.common.output))) {
        fprintf(out.fp, "# compare-specific selection=%s",
                select_names[o.q.select]);
        if (o.q.select == COMPARE_SELECT_SEED)
            fprintf(out.fp, " seed=%lu", o.q.seed);
        if (o.q.select == COMPARE_SELECT_ONLY)
            fprintf(out.fp, " label=%s", o.q.label ? o.q.label : "single");
        fprintf(out.fp, " aggregate=%s\n",
                o.aggregate ? o.aggregate : "none");
        compare_write(out.fp, c);
        csvio_out *all[] = {&out};
        st = csvio_out_commit_all(all, 1);
    }
    size_t bad = compare_ninfeasible(c);
    if (!st && bad)
        fprintf(stderr, "%s: warning: %zu of %zu replicates have a design "
                "without a feasible row; their metrics are empty\n",
                imc_err_program(), bad, compare_nreplicates(c));
    compare_free(c);
    return st;
}
