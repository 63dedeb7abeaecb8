# t/lib/examples.sh: run the examples of a tool's --help as written.
# Source it after t/lib/cli.sh.  run_examples TOOL takes every line of
# `bin/TOOL --help` that starts with "  $ " (joining lines that end in a
# backslash), and runs each, in order, as a shell command in one scratch
# directory that holds links to the checkout's top-level entries (so an
# example may read any file of the repository and the files earlier
# examples wrote) with bin/ first on PATH; one test per example.
run_examples() {
    ex="$tmp/examples-$1"
    mkdir -p "$ex"
    for f in "$root"/*; do ln -s "$f" "$ex/"; done
    "$root/bin/$1" --help | awk '
        cont { line = line " " $0; sub(/^ +/, "", $0) }
        !cont && /^  \$ / { line = substr($0, 5) }
        !cont && !/^  \$ / { next }
        { cont = sub(/ *\\$/, "", line) }
        !cont { gsub(/  +/, " ", line); print line }' >"$tmp/examples.txt"
    [ -s "$tmp/examples.txt" ]
    ok $? "$1 --help has examples"
    while IFS= read -r cmd; do
        (cd "$ex" && PATH="$root/bin:$PATH" sh -c "$cmd") >/dev/null \
            2>"$tmp/example.err"
        ok $? "example runs as written: $cmd"
        sed 's/^/# /' "$tmp/example.err"
    done <"$tmp/examples.txt"
}
