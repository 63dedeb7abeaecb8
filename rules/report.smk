# rules/report.smk: every experiment's report section and figures, and
# the study's index.
#
# results/reported/<exp>.csv                  the papers' numbers beside the
#                                             reproduced ones (reported-table)
# results/report/<study>/parts/<exp>/<i>.md   one filled template per part
# <paper_dir>/<exp>.md                        the parts, in order
# <paper_dir>/figures/<exp>-<fig>[-<mode>].{png,svg}
#                                             tools/plots/<kind>-<fig>.gp
#
# A section is made of parts (REPORT_PARTS[kind](e)): each a template of
# report/ filled by bin/fill-template from named CSVs (every number is a CSV
# field computed in C) and texts from the configuration; a comparison has
# one part per latency mode.  REPORT_FIGURES[kind] lists a kind's figures:
# name -> the alias of the CSV it plots.


def exp_texts(e):
    """Texts every part of an experiment may insert ({{=key}})."""
    t = dict(name=e["name"], title=e["title"], file=e["file"], study=STUDY,
             kind=e["kind"], paper=PAPER)
    sets = experiment_sets(e)
    t["sets"] = ", ".join(sets)
    t["set_titles"] = "; ".join("{}: {}".format(s, SETS[s].get("title", s))
                                for s in sets)
    s0 = SETS[sets[0]]
    t["workloads"] = ", ".join(s0["workloads"])
    t["largest"] = s0["largest"]
    t["space"] = s0["space"]
    for key in ("seeds", "area_max_mm2", "objective", "latency_mode",
                "draws", "within_pct"):
        if key in e:
            t[key] = str(seeds_arg(e[key]) if key == "seeds" else e[key])
    for key in ("ga", "joint", "p1_ga"):
        if key in e:
            g = e[key]
            t[key] = "{} (population {}, {} generations{})".format(
                g["schedule"], g["population"], g["generations"],
                " per phase" if g["schedule"] == "p2-phases" else "")
    if "bootstrap" in e:
        t["bootstrap"] = "{:g} % percentile-bootstrap interval ({} resamples)".format(
            100 * e["bootstrap"]["level"], e["bootstrap"]["resamples"])
    if "budgets" in e:
        t["budgets"] = ", ".join(e["budgets"])
    if "limits" in e:
        t["limits"] = ", ".join("{:g}".format(a) for a in e["limits"])
    return t


def reported_alias(e):
    """The papers' numbers beside this experiment's (bin/reported-table);
    an experiment that names no tags (or a study without the papers'
    numbers) gets report/no-reported.csv, the same columns and no rows, so
    every template can count its rows and say there are none."""
    if e["reported"] and paper_reported():
        return {"reproduced": "results/reported/{}.csv".format(e["name"])}
    return {"reproduced": "report/no-reported.csv"}


REPORT_INPUTS = {
    "comparison": lambda e: dict(
        [(k + "_" + m, f) for m in e["latency_modes"] for k, f in (
            ("summary", "results/summarise/{}/{}.csv".format(e["name"], m)),
            ("chosen", "results/chosen/{}/{}.csv".format(e["name"], m)),
            ("optimum", sweep_out(e["name"], m)),
            ("convergence", "results/convergence/{}/{}-summary.csv".format(
                e["name"], m)),
            ("curves", "results/convergence/{}/{}.csv".format(e["name"],
                                                              m)))],
        **breakdown_aliases(e)),
    "budget": lambda e: dict(zip(
        ("distribution", "fractions", "runs"), budget_outputs(e))),
    "aggregation": lambda e: dict(zip(("scores", "optimum"),
                                      aggregation_outputs(e))),
    "ea-vs-ga": lambda e: dict(zip(("curves", "summary"), eavsga_outputs(e))),
    "sequential": lambda e: dict(zip(("seed1", "median", "steps"),
                                     sequential_outputs(e))),
    "edap": lambda e: dict(reductions=edap_outputs(e)[0]),
    "node-cost": lambda e: dict(zip(("optimum", "per_workload", "pareto"),
                                    nodes_outputs(e))),
    "area-sweep": lambda e: dict(zip(("compare", "optimum"),
                                     area_outputs(e))),
}


def report_parts(e):
    """(template, aliases, texts) of every part of an experiment's section."""
    kind, texts = e["kind"], exp_texts(e)
    data = REPORT_INPUTS[kind](e)
    head = dict(data, **reported_alias(e))
    if paper_reported():
        head["reported"] = paper_reported()[0]
    if kind != "comparison":
        return [("report/{}.md.in".format(kind), head, texts)]
    parts = [("report/comparison.md.in", head, texts)]
    for m in e["latency_modes"]:
        aliases = {k: data["{}_{}".format(k, m)]
                   for k in ("summary", "chosen", "optimum", "convergence",
                             "curves", "breakdown", "layers", "mapping",
                             "front", "positions")}
        parts.append(("report/comparison-mode.md.in", aliases,
                      dict(texts, mode=m)))
    return parts


REPORT_FIGURES = {
    "comparison": {"normalised-score": "summary", "loss-gain": "summary",
                   "convergence": "curves", "breakdown": "breakdown",
                   "layers": "layers", "pareto": "front"},
    "budget": {"gain-distribution": "distribution"},
    "aggregation": {"normalised-score": "scores"},
    "ea-vs-ga": {"convergence": "curves"},
    "sequential": {},
    "edap": {"reductions": "reductions"},
    "node-cost": {"pareto": "pareto"},
    "area-sweep": {"loss-gain": "compare"},
}


def figure_paths(e):
    """Every figure file of an experiment (PNG and SVG)."""
    modes = e["latency_modes"] if e["kind"] == "comparison" else [None]
    return [os.path.join(PAPER, "figures", "{}-{}{}{}".format(
                e["name"], fig, "-" + m if m else "", ext))
            for fig in REPORT_FIGURES[e["kind"]] for m in modes
            for ext in (".png", ".svg")]


def figure_data(wildcards):
    e = EXPERIMENTS[wildcards.exp]
    alias = REPORT_FIGURES[e["kind"]][wildcards.fig]
    if wildcards.mode:
        alias += "_" + wildcards.mode.lstrip("-")
    return REPORT_INPUTS[e["kind"]](e)[alias]


def figure_subtitle(wildcards):
    """The figure's subtitle: the experiment's sets and, for a comparison,
    its latency model."""
    e = EXPERIMENTS[wildcards.exp]
    text = ", ".join(experiment_sets(e))
    if wildcards.mode:
        text += ", {} latency".format(wildcards.mode.lstrip("-"))
    return text


# One figure: gnuplot -c tools/plots/<kind>-<fig>.gp DATA OUT.png OUT.svg
# REPORTED SUBTITLE (REPORTED: the papers' numbers, to mark them; "-" when
# absent).  Every script loads tools/plots/common.gp.
rule plot:
    input:
        data=figure_data,
        reported=paper_reported(),
        common="tools/plots/common.gp",
        script=lambda wildcards: "tools/plots/{}-{}.gp".format(
            EXPERIMENTS[wildcards.exp]["kind"], wildcards.fig),
    output:
        png=os.path.join(PAPER, "figures", "{exp}-{fig}{mode}.png"),
        svg=os.path.join(PAPER, "figures", "{exp}-{fig}{mode}.svg"),
    wildcard_constraints:
        exp="|".join(re.escape(n) for n in EXPERIMENTS),
        fig="|".join(sorted({f for figs in REPORT_FIGURES.values()
                             for f in figs})),
        mode="|-reference|-physical",
    log:
        "results/logs/plot/{exp}-{fig}{mode}.log",
    params:
        reported=lambda wildcards, input: input.reported or "-",
        subtitle=lambda wildcards: shell_quote(figure_subtitle(wildcards)),
    shell:
        "gnuplot -c {input.script} {input.data} {output.png} {output.svg}"
        " {params.reported} {params.subtitle} 2> {log}"


rule reported_table:
    input:
        reported=config["paper_reported"],
        map="experiments/reported-map.csv",
        tables=lambda wildcards: list(REPORT_INPUTS[
            EXPERIMENTS[wildcards.exp]["kind"]](
                EXPERIMENTS[wildcards.exp]).values()),
        tool="bin/reported-table",
    output:
        "results/reported/{exp}.csv",
    log:
        "results/logs/reported/{exp}.log",
    params:
        kind=lambda wildcards: EXPERIMENTS[wildcards.exp]["kind"],
        tags=lambda wildcards: " ".join(
            "--experiment {}".format(t)
            for t in EXPERIMENTS[wildcards.exp]["reported"]),
        tables=lambda wildcards: " ".join(
            "--csv {}={}".format(a, f) for a, f in REPORT_INPUTS[
                EXPERIMENTS[wildcards.exp]["kind"]](
                    EXPERIMENTS[wildcards.exp]).items()),
    shell:
        "{input.tool} {params.tags} --kind {params.kind}"
        " --reported {input.reported} --map {input.map} {params.tables}"
        " -o {output} 2> {log}"


def part_spec(wildcards):
    return report_parts(EXPERIMENTS[wildcards.exp])[int(wildcards.part)]


def shell_quote(s):
    return "'" + str(s).replace("'", "'\\''") + "'"


rule report_part:
    input:
        unpack(lambda wildcards: dict(
            part_spec(wildcards)[1], template=part_spec(wildcards)[0],
            tool="bin/fill-template")),
    output:
        "results/report/{}/parts/{{exp}}/{{part}}.md".format(STUDY),
    wildcard_constraints:
        part="[0-9]+",
    log:
        "results/logs/report/{exp}-{part}.log",
    params:
        args=lambda wildcards, input: " ".join(
            ["--csv {}={}".format(a, input[a]) for a in part_spec(wildcards)[1]]
            + ["--text {}={}".format(k, shell_quote(v))
               for k, v in sorted(part_spec(wildcards)[2].items())]),
    shell:
        "{input.tool} {input.template} {params.args} -o {output} 2> {log}"


rule report_experiment:
    input:
        parts=lambda wildcards: [
            "results/report/{}/parts/{}/{}.md".format(STUDY, wildcards.exp, i)
            for i in range(len(report_parts(EXPERIMENTS[wildcards.exp])))],
        figures=lambda wildcards: figure_paths(EXPERIMENTS[wildcards.exp]),
    output:
        os.path.join(PAPER, "{exp}.md"),
    wildcard_constraints:
        exp="|".join(re.escape(n) for n in EXPERIMENTS),
    log:
        "results/logs/report/{exp}.log",
    shell:
        "cat {input.parts} > {output} 2> {log}"


def skipped_experiments():
    """Experiments of the study that cannot run here, with the reason."""
    out = []
    for e in EXPERIMENTS.values():
        missing = sorted({w for s in experiment_sets(e)
                          for w in SETS[s]["workloads"]
                          if not workload_available(w)})
        if missing:
            out.append((e["name"], "needs {} (not found: {})".format(
                ", ".join(missing), ", ".join(
                    workload_source(type("W", (), {"workload": w}))
                    for w in missing))))
    return out


def report_sections():
    skipped = dict(skipped_experiments())
    return [os.path.join(PAPER, "{}.md".format(e["name"]))
            for e in EXPERIMENTS.values() if e["name"] not in skipped]


def report_data():
    """Every CSV the reports read (so a missing results/ reruns them)."""
    skipped = dict(skipped_experiments())
    return sorted({f for e in EXPERIMENTS.values()
                   if e["name"] not in skipped
                   for f in REPORT_INPUTS[e["kind"]](e).values()})
