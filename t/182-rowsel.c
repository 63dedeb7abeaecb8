/* 182-rowsel: "FILE[:COL=VALUE...]" selections: where filters begin, values
 * holding ':', file names holding ':', every error message. */
#include "err.h"
#include "rowsel.h"
#include "report-fixtures.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path[] = "/tmp/imc-rowsel:x-XXXXXX";

static const char text[] =
    "# a comment\n"
    "case,target,area_max_mm2,v\n"
    "symmetric,joint,800,1\n"
    "asym:20x20:p2,joint,800,2\n"
    "symmetric,vgg16,800,3\n"
    "symmetric,joint,400,4\n";

/* The v values of the rows spec selects, as "1,4"; "!" when it fails. */
static const char *
select_v(const char *filters)
{
    static char out[64];
    char spec[512];
    snprintf(spec, sizeof spec, "%s%s", path, filters);
    rowsel_reader *s;
    out[0] = '\0';
    if (rowsel_open(spec, &s) != IMC_OK)
        return "!";
    int v = csvio_col(rowsel_csv(s), "v"), st;
    while ((st = rowsel_read(s)) == IMC_OK) {
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%s", n ? "," : "",
                 csvio_field(rowsel_csv(s), (size_t)v));
    }
    if (st != IMC_EOF)
        snprintf(out, sizeof out, "!");
    rowsel_close(s);
    return out;
}

int
main(void)
{
    plan(16);
    imc_err_set_handler(capture);
    close(mkstemp(path));
    FILE *fp = fopen(path, "w");
    fputs(text, fp);
    fclose(fp);

    is_string("1,2,3,4", select_v(""), "no filter: every row (the ':' in "
              "the file name is no filter)");
    is_string("1,2,4", select_v(":target=joint"), "one filter");
    is_string("1,2", select_v(":target=joint:area_max_mm2=800"),
              "two filters");
    is_string("2", select_v(":case=asym:20x20:p2"), "a value holding ':'");
    is_string("2", select_v(":case=asym:20x20:p2:target=joint"),
              "a value holding ':', then another filter");
    is_string("", select_v(":target=resnet18"), "no row matches");

    char spec[512];
    rowsel_reader *s;
    snprintf(spec, sizeof spec, "%s:target=joint:area_max_mm2=400", path);
    is_int(IMC_OK, rowsel_open(spec, &s), "open");
    is_string(path, rowsel_path(s), "the path is the file part");
    is_string(":target=joint:area_max_mm2=400", rowsel_filters(s),
              "the filters as given");
    while (rowsel_read(s) == IMC_OK)
        ;
    is_int(1, (long)rowsel_nmatched(s), "one row matched");
    is_int(6, csvio_line(rowsel_csv(s)), "on line 6");
    rowsel_fail_empty(s);
    char want[1024];
    snprintf(want, sizeof want, "%s: no rows match target=joint:"
             "area_max_mm2=400", path);
    is_string(want, captured, "the empty-selection message");
    rowsel_close(s);
    rowsel_close(NULL);

    snprintf(spec, sizeof spec, "%s:seed=1", path);
    is_int(IMC_EINPUT, rowsel_open(spec, &s), "a filter on a missing column");
    snprintf(want, sizeof want, "%s:1: missing column 'seed'", path);
    is_string(want, captured, "names the column");
    char many[1024];
    int n = snprintf(many, sizeof many, "%s", path);
    for (int k = 0; k <= ROWSEL_MAX_FILTERS; k++)
        n += snprintf(many + n, sizeof many - (size_t)n, ":v=%d", k);
    is_int(IMC_EINPUT, rowsel_open(many, &s), "too many filters");
    ok(strstr(captured, "more than 16 COL=VALUE filters") != NULL,
       "says the limit");
    unlink(path);
    return 0;
}
