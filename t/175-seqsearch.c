/* 175-seqsearch: the sequential search: a space restricted to one group,
 * the steps and starts files (order, max/min resolution, every error
 * message), then runs through the real cost model (experiments/constants/
 * rram.csv) on t/data/seq-search/space.csv: each step starts where the
 * previous one ended, and with a population as large as a step's space the
 * step's best is the brute-force optimum of that space; reruns are
 * identical; an impossible area limit ends infeasible and says so. */
#include "err.h"
#include "seqsearch.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *RRAM = "experiments/constants/rram.csv";
static char tmp_path[] = "/tmp/imc-175-XXXXXX";

static void
quiet(const char *msg)
{
    (void)msg;
}

/* Write text to the test's temporary file and return its path. */
static const char *
file_with(const char *text)
{
    FILE *fp = fopen(tmp_path, "w");
    if (!fp || fputs(text, fp) < 0 || fclose(fp) != 0)
        bail("cannot write %s", tmp_path);
    return tmp_path;
}

/* Expected message "tmp:line: what". */
static const char *
at_line(long line, const char *what)
{
    static char buf[512];
    snprintf(buf, sizeof buf, "%s:%ld: %s", tmp_path, line, what);
    return buf;
}

/* 1 when two designs have the same memory type and parameter values. */
static int
same_design(const design *a, const design *b)
{
    if (a->memory != b->memory)
        return 0;
    for (int k = 0; k < DESIGN_NPARAM; k++)
        if (fabs(design_get_param(a, k) - design_get_param(b, k)) > 0)
            return 0;
    return 1;
}

/* 1 when d's parameters (design.h's order) are exactly want[]. */
static int
has_params(const design *d, const double *want)
{
    for (int k = 0; k < DESIGN_NPARAM; k++)
        if (fabs(design_get_param(d, k) - want[k]) > 0)
            return 0;
    return 1;
}

static void
read_space(space *s)
{
    char path[512];
    snprintf(path, sizeof path, "%s/seq-search/space.csv", tap_data());
    if (space_read(path, s) != IMC_OK)
        bail("cannot read %s", path);
}

/* ------------------------------------------------------------ restriction */

static void
test_restrict(void)
{
    space s, r;
    read_space(&s);
    const int g[9] = {1, 2, 1, 0, 2, 1, 1, 2, 0};
    design at, d;
    space_decode(&s, g, &at);
    const int circuit[2] = {DESIGN_COLS, DESIGN_ROWS};
    is_int(IMC_OK, seqsearch_restrict(&s, &at, circuit, 2, &r),
           "restrict to cols, rows");
    is_int(2, space_ngenes(&r), "two genes");
    ok(r.gene_param[0] == DESIGN_ROWS && r.gene_param[1] == DESIGN_COLS,
       "in design.h's order (rows, cols), not the order listed");
    is_double(9, space_size(&r), 0, "3 x 3 designs");
    is_int(1, r.nvalues[DESIGN_VOLTAGE], "voltage fixed");
    is_double(0.7, r.values[DESIGN_VOLTAGE][0], 0, "... at the design's 0.7 V");
    is_double(64, r.values[DESIGN_MACROS][0], 0, "macros fixed at 64");
    ok(space_decode(&r, (const int[]){2, 1}, &d) == IMC_OK &&
       has_params(&d, (const double[]){0.7, 4, 4, 512, 128, 4, 16, 64, 0.5,
                                       32}),
       "a restricted design: rows 512, cols 128, the rest from the design");
    int back[DESIGN_NPARAM];
    ok(space_encode(&s, &d, back) == IMC_OK && back[3] == 2 && back[4] == 1 &&
       back[0] == 1 && back[7] == 2, "... is a design of the full space");

    design off = at;
    off.rows = 100;
    is_int(IMC_EINPUT, seqsearch_restrict(&s, &off, circuit, 2, &r),
           "a design outside the space");
    is_int(IMC_EINPUT, seqsearch_restrict(&s, &at, (const int[]){12}, 1, &r),
           "a parameter index out of range");
    is_int(IMC_OK, seqsearch_restrict(&s, &at, circuit, 0, &r),
           "an empty group");
    is_int(0, space_ngenes(&r), "... fixes everything");

    seqsearch_step st = {.nparams = 2,
                         .params = {DESIGN_TECH, DESIGN_BPC}};
    is_int(1, seqsearch_step_ngenes(&s, &st), "tech_nm + bits_per_cell: 1 "
           "gene (the node has one value)");
    st.nparams = 1;
    is_int(0, seqsearch_step_ngenes(&s, &st), "tech_nm alone: none");
}

/* ------------------------------------------------------------ files */

static void
test_steps_file(void)
{
    space s;
    read_space(&s);
    char path[512];
    snprintf(path, sizeof path, "%s/seq-search/steps.csv", tap_data());
    seqsearch_step st[SEQSEARCH_MAX_STEPS];
    size_t n = 99;
    is_int(IMC_OK, seqsearch_read_steps(path, "max", &s, st,
                                        SEQSEARCH_MAX_STEPS, &n),
           "read the steps of 'max'");
    is_int(4, (long)n, "four steps");
    ok(strcmp(st[0].name, "device") == 0 && strcmp(st[1].name, "circuit") == 0 &&
       strcmp(st[2].name, "architecture") == 0 &&
       strcmp(st[3].name, "system") == 0, "sorted by order (10 20 30 40)");
    ok(st[1].nparams == 2 && st[1].params[0] == DESIGN_ROWS &&
       st[1].params[1] == DESIGN_COLS, "circuit: rows cols");
    ok(st[2].nparams == 4 && st[2].params[3] == DESIGN_GLB,
       "architecture: four parameters, glb_mb last");
    ok(st[2].pop == 40 && st[2].generations == 4 && st[2].order == 30 &&
       st[2].line == 5, "architecture: 40 x 4, order 30, line 5");
    is_int(IMC_OK, seqsearch_read_steps(path, "low", &s, st, 1, &n),
           "read the one step of 'low' into room for one");
    ok(n == 1 && st[0].params[0] == DESIGN_COLS, "low: cols listed first");

    imc_err_set_handler(quiet);
    is_int(IMC_EINPUT, seqsearch_read_steps(path, "max", &s, st, 3, &n),
           "four steps into room for three");
    char want[600];
    snprintf(want, sizeof want, "%s:6: start 'max': more than 3 steps", path);
    is_string(want, imc_err_last(), "... says so at the fourth");
    is_int(IMC_EINPUT, seqsearch_read_steps(path, "mid", &s, st, 9, &n),
           "a start without steps");
    snprintf(want, sizeof want, "%s: no step for start 'mid'", path);
    is_string(want, imc_err_last(), "... says so");

    static const struct {
        const char *rows, *msg;
        long line;
    } bad[] = {
        {"max,a,1,rows,10,5\nmax,b,1,cols,10,5\n",
         "start 'max': order 1 appears twice (first on line 2)", 3},
        {"max,a,1,rows row,10,5\n",
         "column 'parameters': got 'row', expected design parameter names "
         "(voltage_v, ..., tech_nm) separated by spaces", 2},
        {"max,a,1,memory,10,5\n",
         "column 'parameters': got 'memory', expected design parameter "
         "names (voltage_v, ..., tech_nm) separated by spaces", 2},
        {"max,a,1,rows cols rows,10,5\n",
         "column 'parameters': 'rows' listed twice", 2},
        {"max,a,1,  ,10,5\n",
         "column 'parameters': empty, expected design parameter names "
         "separated by spaces", 2},
        {"max,device,1,tech_nm,10,5\n",
         "step 'device' searches no parameter: every one it lists (tech_nm) "
         "has a single value in the space", 2},
        {"max,a,0,rows,10,5\n",
         "column 'order': got '0', expected an integer >= 1", 2},
        {"max,a,1,rows,1,5\n",
         "column 'population': got '1', expected an integer in [2, 100000]",
         2},
        {"max,a,1,rows,10,0\n",
         "column 'generations': got '0', expected an integer in [1, 100000]",
         2},
        {",a,1,rows,10,5\n", "column 'start': empty, expected a name", 2},
        {"max,,1,rows,10,5\n", "column 'step': empty, expected a name", 2},
        {"max,abcdefghijklmnopqrstuvwxyz0123456,1,rows,10,5\n",
         "column 'step': got 'abcdefghijklmnopqrstuvwxyz0123456', expected a "
         "name of at most 31 characters", 2},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "start,step,order,parameters,population,"
                 "generations\n%s", bad[i].rows);
        const char *p = file_with(text);
        is_int(IMC_EINPUT, seqsearch_read_steps(p, "max", &s, st, 9, &n),
               "bad steps %zu rejected", i);
        is_string(at_line(bad[i].line, bad[i].msg), imc_err_last(),
                  "bad steps %zu: the message", i);
    }
    is_int(IMC_EINPUT, seqsearch_read_steps(file_with("start,step,order,"
           "parameters,population\n"), "max", &s, st, 9, &n),
           "no generations column");
    is_string(at_line(1, "missing column 'generations'"), imc_err_last(),
              "... says so");
    imc_err_set_handler(NULL);
}

static void
test_starts_file(void)
{
    space s;
    read_space(&s);
    char path[512];
    snprintf(path, sizeof path, "%s/seq-search/starts.csv", tap_data());
    design d;
    is_int(IMC_OK, seqsearch_read_start(path, "max", &s, &d), "start 'max'");
    ok(d.memory == DESIGN_RRAM &&
       has_params(&d, (const double[]){0.85, 8, 10, 512, 512, 16, 16, 64, 8,
                                       32}),
       "max: the last value of every list");
    is_int(IMC_OK, seqsearch_read_start(path, "low", &s, &d), "start 'low'");
    ok(has_params(&d, (const double[]){0.5, 2, 4, 128, 32, 4, 16, 16, 0.5,
                                       32}),
       "low: min, numbers (4.0 is 4) and min again");
    int genes[DESIGN_NPARAM];
    is_int(IMC_OK, space_encode(&s, &d, genes), "... a design of the space");

    imc_err_set_handler(quiet);
    char want[600];
    is_int(IMC_EINPUT, seqsearch_read_start(path, "mid", &s, &d),
           "an unknown start");
    snprintf(want, sizeof want, "%s: no start 'mid' for RRAM", path);
    is_string(want, imc_err_last(), "... says so");
    static const char head[] =
        "memory,start,voltage_v,bits_per_cell,cycle_ns,rows,cols,"
        "router_groups,tiles_per_group,macros_per_tile,glb_mb\n";
    static const struct {
        const char *rows, *msg;
        long line;
    } bad[] = {
        {"RRAM,max,max,max,max,300,max,max,max,max,max\n",
         "column 'rows': got '300', expected max, min or a value of the "
         "space's list (32 128 512)", 2},
        {"SRAM,max,max,max,max,big,max,max,max,max,max\n",
         "column 'rows': got 'big', expected max, min or a number", 2},
        {"DRAM,max,max,max,max,max,max,max,max,max,max\n",
         "column 'memory': got 'DRAM', expected RRAM or SRAM", 2},
        {"RRAM,,max,max,max,max,max,max,max,max,max\n",
         "column 'start': empty, expected a name", 2},
        {"RRAM,max,max,max,max,max,max,max,max,max,max\n"
         "SRAM,max,max,max,max,max,max,max,max,max,max\n"
         "RRAM,max,min,min,min,min,min,min,min,min,min\n",
         "start 'max' for RRAM appears twice (first on line 2)", 4},
        {"RRAM,max,0.6,max,max,max,max,max,max,max,max\n",
         "column 'voltage_v': got '0.6', expected max, min or a value of "
         "the space's list (0.5 0.7 0.85)", 2},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[1024];
        snprintf(text, sizeof text, "%s%s", head, bad[i].rows);
        is_int(IMC_EINPUT, seqsearch_read_start(file_with(text), "max", &s,
                                                &d), "bad start %zu", i);
        is_string(at_line(bad[i].line, bad[i].msg), imc_err_last(),
                  "bad start %zu: the message", i);
    }
    is_int(IMC_EINPUT, seqsearch_read_start(file_with("memory,start,rows\n"),
                                            "max", &s, &d), "no voltage_v");
    is_string(at_line(1, "missing column 'voltage_v'"), imc_err_last(),
              "... says so");
    imc_err_set_handler(NULL);
}

/* ------------------------------------------------------------ search */

/* The brute-force optimum of the space s restricted to step st at start
 * (lowest violation, then lowest score) into *best, and the evaluation of
 * design d in that space into *at_d; returns 0 when d is not in it. */
static int
brute_force(const seqsearch_opts *o, const seqsearch_step *st,
            const design *start, const design *d, search_result *best,
            search_result *at_d)
{
    space r;
    if (seqsearch_restrict(o->space, start, st->params, st->nparams, &r) !=
        IMC_OK)
        bail("brute force: start outside the space");
    search_problem *p = search_problem_alloc(&r, o->model, o->nets, o->nnets,
                                             o->objective, o->area_max_mm2,
                                             o->mode, 1);
    if (!p)
        bail("brute force: no problem");
    int ng = space_ngenes(&r), g[DESIGN_NPARAM] = {0}, have = 0;
    for (;;) {
        search_result x;
        search_peek(p, g, &x);
        if (!have || x.violation < best->violation ||
            (!(x.violation > best->violation) && x.score < best->score))
            *best = x;
        have = 1;
        int i = 0;
        while (i < ng && ++g[i] == r.nvalues[r.gene_param[i]])
            g[i++] = 0;
        if (i == ng)
            break;
    }
    int in = space_encode(&r, d, g) == IMC_OK;
    if (in)
        search_peek(p, g, at_d);
    search_problem_free(p);
    return in;
}

/* Text written by a writer into a malloc'd string (the caller frees). */
static char *
rows_of(void (*write)(FILE *, const seqsearch *), const seqsearch *q)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        bail("open_memstream");
    write(mem, q);
    fclose(mem);
    return text;
}

static size_t
count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static void
test_search(void)
{
    if (access(RRAM, R_OK) != 0) {
        ok(1, "# SKIP %s is absent", RRAM);
        return;
    }
    space s;
    read_space(&s);
    cost_model *m = cost_model_load(RRAM, NULL);
    if (!m)
        bail("cannot load the cost model");
    char path[512], small[512];
    net *a = NULL, *b = NULL;
    snprintf(path, sizeof path, "%s/seq-search/tiny.csv", tap_data());
    snprintf(small, sizeof small, "%s/seq-search/small.csv", tap_data());
    if (net_read_table(path, &a) != IMC_OK ||
        net_read_table(small, &b) != IMC_OK)
        bail("cannot read the layer tables");
    const net *nets[2] = {a, b};
    snprintf(path, sizeof path, "%s/seq-search/steps.csv", tap_data());
    seqsearch_step st[SEQSEARCH_MAX_STEPS];
    size_t n;
    seqsearch_opts o = {&s, m, nets, 2, SEARCH_JOINT, 800,
                        COST_LATENCY_REFERENCE, "max", {0}, st, 0};
    if (seqsearch_read_steps(path, "max", &s, st, SEQSEARCH_MAX_STEPS, &n) ||
        (snprintf(path, sizeof path, "%s/seq-search/starts.csv", tap_data()),
         seqsearch_read_start(path, "max", &s, &o.start)))
        bail("cannot read the steps or the start");
    o.nsteps = n;
    /* a generous budget: every step's population covers its whole space
     * (4, 9, 36 and 9 designs), so the step's best is its space's optimum */
    st[0].pop = 4;
    st[1].pop = 9;
    st[2].pop = 36;
    st[3].pop = 9;
    seqsearch *q = seqsearch_alloc(&o);
    ok(q != NULL, "alloc");
    ok(seqsearch_result_at(q, 0) == NULL, "no result before a run");
    is_int(IMC_OK, seqsearch_run(q, 7), "run seed 7");
    is_int(7, (long)seqsearch_seed(q), "seed recorded");
    const double sizes[4] = {4, 9, 36, 9};
    design prev = o.start;
    for (size_t i = 0; i < 4; i++) {
        const seqsearch_stepres *res = seqsearch_result_at(q, i);
        const seqsearch_step *sp = seqsearch_step_at(q, i);
        ok(same_design(&prev, &res->start), "step %zu (%s) starts at the "
           "previous step's best", i + 1, sp->name);
        is_int((long)sizes[i], (long)res->evaluations,
               "step %zu evaluates its whole space", i + 1);
        search_result bres, at;
        ok(brute_force(&o, sp, &res->start, &res->best, &bres, &at),
           "step %zu: its best is a design of its space", i + 1);
        is_rel(bres.score, at.score, 1e-15, "step %zu: its best scores the "
               "brute-force optimum %g (ties allowed)", i + 1, bres.score);
        is_double(bres.violation, at.violation, 0,
                  "step %zu: ... with its violation", i + 1);
        is_rel(at.score, res->result.score, 1e-15,
               "step %zu: the score recorded is the design's", i + 1);
        is_int(!(bres.violation > 0), res->feasible, "step %zu: feasible %d",
               i + 1, res->feasible);
        prev = res->best;
    }
    ok(seqsearch_result_at(q, 0)->feasible == 0,
       "from max the device step stays infeasible (the largest chip)");
    ok(seqsearch_feasible_p(q), "the end point is feasible");
    ok(seqsearch_result_at(q, 3)->result.score <=
       seqsearch_result_at(q, 2)->result.score,
       "the system step, whose space holds its start, keeps or improves "
       "the architecture step's score");

    char *steps1 = rows_of(seqsearch_write_steps, q);
    char *final1 = rows_of(seqsearch_write_final, q);
    is_int(4, (long)count_lines(steps1), "four step rows");
    is_int(2, (long)count_lines(final1), "two final rows (one per workload)");
    ok(strncmp(steps1, "7,max,10,device,bits_per_cell,4,2,4,RRAM,", 41) == 0,
       "the first step row: seed, start, order, step, parameters, budget, "
       "evaluations, design");
    ok(strncmp(final1, "7,RRAM,", 7) == 0 && strstr(final1, ",tiny,") &&
       strstr(final1, ",small,"), "final rows: seed, design, each workload");
    is_int(IMC_OK, seqsearch_run(q, 7), "run seed 7 again");
    char *steps2 = rows_of(seqsearch_write_steps, q);
    char *final2 = rows_of(seqsearch_write_final, q);
    ok(strcmp(steps1, steps2) == 0 && strcmp(final1, final2) == 0,
       "the same seed gives the same rows");
    free(steps1);
    free(steps2);
    free(final1);
    free(final2);

    /* several seeds in a row */
    seqsearch_summary sum;
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    is_int(IMC_OK, seqsearch_run_seeds(q, (const unsigned long[]){3, 1}, 2,
                                       mem, NULL, &sum), "run seeds 3, 1");
    fclose(mem);
    ok(sum.nseeds == 2 && sum.ninfeasible == 0, "two runs, both feasible");
    ok(count_lines(text) == 4 && text[0] == '3' &&
       strstr(text, "\n1,RRAM,") != NULL, "final rows of seed 3, then 1");
    free(text);
    seqsearch_free(q);

    /* a small budget: fewer evaluations than the step's space */
    st[2].pop = 6;
    st[2].generations = 2;
    q = seqsearch_alloc(&o);
    is_int(IMC_OK, seqsearch_run(q, 2), "architecture step of 6 x 2");
    ok(seqsearch_result_at(q, 2)->evaluations <= 12,
       "... at most 12 evaluations (%lu)",
       seqsearch_result_at(q, 2)->evaluations);
    seqsearch_free(q);

    /* an impossible area limit: every step least infeasible, marked */
    o.area_max_mm2 = 1e-3;
    q = seqsearch_alloc(&o);
    is_int(IMC_OK, seqsearch_run_seeds(q, (const unsigned long[]){5}, 1,
                                       NULL, NULL, &sum),
           "1e-3 mm2: the run completes");
    ok(!seqsearch_feasible_p(q), "... the end point is infeasible");
    ok(sum.ninfeasible == 1 && sum.first_seed == 5 &&
       sum.first_violation > 0 &&
       !(fabs(sum.first_violation -
              seqsearch_result_at(q, 3)->result.violation) > 0),
       "... the summary names seed 5 and its violation %g",
       sum.first_violation);
    int all_marked = 1;
    for (size_t i = 0; i < 4; i++)
        all_marked &= seqsearch_result_at(q, i)->feasible == 0;
    ok(all_marked, "... every step marked infeasible");
    char *fin = rows_of(seqsearch_write_final, q);
    ok(strstr(fin, ",0,1\n") != NULL && strstr(fin, ",1,1\n") == NULL,
       "... its final rows say feasible=0");
    free(fin);
    seqsearch_free(q);
    o.area_max_mm2 = 800;

    /* bad options */
    imc_err_set_handler(quiet);
    seqsearch_opts bad = o;
    bad.nsteps = 0;
    ok(!seqsearch_alloc(&bad), "no steps");
    is_string("a sequential search takes 1 to 16 steps, got 0",
              imc_err_last(), "... says so");
    bad = o;
    bad.start.rows = 100;
    ok(!seqsearch_alloc(&bad), "a start outside the space");
    is_string("start 'max' is not a design of the space", imc_err_last(),
              "... says so");
    bad = o;
    bad.start_name = "";
    ok(!seqsearch_alloc(&bad), "an empty start name");
    seqsearch_step none[1] = {{.name = "node", .nparams = 1,
                               .params = {DESIGN_TECH}, .pop = 4,
                               .generations = 2}};
    bad = o;
    bad.steps = none;
    bad.nsteps = 1;
    ok(!seqsearch_alloc(&bad), "a step that searches nothing");
    is_string("step 'node' searches no parameter of the space",
              imc_err_last(), "... says so");
    bad = o;
    bad.objective = SEARCH_SINGLE;
    q = seqsearch_alloc(&bad);
    is_int(IMC_EINPUT, q ? seqsearch_run(q, 1) : IMC_OK,
           "objective single over two workloads fails at the first step");
    ok(!seqsearch_feasible_p(q) && seqsearch_result_at(q, 0) == NULL,
       "... leaving no result");
    seqsearch_free(q);
    imc_err_set_handler(NULL);
    seqsearch_free(NULL);
    ok(1, "seqsearch_free(NULL) is a no-op");

    net_free(a);
    net_free(b);
    cost_model_free(m);
}

int
main(void)
{
    plan_lazy();
    int fd = mkstemp(tmp_path);
    if (fd < 0)
        bail("mkstemp");
    close(fd);
    test_restrict();
    test_steps_file();
    test_starts_file();
    test_search();
    unlink(tmp_path);
    return 0;
}
