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
# paper/validation.md and paper/figures/fig-validation-<memory>-<metric>.png
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
        script="tools/plots/fig-validation.gp",
    output:
        os.path.join(PAPER, "figures/fig-validation-{memory}-{metric}.png"),
    log:
        "results/logs/plot_validation/{memory}-{metric}.log",
    shell:
        "gnuplot -c {input.script} {input.predictions} {output}"
        " {wildcards.metric} 2> {log}"


rule validation_report:
    input:
        summaries=expand("results/validation/{memory}/summary.csv",
                         memory=CALIB_MEMORIES),
        top10=expand("results/validation/{memory}/top10.csv",
                     memory=CALIB_MEMORIES),
        info=expand("results/calibrate/{memory}/fit-info.csv",
                    memory=CALIB_MEMORIES),
        constants=expand("results/calibrate/{memory}/constants.csv",
                         memory=CALIB_MEMORIES),
        figures=expand(os.path.join(
            PAPER, "figures/fig-validation-{memory}-{metric}.png"),
            memory=CALIB_MEMORIES, metric=VALIDATION_METRICS),
        script="tools/make-validation-md.sh",
    output:
        os.path.join(PAPER, "validation.md"),
    params:
        memories=" ".join(CALIB_MEMORIES),
        folds=CALIB_FOLDS,
    log:
        "results/logs/validation_report/validation.log",
    shell:
        "sh {input.script} {params.folds} {output} {params.memories}"
        " 2> {log}"


if have_reference() and CALIB.get("enabled", True):
    CALIBRATE_TARGETS.append(os.path.join(PAPER, "validation.md"))
