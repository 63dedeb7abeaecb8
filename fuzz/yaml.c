/* Harness: one CiMLoop / Timeloop problem file (cimloop_read_file). */
#include "cimloop.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    net *n = NULL;
    cimloop_read_file(fuzz_file(data, size, ".yaml"), &n);
    net_free(n);
    return 0;
}
