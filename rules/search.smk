# rules/search.smk: layer tables and the three search tools, as generic
# rules whose settings come from the registries of rules/common.smk.
#
# results/
#   parse_net/<source>/<workload>.csv          layer tables (source: net =
#                                              workloads/ or a configured
#                                              description; cimloop = the
#                                              reference's YAML directory)
#   ga_search/<exp>/<run>/best.csv history.csv every seed's best design on
#                                              every workload, and its trace
#   sweep_space/<exp>/<run>/optimum.csv        exact optimum per limit, target
#       per-workload.csv [pareto.csv]          ... on every workload; front
#   seq_search/<exp>/<run>/final.csv steps.csv P2's sequential search


rule parse_net:
    input:
        net=lambda wildcards: (
            os.path.join(config["reference_dir"], "workloads",
                         wildcards.workload)
            if wildcards.source == "cimloop" else workload_source(wildcards)),
        tool="bin/parse-net",
    output:
        "results/parse_net/{source}/{workload}.csv",
    log:
        "results/logs/parse_net/{source}/{workload}.log",
    shell:
        "{input.tool} {input.net} -o {output} 2> {log}"


def search_spec(wildcards):
    return SEARCHES["{}/{}".format(wildcards.exp, wildcards.run)]


def search_inputs(wildcards):
    s = search_spec(wildcards)
    inputs = dict(layers=s["layers"], report=s["report"], space=s["space"],
                  constants=constants_for(s["memory"]), tool="bin/ga-search")
    if s["nodes"]:
        inputs["nodes"] = s["nodes"]
    if s["match"]:
        inputs["match"] = "results/convergence/{}/budget.csv".format(
            s["match"])
    return inputs


def search_args(wildcards, input):
    """ga-search's options; a matched budget reads the median distinct
    evaluations that `convergence` computed for the matched algorithm."""
    s = search_spec(wildcards)
    args = ["--space", input.space, "--objective", s["objective"],
            "--seeds", s["seeds"], "--area-max", "{:g}".format(s["area"]),
            "--latency", s["mode"], "--threads", str(THREADS)] + s["ga"]
    args += ["--constants-{}".format(s["memory"].lower()), input.constants]
    if s["nodes"]:
        args += ["--nodes", input.nodes]
    if s["match"]:
        with open(input.match) as f:
            rows = [r for r in csv.DictReader(
                line for line in f if not line.startswith("#"))]
        args += ["--max-evaluations", rows[0]["median_final_evaluations"]]
    for r in input.report:
        args += ["--report-on", r]
    return " ".join(args)


# One search target over its seeds (--seeds: one job, worker threads).
rule ga_search:
    input:
        unpack(search_inputs),
    output:
        best="results/ga_search/{exp}/{run}/best.csv",
        history="results/ga_search/{exp}/{run}/history.csv",
    log:
        "results/logs/ga_search/{exp}/{run}.log",
    benchmark:
        "results/benchmarks/ga_search/{exp}/{run}.tsv"
    threads: THREADS
    resources:
        runtime=60,
        mem_mb=4000,
    params:
        args=search_args,
    shell:
        "{input.tool} {params.args} --best {output.best}"
        " --history {output.history} {input.layers} 2> {log}"


def sweep_spec(wildcards):
    return SWEEPS["{}/{}".format(wildcards.exp, wildcards.run)]


def sweep_inputs(wildcards):
    s = sweep_spec(wildcards)
    inputs = dict(layers=s["layers"], space=s["space"],
                  constants=constants_for(s["memory"]),
                  tool="bin/sweep-space")
    if s["nodes"]:
        inputs["nodes"] = s["nodes"]
    return inputs


def sweep_args(wildcards, input):
    s = sweep_spec(wildcards)
    args = ["--space", input.space, "--area-max", s["limits"],
            "--latency", s["mode"], "--threads", str(THREADS),
            "--constants-{}".format(s["memory"].lower()), input.constants]
    if s["nodes"]:
        args += ["--nodes", input.nodes]
    return " ".join(args + s["extra"])


# The exact optimum of every target at every limit (one pass), with the
# optimum designs on every workload.  With sweep_shards = N > 1 (a cluster:
# profiles/slurm/) every sweep is split into N disjoint parts, each its own
# job, merged into the same outputs by bin/sweep-merge.
SHARDS = config["sweep_shards"]


def merge_args(wildcards, input):
    """sweep-merge's model options (the limits come from the parts)."""
    s = sweep_spec(wildcards)
    args = ["--latency", s["mode"],
            "--constants-{}".format(s["memory"].lower()), input.constants]
    if s["nodes"]:
        args += ["--nodes", input.nodes]
    return " ".join(args)


if SHARDS > 1:

    rule sweep_shard:
        input:
            unpack(sweep_inputs),
        output:
            "results/sweep_space/{exp}/{run}/shard{shard}-of-%d.csv" % SHARDS,
        wildcard_constraints:
            shard="[0-9]+",
        log:
            "results/logs/sweep_shard/{exp}/{run}/shard{shard}.log",
        benchmark:
            "results/benchmarks/sweep_shard/{exp}/{run}/shard{shard}.tsv"
        threads: THREADS
        resources:
            runtime=60,
            mem_mb=2000,
        params:
            args=sweep_args,
        shell:
            "{input.tool} {params.args} --shard {wildcards.shard}/%d"
            " {input.layers} -o {output} 2> {log}" % SHARDS

    rule sweep_space:
        input:
            unpack(lambda wildcards: dict(
                sweep_inputs(wildcards),
                tool="bin/sweep-merge",
                parts=["results/sweep_space/{}/{}/shard{}-of-{}.csv".format(
                    wildcards.exp, wildcards.run, i, SHARDS)
                    for i in range(1, SHARDS + 1)])),
        output:
            optimum="results/sweep_space/{exp}/{run}/optimum.csv",
            per_workload="results/sweep_space/{exp}/{run}/per-workload.csv",
        log:
            "results/logs/sweep_space/{exp}/{run}.log",
        params:
            parts=lambda wildcards, input: ",".join(input.parts),
            args=merge_args,
        shell:
            "{input.tool} --space {input.space} --parts {params.parts}"
            " {params.args} --per-workload {output.per_workload}"
            " {input.layers} -o {output.optimum} 2> {log}"

else:

    rule sweep_space:
        input:
            unpack(sweep_inputs),
        output:
            optimum="results/sweep_space/{exp}/{run}/optimum.csv",
            per_workload="results/sweep_space/{exp}/{run}/per-workload.csv",
        log:
            "results/logs/sweep_space/{exp}/{run}.log",
        benchmark:
            "results/benchmarks/sweep_space/{exp}/{run}.tsv"
        threads: THREADS
        resources:
            runtime=60,
            mem_mb=2000,
        params:
            args=sweep_args,
        shell:
            "{input.tool} {params.args} --per-workload {output.per_workload}"
            " {input.layers} -o {output.optimum} 2> {log}"


def seq_spec(wildcards):
    return SEQS["{}/{}".format(wildcards.exp, wildcards.run)]


def seq_inputs(wildcards):
    s = seq_spec(wildcards)
    return dict(layers=s["layers"], space=s["space"], steps=s["steps"],
                starts=s["starts"], constants=constants_for(s["memory"]),
                tool="bin/seq-search")


def seq_args(wildcards, input):
    s = seq_spec(wildcards)
    return " ".join([
        "--space", input.space, "--steps", input.steps, "--starts",
        input.starts, "--start", s["start"], "--objective", s["objective"],
        "--seeds", s["seeds"], "--area-max", "{:g}".format(s["area"]),
        "--latency", s["mode"],
        "--constants-{}".format(s["memory"].lower()), input.constants])


# P2's sequential search from one start point, over its seeds.
rule seq_search:
    input:
        unpack(seq_inputs),
    output:
        final="results/seq_search/{exp}/{run}/final.csv",
        steps="results/seq_search/{exp}/{run}/steps.csv",
    log:
        "results/logs/seq_search/{exp}/{run}.log",
    params:
        args=seq_args,
    shell:
        "{input.tool} {params.args} --steps-out {output.steps}"
        " {input.layers} -o {output.final} 2> {log}"
