#!/usr/bin/env bash
# Writes each tool's bash/zsh completion script and its man pages' AsciiDoc source, from the tool's own
# picocli model (picocli.AutoComplete and picocli-codegen's ManPageGenerator), so that both always
# match --help. Run by the dist module's build; Asciidoctor then turns the AsciiDoc into man pages.
# Usage: tool-docs.sh CODEGEN_JAR OUT_DIR JAR...
set -euo pipefail
codegen="$1"
out="$2"
shift 2
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar_tool="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
mkdir -p "$out/completion" "$out/man-adoc"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for jar in "$@"; do
  tool="$(basename "$jar" .jar)"
  (cd "$work" && rm -rf META-INF && "$jar_tool" xf "$jar" META-INF/MANIFEST.MF)
  main="$(sed -n 's/^Main-Class: *//p' "$work/META-INF/MANIFEST.MF" | tr -d '\r')"
  [ -n "$main" ] || { echo "tool-docs: no Main-Class in $jar" >&2; exit 4; }
  "$java" -cp "$jar" picocli.AutoComplete --force --name "$tool" \
    --completionScript "$out/completion/${tool}_completion" "$main" >/dev/null
  "$java" -cp "$codegen:$jar" picocli.codegen.docgen.manpage.ManPageGenerator --outdir "$out/man-adoc" "$main" >/dev/null
done
