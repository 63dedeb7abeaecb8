/* netfmt.h: the project's own network description format (".net").
 *
 * A small line-oriented text format, written by hand from a network's
 * published architecture, that the parser turns into a layer table (net.h)
 * by propagating the activation shape from the input to the classifier.
 * Only weight layers (conv, dwconv, linear, matmul) become rows; pooling,
 * residual adds and activations change or check the shape but cost nothing
 * here, as in the papers' workloads (docs/framework.md).
 *
 * One statement per line; '#' starts a comment that runs to the end of the
 * line; blank lines are ignored; words are separated by spaces or tabs.
 * Shapes are H x W x C (height, width, channels).  Options are KEY=VALUE
 * words in any order after the positional arguments.
 *
 *   input H W C               the image: must come first, exactly once
 *   conv NAME OUT [k=K] [s=S] [p=P] [g=G]
 *                             K x K convolution to OUT channels, stride S,
 *                             zero padding P on every side, G groups
 *                             (defaults k=1 s=1 p=0 g=1; g > 1 gives op
 *                             dwconv with C and M per group)
 *   dwconv NAME [k=K] [s=S] [p=P]
 *                             depthwise K x K convolution: channels kept,
 *                             one group per channel (C = M = 1, G = channels)
 *   fc NAME OUT               fully connected layer (op linear); the current
 *                             H x W x C activation is flattened first
 *   pool [k=K] [s=S] [p=P]    max or average pooling (s defaults to k, p to 0)
 *   apool H W                 adaptive average pooling to H x W
 *   gap                       global average pooling, the same as apool 1 1
 *   se NAME SQUEEZE           squeeze-excite: two 1x1 convs on the pooled
 *                             channels, NAME.fc1 (C -> SQUEEZE) and NAME.fc2
 *                             (SQUEEZE -> C), P = Q = 1; the current
 *                             activation is unchanged (torchvision's
 *                             SqueezeExcitation)
 *   save NAME                 remember the current activation as NAME
 *                             (saving a NAME again replaces it)
 *   from NAME                 continue from a saved activation (a branch,
 *                             e.g. a ResNet shortcut)
 *   add NAME                  residual add: check that saved activation NAME
 *                             has the current shape; the shape is unchanged
 *   linear NAME OUT [tokens=T]
 *                             a linear layer on each of T tokens (op linear,
 *                             C = channels, M = OUT, P = T, Q = 1; T defaults
 *                             to H*W, tokens=T takes the first T); the
 *                             activation becomes T x 1 x OUT
 *   matmul NAME C M [rows=P] [g=G]
 *                             a product of two activations (op matmul,
 *                             dynamic): P x C times C x M in each of G groups;
 *                             P defaults to H*W; the activation is unchanged
 *   concat NAME...            channel concatenation of saved activations to
 *                             the current one (same H x W)
 *   tokens T [D]              the activation becomes T x 1 x D (D defaults
 *                             to the current channels)
 *   reshape H W C             the activation becomes H x W x C, same size
 *
 * Output sizes follow PyTorch's floor rule: P = (H + 2P - K) / S + 1.  Every
 * layer gets the statistics of net_stats_default(), since a hand-written
 * description has no histograms.  Every malformed line is reported as
 * "file:line: what is wrong" through imc_fail() and the parse stops; text
 * quoted from the file is escaped (net_escape), a whole-file problem is
 * reported at line 1, and no activation may hold more than NET_MAX_DIM
 * values (so every product of sizes is exact).  Layer and saved names are
 * kept in hash indexes: a file of N statements parses in O(N).
 *
 * Ownership: the functions return a new net that the caller releases with
 * net_free(); the parser keeps no state between calls.
 */
#ifndef IMC_NETFMT_H
#define IMC_NETFMT_H

#include <stdio.h>

#include "net.h"

/* Largest integer the format accepts for any size or count: keeps products
 * such as H*W*C (an fc layer's inputs) far inside a long. */
#define NETFMT_MAX_INT 1000000L

/* Parse the description file at path ("-" reads stdin, reported as
 * "<stdin>").  On success stores a new net named after the file's base name
 * without extension in *out and returns IMC_OK; otherwise reports the first
 * problem as "file:line: message", sets *out to NULL and returns
 * IMC_EINPUT. */
int netfmt_read(const char *path, net **out);

/* Parse a description from an open stream: label is used in messages and
 * name becomes the net's name.  Contract as netfmt_read(); the caller keeps
 * ownership of fp. */
int netfmt_read_stream(FILE *fp, const char *label, const char *name,
                       net **out);

#endif
