/* template.h: Markdown templates filled with values from CSV files.
 *
 * A template is Markdown text with tags in double braces (docs/reporting.md
 * is the full specification):
 *   {{ALIAS.COL[SEL]|FMT|MISSING}}  COL of the one row of CSV ALIAS that the
 *                                  selector SEL (COL=VAL,COL!=VAL,...)
 *                                  picks; without [SEL] the file must have
 *                                  exactly one row
 *   {{#ALIAS[SEL]|FMT}}             the number of rows SEL picks
 *   {{#table ALIAS[SEL] COL:Header:FMT, ...}}
 *                                  alone on its line: a Markdown table, one
 *                                  row per selected row in file order; a
 *                                  cell may also be OTHER.COL[C=$COL,...],
 *                                  a value of another file looked up with
 *                                  this row's fields
 *   {{#if TERM OP VALUE}} ... {{#else}} ... {{/if}}
 *                                  TERM a value, a count or a text; OP one
 *                                  of == != < <= > >=
 *   {{=NAME}}  a text given on the command line
 *   {{@ALIAS}} the file name given for ALIAS
 *   {{! ...}}  a comment
 * FMT is %s (the default: the field as written), %d, %'d, %.Nf, %.Ng, %.Ne
 * or %.N% (100 times the value, N decimals, then " %").  A block tag (#if,
 * #else, /if, a comment) alone on its line takes the whole line with it.
 *
 * Checking happens in two steps, both reported as "TEMPLATE:LINE: ...":
 * template_parse() checks the syntax of every tag (tags, selectors,
 * formats, #if nesting); template_render() first checks that every alias
 * and column named anywhere in the template exists (in both branches of
 * every #if), then writes the text, resolving rows only where the text is
 * written.  A field that does not fit its format is reported at the CSV's
 * "file:line".  No NaN or infinity is ever written.
 *
 * Ownership: a template owns its parsed text (template_free); template_data
 * owns the CSV tables and texts added to it (template_data_free); rendering
 * reads both and keeps nothing.
 */
#ifndef IMC_TEMPLATE_H
#define IMC_TEMPLATE_H

#include <stddef.h>
#include <stdio.h>

#include "csvtab.h"

typedef struct template template;
typedef struct template_data template_data;

/* Parse the template in file path.  Returns IMC_OK with a new template in
 * *out, or reports and returns IMC_EINPUT. */
int template_parse_file(const char *path, template **out);
/* The same, with every {{=NAME}} whose NAME is a text of d replaced by that
 * text before parsing, so a text may also stand inside another tag (a
 * selector value, say: [workload={{=largest}}]). */
int template_parse_file_with(const char *path, const template_data *d,
                             template **out);
/* Parse n bytes of text as a template named name (used in diagnostics).
 * Same results as template_parse_file. */
int template_parse_string(const char *name, const char *text, size_t n,
                          template **out);
/* Release t; template_free(NULL) does nothing. */
void template_free(template *t);

/* An empty set of aliases; NULL when out of memory. */
template_data *template_data_alloc(void);
/* Release d with its tables and texts; template_data_free(NULL) does
 * nothing. */
void template_data_free(template_data *d);

/* Predicate: 1 when name is a valid alias: a letter or '_' then letters,
 * digits and '_', and not one of the tag words table, if, else. */
int template_alias_valid_p(const char *name);

/* Load path (only the rows filter selects, when non-NULL) as CSV alias
 * `alias`.  Returns IMC_OK, or reports (a bad or repeated alias, a bad
 * file) and returns IMC_EINPUT. */
int template_data_add_csv(template_data *d, const char *alias,
                          const char *path, const csvtab_sel *filter);
/* Add a text alias.  Returns IMC_OK, or reports and returns IMC_EINPUT. */
int template_data_add_text(template_data *d, const char *alias,
                           const char *text);

/* Check every reference of t against d, then write the filled template to
 * out.  Returns IMC_OK, or reports and returns IMC_EINPUT (what was
 * written to out is then incomplete and must be discarded). */
int template_render(template *t, const template_data *d, FILE *out);

#endif
