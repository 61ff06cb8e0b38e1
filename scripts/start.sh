#!/usr/bin/env bash
# `npm start`: the main job. Builds and packs the extension, then opens it in a real VS Code on the samples.
#   - On these machines (no desktop VS Code to be had): code-server, a real VS Code in the browser, installed on
#     first use into ~/.cache/counterpoint; the address to open is printed. Ctrl+C stops it.
#   - Where the `code` command exists, it also says how to install the .vsix into desktop VS Code.
# Set COUNTERPOINT_START_FOLDER to open another folder than samples/.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "Building and packing the extension…"
npm run --silent package >/dev/null
size=$(du -k counterpoint.vsix | cut -f1)
echo "Packed counterpoint.vsix (${size} KB)."

echo "Trying the command line on the samples:"
node dist/cli.js compare samples/letter.md samples/response.md | sed 's/^/  /' | head -20
echo

if command -v code >/dev/null 2>&1; then
  echo "Desktop VS Code found. To install there:  code --install-extension $(pwd)/counterpoint.vsix"
  echo
fi

bash scripts/vscode-server/install.sh
folder=$(realpath "${COUNTERPOINT_START_FOLDER:-samples}")
echo
echo "Starting VS Code (code-server) on ${folder}…"
echo "Open the address printed below in a browser on this machine; open letter.md and hover over the underlined claims."
echo "Press Ctrl+C to stop."
exec node scripts/vscode-server/server.mjs --install-extension counterpoint.vsix "$folder"
