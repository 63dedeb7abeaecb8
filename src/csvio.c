/* csvio.c: line-numbered CSV reading over libcsv, atomic CSV writing, the
 * registry of temporaries that signal handlers clean up, and the guard
 * against non-finite numbers in outputs. */
#include "csvio.h"
#include "err.h"
#include "table.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---------------------------------------------------------------- reader */

struct csvio_reader {
    FILE *fp;
    int own_fp;
    char *path;
    struct csv_parser parser;
    char *linebuf;       /* getline buffer */
    size_t linecap;
    long lineno;         /* physical line just fed to libcsv */
    long record_line;    /* line the record in `fields` started on */
    long pending_line;   /* line the record being assembled started on */
    int in_quote;        /* the text fed so far ends inside a quoted field */
    /* fields of the record being assembled */
    char **fields;
    size_t nfields, capfields;
    int record_ready;
    int oom;
    /* header */
    char **cols;
    size_t ncols;
    /* the record handed out by csvio_read */
    char **cur;
    size_t ncur;
};

static void
on_field(void *data, size_t len, void *p)
{
    csvio_reader *r = p;
    char **f = table_grow(r->fields, &r->capfields, r->nfields + 1,
                          sizeof *f);
    char *s = f ? malloc(len + 1) : NULL;
    if (f)
        r->fields = f;
    if (!s) {
        r->oom = 1;
        return;
    }
    if (len)
        memcpy(s, data, len);
    s[len] = '\0';
    r->fields[r->nfields++] = s;
}

static void
on_record(int c, void *p)
{
    (void)c;
    csvio_reader *r = p;
    r->record_ready = 1;
}

static void
free_fields(char **f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(f[i]);
}

/* Whether the text fed so far ends inside a quoted field, after feeding
 * line[0..len-1].  Under CSV_STRICT a quote may only open a field, close it
 * or stand doubled inside it (libcsv refuses any other), so the count of
 * quote characters fed is odd exactly while a quoted field is open: the
 * reader tracks that itself instead of reading libcsv's private state. */
static void
track_quotes(csvio_reader *r, const char *line, size_t len)
{
    for (const char *q = memchr(line, '"', len); q;
         q = memchr(q + 1, '"', len - (size_t)(q + 1 - line)))
        r->in_quote = !r->in_quote;
}

/* Pull physical lines into libcsv until one record is complete.  Returns
 * IMC_OK with the record moved into r->cur, IMC_EOF at end of input,
 * IMC_EINPUT on error. */
static int
read_record(csvio_reader *r)
{
    for (;;) {
        if (r->record_ready) {
            free_fields(r->cur, r->ncur);
            free(r->cur);
            r->cur = r->fields;
            r->ncur = r->nfields;
            r->fields = NULL;
            r->nfields = r->capfields = 0;
            r->record_ready = 0;
            r->record_line = r->pending_line;
            return IMC_OK;
        }
        errno = 0;
        ssize_t len = getline(&r->linebuf, &r->linecap, r->fp);
        if (len < 0) {
            /* getline also returns -1 when it cannot grow its buffer
             * (ENOMEM) or on a read error: only a stream at its end is the
             * end of the input */
            if (ferror(r->fp) || !feof(r->fp))
                return imc_fail(r->path, r->lineno + 1, "read error: %s",
                                strerror(errno ? errno : EIO));
            if (csv_fini(&r->parser, on_field, on_record, r) != 0)
                return imc_fail(r->path, r->lineno > 0 ? r->lineno : 1,
                                "malformed CSV (unterminated quote)");
            if (r->record_ready)
                continue;
            return IMC_EOF;
        }
        r->lineno++;
        /* A comment line, outside a quoted field, is skipped whole. */
        if (r->nfields == 0 && r->linebuf[0] == '#' && !r->in_quote)
            continue;
        if (memchr(r->linebuf, '\0', (size_t)len))
            return imc_fail(r->path, r->lineno, "NUL byte in CSV text");
        /* a record starts on the first line fed while none is open */
        if (r->nfields == 0 && !r->in_quote)
            r->pending_line = r->lineno;
        track_quotes(r, r->linebuf, (size_t)len);
        if (csv_parse(&r->parser, r->linebuf, (size_t)len, on_field,
                      on_record, r) != (size_t)len)
            return imc_fail(r->path, r->lineno, "malformed CSV: %s",
                            csv_strerror(csv_error(&r->parser)));
        if (r->oom)
            return imc_fail(r->path, r->lineno, "out of memory");
    }
}

csvio_reader *
csvio_open(const char *path)
{
    csvio_reader *r = calloc(1, sizeof *r);
    if (!r) {
        imc_fail(path, 1, "out of memory");
        return NULL;
    }
    int is_stdin = strcmp(path, "-") == 0;
    r->path = strdup(is_stdin ? "<stdin>" : path);
    r->fp = is_stdin ? stdin : fopen(path, "r");
    r->own_fp = !is_stdin;
    if (!r->path || !r->fp) {
        imc_fail(path, 1, "cannot open: %s", strerror(errno));
        r->own_fp = 0;
        csvio_close(r);
        return NULL;
    }
    if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        imc_fail(path, 1, "out of memory");
        csvio_close(r);
        return NULL;
    }
    int st = read_record(r);
    if (st != IMC_OK) {
        if (st == IMC_EOF)
            imc_fail(r->path, 1, "empty file (expected a header row)");
        csvio_close(r);
        return NULL;
    }
    r->cols = r->cur;
    r->ncols = r->ncur;
    r->cur = NULL;
    r->ncur = 0;
    for (size_t i = 0; i < r->ncols; i++) {
        if (r->cols[i][0] == '\0') {
            imc_fail(r->path, r->record_line, "header: column %zu is empty",
                     i + 1);
            csvio_close(r);
            return NULL;
        }
        for (size_t j = 0; j < i; j++)
            if (strcmp(r->cols[i], r->cols[j]) == 0) {
                imc_fail(r->path, r->record_line,
                         "header: column '%s' appears twice", r->cols[i]);
                csvio_close(r);
                return NULL;
            }
    }
    return r;
}

void
csvio_close(csvio_reader *r)
{
    if (!r)
        return;
    if (r->own_fp && r->fp)
        fclose(r->fp);
    csv_free(&r->parser);
    free_fields(r->fields, r->nfields);
    free(r->fields);
    free_fields(r->cols, r->ncols);
    free(r->cols);
    free_fields(r->cur, r->ncur);
    free(r->cur);
    free(r->linebuf);
    free(r->path);
    free(r);
}

int
csvio_read(csvio_reader *r)
{
    int st = read_record(r);
    if (st != IMC_OK)
        return st;
    if (r->ncur != r->ncols)
        return imc_fail(r->path, r->record_line,
                        "expected %zu fields as in the header, got %zu",
                        r->ncols, r->ncur);
    return IMC_OK;
}

size_t csvio_ncols(const csvio_reader *r) { return r->ncols; }
const char *csvio_colname(const csvio_reader *r, size_t i) { return r->cols[i]; }
const char *csvio_path(const csvio_reader *r) { return r->path; }
long csvio_line(const csvio_reader *r) { return r->record_line; }
const char *csvio_field(const csvio_reader *r, size_t i) { return r->cur[i]; }

int
csvio_col(const csvio_reader *r, const char *name)
{
    for (size_t i = 0; i < r->ncols; i++)
        if (strcmp(r->cols[i], name) == 0)
            return (int)i;
    return -1;
}

int
csvio_require(const csvio_reader *r, const char *name)
{
    int c = csvio_col(r, name);
    if (c < 0)
        imc_fail(r->path, 1, "missing column '%s'", name);
    return c;
}

int
csvio_require_all(const csvio_reader *r, const char *const *names, size_t n,
                  int *cols)
{
    for (size_t i = 0; i < n; i++)
        if ((cols[i] = csvio_require(r, names[i])) < 0)
            return IMC_EINPUT;
    return IMC_OK;
}

int
csvio_fail(const csvio_reader *r, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return imc_fail(r->path, r->record_line, "%s", msg);
}

int
csvio_to_double(const char *s, double *out)
{
    char *end;
    if (!*s)
        return IMC_EINPUT;
    errno = 0;
    double v = strtod(s, &end);
    if (*end || errno == ERANGE || !isfinite(v))
        return IMC_EINPUT;
    *out = v;
    return IMC_OK;
}

int
csvio_to_long(const char *s, long *out)
{
    char *end;
    if (!*s)
        return IMC_EINPUT;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*end || errno == ERANGE)
        return IMC_EINPUT;
    *out = v;
    return IMC_OK;
}

int
csvio_get_double(const csvio_reader *r, size_t i, double *out)
{
    if (csvio_to_double(r->cur[i], out))
        return csvio_fail(r, "column '%s': got '%s', expected a number",
                          r->cols[i], r->cur[i]);
    return IMC_OK;
}

int
csvio_get_positive(const csvio_reader *r, size_t i, double *out)
{
    if (csvio_to_double(r->cur[i], out) || !(*out > 0))
        return csvio_fail(r, "column '%s': got '%s', expected a number > 0",
                          r->cols[i], r->cur[i]);
    return IMC_OK;
}

int
csvio_get_long(const csvio_reader *r, size_t i, long min, long max, long *out)
{
    if (csvio_to_long(r->cur[i], out) || *out < min || *out > max) {
        if (max == __LONG_MAX__)
            return csvio_fail(r,
                              "column '%s': got '%s', expected an integer >= %ld",
                              r->cols[i], r->cur[i], min);
        return csvio_fail(r,
                          "column '%s': got '%s', expected an integer in [%ld, %ld]",
                          r->cols[i], r->cur[i], min, max);
    }
    return IMC_OK;
}

/* ----------------------------------------------------------- temporaries
 *
 * The one piece of process-wide state in the library, because signals are
 * process-wide: every temporary of an open output is registered here, so a
 * SIGTERM, SIGINT or SIGHUP can remove it before the process dies.  Slots
 * are lock-free atomic pointers (claimed by compare-and-swap, so outputs
 * may be opened from several threads), and the handler only loads them and
 * calls unlink(), both async-signal-safe.  A path stays registered, and its
 * string allocated, until after its file was renamed or unlinked. */

/* More temporaries than any tool keeps open at once (a tool writes a few
 * outputs); past that, an output is still written, only not cleaned up on
 * a signal. */
#define CSVIO_MAX_TEMPS 256

static _Atomic(char *) temps[CSVIO_MAX_TEMPS];

static void
temp_register(char *path)
{
    for (size_t i = 0; i < CSVIO_MAX_TEMPS; i++) {
        char *none = NULL;
        if (atomic_compare_exchange_strong(&temps[i], &none, path))
            return;
    }
}

static void
temp_unregister(const char *path)
{
    for (size_t i = 0; i < CSVIO_MAX_TEMPS; i++)
        if (atomic_load(&temps[i]) == path)
            atomic_store(&temps[i], NULL);
}

/* Remove every registered temporary, then die of the same signal: the
 * handler was installed with SA_RESETHAND, so the re-raised signal takes
 * its default action once this returns. */
static void
on_fatal_signal(int sig)
{
    int saved = errno;
    for (size_t i = 0; i < CSVIO_MAX_TEMPS; i++) {
        char *p = atomic_load(&temps[i]);
        if (p)
            unlink(p);
    }
    errno = saved;
    raise(sig);
}

int
csvio_cleanup_on_signals(void)
{
    static const int sigs[] = {SIGHUP, SIGINT, SIGTERM};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction old, sa;
        if (sigaction(sigs[i], NULL, &old) != 0)
            return imc_fail(NULL, 0, "sigaction: %s", strerror(errno));
        /* a signal the caller ignores (nohup) stays ignored */
        if (old.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fatal_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESETHAND;
        if (sigaction(sigs[i], &sa, NULL) != 0)
            return imc_fail(NULL, 0, "sigaction: %s", strerror(errno));
    }
    return IMC_OK;
}

/* ------------------------------------------------------ non-finite guard
 *
 * Numbers reach outputs through csvio_put_double/_g/_f, which refuse NaN
 * and infinities: they write an empty field instead and count it here
 * (atomically: tools write from several threads), and every commit fails
 * while the count is not zero.  A last resort: a tool must decide what an
 * undefined value means itself (calibrate writes an empty spearman_rho for
 * a constant metric); this only makes sure a bug cannot exit 0. */
static atomic_ulong nonfinite_written;

unsigned long
csvio_nonfinite_count(void)
{
    return atomic_load(&nonfinite_written);
}

/* IMC_ENUMERIC (reported) when a non-finite value was written. */
static int
check_finite(void)
{
    if (atomic_load(&nonfinite_written) == 0)
        return IMC_OK;
    return imc_fail_status(IMC_ENUMERIC, NULL, 0,
                           "internal error: non-finite value in output");
}

/* ---------------------------------------------------------------- writer */

int
csvio_out_open(csvio_out *out, const char *path)
{
    memset(out, 0, sizeof *out);
    if (!path || strcmp(path, "-") == 0) {
        out->fp = stdout;
        return IMC_OK;
    }
    /* A device (/dev/stdout, /dev/null) cannot get a temporary beside it
     * and has no partial file to leave behind: write to it directly. */
    if (strncmp(path, "/dev/", 5) == 0) {
        out->fp = fopen(path, "w");
        if (!out->fp)
            return imc_fail(path, 0, "cannot write: %s", strerror(errno));
        out->device = 1;
        return IMC_OK;
    }
    size_t n = strlen(path) + 16;
    out->path = strdup(path);
    out->tmp_path = malloc(n);
    if (!out->path || !out->tmp_path) {
        csvio_out_abort(out);
        return imc_fail(path, 0, "out of memory");
    }
    snprintf(out->tmp_path, n, "%s.tmpXXXXXX", path);
    int fd = mkstemp(out->tmp_path);
    if (fd >= 0)
        temp_register(out->tmp_path);
    /* mkstemp creates 0600; an output file gets the usual 0666 & ~umask */
    if (fd >= 0) {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    if (fd < 0 || !(out->fp = fdopen(fd, "w"))) {
        int e = errno;
        if (fd >= 0) {
            close(fd);
            unlink(out->tmp_path);
            temp_unregister(out->tmp_path);
        }
        free(out->tmp_path);
        out->tmp_path = NULL;
        csvio_out_abort(out);
        return imc_fail(path, 0, "cannot write: %s", strerror(e));
    }
    return IMC_OK;
}

/* Forget a committed output's paths. */
static void
release_paths(csvio_out *out)
{
    if (out->tmp_path)
        temp_unregister(out->tmp_path);
    free(out->tmp_path);
    free(out->path);
    out->tmp_path = out->path = NULL;
}

int
csvio_out_commit(csvio_out *out)
{
    csvio_out *one[1] = {out};
    return csvio_out_commit_all(one, 1);
}

int
csvio_out_commit_all(csvio_out *const *outs, size_t n)
{
    /* First make sure every output is complete on disk, then rename them
     * all: a write error in any leaves none of them behind. */
    int bad = 0, e = 0;
    for (size_t i = 0; i < n; i++) {
        csvio_out *o = outs[i];
        if (!o->fp)
            continue;
        if (fflush(o->fp) != 0 || ferror(o->fp)) {
            bad = 1;
            e = errno;
        }
        if (o->fp != stdout) {
            if (fclose(o->fp) != 0 && !bad) {
                bad = 1;
                e = errno;
            }
        }
        o->fp = NULL;
    }
    int st = bad ? IMC_OK : check_finite();
    if (st != IMC_OK) {
        for (size_t i = 0; i < n; i++)
            csvio_out_abort(outs[i]);
        return st;
    }
    for (size_t i = 0; !bad && i < n; i++) {
        csvio_out *o = outs[i];
        if (o->tmp_path && rename(o->tmp_path, o->path) != 0) {
            bad = 1;
            e = errno;
        }
        if (!bad)
            release_paths(o);
    }
    if (bad) {
        for (size_t i = 0; i < n; i++)
            csvio_out_abort(outs[i]);
        return imc_fail(NULL, 0, "error writing output: %s", strerror(e));
    }
    return IMC_OK;
}

void
csvio_out_abort(csvio_out *out)
{
    if (out->fp && out->fp != stdout)
        fclose(out->fp);
    out->fp = NULL;
    if (out->tmp_path)
        unlink(out->tmp_path);
    release_paths(out);
}

void
csvio_put_string(FILE *fp, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

/* A number in "%.*g" (fixed = 0) or "%.*f" (fixed = 1), or an empty field
 * and a count when it is not finite. */
static void
put_number(FILE *fp, double v, int precision, int fixed)
{
    if (!isfinite(v)) {
        atomic_fetch_add(&nonfinite_written, 1);
        return;
    }
    fprintf(fp, fixed ? "%.*f" : "%.*g", precision, v);
}

void
csvio_put_g(FILE *fp, double v, int digits)
{
    put_number(fp, v, digits, 0);
}

void
csvio_put_f(FILE *fp, double v, int decimals)
{
    put_number(fp, v, decimals, 1);
}

void
csvio_put_double(FILE *fp, double v)
{
    csvio_put_g(fp, v, CSVIO_DIGITS);
}
