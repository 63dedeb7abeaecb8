# rules/nodes.smk: P2's technology-node study (experiments of kind
# node-cost): one exhaustive sweep of SRAM over six nodes, each with its
# characterised voltages (the set's node table), giving the optimum per
# node of the joint score (EDAP), el_cost and ela_cost, and the exact
# Pareto front of EDAP against cost = area x node cost factor.
#
# results/
#   sweep_nodes/<exp>/optimum.csv per-workload.csv pareto.csv


rule sweep_nodes:
    input:
        layers=lambda wildcards: layers(
            SETS[EXPERIMENTS[wildcards.exp]["set"]]["workloads"]),
        space=lambda wildcards: SETS[EXPERIMENTS[wildcards.exp]["set"]]["space"],
        nodes=lambda wildcards: SETS[EXPERIMENTS[wildcards.exp]["set"]]["nodes"],
        constants=config["constants_sram"],
        tool="bin/sweep-space",
    output:
        optimum="results/sweep_nodes/{exp}/optimum.csv",
        per_workload="results/sweep_nodes/{exp}/per-workload.csv",
        pareto="results/sweep_nodes/{exp}/pareto.csv",
    log:
        "results/logs/sweep_nodes/{exp}.log",
    benchmark:
        "results/benchmarks/sweep_nodes/{exp}.tsv"
    threads: THREADS
    resources:
        runtime=60,
        mem_mb=4000,
    params:
        area=lambda wildcards: "{:g}".format(
            EXPERIMENTS[wildcards.exp]["area_max_mm2"]),
        mode=lambda wildcards: EXPERIMENTS[wildcards.exp]["latency_mode"],
    shell:
        "{input.tool} --space {input.space} --nodes {input.nodes}"
        " --area-max {params.area} --latency {params.mode}"
        " --constants-sram {input.constants} --threads {threads}"
        " --by tech_nm --per-workload {output.per_workload}"
        " --pareto {output.pareto} --pareto-objectives edap,cost"
        " {input.layers} -o {output.optimum} 2> {log}"


def nodes_outputs(e):
    return ["results/sweep_nodes/{}/{}.csv".format(e["name"], k)
            for k in ("optimum", "per-workload", "pareto")]
