/* neurosim.h: reader of NeuroSim's network files (NetWork.csv).
 *
 * DNN_NeuroSim (V1.x, V2.x) describes a network as a CSV file without a
 * header, one row per weight layer, eight integers a row:
 *     IFM height, IFM width, IFM channels, kernel height, kernel width,
 *     output channels, pooling flag, stride
 * (e.g. NeuroSim V1.3's NetWork_ResNet18.csv starts "224,224,3,7,7,64,1,2");
 * V1.0's files have the first seven only (stride 1).
 * Every row states its own input size, so rows are independent: the
 * reader propagates nothing, and shortcut convolutions can sit anywhere.
 *
 * The conventions this reader implements (docs/importers.md):
 *   - a row whose kernel covers the whole input map (kernel H = IFM H and
 *     kernel W = IFM W, e.g. "4,4,512,4,4,1024,0,1" or ResNet's
 *     "1,1,512,1,1,1000,0,1") is a fully connected layer: op linear with
 *     C = H*W*channels, R = S = 1, P = Q = 1;
 *   - every other row is a convolution with 'same' padding, the padding
 *     NeuroSim's files are written with (a row's output feeds the next row
 *     at IFM / stride): P = ceil(H / stride), Q = ceil(W / stride);
 *   - the pooling flag (0 or 1) says a pooling layer follows; it has no
 *     weights, adds no row, and the next row's IFM already shows its
 *     effect, so it is checked and otherwise unused.
 * Layers are named "<net>_<row>" (rows counted from 1, as NeuroSim numbers
 * its layers); every layer gets net_stats_default().
 *
 * Errors are reported as "file:line: what is wrong" (input text escaped,
 * the column named); a whole-file error is given line 1.
 *
 * Ownership: neurosim_read() returns a new net the caller frees with
 * net_free(); no state is kept between calls.
 */
#ifndef IMC_NEUROSIM_H
#define IMC_NEUROSIM_H

#include <stdio.h>

#include "net.h"

/* Parse NeuroSim network file path ("-" is stdin, reported as "<stdin>").
 * IMC_OK with a new net named after the file's base name in *out, or
 * IMC_EINPUT after reporting the first problem, with *out NULL. */
int neurosim_read(const char *path, net **out);

/* Parse from an open stream: label is used in messages and name becomes
 * the net's name.  Contract as neurosim_read(); fp stays open. */
int neurosim_read_stream(FILE *fp, const char *label, const char *name,
                         net **out);

/* Predicate: 1 when line (one line of text, with or without its newline)
 * is a NeuroSim row, i.e. exactly eight (or V1.0's seven) comma-separated
 * integers; used to recognise the format from a file's first line. */
int neurosim_row_p(const char *line);

#endif
