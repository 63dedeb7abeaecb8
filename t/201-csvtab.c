/* 201-csvtab: whole CSV files in memory and row selectors, on
 * t/data/fill-template/s.csv and k.csv (line numbers counted by hand:
 * s.csv has a comment on line 1, the header on line 2). */
#include "csvtab.h"
#include "err.h"
#include "report-fixtures.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *
data(const char *name)
{
    return fixture("fill-template", name);
}

/* Parse a selector with separator sep; bail on failure. */
static void
sel(const char *text, char sep, int refs, csvtab_sel *out)
{
    char why[256];
    if (csvtab_sel_parse(text, strlen(text), sep, refs, out, why,
                         sizeof why) != IMC_OK)
        bail("selector '%s': %s", text, why);
}

static void
test_read(void)
{
    csvtab *t = NULL;
    is_int(IMC_OK, csvtab_read(data("s.csv"), NULL, &t), "read s.csv");
    is_int(7, (long)t->nrows, "7 rows (comment skipped)");
    is_int(7, (long)t->ncols, "7 columns");
    is_int(3, t->lines[0], "first row on line 3");
    is_int(9, t->lines[6], "last row on line 9");
    is_int(6, csvtab_col(t, "note"), "column index");
    is_int(-1, csvtab_col(t, "Note"), "names are case-sensitive");
    is_string("pooled, all", csvtab_field(t, 0, 6), "quoted field");
    is_string("", csvtab_field(t, 1, 6), "empty field");
    csvtab_free(t);

    csvtab_sel f;
    sel("metric=area:tech_nm!=all", ':', 0, &f);
    is_int(IMC_OK, csvtab_read(data("s.csv"), &f, &t), "read with a filter");
    is_int(2, (long)t->nrows, "area rows per node only");
    is_int(7, t->lines[0], "kept rows keep their lines");
    is_string("45", csvtab_field(t, 1, 2), "second kept row");
    csvtab_free(t);
    csvtab_sel_free(&f);

    sel("name=$metric", ',', 1, &f);
    t = NULL;
    is_int(IMC_EINPUT, csvtab_read(data("k.csv"), &f, &t),
           "a reference cannot filter a file");
    char want[1024];
    snprintf(want, sizeof want, "%s: row selector: 'name=$metric' refers to "
             "another row; only literal values select rows of a file",
             data("k.csv"));
    is_string(want, captured, "reference filter: message");
    ok(t == NULL, "no table after a failure");
    csvtab_sel_free(&f);
    is_int(IMC_EINPUT, csvtab_read(data("nl-absent.csv"), NULL, &t),
           "missing file");
    csvtab_free(NULL);
    csvtab_sel_free(NULL);
}

static void
test_selectors(void)
{
    csvtab *s = NULL, *k = NULL;
    if (csvtab_read(data("s.csv"), NULL, &s) ||
        csvtab_read(data("k.csv"), NULL, &k))
        bail("fixtures: %s", captured);
    csvtab_sel a;
    size_t bad;
    int bad_ref;
    sel("metric!=energy,note=", ',', 0, &a);
    is_int(2, (long)a.n, "two terms");
    ok(a.terms[0].negate && !a.terms[1].negate, "!= and = terms");
    is_string("", a.terms[1].value, "an empty value");
    is_int(IMC_OK, csvtab_sel_bind(&a, s, NULL, &bad, &bad_ref), "bound");
    size_t n = 0;
    for (size_t i = 0; i < s->nrows; i++)
        n += (size_t)csvtab_sel_match_p(&a, s, i, NULL, 0);
    is_int(1, (long)n, "only area at 7 nm has another metric and no note");
    csvtab_sel_free(&a);

    sel("name=$workload", ',', 1, &a);
    ok(a.terms[0].ref, "a reference term");
    is_string("workload", a.terms[0].value, "names the context column");
    is_int(IMC_EINPUT, csvtab_sel_bind(&a, k, NULL, &bad, &bad_ref),
           "a reference without a context");
    ok(bad == 0 && bad_ref == 1, "the reference is what failed");
    is_int(IMC_OK, csvtab_sel_bind(&a, k, s, &bad, &bad_ref),
           "bound with a context");
    ok(csvtab_sel_match_p(&a, k, 0, s, 1) && !csvtab_sel_match_p(&a, k, 1, s,
                                                                  1),
       "alexnet's row of s picks alexnet in k");
    ok(csvtab_sel_match_p(&a, k, 2, s, 0), "'all' matches the empty-valued "
       "row named all");
    csvtab_sel_free(&a);

    sel("nope=1", ',', 0, &a);
    is_int(IMC_EINPUT, csvtab_sel_bind(&a, s, NULL, &bad, &bad_ref),
           "a missing column");
    ok(bad == 0 && bad_ref == 0, "the column is what failed");
    csvtab_sel_free(&a);

    csvtab_sel none = {0, NULL};
    ok(csvtab_sel_match_p(&none, s, 3, NULL, 0), "no terms select all");
    csvtab_free(s);
    csvtab_free(k);
}

static void
test_parse_errors(void)
{
    static const struct {
        const char *text, *why;
    } cases[] = {
        {"", "empty selector"},
        {"a", "'a' is not COL=VALUE or COL!=VALUE"},
        {"=1", "'=1' names no column"},
        {"!=1", "'!=1' names no column"},
        {"a=1::b=2", "empty term in 'a=1::b=2'"},
        {"a=$b", "'a=$b': a value starting with '$' refers to a table row, "
                 "which is only possible in a #table cell"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        csvtab_sel s;
        char why[256] = "";
        is_int(IMC_EINPUT, csvtab_sel_parse(cases[i].text,
                                            strlen(cases[i].text), ':', 0,
                                            &s, why, sizeof why),
               "'%s' rejected", cases[i].text);
        is_string(cases[i].why, why, "'%s': reason", cases[i].text);
        csvtab_sel_free(&s);
    }
}

static void
test_spec(void)
{
    char *path = NULL, why[256];
    csvtab_sel s;
    is_int(IMC_OK, csvtab_spec_parse("a/b.csv", &path, &s, why, sizeof why),
           "a file alone");
    is_string("a/b.csv", path, "its name");
    is_int(0, (long)s.n, "no terms");
    free(path);
    csvtab_sel_free(&s);
    is_int(IMC_OK, csvtab_spec_parse("r.csv:seed=3:workload!=x=y", &path, &s,
                                     why, sizeof why), "a file and terms");
    is_string("r.csv", path, "the name ends at the first ':'");
    is_int(2, (long)s.n, "two terms");
    is_string("x=y", s.terms[1].value, "a value may hold '='");
    free(path);
    csvtab_sel_free(&s);
    is_int(IMC_EINPUT, csvtab_spec_parse(":a=1", &path, &s, why, sizeof why),
           "no file");
    is_string("':a=1' names no file", why, "no file: reason");
    csvtab_sel_free(&s);
    is_int(IMC_EINPUT, csvtab_spec_parse("f.csv:", &path, &s, why,
                                         sizeof why), "':' and nothing");
    is_string("empty selector", why, "':' and nothing: reason");
    ok(path == NULL, "no path after a failure");
    csvtab_sel_free(&s);
}

static void
test_nonfinite(void)
{
    ok(csvtab_nonfinite_p("inf") && csvtab_nonfinite_p("-Infinity") &&
       csvtab_nonfinite_p("NaN") && csvtab_nonfinite_p("1e999"),
       "inf, -Infinity, NaN and an overflow are not finite");
    ok(!csvtab_nonfinite_p("") && !csvtab_nonfinite_p("1e300") &&
       !csvtab_nonfinite_p("info") && !csvtab_nonfinite_p("nano") &&
       !csvtab_nonfinite_p("inf "), "numbers, words and padded text are "
       "not non-finite numbers");
}

int
main(void)
{
    plan_lazy();
    imc_err_set_handler(capture);
    test_read();
    test_selectors();
    test_parse_errors();
    test_spec();
    test_nonfinite();
    return 0;
}
