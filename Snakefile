# imc-codesign workflow: the whole study of both papers, from network
# descriptions to one report section per experiment.
#
#   make reproduce                                  # the study, into paper/
#   snakemake -c2 --scheduler greedy --configfile experiments/smoke.yaml
#                                                   # seconds-long check
#
# A study file (experiments/study.yaml) lists experiment files
# (experiments/<name>.yaml); each has a kind, whose rules are in
# rules/<kind>.smk, and runs on named workload sets (experiments/sets.yaml).
#
# results/
#   parse_net/<source>/<workload>.csv           layer tables
#   ga_search/<exp>/<run>/{best,history}.csv    searches (all seeds per job)
#   sweep_space/<exp>/<run>/                    exact optima (and per workload)
#   seq_search/<exp>/<run>/                     sequential searches
#   compare_specific/, summarise/, budget_study/, convergence/, reductions/,
#   aggregation/, sequential/, area/, chosen/   the statistics (C tools)
#   breakdown/<exp>/<mode>.csv                  chosen designs by component
#   layers/<exp>/<mode>/joint.csv               the joint design per layer
#   map_workload/<exp>/<mode>/joint.csv         its mapping summary
#   pareto/<exp>/<mode>/{front,chosen}.csv      exact front, chosen designs
#   calibrate/<memory>/, validation/<memory>/   the cost model against CiMLoop
#   report/<study>/experiments.csv              the index's data
#   logs/<rule>/...                             stderr of every job
#   benchmarks/<rule>/...                       time and memory of costly jobs
# <paper_dir>/ (paper/ for the study named `study`)
#   results.md                                  the index
#   <exp>.md, validation.md                     one section per experiment
#   figures/<exp>-<figure>[-<mode>].{png,svg}   tools/plots/<kind>-<figure>.gp
#
# Rerun one stage and what it feeds, e.g. the P1 comparison's joint search
# under the reference latency model and the report section it feeds (`--`
# ends the option lists, which would otherwise swallow the target; -n
# first shows what would run):
#   snakemake -c2 --scheduler greedy --configfile experiments/study.yaml \
#       --forcerun results/ga_search/p1-core/reference/joint/best.csv \
#       -- paper/p1-core.md


include: "rules/common.smk"


# Calibration and validation: rules/calibrate.smk appends its final outputs
# to CALIBRATE_TARGETS when the reference data exists and calibration is
# enabled.
CALIBRATE_TARGETS = []


include: "rules/calibrate.smk"
include: "rules/search.smk"
include: "rules/comparison.smk"
include: "rules/breakdown.smk"
include: "rules/budget.smk"
include: "rules/aggregation.smk"
include: "rules/eavsga.smk"
include: "rules/sequential.smk"
include: "rules/edap.smk"
include: "rules/nodes.smk"
include: "rules/area.smk"
include: "rules/report.smk"
include: "rules/index.smk"


# The reports and every CSV they are made from: after `rm -rf results`
# the data is missing and the whole chain reruns, reports included.
rule all:
    input:
        os.path.join(PAPER, "results.md"),
        report_sections(),
        report_data(),
        CALIBRATE_TARGETS,
