/* formats.c: format detection and dispatch for parse-net (formats.h). */
#include "formats.h"
#include "cimloop.h"
#include "err.h"
#include "netfmt.h"
#include "neurosim.h"
#include "onnx.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char *const names[] = {"auto", "net", "cimloop", "onnx",
                                    "neurosim"};

int
format_known_p(const char *name)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return 0;
}

/* Predicate: path ends in ext. */
static int
ends_p(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcmp(path + n - e, ext) == 0;
}

/* The format of path from what it is: a directory, its extension, or its
 * first line.  stdin is taken as the own format (it cannot be re-read). */
static const char *
detect(const char *path)
{
    struct stat sb;
    if (strcmp(path, "-") == 0)
        return "net";
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return "cimloop";
    if (ends_p(path, ".onnx"))
        return "onnx";
    if (ends_p(path, ".yaml") || ends_p(path, ".yml"))
        return "cimloop";
    char line[256] = "";
    FILE *fp = fopen(path, "r");
    if (fp) {
        if (!fgets(line, sizeof line, fp))
            line[0] = '\0';
        fclose(fp);
    }
    return neurosim_row_p(line) ? "neurosim" : "net";
}

int
format_read(const char *path, const char *name, int any_batch, net **out)
{
    struct stat sb;
    if (strcmp(name, "auto") == 0)
        name = detect(path);
    if (strcmp(name, "onnx") == 0)
        return onnx_read(path, any_batch, out);
    if (strcmp(name, "neurosim") == 0)
        return neurosim_read(path, out);
    if (strcmp(name, "cimloop") == 0)
        return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)
                   ? cimloop_read_dir(path, out)
                   : cimloop_read_file(path, out);
    return netfmt_read(path, out);
}
