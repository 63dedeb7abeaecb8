# rules/eavsga.smk: P2's optimised EA against P1's GA (experiments of kind
# ea-vs-ga) at matched budgets, every run judged against the exact optimum
# of its space (docs/statistics.md, convergence).
#
# results/
#   ga_search/<exp>/<set>/<algorithm>/         one search per algorithm
#   sweep_space/<exp>/<set>/                   the exact optimum
#   convergence/<exp>/<set>/<algorithm>/budget.csv   one algorithm's summary
#                                              (the budget a match copies)
#   convergence/<exp>/<set>/curves.csv, summary.csv   every algorithm
#   eavsga/<exp>/curves.csv, summary.csv      stacked by set


for _e in kind_experiments("ea-vs-ga"):
    for _s in _e["sets"]:
        for _a, _ga in _e["algorithms"].items():
            _m = _ga.get("max_evaluations")
            _match = None
            if isinstance(_m, str):
                if _m[len("match:"):] not in _e["algorithms"]:
                    raise ValueError("{}: algorithm '{}': max_evaluations "
                                     "'{}' names no algorithm".format(
                                         _e["file"], _a, _m))
                _match = "{}/{}/{}".format(_e["name"], _s, _m[len("match:"):])
            register_search(_e["name"], "{}/{}".format(_s, _a), _s, "joint",
                            _e["objective"], _ga, _e["seeds"],
                            _e["latency_mode"], _e["area_max_mm2"],
                            match=_match)
        register_sweep(_e["name"], _s, _s, _e["latency_mode"],
                       [_e["area_max_mm2"]])


def eavsga_optimum(wildcards, input):
    e = EXPERIMENTS[wildcards.exp]
    return spec(input.sweep, target=e["objective"],
                area_max_mm2="{:g}".format(e["area_max_mm2"]))


# One algorithm alone: its median distinct evaluations set the budget of
# an algorithm that matches it.
rule convergence_budget:
    input:
        history=lambda wildcards: search_out(
            wildcards.exp, "{}/{}".format(wildcards.set, wildcards.alg),
            "history"),
        sweep=lambda wildcards: sweep_out(wildcards.exp, wildcards.set),
        tool="bin/convergence",
    output:
        summary="results/convergence/{exp}/{set}/{alg}/budget.csv",
        curves="results/convergence/{exp}/{set}/{alg}/budget-curves.csv",
    wildcard_constraints:
        set="[A-Za-z0-9_-]+",
        alg="[A-Za-z0-9_-]+",
    log:
        "results/logs/convergence/{exp}/{set}/{alg}.log",
    params:
        optimum=eavsga_optimum,
    shell:
        "{input.tool} --optimum {params.optimum}"
        " --algorithm {wildcards.alg}={input.history}"
        " -o {output.curves} --summary {output.summary} 2> {log}"


rule convergence_eavsga:
    input:
        history=lambda wildcards: [
            search_out(wildcards.exp, "{}/{}".format(wildcards.set, a),
                       "history")
            for a in EXPERIMENTS[wildcards.exp]["algorithms"]],
        sweep=lambda wildcards: sweep_out(wildcards.exp, wildcards.set),
        tool="bin/convergence",
    output:
        curves="results/convergence/{exp}/{set}/curves.csv",
        summary="results/convergence/{exp}/{set}/summary.csv",
    wildcard_constraints:
        set="[A-Za-z0-9_-]+",
    log:
        "results/logs/convergence/{exp}/{set}.log",
    params:
        optimum=eavsga_optimum,
        algorithms=lambda wildcards, input: " ".join(
            "--algorithm {}={}".format(a, h) for a, h in zip(
                EXPERIMENTS[wildcards.exp]["algorithms"], input.history)),
        within=lambda wildcards: EXPERIMENTS[wildcards.exp]["within_pct"],
    shell:
        "{input.tool} --optimum {params.optimum} {params.algorithms}"
        " --within {params.within} -o {output.curves}"
        " --summary {output.summary} 2> {log}"


rule stack_eavsga:
    input:
        unpack(lambda wildcards: {
            s: "results/convergence/{}/{}/{}.csv".format(wildcards.exp, s,
                                                        wildcards.part)
            for s in EXPERIMENTS[wildcards.exp]["sets"]}),
        tool="bin/stack-tables",
    output:
        "results/eavsga/{exp}/{part}.csv",
    wildcard_constraints:
        part="curves|summary",
    log:
        "results/logs/eavsga/{exp}/{part}.log",
    params:
        tables=lambda wildcards, input: " ".join(
            "{}={}".format(s, input[s])
            for s in EXPERIMENTS[wildcards.exp]["sets"]),
    shell:
        "{input.tool} --column set {params.tables} -o {output} 2> {log}"


def eavsga_outputs(e):
    return ["results/eavsga/{}/{}.csv".format(e["name"], p)
            for p in ("curves", "summary")]
