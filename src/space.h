/* space.h: a design space as data: for each design parameter, the list of
 * values the search may pick from.
 *
 * A space is read from a CSV (experiments/space-*.csv) with the header
 * `parameter,values` and one row per parameter: `memory` (RRAM or SRAM) and
 * each numeric parameter of design.h (design_param_names), its values
 * separated by spaces and strictly increasing, e.g.
 *
 *     parameter,values
 *     memory,RRAM
 *     voltage_v,0.50 0.55 0.60 0.65 0.70 0.75 0.80 0.85
 *     ...
 *
 * A parameter with a single value is fixed and carries no gene; tech_nm may
 * be left out (fixed at 32 nm).  A design is then a vector of genes, one per
 * free parameter (in design.h's parameter order), each an index into that
 * parameter's value list.
 *
 * A space is a plain value (fixed-size arrays, no heap data): copy it
 * freely; there is nothing to free.
 */
#ifndef IMC_SPACE_H
#define IMC_SPACE_H

#include "design.h"

/* Most values one parameter may list.  64 = 2^6 lets search.h pack a gene
 * vector of up to DESIGN_NPARAM genes into one 64-bit key. */
#define SPACE_MAX_VALUES 64
#define SPACE_GENE_BITS 6

typedef struct space {
    design_memory memory;
    int nvalues[DESIGN_NPARAM];                   /* >= 1 each */
    double values[DESIGN_NPARAM][SPACE_MAX_VALUES]; /* increasing */
    int ngenes;                      /* parameters with more than 1 value */
    int gene_param[DESIGN_NPARAM];   /* gene i -> parameter (DESIGN_...) */
} space;

/* Read a space from path.  Returns IMC_OK, or reports "file:line: what is
 * wrong" and returns IMC_EINPUT on a missing or empty file, an unknown or
 * repeated parameter, a missing parameter, an empty or unparsable value,
 * values that are not strictly increasing or fail design_check (e.g. an
 * SRAM space with bits_per_cell other than 1), or more than
 * SPACE_MAX_VALUES values.  *s is filled only on success. */
int space_read(const char *path, space *s);

/* Number of designs in the space: the product of the list lengths (a
 * double: products reach 1e7 and beyond). */
double space_size(const space *s);

/* Number of genes (free parameters). */
int space_ngenes(const space *s);

/* Gene bounds as the search sees them: lo[i] = 0 and hi[i] = number of
 * values of gene i's parameter minus 1, for i < space_ngenes(s). */
void space_bounds(const space *s, double *lo, double *hi);

/* The design of a gene vector.  Returns IMC_OK, or IMC_EINPUT (without
 * reporting) when a gene is outside its bounds; *d is then unspecified. */
int space_decode(const space *s, const int *genes, design *d);

/* The genes of a design that lies in the space.  Returns IMC_OK, or
 * IMC_EINPUT (without reporting) when the memory type differs or a
 * parameter value is not in its list (compared with a relative tolerance of
 * 1e-9). */
int space_encode(const space *s, const design *d, int *genes);

#endif
