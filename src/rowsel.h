/* rowsel.h: reading the rows of a CSV that a selection names.
 *
 * Every statistics tool takes its inputs as a selection spec
 * "FILE[:COL=VALUE...]": the rows of FILE whose column COL holds exactly the
 * text VALUE, for every COL=VALUE given (e.g. "optimum.csv:target=joint:
 * area_max_mm2=800").  A filter starts at each ':' that is followed by a
 * column name ([A-Za-z_][A-Za-z0-9_]*) and '='; everything before the first
 * filter is the file, and a filter's value runs to the next filter, so a
 * value may itself hold ':' ("case=asym:20x20:p2") and a file name may too,
 * as long as no ':' in it is followed by NAME=.  No filter: every row.
 *
 * A rowsel_reader owns its csvio_reader and a copy of the spec; the
 * csvio_reader it lends (rowsel_csv) is valid until rowsel_close, and its
 * fields until the next rowsel_read, as with csvio_read.
 */
#ifndef IMC_ROWSEL_H
#define IMC_ROWSEL_H

#include <stddef.h>

#include "csvio.h"

/* Most filters one spec may carry. */
#define ROWSEL_MAX_FILTERS 16

typedef struct rowsel_reader rowsel_reader;

/* Open the file of spec, read its header and find the filter columns.
 * Returns IMC_OK with *out set, or IMC_EINPUT after reporting (the file
 * cannot be read, a filter names a missing column, more than
 * ROWSEL_MAX_FILTERS filters, out of memory) with *out NULL. */
int rowsel_open(const char *spec, rowsel_reader **out);

/* Close the reader; NULL is a no-op. */
void rowsel_close(rowsel_reader *s);

/* Read up to the next record that passes every filter: IMC_OK when one is
 * ready, IMC_EOF at the end of the file, IMC_EINPUT (reported) on a
 * malformed line. */
int rowsel_read(rowsel_reader *s);

/* The underlying reader, for column lookups and field access. */
csvio_reader *rowsel_csv(const rowsel_reader *s);

/* The file part of the spec (what messages name). */
const char *rowsel_path(const rowsel_reader *s);

/* The filters as given, without the file ("" when none, else e.g.
 * ":target=joint"), for messages that must say which rows were asked for. */
const char *rowsel_filters(const rowsel_reader *s);

/* Records returned by rowsel_read so far. */
size_t rowsel_nmatched(const rowsel_reader *s);

/* Report "FILE: no rows" (with " match :COL=VALUE..." when filtered) and
 * return IMC_EINPUT: the one message for an empty selection. */
int rowsel_fail_empty(const rowsel_reader *s);

#endif
