#!/usr/bin/env bash
# Installs the Debian 12 packages the build, the tests, the examples and the
# tools need, and any named as arguments, when they are missing
# (--list prints them instead). Used by
# tools/build.sh and .ci/run; tools/audit_packages.sh checks that every header
# and library the build read comes from one of these (or their dependencies).
set -euo pipefail

# Compilers and build tools: g++ 12, and clang 14 with its runtime libraries
# (sanitizers, libFuzzer) for CI's clang builds.
tools=(g++ clang libclang-rt-14-dev cmake make pkg-config)
libraries=(libboost1.81-dev libboost-json1.81-dev libboost-test1.81-dev libboost-url1.81-dev
           libcpp-httplib-dev libssl-dev duktape-dev libcli11-dev libsqlite3-dev zlib1g-dev)
packages=("${tools[@]}" "${libraries[@]}")
# --list: print the list, one package a line (for tools/audit_packages.sh).
if [ "${1:-}" = --list ]; then
    printf '%s\n' "${packages[@]}"
    exit 0
fi
packages+=("$@")
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
((${#missing[@]})) || exit 0

echo "installing: ${missing[*]}"
as_root=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
$as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq "${missing[@]}"
