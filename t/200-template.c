/* 200-template: the template language of fill-template, construct by
 * construct, and every error it reports, on the fixtures of
 * t/data/fill-template/ (s.csv: a summary-like table; one.csv: one row of
 * awkward numbers; k.csv: names to look up; nl.csv: a field with a line
 * break).  Expected texts are written out by hand from the fixtures. */
#include "err.h"
#include "report-fixtures.h"
#include "tap.h"
#include "template.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *
data(const char *name)
{
    return fixture("fill-template", name);
}

static template_data *D;

/* Parse and render tpl (named "T"); the output goes to out[n]. */
static int
fill(const char *tpl, char *out, size_t n)
{
    template *t = NULL;
    char *text = NULL;
    size_t len = 0;
    captured[0] = out[0] = '\0';
    int st = template_parse_string("T", tpl, strlen(tpl), &t);
    if (st == IMC_OK) {
        FILE *mem = open_memstream(&text, &len);
        if (!mem)
            bail("open_memstream failed");
        st = template_render(t, D, mem);
        fclose(mem);
        snprintf(out, n, "%s", text ? text : "");
        free(text);
    }
    template_free(t);
    return st;
}

static void
is_filled(const char *tpl, const char *want, const char *desc)
{
    char out[4096];
    int st = fill(tpl, out, sizeof out);
    is_int(IMC_OK, st, "%s: status", desc);
    if (st != IMC_OK)
        diag("error: %s", captured);
    is_string(want, out, "%s: text", desc);
}

/* Expect tpl to fail with exactly the message want. */
static void
is_error(const char *tpl, const char *want, const char *desc)
{
    char out[4096];
    is_int(IMC_EINPUT, fill(tpl, out, sizeof out), "%s: rejected", desc);
    is_string(want, captured, "%s: message", desc);
}

/* The same with the message built from a format (paths of fixtures). */
static void
is_error_f(const char *tpl, const char *desc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
is_error_f(const char *tpl, const char *desc, const char *fmt, ...)
{
    char want[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(want, sizeof want, fmt, ap);
    va_end(ap);
    is_error(tpl, want, desc);
}

/* ------------------------------------------------------------ constructs */

static void
test_values(void)
{
    is_filled("n={{s.rows[metric=area,tech_nm=7]}}\n", "n=552\n",
              "field by two terms, %s default");
    is_filled("{{s.note[metric=energy,workload=all]}}", "pooled, all",
              "quoted field with a comma, as written");
    is_filled("{{s.rows[metric=area,tech_nm=all]|%d}} "
              "{{s.rows[metric=area,tech_nm=all]|%'d}}",
              "1234567 1,234,567", "%d and %'d");
    is_filled("{{one.neg|%'d}} {{one.count|%'d}} {{s.rows[tech_nm=45]|%'d}}",
              "-9,876,543 1,234,567 136", "%'d: sign, groups, short");
}

static void
test_formats(void)
{
    is_filled("{{one.frac|%.2f}} {{one.frac|%.0f}} {{one.frac|%.3g}} "
              "{{one.frac|%.2e}} {{one.frac|%.1%}} {{one.frac|%.17f}}",
              "0.12 0 0.123 1.23e-01 12.3 % 0.12345600000000000",
              "%.Nf %.Ng %.Ne %.N% with N from 0 to 17");
    is_filled("{{one.tiny|%.3g}} {{one.negtiny|%.2f}} {{s.median[metric="
              "latency]|%.2%}}",
              "1e-07 -0.00 0.00 %", "small and signed values");
    is_filled("[{{one.empty|%.2f|n/a}}] [{{one.empty|%s|}}] "
              "[{{one.empty|%d|a|b}}]", "[n/a] [] [a|b]",
              "MISSING text for an empty field, which may hold '|'");
    is_filled("[{{one.word|%s|unused}}]", "[word]",
              "MISSING unused for a non-empty field");
}

static void
test_counts_texts_paths(void)
{
    char want[1024];
    is_filled("{{#s[metric=energy]}} {{#s}} {{#s[metric=none]}} "
              "{{#s[metric!=energy]|%.1f}} {{#s[metric=area,tech_nm!=all]}}",
              "3 7 0 4.0 2", "counts with and without selectors");
    is_filled("Hello, {{=name}}! {{=empty}}.", "Hello, World! .",
              "text aliases");
    snprintf(want, sizeof want, "from %s", data("s.csv"));
    is_filled("from {{@s}}", want, "the file name of an alias");
    is_filled("a{{! a comment }}b\n{{! a comment line }}\nc\n", "ab\nc\n",
              "comments, inline and alone on a line");
    is_filled("{{#filtered}} {{filtered.rows}}", "1 805",
              "a file loaded with a row filter");
}

static void
test_tables(void)
{
    is_filled("before\n"
              "{{#table s[metric=energy] workload:workload, rows:rows:%'d, "
              "median:median:%.2%, note:note:%s|-}}\n"
              "after\n",
              "before\n"
              "| workload | rows | median | note |\n"
              "|---|---|---|---|\n"
              "| all | 3,220 | 0.43 % | pooled, all |\n"
              "| alexnet | 805 | 0.33 % | - |\n"
              "| vgg16 | 805 | 0.27 % | has \\| bar |\n"
              "after\n",
              "a table: headers, formats, MISSING, '|' escaped");
    is_filled("{{#table s[metric=energy,workload!=all] workload:w, "
              "k.value[name=$workload]:name, "
              "s.rho[metric=energy,workload=$workload]:rho:%.3f}}\n",
              "| w | name | rho |\n"
              "|---|---|---|\n"
              "| alexnet | AlexNet (2012) | 0.997 |\n"
              "| vgg16 | VGG-16 | 0.997 |\n",
              "lookup cells: another file and the table's own file");
    is_filled("  {{#table one word:w}}  \n", "| w |\n|---|\n| word |\n",
              "a table tag with blanks around it, no selector");
}

static void
test_conditions(void)
{
    is_filled("{{#if s.rows[tech_nm=7] > 500}}big{{#else}}small{{/if}}",
              "big", "numeric >, inline");
    is_filled("{{#if s.rows[tech_nm=7] < 60}}big{{#else}}small{{/if}}",
              "small", "numeric comparison, not text (552 < 60 as text)");
    is_filled("{{#if s.median[metric=latency]==0}}zero{{/if}}"
              "{{#if s.median[metric=latency] != 0.0}}non-zero{{/if}}"
              "{{#if s.rows[tech_nm=45] <= 136}} le{{/if}}"
              "{{#if s.rows[tech_nm=45] >= 137}} ge{{/if}}"
              "{{#if s.rows[tech_nm=45] >= 136}} ge2{{/if}}",
              "zero le ge2", "== != <= >= with numbers (0 == 0.0)");
    is_filled("{{#if s.metric[tech_nm=7] == area}}A{{/if}}"
              "{{#if s.metric[tech_nm=7] != area}}B{{#else}}C{{/if}}"
              "{{#if =name == World}}D{{/if}}"
              "{{#if one.empty == }}E{{/if}}",
              "ACDE", "text equality, texts and empty fields");
    is_filled("x\n"
              "{{#if #s[metric=energy] == 3}}\n"
              "three\n"
              "  {{#if =name != World}}\n"
              "not reached\n"
              "  {{#else}}\n"
              "nested\n"
              "  {{/if}}\n"
              "{{#else}}\n"
              "{{#table s[metric=none] rows:r}}\n"
              "{{/if}}\n"
              "y\n",
              "x\nthree\nnested\ny\n",
              "nested blocks alone on lines leave no lines; the branch not "
              "taken is not evaluated");
}

/* ---------------------------------------------------------------- errors */

static void
test_syntax_errors(void)
{
    is_error("a\nb {{s.rows\n", "T:2: unterminated tag: '{{' without '}}' "
             "on the same line", "unterminated tag");
    is_error("{{#each s}}", "T:1: unknown tag '{{#each s}}'", "unknown tag");
    is_error("{{}}", "T:1: empty tag '{{}}'", "empty tag");
    is_error("{{s.rows|%x}}", "T:1: bad format '%x' (expected %s, %d, %'d, "
             "%.Nf, %.Ng, %.Ne or %.N% with N from 0 to 17)", "bad format");
    is_error("{{s.rows|%.18f}}", "T:1: bad format '%.18f' (expected %s, %d, "
             "%'d, %.Nf, %.Ng, %.Ne or %.N% with N from 0 to 17)",
             "precision above 17");
    is_error("{{#table s rows:r:%5d}}\n", "T:1: bad format '%5d' (expected "
             "%s, %d, %'d, %.Nf, %.Ng, %.Ne or %.N% with N from 0 to 17)",
             "bad format in a table cell");
    is_error("{{#else}}", "T:1: {{#else}} without {{#if}}", "stray #else");
    is_error("{{/if}}", "T:1: {{/if}} without {{#if}}", "stray /if");
    is_error("{{#if =name == x}}\n{{#else}}\n{{#else}}\n{{/if}}\n",
             "T:3: second {{#else}} for the {{#if}} of line 1",
             "second #else");
    is_error("\n{{#if =name == x}}\n{{#if =name == y}}\n{{/if}}\n",
             "T:2: {{#if}} without {{/if}}", "unclosed #if");
    is_error("{{#if =name == x}}{{#else x}}{{/if}}",
             "T:1: '{{#else x}}': #else takes nothing", "#else with text");
    is_error("{{#if =name == x}}{{/if x}}",
             "T:1: '{{/if x}}': /if takes nothing", "/if with text");
    is_error("x {{#table s rows:r}}\n",
             "T:1: {{#table ...}} must be alone on its line",
             "table after text");
    is_error("{{#table s rows:r}} {{=name}}\n",
             "T:1: {{#table ...}} must be alone on its line",
             "table with another tag");
    is_error("{{#table s}}\n", "T:1: #table s: expected columns "
             "COLUMN:Header[:FORMAT] after the file", "table without cells");
    is_error("{{#table}}\n", "T:1: #table: expected ALIAS[SEL] and its "
             "columns", "table without a file");
    is_error("{{#table s rows}}\n", "T:1: table cell 'rows': expected "
             "COLUMN:Header[:FORMAT]", "cell without a header");
    is_error("{{#table s rows:r, }}\n", "T:1: #table s: empty column 2",
             "empty cell");
    is_error("{{#table s rows:}}\n", "T:1: table cell 'rows:': the header "
             "must be non-empty and hold no '|'", "empty header");
    is_error("{{#table s :r}}\n", "T:1: table cell ':r' names no column",
             "cell without a column");
    is_error("{{s.rows[metric]}}", "T:1: selector '[metric]': 'metric' is "
             "not COL=VALUE or COL!=VALUE", "selector term without '='");
    is_error("{{s.rows[=x]}}", "T:1: selector '[=x]': '=x' names no column",
             "selector term without a column");
    is_error("{{s.rows[]}}", "T:1: selector '[]': empty selector",
             "empty selector");
    is_error("{{s.rows[a=1,,b=2]}}", "T:1: selector '[a=1,,b=2]': empty "
             "term in 'a=1,,b=2'", "empty selector term");
    is_error("{{s.rows[a=$b]}}", "T:1: selector '[a=$b]': 'a=$b': a value "
             "starting with '$' refers to a table row, which is only "
             "possible in a #table cell", "$ reference outside a table");
    is_error("{{#table s k.value[name=$]:v}}\n", "T:1: selector "
             "'[name=$]': 'name=$': '$' names no column", "bare $");
    is_error("{{s.rows[a=1}}", "T:1: 's.rows[a=1': '[' without ']'",
             "unclosed selector");
    is_error("{{1x.y}}", "T:1: '1x.y': expected an alias (a letter or '_', "
             "then letters, digits or '_')", "bad alias");
    is_error("{{table.x}}", "T:1: 'table' is a tag word, not an alias",
             "tag word as alias");
    is_error("{{s}}", "T:1: 's': expected ALIAS.COLUMN", "no column");
    is_error("{{s.}}", "T:1: 's.': no column after 's.'", "empty column");
    is_error("{{s.rows[a=1]x}}", "T:1: 's.rows[a=1]x': unexpected 'x'",
             "junk after a reference");
    is_error("{{=name|%d}}", "T:1: '=name|%d': a text is inserted as is and "
             "takes no format", "text with a format");
    is_error("{{#s|%d|none}}", "T:1: '#s|%d|none': a count is never empty "
             "and takes no MISSING text", "count with MISSING");
    is_error("{{@1}}", "T:1: '@1': expected @ALIAS", "bad path alias");
    is_error("{{#if}}x{{/if}}", "T:1: #if: expected TERM OP VALUE",
             "#if without a condition");
    is_error("{{#if s.rows[tech_nm=7] ~ 3}}x{{/if}}", "T:1: #if: expected an "
             "operator (== != < <= > >=) at '~ 3'", "bad operator");
    is_error("{{#if s.rows[tech_nm=7] = 3}}x{{/if}}", "T:1: #if: expected an "
             "operator (== != < <= > >=) at '= 3'", "single '='");
    char nul[] = "a\0b";
    template *t = NULL;
    is_int(IMC_EINPUT, template_parse_string("T", nul, 3, &t), "NUL byte");
    is_string("T: NUL byte in the template", captured, "NUL byte: message");
}

static void
test_binding_errors(void)
{
    is_error("{{x.rows}}", "T:1: unknown CSV alias 'x'", "unknown CSV alias");
    is_error("{{#x}}", "T:1: unknown CSV alias 'x'", "unknown count alias");
    is_error("{{@x}}", "T:1: unknown CSV alias 'x'", "unknown path alias");
    is_error("{{=nobody}}", "T:1: unknown text alias 'nobody'",
             "unknown text alias");
    is_error_f("{{s.nope}}", "unknown column",
               "T:1: 's' (%s) has no column 'nope'", data("s.csv"));
    is_error_f("{{s.rows[nope=1]}}", "unknown selector column",
               "T:1: selector [nope=1]: 's' (%s) has no column 'nope'",
               data("s.csv"));
    is_error_f("{{#table s rows:r, nope:n}}\n", "unknown table column",
               "T:1: #table s: 's' (%s) has no column 'nope'",
               data("s.csv"));
    is_error_f("{{#table s rows:r, k.value[name=$nope]:n}}\n",
               "unknown referenced column",
               "T:1: selector [name=$nope]: the table's file (%s) has no "
               "column 'nope'", data("s.csv"));
    is_error_f("ok\n{{#if =name == x}}\n{{s.typo}}\n{{/if}}\n",
               "unknown column in a branch not taken",
               "T:3: 's' (%s) has no column 'typo'", data("s.csv"));
}

static void
test_value_errors(void)
{
    const char *s = data("s.csv"), *one = data("one.csv");
    is_error_f("{{s.rows[metric=none]}}", "no matching row",
               "T:1: no row of 's' (%s) matches [metric=none]", s);
    is_error_f("\n{{s.rows[metric=energy]}}", "several matching rows",
               "T:2: 3 rows of 's' match [metric=energy] (%s:3 and %s:4): "
               "a value needs exactly one", s, s);
    is_error_f("{{s.rows}}", "no selector, several rows",
               "T:1: 's' (%s) has 7 rows: a value without a selector needs "
               "exactly one", s);
    is_error_f("{{empty.name}}", "no selector, no rows",
               "T:1: 'empty' (%s) has no rows", data("k.csv"));
    is_error_f("{{#table s[metric=none] rows:r}}\n", "table without rows",
               "T:1: #table s: no row of 's' (%s) matches [metric=none]: a "
               "table needs at least one", s);
    is_error_f("{{#table empty name:n}}\n", "table of an empty file",
               "T:1: #table empty: 'empty' (%s) has no rows: a table needs "
               "at least one", data("k.csv"));
    is_error_f("{{#table s[metric=energy] k.value[name=$metric]:v}}\n",
               "lookup without a match",
               "T:1: no row of 'k' (%s) matches [name=$metric] ($metric = "
               "'energy')", data("k.csv"));
    is_error_f("{{#table s[metric=energy] k.value[name=$workload]:v}}\n",
               "lookup of an empty field",
               "%s:4: column 'value': got '', an empty field (give a text "
               "for it: |FORMAT|TEXT) (format '%%s' at T:1)", data("k.csv"));
    is_error_f("{{s.metric[tech_nm=7]|%.2f}}", "text under a numeric format",
               "%s:7: column 'metric': got 'area', expected a number (format "
               "'%%.2f' at T:1)", s);
    is_error_f("\n\n{{one.half|%d}}", "non-integral under %d",
               "%s:2: column 'half': got '2.5', expected an integer (format "
               "'%%d' at T:3)", one);
    is_error_f("{{one.big|%'d}}", "integer beyond 2^53",
               "%s:2: column 'big': got '9007199254740994', expected an "
               "integer (format '%%'d' at T:1)", one);
    is_error_f("{{one.empty|%.2f}}", "empty field without MISSING",
               "%s:2: column 'empty': got '', an empty field (give a text "
               "for it: |FORMAT|TEXT) (format '%%.2f' at T:1)", one);
    is_error_f("{{s.note[metric=latency]}}", "inf under %s",
               "%s:9: column 'note': got 'inf', which is not a finite number "
               "(format '%%s' at T:1)", s);
    is_error_f("{{one.nan|%.2f}}", "NaN under a numeric format",
               "%s:2: column 'nan': got 'NaN', which is not a finite number "
               "(format '%%.2f' at T:1)", one);
    is_error_f("{{one.huge|%.0%}}", "percentage overflow",
               "%s:2: column 'huge': got '1.7e307', too large for a "
               "percentage (format '%%.0%%' at T:1)", one);
    is_error_f("{{#table nl b:b}}\n", "line break in a table cell",
               "%s:2: column 'b': got 'two\\x0alines', a line break, which a "
               "table cell cannot hold (format '%%s' at T:1)", data("nl.csv"));
    is_error("{{=inf}}", "T:1: got 'Infinity', which is not a finite number "
             "(format '%s')", "a non-finite text");
    is_error("{{#if s.metric[tech_nm=7] < 3}}x{{/if}}", "T:1: #if: an order "
             "comparison needs two numbers, got 'area' and '3'",
             "order comparison of a text");
    is_error_f("{{#if s.rows[metric=none] == 1}}x{{/if}}",
               "condition without a row",
               "T:1: no row of 's' (%s) matches [metric=none]", s);
}

static void
test_data_errors(void)
{
    template_data *d = template_data_alloc();
    csvtab_sel sel;
    char why[256];
    is_int(IMC_EINPUT, template_data_add_csv(d, "if", data("s.csv"), NULL),
           "a tag word as CSV alias");
    is_string("bad alias 'if' (a letter or '_', then letters, digits or '_'; "
              "not table, if or else)", captured, "tag word: message");
    is_int(IMC_OK, template_data_add_csv(d, "a", data("s.csv"), NULL),
           "first alias");
    is_int(IMC_EINPUT, template_data_add_csv(d, "a", data("k.csv"), NULL),
           "a CSV alias twice");
    is_string("CSV alias 'a' given twice", captured, "twice: message");
    is_int(IMC_EINPUT, template_data_add_csv(d, "b", data("absent.csv"),
                                             NULL), "a missing file");
    char want[1024];
    snprintf(want, sizeof want, "%s:1: cannot open: No such file or directory",
             data("absent.csv"));
    is_string(want, captured, "missing file: message");
    is_int(IMC_OK, csvtab_sel_parse("nope=1", 6, ',', 0, &sel, why,
                                    sizeof why), "filter parsed");
    is_int(IMC_EINPUT, template_data_add_csv(d, "c", data("s.csv"), &sel),
           "a filter on a missing column");
    snprintf(want, sizeof want, "%s:1: missing column 'nope' (named in the "
             "row selector)", data("s.csv"));
    is_string(want, captured, "filter column: message");
    csvtab_sel_free(&sel);
    is_int(IMC_OK, template_data_add_text(d, "x", "1"), "first text");
    is_int(IMC_EINPUT, template_data_add_text(d, "x", "2"), "a text twice");
    is_string("text alias 'x' given twice", captured, "text twice: message");
    is_int(IMC_EINPUT, template_data_add_text(d, "9", "2"), "bad text alias");
    ok(template_alias_valid_p("_a9") && !template_alias_valid_p("") &&
       !template_alias_valid_p("a-b") && !template_alias_valid_p("else"),
       "alias names: letters, digits, '_'; not empty or a tag word");
    template_data_free(d);
    template_data_free(NULL);
    template_free(NULL);
}

/* max:/min: and argmax:/argmin: over the selected rows. */
static void
test_extremes(void)
{
    is_filled("{{max:s.median[metric=energy]|%.4f}}", "0.0043",
              "max: of energy medians (all 0.004287)");
    is_filled("{{argmin:s.median[metric=energy].workload}}", "vgg16",
              "argmin: names the row's workload (0.0027)");
    is_filled("{{min:s.rho[metric=area]|%.3f}} at "
              "{{argmin:s.rho[metric=area].tech_nm}}", "0.977 at 7",
              "min: and its argmin: over three area rows");
    is_filled("{{max:s.median[metric=none]|%.1f|none}}", "none",
              "no row: the MISSING text");
    is_filled("{{#if max:s.rows[metric=area] > 1000000}}big{{#else}}"
              "small{{/if}}", "big", "an extreme in a condition");
    is_filled("{{argmax:s.rows.metric}}", "area",
              "no selector: over every row (1234567)");
    is_filled("{{#if max:s.rho[metric=area] > min:s.rho[metric=energy]}}"
              "yes{{#else}}no{{/if}}", "yes",
              "two extremes compared (0.9993 > 0.9964)");
    is_filled("{{#if #s[metric=area] == #s[metric=energy]}}same{{#else}}"
              "differ{{/if}}", "same", "two counts compared (3 and 3)");
    is_error("{{argmax:s.rows[metric=area]}}",
             "T:1: 'argmax:s.rows[metric=area]': expected "
             "argmax:ALIAS.COL[SEL].KEY", "argmax without the key column");
    is_error("{{argmax:s.rows.nosuch}}",
             "T:1: 's' (" "t/data/fill-template/s.csv) has no column 'nosuch'",
             "unknown key column");
    is_error("{{max:s.note[metric=area]}}",
             "t/data/fill-template/s.csv:6: column 'note': got 'x', expected "
             "a number (max at T:1)", "max: of a text column");
}

int
main(void)
{
    plan_lazy();
    imc_err_set_handler(capture);
    D = template_data_alloc();
    csvtab_sel filter;
    char why[256];
    if (csvtab_sel_parse("metric=energy,workload=vgg16", 28, ',', 0, &filter,
                         why, sizeof why) != IMC_OK)
        bail("filter: %s", why);
    if (template_data_add_csv(D, "s", data("s.csv"), NULL) ||
        template_data_add_csv(D, "one", data("one.csv"), NULL) ||
        template_data_add_csv(D, "k", data("k.csv"), NULL) ||
        template_data_add_csv(D, "nl", data("nl.csv"), NULL) ||
        template_data_add_csv(D, "filtered", data("s.csv"), &filter) ||
        template_data_add_text(D, "name", "World") ||
        template_data_add_text(D, "empty", "") ||
        template_data_add_text(D, "inf", "Infinity"))
        bail("fixtures: %s", captured);
    csvtab_sel_free(&filter);
    /* an alias whose file has a header and no rows */
    if (csvtab_sel_parse("name=none", 9, ',', 0, &filter, why, sizeof why) ||
        template_data_add_csv(D, "empty", data("k.csv"), &filter))
        bail("empty fixture: %s", captured);
    csvtab_sel_free(&filter);

    test_values();
    test_formats();
    test_counts_texts_paths();
    test_tables();
    test_conditions();
    test_extremes();
    test_syntax_errors();
    test_binding_errors();
    test_value_errors();
    test_data_errors();
    template_data_free(D);
    return 0;
}
