/* t/100-csvio.c: the CSV layer: line numbers through comments and quoted
 * newlines (the reader's own quote tracking), every malformed-input
 * message at file:line, control bytes escaped, a getline failure that is
 * not taken for the end of the file, atomic output (one and several
 * outputs together), temporaries removed by a signal, and the guard that
 * makes a commit fail after a non-finite number was written. */
#include "csvio.h"
#include "err.h"
#include "scratch.h"
#include "tap.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>



/* Read every record of text; return the status of the failing call and
 * leave the message in scratch_msg(). */
static int
read_all(const char *text, long *last_line)
{
    scratch_put(text);
    scratch_clear();
    csvio_reader *r = csvio_open(scratch_path());
    if (!r)
        return IMC_EINPUT;
    int st;
    while ((st = csvio_read(r)) == IMC_OK)
        *last_line = csvio_line(r);
    csvio_close(r);
    return st;
}

/* The parent's side of a forked check: close the write end of fd, read
 * what the child wrote into buf (cap bytes, terminated, one trailing
 * newline dropped) and wait for it; returns its wait status. */
static int
child_result(pid_t pid, int fd[2], char *buf, size_t cap)
{
    close(fd[1]);
    ssize_t n = read(fd[0], buf, cap - 1);
    buf[n > 0 ? n : 0] = '\0';
    if (n > 0 && buf[n - 1] == '\n')
        buf[n - 1] = '\0';
    close(fd[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
}


/* Lines and fields through comments and quotes. */
static void
test_reading(void)
{
    long line = 0;
    is_int(IMC_EOF, read_all("a,b\n# a comment\n1,2\n\"x\ny\",3\n4,5\n", &line),
           "comments and a quoted newline read");
    is_int(6, line, "the last record starts on line 6");

    /* A line starting with '#' inside a quoted field is text, not a
     * comment; after the field closes, '#' starts comments again, also
     * after a doubled quote ("") that leaves the field open. */
    scratch_put("a,b\n\"x\n# kept\",1\n# skipped\n\"p\"\"\n# kept too\",2\n");
    csvio_reader *r = csvio_open(scratch_path());
    ok(r && csvio_read(r) == IMC_OK, "record with a '#' line inside quotes");
    is_string("x\n# kept", csvio_field(r, 0), "the '#' line is part of it");
    is_int(2, csvio_line(r), "it starts on line 2");
    ok(csvio_read(r) == IMC_OK, "next record after the comment");
    is_string("p\"\n# kept too", csvio_field(r, 0),
              "doubled quote: the field stays open over the '#' line");
    is_int(5, csvio_line(r), "it starts on line 5");
    is_int(IMC_EOF, csvio_read(r), "then the end");
    csvio_close(r);

    scratch_put("a,b\n1,\"q,r\"\n");
    r = csvio_open(scratch_path());
    ok(r && csvio_read(r) == IMC_OK, "one record");
    is_string("q,r", csvio_field(r, 1), "quoted comma kept");
    is_int(1, csvio_col(r, "b"), "column index by name");
    is_int(-1, csvio_col(r, "c"), "unknown column is -1");
    double v;
    is_int(IMC_EINPUT, csvio_get_double(r, 1, &v), "'q,r' is no number");
    is_string(":2: column 'b': got 'q,r', expected a number", scratch_tail(),
              "message names line, column and value");
    csvio_close(r);
    long k;
    scratch_put("n\n07\n");
    r = csvio_open(scratch_path());
    csvio_read(r);
    is_int(IMC_EINPUT, csvio_get_long(r, 0, 10, 20, &k), "7 not in [10, 20]");
    is_string(":2: column 'n': got '07', expected an integer in [10, 20]",
              scratch_tail(), "range message");
    is_int(IMC_OK, csvio_get_positive(r, 0, &v), "07 is a number > 0");
    is_double(7, v, 0, "read as 7");
    csvio_close(r);
}

/* Every malformed-input message, at file:line (line 1 for the whole
 * file). */
static void
test_messages(void)
{
    long line = 0;
    is_int(IMC_EINPUT, read_all("a,b\n1,2,3\n", &line), "too many fields");
    is_string(":2: expected 2 fields as in the header, got 3", scratch_tail(),
              "field-count message");
    is_int(IMC_EINPUT, read_all("a,a\n", &line), "repeated column");
    is_string(":1: header: column 'a' appears twice", scratch_tail(),
              "repeated-column message");
    is_int(IMC_EINPUT, read_all("a,,b\n", &line), "empty column name");
    is_string(":1: header: column 2 is empty", scratch_tail(), "empty-name message");
    is_int(IMC_EINPUT, read_all("", &line), "empty file");
    is_string(":1: empty file (expected a header row)", scratch_tail(),
              "empty-file message at line 1");
    is_int(IMC_EINPUT, read_all("# only a comment\n", &line),
           "only comments");
    is_string(":1: empty file (expected a header row)", scratch_tail(),
              "only comments: empty file");
    is_int(IMC_EINPUT, read_all("a,b\n1,\"open\n", &line),
           "unterminated quote");
    is_string(":2: malformed CSV (unterminated quote)", scratch_tail(),
              "unterminated-quote message");
    is_int(IMC_EINPUT, read_all("a,b\n1,x\"y\n", &line), "stray quote");
    is_string(":2: malformed CSV: error parsing data while strict checking "
              "enabled", scratch_tail(), "stray-quote message");
    FILE *fp = fopen(scratch_path(), "w");
    fwrite("a\nx\0y\n", 1, 6, fp);
    fclose(fp);
    csvio_reader *nul = csvio_open(scratch_path());
    is_int(IMC_EINPUT, nul ? csvio_read(nul) : IMC_OK, "NUL byte");
    csvio_close(nul);
    is_string(":2: NUL byte in CSV text", scratch_tail(), "NUL-byte message");

    char missing[64];
    snprintf(missing, sizeof missing, "%s.none", scratch_path());
    ok(csvio_open(missing) == NULL, "missing file");
    char want[128];
    snprintf(want, sizeof want, "%s:1: cannot open: No such file or "
             "directory", missing);
    is_string(want, scratch_msg(), "cannot-open message at line 1");

    scratch_put("a,b\n1,2\n");
    csvio_reader *r = csvio_open(scratch_path());
    int cols[2];
    static const char *const two[] = {"c", "d"};
    is_int(IMC_EINPUT, csvio_require_all(r, two, 2, cols),
           "two missing columns");
    is_string(":1: missing column 'c'", scratch_tail(), "only the first is reported");
    csvio_close(r);
}

/* Control bytes quoted from the input are escaped once, in err.c. */
static void
test_escapes(void)
{
    scratch_put("n\n\x1b[2J\x01\n");
    csvio_reader *r = csvio_open(scratch_path());
    double v;
    csvio_read(r);
    csvio_get_double(r, 0, &v);
    is_string(":2: column 'n': got '\\x1b[2J\\x01', expected a number", scratch_tail(),
              "ESC and SOH written as \\xNN");
    csvio_close(r);
    imc_fail("f", 3, "got '%s'", "a\tb\nc\x7f\xc3\xa9");
    is_string("f:3: got 'a\\x09b\\x0ac\\x7f\xc3\xa9'", scratch_msg(),
              "tab, newline and DEL escaped, UTF-8 kept");
    char out[8];
    imc_escape_controls("ab\x01" "cd", out, sizeof out);
    is_string("ab\\x01c", out, "escaping stops where the buffer ends");
}

/* getline() returns -1 when it cannot grow its buffer; that must not be
 * taken for the end of the file.  /dev/zero is one endless line: under an
 * address-space limit getline fails with ENOMEM.  (AddressSanitizer
 * reserves terabytes of address space, so a limit cannot be set there.) */
static void
test_getline_failure(void)
{
#if defined(__SANITIZE_ADDRESS__)
    ok(1, "# SKIP address-space limit under AddressSanitizer");
    ok(1, "# SKIP address-space limit under AddressSanitizer");
#else
    int fd[2];
    if (pipe(fd) != 0)
        bail("pipe");
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        /* what the process has mapped now, plus 64 MiB for getline */
        long pages = 0;
        FILE *statm = fopen("/proc/self/statm", "r");
        if (!statm || fscanf(statm, "%ld", &pages) != 1)
            _exit(99);
        fclose(statm);
        struct rlimit lim;
        lim.rlim_cur = lim.rlim_max =
            (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + (64u << 20);
        if (setrlimit(RLIMIT_AS, &lim) != 0)
            _exit(98);
        csvio_reader *r = csvio_open("/dev/zero");
        dprintf(fd[1], "%s", r ? "opened" : scratch_msg());
        _exit(r ? 1 : 0);
    }
    char got[512];
    int status = child_result(pid, fd, got, sizeof got);
    ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
       "out of memory in getline is an error, not an empty file");
    is_string("/dev/zero:1: read error: Cannot allocate memory", got,
              "the message says so at the line being read");
#endif
}

/* Atomic output: nothing at the target until commit; abort, and a failed
 * commit of several outputs, leave nothing at all. */
static void
test_outscratch_put(void)
{
    char target[64], second[64];
    snprintf(target, sizeof target, "%s.out", scratch_path());
    snprintf(second, sizeof second, "%s.two", scratch_path());
    csvio_out out, dev;
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

    /* two outputs, the second on a full device: neither is committed */
    csvio_out_open(&out, target);
    csvio_out_open(&dev, "/dev/full");
    fputs("a,b\n1,2\n", out.fp);
    fputs("will not fit\n", dev.fp);
    csvio_out *both[] = {&out, &dev};
    scratch_clear();
    is_int(IMC_EINPUT, csvio_out_commit_all(both, 2), "commit_all fails");
    is_string("error writing output: No space left on device", scratch_msg(),
              "one line for the failed output");
    ok(access(target, F_OK) != 0, "and the good output is not committed");

    csvio_out_open(&out, target);
    csvio_out_open(&dev, second);
    csvio_put_g(out.fp, 1.0 / 3.0, 3);
    fputc(',', out.fp);
    csvio_put_f(out.fp, 2.0 / 3.0, 2);
    fputc(',', out.fp);
    csvio_put_double(out.fp, 1e-300);
    fputc('\n', out.fp);
    csvio_put_string(dev.fp, "a,\"b\"");
    is_int(IMC_OK, csvio_out_commit_all(both, 2), "commit_all of two");
    char line[128] = "";
    FILE *fp = fopen(target, "r");
    ok(fp && fgets(line, sizeof line, fp), "first output there");
    if (fp)
        fclose(fp);
    is_string("0.333,0.67,1e-300\n", line, "%%.3g, %%.2f and %%.10g");
    fp = fopen(second, "r");
    ok(fp && fgets(line, sizeof line, fp), "second output there");
    if (fp)
        fclose(fp);
    is_string("\"a,\"\"b\"\"\"", line, "a field with a comma and quotes");
    unlink(target);
    unlink(second);
}

/* A signal while an output is open removes its temporary, and the process
 * still dies of the signal. */
static void
test_signal_cleanup(int sig, const char *name)
{
    char target[64], tmpl[80];
    snprintf(target, sizeof target, "%s.sig", scratch_path());
    int fd[2];
    if (pipe(fd) != 0)
        bail("pipe");
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        csvio_out out;
        if (csvio_cleanup_on_signals() != IMC_OK ||
            csvio_cleanup_on_signals() != IMC_OK ||
            csvio_out_open(&out, target) != IMC_OK)
            _exit(1);
        fputs("partial\n", out.fp);
        fflush(out.fp);
        dprintf(fd[1], "%s\n", out.tmp_path);
        close(fd[1]);
        raise(sig);
        _exit(2);
    }
    int status = child_result(pid, fd, tmpl, sizeof tmpl);
    ok(WIFSIGNALED(status) && WTERMSIG(status) == sig,
       "%s: the process dies of it", name);
    ok(strstr(tmpl, ".tmp") != NULL, "%s: it had a temporary (%s)", name,
       tmpl);
    ok(access(tmpl, F_OK) != 0, "%s: the temporary is gone", name);
    ok(access(target, F_OK) != 0, "%s: and no output was made", name);
}

/* Last, as it poisons the process: after a NaN or an infinity was given
 * to csvio_put_*, every commit fails with IMC_ENUMERIC. */
static void
test_nonfinite_guard(void)
{
    char target[64];
    snprintf(target, sizeof target, "%s.nan", scratch_path());
    csvio_out out;
    is_int(0, (long)csvio_nonfinite_count(), "nothing non-finite yet");
    csvio_out_open(&out, target);
    csvio_put_double(out.fp, 1.5);
    fputc(',', out.fp);
    csvio_put_double(out.fp, NAN);
    fputc(',', out.fp);
    csvio_put_f(out.fp, -INFINITY, 3);
    fputc(',', out.fp);
    csvio_put_g(out.fp, HUGE_VAL, 6);
    is_int(3, (long)csvio_nonfinite_count(), "three counted");
    scratch_clear();
    is_int(IMC_ENUMERIC, csvio_out_commit(&out), "the commit fails: exit 3");
    is_string("internal error: non-finite value in output", scratch_msg(),
              "with the guard's message");
    ok(access(target, F_OK) != 0, "no output left behind");
    csvio_out_open(&out, target);
    fputs("clean\n", out.fp);
    is_int(IMC_ENUMERIC, csvio_out_commit(&out),
           "a later, clean output fails too");
    ok(access(target, F_OK) != 0, "and is not left behind");
}

int
main(void)
{
    plan(75);
    scratch_init();
    test_reading();
    test_messages();
    test_escapes();
    test_getline_failure();
    test_outscratch_put();
    test_signal_cleanup(SIGTERM, "SIGTERM");
    test_signal_cleanup(SIGINT, "SIGINT");
    test_signal_cleanup(SIGHUP, "SIGHUP");
    test_nonfinite_guard();
    scratch_done();
    return 0;
}
