# rules/common.smk: configuration checks and the helpers the rules share.
# The configuration (--configfile experiments/<name>.yaml, or none: the
# schema's defaults are the paper reproduction) is validated against
# experiments/config.schema.yaml, which fills in the defaults; then come the
# cross-key checks a schema cannot state.  There is deliberately no
# `configfile:` directive: snakemake would merge it under --configfile, and
# an experiment would silently inherit another one's keys.
import os
import re

from snakemake.utils import validate


validate(config, "../experiments/config.schema.yaml")

EXP = config["name"]
WORKLOADS = config["workloads"]
MODES = config["latency_modes"]
SEEDS = config["seeds"]
LARGEST = config["largest_workload"]
PAPER = config["paper_dir"]
# The joint search is a target like the workloads; reserve its name.
JOINT = "joint"
TARGETS = [*WORKLOADS, JOINT]
# Design selections: the best of all seeds, and each seed's own replicate.
SELECTIONS = ["best", *("seed{}".format(s) for s in SEEDS)]

if LARGEST not in WORKLOADS:
    raise ValueError(
        "config: largest_workload '{}' is not one of workloads {}".format(
            LARGEST, WORKLOADS))
if JOINT in WORKLOADS:
    raise ValueError("config: a workload may not be named '{}'".format(JOINT))


def have_reference():
    """True when the reference's CiMLoop data is present."""
    return os.path.isdir(config["reference_dir"])


if config["workload_source"] == "cimloop" and not have_reference():
    raise ValueError(
        "config: workload_source is cimloop but reference_dir '{}' does not "
        "exist".format(config["reference_dir"]))


# {exp} always stands for this configuration's name: outputs of another
# experiment are never built with this one's parameters.
wildcard_constraints:
    exp=re.escape(EXP),
    mode="reference|physical",
    target="[A-Za-z0-9_]+",
    workload="[A-Za-z0-9_]+",
    seed="[0-9]+",
    sel="best|optimum|seed[0-9]+",
    source="net|cimloop",


def workload_source(wildcards):
    """The description parse-net reads for one workload: the project's
    <workload_dir>/<w>.net (source net) or the reference's per-layer
    directory (source cimloop)."""
    if wildcards.source == "cimloop":
        return os.path.join(config["reference_dir"], "workloads",
                            wildcards.workload)
    return os.path.join(config["workload_dir"],
                        "{}.net".format(wildcards.workload))


def layers(names):
    """Layer tables (parse_net outputs) of the named workloads."""
    return expand("results/parse_net/{source}/{workload}.csv",
                  source=config["workload_source"], workload=names)


def search_layers(wildcards):
    """The layer tables a search optimises for: all workloads for the
    joint search, the one target workload otherwise."""
    return layers(WORKLOADS if wildcards.target == JOINT
                  else [wildcards.target])


def search_objective(wildcards):
    """ga-search's --objective: config's for the joint search, E*L*A of the
    one workload (single) for a workload-specific search."""
    return config["objective"] if wildcards.target == JOINT else "single"


def ga_schedule_args():
    """--schedule, with P2's initial-population sizes when it is used."""
    ga = config["ga"]
    args = "--schedule {}".format(ga["schedule"])
    if ga["schedule"] == "p2-phases":
        args += " --init-candidates {} --init-keep {}".format(
            ga["init_candidates"], ga["init_keep"])
    return args


def selection_seeds(wildcards):
    """Seeds a design selection chooses among."""
    if wildcards.sel == "best":
        return SEEDS
    return [int(wildcards.sel[len("seed"):])]


def search_outputs(kind):
    """Input function: the `kind` outputs (best, history) of the searches
    a selection chooses among, in seed order."""
    def f(wildcards):
        return expand(
            "results/ga_search/{exp}/{mode}/{target}/seed{seed}/{kind}.csv",
            exp=EXP, mode=wildcards.mode, target=wildcards.target,
            seed=selection_seeds(wildcards), kind=kind)
    return f


def compare_inputs(wildcards):
    """cost_eval outputs of every target under one selection."""
    return {t: "results/cost_eval/{}/{}/{}/{}.csv".format(
        EXP, wildcards.mode, wildcards.sel, t) for t in TARGETS}


def compare_args(wildcards, input):
    """compare-specific arguments naming each file's role."""
    args = ["--specific {}={}".format(w, input[w]) for w in WORKLOADS]
    args.append("--largest {}".format(input[LARGEST]))
    args.append("--joint {}".format(input[JOINT]))
    return " ".join(args)


def paper_reported():
    """The papers' numbers when present (results.md then has a P1 column)."""
    p = config["paper_reported"]
    return [p] if os.path.isfile(p) else []


def calibration_csv():
    """The reference's CiMLoop results (rules/calibrate.smk)."""
    return os.path.join(config["reference_dir"], "calibration.csv")


def committed_constants(wildcards):
    """The constants file the searches use, the fit's starting point."""
    return config["constants_{}".format(wildcards.memory)]
