#!/bin/sh
# 905-docs-commands: every command the documentation shows runs as
# written: each tool's --help examples (lines '  $ cmd', continued by a
# trailing backslash), in order, in a fresh copy of the project with bin/
# on PATH; then every command of the ```sh blocks of README.md and of
# docs/howto.md, in document order, in the same copy, where snakemake and
# make commands run as dry runs (-n: the real runs are the pipeline
# test's and CI's) and everything else for real.  The howto's recipes
# share $T, made once for the whole document; its blocks whose comment
# says "needs the reference data" are skipped when the copy's
# ../shared/reference/cimloop is absent, as are the commands of either
# document that name the calibration's outputs (validation.md,
# results/calibrate/, results/validation/) or the data.  A command that
# fails is one failing test, with its output.
tool=sh
. t/lib/cli.sh
command -v git >/dev/null 2>&1 || skip_all "git is not installed"
[ -d "$root/.git" ] || skip_all "not a git checkout"
ls "$root"/bin/* >/dev/null 2>&1 || skip_all "no tools built (run make)"

# ok as t/lib/cli.sh's, printed with printf: a command's text may hold
# backslashes, which some shells' echo would interpret.
ok() {
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then printf 'ok %d - %s\n' "$n" "$2"; else
        printf 'not ok %d - %s\n' "$n" "$2"; failed=$((failed + 1)); fi
}

# A fresh copy of the tracked files, the built tools beside them, and the
# reference data reachable as ../shared, as from a checkout.
repo=$tmp/repo
mkdir -p "$repo"
(cd "$root" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$repo"
cp -R "$root/bin" "$repo/bin"
[ -d "$root/../shared" ] && ln -s "$root/../shared" "$tmp/shared"

# join_lines: lines already stripped of their prompt, one command per
# line (continuations joined).
join_lines() {
    awk '{ if (sub(/\\$/, "")) { buf = buf $0 " "; next }
           print buf $0; buf = "" }'
}

# doc_commands FILE DIR: the commands of FILE's ```sh blocks, in order,
# one file each (DIR/cmd.0001, ...), with DIR/cmd.NNNN.ref beside one
# whose block says it needs the reference data.  A block indented in a
# list item loses its fence's indentation; a comment starts a line or
# follows a blank; a trailing backslash continues a command; a
# here-document (<<'EOF' or <<EOF) is kept verbatim up to its end line.
doc_commands() {
    mkdir -p "$2"
    awk -v dir="$2" '
        function emit(f) {
            if (buf == "") return
            f = sprintf("%s/cmd.%04d", dir, ++k)
            print buf >f; close(f)
            if (ref) { print "" >(f ".ref"); close(f ".ref") }
            buf = ""
        }
        !inb && /^[[:space:]]*```sh[[:space:]]*$/ {
            inb = 1; ref = 0; match($0, /^[[:space:]]*/); ind = RLENGTH; next
        }
        !inb { next }
        {
            line = $0
            lead = substr(line, 1, ind)
            if (lead ~ /^[[:space:]]*$/) line = substr(line, ind + 1)
            else sub(/^[[:space:]]+/, "", line)
        }
        eof != "" {
            buf = buf "\n" line
            if (line == eof) { eof = ""; emit() }
            next
        }
        line ~ /^```[[:space:]]*$/ { emit(); inb = 0; next }
        line ~ /^[[:space:]]*#/ {
            if (line ~ /needs the reference data/) ref = 1
            next
        }
        {
            sub(/[[:space:]]+#.*$/, "", line)
            if (line ~ /^[[:space:]]*$/) next
            if (buf == "") sub(/^[[:space:]]+/, "", line)
            if (match(line, /<<-?[\047"]?[A-Za-z_][A-Za-z_0-9]*/)) {
                eof = substr(line, RSTART + 2, RLENGTH - 2)
                sub(/^-/, "", eof); gsub(/[\047"]/, "", eof)
            }
            if (eof == "" && sub(/\\$/, "", line)) { buf = buf line " "; next }
            buf = buf line
            if (eof == "") emit()
        }' "$1"
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

skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }

# doc_tests LABEL FILE: one test per command of FILE's sh blocks.
doc_tests() {
    rm -rf "$tmp/cmds"
    doc_commands "$2" "$tmp/cmds"
    ls "$tmp"/cmds/cmd.* >/dev/null 2>&1
    ok $? "$1 has sh blocks with commands"
    for f in "$tmp"/cmds/cmd.[0-9][0-9][0-9][0-9]; do
        [ -e "$f" ] || continue
        cmd=$(cat "$f")
        desc=$(printf '%s\n' "$cmd" | sed -n 1p)
        [ "$cmd" = "$desc" ] || desc="$desc (with a here-document)"
        # a '#' in a TAP description would start a directive
        desc=$(printf '%s\n' "$desc" | sed 's/#/\\#/g')
        # needs the reference data: a marked block, or a command that names
        # the calibration's outputs or the data itself
        ref=0
        [ -e "$f.ref" ] && ref=1
        case $cmd in
        *validation.md* | *results/calibrate/* | *results/validation/* | \
            *../shared/reference*) ref=1 ;;
        esac
        if [ $ref = 1 ] && [ ! -d "$tmp/shared/reference/cimloop" ]; then
            skip "$1: $desc (no reference data in ../shared/reference/cimloop)"
            continue
        fi
        case $cmd in
        'T=$(mktemp -d)') ok 0 "$1: $cmd (the test's \$T, made once)" ;;
        snakemake*) run_cmd "$1: $desc (dry run)" \
            "snakemake -n ${cmd#snakemake}" ;;
        make*) run_cmd "$1: $desc (dry run)" "make -n ${cmd#make}" ;;
        *) run_cmd "$1: $desc" "$cmd" ;;
        esac
    done
}

doc_tests README "$root/README.md"

# docs/howto.md: its recipes share one $T.
T=$tmp/T
mkdir -p "$T"
export T
doc_tests howto "$root/docs/howto.md"
done_testing
