/* neurosim.c: NeuroSim NetWork.csv rows to layer-table rows (see
 * neurosim.h for the format and the conventions). */
#include "neurosim.h"
#include "csvio.h"
#include "err.h"

#include <string.h>

#define NCOLS 8

static const char *const col_names[NCOLS] = {
    "IFM height",  "IFM width",       "IFM channels", "kernel height",
    "kernel width", "output channels", "pooling flag", "stride"};

enum { IFM_H, IFM_W, IFM_C, K_H, K_W, OUT_C, POOL, STRIDE };

typedef struct reader {
    const char *label;  /* for messages */
    net *n;
    long rows;          /* rows read so far */
} reader;

/* Split line in place at commas into at most NCOLS + 1 trimmed fields;
 * returns the field count (NCOLS + 1 means "more than NCOLS"). */
static size_t
split_fields(char *line, char *fields[NCOLS + 1])
{
    size_t n = 0;
    char *s = line;
    for (;;) {
        while (*s == ' ' || *s == '\t')
            s++;
        char *start = s, *end;
        while (*s && *s != ',' && *s != '\r' && *s != '\n')
            s++;
        end = s;
        while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        int more = *s == ',';
        *end = '\0';
        if (n <= NCOLS)
            fields[n] = start;
        n++;
        if (!more)
            break;
        s++;
    }
    return n > NCOLS + 1 ? NCOLS + 1 : n;
}

/* Predicate on a line's emptiness: blanks and line ends only. */
static int
blank_p(const char *line)
{
    return line[strspn(line, " \t\r\n")] == '\0';
}

int
neurosim_row_p(const char *line)
{
    char buf[256], *fields[NCOLS + 1];
    size_t len = strcspn(line, "\n");
    if (len >= sizeof buf)
        return 0;
    memcpy(buf, line, len);
    buf[len] = '\0';
    size_t nf = split_fields(buf, fields);
    if (nf != NCOLS && nf != NCOLS - 1)
        return 0;
    for (size_t i = 0; i < nf; i++) {
        long v;
        if (csvio_to_long(fields[i], &v) != IMC_OK)
            return 0;
    }
    return 1;
}

/* Ceiling of a / b for a, b >= 1. */
static long
ceil_div(long a, long b)
{
    return a / b + (a % b != 0);
}

static int
one_row(void *ctx, char *line, long lineno)
{
    reader *rd = ctx;
    if (blank_p(line))
        return IMC_OK;
    char *fields[NCOLS + 1];
    size_t nf = split_fields(line, fields);
    if (nf != NCOLS && nf != NCOLS - 1)
        return imc_fail(rd->label, lineno, "expected 8 comma-separated "
                        "integers (IFM H, IFM W, channels, kernel H, "
                        "kernel W, outputs, pooling flag, stride; V1.0 files "
                        "leave out the stride), got %s%zu fields",
                        nf > NCOLS ? "more than " : "",
                        nf > NCOLS ? (size_t)NCOLS : nf);
    long v[NCOLS];
    v[STRIDE] = 1;  /* NeuroSim V1.0's seven columns: stride 1 */
    for (size_t i = 0; i < nf; i++) {
        long lo = i == POOL ? 0 : 1, hi = i == POOL ? 1 : NET_MAX_DIM;
        if (csvio_to_long(fields[i], &v[i]) != IMC_OK || v[i] < lo ||
            v[i] > hi) {
            char q[NET_QUOTE_MAX];
            net_escape(fields[i], q, sizeof q);
            return imc_fail(rd->label, lineno, "column %zu (%s): got '%s', "
                            "expected an integer from %ld to %ld", i + 1,
                            col_names[i], q, lo, hi);
        }
    }
    rd->rows++;
    char name[NET_NAME_MAX];
    snprintf(name, sizeof name, "%.40s_%ld", rd->n->name, rd->rows);
    net_layer l;
    if (v[K_H] == v[IFM_H] && v[K_W] == v[IFM_W]) {
        /* The kernel covers the whole map: a fully connected layer over
         * the flattened input, however NeuroSim wrote it. */
        long hw, in;
        if (net_dim_mul(v[IFM_H], v[IFM_W], &hw) != IMC_OK ||
            net_dim_mul(hw, v[IFM_C], &in) != IMC_OK)
            return imc_fail(rd->label, lineno, "fully connected layer with "
                            "%ldx%ldx%ld inputs: more than 2^40",
                            v[IFM_H], v[IFM_W], v[IFM_C]);
        net_layer_init(&l, name, NET_OP_LINEAR, in, v[OUT_C], 1, 1, 1, 1, 1,
                       1);
    } else {
        if (v[K_H] > v[IFM_H] || v[K_W] > v[IFM_W])
            return imc_fail(rd->label, lineno, "%ldx%ld kernel larger than "
                            "the %ldx%ld input map", v[K_H], v[K_W],
                            v[IFM_H], v[IFM_W]);
        /* 'same' padding: the output is the input divided by the stride */
        net_layer_init(&l, name, NET_OP_CONV, v[IFM_C], v[OUT_C], v[K_H],
                       v[K_W], ceil_div(v[IFM_H], v[STRIDE]),
                       ceil_div(v[IFM_W], v[STRIDE]), v[STRIDE], 1);
    }
    int st = net_layer_check(&l, rd->label, lineno);
    return st == IMC_OK ? net_push(rd->n, &l) : st;
}

int
neurosim_read_stream(FILE *fp, const char *label, const char *name,
                     net **out)
{
    reader rd = {label, net_alloc(name), 0};
    *out = NULL;
    int st = rd.n ? IMC_OK : imc_fail(label, 1, "out of memory");
    if (st == IMC_OK)
        st = net_each_line(fp, label, one_row, &rd, NULL);
    if (st == IMC_OK && rd.rows == 0)
        st = imc_fail(label, 1, "no layers (expected one row of 8 integers "
                                "per weight layer)");
    if (st != IMC_OK) {
        net_free(rd.n);
        return st;
    }
    *out = rd.n;
    return IMC_OK;
}

int
neurosim_read(const char *path, net **out)
{
    return net_read_with(path, neurosim_read_stream, out);
}
