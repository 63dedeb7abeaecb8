/* fill-template: a Markdown template filled with values from CSV files. */
#include "cli.h"
#include "csvio.h"
#include "err.h"
#include "template.h"

#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "fill-template: fill a Markdown template with values from CSV files.\n"
    "\n"
    "Reads TEMPLATE (Markdown with {{...}} tags), the CSV files named with\n"
    "--csv (each under an alias, optionally only the rows matching\n"
    ":COL=VAL terms) and the texts given with --text, checks that every\n"
    "alias and column the template names exists, and writes the template\n"
    "with each tag replaced: {{ALIAS.COL[COL=VAL,...]|FMT|MISSING}} a field\n"
    "of the one matching row, {{#ALIAS[...]}} a row count, {{#table ...}} a\n"
    "Markdown table, {{#if ...}}...{{#else}}...{{/if}} a condition,\n"
    "{{=NAME}} a text, {{@ALIAS}} a file name, {{! ...}} a comment.  FMT is\n"
    "%s, %d, %'d, %.Nf, %.Ng, %.Ne or %.N% (percent).  docs/reporting.md\n"
    "specifies the language.  The same inputs give byte-identical output.\n"
    "\n"
    "Examples:\n"
    "  $ fill-template t/data/fill-template/targets.md.in \\\n"
    "      --csv targets=experiments/validation-targets.csv \\\n"
    "      --text memory=RRAM -o targets.md\n"
    "  $ fill-template t/data/fill-template/targets.md.in \\\n"
    "      --csv targets=experiments/validation-targets.csv:unit!=% \\\n"
    "      --text memory=RRAM\n"
    "\n"
    "Usage: fill-template TEMPLATE [--csv ALIAS=FILE[:COL=VAL...]]...\n"
    "                     [--text NAME=STRING]... [-o OUT.md]\n"
    "\n"
    "Options:\n"
    "      --csv ALIAS=FILE[:COL=VAL...]  a CSV file under ALIAS (a letter\n"
    "                     or '_', then letters, digits or '_'); with\n"
    "                     :COL=VAL or :COL!=VAL terms only its rows that\n"
    "                     match them all; repeatable\n"
    "      --text NAME=STRING  a text for {{=NAME}}; repeatable\n"
    "\n" CLI_COMMON_HELP;

enum { OPT_CSV = 256, OPT_TEXT };

/* Split "NAME=REST" at its first '='; a usage error without one or with a
 * bad name. */
static int
split_alias(const char *opt, char *arg, char **rest)
{
    char *eq = strchr(arg, '=');
    if (!eq)
        return cli_usage_error("option '%s': got '%s', expected NAME=VALUE",
                               opt, arg);
    *eq = '\0';
    *rest = eq + 1;
    if (!template_alias_valid_p(arg))
        return cli_usage_error("option '%s': bad name '%s' (a letter or "
                               "'_', then letters, digits or '_'; not "
                               "table, if or else)", opt, arg);
    return IMC_OK;
}

/* Load one --csv argument into d. */
static int
add_csv(template_data *d, char *arg)
{
    char *spec, *path, why[256];
    csvtab_sel sel;
    if (split_alias("--csv", arg, &spec) != IMC_OK)
        return IMC_EINPUT;
    if (csvtab_spec_parse(spec, &path, &sel, why, sizeof why) != IMC_OK) {
        csvtab_sel_free(&sel);
        return cli_usage_error("option '--csv': %s", why);
    }
    int st = template_data_add_csv(d, arg, path, sel.n ? &sel : NULL);
    free(path);
    csvtab_sel_free(&sel);
    return st;
}

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"csv", required_argument, 0, OPT_CSV},
        {"text", required_argument, 0, OPT_TEXT},
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    int opt, st = IMC_OK;
    char *rest;

    cli_init(argv[0]);
    template_data *d = template_data_alloc();
    if (!d)
        return imc_fail(NULL, 0, "out of memory");
    while (st == IMC_OK && (opt = getopt_long(argc, argv,
                                              CLI_COMMON_SHORTOPTS, longopts,
                                              NULL)) != -1) {
        if (cli_common_option_p(opt, optarg, USAGE, &common))
            continue;
        switch (opt) {
        case OPT_CSV: st = add_csv(d, optarg); break;
        case OPT_TEXT:
            st = split_alias("--text", optarg, &rest);
            if (st == IMC_OK)
                st = template_data_add_text(d, optarg, rest);
            break;
        default: st = cli_usage_error("unknown option");
        }
    }
    if (st == IMC_OK && optind >= argc)
        st = cli_usage_error("missing TEMPLATE");
    if (st == IMC_OK && optind + 1 < argc)
        st = cli_usage_error("unexpected argument '%s' (one TEMPLATE only)",
                             argv[optind + 1]);

    /* rendered in memory first: a failure part-way leaves nothing behind,
     * not even on stdout */
    template *t = NULL;
    char *text = NULL;
    size_t len = 0;
    FILE *mem = NULL;
    if (st == IMC_OK)
        st = template_parse_file_with(argv[optind], d, &t);
    if (st == IMC_OK && !(mem = open_memstream(&text, &len)))
        st = imc_fail(NULL, 0, "out of memory");
    if (st == IMC_OK)
        st = template_render(t, d, mem);
    if (mem && fclose(mem) != 0 && st == IMC_OK)
        st = imc_fail(NULL, 0, "out of memory");
    csvio_out out;
    if (st == IMC_OK && (st = csvio_out_open(&out, common.output)) == IMC_OK) {
        fwrite(text, 1, len, out.fp);
        st = csvio_out_commit(&out);
    }
    free(text);
    template_free(t);
    template_data_free(d);
    return st;
}
