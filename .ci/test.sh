#!/usr/bin/env bash
# Runs every test. First installs what the tests need when it is missing:
#   - Debian's chromium (browser tests drive it through Playwright; never `playwright install`)
#   - the PostgreSQL server binaries (the tests start a private cluster of their own on a free loopback port)
#   - the certificate fonts: PDFsharp reads TrueType files only, so Chinese comes from fonts-droid-fallback and Latin
#     letters and digits from fonts-dejavu-core (Noto CJK's .ttc files have CFF outlines PDFsharp cannot embed)
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v npm >/dev/null || missing+=(nodejs npm)
[ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || missing+=(fonts-droid-fallback)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
set +e
dotnet test Competition.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain summary line for whoever reads the log: "N passed, N failed, N skipped".
summary=$(grep -E "Failed:\s+[0-9]+, Passed:\s+[0-9]+, Skipped:\s+[0-9]+" "$log" | tail -1 || true)
if [ -n "$summary" ]; then
  f=$(sed -E 's/.*Failed:\s+([0-9]+).*/\1/' <<<"$summary")
  p=$(sed -E 's/.*Passed:\s+([0-9]+).*/\1/' <<<"$summary")
  s=$(sed -E 's/.*Skipped:\s+([0-9]+).*/\1/' <<<"$summary")
  echo "$p passed, $f failed, $s skipped"
fi
rm -f "$log"
exit "$status"
