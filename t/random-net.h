/* random-net.h: random networks for the tests that compare a fast path of
 * the cost model with the plain one (t/142, t/190).  Header-only; the
 * caller owns the generator and frees the net (net_free). */
#ifndef IMC_T_RANDOM_NET_H
#define IMC_T_RANDOM_NET_H

#include <gsl/gsl_rng.h>

#include "net.h"
#include "tap.h"

/* A random network of n layers: a third of them repeat an earlier shape,
 * a quarter of the others are grouped; channels up to max_ch, kernels up
 * to max_k, outputs up to max_pq; random data statistics.  Bails out of
 * the test when memory runs out. */
static inline net *
random_net(gsl_rng *r, const char *name, int n, long max_ch, long max_k,
           long max_pq)
{
    net *t = net_alloc(name);
    if (!t)
        bail("out of memory");
    for (int i = 0; i < n; i++) {
        net_layer l;
        if (i > 0 && gsl_rng_uniform_int(r, 3) == 0) {
            l = t->layers[gsl_rng_uniform_int(r, (unsigned long)i)];
        } else {
            long g = gsl_rng_uniform_int(r, 4)
                         ? 1
                         : 1 + (long)gsl_rng_uniform_int(r, 64);
            net_layer_init(
                &l, "l", g > 1 ? NET_OP_DWCONV : NET_OP_CONV,
                1 + (long)gsl_rng_uniform_int(r, (unsigned long)max_ch),
                1 + (long)gsl_rng_uniform_int(r, (unsigned long)max_ch),
                1 + (long)gsl_rng_uniform_int(r, (unsigned long)max_k),
                1 + (long)gsl_rng_uniform_int(r, (unsigned long)max_k),
                1 + (long)gsl_rng_uniform_int(r, (unsigned long)max_pq),
                1 + (long)gsl_rng_uniform_int(r, (unsigned long)max_pq),
                1 + (long)gsl_rng_uniform_int(r, 2), g);
            l.x_mean = gsl_rng_uniform(r);
            for (int b = 1; b <= NET_MAX_BITS; b++)
                l.w_mean[b] = gsl_rng_uniform(r);
        }
        if (net_push(t, &l) != 0)
            bail("out of memory");
    }
    return t;
}

#endif
