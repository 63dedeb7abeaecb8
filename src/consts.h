/* consts.h: the technology constants of the cost model, one set per memory
 * type, read from a CSV under experiments/constants/ (columns name, value,
 * unit, fit, start, source).  `fit` = 1 marks the constants calibrate may
 * adjust; `start` is the published figure the fit started from; `source`
 * cites it.  The list of constants is COST_CONSTANTS below (name, unit,
 * band of valid values): the file must hold each exactly once, nothing
 * else, each value within its band.
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

/* X(name, unit, band): every constant of the model with the band its
 * value must lie in, one of the CONSTS_BAND_<band> below: {lo, lo_open,
 * hi} means lo < v (lo_open = 1) or lo <= v, and v <= hi.  The bands
 * refuse what cannot be physical, not what is merely unusual (docs/build.md,
 * "Valid input ranges"):
 * - energies, capacitances and areas are >= 0: several are 0 on purpose (a
 *   component the reference does not charge, docs/cost-model.md); > 0
 *   where a cell or buffer must take room or the model divides by it;
 * - upper bounds sit about 1000x above the largest figure the constants
 *   files or docs/cost-model.md give for the constant, so a unit slip (pJ
 *   written for fJ) or a lost exponent is caught;
 * - exponents lie in [0, 10]: the steepest published dependence is the
 *   SRAM weight write's ~V^4.7 (docs/cost-model.md sections 5.3, 13.3);
 * - thresholds lie in [0, 2] V (supplies are 0.45-1.1 V, docs/framework.md
 *   section 2.4), their change per doubling of node in [-1, 1] V;
 * - factors (multipliers, reload counts) in [0, 1000]. */
#define CONSTS_BAND_E_FJ {0, 0, 1e6}     /* per action, fJ (/V^2); <= 982 */
#define CONSTS_BAND_E_WRITE {0, 0, 1e7}  /* SRAM write, fJ/V^2; 6307 */
#define CONSTS_BAND_C_FF {0, 0, 1e7}     /* fF/um^2; 2098 fitted */
#define CONSTS_BAND_E_PJ {0, 0, 1e4}     /* per bit, pJ/bit; <= 16.5 */
#define CONSTS_BAND_AREA_UM2 {0, 0, 1e7} /* periphery, um^2; <= 863 */
#define CONSTS_BAND_AREA_CELL {0, 1, 1e4} /* a cell, um^2; 0.32 (SRAM) */
#define CONSTS_BAND_AREA_ROUTER {0, 0, 1e3} /* mm^2; 0.019 */
#define CONSTS_BAND_AREA_GLB {0, 1, 1e5} /* GLB, mm^2; <= 241 */
#define CONSTS_BAND_EXPONENT {0, 0, 10}
#define CONSTS_BAND_FACTOR {0, 0, 1000}
#define CONSTS_BAND_THRESHOLD {0, 0, 2}  /* V */
#define CONSTS_BAND_SLOPE {-1, 0, 1}     /* V per doubling of node */
/* 8-bit temporal inputs take 255 pulses (docs/cost-model.md section 2.2) */
#define CONSTS_BAND_PULSES {1, 0, 1e6}
/* GB/s, divided by: LPDDR4 gives 12.8 */
#define CONSTS_BAND_BANDWIDTH {0, 1, 1e6}

#define COST_CONSTANTS(X)                                                    \
    X(e_cell_lo_fj, "fJ", E_FJ)          /* cell read, off state, /pulse */  \
    X(e_cell_hi_fj, "fJ", E_FJ)          /* cell read, on state, /pulse */   \
    X(cell_scale, "1", FACTOR)           /* multiplier on cell energy */     \
    X(e_row_fj, "fJ/V^2", E_FJ)          /* row-driver activation */         \
    X(e_rowon_fj, "fJ/V^2", E_FJ)        /* row ON pulse per column */       \
    X(e_adc_fj, "fJ/V^2", E_FJ)          /* ADC + column periphery */        \
    X(e_shiftadd_fj, "fJ", E_FJ)         /* shift-add per conversion */      \
    X(lowv_e_sigma, "1", FACTOR)         /* low-V upsizing: energy */        \
    X(lowv_vt, "V", THRESHOLD)           /* low-V threshold at 32 nm */      \
    X(lowv_vt_slope, "V", SLOPE)         /* vt change per node doubling */   \
    X(lowv_alpha, "1", EXPONENT)         /* exponent of low-V upsizing */    \
    X(c_up_on_ff, "fF/um^2", C_FF)       /* upsized row driver, ON */        \
    X(c_up_wr_ff, "fF/um^2", C_FF)       /* upsized weight driver, write */  \
    X(e_write_fj, "fJ/V^2", E_WRITE)     /* SRAM write, per bit copy */      \
    X(write_vt, "V", THRESHOLD)          /* write threshold at 32 nm */      \
    X(write_vt_slope, "V", SLOPE)        /* write_vt per node doubling */    \
    X(write_v_exp, "1", EXPONENT)        /* exponent of V - write_vt */      \
    X(finfet_write, "1", FACTOR)         /* write factor, <= 14 nm */        \
    X(finfet_node_exp, "1", EXPONENT)    /* ~ (14 nm / node)^exp */          \
    X(e_dram_pj, "pJ/bit", E_PJ)         /* LPDDR4 read, per bit */          \
    X(dram_reload, "1", FACTOR)          /* DRAM bits per weight bit */      \
    X(e_router_pj, "pJ/bit", E_PJ)       /* router, per activation bit */    \
    X(e_buffer_pj, "pJ/bit", E_PJ)       /* tile buffers, per bit */         \
    X(e_glb_0_5mb, "pJ/bit", E_PJ)                                           \
    X(e_glb_1mb, "pJ/bit", E_PJ)                                             \
    X(e_glb_2mb, "pJ/bit", E_PJ)                                             \
    X(e_glb_4mb, "pJ/bit", E_PJ)                                             \
    X(e_glb_8mb, "pJ/bit", E_PJ)                                             \
    X(e_glb_16mb, "pJ/bit", E_PJ)                                            \
    X(e_glb_32mb, "pJ/bit", E_PJ)                                            \
    X(e_glb_64mb, "pJ/bit", E_PJ)                                            \
    X(e_glb_128mb, "pJ/bit", E_PJ)                                           \
    X(a_macro_um2, "um^2", AREA_UM2)     /* fixed per-macro periphery */     \
    X(a_col_um2, "um^2", AREA_UM2)       /* per column: ADC, mux, buffer */  \
    X(a_row_um2, "um^2", AREA_UM2)       /* per row: driver, in buffer */    \
    X(a_cell_um2, "um^2", AREA_CELL)     /* one cell at 32 nm */             \
    X(lowv_a_k, "um^2", AREA_UM2)        /* low-V area, x rows/cols */       \
    X(a_router_mm2, "mm^2", AREA_ROUTER) /* router, per router group */      \
    X(a_glb_0_5mb, "mm^2", AREA_GLB)                                         \
    X(a_glb_1mb, "mm^2", AREA_GLB)                                           \
    X(a_glb_2mb, "mm^2", AREA_GLB)                                           \
    X(a_glb_4mb, "mm^2", AREA_GLB)                                           \
    X(a_glb_8mb, "mm^2", AREA_GLB)                                           \
    X(a_glb_16mb, "mm^2", AREA_GLB)                                          \
    X(a_glb_32mb, "mm^2", AREA_GLB)                                          \
    X(a_glb_64mb, "mm^2", AREA_GLB)                                          \
    X(a_glb_128mb, "mm^2", AREA_GLB)                                         \
    X(tech_e_exp, "1", EXPONENT)         /* energy ~ (node/32)^exp */        \
    X(tech_a_exp, "1", EXPONENT)         /* area ~ (node/32)^exp */          \
    X(e_refetch_in_pj, "pJ/bit", E_PJ)   /* inputs per output tile */        \
    X(e_refetch_out_pj, "pJ/bit", E_PJ)  /* partial sums per input tile */   \
    X(tech_glb_e_exp, "1", EXPONENT)     /* buffers, router ~ node^exp */    \
    X(pulses_per_read, "1", PULSES)      /* input pulses per array read */   \
    X(dram_gbps, "GB/s", BANDWIDTH)      /* LPDDR4 bandwidth */            \
    X(e_cell_write_lo_pj, "pJ", E_PJ)    /* RRAM cell write, off state */  \
    X(e_cell_write_hi_pj, "pJ", E_PJ)    /* RRAM cell write, on state */

enum {
#define X(name, unit, band) CONSTS_##name,
    COST_CONSTANTS(X)
#undef X
    CONSTS_N
};

/* The band of constant k (COST_CONSTANTS). */
typedef struct consts_band {
    double lo;
    int lo_open;
    double hi;
} consts_band;
extern const consts_band consts_bands[CONSTS_N];

/* Predicate: 1 when v is a finite number within constant k's band. */
int consts_in_band_p(int k, double v);

typedef struct consts {
    double v[CONSTS_N];        /* values, in the units of COST_CONSTANTS */
    double start[CONSTS_N];    /* published starting values */
    int fit[CONSTS_N];         /* 1: free in calibration */
    char source[CONSTS_N][160];
} consts;

extern const char *const consts_names[CONSTS_N];
extern const char *const consts_units[CONSTS_N];

/* Read a constants CSV into *c.  IMC_OK, or IMC_EINPUT (reported at
 * file:line) on an unknown, missing, duplicated or non-numeric constant, a
 * value or start outside the constant's band (consts_bands), a unit that
 * differs from the model's or a source of 160 bytes or more. */
int consts_read(const char *path, consts *c);
/* Write one in the same format (the output of calibrate): IMC_OK, or
 * IMC_EINPUT (not reported) when fp shows a write error. */
int consts_write(FILE *fp, const consts *c);
/* Index of a constant's name (CONSTS_...), or -1. */
int consts_index(const char *name);

/* Per-bit GLB energy (pJ) and GLB area (mm^2) at a depth, interpolated
 * log-log between the table's depths (clamped at the ends). */
double consts_glb_energy_pj(const consts *c, double depth);
double consts_glb_area_mm2(const consts *c, double depth);

#endif
