/* summarise: medians, quantiles and bootstrap intervals of long CSVs'
 * metric columns over replicates, per group. */
#include "csvio.h"
#include "err.h"
#include "options.h"
#include "summary.h"

#include <stdio.h>

int
main(int argc, char **argv)
{
    sm_options o;
    cli_init(argv[0]);
    int st = sm_options_parse(argc, argv, &o);
    if (st)
        return st;
    summary_table *t = summary_table_alloc(o.group, o.ngroup, o.metric,
                                           o.nmetric, o.rep, o.pattern);
    st = t ? IMC_OK : IMC_EINPUT;
    for (size_t i = 0; i < o.nfiles && !st; i++)
        st = summary_table_add(t, o.files[i]);
    csvio_out out;
    if (!st && !(st = csvio_out_open(&out, o.common.output))) {
        fprintf(out.fp, "# summarise seed=%lu rng=mt19937 resamples=%lu "
                "level=%.10g\n", o.seed, o.resamples, o.level);
        st = summary_table_write(out.fp, t, o.seed, o.resamples, o.level);
        csvio_out *all[] = {&out};
        if (st)
            csvio_out_abort(&out);
        else
            st = csvio_out_commit_all(all, 1);
    }
    summary_table_free(t);
    return st;
}
