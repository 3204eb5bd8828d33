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
# Issue 14: Gaussian dropout noise on r through the parameter table (--noise, --alpha); it needs sigmoid units at r.
"$cli" train --scenario E1 --noise dropout --alpha 0.5 --epochs 1 --json | grep -q '"info_r":[0-9]'
check train_dropout $?
# Issue 14: per-layer metrics (every hidden layer from the one after the projection to r, before and after training),
# the 1-D distance between F_code's and F_cat's peaks, and the decoder check on request.
"$cli" train --scenario E6 --epochs 2 --json >"$tmp/e6.json" 2>"$tmp/err"
python3 - "$tmp/e6.json" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
for layers in (run["layers"], run["before"]["layers"]):
    assert [l["index"] for l in layers] == [0, 1], layers
    for l in layers:
        assert set(l) == {"index", "contrast", "loglog_r", "angle_deg_weighted"}, l
        assert l["contrast"] >= 1 and -1 <= l["loglog_r"] <= 1 and 0 <= l["angle_deg_weighted"] <= 90, l
# the last layer is r: its metrics are the run's own
assert run["layers"][1]["contrast"] == run["contrast"] and run["layers"][1]["loglog_r"] == run["loglog_r"]
assert "decoder_check" not in run and "fcode_fcat_peak_distance" not in run
PY
check train_json_layers $?
"$cli" train --scenario E1 --epochs 2 --json >"$tmp/e1.json" 2>"$tmp/err"
python3 - "$tmp/e1.json" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
assert [set(l) for l in run["layers"]] == [{"index", "contrast", "loglog_r"}], run["layers"]
d = run["fcode_fcat_peak_distance"]
# Hausdorff distance between the two peak lists (null when either is empty)
if run["fcode_peaks"] and run["fcat_peaks"]:
    expect = max(max(min(abs(a - b) for b in run["fcat_peaks"]) for a in run["fcode_peaks"]),
                 max(min(abs(a - b) for a in run["fcode_peaks"]) for b in run["fcat_peaks"]))
    assert abs(d - expect) < 1e-6 * max(1, expect), (d, expect)
else:
    assert d is None, d
assert "fcode_fcat_peak_distance" in run["before"]
PY
check train_json_peak_distance $?
"$cli" train --scenario E5 --epochs 1 --decoder-check --json >"$tmp/dec.json" 2>"$tmp/err"
python3 - "$tmp/dec.json" <<'PY'
import json, sys
check = json.load(open(sys.argv[1]))["decoder_check"]
assert set(check) == {"points", "median_rel_error", "sigma", "draws"}, check
assert check["points"] > 50 and check["sigma"] == 1 and check["draws"] == 400, check
assert 0 <= check["median_rel_error"] < 1, check
PY
check train_decoder_check $?
"$cli" train --help | grep -q -- "--decoder-check" && "$cli" train --help | grep -q "layers .*per hidden layer"
check help_layers_decoder_check $?

expect_error missing_file "cannot open" fcat --mixture "$tmp/none.json" --grid -1:1:5
expect_error malformed_json "JSON line 2" fcat --mixture "$tmp/truncated.json" --grid -1:1:5
expect_error not_positive_definite "positive definite" fcat --mixture "$tmp/indefinite.json" --grid -1:1:3,-1:1:3
expect_error grid_reversed "lo < hi" fcat --mixture "$tmp/a.json" --grid 1:-1:5
expect_error grid_garbage "grid" fcat --mixture "$tmp/a.json" --grid abc
expect_error grid_wrong_dims "axes" fcat --mixture "$tmp/a.json" --grid -1:1:3,-1:1:3
expect_error unknown_scenario "unknown scenario 'E9'" train --scenario E9
expect_error unknown_option "unknown option --bogus" train --scenario E1 --bogus 1
expect_error bad_sigma "sigma" train --scenario E1 --sigma -1
expect_error dropout_tanh_r "noise=dropout needs sigmoid units" train --scenario E1 --noise dropout --layers 64t
expect_error bad_alpha "^catgeo: --alpha 9 is out of range \[0.01, 4\]$" train --scenario E1 --alpha 9
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
for args in "--help" "train --help" "fcat --help" "sweep --help" "help"; do
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

# sweep: help, a tiny sweep of 2 runs on 2 threads (Markdown rows carry their links), bad options exit 2.
"$cli" sweep --help >"$tmp/help" 2>"$tmp/err"
[ $? -eq 0 ] && [ ! -s "$tmp/err" ] && grep -q "usage: catgeo sweep" "$tmp/help" && grep -q -- "--jobs N" "$tmp/help" && \
  grep -q -- "--epochs X .*\[1, 10000\]" "$tmp/help"
check sweep_help $?
"$cli" sweep --scenarios E1 --seeds 1-2 --sigmas 0.5 --epochs 2 --jobs 2 >"$tmp/sweep.md" 2>"$tmp/err"
code=$?
[ "$code" -eq 0 ] && [ ! -s "$tmp/err" ] && grep -q '^| E1 | 0.5 | 128 | 2 | ' "$tmp/sweep.md" && \
  [ "$(grep -c '^| `scenario=E1&sigma=0.5&epochs=2[&`].* | finished | ' "$tmp/sweep.md")" -eq 2 ] && \
  grep -q '^| `scenario=E1&sigma=0.5&epochs=2&seed=2&v=[0-9]*` | ' "$tmp/sweep.md"
check sweep_tiny_markdown $?
# Each sweep run (threads in parallel) gives exactly the numbers of catgeo train --link with its link, the width
# study's I(mu;r), its se and its high-SNR form included.
"$cli" sweep --scenarios E1,E5 --seeds 3 --sigmas 0.2 --widths 16 --epochs 2 --jobs 2 --json >"$tmp/sweep.json" 2>"$tmp/err"
ok=$?
[ "$(wc -l <"$tmp/sweep.json")" -eq 2 ] || ok=1
while read -r link; do
  "$cli" train --link "$link" --json >>"$tmp/sweep_train.json" 2>"$tmp/err" || ok=1
done < <(python3 -c 'import json,sys; [print(json.loads(l)["link"]) for l in open(sys.argv[1])]' "$tmp/sweep.json")
python3 - "$tmp/sweep.json" "$tmp/sweep_train.json" <<'PY' || ok=1
import json, sys
sweep = [json.loads(l) for l in open(sys.argv[1])]
train = [json.loads(l) for l in open(sys.argv[2])]
assert len(sweep) == len(train) == 2
assert all("layers=16s" in s["link"] and s["info_r_highsnr"] is not None for s in sweep), sweep
for s, t in zip(sweep, train):
    for key in s:
        if key == "before":
            assert all(s[key][k] == t[key][k] for k in s[key]), (s["link"], "before")
        elif key != "link":
            assert s[key] == t[key], (s["link"], key, s[key], t[key])
PY
check sweep_runs_equal_train_link $ok
# Shards (issue 20): 3 parts run as separate processes, merged, give the unsharded sweep's tables and JSON lines
# byte for byte; a missing part or a repeated file is an error naming it.
args=(sweep --scenarios E1 --seeds 1-2 --sigmas 0.5,1 --widths 8,32 --epochs 2 --jobs 2)
"$cli" "${args[@]}" >"$tmp/whole.md" 2>"$tmp/err" && "$cli" "${args[@]}" --json >"$tmp/whole.json" 2>>"$tmp/err"
ok=$?
pids=()
for k in 1 2 3; do "$cli" "${args[@]}" --shard "$k/3" >"$tmp/shard$k.jsonl" 2>>"$tmp/err" & pids+=($!); done
for pid in "${pids[@]}"; do wait "$pid" || ok=1; done
"$cli" sweep --merge "$tmp/shard1.jsonl" "$tmp/shard2.jsonl" "$tmp/shard3.jsonl" >"$tmp/merged.md" 2>>"$tmp/err" || ok=1
"$cli" sweep --json --merge "$tmp/shard3.jsonl" "$tmp/shard1.jsonl" "$tmp/shard2.jsonl" >"$tmp/merged.json" 2>>"$tmp/err" || ok=1
[ "$ok" -eq 0 ] && [ ! -s "$tmp/err" ] && [ "$(wc -l <"$tmp/whole.json")" -eq 8 ] && \
  [ "$(cat "$tmp"/shard?.jsonl | wc -l)" -eq 8 ] && [ -s "$tmp/shard3.jsonl" ] && \
  cmp -s "$tmp/whole.md" "$tmp/merged.md" && cmp -s "$tmp/whole.json" "$tmp/merged.json" && \
  grep -q '^| E1 | 0.5 | 32 | 128 | 2 | ' "$tmp/whole.md"
check sweep_shards_merge_equal_whole $?
expect_error sweep_merge_missing_shard "^catgeo: 2 of the sweep's 8 runs are in none of the files" \
  sweep --merge "$tmp/shard1.jsonl" "$tmp/shard2.jsonl"
expect_error sweep_merge_repeated "shard1.jsonl: line 1: run 0 appears twice" \
  sweep --merge "$tmp/shard1.jsonl" "$tmp/shard1.jsonl"
expect_error sweep_merge_not_shard "whole.json: line 1: not a line of catgeo sweep --shard" sweep --merge "$tmp/whole.json"
expect_error sweep_bad_shard "^catgeo: --shard 4/3 must be K/N with 1 <= K <= N" sweep --shard 4/3
expect_error sweep_bad_widths "^catgeo: --widths '8,0' must be whole numbers in \[1, 512\]" sweep --widths 8,0
expect_error sweep_bad_seeds "^catgeo: --seeds '5-1' must be seeds or ranges" sweep --seeds 5-1
expect_error sweep_bad_sigma "^catgeo: --sigmas value must be in \[0.01, 10\], got 0$" sweep --sigmas 0.5,0
expect_error sweep_bad_jobs "^catgeo: --jobs 0 must be a whole number from 1 to 256$" sweep --jobs 0
expect_error sweep_bad_scenario "^catgeo: --scenarios: unknown or unsupported scenario 'mnist'" sweep --scenarios E1,mnist
expect_error sweep_swept_key "^catgeo: unknown option --sigma (try --help)$" sweep --sigma 0.5

# Your own points (issue 15): the example tables train; each bad table exits 2 naming its line and column.
tables="$(dirname "$0")/../tables"
"$cli" train --points "$tables/three_classes_2d.csv" --epochs 3 --sigma 0.5 --json >"$tmp/table2.json" 2>"$tmp/err"
code=$?
python3 - "$tmp/table2.json" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
table = run["table"]
assert run["scenario"] == "drawn" and run["reference"] == "kde" and run["epochs"] == 3, run
assert table["classes"] == ["setosa", "versicolor", "virginica"] and table["points"] == 180 and table["dims"] == 2
assert table["scaling"].startswith("x' = (x - ") and ", y' = (y - " in table["scaling"], table["scaling"]
PY
[ "$code" -eq 0 ] && [ "$(wc -l <"$tmp/table2.json")" -eq 1 ]
check train_points_2d_json $(($? | code))
"$cli" train --points "$tables/two_classes_1d.tsv" --epochs 3 --json >"$tmp/table1.json" 2>"$tmp/err"
code=$?
python3 - "$tmp/table1.json" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
assert run["table"]["classes"] == ["1", "2"] and run["table"]["dims"] == 1 and "fcat_peaks" in run, run
PY
check train_points_1d_json $(($? | code))
"$cli" train --points "$tables/three_classes_2d.csv" --scenario E6 --epochs 1 | grep -q '"classes":\["setosa"'
check train_points_readable_on_a_scenario $?
"$cli" train --link "$(cat "$(dirname "$0")/../fuzz/corpus/share_link/table_1d")" --epochs 1 --json 2>"$tmp/err" |
  grep -q '"table":{"points":4,"dims":1,"classes":\["a, b","c"\],"scaling":"x'"'"' = (x - 0.875) / 1.18"}' && [ ! -s "$tmp/err" ]
check train_table_link_json $?
expect_error points_nonnumber "^catgeo: .*bad_nonnumber.csv: line 5, column 2: expected a number, found 'abc'$" \
  train --points "$tables/bad_nonnumber.csv"
expect_error points_nan "^catgeo: .*bad_nan.csv: line 4, column 1: expected a finite number, found 'nan'$" \
  train --points "$tables/bad_nan.csv"
expect_error points_missing_label "^catgeo: .*bad_missing_label.csv: line 6, column 3: missing class label$" \
  train --points "$tables/bad_missing_label.csv"
expect_error points_one_class "^catgeo: .*bad_one_class.csv: the table has only one class ('a'): it needs 2 to 6$" \
  train --points "$tables/bad_one_class.csv"
expect_error points_too_many_classes \
  "^catgeo: .*bad_too_many_classes.csv: line 15, column 3: class 7 ('g'): a table may have at most 6 classes$" \
  train --points "$tables/bad_too_many_classes.csv"
expect_error points_mixed_columns "^catgeo: .*bad_mixed_columns.csv: line 5: 2 columns, expected 3 like line 2$" \
  train --points "$tables/bad_mixed_columns.csv"
expect_error points_missing_file "^catgeo: --points $tmp/none.csv: cannot open" train --points "$tmp/none.csv"
expect_error points_directory "^catgeo: --points $tmp: is a directory" train --points "$tmp"
printf 'x,y,label\n1,2,a\n' >"$tmp/small.csv"
expect_error points_one_point "^catgeo: .*small.csv: the table has only one class ('a')" train --points "$tmp/small.csv"
expect_error points_with_link "^catgeo: --points and --link cannot be combined" \
  train --points "$tables/bad_nan.csv" --link scenario=E5
expect_error points_bad_option "^catgeo: --sigma 50 is out of range" train --points "$tables/two_classes_1d.tsv" --sigma 50

# Issue 21: files are read with a cap and never block. A device, a FIFO (no writer: an open without O_NONBLOCK would
# wait forever), a directory or a file over the cap exits 2 with one line naming the cap, at once. timeout 5 turns a
# regression into a failure instead of a hang; the limit of 3 s leaves room for a loaded 2-core machine (the runs
# take about 0.05 s).
mkfifo "$tmp/fifo"
truncate -s 9000001 "$tmp/big.csv"    # sparse: over the 8 MB of --points
truncate -s 1000001 "$tmp/big.json"   # over the 1 MB of --mixture
truncate -s 13790033 "$tmp/big.cgd"   # one byte over the 13.8 MB of --mnist
truncate -s 80000001 "$tmp/big.jsonl" # over the 80 MB of --merge
slowest=0
expect_error_fast() {  # expect_error_fast NAME PATTERN ARGS...: expect_error, within 3 s (the time is kept)
  local name="$1" pattern="$2" start end
  shift 2
  start=$(date +%s%N)
  timeout 5 "$cli" "$@" >"$tmp/out" 2>"$tmp/err"
  local code=$?
  end=$(date +%s%N)
  local ms=$(((end - start) / 1000000))
  [ "$ms" -gt "$slowest" ] && slowest=$ms
  if [ "$code" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q -- "$pattern" "$tmp/err" && [ ! -s "$tmp/out" ] &&
    [ "$ms" -lt 3000 ]; then
    check "$name" 0
  else
    echo "  exit $code after $ms ms, stderr: $(cat "$tmp/err")"
    check "$name" 1
  fi
}
for device in /dev/zero /dev/urandom; do
  kind="is a character device, not a regular file; give a file of at most"
  expect_error_fast "points_${device#/dev/}" "^catgeo: --points $device: $kind 8 MB" train --points "$device"
  expect_error_fast "mixture_${device#/dev/}" "^catgeo: --mixture $device: $kind 1 MB" fcat --mixture "$device" --grid -1:1:3
  expect_error_fast "mnist_${device#/dev/}" "^catgeo: --mnist $device: $kind 13.8 MB" train --scenario mnist --mnist "$device"
  expect_error_fast "merge_${device#/dev/}" "^catgeo: --merge $device: $kind 80 MB" sweep --merge "$device"
done
fifo="is a named pipe (FIFO), not a regular file"
expect_error_fast points_fifo "^catgeo: --points $tmp/fifo: $fifo" train --points "$tmp/fifo"
expect_error_fast mixture_fifo "^catgeo: --mixture $tmp/fifo: $fifo" fcat --mixture "$tmp/fifo" --grid -1:1:3
expect_error_fast mnist_fifo "^catgeo: --mnist $tmp/fifo: $fifo" train --scenario mnist --mnist "$tmp/fifo"
expect_error_fast merge_fifo "^catgeo: --merge $tmp/fifo: $fifo" sweep --merge "$tmp/fifo"
expect_error_fast merge_directory "^catgeo: --merge $tmp: is a directory, not a regular file" sweep --merge "$tmp"
expect_error_fast points_over_cap \
  "^catgeo: --points $tmp/big.csv: is larger than 8 MB (the most a table of 20000 points needs); give a smaller file$" \
  train --points "$tmp/big.csv"
expect_error_fast mixture_over_cap "^catgeo: --mixture $tmp/big.json: is larger than 1 MB" \
  fcat --mixture "$tmp/big.json" --grid -1:1:3
expect_error_fast mnist_over_cap "^catgeo: --mnist $tmp/big.cgd: is larger than 13.8 MB" \
  train --scenario mnist --mnist "$tmp/big.cgd"
expect_error_fast merge_over_cap "^catgeo: --merge $tmp/big.jsonl: is larger than 80 MB" sweep --merge "$tmp/big.jsonl"
echo "  (the slowest refusal took $slowest ms)"
# A file exactly at the cap is read (and then judged by its format): the cap is not off by one.
truncate -s 1000000 "$tmp/cap.json"
expect_error mixture_at_cap "^catgeo: --mixture $tmp/cap.json: " fcat --mixture "$tmp/cap.json" --grid -1:1:3
! grep -q "larger than" "$tmp/err"
check mixture_at_cap_is_read $?
# The help states every cap.
"$cli" train --help | grep -q "at most 8 MB" && "$cli" train --help | grep -q "most 13.8 MB" &&
  "$cli" fcat --help | grep -q "at most 1 MB" && "$cli" sweep --help | grep -q "at most 80 MB"
check help_file_caps $?

# A repeated option keeps its last value with one notice per repeat, worded as the share link's; a repeated switch
# is harmless and silent.
"$cli" train --scenario E1 --epochs 1 --epochs 2 --sigma 1 --sigma 0.5 --json --json >"$tmp/twice.json" 2>"$tmp/err"
code=$?
grep -q '"epochs":2,' "$tmp/twice.json" && [ "$(wc -l <"$tmp/twice.json")" -eq 1 ] &&
  grep -qx 'catgeo: notice: option --epochs appears twice; used the last value' "$tmp/err" &&
  grep -qx 'catgeo: notice: option --sigma appears twice; used the last value' "$tmp/err" &&
  [ "$(wc -l <"$tmp/err")" -eq 2 ] && [ "$code" -eq 0 ]
check repeated_option_last_value $?
"$cli" train --link 'scenario=E1&sigma=1&epochs=1' --json >"$tmp/link_sigma.json" 2>/dev/null
"$cli" train --scenario E1 --sigma 0.2 --sigma 1 --epochs 1 --json >"$tmp/opt_sigma.json" 2>/dev/null
cmp -s "$tmp/link_sigma.json" "$tmp/opt_sigma.json"
check repeated_option_runs_the_last_value $?
"$cli" train --scenario E1 --sigma 0.5 --sigma 50 >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$(sed -n 2p "$tmp/err")" = "catgeo: --sigma 50 is out of range [0.01, 10]" ]
check repeated_option_last_value_checked $?

# ---- Issue 21 (hostile input): links and tables that used to load silently print a notice or are refused. ----
# notice_for NAME PATTERN ARGS...: exit 0 and a stderr line "catgeo: notice: ..." matching PATTERN.
notice_for() {
  local name="$1" pattern="$2"
  shift 2
  "$cli" "$@" >"$tmp/out" 2>"$tmp/err"
  local code=$?
  if [ "$code" -eq 0 ] && grep -q -- "^catgeo: notice: .*$pattern" "$tmp/err"; then
    check "$name" 0
  else
    echo "  exit $code, stderr: $(cat "$tmp/err")"
    check "$name" 1
  fi
}
notice_for i21_tour_exponent "could not read tour='1e1' (expected a whole number); kept 0" \
  train --link 'tour=1e1' --epochs 1 --json
notice_for i21_tour_plus "could not read tour='+3' (expected a whole number); kept 0" \
  train --link 'tour=%2B3' --epochs 1 --json
notice_for i21_tour_twice "key 'tour' appears 2 times; used the last value" train --link 'tour=3&tour=4' --epochs 1 --json
notice_for i21_path_not_mnist "path=4,9,0: a path between two test digits needs scenario=mnist; ignored it" \
  train --link 'scenario=E5&path=4,9,0' --epochs 1 --json
notice_for i21_cut_on_1d "cut=0,0,1,1: a cut goes through a 2-D view and E1 is 1-D; ignored it" \
  train --link 'scenario=E1&cut=0,0,1,1' --epochs 1 --json
notice_for i21_flat_kde "F_cat of the reference (KDE) is 0 at every grid point: no grid point is within the reach" \
  train --link 'scenario=drawn&pts=APgA-ABm9pr5AJr5ZvYAAAgACAGaCWYGAWYGmgkB' --epochs 1 --json
# Links carry their version: train --json reports the link it ran (v= included), which reproduces the output byte for
# byte; a link of an older version (v=0) loads with a notice naming both versions.
"$cli" train --link 'scenario=E5&sigma=0.5&epochs=2' --json >"$tmp/versioned.json" 2>/dev/null
versioned_link=$(sed -n 's/.*"link":"\([^"]*\)".*/\1/p' "$tmp/versioned.json")
"$cli" train --link "$versioned_link" --json >"$tmp/versioned_again.json" 2>"$tmp/versioned_again.err"
[[ "$versioned_link" == *"&v="[0-9]* ]] && cmp -s "$tmp/versioned.json" "$tmp/versioned_again.json" &&
  [ ! -s "$tmp/versioned_again.err" ]
check i22_link_reproduces_itself $?
notice_for i22_older_link "this link was made by an older CatGeo (link version 0; this one is version [0-9]*)" \
  train --link 'scenario=E5&sigma=0.5&epochs=2&v=0' --json
printf '1e308,0,a\n-1e308,1,a\n1e308,1,b\n-1e308,0,b\n' >"$tmp/overflow.csv"
expect_error i21_table_overflow "^catgeo: .*overflow.csv: the x values span -1e308 to 1e308, a range wider than a double" \
  train --points "$tmp/overflow.csv" --epochs 1
{ for i in $(seq 0 199); do echo "0.000000$((i % 7)),0.000000$((i % 5)),$((i % 2))"; done
  echo "1e6,1e6,0"; echo "1e6,1e6,1"; } >"$tmp/collapse.csv"
notice_for i21_table_collapse "collapse.csv: 35 of the table's 36 distinct points (97.2%) merge onto 1 point" \
  train --points "$tmp/collapse.csv" --epochs 1 --json
printf 'x,y,label\r0,0,a\r1,1,a\r0,1,b\r1,0,b\r' >"$tmp/mac.csv"
"$cli" train --points "$tmp/mac.csv" --epochs 1 --json 2>"$tmp/err" | grep -q '"points":4'
check i21_table_cr_only $?
printf '\xff\xfex\x00,\x00y\x00,\x00l\x00\n\x000\x00,\x000\x00,\x00a\x00\n\x001\x00,\x001\x00,\x00a\x00\n\x000\x00,\x001\x00,\x00b\x00\n\x001\x00,\x000\x00,\x00b\x00\n\x00' >"$tmp/utf16.csv"
"$cli" train --points "$tmp/utf16.csv" --epochs 1 --json 2>"$tmp/err" | grep -q '"classes":\["a","b"\]'
check i21_table_utf16le $?
# ---- end of issue 21 block ----

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
