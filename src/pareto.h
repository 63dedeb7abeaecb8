/* pareto.h: the exact Pareto front of a stream of designs, every objective
 * minimised, held in bounded memory.
 *
 * Designs are offered one at a time with their objective values and an
 * index (their place in the enumeration).  The front keeps every design
 * that no other design offered so far weakly dominates (is <= in every
 * objective); of designs with equal objective values it keeps the one with
 * the lowest index.  The front is therefore a set determined by the
 * designs offered, whatever their order: fronts of disjoint parts of a
 * stream, offered to one another (pareto_merge), give the front of the
 * whole stream.
 *
 * Memory: a front holds at most the capacity given to pareto_alloc; an
 * offer that would exceed it is dropped and marks the front as overflowed
 * (pareto_overflow_p), so the caller can refuse the result rather than use
 * a cut front.  Offers never allocate.  Cost: O(members x objectives) per
 * offer.
 *
 * Ownership: pareto_alloc returns a front the caller releases with
 * pareto_free (NULL is a no-op); members are copied in.
 */
#ifndef IMC_PARETO_H
#define IMC_PARETO_H

#include <stddef.h>
#include <stdint.h>

#include "design.h"

/* Most objectives of a front. */
#define PARETO_MAX_OBJ 8

typedef struct pareto_member {
    double obj[PARETO_MAX_OBJ];  /* the objectives; unused ones are 0 */
    uint64_t index;              /* enumeration index, breaks ties */
    design d;
} pareto_member;

typedef struct pareto_front pareto_front;

/* A front over nobj objectives (1 .. PARETO_MAX_OBJ) holding at most cap
 * (>= 1) members; NULL after reporting when out of range or out of
 * memory. */
pareto_front *pareto_alloc(size_t nobj, size_t cap);
/* Release a front; NULL is a no-op. */
void pareto_free(pareto_front *f);

/* Offer design d with objective values obj[0 .. nobj-1] and index idx.
 * It joins unless a member weakly dominates it (an equal member with a
 * higher index gives way to it); the members it dominates leave.  Never
 * allocates. */
void pareto_offer(pareto_front *f, const double *obj, uint64_t idx,
                  const design *d);
/* Offer every member of src to dst (the front of the union). */
void pareto_merge(pareto_front *dst, const pareto_front *src);
/* Sort the members by their objectives in turn, then by index: the
 * order outputs use. */
void pareto_sort(pareto_front *f);

/* Predicate: 1 when an offer was dropped because the front was full. */
int pareto_overflow_p(const pareto_front *f);
size_t pareto_size(const pareto_front *f);
size_t pareto_capacity(const pareto_front *f);
/* Member i, 0 <= i < pareto_size(f), in the current order. */
const pareto_member *pareto_at(const pareto_front *f, size_t i);

#endif
