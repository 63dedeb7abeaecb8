/* seqsearch.c: P2's sequential search, one parameter group at a time (see
 * seqsearch.h). */
#include "seqsearch.h"
#include "csvio.h"
#include "err.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct seqsearch {
    space space;
    const cost_model *model;
    const net *const *nets;
    size_t nnets;
    search_objective objective;
    double area_max_mm2;
    cost_latency_mode mode;
    char start_name[SEQSEARCH_NAME_MAX + 1];
    design start;
    seqsearch_step steps[SEQSEARCH_MAX_STEPS];
    size_t nsteps;
    seqsearch_stepres res[SEQSEARCH_MAX_STEPS];
    int done;                 /* 1 once a run completed */
    unsigned long seed;
    garun *last;              /* the last step's run, for the final rows */
};

/* ------------------------------------------------------------ restriction */

int
seqsearch_restrict(const space *s, const design *at, const int *params,
                   size_t n, space *out)
{
    int genes[DESIGN_NPARAM];
    if (space_encode(s, at, genes) != IMC_OK)
        return IMC_EINPUT;
    int searched[DESIGN_NPARAM] = {0};
    for (size_t i = 0; i < n; i++) {
        if (params[i] < 0 || params[i] >= DESIGN_NPARAM)
            return IMC_EINPUT;
        searched[params[i]] = 1;
    }
    space r = *s;
    /* a parameter outside the group keeps only the value it has in at; the
     * values come from the list itself, so the designs decode exactly */
    for (int i = 0; i < s->ngenes; i++) {
        int k = s->gene_param[i];
        if (!searched[k]) {
            r.values[k][0] = s->values[k][genes[i]];
            r.nvalues[k] = 1;
        }
    }
    r.ngenes = 0;
    for (int k = 0; k < DESIGN_NPARAM; k++)
        if (r.nvalues[k] > 1)
            r.gene_param[r.ngenes++] = k;
    *out = r;
    return IMC_OK;
}

int
seqsearch_step_ngenes(const space *s, const seqsearch_step *st)
{
    int n = 0;
    for (size_t i = 0; i < st->nparams; i++)
        if (st->params[i] >= 0 && st->params[i] < DESIGN_NPARAM &&
            s->nvalues[st->params[i]] > 1)
            n++;
    return n;
}

/* ------------------------------------------------------------ data files */

/* Copy the name in field i (non-empty, at most SEQSEARCH_NAME_MAX
 * characters) into out. */
static int
get_name(const csvio_reader *r, int i, char *out)
{
    const char *v = csvio_field(r, (size_t)i);
    size_t len = strlen(v);
    if (len == 0)
        return csvio_fail(r, "column '%s': empty, expected a name",
                          csvio_colname(r, (size_t)i));
    if (len > SEQSEARCH_NAME_MAX)
        return csvio_fail(r, "column '%s': got '%s', expected a name of at "
                          "most %d characters", csvio_colname(r, (size_t)i),
                          v, SEQSEARCH_NAME_MAX);
    memcpy(out, v, len + 1);
    return IMC_OK;
}

/* The index of the design parameter named by text[0..len-1], or -1. */
static int
param_index(const char *text, size_t len)
{
    for (int k = 0; k < DESIGN_NPARAM; k++)
        if (strlen(design_param_names[k]) == len &&
            strncmp(text, design_param_names[k], len) == 0)
            return k;
    return -1;
}

/* The names of st's parameters, separated by spaces, into buf. */
static void
param_list(const seqsearch_step *st, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < st->nparams && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s",
                                 i ? " " : "", design_param_names[st->params[i]]);
}

/* Parse the space-separated parameter names of field i into st. */
static int
parse_params(const csvio_reader *r, int i, seqsearch_step *st)
{
    const char *p = csvio_field(r, (size_t)i);
    st->nparams = 0;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        const char *w = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        int len = (int)(p - w), k = param_index(w, (size_t)len);
        if (k < 0)
            return csvio_fail(r, "column 'parameters': got '%.*s', expected "
                              "design parameter names (voltage_v, ..., "
                              "tech_nm) separated by spaces", len, w);
        for (size_t j = 0; j < st->nparams; j++)
            if (st->params[j] == k)
                return csvio_fail(r, "column 'parameters': '%s' listed "
                                  "twice", design_param_names[k]);
        st->params[st->nparams++] = k;
    }
    if (st->nparams == 0)
        return csvio_fail(r, "column 'parameters': empty, expected design "
                          "parameter names separated by spaces");
    return IMC_OK;
}

/* Parse the current row of a steps file into *st (columns c[0..5]: start,
 * step, order, parameters, population, generations) and its start name. */
static int
parse_step(const csvio_reader *r, const int *c, const space *s, char *start,
           seqsearch_step *st)
{
    long pop, gens;
    memset(st, 0, sizeof *st);
    st->line = csvio_line(r);
    if (get_name(r, c[0], start) != IMC_OK ||
        get_name(r, c[1], st->name) != IMC_OK ||
        csvio_get_long(r, (size_t)c[2], 1, LONG_MAX, &st->order) !=
            IMC_OK ||
        parse_params(r, c[3], st) != IMC_OK ||
        csvio_get_long(r, (size_t)c[4], 2, (long)SCHEDULE_MAX_POP, &pop) !=
            IMC_OK ||
        csvio_get_long(r, (size_t)c[5], 1, (long)SCHEDULE_MAX_GENERATIONS,
                       &gens) != IMC_OK)
        return IMC_EINPUT;
    st->pop = (size_t)pop;
    st->generations = (size_t)gens;
    if (seqsearch_step_ngenes(s, st) == 0) {
        char list[256];
        param_list(st, list, sizeof list);
        return csvio_fail(r, "step '%s' searches no parameter: every one it "
                          "lists (%s) has a single value in the space",
                          st->name, list);
    }
    return IMC_OK;
}

/* Insert st into steps[0..*n-1], kept sorted by order. */
static int
insert_step(const csvio_reader *r, const char *start, const seqsearch_step *st,
            seqsearch_step *steps, size_t max, size_t *n)
{
    size_t at = *n;
    for (size_t i = 0; i < *n; i++)
        if (steps[i].order == st->order)
            return csvio_fail(r, "start '%s': order %ld appears twice "
                              "(first on line %ld)", start, st->order,
                              steps[i].line);
    if (*n == max)
        return csvio_fail(r, "start '%s': more than %zu steps", start, max);
    while (at > 0 && steps[at - 1].order > st->order) {
        steps[at] = steps[at - 1];
        at--;
    }
    steps[at] = *st;
    (*n)++;
    return IMC_OK;
}

int
seqsearch_read_steps(const char *path, const char *start, const space *s,
                     seqsearch_step *steps, size_t max, size_t *n)
{
    static const char *const cols[] = {"start", "step", "order", "parameters",
                                       "population", "generations"};
    csvio_reader *r = csvio_open(path);
    if (!r)
        return IMC_EINPUT;
    int c[6], st = csvio_require_all(r, cols, 6, c);
    size_t got = 0;
    while (st == IMC_OK && (st = csvio_read(r)) == IMC_OK) {
        char name[SEQSEARCH_NAME_MAX + 1];
        seqsearch_step one;
        st = parse_step(r, c, s, name, &one);
        if (st == IMC_OK && strcmp(name, start) == 0)
            st = insert_step(r, start, &one, steps, max, &got);
    }
    if (st == IMC_EOF)
        st = got ? IMC_OK : imc_fail(csvio_path(r), 0, "no step for start "
                                     "'%s'", start);
    csvio_close(r);
    if (st == IMC_OK)
        *n = got;
    return st;
}

/* Value of parameter k for text v ("max", "min" or a number of the list)
 * in the row at r (column named col). */
static int
start_value(const csvio_reader *r, const char *col, const char *v,
            const space *s, int k, double *out)
{
    const double *list = s->values[k];
    int nv = s->nvalues[k];
    double x;
    if (strcmp(v, "max") == 0) {
        *out = list[nv - 1];
        return IMC_OK;
    }
    if (strcmp(v, "min") == 0) {
        *out = list[0];
        return IMC_OK;
    }
    if (csvio_to_double(v, &x) == IMC_OK)
        /* the tolerance of space_encode, so the design is one of s */
        for (int i = 0; i < nv; i++)
            if (fabs(x - list[i]) <= 1e-9 * fabs(list[i])) {
                *out = list[i];
                return IMC_OK;
            }
    char buf[SPACE_MAX_VALUES * 16];
    size_t used = 0;
    for (int i = 0; i < nv && used < sizeof buf; i++)
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%g",
                                 i ? " " : "", list[i]);
    return csvio_fail(r, "column '%s': got '%s', expected max, min or a "
                      "value of the space's list (%s)", col, v, buf);
}

/* The text of parameter k in the current row of a starts file; tech_nm
 * may be left out: the reference's 32 nm (design.h). */
static const char *
start_field(const csvio_reader *r, const design_cols *dc, int k)
{
    return dc->col[1 + k] < 0 ? "32" : csvio_field(r, (size_t)dc->col[1 + k]);
}

/* Check the current row of a starts file (memory, start name, each value
 * max, min or a number); *mem and name receive its memory and start. */
static int
check_start_row(const csvio_reader *r, const design_cols *dc, int c_start,
                design_memory *mem, char *name)
{
    const char *m = csvio_field(r, (size_t)dc->col[0]);
    if (strcmp(m, "RRAM") == 0)
        *mem = DESIGN_RRAM;
    else if (strcmp(m, "SRAM") == 0)
        *mem = DESIGN_SRAM;
    else
        return csvio_fail(r, "column 'memory': got '%s', expected RRAM or "
                          "SRAM", m);
    if (get_name(r, c_start, name) != IMC_OK)
        return IMC_EINPUT;
    for (int k = 0; k < DESIGN_NPARAM; k++) {
        double x;
        const char *v = start_field(r, dc, k);
        if (strcmp(v, "max") != 0 && strcmp(v, "min") != 0 &&
            csvio_to_double(v, &x) != IMC_OK)
            return csvio_fail(r, "column '%s': got '%s', expected max, min "
                              "or a number", design_param_names[k], v);
    }
    return IMC_OK;
}

/* The design of the current (selected) row of a starts file. */
static int
resolve_start(const csvio_reader *r, const design_cols *dc, const space *s,
              design *d)
{
    memset(d, 0, sizeof *d);
    d->memory = s->memory;
    for (int k = 0; k < DESIGN_NPARAM; k++) {
        double x = 0;
        if (start_value(r, design_param_names[k], start_field(r, dc, k), s,
                        k, &x) != IMC_OK)
            return IMC_EINPUT;
        design_set_param(d, k, x);
    }
    return design_check(d, csvio_path(r), csvio_line(r));
}

int
seqsearch_read_start(const char *path, const char *start, const space *s,
                     design *d)
{
    csvio_reader *r = csvio_open(path);
    if (!r)
        return IMC_EINPUT;
    design_cols dc;
    int c_start = -1, st = design_find_cols(r, &dc);
    if (st == IMC_OK && (c_start = csvio_require(r, "start")) < 0)
        st = IMC_EINPUT;
    long found = 0;
    design got;
    while (st == IMC_OK && (st = csvio_read(r)) == IMC_OK) {
        design_memory mem = DESIGN_RRAM;
        char name[SEQSEARCH_NAME_MAX + 1];
        st = check_start_row(r, &dc, c_start, &mem, name);
        if (st != IMC_OK || mem != s->memory || strcmp(name, start) != 0)
            continue;
        if (found)
            st = csvio_fail(r, "start '%s' for %s appears twice (first on "
                            "line %ld)", start, design_memory_name(mem),
                            found);
        else if ((st = resolve_start(r, &dc, s, &got)) == IMC_OK)
            found = csvio_line(r);
    }
    if (st == IMC_EOF)
        st = found ? IMC_OK
                   : imc_fail(csvio_path(r), 0, "no start '%s' for %s", start,
                              design_memory_name(s->memory));
    csvio_close(r);
    if (st == IMC_OK)
        *d = got;
    return st;
}

/* ------------------------------------------------------------ the search */

seqsearch *
seqsearch_alloc(const seqsearch_opts *o)
{
    int genes[DESIGN_NPARAM];
    if (o->nsteps == 0 || o->nsteps > SEQSEARCH_MAX_STEPS) {
        imc_fail(NULL, 0, "a sequential search takes 1 to %d steps, got %zu",
                 SEQSEARCH_MAX_STEPS, o->nsteps);
        return NULL;
    }
    if (!o->start_name || !o->start_name[0] ||
        strlen(o->start_name) > SEQSEARCH_NAME_MAX) {
        imc_fail(NULL, 0, "the start needs a name of 1 to %d characters",
                 SEQSEARCH_NAME_MAX);
        return NULL;
    }
    if (space_encode(o->space, &o->start, genes) != IMC_OK) {
        imc_fail(NULL, 0, "start '%s' is not a design of the space",
                 o->start_name);
        return NULL;
    }
    for (size_t i = 0; i < o->nsteps; i++) {
        const seqsearch_step *st = &o->steps[i];
        space probe;
        if (seqsearch_restrict(o->space, &o->start, st->params, st->nparams,
                               &probe) != IMC_OK ||
            seqsearch_step_ngenes(o->space, st) == 0) {
            imc_fail(NULL, 0, "step '%s' searches no parameter of the space",
                     st->name);
            return NULL;
        }
    }
    seqsearch *q = calloc(1, sizeof *q);
    if (!q) {
        imc_fail(NULL, 0, "out of memory");
        return NULL;
    }
    q->space = *o->space;
    q->model = o->model;
    q->nets = o->nets;
    q->nnets = o->nnets;
    q->objective = o->objective;
    q->area_max_mm2 = o->area_max_mm2;
    q->mode = o->mode;
    strcpy(q->start_name, o->start_name);
    q->start = o->start;
    memcpy(q->steps, o->steps, o->nsteps * sizeof *o->steps);
    q->nsteps = o->nsteps;
    return q;
}

void
seqsearch_free(seqsearch *q)
{
    if (!q)
        return;
    garun_free(q->last);
    free(q);
}

/* Run step i from *cur with seed; on success fill q->res[i], move *cur to
 * the step's best and hand back the step's garun in *run. */
static int
run_step(seqsearch *q, size_t i, unsigned long seed, design *cur, garun **run)
{
    const seqsearch_step *st = &q->steps[i];
    space sub;
    if (seqsearch_restrict(&q->space, cur, st->params, st->nparams, &sub) !=
        IMC_OK)
        return imc_fail(NULL, 0, "internal error: step '%s' starts outside "
                        "the space", st->name);
    /* each step is one single-phase GA with P1's operators (P2 Sec. IV-G) */
    schedule_opts so;
    schedule_defaults(&so, SCHEDULE_P1);
    so.pop = st->pop;
    so.generations = st->generations;
    garun *r = garun_alloc(&sub, q->model, q->nets, q->nnets, q->objective,
                           q->area_max_mm2, q->mode, &so);
    if (!r)
        return IMC_EINPUT;
    int rc = garun_run(r, seed);
    const search_record *b = rc == IMC_OK ? garun_best(r) : NULL;
    if (rc == IMC_OK && !b)
        rc = imc_fail(NULL, 0, "step '%s' evaluated no design", st->name);
    if (rc != IMC_OK) {
        garun_free(r);
        return rc;
    }
    seqsearch_stepres *res = &q->res[i];
    res->start = *cur;
    space_decode(&sub, b->genes, &res->best);
    res->result = b->result;
    res->evaluations = search_evaluations(garun_problem(r));
    res->feasible = garun_feasible_p(r);
    *cur = res->best;
    *run = r;
    return IMC_OK;
}

int
seqsearch_run(seqsearch *q, unsigned long seed)
{
    garun_free(q->last);
    q->last = NULL;
    q->done = 0;
    q->seed = seed;
    design cur = q->start;
    for (size_t i = 0; i < q->nsteps; i++) {
        garun *r = NULL;
        int st = run_step(q, i, seed, &cur, &r);
        if (st != IMC_OK)
            return st;
        /* only the last step's run is kept: it writes the final rows */
        if (i + 1 == q->nsteps)
            q->last = r;
        else
            garun_free(r);
    }
    q->done = 1;
    return IMC_OK;
}

unsigned long seqsearch_seed(const seqsearch *q) { return q->seed; }
size_t seqsearch_nsteps(const seqsearch *q) { return q->nsteps; }

const seqsearch_step *
seqsearch_step_at(const seqsearch *q, size_t i)
{
    return &q->steps[i];
}

const seqsearch_stepres *
seqsearch_result_at(const seqsearch *q, size_t i)
{
    return q->done ? &q->res[i] : NULL;
}

int
seqsearch_feasible_p(const seqsearch *q)
{
    return q->done && q->res[q->nsteps - 1].feasible;
}

/* ------------------------------------------------------------ CSV rows */

void
seqsearch_write_final(FILE *fp, const seqsearch *q)
{
    if (q->done)
        garun_write_best(fp, q->last, NULL, 0);
}

void
seqsearch_write_steps_header(FILE *fp)
{
    fputs("seed,start,order,step,parameters,population,generations,"
          "evaluations,", fp);
    design_write_header(fp);
    fputs(",score,violation,feasible\n", fp);
}

void
seqsearch_write_steps(FILE *fp, const seqsearch *q)
{
    if (!q->done)
        return;
    for (size_t i = 0; i < q->nsteps; i++) {
        const seqsearch_step *st = &q->steps[i];
        const seqsearch_stepres *res = &q->res[i];
        char list[256];
        param_list(st, list, sizeof list);
        fprintf(fp, "%lu,", q->seed);
        csvio_put_string(fp, q->start_name);
        fprintf(fp, ",%ld,", st->order);
        csvio_put_string(fp, st->name);
        fputc(',', fp);
        csvio_put_string(fp, list);
        fprintf(fp, ",%zu,%zu,%lu,", st->pop, st->generations,
                res->evaluations);
        design_write(fp, &res->best);
        fputc(',', fp);
        csvio_put_double(fp, res->result.score);
        fputc(',', fp);
        csvio_put_double(fp, res->result.violation);
        fprintf(fp, ",%d\n", res->feasible);
    }
}

int
seqsearch_run_seeds(seqsearch *q, const unsigned long *seeds, size_t nseeds,
                    FILE *final, FILE *steps, seqsearch_summary *sum)
{
    memset(sum, 0, sizeof *sum);
    for (size_t i = 0; i < nseeds; i++) {
        int st = seqsearch_run(q, seeds[i]);
        if (st != IMC_OK)
            return st;
        if (final)
            seqsearch_write_final(final, q);
        if (steps)
            seqsearch_write_steps(steps, q);
        sum->nseeds++;
        if (!seqsearch_feasible_p(q) && sum->ninfeasible++ == 0) {
            sum->first_seed = seeds[i];
            sum->first_violation = q->res[q->nsteps - 1].result.violation;
        }
    }
    return IMC_OK;
}
