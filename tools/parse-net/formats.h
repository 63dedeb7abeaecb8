/* formats.h: which importer parse-net hands a PATH to.
 *
 * The input formats (docs/importers.md): the own .net format, CiMLoop /
 * Timeloop problem YAML (one file or a directory of them), ONNX models and
 * NeuroSim NetWork.csv files.  The format is named by --format or found
 * from the path: a directory, the extension (.onnx, .yaml or .yml), and
 * otherwise the first line (eight comma-separated integers: NeuroSim;
 * anything else: .net).  No state.
 */
#ifndef PARSE_NET_FORMATS_H
#define PARSE_NET_FORMATS_H

#include "net.h"

/* Names accepted by --format, for the help text and messages. */
#define FORMAT_NAMES "auto, net, cimloop, onnx or neurosim"

/* Predicate: 1 when name is one of FORMAT_NAMES. */
int format_known_p(const char *name);

/* Read path in format name ("auto" detects it) into a new net *out;
 * any_batch is passed to onnx_read.  IMC_OK, or the importer's status
 * after it reported the problem. */
int format_read(const char *path, const char *name, int any_batch,
                net **out);

#endif
