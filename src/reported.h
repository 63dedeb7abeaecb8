/* reported.h: the papers' reported numbers set beside the reproduced ones.
 *
 * The papers' numbers are project data (experiments/paper-reported.csv:
 * source, quantity, workload, value, unit, note, experiment, citation);
 * each row names the experiment it belongs to, so a number is only ever set
 * against the experiment that reproduces it.  What reproduces a quantity
 * is data too (experiments/reported-map.csv), one row per reproduced value
 * shown beside it:
 *
 *   experiment   the paper-reported experiment tag (e.g. p1-core)
 *   quantity     the reported quantity (e.g. joint_vs_largest_gain)
 *   label        what the reproduced value is, for the reader
 *   alias        which input table holds it (an --csv ALIAS=FILE)
 *   where        fixed row filters "COL=VAL;COL!=VAL;COL=A|B" (may be empty)
 *   key          a column that must equal the reported row's workload
 *                (empty: no per-workload match)
 *   column       the value column
 *   lo, hi       optional interval columns (e.g. ci_lo, ci_hi)
 *   reduce       one (exactly one row matches), min or max (over the
 *                matching rows)
 *   at           columns ('+'-separated) that say which row a value came
 *                from (e.g. workload, or set+baseline)
 *   kind         optional: the kind of experiment the row serves (the
 *                same paper number is reproduced differently by a
 *                comparison and by the budget study); empty: any
 *
 * The join writes one row per (reported row, map row), in the order of
 * the reported rows:
 *   experiment,source,quantity,workload,paper_value,unit,label,reproduced,
 *   lo,hi,at,citation
 * where `at` holds the map row's `at` columns of the row the value came
 * from, '/'-joined.  A map row whose table has no matching row gives empty
 * values, never a guess; a reported number that no map row reproduces is
 * written once with the label "not reproduced by this experiment".  A
 * reported row without a workload is matched on no key.  Tables are held in memory; the
 * module owns them until reported_free().
 */
#ifndef IMC_REPORTED_H
#define IMC_REPORTED_H

#include <stddef.h>
#include <stdio.h>

typedef struct reported reported;

/* A join for the experiment tags tags[0..ntags-1] from the reported
 * numbers and the map at the given paths, using the map rows of `kind`
 * (NULL: every row).  NULL after reporting
 * "file:line: ..." on a missing column, a map row with an unknown reduce,
 * or out of memory. */
reported *reported_alloc(const char *reported_csv, const char *map_csv,
                         const char *const *tags, size_t ntags,
                         const char *kind);
void reported_free(reported *r);

/* Register input table `alias` (a CSV read whole).  IMC_OK, or IMC_EINPUT
 * after reporting. */
int reported_add_table(reported *r, const char *alias, const char *path);

/* Check that every alias the experiment's map rows name was added, then
 * write the joined table.  IMC_OK, or IMC_EINPUT after reporting (unknown
 * alias or column, non-numeric value, several rows for a reduce `one`). */
int reported_write(FILE *fp, reported *r);

#endif
