/* nodes.c: technology-node tables (see nodes.h). */
#include "nodes.h"
#include "csvio.h"
#include "err.h"

#include <string.h>

/* Parse one row into *e, checking every range of nodes.h. */
static int
parse_row(const csvio_reader *r, const int *col, nodes_entry *e)
{
    if (csvio_get_long(r, (size_t)col[0], 1, 1000, &e->tech_nm) != IMC_OK ||
        csvio_get_positive(r, (size_t)col[1], &e->cost_factor) != IMC_OK)
        return IMC_EINPUT;
    double *v[2] = {&e->voltage_min_v, &e->voltage_max_v};
    for (int k = 0; k < 2; k++) {
        size_t c = (size_t)col[2 + k];
        /* design.h's voltage range: (0, 5) V */
        if (csvio_to_double(csvio_field(r, c), v[k]) != IMC_OK ||
            !(*v[k] > 0 && *v[k] < 5))
            return csvio_fail(r, "column '%s': got '%s', expected a voltage "
                              "in (0, 5) V", csvio_colname(r, c),
                              csvio_field(r, c));
    }
    if (e->voltage_min_v > e->voltage_max_v)
        return csvio_fail(r, "column 'voltage_min_v': got '%s', above "
                          "voltage_max_v '%s'", csvio_field(r, (size_t)col[2]),
                          csvio_field(r, (size_t)col[3]));
    return IMC_OK;
}

/* Read a node table; the contract is in nodes.h. */
int
nodes_read(const char *path, nodes_table *out)
{
    csvio_reader *r = csvio_open(path);
    if (!r)
        return IMC_EINPUT;
    static const char *const names[] = {"tech_nm", "cost_factor",
                                        "voltage_min_v", "voltage_max_v",
                                        "source"};
    int col[5];
    nodes_table t;
    memset(&t, 0, sizeof t);
    int st = csvio_require_all(r, names, 5, col), got = IMC_OK;
    while (st == IMC_OK && (got = csvio_read(r)) == IMC_OK) {
        nodes_entry e;
        const nodes_entry *seen;
        if ((st = parse_row(r, col, &e)) != IMC_OK)
            break;
        if (nodes_find(&t, e.tech_nm, &seen) == IMC_OK)
            st = csvio_fail(r, "column 'tech_nm': node %ld is listed twice",
                            e.tech_nm);
        else if (t.n == NODES_MAX)
            st = csvio_fail(r, "more than %d nodes", NODES_MAX);
        else
            t.node[t.n++] = e;
    }
    if (st == IMC_OK && got != IMC_EOF)
        st = IMC_EINPUT;
    if (st == IMC_OK && t.n == 0)
        st = imc_fail(csvio_path(r), 0, "no nodes (expected at least one "
                      "row after the header)");
    csvio_close(r);
    if (st == IMC_OK)
        *out = t;
    return st;
}

/* Look a node up; see nodes.h. */
int
nodes_find(const nodes_table *t, long tech_nm, const nodes_entry **e)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->node[i].tech_nm == tech_nm) {
            *e = &t->node[i];
            return IMC_OK;
        }
    return IMC_EINPUT;
}

/* Whether d's node is listed and its voltage in range; see nodes.h. */
int
nodes_valid_p(const nodes_table *t, const design *d)
{
    const nodes_entry *e;
    if (nodes_find(t, d->tech_nm, &e) != IMC_OK)
        return 0;
    return d->voltage_v >= e->voltage_min_v - NODES_VOLTAGE_TOL &&
           d->voltage_v <= e->voltage_max_v + NODES_VOLTAGE_TOL;
}

/* The cost factor of d's node; see nodes.h. */
double
nodes_cost_factor(const nodes_table *t, const design *d)
{
    const nodes_entry *e;
    if (!t || nodes_find(t, d->tech_nm, &e) != IMC_OK)
        return 1;
    return e->cost_factor;
}
