/* seq-search: P2's sequential search (one parameter group at a time, each a
 * single-phase GA) for the chip that minimises an energy-latency-area
 * objective over one or more workloads. */
#include "cli.h"
#include "csvio.h"
#include "err.h"
#include "options.h"
#include "seqsearch.h"

/* The provenance comment line of every output. */
static void
write_comment(FILE *fp, const ss_options *o)
{
    fprintf(fp, "# seq-search seeds=%lu", o->seeds[0]);
    if (o->nseeds > 1)
        fprintf(fp, "..%lu(%zu)", o->seeds[o->nseeds - 1], o->nseeds);
    fprintf(fp, " start=%s steps=%s starts=%s space=%s rng=%s objective=%s "
            "area_max_mm2=%.10g latency=%s\n", o->start, o->steps_path,
            o->starts_path, o->space_path, gsl_rng_mt19937->name,
            search_objective_name(o->objective), o->area_max_mm2,
            cost_latency_name(o->model.latency));
}

/* Read the inputs into the search options *so (steps into steps[]). */
static int
read_inputs(const ss_options *o, space *sp, seqsearch_step *steps,
            seqsearch_opts *so, net ***nets, cost_model **model)
{
    int st = space_read(o->space_path, sp);
    if (st == IMC_OK)
        st = seqsearch_read_steps(o->steps_path, o->start, sp, steps,
                                  SEQSEARCH_MAX_STEPS, &so->nsteps);
    if (st == IMC_OK)
        st = seqsearch_read_start(o->starts_path, o->start, sp, &so->start);
    if (st == IMC_OK)
        st = net_read_tables((char *const *)o->layers, o->nlayers, nets);
    if (st == IMC_OK && !(*model = cli_model_load(&o->model)))
        st = IMC_EINPUT;
    so->space = sp;
    so->model = *model;
    so->nets = (const net *const *)*nets;
    so->nnets = o->nlayers;
    so->objective = o->objective;
    so->area_max_mm2 = o->area_max_mm2;
    so->mode = o->model.latency;
    so->start_name = o->start;
    so->steps = steps;
    return st;
}

/* Run every seed into the open outputs; warn about infeasible end points. */
static int
run(const ss_options *o, const seqsearch_opts *so, csvio_out *out, int nout)
{
    seqsearch *q = seqsearch_alloc(so);
    if (!q)
        return IMC_EINPUT;
    garun_write_best_header(out[0].fp);
    if (nout > 1)
        seqsearch_write_steps_header(out[1].fp);
    seqsearch_summary sum;
    int st = seqsearch_run_seeds(q, o->seeds, o->nseeds, out[0].fp,
                                 nout > 1 ? out[1].fp : NULL, &sum);
    if (st == IMC_OK && sum.ninfeasible)
        fprintf(stderr, "%s: warning: the sequential search from start '%s' "
                "ends infeasible for %zu of %zu seeds (seed %lu: violation "
                "%.3g); their rows have feasible=0\n", imc_err_program(),
                o->start, sum.ninfeasible, sum.nseeds, sum.first_seed,
                sum.first_violation);
    seqsearch_free(q);
    return st;
}

int
main(int argc, char **argv)
{
    ss_options o;
    cli_init(argv[0]);
    int st = ss_options_parse(argc, argv, &o);
    if (st != IMC_OK)
        return st;
    space sp;
    seqsearch_step steps[SEQSEARCH_MAX_STEPS];
    seqsearch_opts so;
    net **nets = NULL;
    cost_model *model = NULL;
    st = read_inputs(&o, &sp, steps, &so, &nets, &model);
    /* every output is written to a temporary and committed together */
    csvio_out out[2];
    csvio_out *commit[2] = {&out[0], &out[1]};
    const char *path[2] = {o.final, o.steps_out};
    int nout = 0;
    for (int k = 0; st == IMC_OK && k < (o.steps_out ? 2 : 1); k++)
        if ((st = csvio_out_open(&out[k], path[k])) == IMC_OK) {
            nout++;
            write_comment(out[k].fp, &o);
        }
    if (st == IMC_OK)
        st = run(&o, &so, out, nout);
    if (st == IMC_OK)
        st = csvio_out_commit_all(commit, (size_t)nout);
    else
        for (int k = 0; k < nout; k++)
            csvio_out_abort(&out[k]);
    net_free_all(nets, nets ? o.nlayers : 0);
    cost_model_free(model);
    ss_options_free(&o);
    return st;
}
