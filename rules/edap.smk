# rules/edap.smk: P2's EDAP-reduction table (experiments of kind edap):
# the joint design (best of P2's EA runs) against each baseline: the
# largest workload's design (best of its runs), the sequential searches
# from max and from middle (the reference's seed), the median run of P1's
# GA, and, for scale, the exact optimum of the space.
#
# results/
#   ga_search/<exp>/<set>/{joint,largest,p1-ga}/   searches
#   seq_search/<exp>/<set>/seq-{max,middle}/       sequential baselines
#   edap_roles/<exp>/<set>/<role>.csv              the run each role uses
#   reductions/<exp>/<set>.csv, <exp>.csv          reductions, stacked by set


EDAP_ROLES = ["joint", "largest", "seq-max", "seq-middle", "p1-ga"]

for _e in kind_experiments("edap"):
    for _s, _cfg in _e["sets"].items():
        _o = _cfg.get("objective", "joint")
        _args = (_e["seeds"], _e["latency_mode"], _e["area_max_mm2"])
        register_search(_e["name"], "{}/joint".format(_s), _s, "joint", _o,
                        _e["joint"], *_args)
        register_search(_e["name"], "{}/largest".format(_s), _s,
                        SETS[_s]["largest"], _o, _e["joint"], *_args)
        register_search(_e["name"], "{}/p1-ga".format(_s), _s, "joint", _o,
                        _e["p1_ga"], *_args)
        for _st in ("max", "middle"):
            register_seq(_e["name"], "{}/seq-{}".format(_s, _st), _s, _st, _o,
                         _e["sequential_seeds"], _e["latency_mode"],
                         _e["area_max_mm2"], _e["steps"], _e["starts_file"])
        register_sweep(_e["name"], _s, _s, _e["latency_mode"],
                       [_e["area_max_mm2"]])


def edap_role_file(wildcards):
    run = "{}/{}".format(wildcards.set, wildcards.role)
    if wildcards.role.startswith("seq-"):
        return seq_out(wildcards.exp, run)
    return search_out(wildcards.exp, run)


# The run each role contributes: the best of the joint EA and of the
# largest workload's runs, the median P1-GA run, the sequential search's
# first seed (the reference runs seed 1).
rule pick_edap_role:
    input:
        runs=edap_role_file,
        tool="bin/pick-design",
    output:
        "results/edap_roles/{exp}/{set}/{role}.csv",
    wildcard_constraints:
        set="[A-Za-z0-9_-]+",
        role="|".join(EDAP_ROLES),
    log:
        "results/logs/edap_roles/{exp}/{set}/{role}.log",
    params:
        select=lambda wildcards: {"p1-ga": "--median"}.get(
            wildcards.role, "--best"),
    shell:
        "{input.tool} {input.runs} {params.select} -o {output} 2> {log}"


rule reductions_edap:
    input:
        roles=lambda wildcards: [
            "results/edap_roles/{}/{}/{}.csv".format(wildcards.exp,
                                                      wildcards.set, r)
            for r in EDAP_ROLES],
        sweep=lambda wildcards: sweep_out(wildcards.exp, wildcards.set,
                                          "per-workload"),
        tool="bin/reductions",
    output:
        "results/reductions/{exp}/{set}.csv",
    wildcard_constraints:
        set="[A-Za-z0-9_-]+",
    log:
        "results/logs/reductions/{exp}/{set}.log",
    params:
        baselines=lambda wildcards, input: " ".join(
            ["--baseline {}={}".format(r, f)
             for r, f in zip(EDAP_ROLES[1:], input.roles[1:])] +
            ["--baseline optimum={}".format(spec(
                input.sweep,
                target=EXPERIMENTS[wildcards.exp]["sets"][wildcards.set].get(
                    "objective", "joint"),
                area_max_mm2="{:g}".format(
                    EXPERIMENTS[wildcards.exp]["area_max_mm2"])))]),
        objective=lambda wildcards: EXPERIMENTS[wildcards.exp]["sets"][
            wildcards.set].get("objective", "joint"),
    shell:
        "{input.tool} --joint {input.roles[0]} {params.baselines}"
        " --aggregate {params.objective} -o {output} 2> {log}"


rule stack_reductions:
    input:
        unpack(lambda wildcards: {
            s: "results/reductions/{}/{}.csv".format(wildcards.exp, s)
            for s in EXPERIMENTS[wildcards.exp]["sets"]}),
        tool="bin/stack-tables",
    output:
        "results/reductions/{exp}.csv",
    log:
        "results/logs/reductions/{exp}.log",
    params:
        tables=lambda wildcards, input: " ".join(
            "{}={}".format(s, input[s])
            for s in EXPERIMENTS[wildcards.exp]["sets"]),
    shell:
        "{input.tool} --column set {params.tables} -o {output} 2> {log}"


def edap_outputs(e):
    return ["results/reductions/{}.csv".format(e["name"])]
