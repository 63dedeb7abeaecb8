/* nodes.h: a technology-node table: for each node the chip may be built
 * in, its area-cost factor and the supply voltages it allows.
 *
 * The table is data (experiments/nodes.csv, documented in docs/sweep.md),
 * read with nodes_read() from a CSV with the columns
 *
 *     tech_nm,cost_factor,voltage_min_v,voltage_max_v,source
 *
 * one row per node: the node in nm (an integer, 1 to 1000, each node once),
 * the cost of one mm2 at that node relative to one mm2 at 32 nm (> 0), and
 * the lowest and highest supply voltage of a design at that node (0 <
 * voltage_min_v <= voltage_max_v < 5 V, design.h's voltage range).  The
 * source column cites where the row comes from; it is read but not used.
 * Other columns are ignored.
 *
 * With a table, a design is valid only when its node is in the table and
 * its voltage lies in the node's range (nodes_valid_p); its cost is
 * area_mm2 * cost_factor, in mm2 at 32 nm prices (P2's technology-node
 * study).
 *
 * Ownership: a nodes_table is a plain value (a fixed array, no heap data):
 * copy it freely; there is nothing to free.  Lookups return pointers into
 * the table they were given.
 */
#ifndef IMC_NODES_H
#define IMC_NODES_H

#include <stddef.h>

#include "design.h"

/* Most nodes one table may list (P2 studies 6). */
#define NODES_MAX 32

/* Voltages equal to a range end within this many volts count as inside:
 * the ends and the space's voltages are decimal values such as 0.45 that
 * need not round to the same double when written differently. */
#define NODES_VOLTAGE_TOL 1e-9

typedef struct nodes_entry {
    long tech_nm;          /* node, nm */
    double cost_factor;    /* cost of one mm2 relative to 32 nm */
    double voltage_min_v;  /* lowest supply voltage at this node, V */
    double voltage_max_v;  /* highest supply voltage at this node, V */
} nodes_entry;

typedef struct nodes_table {
    size_t n;                      /* nodes listed, 1 .. NODES_MAX */
    nodes_entry node[NODES_MAX];   /* in file order */
} nodes_table;

/* Read a node table from path into *t.  Returns IMC_OK, or reports
 * "file:line: what is wrong" and returns IMC_EINPUT on a missing or empty
 * file, a missing column, a value out of its range (the column named and
 * the value quoted), a node listed twice, voltage_min_v above
 * voltage_max_v, no rows, or more than NODES_MAX rows.  *t is filled only
 * on success. */
int nodes_read(const char *path, nodes_table *t);

/* Look up node tech_nm: IMC_OK with *e pointing into t, or IMC_EINPUT (not
 * reported) when the table does not list it. */
int nodes_find(const nodes_table *t, long tech_nm, const nodes_entry **e);

/* Predicate: 1 when design d's node is in t and its voltage lies within
 * that node's range (ends included, NODES_VOLTAGE_TOL). */
int nodes_valid_p(const nodes_table *t, const design *d);

/* The cost factor of d's node, or 1 when t is NULL or does not list it
 * (such a design is invalid anyway; 1 keeps every score finite). */
double nodes_cost_factor(const nodes_table *t, const design *d);

#endif
