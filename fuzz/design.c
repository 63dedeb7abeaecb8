/* Harness: design CSV files (design_read_all, src/design.c). */
#include "design.h"
#include "fuzz.h"

#include <stdlib.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    design *d = NULL;
    size_t n = 0;
    if (design_read_all(fuzz_file(data, size, ".csv"), &d, &n) == 0)
        free(d);
    return 0;
}
