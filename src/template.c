/* template.c: Markdown templates filled from CSV files (see template.h and
 * docs/reporting.md for the language). */
#include "template.h"
#include "csvio.h"
#include "err.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ structures */

struct template_data;
static int find_text(const struct template_data *d, const char *alias);

typedef enum {
    REF_FIELD, REF_COUNT, REF_TEXT, REF_MAX, REF_MIN, REF_ARGMAX, REF_ARGMIN
} ref_kind;

/* What a tag reads: a field of the one selected row, the number of
 * selected rows, a text alias, or the extreme of a column over the
 * selected rows (max:/min:) or another column of that extreme row
 * (argmax:/argmin:, the column after the selector). */
typedef struct ref {
    ref_kind kind;
    char *alias;
    char *col;         /* REF_FIELD and the extremes */
    char *key;         /* REF_ARGMAX/REF_ARGMIN: the column printed */
    int key_index;     /* bound: column of key */
    csvtab_sel sel;    /* n = 0 without a selector */
    char *sel_text;    /* the selector as written, "[...]", or NULL */
    int tab;           /* bound: index of the alias in template_data */
    int col_index;     /* bound: column of col */
} ref;

typedef enum {
    FMT_S, FMT_D, FMT_DSEP, FMT_F, FMT_G, FMT_E, FMT_PCT
} fmt_conv;

typedef struct fmt {
    fmt_conv conv;
    int prec;
    char *text;        /* as written, for messages */
    char *missing;     /* printed for an empty field; NULL: empty is an error */
} fmt;

/* One column of a #table: a column of the table's own file (own = 1,
 * r.col), or a lookup OTHER.COL[SEL] whose selector may read the row. */
typedef struct cell {
    int own;
    ref r;
    char *header;
    fmt f;
} cell;

typedef enum { NODE_TEXT, NODE_VALUE, NODE_PATH, NODE_TABLE, NODE_IF } node_kind;

typedef enum { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE } cmp_op;

struct node;
typedef struct nodelist {
    struct node *v;
    size_t n, cap;
} nodelist;

typedef struct node {
    node_kind kind;
    long line;
    char *text;        /* NODE_TEXT: the text; NODE_IF: the right side */
    size_t len;
    ref r;             /* VALUE, PATH (alias), TABLE (file), IF (left side) */
    ref r2;            /* IF: a right side that is a term (has_r2) */
    int has_r2;
    fmt f;             /* VALUE */
    cell *cells;       /* TABLE */
    size_t ncells;
    cmp_op op;         /* IF */
    nodelist then, els;
    int in_else;       /* IF, while parsing */
} node;

struct template {
    char *path;
    nodelist root;
};

typedef struct csv_alias {
    char *alias;
    char *path;
    csvtab *tab;
} csv_alias;

typedef struct text_alias {
    char *alias;
    char *text;
} text_alias;

struct template_data {
    csv_alias *csv;
    size_t ncsv;
    text_alias *text;
    size_t ntext;
};

/* Precision up to 17: a double holds 17 significant decimal digits, so
 * more would print digits of its binary expansion, not of the data. */
static const char FMT_HELP[] =
    "expected %s, %d, %'d, %.Nf, %.Ng, %.Ne or %.N% with N from 0 to 17";

/* ------------------------------------------------------------- freeing */

static void
ref_clear(ref *r)
{
    free(r->key);
    free(r->alias);
    free(r->col);
    free(r->sel_text);
    csvtab_sel_free(&r->sel);
}

static void
fmt_clear(fmt *f)
{
    free(f->text);
    free(f->missing);
}

static void nodelist_clear(nodelist *l);

static void
node_clear(node *n)
{
    free(n->text);
    ref_clear(&n->r);
    ref_clear(&n->r2);
    fmt_clear(&n->f);
    for (size_t i = 0; i < n->ncells; i++) {
        ref_clear(&n->cells[i].r);
        free(n->cells[i].header);
        fmt_clear(&n->cells[i].f);
    }
    free(n->cells);
    nodelist_clear(&n->then);
    nodelist_clear(&n->els);
}

static void
nodelist_clear(nodelist *l)
{
    for (size_t i = 0; i < l->n; i++)
        node_clear(&l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

void
template_free(template *t)
{
    if (!t)
        return;
    nodelist_clear(&t->root);
    free(t->path);
    free(t);
}

/* ------------------------------------------------------- parsing: pieces */

typedef struct parser {
    template *t;
    long line;
    node **open;       /* the #if blocks not yet closed, innermost last */
    size_t depth, cap;
} parser;

/* Report at the template's current line; returns IMC_EINPUT. */
#define PFAIL(p, ...) imc_fail((p)->t->path, (p)->line, __VA_ARGS__)

static nodelist *
current(parser *p)
{
    if (p->depth == 0)
        return &p->t->root;
    node *b = p->open[p->depth - 1];
    return b->in_else ? &b->els : &b->then;
}

/* A new zeroed node at the end of the current list, or NULL. */
static node *
push_node(parser *p, node_kind kind)
{
    nodelist *l = current(p);
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        node *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return NULL;
        l->v = v;
        l->cap = cap;
    }
    node *n = &l->v[l->n++];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->line = p->line;
    return n;
}

static int
alias_char_p(int c, int first)
{
    return c == '_' || isalpha((unsigned char)c) ||
           (!first && isdigit((unsigned char)c));
}

/* Length of the alias name at the start of s[0..n). */
static size_t
alias_len(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && alias_char_p(s[i], i == 0))
        i++;
    return i;
}

int
template_alias_valid_p(const char *name)
{
    size_t n = strlen(name);
    return n > 0 && alias_len(name, n) == n && strcmp(name, "table") != 0 &&
           strcmp(name, "if") != 0 && strcmp(name, "else") != 0;
}

/* Parse a format ("%.2f", "%d", ...) of n characters into f. */
static int
parse_fmt(parser *p, const char *s, size_t n, fmt *f)
{
    if (!(f->text = strndup(s, n)))
        return PFAIL(p, "out of memory");
    f->prec = 0;
    if (n == 2 && s[0] == '%' && (s[1] == 's' || s[1] == 'd')) {
        f->conv = s[1] == 's' ? FMT_S : FMT_D;
        return IMC_OK;
    }
    if (n == 3 && memcmp(s, "%'d", 3) == 0) {
        f->conv = FMT_DSEP;
        return IMC_OK;
    }
    if ((n == 4 || n == 5) && s[0] == '%' && s[1] == '.' &&
        isdigit((unsigned char)s[2]) &&
        (n == 4 || isdigit((unsigned char)s[3]))) {
        f->prec = n == 4 ? s[2] - '0' : 10 * (s[2] - '0') + (s[3] - '0');
        switch (s[n - 1]) {
        case 'f': f->conv = FMT_F; break;
        case 'g': f->conv = FMT_G; break;
        case 'e': f->conv = FMT_E; break;
        case '%': f->conv = FMT_PCT; break;
        default: f->prec = -1;
        }
        if (f->prec >= 0 && f->prec <= 17)
            return IMC_OK;
    }
    return PFAIL(p, "bad format '%.*s' (%s)", (int)n, s, FMT_HELP);
}

/* Parse "FMT" or "FMT|MISSING" (n characters) into f. */
static int
parse_fmt_missing(parser *p, const char *s, size_t n, fmt *f)
{
    const char *bar = memchr(s, '|', n);
    size_t flen = bar ? (size_t)(bar - s) : n;
    if (parse_fmt(p, s, flen, f) != IMC_OK)
        return IMC_EINPUT;
    if (bar && !(f->missing = strndup(bar + 1, n - flen - 1)))
        return PFAIL(p, "out of memory");
    return IMC_OK;
}

/* The default format, %s. */
static int
default_fmt(parser *p, fmt *f)
{
    return parse_fmt(p, "%s", 2, f);
}

/* Parse an optional selector "[...]" at s[*i] (of n characters) into r,
 * advancing *i past it. */
static int
parse_sel(parser *p, const char *s, size_t n, size_t *i, int allow_refs,
          ref *r)
{
    if (*i >= n || s[*i] != '[')
        return IMC_OK;
    const char *close = memchr(s + *i, ']', n - *i);
    if (!close)
        return PFAIL(p, "'%.*s': '[' without ']'", (int)n, s);
    size_t len = (size_t)(close - (s + *i)) + 1;
    char why[256];
    if (csvtab_sel_parse(s + *i + 1, len - 2, ',', allow_refs, &r->sel, why,
                         sizeof why) != IMC_OK)
        return PFAIL(p, "selector '%.*s': %s", (int)len, s + *i, why);
    if (!(r->sel_text = strndup(s + *i, len)))
        return PFAIL(p, "out of memory");
    *i += len;
    return IMC_OK;
}

/* Parse the alias at s[*i] into r->alias, advancing *i. */
static int
parse_alias(parser *p, const char *s, size_t n, size_t *i, ref *r)
{
    size_t a = alias_len(s + *i, n - *i);
    if (a == 0)
        return PFAIL(p, "'%.*s': expected an alias (a letter or '_', then "
                     "letters, digits or '_')", (int)n, s);
    if (!(r->alias = strndup(s + *i, a)))
        return PFAIL(p, "out of memory");
    if (!template_alias_valid_p(r->alias))
        return PFAIL(p, "'%s' is a tag word, not an alias", r->alias);
    *i += a;
    return IMC_OK;
}

/* Parse a reference at the start of s[0..n): "ALIAS.COL[SEL]",
 * "#ALIAS[SEL]" or "=NAME" (kind REF_COUNT without the '#' when
 * file_only: the ALIAS[SEL] of a #table).  A column name ends at '[' or
 * at any of the characters in `stops`; *used is set to the characters
 * consumed. */
static int
parse_ref(parser *p, const char *s, size_t n, const char *stops,
          int allow_refs, int file_only, ref *r, size_t *used)
{
    size_t i = 0;
    r->kind = file_only ? REF_COUNT : REF_FIELD;
    if (!file_only && n > 0 && (s[0] == '#' || s[0] == '=')) {
        r->kind = s[0] == '#' ? REF_COUNT : REF_TEXT;
        i = 1;
    }
    /* max:/min:/argmax:/argmin: over the selected rows */
    static const struct { const char *word; ref_kind kind; } ext[] = {
        {"max:", REF_MAX}, {"min:", REF_MIN}, {"argmax:", REF_ARGMAX},
        {"argmin:", REF_ARGMIN}};
    for (size_t k = 0; !file_only && i == 0 && k < 4; k++) {
        size_t m = strlen(ext[k].word);
        if (n > m && memcmp(s, ext[k].word, m) == 0) {
            r->kind = ext[k].kind;
            i = m;
        }
    }
    if (parse_alias(p, s, n, &i, r) != IMC_OK)
        return IMC_EINPUT;
    if (r->kind != REF_COUNT && r->kind != REF_TEXT) {
        if (i >= n || s[i] != '.')
            return PFAIL(p, "'%.*s': expected ALIAS.COLUMN", (int)n, s);
        size_t c = ++i;
        int arg = r->kind == REF_ARGMAX || r->kind == REF_ARGMIN;
        while (i < n && s[i] != '[' && !strchr(stops, s[i]) &&
               !(arg && s[i] == '.'))
            i++;
        if (i == c)
            return PFAIL(p, "'%.*s': no column after '%s.'", (int)n, s,
                         r->alias);
        if (!(r->col = strndup(s + c, i - c)))
            return PFAIL(p, "out of memory");
    }
    if (r->kind != REF_TEXT &&
        parse_sel(p, s, n, &i, allow_refs, r) != IMC_OK)
        return IMC_EINPUT;
    if (r->kind == REF_ARGMAX || r->kind == REF_ARGMIN) {
        if (i >= n || s[i] != '.')
            return PFAIL(p, "'%.*s': expected argmax:ALIAS.COL[SEL].KEY",
                         (int)n, s);
        size_t c = ++i;
        while (i < n && !strchr(stops, s[i]) && s[i] != '|')
            i++;
        if (i == c)
            return PFAIL(p, "'%.*s': no column after the selector's '.'",
                         (int)n, s);
        if (!(r->key = strndup(s + c, i - c)))
            return PFAIL(p, "out of memory");
    }
    *used = i;
    return IMC_OK;
}

/* Skip spaces and tabs from s[i], below n. */
static size_t
skip_blank(const char *s, size_t i, size_t n)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* ------------------------------------------------------- parsing: tags */

/* {{ALIAS.COL[SEL]|FMT|MISSING}}, {{#ALIAS[SEL]|FMT}}, {{=NAME}}. */
static int
parse_value(parser *p, const char *s, size_t n)
{
    node *nd = push_node(p, NODE_VALUE);
    if (!nd)
        return PFAIL(p, "out of memory");
    size_t used;
    if (parse_ref(p, s, n, "|", 0, 0, &nd->r, &used) != IMC_OK)
        return IMC_EINPUT;
    if (used == n)
        return default_fmt(p, &nd->f);
    if (s[used] != '|')
        return PFAIL(p, "'%.*s': unexpected '%.*s'", (int)n, s,
                     (int)(n - used), s + used);
    if (nd->r.kind == REF_TEXT)
        return PFAIL(p, "'%.*s': a text is inserted as is and takes no "
                     "format", (int)n, s);
    if (parse_fmt_missing(p, s + used + 1, n - used - 1, &nd->f) != IMC_OK)
        return IMC_EINPUT;
    if (nd->r.kind == REF_COUNT && nd->f.missing)
        return PFAIL(p, "'%.*s': a count is never empty and takes no "
                     "MISSING text", (int)n, s);
    return IMC_OK;
}

/* {{@ALIAS}} */
static int
parse_path(parser *p, const char *s, size_t n)
{
    node *nd = push_node(p, NODE_PATH);
    if (!nd)
        return PFAIL(p, "out of memory");
    size_t a = alias_len(s + 1, n - 1);
    if (a == 0 || a != n - 1)
        return PFAIL(p, "'%.*s': expected @ALIAS", (int)n, s);
    if (!(nd->r.alias = strndup(s + 1, a)))
        return PFAIL(p, "out of memory");
    return IMC_OK;
}

/* One cell "SRC:Header[:FMT]" of a #table (n characters, trimmed). */
static int
parse_cell(parser *p, const char *s, size_t n, cell *c)
{
    const char *colon = memchr(s, ':', n);
    const char *bracket = memchr(s, '[', n);
    size_t used;
    if (bracket && (!colon || bracket < colon)) {
        if (parse_ref(p, s, n, ":", 1, 0, &c->r, &used) != IMC_OK)
            return IMC_EINPUT;
    } else {
        c->own = 1;
        used = colon ? (size_t)(colon - s) : n;
        if (used == 0)
            return PFAIL(p, "table cell '%.*s' names no column", (int)n, s);
        if (!(c->r.col = strndup(s, used)))
            return PFAIL(p, "out of memory");
    }
    if (used >= n || s[used] != ':')
        return PFAIL(p, "table cell '%.*s': expected COLUMN:Header[:FORMAT]",
                     (int)n, s);
    const char *h = s + used + 1, *end = s + n;
    const char *hend = memchr(h, ':', (size_t)(end - h));
    if (!hend)
        hend = end;
    if (hend == h || memchr(h, '|', (size_t)(hend - h)))
        return PFAIL(p, "table cell '%.*s': the header must be non-empty "
                     "and hold no '|'", (int)n, s);
    if (!(c->header = strndup(h, (size_t)(hend - h))))
        return PFAIL(p, "out of memory");
    if (hend == end)
        return default_fmt(p, &c->f);
    return parse_fmt_missing(p, hend + 1, (size_t)(end - hend - 1), &c->f);
}

/* {{#table ALIAS[SEL] CELL, CELL, ...}}: s starts after "#table". */
static int
parse_table(parser *p, const char *s, size_t n)
{
    node *nd = push_node(p, NODE_TABLE);
    if (!nd)
        return PFAIL(p, "out of memory");
    size_t i = skip_blank(s, 0, n), used;
    if (i >= n)
        return PFAIL(p, "#table: expected ALIAS[SEL] and its columns");
    if (parse_ref(p, s + i, n - i, "", 0, 1, &nd->r, &used) != IMC_OK)
        return IMC_EINPUT;
    i += used;
    size_t j = skip_blank(s, i, n);
    if (j == i || j >= n)
        return PFAIL(p, "#table %s: expected columns COLUMN:Header[:FORMAT] "
                     "after the file", nd->r.alias);
    /* cells are separated by ',' outside [...] */
    size_t count = 1, depth = 0;
    for (size_t k = j; k < n; k++) {
        depth += s[k] == '[';
        depth -= s[k] == ']' && depth > 0;
        count += s[k] == ',' && depth == 0;
    }
    if (!(nd->cells = calloc(count, sizeof *nd->cells)))
        return PFAIL(p, "out of memory");
    while (nd->ncells < count) {
        size_t k = j;
        depth = 0;
        while (k < n && !(s[k] == ',' && depth == 0)) {
            depth += s[k] == '[';
            depth -= s[k] == ']' && depth > 0;
            k++;
        }
        size_t a = skip_blank(s, j, k), b = k;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
            b--;
        cell *c = &nd->cells[nd->ncells++];
        if (b == a)
            return PFAIL(p, "#table %s: empty column %zu", nd->r.alias,
                         nd->ncells);
        if (parse_cell(p, s + a, b - a, c) != IMC_OK)
            return IMC_EINPUT;
        j = k + 1;
    }
    return IMC_OK;
}

static int
parse_op(const char *s, size_t n, cmp_op *op, size_t *len)
{
    static const struct { const char *text; cmp_op op; } ops[] = {
        {"==", OP_EQ}, {"!=", OP_NE}, {"<=", OP_LE}, {">=", OP_GE},
        {"<", OP_LT}, {">", OP_GT}};
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        size_t m = strlen(ops[k].text);
        if (n >= m && memcmp(s, ops[k].text, m) == 0) {
            *op = ops[k].op;
            *len = m;
            return IMC_OK;
        }
    }
    return IMC_EINPUT;
}

/* {{#if TERM OP VALUE}}: s starts after "#if". */
static int
parse_if(parser *p, const char *s, size_t n)
{
    node *nd = push_node(p, NODE_IF);
    if (!nd)
        return PFAIL(p, "out of memory");
    size_t i = skip_blank(s, 0, n), used, oplen;
    if (i >= n)
        return PFAIL(p, "#if: expected TERM OP VALUE");
    if (parse_ref(p, s + i, n - i, " \t=!<>", 0, 0, &nd->r, &used) != IMC_OK)
        return IMC_EINPUT;
    i = skip_blank(s, i + used, n);
    if (parse_op(s + i, n - i, &nd->op, &oplen) != IMC_OK)
        return PFAIL(p, "#if: expected an operator (== != < <= > >=) at "
                     "'%.*s'", (int)(n - i), s + i);
    i = skip_blank(s, i + oplen, n);
    size_t e = n;
    while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    if (!(nd->text = strndup(s + i, e - i)))
        return PFAIL(p, "out of memory");
    /* a right side that is an extreme or a count is a term too, so two
     * results can be compared ({{#if max:a.x[...] > min:b.y[...]}}) */
    static const char *const terms[] = {"max:", "min:", "#"};
    for (int k = 0; k < 3; k++)
        if (strncmp(nd->text, terms[k], strlen(terms[k])) == 0) {
            size_t tn = strlen(nd->text), tu;
            if (parse_ref(p, nd->text, tn, " \t", 0, 0, &nd->r2, &tu) !=
                IMC_OK)
                return IMC_EINPUT;
            if (tu != tn)
                return PFAIL(p, "#if: unexpected '%s' after the right side",
                             nd->text + tu);
            nd->has_r2 = 1;
            break;
        }
    if (p->depth == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 8;
        node **o = realloc(p->open, cap * sizeof *o);
        if (!o)
            return PFAIL(p, "out of memory");
        p->open = o;
        p->cap = cap;
    }
    p->open[p->depth++] = nd;
    return IMC_OK;
}

/* Which kind of tag the text inside the braces is. */
typedef enum {
    TAG_VALUE, TAG_PATH, TAG_COMMENT, TAG_TABLE, TAG_IF, TAG_ELSE, TAG_ENDIF
} tag_kind;

static int
keyword_p(const char *s, size_t n, const char *word)
{
    size_t m = strlen(word);
    return n >= m && memcmp(s, word, m) == 0 &&
           (n == m || s[m] == ' ' || s[m] == '\t');
}

static tag_kind
classify(const char *s, size_t n)
{
    if (n > 0 && s[0] == '!')
        return TAG_COMMENT;
    if (n > 0 && s[0] == '@')
        return TAG_PATH;
    if (keyword_p(s, n, "#table"))
        return TAG_TABLE;
    if (keyword_p(s, n, "#if"))
        return TAG_IF;
    if (keyword_p(s, n, "#else"))
        return TAG_ELSE;
    if (keyword_p(s, n, "/if"))
        return TAG_ENDIF;
    return TAG_VALUE;
}

/* One tag, the n characters between "{{" and "}}". */
static int
parse_tag(parser *p, const char *s, size_t n)
{
    switch (classify(s, n)) {
    case TAG_COMMENT:
        return IMC_OK;
    case TAG_PATH:
        return parse_path(p, s, n);
    case TAG_TABLE:
        return parse_table(p, s + 6, n - 6);
    case TAG_IF:
        return parse_if(p, s + 3, n - 3);
    case TAG_ELSE:
        if (n != 5)
            return PFAIL(p, "'{{%.*s}}': #else takes nothing", (int)n, s);
        if (p->depth == 0)
            return PFAIL(p, "{{#else}} without {{#if}}");
        if (p->open[p->depth - 1]->in_else)
            return PFAIL(p, "second {{#else}} for the {{#if}} of line %ld",
                         p->open[p->depth - 1]->line);
        p->open[p->depth - 1]->in_else = 1;
        return IMC_OK;
    case TAG_ENDIF:
        if (n != 3)
            return PFAIL(p, "'{{%.*s}}': /if takes nothing", (int)n, s);
        if (p->depth == 0)
            return PFAIL(p, "{{/if}} without {{#if}}");
        p->depth--;
        return IMC_OK;
    case TAG_VALUE:
        break;
    }
    if (n == 0)
        return PFAIL(p, "empty tag '{{}}'");
    /* '#' and a word that is not an alias followed by '[', '|' or the
     * end: a block tag this language does not have */
    if (s[0] == '#') {
        size_t a = alias_len(s + 1, n - 1);
        if (a == 0 || (a < n - 1 && s[1 + a] != '[' && s[1 + a] != '|'))
            return PFAIL(p, "unknown tag '{{%.*s}}'", (int)n, s);
    }
    return parse_value(p, s, n);
}

/* The first "{{" or "}}" (pair) in [s, e), or NULL. */
static const char *
find_pair(const char *s, const char *e, char c)
{
    for (; s + 1 < e; s++)
        if (s[0] == c && s[1] == c)
            return s;
    return NULL;
}

static int
blank_p(const char *s, const char *e)
{
    for (; s < e; s++)
        if (*s != ' ' && *s != '\t')
            return 0;
    return 1;
}

static int
add_text(parser *p, const char *s, size_t n)
{
    if (n == 0)
        return IMC_OK;
    node *nd = push_node(p, NODE_TEXT);
    if (!nd || !(nd->text = malloc(n)))
        return PFAIL(p, "out of memory");
    memcpy(nd->text, s, n);
    nd->len = n;
    return IMC_OK;
}

/* One line s[0..n) (with its newline, if any). */
static int
parse_line(parser *p, const char *s, size_t n)
{
    size_t body = n > 0 && s[n - 1] == '\n' ? n - 1 : n;
    const char *open = NULL, *close = NULL;
    size_t ntags = 0;
    for (const char *q = s; (q = find_pair(q, s + body, '{'));) {
        const char *c = find_pair(q + 2, s + body, '}');
        if (!c)
            return PFAIL(p, "unterminated tag: '{{' without '}}' on the "
                         "same line");
        if (ntags++ == 0) {
            open = q;
            close = c;
        }
        q = c + 2;
    }
    if (ntags == 1) {
        tag_kind k = classify(open + 2, (size_t)(close - open - 2));
        int block = k != TAG_VALUE && k != TAG_PATH;
        if (block && blank_p(s, open) && blank_p(close + 2, s + body))
            return parse_tag(p, open + 2, (size_t)(close - open - 2));
        if (k == TAG_TABLE)
            return PFAIL(p, "{{#table ...}} must be alone on its line");
    }
    const char *q = s;
    for (size_t t = 0; t < ntags; t++) {
        const char *o = find_pair(q, s + body, '{');
        const char *c = find_pair(o + 2, s + body, '}');
        if (classify(o + 2, (size_t)(c - o - 2)) == TAG_TABLE)
            return PFAIL(p, "{{#table ...}} must be alone on its line");
        if (add_text(p, q, (size_t)(o - q)) != IMC_OK ||
            parse_tag(p, o + 2, (size_t)(c - o - 2)) != IMC_OK)
            return IMC_EINPUT;
        q = c + 2;
    }
    return add_text(p, q, (size_t)(s + n - q));
}

int
template_parse_string(const char *name, const char *text, size_t n,
                      template **out)
{
    template *t = calloc(1, sizeof *t);
    if (!t || !(t->path = strdup(name))) {
        free(t);
        return imc_fail(name, 0, "out of memory");
    }
    parser p = {t, 0, NULL, 0, 0};
    int st = IMC_OK;
    if (memchr(text, '\0', n))
        st = imc_fail(name, 0, "NUL byte in the template");
    for (size_t i = 0; st == IMC_OK && i < n;) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t len = nl ? (size_t)(nl - (text + i)) + 1 : n - i;
        p.line++;
        st = parse_line(&p, text + i, len);
        i += len;
    }
    if (st == IMC_OK && p.depth > 0)
        st = imc_fail(name, p.open[p.depth - 1]->line,
                      "{{#if}} without {{/if}}");
    free(p.open);
    if (st != IMC_OK) {
        template_free(t);
        return st;
    }
    *out = t;
    return IMC_OK;
}

/* The first occurrence of the m bytes of pat in s[0..n), or NULL (memmem
 * is not ISO C nor POSIX). */
static const char *
find_bytes(const char *s, size_t n, const char *pat, size_t m)
{
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, pat, m) == 0)
            return s + i;
    return NULL;
}

/* Replace every {{=NAME}} of text[0..n) whose NAME is a text of d by that
 * text (NULL d: none), into a new buffer *out of *outn bytes: a text may
 * then stand inside another tag too, e.g. in a selector.  Names that are
 * not texts of d stay, for the binding to report. */
static int
expand_texts(const char *path, const char *text, size_t n,
             const template_data *d, char **out, size_t *outn)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem)
        return imc_fail(path, 0, "out of memory");
    size_t i = 0;
    while (i < n) {
        const char *open = d ? find_bytes(text + i, n - i, "{{=", 3) : NULL;
        if (!open) {
            fwrite(text + i, 1, n - i, mem);
            break;
        }
        size_t at = (size_t)(open - text);
        const char *close = find_bytes(text + at + 3, n - at - 3, "}}", 2);
        int k = -1;
        if (close) {
            char name[128];
            size_t nl = (size_t)(close - (text + at + 3));
            if (nl < sizeof name && !memchr(text + at + 3, '\n', nl)) {
                memcpy(name, text + at + 3, nl);
                name[nl] = '\0';
                k = find_text(d, name);
            }
        }
        fwrite(text + i, 1, at - i, mem);
        if (k >= 0) {
            fputs(d->text[k].text, mem);
            i = (size_t)(close - text) + 2;
        } else {
            fwrite(text + at, 1, 3, mem);
            i = at + 3;
        }
    }
    if (fclose(mem) != 0) {
        free(buf);
        return imc_fail(path, 0, "out of memory");
    }
    *out = buf;
    *outn = len;
    return IMC_OK;
}

int
template_parse_file(const char *path, template **out)
{
    return template_parse_file_with(path, NULL, out);
}

int
template_parse_file_with(const char *path, const template_data *d,
                         template **out)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return imc_fail(path, 0, "cannot open: %s", strerror(errno));
    char *buf = NULL;
    size_t n = 0, cap = 0;
    int st = IMC_OK;
    for (;;) {
        if (n == cap) {
            cap = cap ? 2 * cap : 8192;
            char *b = realloc(buf, cap);
            if (!b) {
                st = imc_fail(path, 0, "out of memory");
                break;
            }
            buf = b;
        }
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (got == 0)
            break;
    }
    if (st == IMC_OK && ferror(fp))
        st = imc_fail(path, 0, "read error: %s", strerror(errno));
    fclose(fp);
    char *expanded = NULL;
    size_t en = 0;
    if (st == IMC_OK)
        st = expand_texts(path, buf ? buf : "", n, d, &expanded, &en);
    if (st == IMC_OK)
        st = template_parse_string(path, expanded ? expanded : "", en, out);
    free(expanded);
    free(buf);
    return st;
}

/* ------------------------------------------------------------------ data */

template_data *
template_data_alloc(void)
{
    return calloc(1, sizeof(template_data));
}

void
template_data_free(template_data *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->ncsv; i++) {
        free(d->csv[i].alias);
        free(d->csv[i].path);
        csvtab_free(d->csv[i].tab);
    }
    for (size_t i = 0; i < d->ntext; i++) {
        free(d->text[i].alias);
        free(d->text[i].text);
    }
    free(d->csv);
    free(d->text);
    free(d);
}

static int
find_csv(const template_data *d, const char *alias)
{
    for (size_t i = 0; i < d->ncsv; i++)
        if (strcmp(d->csv[i].alias, alias) == 0)
            return (int)i;
    return -1;
}

static int
find_text(const template_data *d, const char *alias)
{
    for (size_t i = 0; i < d->ntext; i++)
        if (strcmp(d->text[i].alias, alias) == 0)
            return (int)i;
    return -1;
}

int
template_data_add_csv(template_data *d, const char *alias, const char *path,
                      const csvtab_sel *filter)
{
    if (!template_alias_valid_p(alias))
        return imc_fail(NULL, 0, "bad alias '%s' (a letter or '_', then "
                        "letters, digits or '_'; not table, if or else)",
                        alias);
    if (find_csv(d, alias) >= 0)
        return imc_fail(NULL, 0, "CSV alias '%s' given twice", alias);
    csv_alias *v = realloc(d->csv, (d->ncsv + 1) * sizeof *v);
    if (!v)
        return imc_fail(path, 0, "out of memory");
    d->csv = v;
    csv_alias *a = &v[d->ncsv];
    memset(a, 0, sizeof *a);
    if (!(a->alias = strdup(alias)) || !(a->path = strdup(path))) {
        free(a->alias);
        free(a->path);
        return imc_fail(path, 0, "out of memory");
    }
    if (csvtab_read(path, filter, &a->tab) != IMC_OK) {
        free(a->alias);
        free(a->path);
        return IMC_EINPUT;
    }
    d->ncsv++;
    return IMC_OK;
}

int
template_data_add_text(template_data *d, const char *alias, const char *text)
{
    if (!template_alias_valid_p(alias))
        return imc_fail(NULL, 0, "bad alias '%s' (a letter or '_', then "
                        "letters, digits or '_'; not table, if or else)",
                        alias);
    if (find_text(d, alias) >= 0)
        return imc_fail(NULL, 0, "text alias '%s' given twice", alias);
    text_alias *v = realloc(d->text, (d->ntext + 1) * sizeof *v);
    if (!v)
        return imc_fail(NULL, 0, "out of memory");
    d->text = v;
    v[d->ntext].alias = strdup(alias);
    v[d->ntext].text = strdup(text);
    if (!v[d->ntext].alias || !v[d->ntext].text) {
        free(v[d->ntext].alias);
        free(v[d->ntext].text);
        return imc_fail(NULL, 0, "out of memory");
    }
    d->ntext++;
    return IMC_OK;
}

/* -------------------------------------------------------------- binding */

/* Where rendering is: the template and its data, and the #table row a
 * lookup cell reads ($COL), if any. */
typedef struct render {
    const template *t;
    const template_data *d;
    FILE *out;
    const csvtab *ctx;
    size_t ctx_row;
} render;

/* Bind a reference's alias, column and selector to the data; ctx is the
 * table a lookup cell's $COL reads (NULL elsewhere). */
static int
bind_ref(const render *rd, ref *r, long line, const csvtab *ctx)
{
    const char *tp = rd->t->path;
    if (r->kind == REF_TEXT) {
        if ((r->tab = find_text(rd->d, r->alias)) < 0)
            return imc_fail(tp, line, "unknown text alias '%s'", r->alias);
        return IMC_OK;
    }
    if ((r->tab = find_csv(rd->d, r->alias)) < 0)
        return imc_fail(tp, line, "unknown CSV alias '%s'", r->alias);
    const csv_alias *a = &rd->d->csv[r->tab];
    if (r->col && (r->col_index = csvtab_col(a->tab, r->col)) < 0)
        return imc_fail(tp, line, "'%s' (%s) has no column '%s'", r->alias,
                        a->path, r->col);
    if (r->key && (r->key_index = csvtab_col(a->tab, r->key)) < 0)
        return imc_fail(tp, line, "'%s' (%s) has no column '%s'", r->alias,
                        a->path, r->key);
    size_t bad;
    int bad_ref;
    if (csvtab_sel_bind(&r->sel, a->tab, ctx, &bad, &bad_ref) != IMC_OK) {
        const csvtab_term *k = &r->sel.terms[bad];
        if (bad_ref)
            return imc_fail(tp, line, "selector %s: the table's file (%s) "
                            "has no column '%s'", r->sel_text, ctx->path,
                            k->value);
        return imc_fail(tp, line, "selector %s: '%s' (%s) has no column "
                        "'%s'", r->sel_text, r->alias, a->path, k->col);
    }
    return IMC_OK;
}

static int bind_list(const render *rd, nodelist *l);

static int
bind_node(const render *rd, node *n)
{
    switch (n->kind) {
    case NODE_TEXT:
        return IMC_OK;
    case NODE_PATH:
        if (find_csv(rd->d, n->r.alias) < 0)
            return imc_fail(rd->t->path, n->line, "unknown CSV alias '%s'",
                            n->r.alias);
        return IMC_OK;
    case NODE_VALUE:
        return bind_ref(rd, &n->r, n->line, NULL);
    case NODE_TABLE: {
        if (bind_ref(rd, &n->r, n->line, NULL) != IMC_OK)
            return IMC_EINPUT;
        const csv_alias *a = &rd->d->csv[n->r.tab];
        for (size_t i = 0; i < n->ncells; i++) {
            cell *c = &n->cells[i];
            if (!c->own) {
                if (bind_ref(rd, &c->r, n->line, a->tab) != IMC_OK)
                    return IMC_EINPUT;
            } else if ((c->r.col_index = csvtab_col(a->tab, c->r.col)) < 0)
                return imc_fail(rd->t->path, n->line, "#table %s: '%s' "
                                "(%s) has no column '%s'", n->r.alias,
                                n->r.alias, a->path, c->r.col);
        }
        return IMC_OK;
    }
    case NODE_IF:
        if (bind_ref(rd, &n->r, n->line, NULL) != IMC_OK ||
            (n->has_r2 && bind_ref(rd, &n->r2, n->line, NULL) != IMC_OK) ||
            bind_list(rd, &n->then) != IMC_OK)
            return IMC_EINPUT;
        return bind_list(rd, &n->els);
    }
    return IMC_OK;
}

static int
bind_list(const render *rd, nodelist *l)
{
    for (size_t i = 0; i < l->n; i++)
        if (bind_node(rd, &l->v[i]) != IMC_OK)
            return IMC_EINPUT;
    return IMC_OK;
}

/* ------------------------------------------------------------ resolving */

/* The selector of r with its $COL values spelt out, for messages. */
static void
describe_sel(const render *rd, const ref *r, char *buf, size_t n)
{
    size_t used = (size_t)snprintf(buf, n, "%s", r->sel_text);
    for (size_t i = 0; i < r->sel.n && used < n; i++) {
        const csvtab_term *k = &r->sel.terms[i];
        if (k->ref)
            used += (size_t)snprintf(buf + used, n - used, " ($%s = '%s')",
                                     k->value,
                                     csvtab_field(rd->ctx, rd->ctx_row,
                                                  (size_t)k->ref_index));
    }
}

/* The number of rows of r's file its selector picks; *first and *second
 * get the first two of them. */
static size_t
count_rows(const render *rd, const ref *r, size_t *first, size_t *second)
{
    const csvtab *tab = rd->d->csv[r->tab].tab;
    size_t count = 0;
    for (size_t i = 0; i < tab->nrows; i++)
        if (csvtab_sel_match_p(&r->sel, tab, i, rd->ctx, rd->ctx_row)) {
            if (count == 0)
                *first = i;
            else if (count == 1)
                *second = i;
            count++;
        }
    return count;
}

/* The one row r selects, or a report of why there is not exactly one. */
static int
unique_row(const render *rd, const ref *r, long line, size_t *row)
{
    const csv_alias *a = &rd->d->csv[r->tab];
    size_t second = 0;
    size_t count = count_rows(rd, r, row, &second);
    if (count == 1)
        return IMC_OK;
    char sel[512];
    if (!r->sel_text) {
        if (count == 0)
            return imc_fail(rd->t->path, line, "'%s' (%s) has no rows",
                            r->alias, a->path);
        return imc_fail(rd->t->path, line, "'%s' (%s) has %zu rows: a value "
                        "without a selector needs exactly one", r->alias,
                        a->path, count);
    }
    describe_sel(rd, r, sel, sizeof sel);
    if (count == 0)
        return imc_fail(rd->t->path, line, "no row of '%s' (%s) matches %s",
                        r->alias, a->path, sel);
    return imc_fail(rd->t->path, line, "%zu rows of '%s' match %s (%s:%ld "
                    "and %s:%ld): a value needs exactly one", count,
                    r->alias, sel, a->path, a->tab->lines[*row], a->path,
                    a->tab->lines[second]);
}

/* A value to print: its text and, for a CSV field, where it came from. */
typedef struct value {
    const char *text;
    const char *file;  /* NULL: not a CSV field */
    long line;
    const char *col;
    char buf[32];      /* the text of a count */
} value;

/* The extreme of r's column over the rows its selector picks (empty
 * fields skipped; the first row wins a tie): its text for max:/min:, the
 * key column's for argmax:/argmin:; empty when no row has a value. */
static int
resolve_extreme(const render *rd, const ref *r, long line, value *v)
{
    const csv_alias *a = &rd->d->csv[r->tab];
    const csvtab *tab = a->tab;
    int want_max = r->kind == REF_MAX || r->kind == REF_ARGMAX;
    size_t best = 0;
    int found = 0;
    double bv = 0;
    for (size_t i = 0; i < tab->nrows; i++) {
        if (!csvtab_sel_match_p(&r->sel, tab, i, rd->ctx, rd->ctx_row))
            continue;
        const char *f = csvtab_field(tab, i, (size_t)r->col_index);
        double x;
        if (!*f)
            continue;
        if (csvio_to_double(f, &x) != IMC_OK)
            return imc_fail(a->path, tab->lines[i], "column '%s': got '%s', "
                            "expected a number (%s at %s:%ld)", r->col, f,
                            want_max ? "max" : "min", rd->t->path, line);
        if (!found || (want_max ? x > bv : x < bv)) {
            found = 1;
            bv = x;
            best = i;
        }
    }
    v->text = "";
    if (!found)
        return IMC_OK;
    int arg = r->kind == REF_ARGMAX || r->kind == REF_ARGMIN;
    v->text = csvtab_field(tab, best, (size_t)(arg ? r->key_index
                                                   : r->col_index));
    v->file = a->path;
    v->line = tab->lines[best];
    v->col = arg ? r->key : r->col;
    return IMC_OK;
}

/* Fetch what r stands for (a field, a count, a text or an extreme). */
static int
resolve(const render *rd, const ref *r, long line, value *v)
{
    v->file = NULL;
    v->line = 0;
    v->col = NULL;
    if (r->kind == REF_TEXT) {
        v->text = rd->d->text[r->tab].text;
        return IMC_OK;
    }
    if (r->kind == REF_COUNT) {
        size_t first, second;
        snprintf(v->buf, sizeof v->buf, "%zu",
                 count_rows(rd, r, &first, &second));
        v->text = v->buf;
        return IMC_OK;
    }
    size_t row;
    const csv_alias *a = &rd->d->csv[r->tab];
    if (r->kind != REF_FIELD)
        return resolve_extreme(rd, r, line, v);
    if (unique_row(rd, r, line, &row) != IMC_OK)
        return IMC_EINPUT;
    v->text = csvtab_field(a->tab, row, (size_t)r->col_index);
    v->file = a->path;
    v->line = a->tab->lines[row];
    v->col = r->col;
    return IMC_OK;
}

/* ------------------------------------------------------------ formatting */

/* Report a value that does not fit its format: at the CSV's file:line for
 * a field, at the template's line otherwise. */
static int
value_fail(const render *rd, const value *v, const fmt *f, long line,
           const char *what)
{
    if (v->file)
        return imc_fail(v->file, v->line, "column '%s': got '%s', %s "
                        "(format '%s' at %s:%ld)", v->col, v->text, what,
                        f->text, rd->t->path, line);
    return imc_fail(rd->t->path, line, "got '%s', %s (format '%s')",
                    v->text, what, f->text);
}

/* Write text; in a table cell '|' is escaped and a line break refused. */
static int
put_text(const render *rd, const value *v, const fmt *f, long line,
         const char *text, int in_cell)
{
    if (!in_cell) {
        fputs(text, rd->out);
        return IMC_OK;
    }
    if (strpbrk(text, "\r\n"))
        return value_fail(rd, v, f, line, "a line break, which a table "
                          "cell cannot hold");
    for (const char *s = text; *s; s++) {
        if (*s == '|')
            fputc('\\', rd->out);
        fputc(*s, rd->out);
    }
    return IMC_OK;
}

/* An integer with ',' between groups of three digits. */
static void
put_grouped(FILE *out, long long k)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%lld", k < 0 ? -k : k);
    if (k < 0)
        fputc('-', out);
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            fputc(',', out);
        fputc(digits[i], out);
    }
}

/* Write v under format f. */
static int
put_value(const render *rd, const value *v, const fmt *f, long line,
          int in_cell)
{
    if (!*v->text && (f->missing || !v->file)) {
        if (f->missing)
            fputs(f->missing, rd->out);
        return IMC_OK;
    }
    if (!*v->text)
        return value_fail(rd, v, f, line, "an empty field (give a text for "
                          "it: |FORMAT|TEXT)");
    if (csvtab_nonfinite_p(v->text))
        return value_fail(rd, v, f, line, "which is not a finite number");
    if (f->conv == FMT_S)
        return put_text(rd, v, f, line, v->text, in_cell);
    double x;
    if (csvio_to_double(v->text, &x) != IMC_OK)
        return value_fail(rd, v, f, line, "expected a number");
    /* 2^53: beyond it a double no longer holds every integer */
    const double int_max = 9007199254740992.0;
    double ip;
    switch (f->conv) {
    case FMT_D:
    case FMT_DSEP:
        if (fabs(modf(x, &ip)) > 0 || fabs(x) > int_max)
            return value_fail(rd, v, f, line, "expected an integer");
        if (f->conv == FMT_D)
            fprintf(rd->out, "%lld", (long long)ip);
        else
            put_grouped(rd->out, (long long)ip);
        return IMC_OK;
    case FMT_F: fprintf(rd->out, "%.*f", f->prec, x); return IMC_OK;
    case FMT_G: fprintf(rd->out, "%.*g", f->prec, x); return IMC_OK;
    case FMT_E: fprintf(rd->out, "%.*e", f->prec, x); return IMC_OK;
    case FMT_PCT:
        if (!isfinite(100 * x))
            return value_fail(rd, v, f, line, "too large for a percentage");
        fprintf(rd->out, "%.*f %%", f->prec, 100 * x);
        return IMC_OK;
    case FMT_S:
        break;
    }
    return IMC_OK;
}

/* ------------------------------------------------------------- rendering */

static int render_list(render *rd, const nodelist *l);

static int
render_table(render *rd, const node *n)
{
    const csv_alias *a = &rd->d->csv[n->r.tab];
    size_t first, second;
    if (count_rows(rd, &n->r, &first, &second) == 0 && n->r.sel_text)
        return imc_fail(rd->t->path, n->line, "#table %s: no row of '%s' "
                        "(%s) matches %s: a table needs at least one",
                        n->r.alias, n->r.alias, a->path, n->r.sel_text);
    if (a->tab->nrows == 0)
        return imc_fail(rd->t->path, n->line, "#table %s: '%s' (%s) has no "
                        "rows: a table needs at least one", n->r.alias,
                        n->r.alias, a->path);
    fputc('|', rd->out);
    for (size_t i = 0; i < n->ncells; i++)
        fprintf(rd->out, " %s |", n->cells[i].header);
    fputs("\n|", rd->out);
    for (size_t i = 0; i < n->ncells; i++)
        fputs("---|", rd->out);
    fputc('\n', rd->out);
    int st = IMC_OK;
    for (size_t row = 0; st == IMC_OK && row < a->tab->nrows; row++) {
        if (!csvtab_sel_match_p(&n->r.sel, a->tab, row, NULL, 0))
            continue;
        fputc('|', rd->out);
        rd->ctx = a->tab;
        rd->ctx_row = row;
        for (size_t i = 0; st == IMC_OK && i < n->ncells; i++) {
            const cell *c = &n->cells[i];
            value v = {csvtab_field(a->tab, row, (size_t)c->r.col_index),
                       a->path, a->tab->lines[row], c->r.col, ""};
            fputc(' ', rd->out);
            if (!c->own)
                st = resolve(rd, &c->r, n->line, &v);
            if (st == IMC_OK)
                st = put_value(rd, &v, &c->f, n->line, 1);
            fputs(" |", rd->out);
        }
        rd->ctx = NULL;
        fputc('\n', rd->out);
    }
    return st;
}

/* Compare x and y under op; numbers when both sides are numbers. */
static int
condition(const render *rd, const node *n, int *truth)
{
    value v, w;
    if (resolve(rd, &n->r, n->line, &v) != IMC_OK)
        return IMC_EINPUT;
    const char *right = n->text;
    if (n->has_r2) {
        if (resolve(rd, &n->r2, n->line, &w) != IMC_OK)
            return IMC_EINPUT;
        right = w.text;
    }
    double x, y;
    if (csvio_to_double(v.text, &x) == IMC_OK &&
        csvio_to_double(right, &y) == IMC_OK) {
        switch (n->op) {
        case OP_EQ: *truth = !(x < y) && !(x > y); break;
        case OP_NE: *truth = x < y || x > y; break;
        case OP_LT: *truth = x < y; break;
        case OP_LE: *truth = x <= y; break;
        case OP_GT: *truth = x > y; break;
        case OP_GE: *truth = x >= y; break;
        }
        return IMC_OK;
    }
    if (n->op != OP_EQ && n->op != OP_NE)
        return imc_fail(rd->t->path, n->line, "#if: an order comparison "
                        "needs two numbers, got '%s' and '%s'", v.text,
                        right);
    *truth = (strcmp(v.text, right) == 0) == (n->op == OP_EQ);
    return IMC_OK;
}

static int
render_node(render *rd, const node *n)
{
    switch (n->kind) {
    case NODE_TEXT:
        fwrite(n->text, 1, n->len, rd->out);
        return IMC_OK;
    case NODE_PATH:
        fputs(rd->d->csv[find_csv(rd->d, n->r.alias)].path, rd->out);
        return IMC_OK;
    case NODE_VALUE: {
        value v;
        if (resolve(rd, &n->r, n->line, &v) != IMC_OK)
            return IMC_EINPUT;
        return put_value(rd, &v, &n->f, n->line, 0);
    }
    case NODE_TABLE:
        return render_table(rd, n);
    case NODE_IF: {
        int truth = 0;
        if (condition(rd, n, &truth) != IMC_OK)
            return IMC_EINPUT;
        return render_list(rd, truth ? &n->then : &n->els);
    }
    }
    return IMC_OK;
}

static int
render_list(render *rd, const nodelist *l)
{
    for (size_t i = 0; i < l->n; i++)
        if (render_node(rd, &l->v[i]) != IMC_OK)
            return IMC_EINPUT;
    return IMC_OK;
}

int
template_render(template *t, const template_data *d, FILE *out)
{
    render rd = {t, d, out, NULL, 0};
    if (bind_list(&rd, &t->root) != IMC_OK)
        return IMC_EINPUT;
    return render_list(&rd, &t->root);
}
