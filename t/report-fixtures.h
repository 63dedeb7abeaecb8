/* report-fixtures.h: what the reporting layer's C tests (t/180-t/186,
 * t/200-t/203) share, header-only since each test is one .c file: the text of the last
 * error reported (install capture() with imc_err_set_handler) and the
 * paths of fixtures under t/data/<dir>/. */
#ifndef IMC_T_REPORT_FIXTURES_H
#define IMC_T_REPORT_FIXTURES_H

#include <stdio.h>

#include "tap.h"

static char captured[1024];

static inline void
capture(const char *message)
{
    snprintf(captured, sizeof captured, "%s", message);
}

/* t/data/<dir>/<name>; eight results stay valid at a time. */
static inline const char *
fixture(const char *dir, const char *name)
{
    static char buf[8][512];
    static int k;
    k = (k + 1) % 8;
    snprintf(buf[k], sizeof buf[k], "%s/%s/%s", tap_data(), dir, name);
    return buf[k];
}

#endif
