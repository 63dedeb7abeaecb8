/* onnx.h: reader of ONNX models (ModelProto, protobuf) into layer tables.
 *
 * The model is decoded with protobuf-c from the onnx.proto that Debian's
 * libonnx-dev ships (code generated at build time into build/gen/).  The
 * graph's nodes are walked in their stored (topological) order while the
 * shape of every tensor is propagated from the graph inputs; each weight
 * node becomes one layer-table row:
 *   - Conv (1-D and 2-D; grouped, depthwise, strided, padded with pads or
 *     auto_pad, dilated) -> conv, or dwconv when group > 1; C and M per
 *     group, R x S the kernel (dilation widens the window used for P and Q
 *     but not the weights);
 *   - Gemm, and MatMul whose second input is an initializer -> linear,
 *     C = inputs, M = outputs, P = the rows of the first input (for a
 *     token sequence [1, T, K]: P = T tokens, Q = 1);
 *   - MatMul of two activations (attention's Q K^T and A V) -> matmul with
 *     dynamic = 1, C = the contracted size, M = the columns, P = the rows,
 *     G = the batch dimensions (the heads).
 * Shapes pass through Reshape (shape from an initializer, a Constant node,
 * or Shape/Gather/Unsqueeze/Concat/Slice folded by value), Expand, Gather,
 * Slice, Split, Flatten, Transpose, Squeeze, Unsqueeze, Concat, Pad, pooling
 * (MaxPool, AveragePool, LpPool, their Global forms, ReduceMean/Max/Sum),
 * element-wise ops with broadcasting (Add, Sub, Mul, Div, Pow, ...) and
 * shape-keeping ops (BatchNormalization, Relu, Sigmoid, HardSwish,
 * Softmax, Gelu, Erf, Tanh, Clip, Dropout, Identity, Cast, ...).  Graph
 * inputs give the input shapes; their batch dimension (the first) must be
 * 1 or symbolic, which is read as 1.  Only initializer dims are read, never
 * weight bytes, so models whose weights are external data load fine.
 *
 * Errors: an op outside that list stops the import with exactly
 * "FILE: node N (OpType): not supported" (N counted from 0); any other
 * problem of a node is "FILE: node N (OpType): what is wrong"; a problem
 * of the whole file is "FILE:1: what is wrong".  Input text in messages is
 * escaped (net_escape).
 *
 * Ownership: onnx_read() returns a new net the caller frees with
 * net_free(); no state is kept between calls.
 */
#ifndef IMC_ONNX_H
#define IMC_ONNX_H

#include <stddef.h>

#include "net.h"

/* protobuf's own limit on a message (2 GiB - 1). */
#define ONNX_MAX_BYTES ((size_t)2147483647)
/* Highest tensor rank the importer follows. */
#define ONNX_MAX_RANK 8

/* Read the ONNX model at path ("-" is stdin).  With any_batch 0 a graph
 * input's fixed batch size other than 1 is refused; with 1 it is read as
 * 1 too (the table counts one inference; a Reshape to a constant shape
 * that spells the batch out is then taken as written).  IMC_OK with a new
 * net named after the file's base name in *out, or IMC_EINPUT after
 * reporting the first problem, with *out NULL. */
int onnx_read(const char *path, int any_batch, net **out);

/* The same from len bytes at buf (a model in memory, e.g. a fuzzer's
 * input); label is used in messages and name becomes the net's name. */
int onnx_read_buffer(const unsigned char *buf, size_t len, const char *label,
                     const char *name, int any_batch, net **out);

#endif
