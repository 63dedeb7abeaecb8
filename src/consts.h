/* consts.h: the technology constants of the cost model, one set per memory
 * type, read from a CSV under experiments/constants/ (columns name, value,
 * unit, fit, start, source).  `fit` = 1 marks the constants calibrate may
 * adjust; `start` is the published figure the fit started from; `source`
 * cites it.  The list of constants is COST_CONSTANTS below (name, unit):
 * the file must hold each exactly once, nothing else.
 *
 * A consts value is plain data (no heap pointers): copy it freely.
 */
#ifndef IMC_CONSTS_H
#define IMC_CONSTS_H

#include <stdio.h>

/* GLB depths (rows of 2048 bits) with a per-depth characterisation:
 * 0.5 MB ... 128 MB.  Other depths interpolate log-log. */
#define CONSTS_NGLB 9
extern const double consts_glb_depths[CONSTS_NGLB];

/* X(name, unit): every constant of the model. */
#define COST_CONSTANTS(X)                                                    \
    X(e_cell_lo_fj, "fJ")      /* cell read, off state, per pulse */         \
    X(e_cell_hi_fj, "fJ")      /* cell read, on state, per pulse */          \
    X(cell_scale, "1")         /* multiplier on cell read energy */          \
    X(e_row_fj, "fJ/V^2")      /* row-driver activation */                   \
    X(e_rowon_fj, "fJ/V^2")    /* per row ON pulse per array column */       \
    X(e_adc_fj, "fJ/V^2")      /* ADC + column periphery, per conversion */ \
    X(e_shiftadd_fj, "fJ")     /* shift-add per conversion */                \
    X(lowv_e_sigma, "1")       /* periphery upsizing at low V: energy */     \
    X(lowv_vt, "V")            /* threshold of the low-V upsizing at 32 nm */\
    X(lowv_vt_slope, "V")      /* vt change per doubling of node */          \
    X(lowv_alpha, "1")         /* exponent of the low-V upsizing */          \
    X(c_up_on_ff, "fF/um^2")   /* upsized row driver: C per area, ON pulse */\
    X(c_up_wr_ff, "fF/um^2")   /* upsized weight driver: C per area, write */\
    X(e_write_fj, "fJ/V^2")    /* SRAM weight write, per bit copy */         \
    X(write_vt, "V")           /* weight-write threshold at 32 nm */         \
    X(write_vt_slope, "V")     /* write_vt change per doubling of node */    \
    X(write_v_exp, "1")        /* beta: exponent of the overdrive V - vt */  \
    X(finfet_write, "1")       /* weight-write factor, FinFET nodes <= 14 nm */\
    X(finfet_node_exp, "1")    /* FinFET write factor ~ (14 nm/node)^exp */ \
    X(e_dram_pj, "pJ/bit")     /* LPDDR4 read, per bit */                    \
    X(dram_reload, "1")        /* DRAM bits per weight bit (reloads) */      \
    X(e_router_pj, "pJ/bit")   /* router, per activation bit */              \
    X(e_buffer_pj, "pJ/bit")   /* tile buffers, per activation bit */        \
    X(e_glb_0_5mb, "pJ/bit")                                                 \
    X(e_glb_1mb, "pJ/bit")                                                   \
    X(e_glb_2mb, "pJ/bit")                                                   \
    X(e_glb_4mb, "pJ/bit")                                                   \
    X(e_glb_8mb, "pJ/bit")                                                   \
    X(e_glb_16mb, "pJ/bit")                                                  \
    X(e_glb_32mb, "pJ/bit")                                                  \
    X(e_glb_64mb, "pJ/bit")                                                  \
    X(e_glb_128mb, "pJ/bit")                                                 \
    X(a_macro_um2, "um^2")     /* fixed per-macro periphery */               \
    X(a_col_um2, "um^2")       /* per array column: ADC, mux, out buffer */  \
    X(a_row_um2, "um^2")       /* per array row: driver, in buffer */        \
    X(a_cell_um2, "um^2")      /* one cell at 32 nm */                       \
    X(lowv_a_k, "um^2")        /* low-V upsizing area, x rows/cols */        \
    X(a_router_mm2, "mm^2")    /* router, per router group */                \
    X(a_glb_0_5mb, "mm^2")                                                   \
    X(a_glb_1mb, "mm^2")                                                     \
    X(a_glb_2mb, "mm^2")                                                     \
    X(a_glb_4mb, "mm^2")                                                     \
    X(a_glb_8mb, "mm^2")                                                     \
    X(a_glb_16mb, "mm^2")                                                    \
    X(a_glb_32mb, "mm^2")                                                    \
    X(a_glb_64mb, "mm^2")                                                    \
    X(a_glb_128mb, "mm^2")                                                   \
    X(tech_e_exp, "1")         /* periphery energy ~ (node/32)^exp */        \
    X(tech_a_exp, "1")         /* periphery area ~ (node/32)^exp */          \
    X(e_refetch_in_pj, "pJ/bit")  /* inputs re-read per output tile */     \
    X(e_refetch_out_pj, "pJ/bit") /* partial sums per input tile */       \
    X(tech_glb_e_exp, "1")     /* CACTI buffers, router: energy ~ node^exp */\
    X(pulses_per_read, "1")    /* input pulses per array read (physical) */  \
    X(dram_gbps, "GB/s")       /* LPDDR4 bandwidth (physical latency) */

enum {
#define X(name, unit) CONSTS_##name,
    COST_CONSTANTS(X)
#undef X
    CONSTS_N
};

typedef struct consts {
    double v[CONSTS_N];        /* values, in the units of COST_CONSTANTS */
    double start[CONSTS_N];    /* published starting values */
    int fit[CONSTS_N];         /* 1: free in calibration */
    char source[CONSTS_N][160];
} consts;

extern const char *const consts_names[CONSTS_N];
extern const char *const consts_units[CONSTS_N];

/* Read a constants CSV; IMC_EINPUT (reported at file:line) on an unknown,
 * missing, duplicated or non-numeric constant or a unit that differs from
 * the model's. */
int consts_read(const char *path, consts *c);
/* Write one in the same format (the output of calibrate). */
int consts_write(FILE *fp, const consts *c);
int consts_index(const char *name);

/* Per-bit GLB energy (pJ) and GLB area (mm^2) at a depth, interpolated
 * log-log between the table's depths (clamped at the ends). */
double consts_glb_energy_pj(const consts *c, double depth);
double consts_glb_area_mm2(const consts *c, double depth);

#endif
