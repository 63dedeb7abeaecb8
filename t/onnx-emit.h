/* onnx-emit.h: a small ONNX writer for the tests (t/115-onnx.c,
 * t/116-onnx-roundtrip.c), since no ONNX exporter is available here.
 *
 * It builds a ModelProto with protobuf-c from graph inputs (a dimension of
 * -1 is written as the symbolic "N"), initializers (dims only, or a few
 * int64 values, or marked as external data with no bytes at all), nodes
 * and their attributes, and writes it to a file.  Every allocation is kept
 * in the builder and released by emit_free(); functions are static inline
 * so a test may use only some of them.
 */
#ifndef IMC_T_ONNX_EMIT_H
#define IMC_T_ONNX_EMIT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "onnx.pb-c.h"

#define EMIT_MAX 4096  /* nodes, inputs or initializers of one model */

typedef struct emit {
    Onnx__ModelProto model;
    Onnx__GraphProto graph;
    Onnx__OperatorSetIdProto opset, *opsets[1];
    Onnx__NodeProto *nodes[EMIT_MAX];
    Onnx__ValueInfoProto *inputs[EMIT_MAX];
    Onnx__TensorProto *inits[EMIT_MAX];
    void **mem;  /* every allocation, for emit_free */
    size_t nmem, capmem;
} emit;

static inline void *
emit_alloc(emit *e, size_t size)
{
    if (e->nmem == e->capmem) {
        e->capmem = e->capmem ? 2 * e->capmem : 256;
        e->mem = realloc(e->mem, e->capmem * sizeof *e->mem);
        if (!e->mem)
            abort();
    }
    void *p = calloc(1, size ? size : 1);
    if (!p)
        abort();
    return e->mem[e->nmem++] = p;
}

static inline char *
emit_str(emit *e, const char *s)
{
    char *p = emit_alloc(e, strlen(s) + 1);
    memcpy(p, s, strlen(s) + 1);
    return p;
}

/* Start an empty model (opset 13, producer "imc-codesign tests"). */
static inline void
emit_init(emit *e)
{
    memset(e, 0, sizeof *e);
    onnx__model_proto__init(&e->model);
    onnx__graph_proto__init(&e->graph);
    onnx__operator_set_id_proto__init(&e->opset);
    e->opset.has_version = 1;
    e->opset.version = 13;
    e->opsets[0] = &e->opset;
    e->model.has_ir_version = 1;
    e->model.ir_version = 7;
    e->model.producer_name = emit_str(e, "imc-codesign tests");
    e->model.n_opset_import = 1;
    e->model.opset_import = e->opsets;
    e->model.graph = &e->graph;
    e->graph.name = emit_str(e, "g");
    e->graph.node = e->nodes;
    e->graph.input = e->inputs;
    e->graph.initializer = e->inits;
}

/* A float graph input of the given shape (-1: the symbolic "N"). */
static inline void
emit_input(emit *e, const char *name, int rank, const long *dims)
{
    Onnx__ValueInfoProto *vi = emit_alloc(e, sizeof *vi);
    Onnx__TypeProto *tp = emit_alloc(e, sizeof *tp);
    Onnx__TypeProto__Tensor *tt = emit_alloc(e, sizeof *tt);
    Onnx__TensorShapeProto *sh = emit_alloc(e, sizeof *sh);
    onnx__value_info_proto__init(vi);
    onnx__type_proto__init(tp);
    onnx__type_proto__tensor__init(tt);
    onnx__tensor_shape_proto__init(sh);
    sh->n_dim = (size_t)rank;
    sh->dim = emit_alloc(e, (size_t)rank * sizeof *sh->dim);
    for (int i = 0; i < rank; i++) {
        Onnx__TensorShapeProto__Dimension *d = emit_alloc(e, sizeof *d);
        onnx__tensor_shape_proto__dimension__init(d);
        if (dims[i] < 0) {
            d->value_case =
                ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_PARAM;
            d->dim_param = emit_str(e, "N");
        } else {
            d->value_case =
                ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE;
            d->dim_value = dims[i];
        }
        sh->dim[i] = d;
    }
    tt->has_elem_type = 1;
    tt->elem_type = ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT;
    tt->shape = sh;
    tp->value_case = ONNX__TYPE_PROTO__VALUE_TENSOR_TYPE;
    tp->tensor_type = tt;
    vi->name = emit_str(e, name);
    vi->type = tp;
    e->inputs[e->graph.n_input++] = vi;
}

/* An initializer with dims only (values NULL: the bytes are left out, as
 * an importer never needs them), or with int64 values; external marks it
 * as external data (location "weights.bin"). */
static inline void
emit_initializer(emit *e, const char *name, int rank, const long *dims,
                 const long *values, int external)
{
    Onnx__TensorProto *t = emit_alloc(e, sizeof *t);
    onnx__tensor_proto__init(t);
    t->name = emit_str(e, name);
    t->n_dims = (size_t)rank;
    t->dims = emit_alloc(e, (size_t)rank * sizeof *t->dims);
    long count = 1;
    for (int i = 0; i < rank; i++) {
        t->dims[i] = dims[i];
        count *= dims[i];
    }
    t->has_data_type = 1;
    t->data_type = values ? ONNX__TENSOR_PROTO__DATA_TYPE__INT64
                          : ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT;
    if (values) {
        t->n_int64_data = (size_t)count;
        t->int64_data = emit_alloc(e, (size_t)count * sizeof(int64_t));
        for (long i = 0; i < count; i++)
            t->int64_data[i] = values[i];
    }
    if (external) {
        Onnx__StringStringEntryProto *loc = emit_alloc(e, sizeof *loc);
        onnx__string_string_entry_proto__init(loc);
        loc->key = emit_str(e, "location");
        loc->value = emit_str(e, "weights.bin");
        t->n_external_data = 1;
        t->external_data = emit_alloc(e, sizeof *t->external_data);
        t->external_data[0] = loc;
        t->has_data_location = 1;
        t->data_location = ONNX__TENSOR_PROTO__DATA_LOCATION__EXTERNAL;
    }
    e->inits[e->graph.n_initializer++] = t;
}

/* A node op(inputs...) -> output; inputs is a NULL-terminated list. */
static inline Onnx__NodeProto *
emit_node(emit *e, const char *op, const char *name,
          const char *const *inputs, const char *output)
{
    Onnx__NodeProto *nd = emit_alloc(e, sizeof *nd);
    onnx__node_proto__init(nd);
    nd->op_type = emit_str(e, op);
    nd->name = emit_str(e, name);
    size_t n = 0;
    while (inputs[n])
        n++;
    nd->n_input = n;
    nd->input = emit_alloc(e, n * sizeof *nd->input);
    for (size_t i = 0; i < n; i++)
        nd->input[i] = emit_str(e, inputs[i]);
    nd->n_output = 1;
    nd->output = emit_alloc(e, sizeof *nd->output);
    nd->output[0] = emit_str(e, output);
    nd->attribute = emit_alloc(e, 16 * sizeof *nd->attribute);
    e->nodes[e->graph.n_node++] = nd;
    return nd;
}

static inline Onnx__AttributeProto *
emit_attr(emit *e, Onnx__NodeProto *nd, const char *name,
          Onnx__AttributeProto__AttributeType type)
{
    Onnx__AttributeProto *a = emit_alloc(e, sizeof *a);
    onnx__attribute_proto__init(a);
    a->name = emit_str(e, name);
    a->has_type = 1;
    a->type = type;
    nd->attribute[nd->n_attribute++] = a;
    return a;
}

static inline void
emit_attr_int(emit *e, Onnx__NodeProto *nd, const char *name, long v)
{
    Onnx__AttributeProto *a =
        emit_attr(e, nd, name, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INT);
    a->has_i = 1;
    a->i = v;
}

static inline void
emit_attr_ints(emit *e, Onnx__NodeProto *nd, const char *name, int n,
               const long *v)
{
    Onnx__AttributeProto *a =
        emit_attr(e, nd, name, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INTS);
    a->n_ints = (size_t)n;
    a->ints = emit_alloc(e, (size_t)n * sizeof *a->ints);
    for (int i = 0; i < n; i++)
        a->ints[i] = v[i];
}

static inline void
emit_attr_string(emit *e, Onnx__NodeProto *nd, const char *name,
                 const char *s)
{
    Onnx__AttributeProto *a = emit_attr(
        e, nd, name, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__STRING);
    a->has_s = 1;
    a->s.len = strlen(s);
    a->s.data = (uint8_t *)emit_str(e, s);
}

/* Pack the model into path: 0, or -1 when it cannot be written. */
static inline int
emit_write(emit *e, const char *path)
{
    size_t len = onnx__model_proto__get_packed_size(&e->model);
    uint8_t *buf = malloc(len ? len : 1);
    if (!buf)
        return -1;
    onnx__model_proto__pack(&e->model, buf);
    FILE *fp = fopen(path, "wb");
    int bad = !fp || fwrite(buf, 1, len, fp) != len;
    if (fp && fclose(fp) != 0)
        bad = 1;
    free(buf);
    return bad ? -1 : 0;
}

static inline void
emit_free(emit *e)
{
    for (size_t i = 0; i < e->nmem; i++)
        free(e->mem[i]);
    free(e->mem);
    e->mem = NULL;
    e->nmem = e->capmem = 0;
}

#endif
