/* costio.c: the CSV shape of cost-eval's results. */
#include "costio.h"
#include "csvio.h"
#include "err.h"
#include "net.h"

#include <string.h>

static void
write_breakdown_header(FILE *fp, int with_area)
{
    for (int i = 0; i < COST_NCOMP; i++)
        fprintf(fp, ",energy_%s_j", cost_comp_names[i]);
    if (with_area)
        for (int i = 0; i < COST_NCOMP; i++)
            fprintf(fp, ",area_%s_mm2", cost_comp_names[i]);
}

static void
put_values(FILE *fp, const double *v, int n)
{
    for (int i = 0; i < n; i++) {
        fputc(',', fp);
        csvio_put_double(fp, v[i]);
    }
}

static int
check_memory(const cost_model *m, const design *d, const char *file,
             size_t row)
{
    if (!cost_model_has_p(m, d->memory))
        return imc_fail(file, (long)row + 2,
                        "no %s constants loaded for this design",
                        design_memory_name(d->memory));
    return IMC_OK;
}

void
costio_put_extrapolated(FILE *fp, const design_range *range,
                        const design *d, int dynamic)
{
    char names[DESIGN_RANGE_NAMES_MAX + sizeof COSTIO_DYNAMIC_WRITES + 1];
    design_range_names(design_range_outside(range, d), names,
                       DESIGN_RANGE_NAMES_MAX);
    if (dynamic && d->memory == DESIGN_RRAM) {
        if (names[0])
            strcat(names, ";");
        strcat(names, COSTIO_DYNAMIC_WRITES);
    }
    fputc(',', fp);
    csvio_put_string(fp, names);
}

/* Predicate: n has a dynamic (matmul) layer. */
static int
has_dynamic_p(const net *n)
{
    for (size_t k = 0; k < n->n; k++)
        if (n->layers[k].dynamic)
            return 1;
    return 0;
}

int
costio_write_batch(FILE *fp, const cost_model *m, const design_range *range,
                   const char *designs_file, const design *designs,
                   size_t ndesigns, net *const *nets, size_t nnets,
                   cost_latency_mode mode)
{
    design_write_header(fp);
    fputs(",workload,energy_j,latency_s,area_mm2,fits", fp);
    write_breakdown_header(fp, 1);
    fputs(",extrapolated\n", fp);
    for (size_t i = 0; i < ndesigns; i++) {
        if (check_memory(m, &designs[i], designs_file, i) != IMC_OK)
            return IMC_EINPUT;
        for (size_t w = 0; w < nnets; w++) {
            cost_result r;
            cost_eval_net(m, &designs[i], nets[w], mode, &r);
            design_write(fp, &designs[i]);
            fputc(',', fp);
            csvio_put_string(fp, nets[w]->name);
            double main3[3] = {r.energy_j, r.latency_s, r.area_mm2};
            put_values(fp, main3, 3);
            fprintf(fp, ",%d", r.fits);
            put_values(fp, r.energy_comp_j, COST_NCOMP);
            put_values(fp, r.area_comp_mm2, COST_NCOMP);
            costio_put_extrapolated(fp, range, &designs[i],
                                    has_dynamic_p(nets[w]));
            fputc('\n', fp);
        }
    }
    return IMC_OK;
}

int
costio_write_layers(FILE *fp, const cost_model *m, const design_range *range,
                    const char *designs_file, const design *designs,
                    size_t ndesigns, net *const *nets, size_t nnets,
                    cost_latency_mode mode, cost_layer *scratch)
{
    design_write_header(fp);
    fputs(",workload,layer,op,energy_j,latency_s", fp);
    write_breakdown_header(fp, 0);
    fputs(",xbars,utilization,array_reads,rows_used,cols_used,macros_used,"
          "cycles_ref,valid,extrapolated\n", fp);
    for (size_t i = 0; i < ndesigns; i++) {
        if (check_memory(m, &designs[i], designs_file, i) != IMC_OK)
            return IMC_EINPUT;
        for (size_t w = 0; w < nnets; w++) {
            const net *n = nets[w];
            cost_eval_layers(m, &designs[i], n, mode, scratch);
            for (size_t k = 0; k < n->n; k++) {
                const cost_layer *c = &scratch[k];
                design_write(fp, &designs[i]);
                fputc(',', fp);
                csvio_put_string(fp, n->name);
                fputc(',', fp);
                csvio_put_string(fp, n->layers[k].name);
                fprintf(fp, ",%s", net_op_name(n->layers[k].op));
                double el[2] = {c->energy_j, c->latency_s};
                put_values(fp, el, 2);
                put_values(fp, c->energy_comp_j, COST_NCOMP);
                double ph[3] = {c->phys.xbars, c->phys.utilization,
                                c->phys.array_reads};
                put_values(fp, ph, 3);
                fprintf(fp, ",%ld,%ld,%ld", c->ref.rows_used,
                        c->ref.cols_used, c->ref.macros_used);
                put_values(fp, &c->ref.cycles, 1);
                fprintf(fp, ",%d", c->ref.valid);
                costio_put_extrapolated(fp, range, &designs[i],
                                        n->layers[k].dynamic);
                fputc('\n', fp);
            }
        }
    }
    return IMC_OK;
}
