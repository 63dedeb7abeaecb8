/* stack.h: several CSV tables of one shape stacked into one, each row
 * labelled with where it came from.
 *
 * A study produces one small table per case (per area limit, per target,
 * per start point...); a figure or a report table wants them in one file.
 * Stacking is pure data movement, done here in C so the header check is
 * strict: every input must have exactly the columns of the first, in the
 * same order.  Owns nothing: the caller keeps paths, labels and stream.
 */
#ifndef IMC_STACK_H
#define IMC_STACK_H

#include <stddef.h>
#include <stdio.h>

/* Write a header `label_col,<columns of paths[0]>` and then every record of
 * paths[0..n-1] in order, each prefixed by its file's label (labels[i]).
 * Comment lines are not copied.  Returns IMC_OK, or IMC_EINPUT after
 * reporting "file:line: ..." on an unreadable file, a header that differs
 * from the first file's, or a label column that an input already has. */
int stack_write(FILE *fp, const char *label_col, const char *const *labels,
                const char *const *paths, size_t n);

#endif
