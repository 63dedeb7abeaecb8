/* benchsum.h: the figures of tools/bench.sh from its raw runs.
 *
 * bench.sh measures each figure several times, on this checkout ("this")
 * and, for bench-compare, on another revision ("base"), and records one CSV
 * row per run, columns read by name:
 *   figure  the figure's name (no spaces), e.g. sweep_rram_p2_s
 *   unit    its unit (no spaces), e.g. s or designs/s
 *   side    this or base
 *   value   a measured number (bench-cost's designs/s), a plain decimal
 *           >= 0; empty for a timed run
 *   start_s, end_s  the wall-clock stamps (seconds, >= 0) around a timed
 *           run; empty for a value run
 * A figure's runs are all value runs or all timed runs, all of one unit.
 * A timed run's duration is end_s - start_s rounded to milliseconds (its
 * text is "%.3f").  Per figure and side, the median of the runs
 * (summary_quantile_sorted: the middle one of an odd count, the mean of
 * the two middle ones of an even count).  When any row is a base row,
 * every figure must have base rows and this rows, and the speedup is
 * this/base for a figure named *_per_s (a rate) and base/this otherwise (a
 * time); a zero denominator or a ratio that is not finite is an error,
 * so no NaN or infinity is ever printed.
 *
 * Output (benchsum_write), one line per figure in order of first
 * appearance, the line format bench.sh has always written:
 *   name value unit                       (no base rows)
 *   name value base_value unit 7.13x      (with base rows; "%.2fx")
 * A median of an odd count is printed as its run's text (a value as it was
 * given, a duration "%.3f"); of an even count as "%.6g", or in full when it
 * is an integer below 2^31.
 *
 * Ownership: a benchsum owns copies of every string it keeps; free it with
 * benchsum_free.
 */
#ifndef IMC_BENCHSUM_H
#define IMC_BENCHSUM_H

#include <stdio.h>

typedef struct benchsum benchsum;

/* Read the runs of path ("-" is stdin), check them and compute every
 * figure's medians and speedup into a new *out.  IMC_OK, or IMC_EINPUT
 * after reporting "file:line: what is wrong": a missing column, a figure
 * or unit that is empty or holds a space, a side other than this/base, a
 * value that is not a plain number >= 0, a time that is not a number >= 0,
 * end_s before start_s, a row with both or neither of value and the two
 * times, a figure mixing value and timed runs or units, no rows at all,
 * base rows for some figures but not all, a figure with base rows but no
 * this rows, a zero median as a speedup's denominator, a speedup that is
 * not finite; or out of memory. */
int benchsum_read(const char *path, benchsum **out);

/* Write the figures' lines (format above).  IMC_OK. */
int benchsum_write(FILE *fp, const benchsum *b);

/* Release; NULL is a no-op. */
void benchsum_free(benchsum *b);

#endif
