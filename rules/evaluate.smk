# rules/evaluate.smk: the chosen designs on every workload, and P1's
# comparison of the joint design with the specific and largest designs.


rule cost_eval:
    input:
        design="results/pick_design/{exp}/{mode}/{sel}/{target}.csv",
        layers=layers(WORKLOADS),
        rram=config["constants_rram"],
        sram=config["constants_sram"],
        tool="bin/cost-eval",
    output:
        "results/cost_eval/{exp}/{mode}/{sel}/{target}.csv",
    log:
        "results/logs/cost_eval/{exp}/{mode}/{sel}/{target}.log",
    benchmark:
        "results/benchmarks/cost_eval/{exp}/{mode}/{sel}/{target}.tsv"
    shell:
        "{input.tool} --latency {wildcards.mode} --designs {input.design}"
        " --constants-rram {input.rram} --constants-sram {input.sram}"
        " {input.layers} -o {output} 2> {log}"


# Specific designs (each on its own workload), the largest workload's
# design and the joint design (each on every workload), from one selection.
rule compare_specific:
    input:
        unpack(compare_inputs),
        tool="bin/compare-specific",
    output:
        wide="results/compare_specific/{exp}/{mode}/{sel}.csv",
        long="results/compare_specific/{exp}/{mode}/{sel}-long.csv",
    log:
        "results/logs/compare_specific/{exp}/{mode}/{sel}.log",
    params:
        roles=compare_args,
    shell:
        "({input.tool} {params.roles} -o {output.wide}"
        " && {input.tool} --long {params.roles} -o {output.long}) 2> {log}"


# Best-of-seeds values with the min, median and max over the per-seed
# replicates, per workload and metric.
rule summarise_seeds:
    input:
        best="results/compare_specific/{exp}/{mode}/best.csv",
        seeds=expand("results/compare_specific/{{exp}}/{{mode}}/seed{seed}.csv",
                     seed=SEEDS),
        script="tools/summarise-seeds.sh",
    output:
        "results/summarise_seeds/{exp}/{mode}.csv",
    log:
        "results/logs/summarise_seeds/{exp}/{mode}.log",
    shell:
        "sh {input.script} -o {output} {input.best} {input.seeds} 2> {log}"
