/* table.h: one reader for every CSV table of the toolkit, driven by a
 * table of column specs, and the one array-growth helper of the library.
 *
 * A reader describes its columns once (name, type, required or optional
 * with a default, and where the value goes in a caller-defined row struct)
 * and table_read() does the rest: it opens the file (csvio.h), checks the
 * header (reporting the first missing required column only, on one line),
 * parses every field with "file:line: column 'x': got 'v', expected ..."
 * messages, calls an optional per-row callback for what a spec cannot say
 * (lookups, cross-column checks, skipping rows), and collects the rows into
 * a malloc'd array of the caller's row type.  A reader that only folds rows
 * into a context (the constants file) sets keep = 0 and gets no array.
 *
 * Example: the designs of a designs file (design.c):
 *
 *     table_col cols[DESIGN_NCOLS];
 *     design_table_cols(0, cols);
 *     table_spec spec = {.cols = cols, .ncols = DESIGN_NCOLS,
 *                        .row_size = sizeof(design), .keep = 1,
 *                        .row = check_design, .empty = "no designs"};
 *     table_rows rows;
 *     if (table_read(path, &spec, &rows) == IMC_OK)
 *         ... (design *)rows.rows, rows.n ...
 *
 * Ownership: specs belong to the caller (usually static); table_read()
 * owns its reader and scratch row while it runs and hands the row array
 * to the caller, who frees it with free().  Nothing else is allocated.
 */
#ifndef IMC_TABLE_H
#define IMC_TABLE_H

#include <stddef.h>

#include "csvio.h"

/* Room for at least `need` items of `size` bytes in the array `items`
 * (NULL to start), *cap items allocated so far: grows by doubling (from 16)
 * with realloc and returns the array, possibly moved, with *cap updated; or
 * NULL when out of memory or the size overflows, leaving `items` and *cap
 * as they were.  Not reported: the caller knows the file and line.  The one
 * growth helper of the library. */
void *table_grow(void *items, size_t *cap, size_t need, size_t size);

typedef enum {
    TABLE_STRING,   /* text copied into char[size] at offset (size 0: only
                       checked); length from min to size - 1 bytes */
    TABLE_DOUBLE,   /* a finite number */
    TABLE_POSITIVE, /* a finite number > 0 */
    TABLE_LONG,     /* an integer in [min, max] (no fraction, no exponent) */
    TABLE_CUSTOM    /* parse() converts the field */
} table_type;

/* A custom field parser: convert field i of r's current record into the
 * value at out; IMC_OK, or report at the record's line (csvio_fail) and
 * return IMC_EINPUT. */
typedef int table_parse_fn(const csvio_reader *r, size_t i, void *out);

typedef struct table_col {
    const char *name;      /* column name in the header */
    table_type type;
    int optional;          /* 1: the column may be absent (value `def`) */
    size_t offset;         /* offsetof(row struct, member) */
    size_t size;           /* TABLE_STRING: bytes of the char array */
    long min, max;         /* TABLE_LONG: range; TABLE_STRING: min length */
    double def;            /* an absent optional numeric column's value
                              (an absent string or custom column: zeroes) */
    table_parse_fn *parse; /* TABLE_CUSTOM */
} table_col;

/* Returned by a row callback: drop this row and go on (not an error). */
#define TABLE_SKIP 1

/* Callbacks.  `col[i]` is the column index in the file of spec i, -1 for
 * an absent optional column.  header: after the header check, before any
 * row; row: after the specs filled *row (return IMC_OK to keep it,
 * TABLE_SKIP to drop it, or a reported error status); end: after the last
 * row, while the reader is open (csvio_line is the last record's line, the
 * header's when there was none).  Each may be NULL. */
typedef int table_header_fn(const csvio_reader *r, const int *col,
                            void *ctx);
typedef int table_row_fn(const csvio_reader *r, const int *col, void *row,
                         void *ctx);
typedef int table_end_fn(const csvio_reader *r, void *ctx);

typedef struct table_spec {
    const table_col *cols;
    size_t ncols;             /* at most TABLE_MAX_COLS */
    size_t row_size;          /* bytes of one row struct */
    int keep;                 /* 1: collect the rows into table_rows */
    table_header_fn *header;
    table_row_fn *row;
    table_end_fn *end;
    void *ctx;                /* passed to the callbacks */
    /* When set, a table without a row (kept, or seen when keep = 0) is an
     * error reported as "file:line: <empty> (expected at least one row
     * after the header)" at the last line read. */
    const char *empty;
} table_spec;

#define TABLE_MAX_COLS 64

typedef struct table_rows {
    void *rows;    /* n rows of spec->row_size bytes; the caller frees */
    size_t n;
} table_rows;

/* Read the table at path ("-" is stdin) as spec says.  Returns IMC_OK with
 * the rows in *out (rows NULL when none or keep = 0), or the first error's
 * status (reported at file:line) with *out empty and nothing allocated. */
int table_read(const char *path, const table_spec *spec, table_rows *out);

/* The header part of table_read on an open reader: col[i] = the index of
 * spec i's column, -1 for an absent optional one.  IMC_OK, or IMC_EINPUT
 * after reporting "file:1: missing column 'x'" for the first missing
 * required column. */
int table_find_cols(const csvio_reader *r, const table_col *cols, size_t n,
                    int *col);

/* The field part of table_read for the current record: fills the members
 * of *row named by cols (defaults for absent optional columns).  IMC_OK, or
 * IMC_EINPUT after reporting the first bad field at the record's line. */
int table_parse_row(const csvio_reader *r, const table_col *cols, size_t n,
                    const int *col, void *row);

#endif
