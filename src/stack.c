/* stack.c: stacking CSV tables (see stack.h). */
#include "stack.h"
#include "csvio.h"
#include "err.h"

#include <string.h>

/* 1 when r's header equals the first file's (names and order). */
static int
same_header(const csvio_reader *r, const csvio_reader *first)
{
    if (csvio_ncols(r) != csvio_ncols(first))
        return 0;
    for (size_t i = 0; i < csvio_ncols(r); i++)
        if (strcmp(csvio_colname(r, i), csvio_colname(first, i)) != 0)
            return 0;
    return 1;
}

int
stack_write(FILE *fp, const char *label_col, const char *const *labels,
            const char *const *paths, size_t n)
{
    if (n == 0)
        return imc_fail(NULL, 0, "no table to stack");
    csvio_reader *first = csvio_open(paths[0]);
    if (!first)
        return IMC_EINPUT;
    int st = IMC_OK;
    if (csvio_col(first, label_col) >= 0)
        st = imc_fail(paths[0], 1, "column '%s' exists already: choose "
                      "another label column", label_col);
    if (st == IMC_OK) {
        csvio_put_string(fp, label_col);
        for (size_t i = 0; i < csvio_ncols(first); i++) {
            fputc(',', fp);
            csvio_put_string(fp, csvio_colname(first, i));
        }
        fputc('\n', fp);
    }
    for (size_t k = 0; st == IMC_OK && k < n; k++) {
        csvio_reader *r = k == 0 ? first : csvio_open(paths[k]);
        if (!r) {
            st = IMC_EINPUT;
            break;
        }
        if (k > 0 && !same_header(r, first))
            st = imc_fail(paths[k], 1, "header differs from %s's: every "
                          "table must have the same columns in the same "
                          "order", paths[0]);
        while (st == IMC_OK && (st = csvio_read(r)) == IMC_OK) {
            csvio_put_string(fp, labels[k]);
            for (size_t i = 0; i < csvio_ncols(r); i++) {
                fputc(',', fp);
                csvio_put_string(fp, csvio_field(r, i));
            }
            fputc('\n', fp);
        }
        if (st == IMC_EOF)
            st = IMC_OK;
        if (k > 0)
            csvio_close(r);
    }
    csvio_close(first);
    return st;
}
