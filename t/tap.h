/* tap.h: a small Test Anything Protocol library in the shape of C TAP
 * Harness's basic.h: plan(), ok(), is_int(), is_double(), is_string(),
 * diag(), bail().  Expected value first, then the value seen; descriptions
 * are printf-style.  Exit status is 0 only when every planned test ran and
 * passed, which is what prove checks. */
#ifndef IMC_TAP_H
#define IMC_TAP_H

#define TAP_FMT(a, b) __attribute__((format(printf, a, b)))

void plan(unsigned long count);
void plan_lazy(void);          /* print the plan at exit (done_testing) */
int ok(int success, const char *fmt, ...) TAP_FMT(2, 3);
int is_int(long expected, long seen, const char *fmt, ...) TAP_FMT(3, 4);
/* Passes when |expected - seen| <= eps (absolute). */
int is_double(double expected, double seen, double eps, const char *fmt, ...)
    TAP_FMT(4, 5);
/* Passes when |expected - seen| <= rel * |expected|. */
int is_rel(double expected, double seen, double rel, const char *fmt, ...)
    TAP_FMT(4, 5);
int is_string(const char *expected, const char *seen, const char *fmt, ...)
    TAP_FMT(3, 4);
void diag(const char *fmt, ...) TAP_FMT(1, 2);
void bail(const char *fmt, ...) TAP_FMT(1, 2) __attribute__((noreturn));

/* Directory of test data (t/data), honouring $TAP_DATA for out-of-tree runs. */
const char *tap_data(void);

#endif
