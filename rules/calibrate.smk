# rules/calibrate.smk: fitting the cost model to the reference's CiMLoop
# results and validating it on designs each fit did not see.
#
# results/
#   calibrate/<memory>/constants.csv        refitted constants (cf. the
#                                          committed experiments/constants/)
#   calibrate/<memory>/fit-info.csv         rows, free constants, rms log error
#   validation/<memory>/summary.csv         k-fold CV: median / p90 |rel. err|,
#                                          Spearman rho per metric, workload, node
#   validation/<memory>/predictions.csv     every row: CiMLoop vs model (held out)
#   validation/<memory>/top10.csv           model ranks of CiMLoop's 10 best designs
#   validation/<memory>/targets.csv         the accuracy targets checked
#                                          (bin/check-targets)
#   validation/<memory>/report.md           the memory's section of the report
#                                          (bin/fill-template)
# paper/validation.md (the sections in CALIB_MEMORIES order) and
# paper/figures/fig-validation-<memory>-<metric>.png
#
# Only requested when the reference data exists (have_reference()) and the
# configuration does not switch calibration off (calibration: enabled).

CALIB = config.get("calibration", {})
CALIB_MEMORIES = CALIB.get("memories", ["rram", "sram"])
CALIB_FOLDS = CALIB.get("folds", 5)
# The reference's networks: the four of P1 and the five P2 adds (SRAM).
CALIB_WORKLOADS = CALIB.get("workloads", [
    "alexnet", "vgg16", "resnet18", "mobilenet_v3", "resnet50",
    "densenet201", "mobilebert", "vision_transformer", "gpt2_medium"])
VALIDATION_METRICS = ["energy", "latency", "area"]


wildcard_constraints:
    memory="rram|sram",


rule calibrate:
    input:
        reference=calibration_csv(),
        layers=expand("results/parse_net/cimloop/{workload}.csv",
                      workload=CALIB_WORKLOADS),
        start=committed_constants,
        tool="bin/calibrate",
    output:
        constants="results/calibrate/{memory}/constants.csv",
        info="results/calibrate/{memory}/fit-info.csv",
    params:
        memory=lambda wildcards: wildcards.memory.upper(),
        layers_dir=lambda wildcards, input: os.path.dirname(input.layers[0]),
    log:
        "results/logs/calibrate/{memory}.log",
    benchmark:
        "results/benchmarks/calibrate/{memory}.tsv"
    shell:
        "{input.tool} --memory {params.memory} --reference {input.reference}"
        " --layers {params.layers_dir} --start {input.start}"
        " --fit-info {output.info} -o {output.constants} 2> {log}"


rule validate_model:
    input:
        reference=calibration_csv(),
        layers=expand("results/parse_net/cimloop/{workload}.csv",
                      workload=CALIB_WORKLOADS),
        start=committed_constants,
        tool="bin/calibrate",
    output:
        summary="results/validation/{memory}/summary.csv",
        predictions="results/validation/{memory}/predictions.csv",
        top10="results/validation/{memory}/top10.csv",
    params:
        memory=lambda wildcards: wildcards.memory.upper(),
        layers_dir=lambda wildcards, input: os.path.dirname(input.layers[0]),
        folds=CALIB_FOLDS,
    log:
        "results/logs/validate_model/{memory}.log",
    benchmark:
        "results/benchmarks/validate_model/{memory}.tsv"
    shell:
        "{input.tool} --memory {params.memory} --reference {input.reference}"
        " --layers {params.layers_dir} --start {input.start}"
        " --folds {params.folds} --summary {output.summary}"
        " --predictions {output.predictions} --top10 {output.top10}"
        " -o /dev/null 2> {log}"


rule plot_validation:
    input:
        predictions="results/validation/{memory}/predictions.csv",
        common="tools/plots/common.gp",
        script="tools/plots/fig-validation.gp",
    output:
        png=os.path.join(PAPER,
                         "figures/fig-validation-{memory}-{metric}.png"),
        svg=os.path.join(PAPER,
                         "figures/fig-validation-{memory}-{metric}.svg"),
    log:
        "results/logs/plot_validation/{memory}-{metric}.log",
    shell:
        "gnuplot -c {input.script} {input.predictions} {output.png}"
        " {wildcards.metric} {output.svg} 2> {log}"


# The accuracy targets (experiments/validation-targets.csv) on one memory's
# held-out errors: measured worst value, met yes/no.
rule check_targets:
    input:
        targets="experiments/validation-targets.csv",
        summary="results/validation/{memory}/summary.csv",
        top10="results/validation/{memory}/top10.csv",
        tool="bin/check-targets",
    output:
        "results/validation/{memory}/targets.csv",
    log:
        "results/logs/check_targets/{memory}.log",
    shell:
        "{input.tool} --targets {input.targets} --summary {input.summary}"
        " --top10 {input.top10} -o {output} 2> {log}"


# The command that rebuilds paper/validation.md under this configuration,
# as the report states it ('--' ends --configfile's list of files); a
# configuration outside the checkout keeps the path it was given.
# The command that rebuilds the page, the same however this run was started
# (so a rerun writes the same bytes): the study file given, or the default
# study's.
VALIDATION_REGENERATE = ("snakemake -c2 --scheduler greedy --configfile {} "
                         "-- {}".format(
                             os.path.relpath(workflow.configfiles[0])
                             if workflow.configfiles
                             and not os.path.relpath(
                                 workflow.configfiles[0]).startswith("..")
                             else "experiments/study.yaml",
                             os.path.join(PAPER, "validation.md")))


# One memory's section of the report: report/validation.md.in filled from
# its CSV files; the first memory's section also carries the page header.
rule validation_section:
    input:
        template="report/validation.md.in",
        info="results/calibrate/{memory}/fit-info.csv",
        summary="results/validation/{memory}/summary.csv",
        top10="results/validation/{memory}/top10.csv",
        targets="results/validation/{memory}/targets.csv",
        refit="results/calibrate/{memory}/constants.csv",
        committed=committed_constants,
        tool="bin/fill-template",
    output:
        "results/validation/{memory}/report.md",
    params:
        memory=lambda wildcards: wildcards.memory.upper(),
        first=lambda wildcards: (
            "yes" if wildcards.memory == CALIB_MEMORIES[0] else "no"),
        folds=CALIB_FOLDS,
        regenerate=VALIDATION_REGENERATE,
    log:
        "results/logs/validation_section/{memory}.log",
    shell:
        "{input.tool} {input.template} --csv info={input.info}"
        " --csv summary={input.summary} --csv top10={input.top10}"
        " --csv targets={input.targets} --csv refit={input.refit}"
        " --csv committed={input.committed}"
        " --text memory={params.memory} --text m={wildcards.memory}"
        " --text first={params.first} --text folds={params.folds}"
        " --text 'regenerate={params.regenerate}' -o {output} 2> {log}"


# paper/validation.md: the memories' sections in order (the figures they
# show are inputs, so they exist whenever the page does).
rule validation_report:
    input:
        sections=expand("results/validation/{memory}/report.md",
                        memory=CALIB_MEMORIES),
        figures=expand(os.path.join(
            PAPER, "figures/fig-validation-{memory}-{metric}.png"),
            memory=CALIB_MEMORIES, metric=VALIDATION_METRICS),
    output:
        os.path.join(PAPER, "validation.md"),
    log:
        "results/logs/validation_report/validation.log",
    shell:
        "cat {input.sections} > {output} 2> {log}"


if have_reference() and CALIB.get("enabled", True):
    CALIBRATE_TARGETS.append(os.path.join(PAPER, "validation.md"))
