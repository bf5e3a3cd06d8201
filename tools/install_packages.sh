#!/usr/bin/env bash
# Installs the Debian 12 packages the build needs, and any named as arguments,
# when they are missing. Used by tools/build.sh and .ci/run.
set -euo pipefail

packages=(g++ cmake make pkg-config libboost1.81-dev libboost-json1.81-dev libboost-test1.81-dev libboost-url1.81-dev
          libcpp-httplib-dev libssl-dev duktape-dev libsqlite3-dev "$@")
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
((${#missing[@]})) || exit 0

echo "installing: ${missing[*]}"
as_root=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
$as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq "${missing[@]}"
