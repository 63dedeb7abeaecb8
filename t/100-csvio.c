/* t/100-csvio.c: the CSV layer: line numbers through comments and quoted
 * newlines, every malformed-input message, and atomic output. */
#include "csvio.h"
#include "err.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char msg[1024];
static void capture(const char *m) { snprintf(msg, sizeof msg, "%s", m); }
static char path[] = "/tmp/imc-csvio-XXXXXX";

static void
write_file(const char *text)
{
    FILE *fp = fopen(path, "w");
    fputs(text, fp);
    fclose(fp);
}

/* Read every record of text; return the status of the failing call and
 * leave the message (without the file name) in msg. */
static int
read_all(const char *text, long *last_line)
{
    write_file(text);
    msg[0] = '\0';
    csvio_reader *r = csvio_open(path);
    if (!r)
        return IMC_EINPUT;
    int st;
    while ((st = csvio_read(r)) == IMC_OK)
        *last_line = csvio_line(r);
    csvio_close(r);
    return st;
}

static const char *
tail(void)
{
    size_t n = strlen(path);
    return strncmp(msg, path, n) == 0 ? msg + n : msg;
}

int
main(void)
{
    plan(22);
    imc_err_set_handler(capture);
    close(mkstemp(path));
    long line = 0;

    is_int(IMC_EOF, read_all("a,b\n# a comment\n1,2\n\"x\ny\",3\n4,5\n", &line),
           "comments and a quoted newline read");
    is_int(6, line, "the last record starts on line 6");

    write_file("a,b\n1,\"q,r\"\n");
    csvio_reader *r = csvio_open(path);
    ok(r && csvio_read(r) == IMC_OK, "one record");
    is_string("q,r", csvio_field(r, 1), "quoted comma kept");
    is_int(1, csvio_col(r, "b"), "column index by name");
    is_int(-1, csvio_col(r, "c"), "unknown column is -1");
    double v;
    is_int(IMC_EINPUT, csvio_get_double(r, 1, &v), "'q,r' is no number");
    is_string(":2: column 'b': got 'q,r', expected a number", tail(),
              "message names line, column and value");
    long k;
    write_file("n\n07\n");
    csvio_close(r);
    r = csvio_open(path);
    csvio_read(r);
    is_int(IMC_EINPUT, csvio_get_long(r, 0, 10, 20, &k), "7 not in [10, 20]");
    is_string(":2: column 'n': got '07', expected an integer in [10, 20]",
              tail(), "range message");
    csvio_close(r);

    is_int(IMC_EINPUT, read_all("a,b\n1,2,3\n", &line), "too many fields");
    is_string(":2: expected 2 fields as in the header, got 3", tail(),
              "field-count message");
    is_int(IMC_EINPUT, read_all("a,a\n", &line), "repeated column");
    is_string(":1: header: column 'a' appears twice", tail(),
              "repeated-column message");
    is_int(IMC_EINPUT, read_all("", &line), "empty file");
    is_string(": empty file (expected a header row)", tail(),
              "empty-file message");
    is_int(IMC_EINPUT, read_all("a,b\n1,\"open\n", &line),
           "unterminated quote");
    is_string(":2: malformed CSV (unterminated quote)", tail(),
              "unterminated-quote message");

    /* Atomic output: nothing at the target until commit; abort leaves
     * nothing at all. */
    char target[64];
    snprintf(target, sizeof target, "%s.out", path);
    csvio_out out;
    csvio_out_open(&out, target);
    fputs("x\n", out.fp);
    ok(access(target, F_OK) != 0, "no output before commit");
    is_int(IMC_OK, csvio_out_commit(&out), "commit");
    ok(access(target, F_OK) == 0, "output after commit");
    unlink(target);
    csvio_out_open(&out, target);
    fputs("partial\n", out.fp);
    csvio_out_abort(&out);
    ok(access(target, F_OK) != 0, "abort leaves no output");
    unlink(path);
    return 0;
}
