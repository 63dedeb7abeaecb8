/* costio.h: cost-eval's batch: every design on every workload, as CSV.
 *
 * Owns nothing: the caller keeps the model, designs and nets.  The output
 * contract is fixed because outside checks call it: the design columns
 * (design.h), then workload, energy_j, latency_s, area_mm2, fits, then the
 * per-component breakdown energy_<comp>_j and area_<comp>_mm2 (cost.h).
 */
#ifndef IMC_COSTIO_H
#define IMC_COSTIO_H

#include <stdio.h>

#include "cost.h"

/* One row per design and workload.  Returns IMC_OK or IMC_EINPUT (reported)
 * when a design's memory type has no constants loaded. */
int costio_write_batch(FILE *fp, const cost_model *m, const design *designs,
                       size_t ndesigns, net *const *nets, size_t nnets,
                       cost_latency_mode mode);

/* One row per design, workload and layer (the per-layer breakdown with the
 * mapping behind it).  `scratch` holds at least the largest net's layer
 * count. */
int costio_write_layers(FILE *fp, const cost_model *m, const design *designs,
                        size_t ndesigns, net *const *nets, size_t nnets,
                        cost_latency_mode mode, cost_layer *scratch);

#endif
