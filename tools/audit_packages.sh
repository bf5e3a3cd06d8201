#!/usr/bin/env bash
# Checks that everything a build read from outside the source tree belongs to
# a Debian package that tools/install_packages.sh installs, or that one of
# those depends on (recursively), so that a fresh Debian 12 builds what this
# machine built. What a build read:
#   - every header, from the compiler's dependency files (*.d) under the build
#     directories;
#   - every library linked, from CMake's link commands (link.txt), -lNAME
#     resolved by the compiler as the linker would;
#   - every file CMake read while configuring (CMakeFiles/Makefile.cmake):
#     package configuration files, Duktape's sources.
# A file that no package owns (e.g. under /usr/local) fails too.
#
#   tools/audit_packages.sh [BUILD_DIR...]      (default: build)
#
# Run it after the builds (Makefile generator): it audits what they read, not
# what they could read.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd -P)
(($#)) || set -- build

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

for dir in "$@"; do
    [ -f "$dir/CMakeCache.txt" ] || { echo "audit: $dir is not a CMake build directory" >&2; exit 2; }
done

# 1. The paths, each once. Dependency files are Make rules: targets end with
#    ':', prerequisites follow, lines continue with '\'.
{
    find "$@" \( -name '*.d' -o -name compiler_depend.make \) -type f -print0 |
        xargs -0 -r cat | tr -s ' \\\t' '\n\n\n' | grep -v -e ':$' -e '^#' -e '^$' || true
    find "$@" -name Makefile.cmake -path '*/CMakeFiles/*' -type f -print0 |
        xargs -0 -r sed -n 's/^  "\(\/[^"]*\)"$/\1/p'
    # Link commands: the first word is the compiler driver, which resolves -lNAME.
    find "$@" -name link.txt -path '*/CMakeFiles/*' -type f -print0 | while IFS= read -r -d '' link; do
        read -r -a words <"$link"
        for word in "${words[@]:1}"; do
            case "$word" in
                /*.so | /*.so.* | /*.a) echo "$word" ;;
                -l*)
                    name=${word#-l}
                    for file in "lib$name.so" "lib$name.a"; do
                        found=$("${words[0]}" -print-file-name="$file")
                        [ "$found" != "$file" ] && { echo "$found"; break; }
                    done
                    ;;
            esac
        done
    done
} | sort -u >"$scratch/read"
# Ninja keeps its dependencies in a database of its own, not in .d files.
[ -n "$(find "$@" -name '*.o.d' -type f -print -quit)" ] ||
    { echo "audit: no dependency file in $*: build first (with CMake's Makefile generator)" >&2; exit 2; }

# 2. Outside the source tree and the build directories only, normalized
#    (g++ writes /usr/lib/gcc/.../../../../include/...). Dependency files name
#    sources relative to the build directory: those are ours.
build_dirs=()
for dir in "$@"; do build_dirs+=("$(cd "$dir" && pwd -P)"); done
grep '^/' "$scratch/read" | xargs -r realpath -s -m -- | sort -u |
    while IFS= read -r path; do
        case "$path" in "$source_dir"/*) continue ;; esac
        for dir in "${build_dirs[@]}"; do case "$path" in "$dir"/*) continue 2 ;; esac; done
        echo "$path"
    done >"$scratch/outside"

# 3. Each path's package. On merged-/usr Debian a package may own a file under
#    /lib while the compiler names it under /usr/lib (or the other way round),
#    and own a symbolic link rather than its target: ask for each spelling,
#    in order (as named, then resolved; each also with /usr toggled).
xargs -r -d '\n' realpath -m -- <"$scratch/outside" | paste "$scratch/outside" - | awk -F'\t' '
    function toggled(p) {
        if (p ~ /^\/usr\/(lib|lib64|bin|sbin)\//) return substr(p, 5)
        if (p ~ /^\/(lib|lib64|bin|sbin)\//) return "/usr" p
        return ""
    }
    {
        print $1 "\t" $1; if (toggled($1) != "") print $1 "\t" toggled($1)
        if ($2 != $1) { print $1 "\t" $2; if (toggled($2) != "") print $1 "\t" toggled($2) }
    }' >"$scratch/spellings"
# One query for them all; dpkg prints "package[:arch][, package...]: path".
cut -f2 "$scratch/spellings" | sort -u | xargs -r -d '\n' dpkg-query -S 2>/dev/null |
    grep -v '^diversion ' | sed 's/: /\t/' | awk -F'\t' '{print $2 "\t" $1}' | sort -u >"$scratch/owners" || true

# 4. What may be read: the install list and, among the installed packages,
#    everything it depends on, recursively (every alternative, and every
#    provider of a virtual package). One read of dpkg's database.
dpkg-query -W -f='${db:Status-Abbrev}\t${Package}\t${Pre-Depends}, ${Depends}\t${Provides}\n' | awk -F'\t' '
    function bare(name) { sub(/^ +/, "", name); sub(/[ :].*/, "", name); return name }
    FILENAME == ARGV[1] { queue[++n] = $1; allowed[$1] = 1; next }
    $1 !~ /^ii/ { next }
    {
        depends[$2] = $3
        count = split($4, provided, ",")
        for (i = 1; i <= count; i++) providers[bare(provided[i])] = providers[bare(provided[i])] " " $2
    }
    END {
        for (i = 1; i <= n; i++) {
            count = split(depends[queue[i]], names, /[,|]/)
            for (j = 1; j <= count; j++) {
                name = bare(names[j])
                if (name == "") continue
                more = split(name providers[name], candidates, " ")
                for (k = 1; k <= more; k++)
                    if (!(candidates[k] in allowed)) { allowed[candidates[k]] = 1; queue[++n] = candidates[k] }
            }
        }
        for (name in allowed) print name
    }
' <(tools/install_packages.sh --list) - | sort >"$scratch/allowed"

# 5. The verdict: each path's first spelling that a package owns decides.
#    One line per package that is not allowed, with a file it gave.
failures=$(awk -F'\t' '
    FILENAME == ARGV[1] { allowed[$1] = 1; next }
    FILENAME == ARGV[2] { owners[$1] = $2; next }
    !($1 in decided) && ($2 in owners) {
        decided[$1] = 1
        split(owners[$2], packages, ", ")
        names = ""
        for (i = 1; i in packages; i++) {
            sub(/:.*/, "", packages[i])
            if (packages[i] in allowed) next
            names = names (names == "" ? "" : ", ") packages[i]
        }
        if (!(names in files)) { files[names] = $1; order[++n] = names }
        count[names]++
    }
    { seen[$1] = 1 }
    END {
        for (i = 1; i <= n; i++) {
            more = count[order[i]] - 1
            printf "%s: not in tools/install_packages.sh nor a dependency of its packages, yet the build read %s%s\n",
                order[i], files[order[i]], (more ? " and " more " more of its files" : "")
        }
        for (path in seen) if (!(path in decided)) printf "no Debian package owns %s, which the build read\n", path
    }
' "$scratch/allowed" "$scratch/owners" "$scratch/spellings" | sort)

checked=$(wc -l <"$scratch/outside")
if [ -n "$failures" ]; then
    echo "$failures" >&2
    echo "audit: a fresh Debian 12 lacks what the build read above ($checked files checked):" \
         "add each package to tools/install_packages.sh" >&2
    exit 1
fi
echo "audit: the $checked files the build read from outside the tree all come from installed packages"
