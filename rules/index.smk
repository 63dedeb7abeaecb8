# rules/index.smk: the study's index (<paper_dir>/results.md): every
# experiment with its kind, file and section, and those that cannot run
# here with the reason (a workload description that is absent, e.g. the
# reference's layer files).
#
# results/report/<study>/experiments.csv      the index's data (metadata
#                                              from the configuration only)


rule study_index_data:
    output:
        "results/report/{}/experiments.csv".format(STUDY),
    params:
        rows=lambda wildcards: [
            (e["name"], e["kind"], e["file"], e["title"],
             dict(skipped_experiments()).get(e["name"], ""))
            for e in EXPERIMENTS.values()],
    run:
        with open(output[0], "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["experiment", "kind", "file", "title", "section",
                        "link", "skipped"])
            for name, kind, path, title, skipped in params.rows:
                w.writerow([name, kind, path, title,
                            "" if skipped else "{}.md".format(name),
                            "" if skipped else "[{}]({}.md)".format(title,
                                                                    name),
                            skipped])


rule study_index:
    input:
        experiments="results/report/{}/experiments.csv".format(STUDY),
        sections=report_sections(),
        template="report/index.md.in",
        tool="bin/fill-template",
    output:
        os.path.join(PAPER, "results.md"),
    log:
        "results/logs/report/{}-index.log".format(STUDY),
    params:
        study=STUDY,
    shell:
        "{input.tool} {input.template} --csv experiments={input.experiments}"
        " --text study={params.study} -o {output} 2> {log}"
