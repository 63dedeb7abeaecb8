/* cost.h: the analytic energy / latency / area model of an IMC chip.
 *
 * Counts of actions (cell reads, row-driver activations, ADC conversions,
 * buffer, router and global-buffer bits, and for SRAM the DRAM bits and
 * weight writes) times energy per action; counts of components times area;
 * latency from the mapping of map.h.  Structure and formulas:
 * docs/cost-model.md; constants: a CSV per memory type
 * (experiments/constants/rram.csv, sram.csv), read once by cost_model_load().
 *
 * Ownership: a cost_model owns its constants; cost_model_free() releases
 * them.  cost_eval_*() neither allocate nor do I/O, so the search can call
 * them millions of times; results go into caller-owned structs.
 */
#ifndef IMC_COST_H
#define IMC_COST_H

#include "design.h"
#include "map.h"
#include "net.h"

/* The reference node, nm: constants are stated for it and every node
 * dependence is a function of tech_nm / COST_REF_NODE_NM (the reference's
 * characterisation is at 32 nm: docs/cost-model.md section 8.1). */
#define COST_REF_NODE_NM 32
/* Nodes at or below this one use NeuroSim's FinFET device model, whose
 * weight writes cost a factor of their own (docs/cost-model.md 5.3). */
#define COST_FINFET_NODE_NM 14
/* Unit pulses of the temporal DAC for a full-scale 8-bit input, 2^8 - 1
 * (docs/cost-model.md section 4.1). */
#define COST_DAC_PULSES ((1 << MAP_WEIGHT_BITS) - 1)
/* Smallest overdrive V - vt of the low-voltage upsizing, V: keeps a supply
 * at or below the threshold finite (docs/cost-model.md 5.3). */
#define COST_LOWV_GAP_MIN_V 0.01
/* Unit conversions. */
#define COST_J_PER_FJ 1e-15
#define COST_J_PER_PJ 1e-12
#define COST_MM2_PER_UM2 1e-6
#define COST_S_PER_NS 1e-9
#define COST_BITS_PER_BYTE 8.0
#define COST_BYTES_PER_GB 1e9

typedef enum {
    COST_LATENCY_REFERENCE, /* the reference's pinned CiMLoop mapping */
    COST_LATENCY_PHYSICAL   /* input pulses and array reads really charged */
} cost_latency_mode;

/* Components of the per-layer breakdown (columns energy_<name>_j and
 * area_<name>_mm2 of cost-eval's --per-layer output). */
enum {
    COST_CELLS,     /* crossbar cells (array) */
    COST_ADC,       /* ADCs and column periphery */
    COST_DRIVERS,   /* row drivers (and SRAM weight drivers) */
    COST_SHIFTADD,  /* shift-add / digital reduction */
    COST_BUFFERS,   /* tile input/output buffers */
    COST_ROUTER,    /* router / interconnect */
    COST_GLB,       /* global buffer */
    COST_DRAM,      /* off-chip weight traffic (SRAM) */
    COST_NCOMP
};
extern const char *const cost_comp_names[COST_NCOMP];

typedef struct cost_model cost_model;

/* What a network on a design makes the chip do: action counts that depend
 * on the layer table and the design's geometry (memory, bits per cell, rows,
 * cols, router groups, tiles, macros) but not on voltage, cycle time, buffer
 * size, node or any constant.  Energy is a fixed function of counts and
 * constants (cost_energy), which is what calibrate fits and what a search
 * can reuse across designs that share a geometry. */
typedef struct cost_counts {
    double cell_pulses;     /* sum MACs * slices * 255 x_mean: ON pulses */
    double cell_pulses_w;   /* the same weighted by w_mean(b) */
    double row_acts;        /* row-driver activations */
    double row_on_cols;     /* row ON pulses x array columns */
    double conversions;     /* ADC conversions (= column-driver actions) */
    double act_bits;        /* input + output activation bits moved */
    double refetch_in_bits;  /* input bits read again, once per further
                                output-channel weight tile (SRAM) */
    double refetch_out_bits; /* output bits moved again as partial sums,
                                once per further input-channel tile */
    double weight_bits;     /* weight bits of the network (8 per weight) */
    double replica_bits;    /* weight bits written into every replica */
    double dyn_write_cells;   /* cells written per inference with the
                                 operands of dynamic (matmul) layers, every
                                 replica (charged for RRAM) */
    double dyn_write_cells_w; /* the same weighted by w_mean(b) */
    double cycles_ref;      /* reference-mode latency, cycles */
    double pulses_phys;     /* physical mode: sequential array reads */
    double write_rows_phys; /* physical mode: sequential row writes (SRAM) */
    double xbars_needed;    /* crossbars for one copy of all weights */
    int mappable;           /* reference mapping valid for every layer */
} cost_counts;

/* Load the constants for RRAM and SRAM (either path may be NULL when that
 * memory type is not needed).  NULL after reporting on bad input. */
cost_model *cost_model_load(const char *rram_csv, const char *sram_csv);
void cost_model_free(cost_model *m);
/* Predicate: 1 when constants for this memory type were loaded. */
int cost_model_has_p(const cost_model *m, design_memory mem);

typedef struct cost_layer {
    double energy_j;
    double latency_s;
    double energy_comp_j[COST_NCOMP];
    map_ref ref;         /* the reference mapping behind the counts */
    map_phys phys;       /* the physical mapping */
} cost_layer;

typedef struct cost_result {
    double energy_j;     /* per inference, sum over layers */
    double latency_s;    /* per inference, layers one after another */
    double area_mm2;     /* whole chip */
    double energy_comp_j[COST_NCOMP];
    double area_comp_mm2[COST_NCOMP];
    int fits;            /* RRAM: all weights resident at once; SRAM: 1 */
    int mappable;        /* reference mapping valid for every layer */
    double xbars_needed; /* crossbars for one copy of all weights */
} cost_result;

/* Counts of one layer, added into *c (call cost_counts_net for a net). */
void cost_counts_layer(const design *d, const net_layer *l, cost_counts *c,
                       map_ref *ref, map_phys *phys);
/* Counts of a whole network (zeroes *c first). */
void cost_counts_net(const design *d, const net *n, cost_counts *c);

/* A plan: networks prepared for counting on many designs.  It numbers the
 * distinct layer shapes of the networks, keeps each layer's
 * design-independent terms and a map_workspace (map.h), so that
 * cost_plan_counts gives cost_counts_net's counts, bit for bit, several
 * times faster.  The networks are borrowed: they must outlive the plan and
 * not change.  A plan belongs to one thread at a time. */
typedef struct cost_plan cost_plan;

/* A plan for nets[0 .. n-1], sized for counting about `designs` designs
 * (0: many; the estimate changes speed and memory, never a count); NULL
 * when memory runs out (not reported). */
cost_plan *cost_plan_alloc(const net *const *nets, size_t n, double designs);
/* Release a plan; NULL is a no-op. */
void cost_plan_free(cost_plan *p);
/* The counts of network i (< n) of plan p on design d: exactly
 * cost_counts_net(d, nets[i], c).  No allocation. */
void cost_plan_counts(cost_plan *p, size_t i, const design *d,
                      cost_counts *c);

/* Whether a network with counts c can run on design d: for RRAM, every
 * weight resident at once (one copy fits the crossbars) under a valid
 * reference mapping; SRAM streams its weights, so always 1. */
int cost_counts_fit_p(const design *d, const cost_counts *c);

/* Energy (J) of counts on design d; fills the breakdown when comp != NULL. */
double cost_energy(const cost_model *m, const design *d, const cost_counts *c,
                   double comp_j[COST_NCOMP]);

/* The factors of energy and area that depend on a design but not on the
 * counts: node scalings, voltage terms (low-voltage upsizing, SRAM write
 * overdrive) and the GLB's energy and area.  They hold the powers,
 * logarithms and GLB interpolation of cost_energy and cost_area, so a loop
 * over designs computes them once per design (not per workload), and
 * cost_design_factors_update recomputes only the part whose inputs changed
 * since its last call on the same struct: node terms when tech_nm changes,
 * voltage terms when the voltage or node does, the GLB when glb_mb does.
 * cost_energy_with and cost_area_with with them give cost_energy's and
 * cost_area's values bit for bit.  A plain value owned by the caller; the
 * fields are the model's business. */
typedef struct cost_design_factors {
    int set;                  /* 0: nothing computed yet */
    const cost_model *model;  /* what they were computed for */
    design_memory memory;
    long tech_nm;
    double voltage_v, glb_mb;
    double te, ta, tglb;      /* periphery energy, area, CACTI energy */
    double node2;             /* (node / reference node)^2 */
    double lowv_vt, write_vt; /* thresholds at the node, V */
    double fin;               /* FinFET write factor */
    double periph;            /* J per fJ/V^2 of periphery at V */
    double kv_um2;            /* K(V), low-voltage upsizing area */
    double write_j;           /* SRAM write energy per bit copy */
    double glb_e_pj, glb_a_mm2;
} cost_design_factors;

/* Empty *f (nothing computed).  Needed before the first update, and after
 * the model's constants change (cost_model_set_consts). */
void cost_design_factors_clear(cost_design_factors *f);
/* Bring *f up to date for design d under model m (m must have d's memory
 * type); see above for what is recomputed. */
void cost_design_factors_update(const cost_model *m, const design *d,
                                cost_design_factors *f);
/* cost_energy(m, d, c, comp_j) with f up to date for d. */
double cost_energy_with(const cost_model *m, const design *d,
                        const cost_design_factors *f, const cost_counts *c,
                        double comp_j[COST_NCOMP]);
/* cost_area(m, d, area_comp_mm2) with f up to date for d. */
double cost_area_with(const cost_model *m, const design *d,
                      const cost_design_factors *f,
                      double area_comp_mm2[COST_NCOMP]);
/* Latency (s) of counts on design d in the given mode. */
double cost_latency(const cost_model *m, const design *d,
                    const cost_counts *c, cost_latency_mode mode);
/* The constants in use for a memory type (NULL when not loaded). */
const struct consts *cost_model_consts(const cost_model *m,
                                       design_memory mem);
/* A model from constants in memory (calibrate's trial values). */
cost_model *cost_model_from(const struct consts *rram,
                            const struct consts *sram);

/* Replace the constants of one memory type (calibrate's trial values). */
void cost_model_set_consts(cost_model *m, design_memory mem,
                           const struct consts *c);

/* Chip area and its breakdown; depends on the design only. */
double cost_area(const cost_model *m, const design *d,
                 double area_comp_mm2[COST_NCOMP]);

/* Every layer of n, into out[0 .. n->n - 1] (caller-allocated).  Layer
 * energies and latencies add up to cost_eval_net's totals.  No allocation,
 * no I/O. */
void cost_eval_layers(const cost_model *m, const design *d, const net *n,
                      cost_latency_mode mode, cost_layer *out);

/* A whole network: sums over layers, chip area, capacity check. */
void cost_eval_net(const cost_model *m, const design *d, const net *n,
                   cost_latency_mode mode, cost_result *out);

/* Look up "reference" or "physical": IMC_OK, or IMC_EINPUT (not
 * reported). */
int cost_latency_from_name(const char *s, cost_latency_mode *mode);
/* "reference" or "physical". */
const char *cost_latency_name(cost_latency_mode mode);

#endif
