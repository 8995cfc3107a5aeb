#!/usr/bin/env bash
# The interactive game in a real terminal (tmux): it must not move before the first key, and must move after it.
# Headless mode is unaffected (ci-check.sh). Skips, with a message, where tmux is not installed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v tmux >/dev/null || { echo "interactive-check: tmux is not installed, skipped"; exit 0; }
dotnet build "$here/Game.csproj" -c Release -nologo -v q >/dev/null
session="wasmmarshal-game-$$"
tmux new-session -d -s "$session" -x 120 -y 40 "dotnet '$here/bin/Release/net10.0/Game.dll' --seed 7 --tick 100"
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
board() { tmux capture-pane -p -t "$session" | head -25; }
fail() { echo "interactive-check: $*" >&2; tmux capture-pane -p -t "$session" >&2; exit 1; }
for _ in $(seq 50); do board | grep -q 'press an arrow key' && break; sleep 0.2; done
board | grep -q 'press an arrow key' || fail "the game did not start or does not ask for a key"
before="$(board)"
sleep 1.5
[[ "$(board)" == "$before" ]] || fail "the snake moved before any key was pressed"
tmux send-keys -t "$session" Right
sleep 1.5
[[ "$(board)" != "$before" ]] || fail "the snake did not move after a key"
tmux send-keys -t "$session" q
echo "interactive-check: the game waits for the first key, then moves"
