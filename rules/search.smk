# rules/search.smk: layer tables, the searches, and the choice of designs.


rule parse_net:
    input:
        net=workload_source,
        tool="bin/parse-net",
    output:
        "results/parse_net/{source}/{workload}.csv",
    log:
        "results/logs/parse_net/{source}/{workload}.log",
    shell:
        "{input.tool} {input.net} -o {output} 2> {log}"


# One search: the workload-specific search of a workload (objective single)
# or the joint search (target `joint`, objective from config) under one
# latency mode and seed.
rule ga_search:
    input:
        layers=search_layers,
        space=config["space"],
        rram=config["constants_rram"],
        sram=config["constants_sram"],
        tool="bin/ga-search",
    output:
        best="results/ga_search/{exp}/{mode}/{target}/seed{seed}/best.csv",
        history="results/ga_search/{exp}/{mode}/{target}/seed{seed}/history.csv",
        evaluated="results/ga_search/{exp}/{mode}/{target}/seed{seed}/evaluated.csv",
    log:
        "results/logs/ga_search/{exp}/{mode}/{target}/seed{seed}.log",
    benchmark:
        "results/benchmarks/ga_search/{exp}/{mode}/{target}/seed{seed}.tsv"
    params:
        objective=search_objective,
        population=config["ga"]["population"],
        generations=config["ga"]["generations"],
        area_max=config["area_max_mm2"],
        schedule=ga_schedule_args(),
    shell:
        "{input.tool} --space {input.space} --objective {params.objective}"
        " --seed {wildcards.seed} --pop {params.population}"
        " --generations {params.generations} {params.schedule}"
        " --area-max {params.area_max} --latency {wildcards.mode}"
        " --constants-rram {input.rram} --constants-sram {input.sram}"
        " --best {output.best} --history {output.history}"
        " --evaluated {output.evaluated} {input.layers} 2> {log}"


# The design of one target: the best over the selection's seeds (feasible
# first, then the lowest score), as one row with its seed and score.
rule pick_design:
    input:
        best=search_outputs("best"),
        history=search_outputs("history"),
        script="tools/pick-design.sh",
    output:
        "results/pick_design/{exp}/{mode}/{sel}/{target}.csv",
    log:
        "results/logs/pick_design/{exp}/{mode}/{sel}/{target}.log",
    params:
        seeds=lambda wildcards: " ".join(map(str, selection_seeds(wildcards))),
    shell:
        "sh {input.script} -o {output} -s '{params.seeds}'"
        " -b '{input.best}' -H '{input.history}' 2> {log}"
