/* 202-pick: choosing a run from an evaluation file, on the hand-made
 * fixtures of t/data/pick-design/.  runs.csv: seeds 17 (score 2.5e-6), 3
 * (1.1e-6, rows on lines 5 and 8), 42 (infeasible, 5e-7), 8 (1.1e-6), 5
 * (3.7e-6); infeasible.csv: seeds 2 (violation 0.5), 4 (0.2, score 9e-6),
 * 6 (0.2, 3e-6); sweep.csv: no seed, targets joint (2 rows) and vgg16. */
#include "csvtab.h"
#include "err.h"
#include "pick.h"
#include "report-fixtures.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *
data(const char *name)
{
    return fixture("pick-design", name);
}

static csvtab *
load(const char *name, const char *filter)
{
    csvtab *t = NULL;
    csvtab_sel f = {0, NULL};
    char why[256];
    if (filter && csvtab_sel_parse(filter, strlen(filter), ':', 0, &f, why,
                                   sizeof why) != IMC_OK)
        bail("filter: %s", why);
    if (csvtab_read(data(name), filter ? &f : NULL, &t) != IMC_OK)
        bail("%s: %s", name, captured);
    csvtab_sel_free(&f);
    return t;
}

/* Pick from `name` and check the seed, feasibility and the rows' lines. */
static void
is_pick(const char *name, const char *filter, pick_rule rule,
        unsigned long seed, unsigned long want_seed, int want_feasible,
        const char *want_lines)
{
    csvtab *t = load(name, filter);
    pick_choice c;
    char lines[256] = "";
    is_int(IMC_OK, pick_run(t, rule, seed, &c), "%s %s: picked", name,
           pick_rule_name(rule));
    is_int((long)want_seed, (long)c.seed, "%s %s: seed", name,
           pick_rule_name(rule));
    is_int(want_feasible, c.feasible, "%s %s: feasible", name,
           pick_rule_name(rule));
    for (size_t i = 0; i < c.nrows; i++)
        snprintf(lines + strlen(lines), sizeof lines - strlen(lines), "%s%ld",
                 i ? "," : "", t->lines[c.rows[i]]);
    is_string(want_lines, lines, "%s %s: the run's rows (lines)", name,
              pick_rule_name(rule));
    pick_choice_clear(&c);
    csvtab_free(t);
}

static void
is_pick_error(const char *name, pick_rule rule, unsigned long seed,
              const char *tail)
{
    csvtab *t = load(name, NULL);
    pick_choice c;
    char want[1024];
    is_int(IMC_EINPUT, pick_run(t, rule, seed, &c), "%s: rejected", name);
    snprintf(want, sizeof want, "%s%s", data(name), tail);
    is_string(want, captured, "%s: message", name);
    csvtab_free(t);
}

int
main(void)
{
    plan_lazy();
    imc_err_set_handler(capture);

    /* best: feasible first; 3 and 8 tie on score, the lower seed wins */
    is_pick("runs.csv", NULL, PICK_BEST, 0, 3, 1, "5,8");
    /* median of the feasible scores 1.1 (3), 1.1 (8), 2.5 (17), 3.7 (5):
     * the lower of the two middle runs, seed 8 */
    is_pick("runs.csv", NULL, PICK_MEDIAN, 0, 8, 1, "9,10");
    is_pick("runs.csv", NULL, PICK_SEED, 42, 42, 0, "6,7");
    /* without 3 and 8 the feasible runs are 17 and 5: median 17 */
    is_pick("runs.csv", "seed!=3:seed!=8", PICK_MEDIAN, 0, 17, 1, "3,4");
    /* none feasible: lowest violation (0.2: 4, 6), then score: seed 6 */
    is_pick("infeasible.csv", NULL, PICK_BEST, 0, 6, 0, "4");
    /* none feasible: the median score of all runs, seed 6 (3e-6) */
    is_pick("infeasible.csv", NULL, PICK_MEDIAN, 0, 6, 0, "4");
    is_pick("sweep.csv", "target=joint", PICK_BEST, 0, 0, 1, "2,3");

    csvtab *t = load("runs.csv", NULL);
    pick_choice c;
    if (pick_run(t, PICK_BEST, 0, &c) != IMC_OK)
        bail("pick: %s", captured);
    is_int(5, (long)c.nruns, "5 runs");
    is_int(4, (long)c.nfeasible, "4 feasible");
    ok(c.has_seed, "the file has seeds");
    is_double(1.1e-6, c.score, 1e-18, "the run's score");
    is_int(11, (long)c.ndesign, "memory and ten parameters");
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    pick_write_design(mem, t, &c);
    fclose(mem);
    is_string("memory,voltage_v,bits_per_cell,cycle_ns,rows,cols,"
              "router_groups,tiles_per_group,macros_per_tile,glb_mb,tech_nm,"
              "seed,score,violation,feasible\n"
              "SRAM,0.6,1,2,256,128,8,8,32,2,22,3,1.1e-06,0,1\n", text,
              "designs-only row");
    free(text);
    mem = open_memstream(&text, &len);
    pick_write_rows(mem, t, &c);
    fclose(mem);
    ok(strncmp(text, "seed,memory,", 12) == 0 &&
       strstr(text, "\n3,SRAM,0.6,1,2,256,128,8,8,32,2,22,alexnet,") != NULL,
       "rows with every column, header first");
    free(text);
    pick_choice_clear(&c);
    csvtab_free(t);

    t = load("sweep.csv", "target=vgg16");
    if (pick_run(t, PICK_MEDIAN, 0, &c) != IMC_OK)
        bail("pick: %s", captured);
    ok(!c.has_seed && c.nruns == 1, "a sweep selection is one run");
    mem = open_memstream(&text, &len);
    pick_write_design(mem, t, &c);
    fclose(mem);
    ok(strstr(text, ",tech_nm,score,violation,feasible\n") != NULL,
       "no seed column without seeds");
    free(text);
    pick_choice_clear(&c);
    csvtab_free(t);

    is_pick_error("runs.csv", PICK_SEED, 99, ": no run with seed 99 (5 runs)");
    is_pick_error("sweep.csv", PICK_SEED, 1, ":1: missing column 'seed' (a "
                  "pick by seed needs one run per seed)");
    is_pick_error("sweep.csv", PICK_BEST, 0, ":4: column 'cols' is '128' "
                  "here but '256' at line 2: without a seed column the rows "
                  "must be one run (select it with FILE:COL=VAL)");
    is_pick_error("disagree.csv", PICK_BEST, 0, ":10: seed 8: column 'score' "
                  "is '1.2e-06' here but '1.1e-06' at line 9 (the rows of one "
                  "run hold one design and one score)");
    is_pick_error("bad-feasible.csv", PICK_BEST, 0, ":11: column 'feasible': "
                  "got '2', expected 0 or 1");
    is_pick_error("bad-seed.csv", PICK_BEST, 0, ":6: column 'seed': got '0', "
                  "expected an integer from 1 to 4294967295");
    is_pick_error("bad-score.csv", PICK_BEST, 0, ":3: column 'score': got "
                  "'abc', expected a number");
    is_pick_error("no-score.csv", PICK_BEST, 0, ":1: missing column 'score'");

    t = load("runs.csv", "seed=1000");
    is_int(IMC_EINPUT, pick_run(t, PICK_BEST, 0, &c), "no rows");
    char want[512];
    snprintf(want, sizeof want, "%s: no rows to pick from", data("runs.csv"));
    is_string(want, captured, "no rows: message");
    csvtab_free(t);
    pick_choice_clear(&c);
    return 0;
}
