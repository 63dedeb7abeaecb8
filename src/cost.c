/* cost.c: the analytic cost model (see cost.h and
 * docs/cost-model.md for the structure it follows). */
#include "cost.h"
#include "consts.h"
#include "err.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const cost_comp_names[COST_NCOMP] = {
    "cells", "adc", "drivers", "shiftadd", "buffers", "router", "glb", "dram"};

struct cost_model {
    int has[2];
    consts c[2];   /* indexed by design_memory */
    /* the GLB's energy and area at the table's own depths, computed once
     * (consts_glb_*: 5 logarithms and an exponential each) */
    double glb_e_pj[2][CONSTS_NGLB];
    double glb_a_mm2[2][CONSTS_NGLB];
};

/* ------------------------------------------------------------ lifecycle */

/* Install constants c for memory type mem, with their GLB table. */
static void
model_set(cost_model *m, design_memory mem, const consts *c)
{
    m->c[mem] = *c;
    m->has[mem] = 1;
    for (int i = 0; i < CONSTS_NGLB; i++) {
        m->glb_e_pj[mem][i] = consts_glb_energy_pj(c, consts_glb_depths[i]);
        m->glb_a_mm2[mem][i] = consts_glb_area_mm2(c, consts_glb_depths[i]);
    }
}

cost_model *
cost_model_from(const consts *rram, const consts *sram)
{
    cost_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    if (rram)
        model_set(m, DESIGN_RRAM, rram);
    if (sram)
        model_set(m, DESIGN_SRAM, sram);
    return m;
}

cost_model *
cost_model_load(const char *rram_csv, const char *sram_csv)
{
    consts *c = malloc(2 * sizeof *c);
    if (!c) {
        imc_fail(NULL, 0, "out of memory");
        return NULL;
    }
    cost_model *m = NULL;
    if ((!rram_csv || consts_read(rram_csv, &c[0]) == IMC_OK) &&
        (!sram_csv || consts_read(sram_csv, &c[1]) == IMC_OK))
        m = cost_model_from(rram_csv ? &c[0] : NULL, sram_csv ? &c[1] : NULL);
    free(c);
    return m;
}

void
cost_model_free(cost_model *m)
{
    free(m);
}

void
cost_model_set_consts(cost_model *m, design_memory mem, const consts *c)
{
    model_set(m, mem, c);
}

int
cost_model_has_p(const cost_model *m, design_memory mem)
{
    return m->has[mem];
}

const consts *
cost_model_consts(const cost_model *m, design_memory mem)
{
    return m->has[mem] ? &m->c[mem] : NULL;
}

const char *
cost_latency_name(cost_latency_mode mode)
{
    return mode == COST_LATENCY_REFERENCE ? "reference" : "physical";
}

int
cost_latency_from_name(const char *s, cost_latency_mode *mode)
{
    if (strcmp(s, "reference") == 0)
        *mode = COST_LATENCY_REFERENCE;
    else if (strcmp(s, "physical") == 0)
        *mode = COST_LATENCY_PHYSICAL;
    else
        return IMC_EINPUT;
    return IMC_OK;
}

/* ------------------------------------------------------------ counts */

/* Bit slices per 8-bit weight: ceil(8/b); an SRAM cell holds one bit.  The
 * reference charges a partial slice as a whole read (docs/cost-model.md
 * 4.1). */
static long
slices(const design *d)
{
    long b = d->memory == DESIGN_SRAM ? 1 : d->bits_per_cell;
    return (MAP_WEIGHT_BITS + b - 1) / b;
}

/* What the counts of every layer read from the design, computed once per
 * network. */
typedef struct design_terms {
    long b;           /* bits per cell as the weight statistics see it */
    double slices;    /* slices(d) */
    double cols;      /* array columns */
    double macros;    /* design_macros(d) */
} design_terms;

static void
design_terms_init(const design *d, design_terms *t)
{
    t->b = d->memory == DESIGN_SRAM ? 1 : d->bits_per_cell;
    t->slices = (double)slices(d);
    t->cols = (double)d->cols;
    t->macros = design_macros(d);
}

/* What a plan keeps of a layer: its shape number (map_layer_ws) and its
 * activation bits (net_layer_input_bits, net_layer_output_bits). */
typedef struct plan_layer {
    size_t shape;
    double in_bits, out_bits;
} plan_layer;

static void
plan_layer_init(const net_layer *l, size_t shape, plan_layer *pl)
{
    pl->shape = shape;
    pl->in_bits = net_layer_input_bits(l);
    pl->out_bits = net_layer_output_bits(l);
}

/* cost_counts_layer of layer l (its plan entry pl) with the design's
 * terms t, its mappings through workspace w (NULL: no memo). */
static void
counts_layer(map_workspace *w, const design *d, const design_terms *t,
             const net_layer *l, const plan_layer *pl, cost_counts *c,
             map_ref *ref, map_phys *phys)
{
    map_layer_ws(w, pl->shape, d, l, ref, phys);
    long b = t->b;
    double bit_macs = l->macs * t->slices;
    /* The temporal DAC drives each row with 255 unit pulses at full scale,
     * so a read of input x costs 255 x pulses (docs/cost-model.md 3.3,
     * 4.1). */
    double pulses = COST_DAC_PULSES * l->x_mean;
    c->cell_pulses += bit_macs * pulses;
    c->cell_pulses_w += bit_macs * pulses * l->w_mean[b];
    /* One row activation per used row per macro per cycle: columns share
     * it, so bit_macs / cols_used; one conversion per used column, so
     * bit_macs / rows_used (docs/cost-model.md 4.1). */
    double rows = (double)ref->rows_used, cols = (double)ref->cols_used;
    double acts = bit_macs / cols;
    c->row_acts += acts;
    c->row_on_cols += acts * pulses * t->cols;
    c->conversions += bit_macs / rows;
    double in_bits = pl->in_bits, out_bits = pl->out_bits;
    c->act_bits += in_bits + out_bits;
    /* Weight tiles that do not fit spatially run in sequence (SRAM): the
     * inputs are read again for every output-channel tile, the partial
     * outputs for every input-channel/kernel tile (docs/cost-model.md
     * 4.2) */
    double out_tiles = (double)ref->residual[MAP_M] * ref->residual[MAP_Y];
    double in_tiles = (double)ref->residual[MAP_C] * ref->residual[MAP_R] *
                      (double)ref->residual[MAP_S];
    c->refetch_in_bits += in_bits * (out_tiles - 1);
    c->refetch_out_bits += out_bits * (in_tiles - 1);
    c->weight_bits += l->weights * MAP_WEIGHT_BITS;
    c->replica_bits += l->weights * MAP_WEIGHT_BITS * (double)ref->p_spatial;
    /* A dynamic layer's second operand is an activation, new at every
     * inference: its n_s cells per value are written into every replica
     * before the layer runs (docs/cost-model.md 4.1; SRAM pays this
     * through replica_bits already, RRAM through these counts). */
    if (l->dynamic) {
        double cells = l->weights * t->slices * (double)ref->p_spatial;
        c->dyn_write_cells += cells;
        c->dyn_write_cells_w += cells * l->w_mean[b];
    }
    c->cycles_ref += ref->cycles;
    c->xbars_needed += phys->xbars;
    if (!ref->valid)
        c->mappable = 0;
}

void
cost_counts_layer(const design *d, const net_layer *l, cost_counts *c,
                  map_ref *ref, map_phys *phys)
{
    design_terms t;
    plan_layer pl;
    design_terms_init(d, &t);
    plan_layer_init(l, 0, &pl);
    counts_layer(NULL, d, &t, l, &pl, c, ref, phys);
}

/* Physical-mode sequencing of one layer: array reads in sequence and, for
 * SRAM, the rows written before reading (phys is read for SRAM only).
 * RRAM holds every layer at once and spreads the spare crossbars as
 * whole-network replicas (rram_replicas); SRAM loads one
 * layer at a time, in waves when it needs more crossbars than the chip has,
 * replicating it over the spare ones. */
static void
physical_sequence(const design *d, const design_terms *t, const net_layer *l,
                  const map_phys *phys, double rram_replicas, double *reads,
                  double *write_rows)
{
    double positions = (double)l->P * (double)l->Q;
    double macros = t->macros;
    if (d->memory == DESIGN_RRAM) {
        *reads = ceil(positions / rram_replicas);
        /* resident weights are never written; a dynamic operand is
         * written at every inference, one row per cycle, all of its
         * crossbars in parallel (docs/cost-model.md 4.3) */
        *write_rows = l->dynamic ? (double)d->rows : 0;
        return;
    }
    double waves = ceil(phys->xbars / macros);
    double rep = waves > 1 ? 1 : floor(macros / phys->xbars);
    if (rep < 1)
        rep = 1;
    *reads = waves * ceil(positions / rep);
    *write_rows = waves * (double)d->rows;
}

static double
rram_replicas(const design *d, double xbars_needed)
{
    double rep = floor(design_macros(d) / xbars_needed);
    return rep < 1 ? 1 : rep;
}

/* The counts of network n on design d into *c, its mappings through
 * workspace w with the plan entries pl[] of n's layers (w NULL, pl NULL:
 * no memo, entries computed here). */
static void
counts_net(map_workspace *w, const plan_layer *pl, const design *d,
           const net *n, cost_counts *c)
{
    map_ref ref;
    map_phys phys;
    design_terms t;
    design_terms_init(d, &t);
    memset(c, 0, sizeof *c);
    c->mappable = 1;
    double reads, wr;
    /* SRAM sequences each layer on its own, so its physical counts come
     * with the layer's mapping; RRAM's replication depends on the whole
     * network's crossbars, so it needs a second pass, which reads only P
     * and Q (no second mapping). */
    for (size_t i = 0; i < n->n; i++) {
        plan_layer own;
        if (!pl)
            plan_layer_init(&n->layers[i], 0, &own);
        counts_layer(w, d, &t, &n->layers[i], pl ? &pl[i] : &own, c, &ref,
                     &phys);
        if (d->memory == DESIGN_SRAM) {
            physical_sequence(d, &t, &n->layers[i], &phys, 1, &reads, &wr);
            c->pulses_phys += reads;
            c->write_rows_phys += wr;
        }
    }
    if (d->memory == DESIGN_SRAM)
        return;
    double rep = rram_replicas(d, c->xbars_needed);
    for (size_t i = 0; i < n->n; i++) {
        physical_sequence(d, &t, &n->layers[i], NULL, rep, &reads, &wr);
        c->pulses_phys += reads;
        c->write_rows_phys += wr;
    }
}

void
cost_counts_net(const design *d, const net *n, cost_counts *c)
{
    counts_net(NULL, NULL, d, n, c);
}

/* ------------------------------------------------------------ plans */

struct cost_plan {
    size_t nnets;
    const net **nets;      /* borrowed */
    plan_layer **layers;   /* [nnets], each [nets[i]->n] */
    map_workspace *w;
};

/* The shape number of layer l among the distinct shapes shape[0..*n-1]
 * (pointers to their first layers), appending it when new. */
static size_t
shape_number(const net_layer **shape, size_t *n, const net_layer *l)
{
    for (size_t i = 0; i < *n; i++) {
        const net_layer *s = shape[i];
        if (s->C == l->C && s->M == l->M && s->R == l->R && s->S == l->S &&
            s->P == l->P && s->Q == l->Q && s->groups == l->groups &&
            memcmp(&s->weights, &l->weights, sizeof l->weights) == 0)
            return i;
    }
    shape[*n] = l;
    return (*n)++;
}

cost_plan *
cost_plan_alloc(const net *const *nets, size_t n, double designs)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += nets[i]->n;
    cost_plan *p = calloc(1, sizeof *p);
    const net_layer **shape = malloc((total ? total : 1) * sizeof *shape);
    if (!p || !shape || !(p->nets = calloc(n ? n : 1, sizeof *p->nets)) ||
        !(p->layers = calloc(n ? n : 1, sizeof *p->layers))) {
        free(shape);
        cost_plan_free(p);
        return NULL;
    }
    p->nnets = n;
    size_t nshapes = 0;
    for (size_t i = 0; i < n; i++) {
        p->nets[i] = nets[i];
        p->layers[i] = malloc((nets[i]->n ? nets[i]->n : 1) *
                              sizeof *p->layers[i]);
        if (!p->layers[i]) {
            free(shape);
            cost_plan_free(p);
            return NULL;
        }
        for (size_t j = 0; j < nets[i]->n; j++) {
            const net_layer *l = &nets[i]->layers[j];
            plan_layer_init(l, shape_number(shape, &nshapes, l),
                            &p->layers[i][j]);
        }
    }
    free(shape);
    if (!(p->w = map_workspace_alloc(nshapes ? nshapes : 1,
                                     designs * (double)nshapes))) {
        cost_plan_free(p);
        return NULL;
    }
    return p;
}

void
cost_plan_free(cost_plan *p)
{
    if (!p)
        return;
    for (size_t i = 0; p->layers && i < p->nnets; i++)
        free(p->layers[i]);
    free(p->layers);
    free(p->nets);
    map_workspace_free(p->w);
    free(p);
}

void
cost_plan_counts(cost_plan *p, size_t i, const design *d, cost_counts *c)
{
    counts_net(p->w, p->layers[i], d, p->nets[i], c);
}

/* ------------------------------------------------------------ factors */

/* Whether two doubles hold the same value bits (the memo's key test). */
static int
same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

/* The total of a per-component breakdown, copied out when `out` is set. */
static double
sum_components(const double part[COST_NCOMP], double out[COST_NCOMP])
{
    double total = 0;
    for (int i = 0; i < COST_NCOMP; i++) {
        total += part[i];
        if (out)
            out[i] = part[i];
    }
    return total;
}

/* The GLB's per-bit energy (pJ) or area (mm^2) at depth for memory mem:
 * the model's copy when depth is one of the table's depths (the spaces'
 * sizes), else consts.c's interpolation, which gave those copies. */
static double
glb_value(const cost_model *m, design_memory mem, double depth, int area)
{
    for (int i = 0; i < CONSTS_NGLB; i++)
        if (same_double(depth, consts_glb_depths[i]))
            return area ? m->glb_a_mm2[mem][i] : m->glb_e_pj[mem][i];
    return area ? consts_glb_area_mm2(&m->c[mem], depth)
                : consts_glb_energy_pj(&m->c[mem], depth);
}

/* (node / COST_REF_NODE_NM)^exponent: 1 at the reference node. */
static double
tech_factor(double exponent, long tech_nm)
{
    return tech_nm == COST_REF_NODE_NM
               ? 1
               : pow((double)tech_nm / COST_REF_NODE_NM, exponent);
}

/* The node terms of f for memory constants k at d's node. */
static void
node_terms(const consts *k, const design *d, cost_design_factors *f)
{
    const double *v = k->v;
    double rel = (double)d->tech_nm / COST_REF_NODE_NM;
    f->te = tech_factor(v[CONSTS_tech_e_exp], d->tech_nm);
    f->ta = tech_factor(v[CONSTS_tech_a_exp], d->tech_nm);
    f->tglb = tech_factor(v[CONSTS_tech_glb_e_exp], d->tech_nm);
    /* cells are drawn in F^2: they scale with the node squared */
    f->node2 = rel * rel;
    /* Node-dependent threshold of the low-voltage periphery upsizing:
     * NeuroSim sizes drivers and sense paths up as V approaches the
     * node's threshold, and the reference's voltage range moves up with
     * the node (0.45 V at 7 nm, 0.75 V at 45 nm in the reference results:
     * docs/reference-data.md).  The
     * weight-write threshold is the node's device threshold, which moves
     * with it too. */
    f->lowv_vt = v[CONSTS_lowv_vt] + v[CONSTS_lowv_vt_slope] * log2(rel);
    f->write_vt = v[CONSTS_write_vt] + v[CONSTS_write_vt_slope] * log2(rel);
    /* NeuroSim's FinFET device model (<= 14 nm) writes at a cost of its
     * own */
    f->fin = d->tech_nm <= COST_FINFET_NODE_NM
                 ? v[CONSTS_finfet_write] *
                       pow((double)COST_FINFET_NODE_NM / (double)d->tech_nm,
                           v[CONSTS_finfet_node_exp])
                 : 1;
}

/* 1 + sigma / (V - vt)^alpha: growth of periphery energy at low V
 * (docs/cost-model.md 5.3, 5.5: per-row energies rise as V falls in SRAM).
 * Guarded so a voltage at or below vt gives a large finite factor, not
 * NaN. */
static double
lowv_factor(double sigma, double v, double vt, double alpha)
{
    if (sigma <= 0)
        return 1;
    double gap = v - vt;
    if (gap < COST_LOWV_GAP_MIN_V)
        gap = COST_LOWV_GAP_MIN_V;
    return 1 + sigma / pow(gap, alpha);
}

/* The voltage terms of f (its node terms set) for constants k and
 * d's voltage. */
static void
voltage_terms(const consts *k, const design *d, cost_design_factors *f)
{
    const double *v = k->v;
    double volt = d->voltage_v;
    double up = lowv_factor(v[CONSTS_lowv_e_sigma], volt, f->lowv_vt,
                            v[CONSTS_lowv_alpha]);
    /* Periphery is NeuroSim circuitry at supply V: C V^2 (docs/cost-model.md
     * 5.2). */
    f->periph = volt * volt * up * f->te * COST_J_PER_FJ;
    /* K(V) = lowv_a_k / (V - vt)^alpha, um^2: the low-voltage upsizing of
     * the row periphery per macro, per (rows / cols) (docs/cost-model.md
     * section 7), guarded like lowv_factor. */
    f->kv_um2 = 0;
    if (v[CONSTS_lowv_a_k] > 0) {
        double gap = volt - f->lowv_vt;
        if (gap < COST_LOWV_GAP_MIN_V)
            gap = COST_LOWV_GAP_MIN_V;
        f->kv_um2 = v[CONSTS_lowv_a_k] / pow(gap, v[CONSTS_lowv_alpha]);
    }
    if (d->memory != DESIGN_SRAM)
        return;
    /* weight drivers program every replica: steep in V (docs/cost-model.md
     * 5.3: 0.35 -> 1.8 pJ per bit copy from 0.6 to 0.85 V, ~V^4.7) */
    double wgap = volt - f->write_vt;
    f->write_j = f->te * f->fin * COST_J_PER_FJ * v[CONSTS_e_write_fj] *
                 volt * volt *
                 (wgap > 0 ? pow(wgap, v[CONSTS_write_v_exp]) : 0);
}

void
cost_design_factors_clear(cost_design_factors *f)
{
    memset(f, 0, sizeof *f);
}

void
cost_design_factors_update(const cost_model *m, const design *d,
                           cost_design_factors *f)
{
    const consts *k = &m->c[d->memory];
    int all = !f->set || f->model != m || f->memory != d->memory;
    int node = all || f->tech_nm != d->tech_nm;
    if (node)
        node_terms(k, d, f);
    if (node || !same_double(f->voltage_v, d->voltage_v))
        voltage_terms(k, d, f);
    if (all || !same_double(f->glb_mb, d->glb_mb)) {
        double depth = design_glb_depth(d);
        f->glb_e_pj = glb_value(m, d->memory, depth, 0);
        f->glb_a_mm2 = glb_value(m, d->memory, depth, 1);
    }
    f->set = 1;
    f->model = m;
    f->memory = d->memory;
    f->tech_nm = d->tech_nm;
    f->voltage_v = d->voltage_v;
    f->glb_mb = d->glb_mb;
}

/* ------------------------------------------------------------ energy */

double
cost_energy_with(const cost_model *m, const design *d,
                 const cost_design_factors *f, const cost_counts *c,
                 double comp_j[COST_NCOMP])
{
    const double *v = m->c[d->memory].v;
    double e[COST_NCOMP] = {0};
    e[COST_CELLS] = v[CONSTS_cell_scale] * COST_J_PER_FJ *
                    (v[CONSTS_e_cell_lo_fj] * c->cell_pulses +
                     (v[CONSTS_e_cell_hi_fj] - v[CONSTS_e_cell_lo_fj]) *
                         c->cell_pulses_w);
    e[COST_DRIVERS] = f->periph * (v[CONSTS_e_row_fj] * c->row_acts +
                                   v[CONSTS_e_rowon_fj] * c->row_on_cols);
    e[COST_ADC] = f->periph * v[CONSTS_e_adc_fj] * c->conversions;
    e[COST_SHIFTADD] =
        f->te * COST_J_PER_FJ * v[CONSTS_e_shiftadd_fj] * c->conversions;
    if (d->memory == DESIGN_RRAM)
        /* programming the cells of dynamic operands: off- to on-state
         * write energy by stored value, as the reads (docs/cost-model.md
         * 5.1; 0 for a network without dynamic layers) */
        e[COST_CELLS] +=
            COST_J_PER_PJ *
            (v[CONSTS_e_cell_write_lo_pj] * c->dyn_write_cells +
             (v[CONSTS_e_cell_write_hi_pj] - v[CONSTS_e_cell_write_lo_pj]) *
                 c->dyn_write_cells_w);
    if (d->memory == DESIGN_SRAM) {
        double volt = d->voltage_v, ncol = (double)d->cols;
        /* Low-V upsizing of the row-driver class (row_drivers and
         * weight_drivers are both array_row_drivers): the area fit gives
         * each row's driver K(V) / cols of extra area, whose capacitance
         * is switched on every ON pulse of a read and on every row write
         * (docs/cost-model.md 5.3 and 7: per-row energies rise as V
         * falls, K(V) area).  ON pulses = row_on_cols / cols; rows written
         * = replica_bits / cols. */
        double up_um2 = f->kv_um2 / ncol;
        e[COST_DRIVERS] +=
            volt * volt * f->te * COST_J_PER_FJ * up_um2 *
            (v[CONSTS_c_up_on_ff] * c->row_on_cols / ncol +
             v[CONSTS_c_up_wr_ff] * c->replica_bits / ncol);
        e[COST_DRIVERS] += f->write_j * c->replica_bits;
        e[COST_DRAM] = COST_J_PER_PJ * v[CONSTS_e_dram_pj] *
                       v[CONSTS_dram_reload] * c->weight_bits;
    }
    /* GLB, router and tile buffers are CACTI / table components: their
     * own node scaling (docs/cost-model.md 5.4, 8.1) */
    double bits_j = c->act_bits * COST_J_PER_PJ * f->tglb;
    e[COST_ROUTER] = bits_j * v[CONSTS_e_router_pj];
    e[COST_BUFFERS] = bits_j * v[CONSTS_e_buffer_pj];
    e[COST_GLB] = bits_j * f->glb_e_pj;
    e[COST_BUFFERS] += COST_J_PER_PJ * f->tglb *
                       (v[CONSTS_e_refetch_in_pj] * c->refetch_in_bits +
                        v[CONSTS_e_refetch_out_pj] * c->refetch_out_bits);
    return sum_components(e, comp_j);
}

double
cost_energy(const cost_model *m, const design *d, const cost_counts *c,
            double comp_j[COST_NCOMP])
{
    cost_design_factors f;
    cost_design_factors_clear(&f);
    cost_design_factors_update(m, d, &f);
    return cost_energy_with(m, d, &f, c, comp_j);
}

/* ------------------------------------------------------------ latency */

double
cost_latency(const cost_model *m, const design *d, const cost_counts *c,
             cost_latency_mode mode)
{
    const double *v = m->c[d->memory].v;
    double cycle_s = d->cycle_ns * COST_S_PER_NS;
    if (mode == COST_LATENCY_REFERENCE)
        return c->cycles_ref * cycle_s;
    double t = (c->pulses_phys * v[CONSTS_pulses_per_read] +
                c->write_rows_phys) * cycle_s;
    if (d->memory == DESIGN_SRAM)
        t += c->weight_bits * v[CONSTS_dram_reload] / COST_BITS_PER_BYTE /
             (v[CONSTS_dram_gbps] * COST_BYTES_PER_GB);
    return t;
}

/* ------------------------------------------------------------ area */

double
cost_area_with(const cost_model *m, const design *d,
               const cost_design_factors *f,
               double area_comp_mm2[COST_NCOMP])
{
    const double *v = m->c[d->memory].v;
    double a[COST_NCOMP] = {0};
    double n = design_macros(d);
    double rows = (double)d->rows, cols = (double)d->cols;
    double ta = f->ta, um2 = COST_MM2_PER_UM2;
    a[COST_CELLS] = n * v[CONSTS_a_cell_um2] * rows * cols * f->node2 * um2;
    a[COST_ADC] = n * v[CONSTS_a_col_um2] * cols * ta * um2;
    a[COST_DRIVERS] = n *
                      (v[CONSTS_a_row_um2] * rows + f->kv_um2 * rows / cols) *
                      ta * um2;
    a[COST_BUFFERS] = n * v[CONSTS_a_macro_um2] * ta * um2;
    a[COST_ROUTER] = (double)d->router_groups * v[CONSTS_a_router_mm2] * ta;
    a[COST_GLB] = f->glb_a_mm2 * ta;
    return sum_components(a, area_comp_mm2);
}

double
cost_area(const cost_model *m, const design *d,
          double area_comp_mm2[COST_NCOMP])
{
    cost_design_factors f;
    cost_design_factors_clear(&f);
    cost_design_factors_update(m, d, &f);
    return cost_area_with(m, d, &f, area_comp_mm2);
}

/* ------------------------------------------------------------ networks */

int
cost_counts_fit_p(const design *d, const cost_counts *c)
{
    return d->memory == DESIGN_SRAM ||
           (c->mappable && c->xbars_needed <= design_macros(d));
}

void
cost_eval_net(const cost_model *m, const design *d, const net *n,
              cost_latency_mode mode, cost_result *out)
{
    cost_counts c;
    cost_counts_net(d, n, &c);
    out->energy_j = cost_energy(m, d, &c, out->energy_comp_j);
    out->latency_s = cost_latency(m, d, &c, mode);
    out->area_mm2 = cost_area(m, d, out->area_comp_mm2);
    out->xbars_needed = c.xbars_needed;
    out->mappable = c.mappable;
    out->fits = cost_counts_fit_p(d, &c);
}


void
cost_eval_layers(const cost_model *m, const design *d, const net *n,
                 cost_latency_mode mode, cost_layer *out)
{
    double xbars = 0;
    for (size_t i = 0; i < n->n; i++) {
        map_physical(d, &n->layers[i], &out[i].phys);
        xbars += out[i].phys.xbars;
    }
    double rep = rram_replicas(d, xbars);
    design_terms t;
    design_terms_init(d, &t);
    for (size_t i = 0; i < n->n; i++) {
        cost_counts c;
        memset(&c, 0, sizeof c);
        c.mappable = 1;
        plan_layer pl;
        plan_layer_init(&n->layers[i], 0, &pl);
        counts_layer(NULL, d, &t, &n->layers[i], &pl, &c, &out[i].ref,
                     &out[i].phys);
        physical_sequence(d, &t, &n->layers[i], &out[i].phys, rep,
                          &c.pulses_phys, &c.write_rows_phys);
        out[i].energy_j = cost_energy(m, d, &c, out[i].energy_comp_j);
        out[i].latency_s = cost_latency(m, d, &c, mode);
    }
}
