# rules/area.smk: the area-limit study (experiments of kind area-sweep):
# one exhaustive sweep at every limit, then P1's comparison with the exact
# designs at each limit; a limit no design meets is reported as such.
#
# results/
#   sweep_space/<exp>/limits/                  optimum.csv per-workload.csv
#   compare_specific/<exp>/limit-<A>.csv       the comparison at limit A
#   area/<exp>.csv                             stacked by limit


for _e in kind_experiments("area-sweep"):
    register_sweep(_e["name"], "limits", _e["set"], _e["latency_mode"],
                   _e["limits"])


def area_limits(wildcards):
    return ["{:g}".format(a) for a in EXPERIMENTS[wildcards.exp]["limits"]]


def area_roles(wildcards, input):
    s = SETS[EXPERIMENTS[wildcards.exp]["set"]]
    pw, a = input.sweep, wildcards.limit
    args = ["--specific {}={}".format(w, spec(pw, target=w, area_max_mm2=a))
            for w in s["workloads"]]
    args += ["--largest", spec(pw, target=s["largest"], area_max_mm2=a),
             "--joint", spec(pw, target="joint", area_max_mm2=a)]
    return " ".join(args)


rule compare_area:
    input:
        sweep=lambda wildcards: sweep_out(wildcards.exp, "limits",
                                          "per-workload"),
        tool="bin/compare-specific",
    output:
        "results/compare_specific/{exp}/limit-{limit}.csv",
    wildcard_constraints:
        limit="[0-9.]+",
    log:
        "results/logs/compare_specific/{exp}/limit-{limit}.log",
    params:
        roles=area_roles,
    shell:
        "{input.tool} {params.roles} --label {wildcards.limit}"
        " -o {output} 2> {log}"


rule stack_area:
    input:
        unpack(lambda wildcards: {
            a: "results/compare_specific/{}/limit-{}.csv".format(
                wildcards.exp, a) for a in area_limits(wildcards)}),
        tool="bin/stack-tables",
    output:
        "results/area/{exp}.csv",
    log:
        "results/logs/area/{exp}.log",
    params:
        tables=lambda wildcards, input: " ".join(
            "{}={}".format(a, input[a]) for a in area_limits(wildcards)),
    shell:
        "{input.tool} --column area_max_mm2 {params.tables} -o {output}"
        " 2> {log}"


def area_outputs(e):
    return ["results/area/{}.csv".format(e["name"]),
            sweep_out(e["name"], "limits")]
