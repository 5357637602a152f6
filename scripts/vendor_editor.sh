#!/usr/bin/env bash
# Refresh the web editor's vendored packages (docs/assets/vendor/{decap-cms,yaml,node-diff3})
# from the npm registry, at the versions below. Nothing is built: the files are the packages'
# own browser builds, so the site never needs Node.js to build. Run by hand when upgrading;
# each folder's SOURCE.md names the version and the tarball's integrity.
set -euo pipefail
cd "$(dirname "$0")/.."
DECAP=3.16.3
YAML=2.9.1
DIFF3=3.2.1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fetch() {   # package version → unpacked in $work/<package>
  local name=$1 version=$2 dir="$work/$1"
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "$name@$version" > name.txt && tar -xzf "$(cat name.txt)")
  npm view "$name@$version" dist.integrity > "$dir/integrity.txt"
}
fetch decap-cms "$DECAP"
fetch yaml "$YAML"
fetch node-diff3 "$DIFF3"
vendor=docs/assets/vendor
rm -rf "$vendor/decap-cms" "$vendor/yaml" "$vendor/node-diff3"
mkdir -p "$vendor/decap-cms" "$vendor/yaml" "$vendor/node-diff3"
# Decap's bundle and the chunks it loads on demand (not the source maps, not the `cms.js` copy).
cp "$work/decap-cms/package/dist/"*decap-cms.js "$work/decap-cms/package/dist/decap-cms.js.LICENSE.txt" "$vendor/decap-cms/"
cp -r "$work/yaml/package/browser/dist/." "$vendor/yaml/"
cp "$work/yaml/package/LICENSE" "$vendor/yaml/LICENSE"
cp "$work/node-diff3/package/dist/diff3.mjs" "$vendor/node-diff3/"
cp "$work/node-diff3/package/LICENSE.md" "$vendor/node-diff3/LICENSE"   # not .md: it is no page of the site
note() {   # folder package version files
  cat > "$vendor/$1/SOURCE.md" <<NOTE
From the npm package \`$2\` $3 ($4), integrity \`$(cat "$work/$2/integrity.txt")\`.
Vendored for the web editor (/sunting/) so that nothing loads from a CDN; only that page
loads it. Refresh with \`bash scripts/vendor_editor.sh\` (versions at its top).
NOTE
}
note decap-cms decap-cms "$DECAP" "\`dist/decap-cms.js\`, the chunks it loads on demand and \`decap-cms.js.LICENSE.txt\`, the notices of what it bundles; the package ships no licence file, its package.json declares MIT"
note yaml yaml "$YAML" "\`browser/dist/\`, an ES module, \`LICENSE\`: ISC"
note node-diff3 node-diff3 "$DIFF3" "\`dist/diff3.mjs\`, \`LICENSE.md\` as \`LICENSE\`: MIT"
