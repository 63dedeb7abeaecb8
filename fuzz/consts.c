/* Harness: cost-model constants CSV files (consts_read, src/consts.c). */
#include "consts.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    consts c;
    consts_read(fuzz_file(data, size, ".csv"), &c);
    return 0;
}
