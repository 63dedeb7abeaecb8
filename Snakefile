# imc-codesign workflow: P1's comparison of a joint IMC design with
# workload-specific and largest-workload designs, from network descriptions
# to paper/results.md.
#
#   snakemake -c4 --configfile experiments/paper.yaml   # the reproduction
#   snakemake -c2 --configfile experiments/smoke.yaml   # seconds-long check
#
# <name> is the experiment's `name`, <mode> a latency mode (reference,
# physical), <target> a workload or `joint`, <sel> `best` (best of all
# seeds) or `seed<N>` (that seed's replicate of the whole study).
#
# results/
#   parse_net/<source>/<workload>.csv          layer tables (source: net, cimloop)
#   ga_search/<name>/<mode>/<target>/seed<N>/  one search per target and seed:
#       best.csv history.csv evaluated.csv     best design, per-generation trace, all designs
#   pick_design/<name>/<mode>/<sel>/<target>.csv   the chosen design (one row)
#   cost_eval/<name>/<mode>/<sel>/<target>.csv     that design on every workload
#   compare_specific/<name>/<mode>/<sel>.csv       per workload: n, losses, gains
#   compare_specific/<name>/<mode>/<sel>-long.csv  per workload and design
#   summarise_seeds/<name>/<mode>.csv              best-of-seeds value, min/median/max over seeds
#   collect_history/<name>/<mode>.csv              all convergence traces (plot input)
#   logs/<rule>/...                                 stderr of every job
#   benchmarks/<rule>/...                           time and memory of costly jobs
# <paper_dir>/ (paper/ for the paper experiment)
#   results.md                                     generated report (tools/make-results-md.sh)
#   figures/fig-<figure>-<mode>.png                from tools/plots/fig-<figure>.gp
#
# Rerun one stage (here: the comparison under reference latency) and only
# what it feeds:
#   snakemake -c1 --forcerun compare_specific --configfile experiments/paper.yaml \
#       -- results/compare_specific/paper/reference/best.csv
# (`--` ends the option lists, which would otherwise swallow the target.)
# `--forcerun <rule>` without a target reruns all of the rule's jobs and
# everything downstream of them; `-n` first shows what would run.


include: "rules/common.smk"


# ---- calibration and validation (the lead's: rules/calibrate.smk) --------
# rules/calibrate.smk defines its rules and appends its final outputs to
# CALIBRATE_TARGETS, only when have_reference() is true (the reference data
# is optional).  Until it exists the workflow runs without it.
CALIBRATE_TARGETS = []
if os.path.exists(os.path.join(workflow.basedir, "rules/calibrate.smk")):

    include: "rules/calibrate.smk"


rule all:
    input:
        os.path.join(PAPER, "results.md"),
        CALIBRATE_TARGETS if config["calibration"]["enabled"] else [],


include: "rules/search.smk"
include: "rules/sweep.smk"
include: "rules/evaluate.smk"
include: "rules/report.smk"
