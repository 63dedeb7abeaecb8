# rules/aggregation.smk: P2's aggregations of the joint objective
# (experiments of kind aggregation): for every workload set and
# aggregation (joint = max, mean, all), P2's EA over seeds and the exact
# optimum, each design judged per workload against that workload's exact
# specific optimum, so every aggregation reads on one scale.
#
# results/
#   ga_search/<exp>/<set>/<objective>/         EA runs
#   sweep_space/<exp>/<set>/                   exact optima of every target
#   compare_specific/<exp>/<set>/<objective>/{replicates,optimum}.csv
#   summarise/<exp>/<set>/<objective>.csv      normalised scores per workload
#   aggregation/<exp>/<set>.csv, <exp>.csv     stacked by objective, set
#   aggregation/<exp>-optimum.csv              every set's exact optima


for _e in kind_experiments("aggregation"):
    for _s in _e["sets"]:
        for _o in _e["objectives"]:
            register_search(_e["name"], "{}/{}".format(_s, _o), _s, "joint",
                            _o, _e["ga"], _e["seeds"], _e["latency_mode"],
                            _e["area_max_mm2"])
        register_sweep(_e["name"], _s, _s, _e["latency_mode"],
                       [_e["area_max_mm2"]])


def agg_roles(wildcards, input):
    """Specific and largest designs: the exact optima; the joint design:
    the EA's runs (replicates) or the aggregation's exact optimum."""
    e = EXPERIMENTS[wildcards.exp]
    s = SETS[wildcards.set]
    area = "{:g}".format(e["area_max_mm2"])
    pw = input.sweep
    args = ["--specific {}={}".format(w, spec(pw, target=w, area_max_mm2=area))
            for w in s["workloads"]]
    args += ["--largest", spec(pw, target=s["largest"], area_max_mm2=area)]
    if wildcards.sel == "optimum":
        args += ["--joint", spec(pw, target=wildcards.objective,
                                 area_max_mm2=area), "--label optimum"]
    else:
        args += ["--joint", input.ga, "--replicates"]
    return " ".join(args)


rule compare_aggregation:
    input:
        sweep=lambda wildcards: sweep_out(wildcards.exp, wildcards.set,
                                          "per-workload"),
        ga=lambda wildcards: search_out(
            wildcards.exp, "{}/{}".format(wildcards.set, wildcards.objective)),
        tool="bin/compare-specific",
    output:
        "results/compare_specific/{exp}/{set}/{objective}/{sel}.csv",
    wildcard_constraints:
        objective="joint|mean|all",
        sel="replicates|optimum",
        set="[A-Za-z0-9_-]+",
    log:
        "results/logs/compare_specific/{exp}/{set}/{objective}/{sel}.log",
    params:
        roles=agg_roles,
    shell:
        "{input.tool} {params.roles} -o {output} 2> {log}"


rule summarise_aggregation:
    input:
        replicates="results/compare_specific/{exp}/{set}/{objective}/replicates.csv",
        optimum="results/compare_specific/{exp}/{set}/{objective}/optimum.csv",
        tool="bin/summarise",
    output:
        "results/summarise/{exp}/{set}/{objective}.csv",
    wildcard_constraints:
        objective="joint|mean|all",
        set="[A-Za-z0-9_-]+",
    log:
        "results/logs/summarise/{exp}/{set}/{objective}.log",
    shell:
        "{input.tool} --group workload --metrics n_joint,loss_joint_pct"
        " --replicates 'selection=seed*' {input.replicates} {input.optimum}"
        " -o {output} 2> {log}"


rule stack_aggregation_set:
    input:
        unpack(lambda wildcards: {
            o: "results/summarise/{}/{}/{}.csv".format(wildcards.exp,
                                                       wildcards.set, o)
            for o in EXPERIMENTS[wildcards.exp]["objectives"]}),
        tool="bin/stack-tables",
    output:
        "results/aggregation/{exp}/{set}.csv",
    wildcard_constraints:
        set="[A-Za-z0-9_-]+",
    log:
        "results/logs/aggregation/{exp}/{set}.log",
    params:
        tables=lambda wildcards, input: " ".join(
            "{}={}".format(o, input[o])
            for o in EXPERIMENTS[wildcards.exp]["objectives"]),
    shell:
        "{input.tool} --column objective {params.tables} -o {output} 2> {log}"


rule stack_aggregation:
    input:
        unpack(lambda wildcards: {
            s: "results/aggregation/{}/{}.csv".format(wildcards.exp, s)
            for s in EXPERIMENTS[wildcards.exp]["sets"]}),
        tool="bin/stack-tables",
    output:
        "results/aggregation/{exp}.csv",
    log:
        "results/logs/aggregation/{exp}.log",
    params:
        tables=lambda wildcards, input: " ".join(
            "{}={}".format(s, input[s])
            for s in EXPERIMENTS[wildcards.exp]["sets"]),
    shell:
        "{input.tool} --column set {params.tables} -o {output} 2> {log}"


def aggregation_outputs(e):
    return ["results/aggregation/{}.csv".format(e["name"]),
            "results/aggregation/{}-optimum.csv".format(e["name"])]


rule stack_aggregation_optimum:
    input:
        unpack(lambda wildcards: {
            s: sweep_out(wildcards.exp, s)
            for s in EXPERIMENTS[wildcards.exp]["sets"]}),
        tool="bin/stack-tables",
    output:
        "results/aggregation/{exp}-optimum.csv",
    log:
        "results/logs/aggregation/{exp}-optimum.log",
    params:
        tables=lambda wildcards, input: " ".join(
            "{}={}".format(s, input[s])
            for s in EXPERIMENTS[wildcards.exp]["sets"]),
    shell:
        "{input.tool} --column set {params.tables} -o {output} 2> {log}"
