/* Harness: design-space CSV files (space_read, src/space.c). */
#include "fuzz.h"
#include "space.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    space s;
    space_read(fuzz_file(data, size, ".csv"), &s);
    return 0;
}
