/* costio.h: cost-eval's batch: every design on every workload, as CSV.
 *
 * Owns nothing: the caller keeps the model, range, designs and nets.  The
 * output contract is fixed because outside checks call it: the design
 * columns (design.h), then workload, energy_j, latency_s, area_mm2, fits,
 * then the per-component breakdown energy_<comp>_j and area_<comp>_mm2
 * (cost.h); after all of them, last, `extrapolated`: empty when the design
 * lies in the calibrated range, else the names of the parameters outside it
 * joined by ';' (design_range_outside, design_range_names), and
 * `dynamic_writes` where an RRAM design writes dynamic operands (below).
 * The per-layer table ends with the same column.
 */
#ifndef IMC_COSTIO_H
#define IMC_COSTIO_H

#include <stdio.h>

#include "cost.h"

/* One row per design and workload.  Returns IMC_OK or IMC_EINPUT (reported
 * at the design's line of `designs_file`, counting the header as line 1)
 * when a design's memory type has no constants loaded; a write error shows
 * in ferror(fp), for the commit to report. */
int costio_write_batch(FILE *fp, const cost_model *m,
                       const design_range *range, const char *designs_file,
                       const design *designs, size_t ndesigns,
                       net *const *nets, size_t nnets,
                       cost_latency_mode mode);

/* One row per design, workload and layer (the per-layer breakdown with the
 * mapping behind it), returns as costio_write_batch.  `scratch` holds at
 * least the largest net's layer count. */
int costio_write_layers(FILE *fp, const cost_model *m,
                        const design_range *range, const char *designs_file,
                        const design *designs, size_t ndesigns,
                        net *const *nets, size_t nnets,
                        cost_latency_mode mode, cost_layer *scratch);

/* The token `extrapolated` adds for an RRAM design on a workload (or
 * layer) with dynamic operands: their cell writes are charged from
 * NeuroSim's published figures, never calibrated, because the reference
 * charges none (docs/cost-model.md 4.1). */
#define COSTIO_DYNAMIC_WRITES "dynamic_writes"

/* Write ",<extrapolated>": the parameters of d outside range, joined by
 * ';', then COSTIO_DYNAMIC_WRITES when d is RRAM and `dynamic` is nonzero
 * (empty when neither), as a last CSV field.  For every tool that writes
 * designs with the `extrapolated` column. */
void costio_put_extrapolated(FILE *fp, const design_range *range,
                             const design *d, int dynamic);

#endif
