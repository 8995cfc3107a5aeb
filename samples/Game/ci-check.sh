#!/usr/bin/env bash
# CI check of samples/Game: plays seeds 7 and 8 headless with the C guest and the Rust guest and fails unless
#   - every run wrote its PNG frames and a contact sheet,
#   - the C and Rust guests agree for the same seed (state hash, PNG hash and every frame file byte for byte),
#   - the game moves (first and last frame differ) and the two seeds give different frames from the first one on,
#   - on a small board (seed 2, 12x10) the snake crashes and restarts, identically in both guests,
#   - interactive mode without a terminal fails with a message pointing at --headless.
#
#   bash samples/Game/ci-check.sh [--frames N] [--out DIR]     (the output stays in DIR; default: a temporary dir)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
frames=120
out=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --frames) frames="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        *) echo "ci-check.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
if [[ -z "$out" ]]; then
    out="$(mktemp -d)"
    trap 'rm -rf "$out"' EXIT
fi

mkdir -p "$out"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

dotnet build "$here/Game.csproj" -nologo -v q >/dev/null
game() { dotnet run --project "$here/Game.csproj" --no-build -- "$@"; }

# hash_of <run> <name>: the value of the "<name>: ..." line the run printed.
hash_of() { sed -n "s/^$2: //p" "$out/$1.txt"; }

for seed in 7 8; do
    for guest in c rust; do
        run="$guest-$seed"
        if ! game --headless --frames "$frames" --seed "$seed" --guest "$guest" --out "$out/$run" >"$out/$run.txt"; then
            fail "$run: the headless run exited nonzero"
            continue
        fi
        sed 's/^/  /' "$out/$run.txt"
        count=$(find "$out/$run" -name 'frame_*.png' | wc -l)
        [[ "$count" -eq "$frames" ]] || fail "$run: expected $frames frames, found $count"
        for png in "$out/$run/frame_0000.png" "$out/$run/contact-sheet.png"; do
            [[ "$(head -c 8 "$png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" == "89504e470d0a1a0a" ]] \
                || fail "$run: $(basename "$png") is missing or not a PNG"
        done
        last=$(printf 'frame_%04d.png' $((frames - 1)))
        cmp -s "$out/$run/frame_0000.png" "$out/$run/$last" && fail "$run: the first and last frame are identical"
        [[ -n "$(hash_of "$run" 'state hash')" ]] || fail "$run: no state hash in the output"
    done

    for name in 'state hash' 'png hash'; do
        c=$(hash_of "c-$seed" "$name"); rust=$(hash_of "rust-$seed" "$name")
        [[ -n "$c" && "$c" == "$rust" ]] || fail "seed $seed: the C and Rust guests differ in the $name ($c vs $rust)"
    done
    diff -rq -x log.txt "$out/c-$seed" "$out/rust-$seed" >/dev/null \
        || fail "seed $seed: the C and Rust guests wrote different frame files"
    cmp -s "$out/c-$seed/log.txt" "$out/rust-$seed/log.txt" || fail "seed $seed: the C and Rust guests logged differently"
done

# A small board where the snake crashes at frame 354 (seed 2): the crash, GAME OVER and the restart must agree too.
for guest in c rust; do
    game --headless --frames 360 --seed 2 --width 12 --height 10 --guest "$guest" --out "$out/$guest-crash" \
        >"$out/$guest-crash.txt" || fail "$guest-crash: the headless run exited nonzero"
    grep -q '^games: 2,' "$out/$guest-crash.txt" || fail "$guest-crash: expected a crash and a second game"
done
for name in 'state hash' 'png hash'; do
    [[ "$(hash_of c-crash "$name")" == "$(hash_of rust-crash "$name")" ]] \
        || fail "crash run: the C and Rust guests differ in the $name"
done

[[ "$(hash_of c-7 'state hash')" != "$(hash_of c-8 'state hash')" ]] || fail "seeds 7 and 8 gave the same state hash"
cmp -s "$out/c-7/frame_0000.png" "$out/c-8/frame_0000.png" && fail "seeds 7 and 8 gave the same first frame"

# Interactive mode with stdin and stdout redirected must refuse and point at --headless.
set +e
message=$(game --guest c </dev/null 2>&1 >/dev/null)
status=$?
set -e
[[ $status -ne 0 && "$message" == *--headless* ]] \
    || fail "interactive mode without a terminal should exit nonzero and suggest --headless (exit $status: $message)"

if [[ $failures -gt 0 ]]; then
    echo "samples/Game ci-check: $failures check(s) failed" >&2
    exit 1
fi
echo "samples/Game ci-check: OK (seeds 7 and 8, $frames frames, and a crash and restart: C and Rust guests identical, seeds differ)"
