/* netfmt.c: parser of the own network description format (see netfmt.h). */
#include "netfmt.h"
#include "csvio.h"
#include "err.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ state */

#define MAX_WORDS 16  /* no statement has more than 8 words */

typedef struct shape {
    long h, w, c;  /* height, width, channels of an activation */
} shape;

typedef struct saved {
    char name[NET_NAME_MAX];
    shape s;
} saved;

typedef struct parser {
    const char *file;   /* label for messages */
    long line;          /* current line, 1-based */
    net *n;             /* layers built so far */
    int have_input;     /* 'input' seen */
    shape cur;          /* the current activation */
    saved *saves;       /* 'save' table */
    size_t nsaves, capsaves;
    char *words[MAX_WORDS];
    size_t nwords;
} parser;

/* Report at the current line. */
#define FAIL(p, ...) imc_fail((p)->file, (p)->line, __VA_ARGS__)

/* ------------------------------------------------------------ words */

/* Split line in place into p->words, dropping a '#' comment. */
static int
split_words(parser *p, char *line)
{
    char *hash = strchr(line, '#');
    if (hash)
        *hash = '\0';
    p->nwords = 0;
    char *s = line;
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
            s++;
        if (!*s)
            return IMC_OK;
        if (p->nwords == MAX_WORDS)
            return FAIL(p, "too many words (at most %d)", MAX_WORDS);
        p->words[p->nwords++] = s;
        while (*s && *s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
            s++;
        if (*s)
            *s++ = '\0';
    }
}

/* Parse positional word `what` as an integer in [min, NETFMT_MAX_INT]. */
static int
get_int(parser *p, const char *what, const char *word, long min, long *out)
{
    long v;
    if (csvio_to_long(word, &v) || v < min || v > NETFMT_MAX_INT)
        return FAIL(p, "'%s': %s: got '%s', expected an integer from %ld "
                       "to %ld", p->words[0], what, word, min,
                    NETFMT_MAX_INT);
    *out = v;
    return IMC_OK;
}

/* KEY=VALUE options.  keys lists the one-letter keys allowed (e.g. "kspg");
 * vals[i] receives the value of keys[i] when given and keeps the caller's
 * default otherwise.  Padding may be 0, every other option must be >= 1. */
static int
get_opts(parser *p, size_t first, const char *keys, long *vals)
{
    int seen[8] = {0};
    for (size_t i = first; i < p->nwords; i++) {
        const char *w = p->words[i];
        const char *k = w[0] && w[1] == '=' ? strchr(keys, w[0]) : NULL;
        if (!k) {
            char list[32] = "";
            for (const char *c = keys; *c; c++) {
                size_t len = strlen(list);
                snprintf(list + len, sizeof list - len, "%s%c=",
                         c == keys ? "" : ", ", *c);
            }
            return FAIL(p, "'%s': unexpected word '%s' (options: %s)",
                        p->words[0], w, list);
        }
        size_t j = (size_t)(k - keys);
        if (seen[j]++)
            return FAIL(p, "'%s': option '%c' given twice", p->words[0],
                        *k);
        long min = *k == 'p' ? 0 : 1, v;
        if (csvio_to_long(w + 2, &v) || v < min || v > NETFMT_MAX_INT)
            return FAIL(p, "'%s': option '%c': got '%s', expected an "
                           "integer from %ld to %ld", p->words[0], *k,
                        w + 2, min, NETFMT_MAX_INT);
        vals[j] = v;
    }
    return IMC_OK;
}

/* Check the positional word count: between lo and hi words after the
 * keyword, options (words holding '=') excluded.  Returns the index of the
 * first option word through *first. */
static int
need_args(parser *p, size_t lo, size_t hi, const char *synopsis,
          size_t *first)
{
    size_t n = 1;
    while (n < p->nwords && !strchr(p->words[n], '='))
        n++;
    if (n - 1 < lo || n - 1 > hi)
        return FAIL(p, "'%s': expected '%s', got %zu argument%s",
                    p->words[0], synopsis, n - 1, n - 1 == 1 ? "" : "s");
    if (first)
        *first = n;
    else if (n < p->nwords)
        return FAIL(p, "'%s': unexpected option '%s'", p->words[0],
                    p->words[n]);
    return IMC_OK;
}

/* ------------------------------------------------------------ layers */

/* Layer and activation names: letters, digits, '_', '.', '-'. */
static int
check_name(parser *p, const char *name, size_t reserve)
{
    size_t len = strlen(name);
    if (len + reserve >= NET_NAME_MAX)
        return FAIL(p, "name '%s' is too long (at most %zu characters)",
                    name, NET_NAME_MAX - 1 - reserve);
    for (const char *c = name; *c; c++)
        if (!isalnum((unsigned char)*c) && !strchr("_.-", *c))
            return FAIL(p, "name '%s': character '%c' not allowed "
                           "(letters, digits, '_', '.', '-')", name, *c);
    return IMC_OK;
}

/* Append one weight layer after checking its name is new and its
 * dimensions pass net_layer_check(). */
static int
add_layer(parser *p, const char *name, net_op op, long C, long M, long k,
          long P, long Q, long stride, long groups)
{
    for (size_t i = 0; i < p->n->n; i++)
        if (strcmp(p->n->layers[i].name, name) == 0)
            return FAIL(p, "layer name '%s' is already used", name);
    net_layer l;
    net_layer_init(&l, name, op, C, M, k, k, P, Q, stride, groups);
    int st = net_layer_check(&l, p->file, p->line);
    return st == IMC_OK ? net_push(p->n, &l) : st;
}

/* Output size of a K-window with stride s and padding pad over h x w,
 * PyTorch's floor rule; reports when the window does not fit. */
static int
window(parser *p, const char *what, long k, long s, long pad, shape *out)
{
    if (p->cur.h + 2 * pad < k || p->cur.w + 2 * pad < k)
        return FAIL(p, "%s: %ldx%ld window with padding %ld does not fit "
                       "the %ldx%ld input", what, k, k, pad, p->cur.h,
                    p->cur.w);
    out->h = (p->cur.h + 2 * pad - k) / s + 1;
    out->w = (p->cur.w + 2 * pad - k) / s + 1;
    out->c = p->cur.c;
    return IMC_OK;
}

static saved *
find_saved(parser *p, const char *name)
{
    for (size_t i = 0; i < p->nsaves; i++)
        if (strcmp(p->saves[i].name, name) == 0)
            return &p->saves[i];
    return NULL;
}

/* ------------------------------------------------------------ statements */

static int
st_input(parser *p)
{
    int st = need_args(p, 3, 3, "input H W C", NULL);
    if (st == IMC_OK && p->have_input)
        st = FAIL(p, "'input' given twice");
    if (st == IMC_OK)
        st = get_int(p, "H", p->words[1], 1, &p->cur.h);
    if (st == IMC_OK)
        st = get_int(p, "W", p->words[2], 1, &p->cur.w);
    if (st == IMC_OK)
        st = get_int(p, "C", p->words[3], 1, &p->cur.c);
    p->have_input = st == IMC_OK;
    return st;
}

static int
st_conv(parser *p)
{
    size_t first;
    long out, v[4] = {1, 1, 0, 1}; /* k s p g */
    int st = need_args(p, 2, 2, "conv NAME OUT [k=K] [s=S] [p=P] [g=G]",
                       &first);
    if (st == IMC_OK)
        st = check_name(p, p->words[1], 0);
    if (st == IMC_OK)
        st = get_int(p, "OUT", p->words[2], 1, &out);
    if (st == IMC_OK)
        st = get_opts(p, first, "kspg", v);
    if (st != IMC_OK)
        return st;
    long g = v[3];
    if (p->cur.c % g != 0 || out % g != 0)
        return FAIL(p, "conv '%s': g=%ld must divide the %ld input and %ld "
                       "output channels", p->words[1], g, p->cur.c, out);
    char what[NET_NAME_MAX + 8];
    snprintf(what, sizeof what, "conv '%s'", p->words[1]);
    shape o;
    if ((st = window(p, what, v[0], v[1], v[2], &o)) != IMC_OK)
        return st;
    st = add_layer(p, p->words[1], g > 1 ? NET_OP_DWCONV : NET_OP_CONV,
                   p->cur.c / g, out / g, v[0], o.h, o.w, v[1], g);
    p->cur.h = o.h;
    p->cur.w = o.w;
    p->cur.c = out;
    return st;
}

static int
st_dwconv(parser *p)
{
    size_t first;
    long v[3] = {1, 1, 0}; /* k s p */
    int st = need_args(p, 1, 1, "dwconv NAME [k=K] [s=S] [p=P]", &first);
    if (st == IMC_OK)
        st = check_name(p, p->words[1], 0);
    if (st == IMC_OK)
        st = get_opts(p, first, "ksp", v);
    if (st != IMC_OK)
        return st;
    char what[NET_NAME_MAX + 8];
    snprintf(what, sizeof what, "dwconv '%s'", p->words[1]);
    shape o;
    if ((st = window(p, what, v[0], v[1], v[2], &o)) != IMC_OK)
        return st;
    st = add_layer(p, p->words[1], NET_OP_DWCONV, 1, 1, v[0], o.h, o.w,
                   v[1], p->cur.c);
    p->cur = o;
    return st;
}

static int
st_fc(parser *p)
{
    long out;
    int st = need_args(p, 2, 2, "fc NAME OUT", NULL);
    if (st == IMC_OK)
        st = check_name(p, p->words[1], 0);
    if (st == IMC_OK)
        st = get_int(p, "OUT", p->words[2], 1, &out);
    if (st != IMC_OK)
        return st;
    /* Flatten: an fc layer after a 7x7x512 map has 25088 inputs. */
    st = add_layer(p, p->words[1], NET_OP_LINEAR,
                   p->cur.h * p->cur.w * p->cur.c, out, 1, 1, 1, 1, 1);
    p->cur.h = p->cur.w = 1;
    p->cur.c = out;
    return st;
}

static int
st_pool(parser *p)
{
    size_t first;
    long v[3] = {0, 0, 0}; /* k s p; k is required, s defaults to k */
    int st = need_args(p, 0, 0, "pool k=K [s=S] [p=P]", &first);
    if (st == IMC_OK)
        st = get_opts(p, first, "ksp", v);
    if (st == IMC_OK && v[0] == 0)
        st = FAIL(p, "'pool': missing option k=K (the window size)");
    if (st != IMC_OK)
        return st;
    return window(p, "pool", v[0], v[1] ? v[1] : v[0], v[2], &p->cur);
}

static int
st_apool(parser *p)
{
    long h, w;
    int st = need_args(p, 2, 2, "apool H W", NULL);
    if (st == IMC_OK)
        st = get_int(p, "H", p->words[1], 1, &h);
    if (st == IMC_OK)
        st = get_int(p, "W", p->words[2], 1, &w);
    if (st == IMC_OK) {
        p->cur.h = h;
        p->cur.w = w;
    }
    return st;
}

static int
st_gap(parser *p)
{
    int st = need_args(p, 0, 0, "gap", NULL);
    if (st == IMC_OK)
        p->cur.h = p->cur.w = 1;
    return st;
}

static int
st_se(parser *p)
{
    long sq;
    char n1[NET_NAME_MAX], n2[NET_NAME_MAX];
    int st = need_args(p, 2, 2, "se NAME SQUEEZE", NULL);
    if (st == IMC_OK)
        st = check_name(p, p->words[1], 4); /* room for ".fc1" */
    if (st == IMC_OK)
        st = get_int(p, "SQUEEZE", p->words[2], 1, &sq);
    if (st != IMC_OK)
        return st;
    snprintf(n1, sizeof n1, "%s.fc1", p->words[1]);
    snprintf(n2, sizeof n2, "%s.fc2", p->words[1]);
    /* torchvision's SqueezeExcitation: 1x1 Conv2d layers on the globally
     * pooled map, so they are conv rows with P = Q = 1. */
    st = add_layer(p, n1, NET_OP_CONV, p->cur.c, sq, 1, 1, 1, 1, 1);
    if (st == IMC_OK)
        st = add_layer(p, n2, NET_OP_CONV, sq, p->cur.c, 1, 1, 1, 1, 1);
    return st;
}

static int
st_save(parser *p)
{
    int st = need_args(p, 1, 1, "save NAME", NULL);
    if (st == IMC_OK)
        st = check_name(p, p->words[1], 0);
    if (st != IMC_OK)
        return st;
    saved *s = find_saved(p, p->words[1]);
    if (!s) {
        if (p->nsaves == p->capsaves) {
            size_t cap = p->capsaves ? 2 * p->capsaves : 8;
            saved *q = realloc(p->saves, cap * sizeof *q);
            if (!q)
                return FAIL(p, "out of memory");
            p->saves = q;
            p->capsaves = cap;
        }
        s = &p->saves[p->nsaves++];
        snprintf(s->name, sizeof s->name, "%s", p->words[1]);
    }
    s->s = p->cur;
    return IMC_OK;
}

/* 'from' (use == 0) and 'add' (use == 1) both look a saved name up. */
static int
st_from_add(parser *p, int add)
{
    int st = need_args(p, 1, 1, add ? "add NAME" : "from NAME", NULL);
    if (st != IMC_OK)
        return st;
    saved *s = find_saved(p, p->words[1]);
    if (!s)
        return FAIL(p, "'%s': no saved activation '%s' (use 'save %s' "
                       "first)", p->words[0], p->words[1], p->words[1]);
    if (!add) {
        p->cur = s->s;
        return IMC_OK;
    }
    if (s->s.h != p->cur.h || s->s.w != p->cur.w || s->s.c != p->cur.c)
        return FAIL(p, "'add': saved activation '%s' is %ldx%ldx%ld, the "
                       "current one is %ldx%ldx%ld", p->words[1], s->s.h,
                    s->s.w, s->s.c, p->cur.h, p->cur.w, p->cur.c);
    return IMC_OK;
}

static int st_from(parser *p) { return st_from_add(p, 0); }
static int st_add(parser *p) { return st_from_add(p, 1); }

static const struct {
    const char *word;
    int (*fn)(parser *);
} statements[] = {
    {"input", st_input}, {"conv", st_conv},   {"dwconv", st_dwconv},
    {"fc", st_fc},       {"pool", st_pool},   {"apool", st_apool},
    {"gap", st_gap},     {"se", st_se},       {"save", st_save},
    {"from", st_from},   {"add", st_add}};

static int
statement(parser *p)
{
    const char *w = p->words[0];
    for (size_t i = 0; i < sizeof statements / sizeof statements[0]; i++) {
        if (strcmp(w, statements[i].word) != 0)
            continue;
        if (i > 0 && !p->have_input)
            return FAIL(p, "'%s' before 'input H W C'", w);
        return statements[i].fn(p);
    }
    return FAIL(p, "unknown statement '%s' (expected input, conv, dwconv, "
                   "fc, pool, apool, gap, se, save, from or add)", w);
}

/* ------------------------------------------------------------ entry */

/* Parse the description in fp line by line, reporting the first problem
 * at label:line; returns IMC_OK with a new net in *out (freed by the caller
 * with net_free) or IMC_EINPUT with *out NULL.  fp stays open. */
int
netfmt_read_stream(FILE *fp, const char *label, const char *name, net **out)
{
    parser p;
    memset(&p, 0, sizeof p);
    p.file = label;
    *out = NULL;
    p.n = net_alloc(name);
    if (!p.n)
        return imc_fail(label, 0, "out of memory");
    char *buf = NULL;
    size_t cap = 0;
    int st = IMC_OK, any = 0;
    errno = 0;
    while (st == IMC_OK && getline(&buf, &cap, fp) != -1) {
        p.line++;
        st = split_words(&p, buf);
        if (st == IMC_OK && p.nwords > 0) {
            any = 1;
            st = statement(&p);
        }
    }
    if (st == IMC_OK && ferror(fp))
        st = imc_fail(label, p.line + 1, "read error: %s", strerror(errno));
    else if (st == IMC_OK && !any)
        st = imc_fail(label, 0, "empty file (expected 'input H W C' and "
                                "layers)");
    else if (st == IMC_OK && p.n->n == 0)
        st = imc_fail(label, 0, "no weight layers (expected conv, dwconv, "
                                "fc or se after 'input')");
    free(buf);
    free(p.saves);
    if (st != IMC_OK) {
        net_free(p.n);
        return st;
    }
    *out = p.n;
    return IMC_OK;
}

/* Open path ("-" is stdin) and parse it with netfmt_read_stream(), naming
 * the net after the file; a file that cannot be opened is reported as
 * "path: cannot open: reason" and gives IMC_EINPUT. */
int
netfmt_read(const char *path, net **out)
{
    *out = NULL;
    if (strcmp(path, "-") == 0)
        return netfmt_read_stream(stdin, "<stdin>", "stdin", out);
    FILE *fp = fopen(path, "r");
    if (!fp)
        return imc_fail(path, 0, "cannot open: %s", strerror(errno));
    /* The net is named after the base name without its extension. */
    char name[NET_NAME_MAX];
    const char *base = strrchr(path, '/');
    snprintf(name, sizeof name, "%s", base ? base + 1 : path);
    char *dot = strrchr(name, '.');
    if (dot && dot != name)
        *dot = '\0';
    int st = netfmt_read_stream(fp, path, name, out);
    fclose(fp);
    return st;
}
