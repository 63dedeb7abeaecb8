# rules/common.smk: the study's configuration and the registries every
# stage fills.
#
# A study file (--configfile experiments/study.yaml; without one, the
# schema's defaults and experiments/study.yaml's list) names experiment
# files; each is validated against experiments/schema/<kind>.schema.yaml,
# which fills in its defaults.  There is deliberately no `configfile:`
# directive: snakemake would merge it under --configfile, and a study
# would silently inherit another one's keys.
#
# The stage files (rules/<kind>.smk) register the searches, sweeps and
# sequential searches each experiment needs in SEARCHES, SWEEPS and SEQS;
# the generic rules below (ga_search, sweep_space, seq_search) then look a
# job's settings up by its output path.  Input functions run after every
# file is included, so registration order does not matter.
import csv
import os
import re

import yaml
from snakemake.utils import validate


if "experiments" not in config:
    with open(os.path.join(workflow.basedir, "experiments/study.yaml")) as f:
        config.update(yaml.safe_load(f))
validate(config, "../experiments/schema/study.schema.yaml")

STUDY = config["name"]
PAPER = config["paper_dir"] or (
    "paper" if STUDY == "study" else os.path.join("results/report", STUDY))
THREADS = config["threads"]


def load_yaml(path, what):
    """A YAML mapping from path, or a clear error naming the key."""
    if not os.path.isfile(path):
        raise ValueError("config: {} '{}' does not exist".format(what, path))
    with open(path) as f:
        data = yaml.safe_load(f)
    if not isinstance(data, dict):
        raise ValueError("{}: expected a mapping of keys".format(path))
    return data


def load_experiment(path, seen=()):
    """An experiment file with its `base` chain: the keys of the base file,
    each key the file itself gives replacing the base's whole value (a
    smoke version names what it shrinks; the schema fills in the rest)."""
    if path in seen:
        raise ValueError("{}: `base` loops back to itself".format(path))
    exp = load_yaml(path, "experiment")
    if "base" not in exp:
        return exp
    merged = load_experiment(exp["base"], seen + (path,))
    merged.update({k: v for k, v in exp.items() if k != "base"})
    return merged


SETS = load_yaml(config["sets"], "sets")
validate(SETS, "../experiments/schema/sets.schema.yaml")
for _name, _set in SETS.items():
    if _set["largest"] not in _set["workloads"]:
        raise ValueError("{}: set '{}': largest '{}' is not one of its "
                         "workloads".format(config["sets"], _name,
                                            _set["largest"]))

EXPERIMENTS = {}
for _path in config["experiments"]:
    _exp = load_experiment(_path)
    if _exp.get("kind") not in ("comparison", "budget", "aggregation",
                                "ea-vs-ga", "sequential", "edap",
                                "node-cost", "area-sweep"):
        raise ValueError("{}: kind: got '{}', expected comparison, budget, "
                         "aggregation, ea-vs-ga, sequential, edap, node-cost "
                         "or area-sweep".format(_path, _exp.get("kind")))
    validate(_exp, "../experiments/schema/{}.schema.yaml".format(
        _exp["kind"]))
    if _exp["name"] in EXPERIMENTS:
        raise ValueError("{}: experiment name '{}' is used twice".format(
            _path, _exp["name"]))
    _exp["file"] = _path
    EXPERIMENTS[_exp["name"]] = _exp


def kind_experiments(kind):
    """The experiments of one kind whose sets can all be parsed."""
    return [e for e in EXPERIMENTS.values()
            if e["kind"] == kind and all(set_available(s)
                                         for s in experiment_sets(e))]


def experiment_sets(exp):
    """The set names an experiment runs on."""
    if "set" in exp:
        return [exp["set"]]
    sets = exp["sets"]
    return list(sets) if isinstance(sets, dict) else sets


for _exp in EXPERIMENTS.values():
    for _s in experiment_sets(_exp):
        if _s not in SETS:
            raise ValueError("{}: set '{}' is not in {}".format(
                _exp["file"], _s, config["sets"]))


def seeds_arg(seeds):
    """A seed setting as ga-search's --seeds list."""
    if isinstance(seeds, int):
        return str(seeds)
    if isinstance(seeds, list):
        return ",".join(str(s) for s in seeds)
    return seeds


def have_reference():
    """True when the reference's CiMLoop data is present."""
    return os.path.isdir(config["reference_dir"])


# ---- workloads ---------------------------------------------------------

def workload_source(wildcards):
    """The description parse-net reads for one workload: a configured
    source, else <workload_dir>/<w>.net."""
    src = config["workload_sources"].get(wildcards.workload)
    if src is None:
        return os.path.join(config["workload_dir"],
                            "{}.net".format(wildcards.workload))
    if src.startswith("reference:"):
        return os.path.join(config["reference_dir"], "workloads",
                            src[len("reference:"):])
    return src


def workload_available(w):
    """True when a workload's description exists (a reference directory
    may be absent)."""
    return os.path.exists(workload_source(type("W", (), {"workload": w})))


def layers(names):
    """Layer tables (parse_net outputs) of the named workloads."""
    return ["results/parse_net/net/{}.csv".format(w) for w in names]


def set_available(name):
    """True when every workload of a set can be parsed; experiments on a
    set that cannot are skipped (rules/report.smk says why)."""
    return all(workload_available(w) for w in SETS[name]["workloads"])


def constants_for(memory):
    return config["constants_{}".format(memory.lower())]


# ---- registries ----------------------------------------------------------
# Each maps "<exp>/<run>" (the part of the output path below the rule's
# directory) to the job's settings.

SEARCHES = {}
SWEEPS = {}
SEQS = {}


def ga_args(ga):
    """ga-search options of a GA budget (schema: common.yaml#/ga)."""
    args = ["--schedule", ga["schedule"], "--pop", str(ga["population"]),
            "--generations", str(ga["generations"])]
    if ga["schedule"] == "p2-phases":
        args += ["--init-candidates", str(ga["init_candidates"]),
                 "--init-keep", str(ga["init_keep"])]
    if "max_requests" in ga:
        args += ["--max-requests", str(ga["max_requests"])]
    if isinstance(ga.get("max_evaluations"), int):
        args += ["--max-evaluations", str(ga["max_evaluations"])]
    return args


def register_search(exp, run, set_name, target, objective, ga, seeds, mode,
                    area, match=None):
    """One ga-search job: a workload-specific search (target = a workload,
    objective single, evaluated on the set's other workloads for the
    record) or a joint search (target = joint, every workload).  match:
    the key of a search whose median distinct evaluations become this
    one's budget (P2's EA against P1's GA)."""
    s = SETS[set_name]
    workloads = s["workloads"]
    if target == "joint":
        objs, report = workloads, []
    else:
        objs, report = [target], [w for w in workloads if w != target]
    SEARCHES["{}/{}".format(exp, run)] = dict(
        space=s["space"], memory=s["memory"], nodes=s.get("nodes"),
        layers=layers(objs), report=layers(report),
        objective="single" if target != "joint" else objective,
        ga=ga_args(ga), seeds=seeds_arg(seeds), mode=mode, area=area,
        match=match)


def register_sweep(exp, run, set_name, mode, limits, extra=()):
    """One sweep-space job over a set's space: the exact optimum of every
    target (each workload, joint, mean, all) at every area limit, with the
    optimum designs evaluated on every workload."""
    s = SETS[set_name]
    SWEEPS["{}/{}".format(exp, run)] = dict(
        space=s["space"], memory=s["memory"], nodes=s.get("nodes"),
        layers=layers(s["workloads"]), mode=mode,
        limits=",".join("{:g}".format(a) for a in limits), extra=list(extra))


def register_seq(exp, run, set_name, start, objective, seeds, mode, area,
                 steps, starts_file):
    """One seq-search job (P2's sequential search)."""
    s = SETS[set_name]
    SEQS["{}/{}".format(exp, run)] = dict(
        space=s["space"], memory=s["memory"], layers=layers(s["workloads"]),
        start=start, objective=objective, seeds=seeds_arg(seeds), mode=mode,
        area=area, steps=steps[s["memory"]], starts=starts_file)


def search_out(exp, run, kind="best"):
    return "results/ga_search/{}/{}/{}.csv".format(exp, run, kind)


def sweep_out(exp, run, kind="optimum"):
    return "results/sweep_space/{}/{}/{}.csv".format(exp, run, kind)


def seq_out(exp, run, kind="final"):
    return "results/seq_search/{}/{}/{}.csv".format(exp, run, kind)


def spec(path, **where):
    """A row-selected input for the statistics tools: FILE:COL=VAL..."""
    return ":".join([path] + ["{}={}".format(k, v) for k, v in where.items()])


# ---- the calibration stage (rules/calibrate.smk) --------------------------

def calibration_csv():
    """The reference's CiMLoop results (rules/calibrate.smk)."""
    return os.path.join(config["reference_dir"], "calibration.csv")


def committed_constants(wildcards):
    """The constants file the searches use, the fit's starting point."""
    return config["constants_{}".format(wildcards.memory)]


def paper_reported():
    """The papers' numbers when present."""
    p = config["paper_reported"]
    return [p] if os.path.isfile(p) else []


# {exp} is always one of this study's experiments, so a path such as
# results/aggregation/<exp>-optimum.csv cannot be read as another one's.
wildcard_constraints:
    exp="|".join(re.escape(n) for n in sorted(EXPERIMENTS, key=len,
                                                     reverse=True)),
    mode="reference|physical",
    workload="[A-Za-z0-9_]+",
    target="[A-Za-z0-9_]+",
    source="net|cimloop",
