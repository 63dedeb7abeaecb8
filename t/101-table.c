/* t/101-table.c: the column-spec table reader and the growth helper: every
 * column type with its message, optional columns and defaults, the first
 * missing column only, the callbacks (skip, error, end), rows kept or not,
 * and the empty-table message, all at file:line. */
#include "err.h"
#include "table.h"
#include "scratch.h"
#include "tap.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


typedef struct row {
    char name[8];
    double x, p;
    long k;
    int sign;      /* custom: "+" 1, "-" -1 */
    double opt;    /* optional, default 2.5 */
} row;

/* The custom column: + or -. */
static int
parse_sign(const csvio_reader *r, size_t i, void *out)
{
    const char *s = csvio_field(r, i);
    int v = strcmp(s, "+") == 0 ? 1 : strcmp(s, "-") == 0 ? -1 : 0;
    if (!v)
        return csvio_fail(r, "column 'sign': got '%s', expected + or -", s);
    memcpy(out, &v, sizeof v);
    return IMC_OK;
}

static const table_col cols[] = {
    {.name = "name", .type = TABLE_STRING, .min = 1,
     .offset = offsetof(row, name), .size = sizeof ((row *)0)->name},
    {.name = "x", .type = TABLE_DOUBLE, .offset = offsetof(row, x)},
    {.name = "p", .type = TABLE_POSITIVE, .offset = offsetof(row, p)},
    {.name = "k", .type = TABLE_LONG, .min = -3, .max = 7,
     .offset = offsetof(row, k)},
    {.name = "sign", .type = TABLE_CUSTOM, .offset = offsetof(row, sign),
     .parse = parse_sign},
    {.name = "opt", .type = TABLE_DOUBLE, .optional = 1, .def = 2.5,
     .offset = offsetof(row, opt)},
};
#define NCOLS (sizeof cols / sizeof cols[0])

/* Row callback: drops rows named "skip", refuses x > 100, counts. */
static int calls;
static int
check(const csvio_reader *r, const int *col, void *p, void *ctx)
{
    (void)col;
    (void)ctx;
    const row *x = p;
    calls++;
    if (strcmp(x->name, "skip") == 0)
        return TABLE_SKIP;
    if (x->x > 100)
        return csvio_fail(r, "x = %g is too large", x->x);
    return IMC_OK;
}

/* End callback: says how many rows it saw via ctx. */
static int
finish(const csvio_reader *r, void *ctx)
{
    *(long *)ctx = csvio_line(r);
    return IMC_OK;
}


/* Read text with the specs; the message without the path is in scratch_tail(). */
static int
read_text(const char *text, table_rows *rows, long *last)
{
    scratch_put(text);
    scratch_clear();
    calls = 0;
    table_spec spec = {.cols = cols, .ncols = NCOLS, .row_size = sizeof(row),
                       .keep = 1, .row = check, .end = finish, .ctx = last,
                       .empty = "no rows"};
    return table_read(scratch_path(), &spec, rows);
}


/* A bad table: status and message. */
static void
bad(const char *text, const char *want, const char *what)
{
    table_rows rows;
    long last = 0;
    is_int(IMC_EINPUT, read_text(text, &rows, &last), "%s: refused", what);
    ok(rows.rows == NULL && rows.n == 0, "%s: no rows left", what);
    is_string(want, scratch_tail(), "%s: message", what);
}

static void
test_grow(void)
{
    size_t cap = 0;
    int *v = table_grow(NULL, &cap, 1, sizeof *v);
    ok(v != NULL && cap == 16, "first growth: 16 items (got %zu)", cap);
    int *same = table_grow(v, &cap, 16, sizeof *v);
    ok(same == v && cap == 16, "room enough: unchanged");
    v = table_grow(v, &cap, 17, sizeof *v);
    ok(v != NULL && cap == 32, "17 items: doubled to 32");
    v = table_grow(v, &cap, 100, sizeof *v);
    ok(v != NULL && cap == 128, "100 items: doubled to 128");
    v[99] = 7;
    size_t big = cap;
    ok(table_grow(v, &big, SIZE_MAX / 2, sizeof *v) == NULL && big == cap,
       "an overflowing size fails and leaves the array alone");
    is_int(7, v[99], "contents kept");
    free(v);
}

static void
test_read(void)
{
    table_rows rows;
    long last = 0;
    /* columns in another order, an extra one, no 'opt' */
    is_int(IMC_OK, read_text("sign,k,p,x,extra,name\n"
                             "+,7,0.5,-1e3,?,alpha\n"
                             "-,-3,2,0,?,skip\n"
                             "# a comment\n"
                             "-,0,1e-9,42,?,b\n", &rows, &last),
           "a valid table");
    is_int(2, (long)rows.n, "two rows kept, one skipped");
    is_int(3, calls, "the row callback saw all three");
    is_int(5, last, "the end callback ran after the last line");
    row *r = rows.rows;
    is_string("alpha", r[0].name, "string");
    is_double(-1000, r[0].x, 0, "double");
    is_double(0.5, r[0].p, 0, "positive");
    is_int(7, r[0].k, "long at the top of its range");
    is_int(1, r[0].sign, "custom");
    is_double(2.5, r[0].opt, 0, "absent optional column: its default");
    ok(strcmp(r[1].name, "b") == 0 && r[1].sign == -1 && r[1].k == 0,
       "second kept row");
    free(rows.rows);

    is_int(IMC_OK, read_text("name,x,p,k,sign,opt\nz,1,1,1,+,9\n", &rows,
                             &last), "optional column present");
    is_double(9, ((row *)rows.rows)[0].opt, 0, "its value is read");
    free(rows.rows);

    /* keep = 0: rows only go to the callbacks */
    scratch_put("name,x,p,k,sign\nz,1,1,1,+\n");
    table_spec spec = {.cols = cols, .ncols = NCOLS, .row_size = sizeof(row),
                       .row = check};
    calls = 0;
    is_int(IMC_OK, table_read(scratch_path(), &spec, &rows), "keep = 0");
    ok(rows.rows == NULL && rows.n == 0 && calls == 1,
       "no array, the callback saw the row");
    /* no empty message: a header alone is a valid table */
    scratch_put("name,x,p,k,sign\n");
    is_int(IMC_OK, table_read(scratch_path(), &spec, &rows), "an empty table is fine "
           "without an empty message");
}

static void
test_errors(void)
{
    bad("name,p,sign\n", ":1: missing column 'x'",
        "two missing columns: the first only");
    bad("", ":1: empty file (expected a header row)", "empty file");
    bad("name,x,p,k,sign\n",
        ":1: no rows (expected at least one row after the header)",
        "no row");
    bad("name,x,p,k,sign\nskip,1,1,1,+\n",
        ":2: no rows (expected at least one row after the header)",
        "every row skipped");
    bad("name,x,p,k,sign\n,1,1,1,+\n",
        ":2: column 'name': got '', expected 1 to 7 characters", "empty name");
    bad("name,x,p,k,sign\nabcdefgh,1,1,1,+\n",
        ":2: column 'name': got 'abcdefgh', expected 1 to 7 characters",
        "name too long");
    bad("name,x,p,k,sign\na,1x,1,1,+\n",
        ":2: column 'x': got '1x', expected a number", "not a number");
    bad("name,x,p,k,sign\na,inf,1,1,+\n",
        ":2: column 'x': got 'inf', expected a number", "infinity");
    bad("name,x,p,k,sign\na,1,0,1,+\n",
        ":2: column 'p': got '0', expected a number > 0", "zero positive");
    bad("name,x,p,k,sign\na,1,1,8,+\n",
        ":2: column 'k': got '8', expected an integer in [-3, 7]",
        "long above its range");
    bad("name,x,p,k,sign\na,1,1,2.0,+\n",
        ":2: column 'k': got '2.0', expected an integer in [-3, 7]",
        "a fraction is no integer");
    bad("name,x,p,k,sign\na,1,1,1,*\n",
        ":2: column 'sign': got '*', expected + or -", "custom refuses");
    bad("name,x,p,k,sign\na,1,1,1,+\nb,101,1,1,+\n",
        ":3: x = 101 is too large", "row callback refuses");
    bad("name,x,p,k,sign,opt\na,1,1,1,+,\n",
        ":2: column 'opt': got '', expected a number",
        "optional column present but empty");
}

int
main(void)
{
    plan(64);
    scratch_init();
    test_grow();
    test_read();
    test_errors();
    scratch_done();
    return 0;
}
