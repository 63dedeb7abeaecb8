/* Harness: ONNX models (onnx_read_buffer), batch rule on and off. */
#include "fuzz.h"
#include "onnx.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    net *n = NULL;
    onnx_read_buffer(data, size, "fuzz.onnx", "fuzz", (int)(size & 1), &n);
    net_free(n);
    return 0;
}
