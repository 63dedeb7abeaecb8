# rules/budget.smk: the search-budget study (experiments of kind budget):
# P1's gains and losses when each search is run once with a P1-like
# budget, from 100 independent runs per target and budget (beyond the
# papers; docs/statistics.md, the draw model).
#
# results/
#   ga_search/<exp>/<budget>/<target>/         100 seeds per target
#   sweep_space/<exp>/optimum/                 the exact designs (`optimum`)
#   budget_study/<exp>/distribution.csv        per budget, case, workload,
#       fractions.csv runs.csv                 metric: median, 5-95 %; P1 reached


for _e in kind_experiments("budget"):
    for _b, _ga in _e["budgets"].items():
        for _t in SETS[_e["set"]]["workloads"] + ["joint"]:
            register_search(_e["name"], "{}/{}".format(_b, _t), _e["set"],
                            _t, "joint", _ga, _e["seeds"], _e["latency_mode"],
                            _e["area_max_mm2"])
    register_sweep(_e["name"], "optimum", _e["set"], _e["latency_mode"],
                   [_e["area_max_mm2"]])


def budget_inputs(wildcards):
    e = EXPERIMENTS[wildcards.exp]
    targets = SETS[e["set"]]["workloads"] + ["joint"]
    inputs = {"{}:{}".format(b, t): search_out(e["name"], "{}/{}".format(b, t))
              for b in e["budgets"] for t in targets}
    inputs["sweep"] = sweep_out(e["name"], "optimum", "per-workload")
    inputs["reported"] = config["paper_reported"]
    inputs["tool"] = "bin/budget-study"
    return inputs


def budget_args(wildcards, input):
    e = EXPERIMENTS[wildcards.exp]
    s = SETS[e["set"]]
    area = "{:g}".format(e["area_max_mm2"])
    args = ["--runs {}:{}={}".format(b, t, input["{}:{}".format(b, t)])
            for b in e["budgets"] for t in s["workloads"] + ["joint"]]
    if any(top == "optimum" for _, top in e["asymmetric"]):
        for t in s["workloads"]:
            args.append("--runs optimum:{}={}".format(
                t, spec(input.sweep, target=t, area_max_mm2=area)))
        args.append("--runs optimum:joint={}".format(
            spec(input.sweep, target="joint", area_max_mm2=area)))
    args += ["--asymmetric {}:{}".format(b, t) for b, t in e["asymmetric"]]
    args += ["--largest", s["largest"], "--p1", input.reported,
             "--draws", str(e["draws"]), "--seed", str(e["draw_seed"])]
    return " ".join(args)


rule budget_study:
    input:
        unpack(budget_inputs),
    output:
        distribution="results/budget_study/{exp}/distribution.csv",
        fractions="results/budget_study/{exp}/fractions.csv",
        runs="results/budget_study/{exp}/runs.csv",
    log:
        "results/logs/budget_study/{exp}.log",
    benchmark:
        "results/benchmarks/budget_study/{exp}.tsv"
    params:
        args=budget_args,
    shell:
        "{input.tool} {params.args} -o {output.distribution}"
        " --fractions {output.fractions} --runs-summary {output.runs}"
        " 2> {log}"


def budget_outputs(e):
    return ["results/budget_study/{}/{}.csv".format(e["name"], k)
            for k in ("distribution", "fractions", "runs")]
