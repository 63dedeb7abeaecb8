/* csvio.h: CSV in and out with line numbers, over libcsv.
 *
 * Reading: csvio_open() opens a file ("-" is stdin), reads its header row and
 * then hands out one record at a time with csvio_read().  libcsv reports only
 * byte offsets, so the reader feeds it one physical line at a time; every
 * record therefore knows the line it started on, and every diagnostic says
 * "file:line: ...".  Lines whose first character is '#' are comments (the
 * tools write provenance such as the seed there).  Field strings belong to the
 * reader and stay valid until the next csvio_read() or csvio_close().
 *
 * Every message is "file:line: ..."; a whole-file problem (cannot open,
 * empty file, missing column) is reported at line 1.
 *
 * Writing: csvio_out_open() writes into a temporary file beside the target
 * and csvio_out_commit() renames it into place, so a failed run never leaves
 * a partial output; csvio_out_abort() removes the temporary.  A NULL or "-"
 * path writes to stdout.  Numbers are printed with csvio_put_double() in one
 * fixed format ("%.10g") so reruns are byte-identical.  Two guards cover
 * what a tool may forget: temporaries are registered so that the handlers
 * of csvio_cleanup_on_signals() remove them when the process is killed, and
 * a NaN or infinity given to csvio_put_* makes every later commit fail.
 *
 * Ownership: a reader owns its fields and header until csvio_close(); a
 * csvio_out owns its path strings until commit or abort.  The registry of
 * temporaries and the non-finite count are the module's only process-wide
 * state (signals are process-wide); both are lock-free atomics.
 */
#ifndef IMC_CSVIO_H
#define IMC_CSVIO_H

#include <stddef.h>
#include <stdio.h>

typedef struct csvio_reader csvio_reader;

/* Open path and read its header; NULL (after reporting at file:1) on a
 * missing or empty file or a malformed header. */
csvio_reader *csvio_open(const char *path);
/* Close a reader and free what it owns; NULL is a no-op. */
void csvio_close(csvio_reader *r);

/* Read the next record: IMC_OK when a record is ready, IMC_EOF at end of
 * input, IMC_EINPUT (reported) on a malformed line, a read error (out of
 * memory included: never taken for the end), or a record whose field count
 * differs from the header's.  Loop as
 *     while ((st = csvio_read(r)) == IMC_OK) { ... }
 *     if (st != IMC_EOF) ... error ... */
int csvio_read(csvio_reader *r);

/* Accessors: the header's column count and names, the path as reported
 * ("<stdin>" for "-"), the line the current record started on (the
 * header's before the first record, the last record's after the end), and
 * field i of the current record (valid until the next read or close). */
size_t csvio_ncols(const csvio_reader *r);
const char *csvio_colname(const csvio_reader *r, size_t i);
const char *csvio_path(const csvio_reader *r);
long csvio_line(const csvio_reader *r);
const char *csvio_field(const csvio_reader *r, size_t i);

/* Column index of name, or -1. */
int csvio_col(const csvio_reader *r, const char *name);
/* Like csvio_col but reports "missing column 'name'" and returns -1. */
int csvio_require(const csvio_reader *r, const char *name);
/* Find n required columns into cols[]; reports the first missing one only
 * and returns IMC_EINPUT, else IMC_OK. */
int csvio_require_all(const csvio_reader *r, const char *const *names,
                      size_t n, int *cols);

/* Parse field i as a finite double / an integer within [min, max]; report
 * "column 'x': got 'v', expected ..." and return IMC_EINPUT otherwise. */
int csvio_get_double(const csvio_reader *r, size_t i, double *out);
int csvio_get_long(const csvio_reader *r, size_t i, long min, long max,
                   long *out);
/* A double that must be > 0. */
int csvio_get_positive(const csvio_reader *r, size_t i, double *out);

/* Report "file:line: fmt" at the current record; returns IMC_EINPUT. */
int csvio_fail(const csvio_reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- output ---------------------------------------------------------- */
typedef struct csvio_out {
    FILE *fp;
    char *path;     /* final path, NULL for stdout */
    char *tmp_path; /* temporary written until commit */
    int device;     /* 1: a /dev/ path written directly */
} csvio_out;

/* Open an atomic output; NULL/"-" means stdout.  Its temporary is
 * registered for csvio_cleanup_on_signals().  Returns IMC_OK or reports and
 * returns IMC_EINPUT. */
int csvio_out_open(csvio_out *out, const char *path);
/* Flush, check for write errors and rename into place: the same as
 * csvio_out_commit_all() of one output. */
int csvio_out_commit(csvio_out *out);
/* Commit several outputs together: flush and close every one, and only
 * when all succeeded, and no non-finite number was given to csvio_put_*
 * since the program started, rename them all into place; otherwise discard
 * them all.  Outputs already committed or aborted (fp NULL) are skipped.
 * Returns IMC_OK; IMC_EINPUT (reported) on a write error; IMC_ENUMERIC
 * (reported as "internal error: non-finite value in output") when a
 * non-finite number was written. */
int csvio_out_commit_all(csvio_out *const *outs, size_t n);
/* Discard a partial output (no-op for stdout). */
void csvio_out_abort(csvio_out *out);

/* Install handlers for SIGHUP, SIGINT and SIGTERM that remove every
 * registered temporary and then let the signal kill the process as it
 * would have (signals already ignored stay ignored).  Tools call it once
 * at start; calling it again is harmless.  IMC_OK, or IMC_EINPUT
 * (reported) when sigaction fails. */
int csvio_cleanup_on_signals(void);

/* Digits of csvio_put_double: enough that reruns print identical text and
 * a value read back differs by less than 1e-9 relative. */
#define CSVIO_DIGITS 10

/* Write a field, quoting it when it holds a comma, quote or newline. */
void csvio_put_string(FILE *fp, const char *s);
/* Write a number as "%.10g" / "%.<digits>g" / "%.<decimals>f".  A NaN or
 * infinity writes an empty field and is counted: every later commit then
 * fails (see csvio_out_commit_all). */
void csvio_put_double(FILE *fp, double v);
void csvio_put_g(FILE *fp, double v, int digits);
void csvio_put_f(FILE *fp, double v, int decimals);
/* How many non-finite numbers csvio_put_* refused so far (for tests). */
unsigned long csvio_nonfinite_count(void);

/* Parse a whole string as a number (no trailing junk; a double must be
 * finite): IMC_OK, or IMC_EINPUT (not reported) with *out unchanged. */
int csvio_to_double(const char *s, double *out);
int csvio_to_long(const char *s, long *out);

#endif
