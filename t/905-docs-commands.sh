#!/bin/sh
# 905-docs-commands: every command the documentation shows runs as
# written: each tool's --help examples (lines '  $ cmd', continued by a
# trailing backslash), in order, in a fresh copy of the project with bin/
# on PATH; and every command of README.md's ```sh blocks, where snakemake
# and make commands run as dry runs (-n: the real runs are the pipeline
# test's and CI's) and everything else for real.  A command that fails is
# one failing test, with its output.
tool=sh
. t/lib/cli.sh
command -v git >/dev/null 2>&1 || skip_all "git is not installed"
[ -d "$root/.git" ] || skip_all "not a git checkout"
ls "$root"/bin/* >/dev/null 2>&1 || skip_all "no tools built (run make)"

# A fresh copy of the tracked files, the built tools beside them, and the
# reference data reachable as ../shared, as from a checkout.
repo=$tmp/repo
mkdir -p "$repo"
(cd "$root" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$repo"
cp -R "$root/bin" "$repo/bin"
[ -d "$root/../shared" ] && ln -s "$root/../shared" "$tmp/shared"

# commands FILE: the commands of a text, one per line (continuations
# joined), from stdin lines already stripped of their prompt.
join_lines() {
    awk '{ if (sub(/\\$/, "")) { buf = buf $0 " "; next }
           print buf $0; buf = "" }'
}

# run_cmd DESCRIPTION COMMAND: one test.
run_cmd() {
    if (cd "$repo" && PATH="$repo/bin:$PATH" sh -c "$2") >"$tmp/out" 2>&1
    then
        ok 0 "$1"
    else
        ok 1 "$1"
        sed 's/^/# /' "$tmp/out" | tail -20
    fi
}

for bin in "$repo"/bin/*; do
    t=$(basename "$bin")
    # the example lines and their continuations
    "$bin" --help 2>/dev/null | awk '
        /^  \$ / { sub(/^  \$ /, ""); ex = 1; print; if (!/\\$/) ex = 0; next }
        ex { sub(/^ +/, ""); print; if (!/\\$/) ex = 0 }' |
        join_lines >"$tmp/examples.$t"
    if [ ! -s "$tmp/examples.$t" ]; then
        ok 1 "$t --help has examples"
        continue
    fi
    while IFS= read -r cmd; do
        run_cmd "$t --help example: $cmd" "$cmd"
    done <"$tmp/examples.$t"
done

# README.md: the commands of its sh blocks.
awk '/^```sh/ { inb = 1; next } /^```/ { inb = 0 } inb' "$root/README.md" |
    sed 's/[[:space:]]*#.*$//; /^[[:space:]]*$/d' | join_lines |
    sed 's/^[[:space:]]*//' >"$tmp/readme"
[ -s "$tmp/readme" ]
ok $? "README.md has sh blocks with commands"
while IFS= read -r cmd; do
    case $cmd in
    snakemake*) run_cmd "README: $cmd (dry run)" \
        "snakemake -n ${cmd#snakemake}" ;;
    make*) run_cmd "README: $cmd (dry run)" "make -n ${cmd#make}" ;;
    *) run_cmd "README: $cmd" "$cmd" ;;
    esac
done <"$tmp/readme"
done_testing
