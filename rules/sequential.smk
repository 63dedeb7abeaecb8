# rules/sequential.smk: P2's sequential search (experiments of kind
# sequential) from the largest and the middle values, its end points set
# against the exact optimum (docs/sequential-search.md).
#
# results/
#   seq_search/<exp>/<set>/<start>/final.csv steps.csv
#   sweep_space/<exp>/<set>/                   the exact optimum
#   sequential/<exp>/<set>/<select>.csv        optimum vs each start's end
#                                              point (select: seed1, median)
#   sequential/<exp>/<set>/steps.csv           every step, stacked by start
#   sequential/<exp>/{seed1,median,steps}.csv  stacked by set


for _e in kind_experiments("sequential"):
    for _s in _e["sets"]:
        for _st in _e["starts"]:
            register_seq(_e["name"], "{}/{}".format(_s, _st), _s, _st,
                         _e["objective"], _e["seeds"], _e["latency_mode"],
                         _e["area_max_mm2"], _e["steps"], _e["starts_file"])
        register_sweep(_e["name"], _s, _s, _e["latency_mode"],
                       [_e["area_max_mm2"]])


rule sequential_endpoints:
    input:
        sweep=lambda wildcards: sweep_out(wildcards.exp, wildcards.set,
                                          "per-workload"),
        final=lambda wildcards: [
            seq_out(wildcards.exp, "{}/{}".format(wildcards.set, st))
            for st in EXPERIMENTS[wildcards.exp]["starts"]],
        tool="bin/reductions",
    output:
        "results/sequential/{exp}/{set}/{select}.csv",
    wildcard_constraints:
        set="[A-Za-z0-9_-]+",
        select="seed1|median",
    log:
        "results/logs/sequential/{exp}/{set}/{select}.log",
    params:
        joint=lambda wildcards, input: spec(
            input.sweep, target=EXPERIMENTS[wildcards.exp]["objective"],
            area_max_mm2="{:g}".format(
                EXPERIMENTS[wildcards.exp]["area_max_mm2"])),
        baselines=lambda wildcards, input: " ".join(
            "--baseline {}={}".format(st, f) for st, f in zip(
                EXPERIMENTS[wildcards.exp]["starts"], input.final)),
        objective=lambda wildcards: EXPERIMENTS[wildcards.exp]["objective"],
        select=lambda wildcards: ("seed:1" if wildcards.select == "seed1"
                                  else "median"),
    shell:
        "{input.tool} --joint {params.joint} {params.baselines}"
        " --aggregate {params.objective} --select {params.select}"
        " -o {output} 2> {log}"


rule stack_sequential_steps:
    input:
        unpack(lambda wildcards: {
            st: seq_out(wildcards.exp, "{}/{}".format(wildcards.set, st),
                        "steps")
            for st in EXPERIMENTS[wildcards.exp]["starts"]}),
        tool="bin/stack-tables",
    output:
        "results/sequential/{exp}/{set}/steps.csv",
    wildcard_constraints:
        set="[A-Za-z0-9_-]+",
    log:
        "results/logs/sequential/{exp}/{set}/steps.log",
    params:
        tables=lambda wildcards, input: " ".join(
            "{}={}".format(st, input[st])
            for st in EXPERIMENTS[wildcards.exp]["starts"]),
    shell:
        "{input.tool} --column start_point {params.tables} -o {output}"
        " 2> {log}"


rule stack_sequential:
    input:
        unpack(lambda wildcards: {
            s: "results/sequential/{}/{}/{}.csv".format(wildcards.exp, s,
                                                       wildcards.part)
            for s in EXPERIMENTS[wildcards.exp]["sets"]}),
        tool="bin/stack-tables",
    output:
        "results/sequential/{exp}/{part}.csv",
    wildcard_constraints:
        part="seed1|median|steps",
    log:
        "results/logs/sequential/{exp}/{part}.log",
    params:
        tables=lambda wildcards, input: " ".join(
            "{}={}".format(s, input[s])
            for s in EXPERIMENTS[wildcards.exp]["sets"]),
    shell:
        "{input.tool} --column set {params.tables} -o {output} 2> {log}"


def sequential_outputs(e):
    return ["results/sequential/{}/{}.csv".format(e["name"], p)
            for p in ("seed1", "median", "steps")]
