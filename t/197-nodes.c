/* t/197-nodes.c: node tables (nodes.h): experiments/nodes.csv as read,
 * every malformed-table message, lookups, voltage ranges with their ends;
 * and the node study's objectives and violation term in search.h:
 * el_cost and ela_cost, search_node_violation, and a search problem that
 * evaluates with a node table. */
#include "err.h"
#include "nodes.h"
#include "search.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char msg[1024];
static void capture(const char *m) { snprintf(msg, sizeof msg, "%s", m); }

static char dir[] = "/tmp/t197-XXXXXX";

/* Write text to a file of the test directory; returns its path. */
static const char *
table(const char *name, const char *text)
{
    static char path[4][256];
    static int next;
    char *p = path[next++ % 4];
    snprintf(p, 256, "%s/%s", dir, name);
    FILE *fp = fopen(p, "w");
    if (!fp || fputs(text, fp) < 0 || fclose(fp) != 0)
        bail("cannot write %s", p);
    return p;
}

#define HEAD "tech_nm,cost_factor,voltage_min_v,voltage_max_v,source\n"

/* A malformed table is refused with exactly this message. */
static void
refused(const char *name, const char *text, const char *want)
{
    nodes_table t;
    const char *path = table(name, text);
    char full[512];
    /* a message starting with ':' names a file of the test directory */
    snprintf(full, sizeof full, "%s/%s", dir, want + 1);
    is_int(IMC_EINPUT, nodes_read(path, &t), "%s: refused", name);
    is_string(want[0] == ':' ? full : want, msg, "%s: message", name);
}

static void
reading(void)
{
    nodes_table t;
    is_int(IMC_OK, nodes_read("experiments/nodes.csv", &t),
           "experiments/nodes.csv reads");
    is_int(6, (long)t.n, "six nodes");
    static const long nm[6] = {7, 10, 14, 22, 32, 45};
    static const double cf[6] = {3.8709, 2.2431, 1.4976, 1.2828, 1.0,
                                 0.6061};
    static const double lo[6] = {0.45, 0.50, 0.55, 0.65, 0.50, 0.75};
    static const double hi[6] = {0.80, 0.85, 0.90, 1.00, 1.00, 1.10};
    int same = 1;
    for (int i = 0; i < 6; i++)
        same &= t.node[i].tech_nm == nm[i] &&
                !(t.node[i].cost_factor < cf[i] ||
                  t.node[i].cost_factor > cf[i]) &&
                !(t.node[i].voltage_min_v < lo[i] ||
                  t.node[i].voltage_min_v > lo[i]) &&
                !(t.node[i].voltage_max_v < hi[i] ||
                  t.node[i].voltage_max_v > hi[i]);
    ok(same, "nodes, cost factors and voltage ranges of P2's study");
    const nodes_entry *e;
    ok(nodes_find(&t, 22, &e) == IMC_OK && e == &t.node[3], "find 22 nm");
    is_int(IMC_EINPUT, nodes_find(&t, 28, &e), "no 28 nm");
    design d;
    memset(&d, 0, sizeof d);
    d.tech_nm = 7;
    d.voltage_v = 0.45;
    ok(nodes_valid_p(&t, &d), "7 nm at 0.45 V: the lower end is inside");
    d.voltage_v = 0.80 + 0.5e-9;
    ok(nodes_valid_p(&t, &d), "7 nm at 0.80 V (+0.5 nV): the upper end");
    d.voltage_v = 0.85;
    ok(!nodes_valid_p(&t, &d), "7 nm at 0.85 V: outside");
    is_double(3.8709, nodes_cost_factor(&t, &d), 0, "7 nm cost factor");
    d.tech_nm = 28;
    ok(!nodes_valid_p(&t, &d), "28 nm: not listed, invalid");
    is_double(1, nodes_cost_factor(&t, &d), 0, "unlisted: factor 1");
    is_double(1, nodes_cost_factor(NULL, &d), 0, "no table: factor 1");
    is_int(IMC_OK, nodes_read(table("extra.csv", "# a comment\nnote,"
                                    HEAD "x,5,1.5,0.6,0.9,\"a, b\"\n"), &t),
           "extra columns, comments and quoted sources read");
    ok(t.n == 1 && t.node[0].tech_nm == 5, "... one node of 5 nm");
}

static void
errors(void)
{
    refused("none.csv", "", ":none.csv:1: empty file (expected a header row)");
    refused("cols.csv", "tech_nm,cost_factor,voltage_min_v,source\n7,1,0.5,"
            "x\n", ":cols.csv:1: missing column 'voltage_max_v'");
    refused("tech.csv", HEAD "7.5,1,0.5,0.8,x\n",
            ":tech.csv:2: column 'tech_nm': got '7.5', expected an integer "
            "in [1, 1000]");
    refused("big.csv", HEAD "7,1,0.5,0.8,x\n2000,1,0.5,0.8,x\n",
            ":big.csv:3: column 'tech_nm': got '2000', expected an integer "
            "in [1, 1000]");
    refused("cost.csv", HEAD "7,0,0.5,0.8,x\n",
            ":cost.csv:2: column 'cost_factor': got '0', expected a number "
            "> 0");
    refused("vmin.csv", HEAD "7,1,0,0.8,x\n",
            ":vmin.csv:2: column 'voltage_min_v': got '0', expected a "
            "voltage in (0, 5) V");
    refused("vmax.csv", HEAD "7,1,0.5,nan,x\n",
            ":vmax.csv:2: column 'voltage_max_v': got 'nan', expected a "
            "voltage in (0, 5) V");
    refused("order.csv", HEAD "7,1,0.9,0.8,x\n",
            ":order.csv:2: column 'voltage_min_v': got '0.9', above "
            "voltage_max_v '0.8'");
    refused("twice.csv", HEAD "7,1,0.5,0.8,x\n10,1,0.5,0.8,x\n7,2,0.5,0.8,"
            "x\n", ":twice.csv:4: column 'tech_nm': node 7 is listed twice");
    refused("empty.csv", HEAD, ":empty.csv: no nodes (expected at least one "
            "row after the header)");
    char many[8192] = HEAD;
    for (int i = 1; i <= NODES_MAX + 1; i++)
        snprintf(many + strlen(many), sizeof many - strlen(many),
                 "%d,1,0.5,0.8,x\n", i);
    refused("many.csv", many, ":many.csv:34: more than 32 nodes");
    refused("fields.csv", HEAD "7,1,0.5\n",
            ":fields.csv:2: expected 5 fields as in the header, got 3");
}

static void
objectives(const nodes_table *t)
{
    const double E[3] = {2e-3, 5e-3, 1e-3}, L[3] = {4e-6, 1e-6, 3e-6};
    is_rel(5e-3 * 4e-6 * (150.5 * 1.4976),
           search_score(SEARCH_EL_COST, 3, E, L, 150.5, 1.4976), 1e-14,
           "el_cost = max E * max L * A * factor");
    is_rel(5e-3 * 4e-6 * 150.5 * (150.5 * 1.4976),
           search_score(SEARCH_ELA_COST, 3, E, L, 150.5, 1.4976), 1e-14,
           "ela_cost = max E * max L * A * A * factor");
    is_rel(5e-3 * 4e-6 * 150.5, search_score(SEARCH_JOINT, 3, E, L, 150.5,
                                             7), 1e-14,
           "joint ignores the factor");
    is_rel(5e-3 * 4e-6 * 150.5, search_aggregate(SEARCH_EL_COST, 3, E, L,
                                                 150.5), 1e-14,
           "search_aggregate: factor 1");
    search_objective o;
    ok(search_objective_from_name("el_cost", &o) == IMC_OK &&
       o == SEARCH_EL_COST && search_objective_from_name("ela_cost", &o) ==
       IMC_OK && o == SEARCH_ELA_COST, "el_cost and ela_cost by name");
    is_string("ela_cost", search_objective_name(SEARCH_ELA_COST), "name");
    ok(search_objective_needs_nodes_p(SEARCH_EL_COST) &&
       !search_objective_needs_nodes_p(SEARCH_ALL), "which need nodes");
    design d;
    memset(&d, 0, sizeof d);
    d.tech_nm = 45;
    d.voltage_v = 0.9;
    is_double(0, search_node_violation(t, &d), 0, "in range: 0");
    is_double(0, search_node_violation(NULL, &d), 0, "no table: 0");
    d.voltage_v = 0.6;
    is_double(1 + 0.15 / 0.75, search_node_violation(t, &d), 1e-12,
              "below: 1 + (V_min - V) / V_min");
    d.voltage_v = 1.21;
    is_double(1 + 0.11 / 1.10, search_node_violation(t, &d), 1e-12,
              "above: 1 + (V - V_max) / V_max");
    d.tech_nm = 65;
    is_double(1, search_node_violation(t, &d), 0, "unlisted node: 1");
}

/* A search problem with a node table: the score uses the cost factor and
 * the violation the node term. */
static void
problem(const nodes_table *t)
{
    cost_model *m = cost_model_load(NULL, "experiments/constants/sram.csv");
    space s;
    net *n;
    if (!m || space_read("t/data/sweep/sram.csv", &s) != IMC_OK ||
        net_read_table("t/data/ga-search/small.csv", &n) != IMC_OK)
        bail("fixtures: %s", msg);
    const net *nets[1] = {n};
    search_problem *p = search_problem_alloc(&s, m, nets, 1, SEARCH_EL_COST,
                                             800, COST_LATENCY_REFERENCE,
                                             16);
    search_problem_set_nodes(p, t);
    /* genes: voltage 0.60 (index 0), ..., tech 22 nm (index 0) */
    int genes[DESIGN_NPARAM] = {0};
    search_result r;
    is_int(IMC_OK, search_eval(p, genes, &r), "evaluates");
    design d;
    space_decode(&s, genes, &d);
    cost_result c;
    cost_eval_net(m, &d, n, COST_LATENCY_REFERENCE, &c);
    is_rel(c.energy_j * c.latency_s * c.area_mm2 * 1.2828, r.score, 1e-14,
           "el_cost at 22 nm: E * L * A * 1.2828");
    is_rel(1 + 0.05 / 0.65, r.violation, 1e-12,
           "0.60 V at 22 nm: the node term is the violation");
    search_problem_free(p);
    net_free(n);
    cost_model_free(m);
}

int
main(void)
{
    plan(53);
    imc_err_set_handler(capture);
    if (!mkdtemp(dir))
        bail("mkdtemp");
    reading();
    errors();
    nodes_table t;
    if (nodes_read("experiments/nodes.csv", &t) != IMC_OK)
        bail("%s", msg);
    objectives(&t);
    problem(&t);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        diag("could not remove %s", dir);
    return 0;
}
