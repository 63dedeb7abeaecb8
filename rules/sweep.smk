# rules/sweep.smk: the exact optimum of the design space by exhaustive
# search (bin/sweep-space), for every target the GA searches, and P1's
# comparison redone with those exact designs (selection `optimum`).
#
# results/
#   sweep_space/<name>/<mode>/optimum.csv        best design per target
#   pick_design/<name>/<mode>/optimum/<target>.csv   as a designs file
#   cost_eval/, compare_specific/ .../optimum...     as for `best`


rule sweep_space:
    input:
        layers=layers(WORKLOADS),
        space=config["space"],
        rram=config["constants_rram"],
        sram=config["constants_sram"],
        tool="bin/sweep-space",
    output:
        "results/sweep_space/{exp}/{mode}/optimum.csv",
    params:
        area=config["area_max_mm2"],
    log:
        "results/logs/sweep_space/{exp}/{mode}.log",
    benchmark:
        "results/benchmarks/sweep_space/{exp}/{mode}.tsv"
    shell:
        "{input.tool} --space {input.space} --area-max {params.area}"
        " --latency {wildcards.mode} --constants-rram {input.rram}"
        " --constants-sram {input.sram} {input.layers} -o {output} 2> {log}"


# The sweep's design for one target as a one-row designs file.  The joint
# search's target is the sweep row of the configured aggregation.
rule pick_optimum:
    input:
        sweep="results/sweep_space/{exp}/{mode}/optimum.csv",
        script="tools/pick-optimum.sh",
    output:
        "results/pick_design/{exp}/{mode}/optimum/{target}.csv",
    params:
        row=lambda wildcards: (config["objective"]
                               if wildcards.target == JOINT
                               else wildcards.target),
    log:
        "results/logs/pick_optimum/{exp}/{mode}/{target}.log",
    shell:
        "sh {input.script} {input.sweep} {params.row} {output} 2> {log}"


ruleorder: pick_optimum > pick_design


# The section of paper/results.md on the exact optimum.
rule optimum_report:
    input:
        sweep=expand("results/sweep_space/{{exp}}/{mode}/optimum.csv",
                     mode=MODES),
        best=expand("results/pick_design/{{exp}}/{mode}/best/{target}.csv",
                    mode=MODES, target=TARGETS),
        optimum=expand(
            "results/pick_design/{{exp}}/{mode}/optimum/{target}.csv",
            mode=MODES, target=TARGETS),
        compare=expand("results/compare_specific/{{exp}}/{mode}/optimum.csv",
                       mode=MODES),
        script="tools/make-optimum-md.sh",
    output:
        "results/optimum_report/{exp}.md",
    params:
        modes=" ".join(MODES),
        targets=" ".join(TARGETS),
    log:
        "results/logs/optimum_report/{exp}.log",
    shell:
        "sh {input.script} -o {output} -n {wildcards.exp}"
        " -m '{params.modes}' -t '{params.targets}' 2> {log}"
