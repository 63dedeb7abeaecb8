# rules/breakdown.smk: a closer look at P1's comparison (experiments of
# kind comparison, per latency mode): where the chosen designs spend their
# energy and area, how the joint design maps each layer, and where the
# chosen designs sit against the exact Pareto front of (max E, max L, A).
# Every number is computed by a C tool; the rules only name files.
#
# results/
#   breakdown/<exp>/<mode>/<target>.csv  cost-eval of one chosen design
#                                        (rules/comparison.smk's
#                                        pick_design) on every workload
#   breakdown/<exp>/<mode>.csv           those stacked by target, with the
#                                        largest workload's design once more
#                                        as target `largest`
#   layers/<exp>/<mode>/joint.csv        cost-eval --per-layer of the joint
#                                        design on every workload
#   map_workload/<exp>/<mode>/joint/<workload>.csv
#                                        map-workload --summary of the joint
#                                        design on one workload
#   map_workload/<exp>/<mode>/joint.csv  those stacked (target = joint)
#   pareto/<exp>/<mode>/front.csv        sweep-space's exact front of
#                                        (max_energy_j, max_latency_s,
#                                        area_mm2) over the set's space
#   pareto/<exp>/<mode>/optimum.csv      that run's main output
#   pareto/<exp>/<mode>/chosen.csv       summarise of breakdown/<exp>/<mode>.csv
#                                        per target and design: its max over
#                                        the workloads is max E, max L, A
#
# Figures (tools/plots/comparison-{breakdown,layers,pareto}.gp) are drawn
# by rules/report.smk's plot rule from breakdown_aliases(e); the Pareto
# figure also needs the chosen designs' positions, so its own rule below
# passes them as a sixth argument.

# The comparisons this stage serves, as a wildcard pattern (one that
# matches nothing when the study has none).
BD_EXP = "|".join(re.escape(e["name"])
                  for e in kind_experiments("comparison")) or "(?!)"


def bd_set(wildcards):
    return SETS[EXPERIMENTS[wildcards.exp]["set"]]


def bd_sweep(wildcards):
    """The wildcards of the comparison's own sweep (<exp>/<mode>), for the
    sweep_inputs and sweep_args helpers of rules/search.smk."""
    return type("W", (), {"exp": wildcards.exp, "run": wildcards.mode})


def bd_model_args(wildcards, input):
    """The cost model of a comparison: its latency mode and the constants
    of its set's memory."""
    return "--latency {} --constants-{} {}".format(
        wildcards.mode, bd_set(wildcards)["memory"].lower(), input.constants)


def bd_stack_labels(wildcards):
    """stack-tables' LABEL=FILE list of the breakdown: every target's
    table, then the largest workload's under the label `largest`."""
    files = {t: "results/breakdown/{}/{}/{}.csv".format(
        wildcards.exp, wildcards.mode, t) for t in cmp_targets(wildcards)}
    pairs = [(t, files[t]) for t in cmp_targets(wildcards)]
    pairs.append(("largest", files[bd_set(wildcards)["largest"]]))
    return pairs


# One chosen design (a one-row designs file) on every workload of the set:
# energy, latency, area and their components.
rule breakdown_target:
    input:
        design="results/pick_design/{exp}/{mode}/{target}.csv",
        layers=lambda wildcards: layers(bd_set(wildcards)["workloads"]),
        constants=lambda wildcards: constants_for(bd_set(wildcards)["memory"]),
        tool="bin/cost-eval",
    output:
        "results/breakdown/{exp}/{mode}/{target}.csv",
    wildcard_constraints:
        exp=BD_EXP,
    log:
        "results/logs/breakdown/{exp}/{mode}/{target}.log",
    params:
        model=bd_model_args,
    shell:
        "{input.tool} {params.model} --designs {input.design}"
        " {input.layers} -o {output} 2> {log}"


rule breakdown_stack:
    input:
        tables=lambda wildcards: sorted({f for _, f in
                                         bd_stack_labels(wildcards)}),
        tool="bin/stack-tables",
    output:
        "results/breakdown/{exp}/{mode}.csv",
    wildcard_constraints:
        exp=BD_EXP,
    log:
        "results/logs/breakdown/{exp}/{mode}.log",
    params:
        tables=lambda wildcards: " ".join(
            "{}={}".format(t, f) for t, f in bd_stack_labels(wildcards)),
    shell:
        "{input.tool} --column target {params.tables} -o {output} 2> {log}"


# The joint design layer by layer on every workload: energy (and its
# components), latency, and the mapping (xbars, utilization, array reads,
# the reference mapping's rows, columns and macros used, valid).
rule layers_joint:
    input:
        design="results/pick_design/{exp}/{mode}/joint.csv",
        layers=lambda wildcards: layers(bd_set(wildcards)["workloads"]),
        constants=lambda wildcards: constants_for(bd_set(wildcards)["memory"]),
        tool="bin/cost-eval",
    output:
        "results/layers/{exp}/{mode}/joint.csv",
    wildcard_constraints:
        exp=BD_EXP,
    log:
        "results/logs/layers/{exp}/{mode}.log",
    params:
        model=bd_model_args,
    shell:
        "{input.tool} --per-layer {params.model} --designs {input.design}"
        " {input.layers} -o {output} 2> {log}"


# The mapping step of the chain: whether the joint design holds each
# workload (crossbars needed against the chip's), and its utilisation.
rule map_joint:
    input:
        design="results/pick_design/{exp}/{mode}/joint.csv",
        layers=lambda wildcards: layers([wildcards.workload]),
        tool="bin/map-workload",
    output:
        "results/map_workload/{exp}/{mode}/joint/{workload}.csv",
    wildcard_constraints:
        exp=BD_EXP,
    log:
        "results/logs/map_workload/{exp}/{mode}/{workload}.log",
    shell:
        "{input.tool} --summary --design {input.design} {input.layers}"
        " -o {output} 2> {log}"


rule map_joint_stack:
    input:
        tables=lambda wildcards: [
            "results/map_workload/{}/{}/joint/{}.csv".format(
                wildcards.exp, wildcards.mode, w)
            for w in bd_set(wildcards)["workloads"]],
        tool="bin/stack-tables",
    output:
        "results/map_workload/{exp}/{mode}/joint.csv",
    wildcard_constraints:
        exp=BD_EXP,
    log:
        "results/logs/map_workload/{exp}/{mode}.log",
    params:
        tables=lambda wildcards, input: " ".join(
            "joint={}".format(f) for f in input.tables),
    shell:
        "{input.tool} --column target {params.tables} -o {output} 2> {log}"


# The exact Pareto front of (max E, max L, A) over the set's space, for
# the comparison's latency mode and area limit: the sweep the comparison
# registered (rules/comparison.smk: <exp>/<mode>), run again with --pareto.
rule pareto_front:
    input:
        unpack(lambda wildcards: sweep_inputs(bd_sweep(wildcards))),
    output:
        front="results/pareto/{exp}/{mode}/front.csv",
        optimum="results/pareto/{exp}/{mode}/optimum.csv",
    wildcard_constraints:
        exp=BD_EXP,
    log:
        "results/logs/pareto/{exp}/{mode}.log",
    benchmark:
        "results/benchmarks/pareto/{exp}/{mode}.tsv"
    threads: THREADS
    resources:
        runtime=60,
        mem_mb=2000,
    params:
        args=lambda wildcards, input: sweep_args(bd_sweep(wildcards), input),
    shell:
        "{input.tool} {params.args} --pareto {output.front}"
        " --pareto-objectives max_energy_j,max_latency_s,area_mm2"
        " {input.layers} -o {output.optimum} 2> {log}"


# Each chosen design's position against the front: per target (and its
# design), the spread of energy_j, latency_s, area_mm2 and fits over the
# workloads; its `max` is max_w E_w, max_w L_w, the area, and its `min` of
# fits is 0 when the design cannot hold some workload.  Only min and max
# are used, so one bootstrap resample (seed 1) is enough.
rule pareto_chosen:
    input:
        breakdown="results/breakdown/{exp}/{mode}.csv",
        tool="bin/summarise",
    output:
        "results/pareto/{exp}/{mode}/chosen.csv",
    wildcard_constraints:
        exp=BD_EXP,
    log:
        "results/logs/pareto/{exp}/{mode}-chosen.log",
    shell:
        "{input.tool} --seed 1 --resamples 1"
        " --group target,memory,voltage_v,bits_per_cell,cycle_ns,rows,cols,"
        "router_groups,tiles_per_group,macros_per_tile,glb_mb,tech_nm"
        " --metrics energy_j,latency_s,area_mm2,fits"
        " --replicates 'workload=*' {input.breakdown} -o {output} 2> {log}"


def breakdown_aliases(e):
    """The tables of this stage a comparison's report reads, by alias
    (<name>_<mode>), for rules/report.smk's REPORT_INPUTS."""
    out = {}
    for m in e["latency_modes"]:
        base = (e["name"], m)
        out.update({
            "breakdown_" + m: "results/breakdown/{}/{}.csv".format(*base),
            "layers_" + m: "results/layers/{}/{}/joint.csv".format(*base),
            "mapping_" + m: "results/map_workload/{}/{}/joint.csv".format(
                *base),
            "front_" + m: "results/pareto/{}/{}/front.csv".format(*base),
            "positions_" + m: "results/pareto/{}/{}/chosen.csv".format(
                *base)})
    return out


# The Pareto figure: rules/report.smk's call (DATA = the front) with the
# chosen designs' positions as a sixth argument.  It takes precedence over
# the generic plot rule, which would draw the front alone.
rule plot_comparison_pareto:
    input:
        data="results/pareto/{exp}/{mode}/front.csv",
        positions="results/pareto/{exp}/{mode}/chosen.csv",
        reported=paper_reported(),
        common="tools/plots/common.gp",
        script="tools/plots/comparison-pareto.gp",
    output:
        png=os.path.join(PAPER, "figures", "{exp}-pareto-{mode}.png"),
        svg=os.path.join(PAPER, "figures", "{exp}-pareto-{mode}.svg"),
    wildcard_constraints:
        exp=BD_EXP,
    log:
        "results/logs/plot/{exp}-pareto-{mode}.log",
    params:
        reported=lambda wildcards, input: input.reported or "-",
        subtitle=lambda wildcards: shell_quote(figure_subtitle(type(
            "W", (), {"exp": wildcards.exp, "mode": "-" + wildcards.mode}))),
    shell:
        "gnuplot -c {input.script} {input.data} {output.png} {output.svg}"
        " {params.reported} {params.subtitle} {input.positions} 2> {log}"


ruleorder: plot_comparison_pareto > plot
