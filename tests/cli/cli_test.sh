#!/usr/bin/env bash
# CLI checks: CSV output of fcat, JSON of train, and every bad-input path exits 2 with a one-line message.
set -u
cli="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

check() {  # check NAME CONDITION-EXIT-CODE
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "PASS $1"; else failed=$((failed + 1)); echo "FAIL $1"; fi
}

# expect_error NAME PATTERN ARGS...: exit code 2, exactly one stderr line matching PATTERN, no stdout.
expect_error() {
  local name="$1" pattern="$2"
  shift 2
  "$cli" "$@" >"$tmp/out" 2>"$tmp/err"
  local code=$?
  local lines
  lines=$(wc -l <"$tmp/err")
  if [ "$code" -eq 2 ] && [ "$lines" -eq 1 ] && grep -q -- "$pattern" "$tmp/err" && [ ! -s "$tmp/out" ]; then
    check "$name" 0
  else
    echo "  exit $code, stderr: $(cat "$tmp/err")"
    check "$name" 1
  fi
}

cat >"$tmp/a.json" <<'JSON'
{"classes":[{"mean":[-0.5],"cov":[[0.25]],"prior":0.5},{"mean":[0.5],"cov":[[0.25]],"prior":0.5}]}
JSON
cat >"$tmp/n2.json" <<'JSON'
{"classes":[{"mean":[-0.5,-0.5],"cov":[[0.5,0],[0,0.5]]},{"mean":[0.5,0.5],"cov":[[0.5,0],[0,0.5]]}]}
JSON
echo '{"classes":[{"mean":[0,0],"cov":[[1,2],[2,1]]},{"mean":[1,1],"cov":[[1,0],[0,1]]}]}' >"$tmp/indefinite.json"
echo '{"classes":[' >"$tmp/truncated.json"

# 1-D CSV: header and the value F_cat(0) = 4 of spec 3.1 case A.
"$cli" fcat --mixture "$tmp/a.json" --grid -1:1:5 >"$tmp/csv" 2>"$tmp/err"
head -1 "$tmp/csv" | grep -qx 'x,p_1,p_2,fcat' && grep -q '^0,0.5,0.5,4$' "$tmp/csv" && [ "$(wc -l <"$tmp/csv")" -eq 6 ]
check fcat_1d_csv $?
# 2-D CSV: on the boundary line x1 + x2 = 0, f11 = f12 = f22 = 1 (lambda_max 2 along (1,1)/sqrt 2).
"$cli" fcat --mixture "$tmp/n2.json" --grid -1:1:3,-1:1:3 >"$tmp/csv2" 2>"$tmp/err"
head -1 "$tmp/csv2" | grep -qx 'x1,x2,p_1,p_2,f11,f12,f22' && grep -q '^0,0,0.5,0.5,1,1,1$' "$tmp/csv2"
check fcat_2d_csv $?
# train --json prints one object with the required keys.
"$cli" train --scenario E1 --epochs 2 --json >"$tmp/train.json" 2>"$tmp/err"
code=$?
ok=0
for key in epochs train_loss test_accuracy fcat_peaks fcode_peaks loglog_r spearman_r contrast info_loss \
  info_r info_r_se info_r_highsnr coding_cost decoding_cost decoding_cost_se bv_noise bv_bias bv_variance \
  info_xr info_xr_se info_xr_highsnr fcode_over_fcat_cv; do
  grep -q "\"$key\":" "$tmp/train.json" || ok=1
done
# The information keys (issue 13) are also inside "before", with numbers for a mixture scenario.
grep -q '"before":{[^}]*"info_r":[0-9.-]' "$tmp/train.json" || ok=1
[ "$code" -eq 0 ] && [ "$(wc -l <"$tmp/train.json")" -eq 1 ]
check train_json $((ok | $?))
"$cli" train --scenario E5 --epochs 1 --json | grep -q '"angle_deg_weighted":'
check train_json_2d $?
"$cli" train --link 'scenario=E5&sigma=0.5&epochs=1' --json | grep -q '"scenario":"E5"'
check train_link $?

expect_error missing_file "cannot open" fcat --mixture "$tmp/none.json" --grid -1:1:5
expect_error malformed_json "JSON line 2" fcat --mixture "$tmp/truncated.json" --grid -1:1:5
expect_error not_positive_definite "positive definite" fcat --mixture "$tmp/indefinite.json" --grid -1:1:3,-1:1:3
expect_error grid_reversed "lo < hi" fcat --mixture "$tmp/a.json" --grid 1:-1:5
expect_error grid_garbage "grid" fcat --mixture "$tmp/a.json" --grid abc
expect_error grid_wrong_dims "axes" fcat --mixture "$tmp/a.json" --grid -1:1:3,-1:1:3
expect_error unknown_scenario "unknown scenario 'E9'" train --scenario E9
expect_error unknown_option "unknown option --bogus" train --scenario E1 --bogus 1
expect_error bad_sigma "sigma" train --scenario E1 --sigma -1
expect_error bad_epochs "epochs" train --scenario E1 --epochs many
expect_error missing_value "needs a value" train --scenario
expect_error garbage_link "not understood" train --link '%%%garbage'
expect_error missing_mnist "mnist" train --scenario mnist --mnist "$tmp/none.cgd"
printf 'CGMNIST' >"$tmp/short.cgd"
expect_error corrupt_mnist "truncated\|too short\|header" train --scenario mnist --mnist "$tmp/short.cgd"
expect_error unknown_command "unknown command" frobnicate

# Bad input never aborts: files that are directories, huge grids and numbers, empty links (exit 2, one line naming the option).
expect_error mixture_is_directory "^catgeo: --mixture $tmp: is a directory" fcat --mixture "$tmp" --grid -2:2:5
expect_error mnist_is_directory "^catgeo: --mnist $tmp: is a directory" train --scenario mnist --mnist "$tmp"
expect_error grid_huge "^catgeo: --grid '-1e308:1e308:100': each grid axis needs lo < hi, both in \[-1000, 1000\]" \
  fcat --mixture "$tmp/a.json" --grid -1e308:1e308:100
expect_error grid_count "--grid.*count 3 to 4096" fcat --mixture "$tmp/a.json" --grid -1:1:1e9
echo '{"classes":[{"mean":[0],"cov":[[1]],"prior":1e308},{"mean":[1],"cov":[[1]],"prior":1e308}]}' >"$tmp/huge_prior.json"
expect_error huge_prior "--mixture .*class 1: prior 1e308 is outside the allowed range \[1e-6, 1000000\]" \
  fcat --mixture "$tmp/huge_prior.json" --grid -1:1:5
echo '{"classes":[{"mean":[1e308],"cov":[[1]]},{"mean":[-1e308],"cov":[[1]]}]}' >"$tmp/huge_mean.json"
expect_error huge_mean "class 1: mean 1e308 is outside the allowed range \[-100, 100\]" fcat --mixture "$tmp/huge_mean.json" --grid -1:1:5
expect_error tiny_sigma "^catgeo: --sigma 1e-320 is out of range \[0.01, 10\]$" train --scenario E1 --sigma 1e-320
expect_error big_epochs "^catgeo: --epochs 20000 is out of range \[1, 10000\]$" train --scenario E1 --epochs 20000
expect_error bad_layers "--layers 64t-9999s: widths must be 1 to 512" train --scenario E1 --layers 64t-9999s
expect_error empty_link "^catgeo: --link was not understood: the link is empty; showing E1$" train --link ''
# A link's clamped values run, with a notice on stderr naming the key and its range.
"$cli" train --link 'scenario=E1&sigma=50&epochs=1' --json >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] && grep -qx 'catgeo: notice: sigma=50 is out of range \[0.01, 10\]; using 10' "$tmp/err"
check link_notice_on_stderr $?

# --help on every command: exit 0, options with their ranges from the parameter table, on stdout.
for args in "--help" "train --help" "fcat --help"; do
  # shellcheck disable=SC2086
  "$cli" $args >"$tmp/help" 2>"$tmp/err"
  [ $? -eq 0 ] && [ ! -s "$tmp/err" ] && grep -q "usage: catgeo" "$tmp/help"
  check "help_${args// /_}" $?
done
"$cli" train --help | grep -q -- "--sigma X .*\[0.01, 10\]" && "$cli" train --help | grep -q -- "--epochs X .*\[1, 10000\]"
check help_ranges_from_table $?
"$cli" fcat --help | grep -q "count 3 to 4096" && "$cli" fcat --help | grep -q "2, 6"
check fcat_help_ranges $?

# A diverged run exits 1 with CLI words (no "press Reset"); no progress line when stderr is not a terminal.
"$cli" train --scenario E5 --lr 100 --opt sgd --epochs 50 >"$tmp/out" 2>"$tmp/err"
code=$?
[ "$code" -eq 1 ] && grep -q "^catgeo: training diverged in epoch [0-9]*: .*; lower --lr (now 100)$" "$tmp/err" && \
  ! grep -q "Reset" "$tmp/err" && [ "$(wc -l <"$tmp/err")" -eq 1 ]
check diverged_exit_1 $?

# On a terminal (script gives the run a pseudo-terminal) a run longer than a second shows its progress on stderr,
# one line rewritten in place, and clears it at the end; the JSON on stdout is the same as without a terminal.
if command -v script >/dev/null 2>&1; then
  script -qec "'$cli' train --scenario E6 --epochs 300 --json >'$tmp/tty_out'" /dev/null >"$tmp/tty" 2>&1
  tr '\r' '\n' <"$tmp/tty" | grep -q "^catgeo: training epoch [0-9.]* of 300 ([0-9]* s)" && \
    python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/tty_out"
  check progress_on_a_terminal $?
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
