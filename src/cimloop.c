/* cimloop.c: CiMLoop / Timeloop v0.4 problem files to layer-table rows
 * (see cimloop.h for the format and the mapping). */
#include "cimloop.h"
#include "csvio.h"
#include "err.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* ------------------------------------------------------------ events */

#define HIST_MAX 255  /* 2^8 - 1 bins: the finest histogram of 8-bit data */

/* One file being parsed: libyaml's parser and the current event. */
typedef struct yreader {
    yaml_parser_t parser;
    yaml_event_t ev;
    int have_ev;       /* ev must be deleted before the next parse */
    int depth;         /* open sequences and mappings */
    const char *path;  /* for messages */
    char quoted[2][NET_QUOTE_MAX];  /* escaped input text for messages */
} yreader;

/* Input text made safe for a message (net_escape), in slot 0 or 1. */
static const char *
quote(yreader *y, int slot, const char *text)
{
    net_escape(text, y->quoted[slot], sizeof y->quoted[slot]);
    return y->quoted[slot];
}

/* Line (1-based) of the current event. */
static long
ev_line(const yreader *y)
{
    return (long)y->ev.start_mark.line + 1;
}

/* Advance to the next event; reports libyaml's own diagnostic on a syntax
 * error. */
static int
next_event(yreader *y)
{
    if (y->have_ev)
        yaml_event_delete(&y->ev);
    y->have_ev = 0;
    if (!yaml_parser_parse(&y->parser, &y->ev)) {
        const yaml_parser_t *p = &y->parser;
        if (p->context)
            return imc_fail(y->path, (long)p->problem_mark.line + 1,
                            "YAML: %s (%s started on line %ld)",
                            p->problem ? p->problem : "error", p->context,
                            (long)p->context_mark.line + 1);
        return imc_fail(y->path, (long)p->problem_mark.line + 1, "YAML: %s",
                        p->problem ? p->problem : "malformed text");
    }
    y->have_ev = 1;
    /* libyaml's scanner checks every open flow level at every token, so
     * its time grows with the square of the nesting depth (a 200 KB file
     * of brackets took 44 s): stop long before that matters. */
    if (y->ev.type == YAML_SEQUENCE_START_EVENT ||
        y->ev.type == YAML_MAPPING_START_EVENT) {
        if (++y->depth > CIMLOOP_MAX_DEPTH)
            return imc_fail(y->path, ev_line(y), "YAML: nested deeper than "
                            "%d levels (a problem file needs about 5)",
                            CIMLOOP_MAX_DEPTH);
    } else if (y->ev.type == YAML_SEQUENCE_END_EVENT ||
               y->ev.type == YAML_MAPPING_END_EVENT) {
        y->depth--;
    }
    return IMC_OK;
}

static int
is_scalar(const yreader *y, const char *s)
{
    return y->ev.type == YAML_SCALAR_EVENT &&
           strcmp((const char *)y->ev.data.scalar.value, s) == 0;
}

static const char *
scalar(const yreader *y)
{
    return (const char *)y->ev.data.scalar.value;
}

/* The current scalar, escaped for a message. */
static const char *
quoted_scalar(yreader *y, int slot)
{
    return quote(y, slot, scalar(y));
}

/* Skip the value that starts at the current event (a scalar, an alias, or a
 * whole sequence or mapping). */
static int
skip_value(yreader *y)
{
    int depth = 0;
    for (;;) {
        switch (y->ev.type) {
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            depth++;
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            depth--;
            break;
        default:
            break;
        }
        if (depth == 0)
            return IMC_OK;
        int st = next_event(y);
        if (st != IMC_OK)
            return st;
    }
}

/* Read the key of the next mapping entry: 1 with the key as the current
 * scalar event, 0 at the end of the mapping, -1 (reported) on a syntax
 * error or a key that is not a scalar. */
static int
next_key(yreader *y, const char *where)
{
    if (next_event(y) != IMC_OK)
        return -1;
    if (y->ev.type == YAML_MAPPING_END_EVENT)
        return 0;
    if (y->ev.type != YAML_SCALAR_EVENT) {
        imc_fail(y->path, ev_line(y), "'%s': expected a plain key", where);
        return -1;
    }
    return 1;
}

/* ------------------------------------------------------------ problem */

/* What one problem file says. */
typedef struct problem {
    long dim[9];            /* C M P Q R S G HStride WStride, default 1 */
    long line;              /* of the `problem` key */
    long inst_line;         /* 0 when there is no instance */
    char op[NET_NAME_MAX];  /* `name` */
    long op_line;           /* 0 when there is no name */
    double hist[2][HIST_MAX];  /* Inputs, Weights */
    size_t nbins[2];
    long hist_line[2];      /* 0 when absent */
} problem;

static const char *const dim_names[] = {"C", "M", "P", "Q", "R", "S", "G",
                                        "HStride", "WStride"};
static const char *const hist_names[] = {"Inputs", "Weights"};

/* Map a dimension key to its index, accepting problem_base.yaml's own
 * spelling of the strides (Hstride, Wstride) too; -1 for fixed-1 keys,
 * -2 for unknown ones. */
static int
dim_index(const char *key)
{
    for (int i = 0; i < 9; i++)
        if (strcmp(key, dim_names[i]) == 0)
            return i;
    if (strcmp(key, "Hstride") == 0)
        return 7;
    if (strcmp(key, "Wstride") == 0)
        return 8;
    if (!strcmp(key, "N") || !strcmp(key, "Hdilation") ||
        !strcmp(key, "Wdilation"))
        return -1;
    return -2;
}

static int
read_instance(yreader *y, problem *pr)
{
    int seen[9] = {0}, k;
    if (next_event(y) != IMC_OK)
        return IMC_EINPUT;
    pr->inst_line = ev_line(y);
    if (y->ev.type != YAML_MAPPING_START_EVENT)
        return imc_fail(y->path, ev_line(y), "'instance': expected a "
                                             "mapping of dimensions");
    while ((k = next_key(y, "instance")) == 1) {
        char key[32];
        int i = dim_index(scalar(y));
        if (i == -2)
            return imc_fail(y->path, ev_line(y), "'instance': unknown "
                            "dimension '%s' (expected C, M, P, Q, R, S, G, "
                            "HStride, WStride)", quoted_scalar(y, 0));
        snprintf(key, sizeof key, "%s", scalar(y));  /* a known name */
        if (next_event(y) != IMC_OK)
            return IMC_EINPUT;
        long v;
        if (y->ev.type != YAML_SCALAR_EVENT)
            return imc_fail(y->path, ev_line(y), "'instance': %s: expected "
                            "an integer >= 1, got a list or mapping", key);
        if (csvio_to_long(scalar(y), &v) || v < 1 || v > NET_MAX_DIM)
            return imc_fail(y->path, ev_line(y), "'instance': %s: got '%s', "
                            "expected an integer from 1 to %ld", key,
                            quoted_scalar(y, 0), NET_MAX_DIM);
        if (i == -1) {
            if (v != 1)
                return imc_fail(y->path, ev_line(y), "'instance': %s = %ld "
                                "is not supported (only 1)", key, v);
            continue;
        }
        if (seen[i]++)
            return imc_fail(y->path, ev_line(y), "'instance': dimension "
                            "'%s' given twice", key);
        pr->dim[i] = v;
    }
    return k == 0 ? IMC_OK : IMC_EINPUT;
}

/* A flow or block list of bin values, stored in pr->hist[h]. */
static int
read_hist(yreader *y, problem *pr, int h)
{
    const char *nm = hist_names[h];
    if (next_event(y) != IMC_OK)
        return IMC_EINPUT;
    pr->hist_line[h] = ev_line(y);
    if (y->ev.type != YAML_SEQUENCE_START_EVENT)
        return imc_fail(y->path, ev_line(y), "histogram '%s': expected a "
                        "list of bin values", nm);
    size_t n = 0;
    for (;;) {
        if (next_event(y) != IMC_OK)
            return IMC_EINPUT;
        if (y->ev.type == YAML_SEQUENCE_END_EVENT)
            break;
        double v;
        if (y->ev.type != YAML_SCALAR_EVENT)
            return imc_fail(y->path, ev_line(y), "histogram '%s': bin %zu: "
                            "expected a number >= 0, got a list or mapping",
                            nm, n + 1);
        if (csvio_to_double(scalar(y), &v) || !(v >= 0))
            return imc_fail(y->path, ev_line(y), "histogram '%s': bin %zu: "
                            "got '%s', expected a number >= 0", nm, n + 1,
                            quoted_scalar(y, 0));
        if (n < HIST_MAX)
            pr->hist[h][n] = v;
        n++;
    }
    /* 2^k - 1 bins, k = 1..8 (docs/reference-data.md section 3). */
    int k = 1;
    while (k <= 8 && n != ((size_t)1 << k) - 1)
        k++;
    if (k > 8)
        return imc_fail(y->path, pr->hist_line[h], "histogram '%s': %zu "
                        "bins, expected 2^k - 1 (1, 3, 7, ..., 255)", nm, n);
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += pr->hist[h][i];
    if (!(sum > 0))
        return imc_fail(y->path, pr->hist_line[h], "histogram '%s': all "
                        "bins are 0", nm);
    pr->nbins[h] = n;
    return IMC_OK;
}

static int
read_histograms(yreader *y, problem *pr)
{
    int k;
    if (next_event(y) != IMC_OK)
        return IMC_EINPUT;
    if (y->ev.type != YAML_MAPPING_START_EVENT)
        return imc_fail(y->path, ev_line(y), "'histograms': expected a "
                        "mapping (Inputs, Weights, Outputs)");
    while ((k = next_key(y, "histograms")) == 1) {
        int h = is_scalar(y, "Inputs") ? 0 : is_scalar(y, "Weights") ? 1 : -1;
        int st = IMC_OK;
        if (h >= 0)
            st = read_hist(y, pr, h);
        else if ((st = next_event(y)) == IMC_OK)
            st = skip_value(y);  /* Outputs: not used by the cost model */
        if (st != IMC_OK)
            return st;
    }
    return k == 0 ? IMC_OK : IMC_EINPUT;
}

static int
read_problem(yreader *y, problem *pr)
{
    int k;
    if (next_event(y) != IMC_OK)
        return IMC_EINPUT;
    if (y->ev.type != YAML_MAPPING_START_EVENT)
        return imc_fail(y->path, ev_line(y), "'problem': expected a "
                                             "mapping");
    while ((k = next_key(y, "problem")) == 1) {
        int st;
        if (is_scalar(y, "instance")) {
            st = read_instance(y, pr);
        } else if (is_scalar(y, "histograms")) {
            st = read_histograms(y, pr);
        } else if (is_scalar(y, "name")) {
            if ((st = next_event(y)) != IMC_OK)
                return st;
            pr->op_line = ev_line(y);
            if (y->ev.type != YAML_SCALAR_EVENT)
                return imc_fail(y->path, ev_line(y), "'name': expected the "
                                "operator name");
            snprintf(pr->op, sizeof pr->op, "%s", scalar(y));
        } else if ((st = next_event(y)) == IMC_OK) {
            st = skip_value(y);  /* <<<, dnn_name, notes, ... */
        }
        if (st != IMC_OK)
            return st;
    }
    return k == 0 ? IMC_OK : IMC_EINPUT;
}

/* Walk the document down to `problem`; the rest is ignored. */
static int
read_document(yreader *y, problem *pr)
{
    int k;
    long top = 0;  /* line of the top-level mapping */
    do {
        if (next_event(y) != IMC_OK)
            return IMC_EINPUT;
    } while (y->ev.type == YAML_STREAM_START_EVENT ||
             y->ev.type == YAML_DOCUMENT_START_EVENT);
    if (y->ev.type == YAML_STREAM_END_EVENT)
        return imc_fail(y->path, 1, "empty file (expected a 'problem' "
                                    "mapping)");
    if (y->ev.type != YAML_MAPPING_START_EVENT)
        return imc_fail(y->path, ev_line(y), "expected a mapping with a "
                                             "'problem' key");
    top = ev_line(y);
    while ((k = next_key(y, "top level")) == 1) {
        int st;
        if (is_scalar(y, "problem")) {
            pr->line = ev_line(y);
            st = read_problem(y, pr);
        } else if ((st = next_event(y)) == IMC_OK) {
            st = skip_value(y);
        }
        if (st != IMC_OK)
            return st;
    }
    if (k != 0)
        return IMC_EINPUT;
    if (!pr->line)
        return imc_fail(y->path, top, "no 'problem' key in the top-level "
                                      "mapping");
    return IMC_OK;
}

/* ------------------------------------------------------------ layers */

/* Turn what the file said into a layer (checked). */
static int
make_layer(const char *path, const char *name, const problem *pr,
           net_layer *l)
{
    if (!pr->inst_line)
        return imc_fail(path, pr->line, "'problem' has no 'instance'");
    if (pr->dim[7] != pr->dim[8])
        return imc_fail(path, pr->inst_line, "'instance': HStride = %ld but "
                        "WStride = %ld (only equal strides are supported)",
                        pr->dim[7], pr->dim[8]);
    if ((pr->hist_line[0] != 0) != (pr->hist_line[1] != 0))
        return imc_fail(path, pr->hist_line[0] + pr->hist_line[1],
                        "'histograms': has '%s' but no '%s'",
                        hist_names[pr->hist_line[0] ? 0 : 1],
                        hist_names[pr->hist_line[0] ? 1 : 0]);
    memset(l, 0, sizeof *l);
    if (strlen(name) >= NET_NAME_MAX)
        return imc_fail(path, 1, "layer name '%s' is too long (at most %d "
                        "characters)", name, NET_NAME_MAX - 1);
    snprintf(l->name, sizeof l->name, "%s", name);
    l->C = pr->dim[0];
    l->M = pr->dim[1];
    l->P = pr->dim[2];
    l->Q = pr->dim[3];
    l->R = pr->dim[4];
    l->S = pr->dim[5];
    l->groups = pr->dim[6];
    l->stride = pr->dim[7];
    /* A plain Timeloop problem names no operator: its dimensions are a
     * convolution's (Timeloop's CNN layer shape). */
    if (strstr(pr->op, "Attention"))
        l->op = NET_OP_MATMUL;
    else if (!pr->op_line || strcmp(pr->op, "Conv2d") == 0)
        l->op = l->groups > 1 ? NET_OP_DWCONV : NET_OP_CONV;
    else if (strcmp(pr->op, "Linear") == 0 || strcmp(pr->op, "Conv1D") == 0)
        l->op = NET_OP_LINEAR;
    else {
        char q[NET_QUOTE_MAX];
        net_escape(pr->op, q, sizeof q);
        return imc_fail(path, pr->op_line, "'name': unknown operator '%s' "
                        "(expected Conv2d, Linear, Conv1D or a name holding "
                        "'Attention')", q);
    }
    /* the reference's attention einsums multiply two activations */
    l->dynamic = l->op == NET_OP_MATMUL;
    if (pr->hist_line[0]) {
        if (net_stats_from_hist(l, pr->hist[0], pr->nbins[0], pr->hist[1],
                                pr->nbins[1]) != IMC_OK)
            return imc_fail(path, pr->hist_line[0], "'histograms': expected "
                            "2^k - 1 non-negative bins (k = 1..8) with a "
                            "positive sum for Inputs and Weights");
    } else
        net_stats_default(l);
    net_layer_derive(l);
    return net_layer_check(l, path, pr->inst_line);
}

/* Parse one problem file into a checked layer named `name` and append it
 * to n; returns IMC_OK, or IMC_EINPUT after reporting "path:line: ..."
 * with n unchanged. */
int
cimloop_read_layer(const char *path, const char *name, net *n)
{
    char *buf = NULL;
    size_t len = 0;
    int st = net_slurp(path, CIMLOOP_MAX_BYTES, "a layer's problem file "
                       "is a few kilobytes", &buf, &len);
    if (st != IMC_OK)
        return st;
    /* The Jinja include is no YAML; turning its first brace into '#' makes
     * the line a comment and keeps every mark's line number. */
    if (len >= 2 && buf[0] == '{' && buf[1] == '{')
        buf[0] = '#';
    yreader y;
    memset(&y, 0, sizeof y);
    y.path = strcmp(path, "-") == 0 ? "<stdin>" : path;
    problem *pr = calloc(1, sizeof *pr);
    if (!pr || !yaml_parser_initialize(&y.parser)) {
        free(pr);
        free(buf);
        return imc_fail(path, 1, "out of memory");
    }
    for (int i = 0; i < 9; i++)
        pr->dim[i] = 1;
    yaml_parser_set_input_string(&y.parser, (const unsigned char *)buf, len);
    st = read_document(&y, pr);
    if (y.have_ev)
        yaml_event_delete(&y.ev);
    yaml_parser_delete(&y.parser);
    free(buf);
    net_layer l;
    memset(&l, 0, sizeof l);
    if (st == IMC_OK)
        st = make_layer(y.path, name, pr, &l);
    free(pr);
    return st == IMC_OK ? net_push(n, &l) : st;
}

/* ------------------------------------------------------------ file */

/* One file as a one-layer net named after the file (see cimloop.h). */
int
cimloop_read_file(const char *path, net **out)
{
    *out = NULL;
    char name[NET_NAME_MAX];
    net_base_name(path, name, sizeof name);
    net *n = net_alloc(name);
    if (!n)
        return imc_fail(path, 1, "out of memory");
    int st = cimloop_read_layer(path, name, n);
    if (st != IMC_OK) {
        net_free(n);
        return st;
    }
    *out = n;
    return IMC_OK;
}

/* ------------------------------------------------------------ directory */

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* The sorted "*.yaml" entries of dir (hidden ones skipped). */
static int
list_yaml(const char *dir, char ***out, size_t *count)
{
    DIR *d = opendir(dir);
    if (!d)
        return imc_fail(dir, 0, "cannot open directory: %s",
                        strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    int st = IMC_OK;
    struct dirent *e;
    while (st == IMC_OK && (e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len <= 5 ||
            strcmp(e->d_name + len - 5, ".yaml") != 0)
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                st = imc_fail(dir, 0, "out of memory");
                break;
            }
            names = nn;
        }
        if (!(names[n] = strdup(e->d_name)))
            st = imc_fail(dir, 0, "out of memory");
        else
            n++;
    }
    closedir(d);
    if (st == IMC_OK && n == 0)
        st = imc_fail(dir, 0, "no *.yaml layer files in the directory");
    if (st != IMC_OK) {
        free_names(names, n);
        return st;
    }
    qsort(names, n, sizeof *names, cmp_names);
    *out = names;
    *count = n;
    return IMC_OK;
}

/* Read the directory's *.yaml files in strcmp order into a new net named
 * after the directory; returns IMC_OK with *out set (the caller frees it
 * with net_free), or IMC_EINPUT after reporting the first bad file, with
 * *out NULL. */
int
cimloop_read_dir(const char *dir, net **out)
{
    *out = NULL;
    /* Base name of the directory, ignoring trailing slashes. */
    char base[NET_NAME_MAX];
    size_t end = strlen(dir);
    while (end > 1 && dir[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && dir[start - 1] != '/')
        start--;
    snprintf(base, sizeof base, "%.*s", (int)(end - start), dir + start);
    char **names = NULL;
    size_t count = 0;
    int st = list_yaml(dir, &names, &count);
    if (st != IMC_OK)
        return st;
    net *n = net_alloc(base);
    if (!n)
        st = imc_fail(dir, 0, "out of memory");
    for (size_t i = 0; st == IMC_OK && i < count; i++) {
        size_t plen = end + strlen(names[i]) + 2;
        char *path = malloc(plen);
        char lname[2 * NET_NAME_MAX + 256];
        if (!path) {
            st = imc_fail(dir, 0, "out of memory");
            break;
        }
        snprintf(path, plen, "%.*s/%s", (int)end, dir, names[i]);
        /* Layer "B_F" for file F.yaml in directory B. */
        snprintf(lname, sizeof lname, "%s_%.*s", base,
                 (int)(strlen(names[i]) - 5), names[i]);
        st = cimloop_read_layer(path, lname, n);
        free(path);
    }
    free_names(names, count);
    if (st != IMC_OK) {
        net_free(n);
        return st;
    }
    *out = n;
    return IMC_OK;
}
