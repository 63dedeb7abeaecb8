# rules/report.smk: figures (one gnuplot script per figure) and the
# generated report.  Figures are named after their script:
# tools/plots/fig-<figure>.gp -> <paper_dir>/figures/fig-<figure>-<mode>.png.


# Every search's convergence trace in one table, one block per search.
rule collect_history:
    input:
        history=expand(
            "results/ga_search/{{exp}}/{{mode}}/{target}/seed{seed}/history.csv",
            target=TARGETS, seed=SEEDS),
        script="tools/collect-history.sh",
    output:
        "results/collect_history/{exp}/{mode}.csv",
    log:
        "results/logs/collect_history/{exp}/{mode}.log",
    params:
        targets=" ".join(TARGETS),
        seeds=" ".join(map(str, SEEDS)),
    shell:
        "sh {input.script} -o {output} -t '{params.targets}'"
        " -s '{params.seeds}' {input.history} 2> {log}"


# plot_<figure>: gnuplot -c tools/plots/fig-<figure>.gp DATA.csv OUT.png.
PLOT_DATA = {
    "ga-convergence": "results/collect_history/{exp}/{{mode}}.csv",
    "normalised-score": "results/summarise_seeds/{exp}/{{mode}}.csv",
    "generalisation-loss": "results/summarise_seeds/{exp}/{{mode}}.csv",
    "joint-vs-largest-gain": "results/summarise_seeds/{exp}/{{mode}}.csv",
}
for _figure, _data in PLOT_DATA.items():

    rule:
        name:
            "plot_{}".format(_figure.replace("-", "_"))
        input:
            data=_data.format(exp=EXP),
            script="tools/plots/fig-{}.gp".format(_figure),
        output:
            os.path.join(PAPER, "figures", "fig-{}-{{mode}}.png".format(_figure)),
        log:
            "results/logs/plot_{}/{}/{{mode}}.log".format(
                _figure.replace("-", "_"), EXP),
        shell:
            "gnuplot -c {input.script} {input.data} {output} 2> {log}"


rule paper:
    input:
        summary=expand("results/summarise_seeds/{exp}/{mode}.csv",
                       exp=EXP, mode=MODES),
        compare=expand("results/compare_specific/{exp}/{mode}/{sel}.csv",
                       exp=EXP, mode=MODES, sel=SELECTIONS),
        designs=expand("results/pick_design/{exp}/{mode}/best/{target}.csv",
                       exp=EXP, mode=MODES, target=TARGETS),
        history=expand(
            "results/ga_search/{exp}/{mode}/{target}/seed{seed}/history.csv",
            exp=EXP, mode=MODES, target=TARGETS, seed=SEEDS),
        traces=expand("results/collect_history/{exp}/{mode}.csv",
                      exp=EXP, mode=MODES),
        benchmarks=expand(
            "results/benchmarks/ga_search/{exp}/{mode}/{target}/seed{seed}.tsv",
            exp=EXP, mode=MODES, target=TARGETS, seed=SEEDS),
        figures=expand(os.path.join(PAPER, "figures", "fig-{figure}-{mode}.png"),
                       figure=list(PLOT_DATA), mode=MODES),
        space=config["space"],
        reported=paper_reported(),
        optimum="results/optimum_report/{}.md".format(EXP),
        script="tools/make-results-md.sh",
    output:
        os.path.join(PAPER, "results.md"),
    log:
        "results/logs/paper/{}.log".format(EXP),
    params:
        name=lambda wildcards: EXP,
        workloads=" ".join(WORKLOADS),
        largest=LARGEST,
        modes=" ".join(MODES),
        seeds=" ".join(map(str, SEEDS)),
        ga="{} {}".format(config["ga"]["population"], config["ga"]["generations"]),
        schedule=config["ga"]["schedule"],
        objective=config["objective"],
        area=config["area_max_mm2"],
        # passed even when absent, so the report can say what is missing
        reported_path=lambda wildcards: config["paper_reported"],
    shell:
        "sh {input.script} -o {output}.part -n {params.name}"
        " -w '{params.workloads}' -l {params.largest} -m '{params.modes}'"
        " -s '{params.seeds}' -g '{params.ga}' -S {params.schedule}"
        " -j {params.objective} -a {params.area} -x {input.space}"
        " -r '{params.reported_path}' -R results -f figures 2> {log}"
        " && cat {input.optimum} >> {output}.part && mv {output}.part {output}"
