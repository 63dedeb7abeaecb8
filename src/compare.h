/* compare.h: workload-specific, largest-workload and joint designs compared.
 *
 * P1 judges a joint design against two baselines (framework.md section 6):
 * the workload-specific design of each workload w (the best design of a
 * search for w alone) and the largest-workload design (the design found for
 * the largest workload, VGG16, used for every workload).  Every design is
 * scored on every workload by score = E_w * L_w * A, and scores are
 * normalised by the specific design's: n_d(w) = score_d(w) / score_spec(w).
 *
 * A compare_table owns one array of compare_row values (one per workload,
 * no pointers to free inside a row) and a copy of every input path, which the
 * rows' `file` fields point into.  compare_free() releases all of it; callers
 * never free rows or paths.
 *
 * Use: compare_alloc(); compare_add_specific() once per workload;
 * compare_add_baseline() for the largest and the joint design;
 * compare_finish() to check completeness and fill the metrics; then
 * compare_write() or compare_write_long().  Input files are cost-eval
 * outputs: columns workload, energy_j, latency_s, area_mm2, optionally fits
 * and the design columns of design.h; other columns are ignored.
 */
#ifndef IMC_COMPARE_H
#define IMC_COMPARE_H

#include <stddef.h>
#include <stdio.h>

#include "net.h"

typedef enum {
    COMPARE_SPECIFIC, /* the workload's own design */
    COMPARE_LARGEST,  /* the largest workload's design */
    COMPARE_JOINT,    /* the design of the joint search */
    COMPARE_NROLE
} compare_role;

/* "specific", "largest", "joint": the role names used in the output. */
extern const char *const compare_role_names[COMPARE_NROLE];

/* One design's cost on one workload, and where it was read. */
typedef struct compare_cost {
    int present;        /* 1 once a row was read for this role */
    double energy_j;    /* per inference, J */
    double latency_s;   /* per inference, s */
    double area_mm2;    /* chip area, mm^2 */
    int fits;           /* 1 fits, 0 does not, -1 unknown (no fits column) */
    const char *file;   /* input path (owned by the table) */
    long line;          /* line of the row in file */
} compare_cost;

/* What is derived from the three scores of one workload. */
typedef struct compare_metrics {
    double score[COMPARE_NROLE]; /* E * L * A, J s mm^2 */
    double norm[COMPARE_NROLE];  /* score / score[COMPARE_SPECIFIC] */
    double loss_largest_pct;     /* 100 (n_largest - 1) */
    double loss_joint_pct;       /* 100 (n_joint - 1): generalisation loss */
    double gain_diff_pct;        /* 100 (n_largest - n_joint): reference's */
    double gain_rel_pct;         /* 100 (1 - n_joint / n_largest) */
} compare_metrics;

typedef struct compare_row {
    char workload[NET_NAME_MAX];
    compare_cost cost[COMPARE_NROLE];
    compare_metrics m;           /* valid after compare_finish() */
} compare_row;

typedef struct compare_table {
    size_t n, cap;
    compare_row *rows;           /* in the order workloads first appear */
    size_t npaths, cappaths;
    char **paths;                /* copies of every input path */
    const char *role_path[COMPARE_NROLE]; /* last file given per baseline */
} compare_table;

/* Allocate an empty table; NULL (reported) when out of memory. */
compare_table *compare_alloc(void);

/* Free the table, its rows and its path copies; NULL is a no-op. */
void compare_free(compare_table *t);

/* Compute the metrics from the three scores (all > 0).  Pure arithmetic:
 * the gain is given both as the reference computes it (difference of the
 * normalised scores) and as a relative reduction of the score. */
void compare_metrics_compute(const double score[COMPARE_NROLE],
                             compare_metrics *m);

/* Read the cost-eval output at path and take the row for workload as that
 * workload's specific design.  When workload is NULL the file must hold
 * exactly one workload, which is then the target.  Rows for other workloads
 * are checked but ignored.  Returns IMC_OK, or IMC_EINPUT after reporting
 * "file:line: what is wrong" (bad row, duplicate workload, rows of more than
 * one design, no row for workload, a second specific design for it). */
int compare_add_specific(compare_table *t, const char *path,
                         const char *workload);

/* Read the cost-eval output at path as the COMPARE_LARGEST or COMPARE_JOINT
 * design on every workload it lists.  Returns IMC_OK or IMC_EINPUT after
 * reporting (as compare_add_specific, or a workload that already has a
 * design in this role). */
int compare_add_baseline(compare_table *t, compare_role role,
                         const char *path);

/* Check that every workload has all three designs and that some workload
 * exists, then compute each row's metrics.  Returns IMC_OK or IMC_EINPUT
 * after reporting the first gap at the file:line that names the workload. */
int compare_finish(compare_table *t);

/* Write one row per workload: the scores, normalised scores, losses, both
 * gains and the fits flags (empty when unknown).  Returns IMC_OK. */
int compare_write(FILE *fp, const compare_table *t);

/* Write one row per (workload, design role): energy, latency, area, fits,
 * score and normalised score.  Returns IMC_OK. */
int compare_write_long(FILE *fp, const compare_table *t);

#endif
