/* fuzz.h: what the libFuzzer harnesses share (one harness per parser in
 * fuzz/<parser>.c; `make fuzz-build`, `make fuzz FUZZ_SECONDS=600`).
 *
 * Most parsers read a path, so fuzz_file() writes the input to one
 * temporary file per process (under $TMPDIR, removed at exit) and returns
 * its path; fuzz_quiet() installs an error handler that drops messages (a
 * rejected input is the normal case, not a finding).  A finding is a crash,
 * a sanitizer report (address, undefined behaviour) or a hang.
 */
#ifndef IMC_FUZZ_H
#define IMC_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Write data to this process's temporary file named with suffix (e.g.
 * ".csv") and return its path (static storage); aborts when it cannot. */
const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix);

/* Install the silent error handler (call once, from each harness). */
void fuzz_quiet(void);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
