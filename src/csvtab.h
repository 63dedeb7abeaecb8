/* csvtab.h: a whole CSV file in memory, and row selectors over it.
 *
 * csvtab_read() loads every record of a file through csvio (so comment
 * lines, quoting and line numbers behave as in every other reader), keeping
 * each row's line for diagnostics.  The reporting tools (fill-template,
 * pick-design, check-targets) look rows up by the values of named columns
 * and need the whole file at once; the large inputs of the searches never
 * go through here.
 *
 * A selector is a list of terms, each COL=VAL or COL!=VAL, that a row must
 * all satisfy; values are compared as exact text (no trimming, no number
 * parsing), so 'tech_nm=all' and 'seed=3' mean what they say.  In the text
 * forms the terms are separated by ',' (inside [...] in templates) or ':'
 * (after a file name, FILE:COL=VAL:COL=VAL).  A value starting with '$'
 * is a reference: '$COL' stands for the value of COL in another row, the
 * context row (a row of the table being written by fill-template's
 * #table); references are only accepted where the caller allows them.  A
 * value cannot contain the separator or ']'.
 *
 * Ownership: a csvtab owns every string in it (csvtab_free releases them
 * all); a csvtab_sel owns its terms (csvtab_sel_free).  Neither refers to
 * the other: a selector is bound to a table with csvtab_sel_bind, which
 * only records column indices.
 */
#ifndef IMC_CSVTAB_H
#define IMC_CSVTAB_H

#include <stddef.h>

typedef struct csvtab {
    char *path;      /* as given to csvtab_read */
    size_t ncols;
    char **cols;     /* header names */
    size_t nrows;
    char **fields;   /* nrows * ncols, row-major */
    long *lines;     /* line each row started on */
} csvtab;

typedef struct csvtab_term {
    char *col;       /* column the term tests */
    char *value;     /* text it compares with, or the referenced column */
    int negate;      /* 1: COL!=VAL */
    int ref;         /* 1: value names a column of the context row */
    int col_index;   /* bound by csvtab_sel_bind; -1 before */
    int ref_index;   /* column of value in the context table; -1 before */
} csvtab_term;

typedef struct csvtab_sel {
    size_t n;
    csvtab_term *terms;
} csvtab_sel;

/* Read the whole of path ("-" is stdin); with filter non-NULL keep only
 * the rows it selects (its columns must exist; it may not hold
 * references).  Returns IMC_OK with a new table in *out, or reports
 * "file:line: what is wrong" and returns IMC_EINPUT. */
int csvtab_read(const char *path, const csvtab_sel *filter, csvtab **out);
/* Release t and every string in it; csvtab_free(NULL) does nothing. */
void csvtab_free(csvtab *t);

/* Column index of name in t, or -1. */
int csvtab_col(const csvtab *t, const char *name);
/* The text of row `row`, column `col` (both in range). */
const char *csvtab_field(const csvtab *t, size_t row, size_t col);

/* Predicate: 1 when text as a whole reads as a number that is not finite
 * (nan, inf, infinity in any case, with a sign), which no tool may write;
 * 0 for any other text, numbers and words alike. */
int csvtab_nonfinite_p(const char *text);

/* Parse n characters of text as terms separated by sep into *out (which
 * the caller frees with csvtab_sel_free, also after a failure).  With
 * allow_refs 0 a value starting with '$' is refused.  Returns IMC_OK, or
 * IMC_EINPUT with the reason (not reported) in why[whylen]. */
int csvtab_sel_parse(const char *text, size_t n, char sep, int allow_refs,
                     csvtab_sel *out, char *why, size_t whylen);
/* Release the terms of s and leave it empty (n = 0); s may be NULL. */
void csvtab_sel_free(csvtab_sel *s);

/* Find each term's column in t and each reference's in ctx (NULL: there
 * is no context, and a reference is an error).  Returns IMC_OK, or
 * IMC_EINPUT (not reported) with *bad the index of the first term whose
 * column (or, when *bad_ref is 1, whose referenced column) is missing. */
int csvtab_sel_bind(csvtab_sel *s, const csvtab *t, const csvtab *ctx,
                    size_t *bad, int *bad_ref);

/* Predicate: 1 when row `row` of t satisfies every term of the bound
 * selector s (references read row ctx_row of ctx), else 0.  An empty
 * selector (n = 0) selects every row. */
int csvtab_sel_match_p(const csvtab_sel *s, const csvtab *t, size_t row,
                       const csvtab *ctx, size_t ctx_row);

/* Split "FILE[:COL=VAL...]" into a new string *path (the caller frees it)
 * and a selector *sel (freed with csvtab_sel_free; n = 0 when there are
 * no terms).  The file name ends at the first ':'.  Returns IMC_OK, or
 * IMC_EINPUT with the reason (not reported) in why[whylen]. */
int csvtab_spec_parse(const char *spec, char **path, csvtab_sel *sel,
                      char *why, size_t whylen);

#endif
