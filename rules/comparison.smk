# rules/comparison.smk: P1's comparison (experiments of kind comparison):
# the joint design against workload-specific and largest-workload designs,
# as per-seed replicates, as the best of the seeds and as the exact
# optimum (docs/framework.md §6).
#
# results/
#   compare_specific/<exp>/<mode>/{replicates,best,optimum}.csv
#   summarise/<exp>/<mode>.csv          medians, 95 % bootstrap CI, best, optimum
#   pick_design/<exp>/<mode>/<target>.csv   best-of-seeds design (all workloads)
#   chosen/<exp>/<mode>.csv             those designs stacked by target
#   convergence/<exp>/<mode>/<target>.csv   best so far / exact optimum
#   convergence/<exp>/<mode>.csv        stacked by target


for _e in kind_experiments("comparison"):
    for _mode in _e["latency_modes"]:
        for _t in SETS[_e["set"]]["workloads"] + ["joint"]:
            register_search(_e["name"], "{}/{}".format(_mode, _t), _e["set"],
                            _t, _e["objective"], _e["ga"], _e["seeds"],
                            _mode, _e["area_max_mm2"])
        register_sweep(_e["name"], _mode, _e["set"], _mode,
                       [_e["area_max_mm2"]])


def cmp_exp(wildcards):
    return EXPERIMENTS[wildcards.exp]


def cmp_targets(wildcards):
    return SETS[cmp_exp(wildcards)["set"]]["workloads"] + ["joint"]


def cmp_ga_inputs(wildcards):
    """Every target's best file of one mode."""
    return {t: search_out(wildcards.exp, "{}/{}".format(wildcards.mode, t))
            for t in cmp_targets(wildcards)}


def cmp_roles(wildcards, input):
    """compare-specific's role options over the GA best files."""
    s = SETS[cmp_exp(wildcards)["set"]]
    args = ["--specific {}={}".format(w, input[w]) for w in s["workloads"]]
    args += ["--largest", input[s["largest"]], "--joint", input["joint"]]
    return " ".join(args)


# Per-seed replicates (seed s of every search) or the best of the seeds.
rule compare_ga:
    input:
        unpack(cmp_ga_inputs),
        tool="bin/compare-specific",
    output:
        "results/compare_specific/{exp}/{mode}/{sel}.csv",
    wildcard_constraints:
        sel="replicates|best",
    log:
        "results/logs/compare_specific/{exp}/{mode}/{sel}.log",
    params:
        roles=cmp_roles,
    shell:
        "{input.tool} {params.roles} --{wildcards.sel} -o {output} 2> {log}"


def cmp_optimum_roles(wildcards, input):
    """The exact optimum of every target, from the sweep's per-workload
    file (the joint target is the configured aggregation's row)."""
    e = cmp_exp(wildcards)
    s = SETS[e["set"]]
    pw = input.sweep
    area = "{:g}".format(e["area_max_mm2"])
    args = ["--specific {}={}".format(w, spec(pw, target=w, area_max_mm2=area))
            for w in s["workloads"]]
    args += ["--largest", spec(pw, target=s["largest"], area_max_mm2=area),
             "--joint", spec(pw, target=e["objective"], area_max_mm2=area)]
    return " ".join(args)


rule compare_optimum:
    input:
        sweep=lambda wildcards: sweep_out(wildcards.exp, wildcards.mode,
                                          "per-workload"),
        tool="bin/compare-specific",
    output:
        "results/compare_specific/{exp}/{mode}/optimum.csv",
    log:
        "results/logs/compare_specific/{exp}/{mode}/optimum.log",
    params:
        roles=cmp_optimum_roles,
    shell:
        "{input.tool} {params.roles} --label optimum -o {output} 2> {log}"


# Medians over the per-seed replicates with bootstrap intervals, beside
# the best-of-seeds and exact-optimum values.
rule summarise_comparison:
    input:
        replicates="results/compare_specific/{exp}/{mode}/replicates.csv",
        best="results/compare_specific/{exp}/{mode}/best.csv",
        optimum="results/compare_specific/{exp}/{mode}/optimum.csv",
        tool="bin/summarise",
    output:
        "results/summarise/{exp}/{mode}.csv",
    log:
        "results/logs/summarise/{exp}/{mode}.log",
    params:
        boot=lambda wildcards: "--seed {seed} --resamples {resamples}"
        " --level {level}".format(**cmp_exp(wildcards)["bootstrap"]),
    shell:
        "{input.tool} {params.boot} --group workload"
        " --metrics n_largest,n_joint,loss_joint_pct,loss_largest_pct,"
        "gain_diff_pct,gain_rel_pct --replicates 'selection=seed*'"
        " {input.replicates} {input.best} {input.optimum} -o {output}"
        " 2> {log}"


# The best-of-seeds design of one target (a one-row designs file).
rule pick_comparison_design:
    input:
        best=lambda wildcards: search_out(
            wildcards.exp, "{}/{}".format(wildcards.mode, wildcards.target)),
        tool="bin/pick-design",
    output:
        "results/pick_design/{exp}/{mode}/{target}.csv",
    log:
        "results/logs/pick_design/{exp}/{mode}/{target}.log",
    shell:
        "{input.tool} {input.best} --best --designs-only -o {output}"
        " 2> {log}"


rule stack_chosen:
    input:
        unpack(lambda wildcards: {t: "results/pick_design/{}/{}/{}.csv".format(
            wildcards.exp, wildcards.mode, t) for t in cmp_targets(wildcards)}),
        tool="bin/stack-tables",
    output:
        "results/chosen/{exp}/{mode}.csv",
    log:
        "results/logs/chosen/{exp}/{mode}.log",
    params:
        tables=lambda wildcards, input: " ".join(
            "{}={}".format(t, input[t]) for t in cmp_targets(wildcards)),
    shell:
        "{input.tool} --column target {params.tables} -o {output} 2> {log}"


# Convergence of each target's searches, normalised by the exact optimum.
rule convergence_target:
    input:
        history=lambda wildcards: search_out(
            wildcards.exp, "{}/{}".format(wildcards.mode, wildcards.target),
            "history"),
        sweep=lambda wildcards: sweep_out(wildcards.exp, wildcards.mode),
        tool="bin/convergence",
    output:
        curves="results/convergence/{exp}/{mode}/{target}.csv",
        summary="results/convergence/{exp}/{mode}/{target}-summary.csv",
    log:
        "results/logs/convergence/{exp}/{mode}/{target}.log",
    params:
        optimum=lambda wildcards, input: spec(
            input.sweep, area_max_mm2="{:g}".format(
                cmp_exp(wildcards)["area_max_mm2"]),
            target=(cmp_exp(wildcards)["objective"]
                    if wildcards.target == "joint" else wildcards.target)),
    shell:
        "{input.tool} --optimum {params.optimum}"
        " --algorithm {wildcards.target}={input.history}"
        " -o {output.curves} --summary {output.summary} 2> {log}"


rule stack_convergence:
    input:
        unpack(lambda wildcards: {
            t: "results/convergence/{}/{}/{}{}.csv".format(
                wildcards.exp, wildcards.mode, t, wildcards.part)
            for t in cmp_targets(wildcards)}),
        tool="bin/stack-tables",
    output:
        "results/convergence/{exp}/{mode}{part}.csv",
    wildcard_constraints:
        part="|-summary",
    log:
        "results/logs/convergence/{exp}/{mode}{part}.log",
    params:
        tables=lambda wildcards, input: " ".join(
            "{}={}".format(t, input[t]) for t in cmp_targets(wildcards)),
    shell:
        "{input.tool} --column target {params.tables} -o {output} 2> {log}"


def comparison_outputs(e):
    """What a comparison experiment's report reads."""
    out = []
    for mode in e["latency_modes"]:
        out += ["results/summarise/{}/{}.csv".format(e["name"], mode),
                "results/chosen/{}/{}.csv".format(e["name"], mode),
                "results/convergence/{}/{}.csv".format(e["name"], mode),
                "results/convergence/{}/{}-summary.csv".format(e["name"],
                                                               mode),
                sweep_out(e["name"], mode)]
    return out
