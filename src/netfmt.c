/* netfmt.c: parser of the own network description format (see netfmt.h). */
#include "netfmt.h"
#include "csvio.h"
#include "err.h"

#include <ctype.h>
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
    net_index *layers;  /* layer name -> row, for the uniqueness check */
    int have_input;     /* 'input' seen */
    int any;            /* a statement seen */
    shape cur;          /* the current activation */
    saved *saves;       /* 'save' table */
    size_t nsaves, capsaves;
    net_index *saved_at; /* save name -> index into saves */
    char *words[MAX_WORDS];
    size_t nwords;
    char quoted[3][NET_QUOTE_MAX]; /* escaped input text for messages */
} parser;

/* Report at the current line. */
#define FAIL(p, ...) imc_fail((p)->file, (p)->line, __VA_ARGS__)

/* Input text made safe for a message (net_escape) in buffer slot 0..2;
 * a message quotes at most three words. */
static const char *
quote(parser *p, int slot, const char *text)
{
    net_escape(text, p->quoted[slot], sizeof p->quoted[slot]);
    return p->quoted[slot];
}

/* Make o the current activation after checking it holds at most
 * NET_MAX_DIM values, so every later product of its sizes is exact. */
static int
set_cur(parser *p, const char *what, shape o)
{
    long hw, all;
    if (net_dim_mul(o.h, o.w, &hw) != IMC_OK ||
        net_dim_mul(hw, o.c, &all) != IMC_OK)
        return FAIL(p, "%s: the %ldx%ldx%ld activation has more than 2^40 "
                       "values", what, o.h, o.w, o.c);
    p->cur = o;
    return IMC_OK;
}

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
                       "to %ld", p->words[0], what, quote(p, 0, word), min,
                    NETFMT_MAX_INT);
    *out = v;
    return IMC_OK;
}

/* One KEY=VALUE option of a statement: its key, the smallest value it
 * takes, and its value (the caller's default until given). */
typedef struct opt {
    const char *key;
    long min;
    long val;
} opt;

/* Read the KEY=VALUE words from words[first] on into opts[0..nopts-1]. */
static int
get_opts(parser *p, size_t first, opt *opts, size_t nopts)
{
    int seen[8] = {0};
    for (size_t i = first; i < p->nwords; i++) {
        const char *w = p->words[i], *eq = strchr(w, '=');
        size_t j = 0;
        while (j < nopts && (strlen(opts[j].key) != (size_t)(eq - w) ||
                             strncmp(w, opts[j].key, (size_t)(eq - w)) != 0))
            j++;
        if (j == nopts) {
            char list[64] = "";
            for (size_t k = 0; k < nopts; k++) {
                size_t len = strlen(list);
                snprintf(list + len, sizeof list - len, "%s%s=",
                         k ? ", " : "", opts[k].key);
            }
            return FAIL(p, "'%s': unexpected word '%s' (options: %s)",
                        p->words[0], quote(p, 0, w), list);
        }
        if (seen[j]++)
            return FAIL(p, "'%s': option '%s' given twice", p->words[0],
                        opts[j].key);
        long v;
        if (csvio_to_long(eq + 1, &v) || v < opts[j].min ||
            v > NETFMT_MAX_INT)
            return FAIL(p, "'%s': option '%s': got '%s', expected an "
                           "integer from %ld to %ld", p->words[0],
                        opts[j].key, quote(p, 0, eq + 1), opts[j].min,
                        NETFMT_MAX_INT);
        opts[j].val = v;
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
                    quote(p, 0, p->words[n]));
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
                    quote(p, 0, name), NET_NAME_MAX - 1 - reserve);
    for (const char *c = name; *c; c++)
        if (!isalnum((unsigned char)*c) && !strchr("_.-", *c)) {
            char one[2] = {*c, '\0'};
            return FAIL(p, "name '%s': character '%s' not allowed "
                           "(letters, digits, '_', '.', '-')",
                        quote(p, 0, name), quote(p, 1, one));
        }
    return IMC_OK;
}

/* Append one weight layer after checking its name is new and its
 * dimensions pass net_layer_check(). */
static int
add_layer(parser *p, const char *name, net_op op, long C, long M, long k,
          long P, long Q, long stride, long groups)
{
    if (net_index_find_p(p->layers, name, NULL))
        return FAIL(p, "layer name '%s' is already used", name);
    net_layer l;
    net_layer_init(&l, name, op, C, M, k, k, P, Q, stride, groups);
    int st = net_layer_check(&l, p->file, p->line);
    if (st == IMC_OK && net_index_put(p->layers, name, p->n->n) != IMC_OK)
        st = FAIL(p, "out of memory");
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
    size_t i;
    return net_index_find_p(p->saved_at, name, &i) ? &p->saves[i] : NULL;
}

/* The token count of the current activation: every position is a token. */
static long
positions(const parser *p)
{
    return p->cur.h * p->cur.w;  /* exact: set_cur bounds the product */
}

/* ------------------------------------------------------------ statements */

static int
st_input(parser *p)
{
    int st = need_args(p, 3, 3, "input H W C", NULL);
    if (st == IMC_OK && p->have_input)
        st = FAIL(p, "'input' given twice");
    shape o;
    if (st == IMC_OK)
        st = get_int(p, "H", p->words[1], 1, &o.h);
    if (st == IMC_OK)
        st = get_int(p, "W", p->words[2], 1, &o.w);
    if (st == IMC_OK)
        st = get_int(p, "C", p->words[3], 1, &o.c);
    if (st == IMC_OK)
        st = set_cur(p, "'input'", o);
    p->have_input = st == IMC_OK;
    return st;
}

static int
st_conv(parser *p)
{
    size_t first;
    long out;
    opt v[4] = {{"k", 1, 1}, {"s", 1, 1}, {"p", 0, 0}, {"g", 1, 1}};
    int st = need_args(p, 2, 2, "conv NAME OUT [k=K] [s=S] [p=P] [g=G]",
                       &first);
    if (st == IMC_OK)
        st = check_name(p, p->words[1], 0);
    if (st == IMC_OK)
        st = get_int(p, "OUT", p->words[2], 1, &out);
    if (st == IMC_OK)
        st = get_opts(p, first, v, 4);
    if (st != IMC_OK)
        return st;
    long g = v[3].val;
    if (p->cur.c % g != 0 || out % g != 0)
        return FAIL(p, "conv '%s': g=%ld must divide the %ld input and %ld "
                       "output channels", p->words[1], g, p->cur.c, out);
    char what[NET_NAME_MAX + 8];
    snprintf(what, sizeof what, "conv '%s'", p->words[1]);
    shape o;
    if ((st = window(p, what, v[0].val, v[1].val, v[2].val, &o)) != IMC_OK)
        return st;
    st = add_layer(p, p->words[1], g > 1 ? NET_OP_DWCONV : NET_OP_CONV,
                   p->cur.c / g, out / g, v[0].val, o.h, o.w, v[1].val, g);
    o.c = out;
    return st == IMC_OK ? set_cur(p, what, o) : st;
}

static int
st_dwconv(parser *p)
{
    size_t first;
    opt v[3] = {{"k", 1, 1}, {"s", 1, 1}, {"p", 0, 0}};
    int st = need_args(p, 1, 1, "dwconv NAME [k=K] [s=S] [p=P]", &first);
    if (st == IMC_OK)
        st = check_name(p, p->words[1], 0);
    if (st == IMC_OK)
        st = get_opts(p, first, v, 3);
    if (st != IMC_OK)
        return st;
    char what[NET_NAME_MAX + 8];
    snprintf(what, sizeof what, "dwconv '%s'", p->words[1]);
    shape o;
    if ((st = window(p, what, v[0].val, v[1].val, v[2].val, &o)) != IMC_OK)
        return st;
    st = add_layer(p, p->words[1], NET_OP_DWCONV, 1, 1, v[0].val, o.h, o.w,
                   v[1].val, p->cur.c);
    return st == IMC_OK ? set_cur(p, what, o) : st;
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
    /* Flatten: an fc layer after a 7x7x512 map has 25088 inputs (exact:
     * set_cur keeps every activation within NET_MAX_DIM values). */
    long in;
    if (net_dim_mul(positions(p), p->cur.c, &in) != IMC_OK)
        return FAIL(p, "'fc': more than 2^40 inputs");
    st = add_layer(p, p->words[1], NET_OP_LINEAR, in, out, 1, 1, 1, 1, 1);
    p->cur.h = p->cur.w = 1;
    p->cur.c = out;
    return st;
}

static int
st_pool(parser *p)
{
    size_t first;
    /* k is required (0 marks it absent), s defaults to k */
    opt v[3] = {{"k", 1, 0}, {"s", 1, 0}, {"p", 0, 0}};
    int st = need_args(p, 0, 0, "pool k=K [s=S] [p=P]", &first);
    if (st == IMC_OK)
        st = get_opts(p, first, v, 3);
    if (st == IMC_OK && v[0].val == 0)
        st = FAIL(p, "'pool': missing option k=K (the window size)");
    if (st != IMC_OK)
        return st;
    shape o;
    st = window(p, "pool", v[0].val, v[1].val ? v[1].val : v[0].val,
                v[2].val, &o);
    return st == IMC_OK ? set_cur(p, "pool", o) : st;
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
    if (st != IMC_OK)
        return st;
    shape o = {h, w, p->cur.c};
    return set_cur(p, "'apool'", o);
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
        if (net_index_put(p->saved_at, p->words[1], p->nsaves) != IMC_OK)
            return FAIL(p, "out of memory");
        s = &p->saves[p->nsaves++];
        snprintf(s->name, sizeof s->name, "%s", p->words[1]);
    }
    s->s = p->cur;
    return IMC_OK;
}

/* The saved activation named by word i; reports when there is none. */
static int
get_saved(parser *p, size_t i, saved **out)
{
    if ((*out = find_saved(p, p->words[i])) == NULL)
        return FAIL(p, "'%s': no saved activation '%s' (use 'save %s' "
                       "first)", p->words[0], quote(p, 0, p->words[i]),
                    quote(p, 1, p->words[i]));
    return IMC_OK;
}

static int
st_from(parser *p)
{
    saved *s;
    int st = need_args(p, 1, 1, "from NAME", NULL);
    if (st == IMC_OK && (st = get_saved(p, 1, &s)) == IMC_OK)
        p->cur = s->s;
    return st;
}

static int
st_add(parser *p)
{
    saved *s;
    int st = need_args(p, 1, 1, "add NAME", NULL);
    if (st != IMC_OK || (st = get_saved(p, 1, &s)) != IMC_OK)
        return st;
    if (s->s.h != p->cur.h || s->s.w != p->cur.w || s->s.c != p->cur.c)
        return FAIL(p, "'add': saved activation '%s' is %ldx%ldx%ld, the "
                       "current one is %ldx%ldx%ld", p->words[1], s->s.h,
                    s->s.w, s->s.c, p->cur.h, p->cur.w, p->cur.c);
    return IMC_OK;
}

/* ------------------------------------------------------------ sequences */

static int
st_linear(parser *p)
{
    size_t first;
    long out;
    opt v[1] = {{"tokens", 1, 0}};  /* 0: every position is a token */
    int st = need_args(p, 2, 2, "linear NAME OUT [tokens=T]", &first);
    if (st == IMC_OK)
        st = check_name(p, p->words[1], 0);
    if (st == IMC_OK)
        st = get_int(p, "OUT", p->words[2], 1, &out);
    if (st == IMC_OK)
        st = get_opts(p, first, v, 1);
    if (st != IMC_OK)
        return st;
    long t = v[0].val ? v[0].val : positions(p);
    if (t > positions(p))
        return FAIL(p, "'linear': tokens=%ld, but the %ldx%ldx%ld "
                       "activation has only %ld positions", t, p->cur.h,
                    p->cur.w, p->cur.c, positions(p));
    /* Each of the T tokens goes through the same weights: C = features,
     * P = T, Q = 1 (a sequence is not flattened, unlike fc). */
    st = add_layer(p, p->words[1], NET_OP_LINEAR, p->cur.c, out, 1, t, 1, 1,
                   1);
    shape o = {t, 1, out};
    return st == IMC_OK ? set_cur(p, "'linear'", o) : st;
}

static int
st_matmul(parser *p)
{
    size_t first;
    long c, m;
    opt v[2] = {{"rows", 1, 0}, {"g", 1, 1}};  /* rows 0: token count */
    int st = need_args(p, 3, 3, "matmul NAME C M [rows=P] [g=G]", &first);
    if (st == IMC_OK)
        st = check_name(p, p->words[1], 0);
    if (st == IMC_OK)
        st = get_int(p, "C", p->words[2], 1, &c);
    if (st == IMC_OK)
        st = get_int(p, "M", p->words[3], 1, &m);
    if (st == IMC_OK)
        st = get_opts(p, first, v, 2);
    if (st != IMC_OK)
        return st;
    /* Both operands are activations: (P x C) times (C x M) in each of G
     * groups (heads).  Attention's result has the shape of the block's
     * input, so the current activation is left as it is. */
    long rows = v[0].val ? v[0].val : positions(p);
    return add_layer(p, p->words[1], NET_OP_MATMUL, c, m, 1, rows, 1, 1,
                     v[1].val);
}

static int
st_concat(parser *p)
{
    int st = need_args(p, 1, MAX_WORDS - 1, "concat NAME...", NULL);
    shape o = p->cur;
    for (size_t i = 1; st == IMC_OK && i < p->nwords; i++) {
        saved *s;
        if ((st = get_saved(p, i, &s)) != IMC_OK)
            break;
        if (s->s.h != o.h || s->s.w != o.w)
            return FAIL(p, "'concat': saved activation '%s' is %ldx%ld, the "
                           "current one is %ldx%ld", p->words[i], s->s.h,
                        s->s.w, o.h, o.w);
        /* no overflow: both are at most NET_MAX_DIM, set_cur checks */
        o.c += s->s.c;
        st = set_cur(p, "'concat'", o);
    }
    return st;
}

static int
st_tokens(parser *p)
{
    long t, d = p->cur.c;
    int st = need_args(p, 1, 2, "tokens T [D]", NULL);
    if (st == IMC_OK)
        st = get_int(p, "T", p->words[1], 1, &t);
    if (st == IMC_OK && p->nwords == 3)
        st = get_int(p, "D", p->words[2], 1, &d);
    if (st != IMC_OK)
        return st;
    shape o = {t, 1, d};
    return set_cur(p, "'tokens'", o);
}

static int
st_reshape(parser *p)
{
    shape o;
    int st = need_args(p, 3, 3, "reshape H W C", NULL);
    if (st == IMC_OK)
        st = get_int(p, "H", p->words[1], 1, &o.h);
    if (st == IMC_OK)
        st = get_int(p, "W", p->words[2], 1, &o.w);
    if (st == IMC_OK)
        st = get_int(p, "C", p->words[3], 1, &o.c);
    if (st != IMC_OK)
        return st;
    long hw, now = positions(p) * p->cur.c, want = -1;
    if (net_dim_mul(o.h, o.w, &hw) == IMC_OK)
        net_dim_mul(hw, o.c, &want);
    if (want != now)
        return FAIL(p, "'reshape': %ldx%ldx%ld does not hold the %ld values "
                       "of the %ldx%ldx%ld activation", o.h, o.w, o.c, now,
                    p->cur.h, p->cur.w, p->cur.c);
    p->cur = o;
    return IMC_OK;
}

static const struct {
    const char *word;
    int (*fn)(parser *);
} statements[] = {
    {"input", st_input},   {"conv", st_conv},     {"dwconv", st_dwconv},
    {"fc", st_fc},         {"linear", st_linear}, {"matmul", st_matmul},
    {"pool", st_pool},     {"apool", st_apool},   {"gap", st_gap},
    {"se", st_se},         {"save", st_save},     {"from", st_from},
    {"add", st_add},       {"concat", st_concat}, {"tokens", st_tokens},
    {"reshape", st_reshape}};

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
                   "fc, linear, matmul, pool, apool, gap, se, save, from, "
                   "add, concat, tokens or reshape)", quote(p, 0, w));
}

/* ------------------------------------------------------------ entry */

/* One line of the file (net_each_line's callback). */
static int
one_line(void *ctx, char *line, long lineno)
{
    parser *p = ctx;
    p->line = lineno;
    int st = split_words(p, line);
    if (st == IMC_OK && p->nwords > 0) {
        p->any = 1;
        st = statement(p);
    }
    return st;
}

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
    p.layers = net_index_alloc();
    p.saved_at = net_index_alloc();
    int st = IMC_OK;
    if (!p.n || !p.layers || !p.saved_at)
        st = imc_fail(label, 1, "out of memory");
    if (st == IMC_OK)
        st = net_each_line(fp, label, one_line, &p, NULL);
    if (st == IMC_OK && !p.any)
        st = imc_fail(label, 1, "empty file (expected 'input H W C' and "
                                "layers)");
    else if (st == IMC_OK && p.n->n == 0)
        st = imc_fail(label, 1, "no weight layers (expected conv, dwconv, "
                                "fc, linear, matmul or se after 'input')");
    free(p.saves);
    net_index_free(p.layers);
    net_index_free(p.saved_at);
    if (st != IMC_OK) {
        net_free(p.n);
        return st;
    }
    *out = p.n;
    return IMC_OK;
}

/* Open path ("-" is stdin) and parse it with netfmt_read_stream(), naming
 * the net after the file; a file that cannot be opened is reported as
 * "path:1: cannot open: reason" and gives IMC_EINPUT. */
int
netfmt_read(const char *path, net **out)
{
    return net_read_with(path, netfmt_read_stream, out);
}
