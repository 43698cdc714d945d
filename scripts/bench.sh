#!/usr/bin/env bash
# Performance benchmark of the whole pipeline on a generated corpus (issue #8; BENCHMARKS.md).
#
#   scripts/bench.sh N [options]              corpus of N articles (made once, then reused); each
#                                             stage as its own job with default settings: wall
#                                             time, articles/s, MB/s, peak JVM heap and RSS; the
#                                             read-and-hash floor; MLlib via scripts/bench-dedup.sh;
#                                             ratios dedup/floor and pipeline/floor
#   scripts/bench.sh --scaling N1,N2 [options]  the above for both sizes, then time(N2)/time(N1)
#   scripts/bench.sh --giant G N [options]    two corpora of N articles without syndicated copies,
#                                             one of them with one story of G copies; stage times
#                                             side by side and the ratio giant/none
#   scripts/bench.sh --jmh [JMH options]      the JMH microbenchmarks (mvn -Pjmh, common module)
#
# options:
#   --stages LIST   stages to run, of ingest,dedup,entities,cooccurrence,report (default: all;
#                   --giant defaults to ingest,dedup)
#   --no-mllib      skip the MLlib comparison (slow for large N; --giant never runs it)
#   --one-jvm       also run the whole pipeline as one `pipeline` job (one JVM and Spark session,
#                   as a nightly run does) and print its stages' seconds, its wall time, peak
#                   heap and RSS, and the ratio of its wall time to the floor's
#   --mllib-limit S give up on MLlib after S seconds (default 1800)
#   --gen "ARGS"    generator options instead of the defaults below
#   --work DIR      corpora, warehouses and logs (default /tmp/kliping-bench)
#
# Corpus defaults: generate-corpus --articles N --dup-share 0.3 --cluster-sizes geometric:3
# --max-copies 50 --hard-negative-share 0.1 --seed 8, from ../shared/data/click-id (or
# $KLIPING_BENCH_SOURCE) when present, else from the bundled sample.
# Peak memory: peak heap used (young + old generations) sampled every second by `jstat -gc`, and
# the process's peak resident set (VmHWM), of the job's JVM (local mode: driver = executor).
# CPU: the JVM's user + system CPU seconds (utime + stime of /proc/PID/stat, sampled every second
# until it exits, so at most the last second is missing); on a shared machine a steadier figure
# than wall time. The load average at the start of each corpus is printed with its table.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SUBMIT="$ROOT/scripts/submit.sh"
usage() { sed -n '2,/^[^#]/{/^#/p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 64; }

mode=single; sizes=""; giant=0; stages=""; mllib=1; mllib_limit=1800; gen=""; one_jvm=0
work=/tmp/kliping-bench
[ $# -ge 1 ] || usage
case "$1" in
  --jmh) shift
    cd "$ROOT"
    mvn -B -ntp -q -o -Pjmh -pl common -DskipTests process-classes
    exec java -cp "common/target/jmh-classes:common/target/classes:$(cat common/target/jmh-classpath.txt)" \
      org.openjdk.jmh.Main "$@" ;;
  --scaling) [ $# -ge 2 ] || usage; mode=scaling; sizes=$2; shift 2 ;;
  --giant) [ $# -ge 3 ] || usage; mode=giant; giant=$2; sizes=$3; mllib=0; shift 3 ;;
  -h|--help) usage ;;
  *) sizes=$1; shift ;;
esac
while [ $# -gt 0 ]; do
  case "$1" in
    --stages) stages=$2; shift 2 ;;
    --no-mllib) mllib=0; shift ;;
    --one-jvm) one_jvm=1; shift ;;
    --mllib-limit) mllib_limit=$2; shift 2 ;;
    --gen) gen=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "bench.sh: unknown option $1" >&2; usage ;;
  esac
done
[ "$mode" = giant ] && [ -z "$stages" ] && stages=ingest,dedup
[ -z "$stages" ] && stages=ingest,dedup,entities,cooccurrence,report
mkdir -p "$work"
source_file=${KLIPING_BENCH_SOURCE:-$ROOT/../shared/data/click-id/articles.jsonl.gz}
[ -f "$source_file" ] || source_file="$ROOT/sample/news/articles.jsonl"
DATE=2024-10-15

# corpus NAME N EXTRA_ARGS... : makes $work/NAME once (reused while its arguments are the same).
corpus() {
  local name=$1 n=$2; shift 2
  local dir="$work/$name" args="--source $source_file --articles $n $*"
  if [ -f "$dir/articles.jsonl.gz" ] && [ "$(cat "$dir/args" 2>/dev/null)" = "$args" ]; then
    echo "bench: reusing $dir" >&2
  else
    rm -rf "$dir"
    # shellcheck disable=SC2086
    "$SUBMIT" generate-corpus $args --out "$dir" >&2
    gzip -dc "$dir/articles.jsonl.gz" | wc -c > "$dir/json-bytes"
    echo "$args" > "$dir/args"
  fi
  echo "$dir"
}

# measure LOG CMD... : runs a job, sampling its JVM; prints "wall peak_heap_mb peak_rss_mb cpu_s".
measure() {
  local log=$1; shift
  local start end pid heap=0 rss=0 ticks=0 hz
  hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
  start=$(date +%s.%N)
  "$@" >> "$log" 2>&1 &
  pid=$!
  local jpid=""
  : > "$log.jstat"
  while kill -0 "$pid" 2>/dev/null; do
    # submit.sh execs java in the same process: start jstat once it is the JVM.
    if [ -z "$jpid" ] && readlink "/proc/$pid/exe" 2>/dev/null | grep -q java; then
      sleep 1
      jstat -gc "$pid" 1000 > "$log.jstat" 2>/dev/null &
      jpid=$!
    fi
    local hwm
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$hwm" ] && [ "$hwm" -gt "$rss" ] && rss=$hwm
    local t
    t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || true)
    [ -n "$t" ] && [ "$t" -gt "$ticks" ] && ticks=$t
    sleep 1
  done
  [ -n "$jpid" ] && { kill "$jpid" 2>/dev/null || true; }
  wait "$pid" || { echo "bench: job failed: $* (see $log)" >&2; return 1; }
  end=$(date +%s.%N)
  heap=$(awk '$1 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > m) m = u } END { printf "%.0f", m / 1024 }' "$log.jstat")
  echo "$(echo "$end - $start" | bc) $heap $((rss / 1024)) $(echo "scale=1; $ticks / $hz" | bc)"
}

# stage_seconds LOG STAGE : the seconds the job itself reports (kliping stage=S ... seconds=X).
stage_seconds() { sed -n "s/^kliping stage=$2 .*seconds=\([0-9.]*\).*/\1/p" "$1" | tail -1; }

# run_size NAME N GEN_ARGS : all stages, the floor and MLlib on one corpus; prints the table and
# leaves "stage seconds" lines in $work/NAME.times.
run_size() {
  local name=$1 n=$2 genargs=$3
  local dir wh log times bytes articles
  # shellcheck disable=SC2086
  dir=$(corpus "$name" "$n" $genargs)
  bytes=$(cat "$dir/json-bytes")
  wh="$work/wh-$name"; log="$work/$name.log"; times="$work/$name.times"
  rm -rf "$wh"; : > "$log"; : > "$times"
  echo "== $name: $n articles, $(echo "scale=1; $bytes / 1000000" | bc) MB of JSON (gzip: $(du -m "$dir/articles.jsonl.gz" | cut -f1) MB), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-13s %9s %9s %8s %11s %8s %10s %10s\n' stage seconds wall_s cpu_s articles/s MB/s heap_MB \
    rss_MB
  local m fs
  m=$(measure "$log.floor" "$SUBMIT" bench-floor --input "$dir/articles.jsonl.gz" --date "$DATE" \
    --warehouse "$wh") || exit 70
  fs=$(stage_seconds "$log.floor" floor)
  echo "floor $fs" >> "$times"
  read -r wall heap rss cpu <<< "$m"
  printf '%-13s %9.1f %9.1f %8.1f %11.0f %8.2f %10s %10s\n' floor "$fs" "$wall" "$cpu" \
    "$(echo "$n / $fs" | bc -l)" "$(echo "$bytes / 1000000 / $fs" | bc -l)" "$heap" "$rss"
  local total=0 s
  for stage in ${stages//,/ }; do
    local args=(--warehouse "$wh" --date "$DATE")
    [ "$stage" = ingest ] && args+=(--input "$dir/articles.jsonl.gz")
    local m
    m=$(measure "$log.$stage" "$SUBMIT" "$stage" "${args[@]}") || exit 70
    cat "$log.$stage" >> "$log"
    s=$(stage_seconds "$log.$stage" "$stage")
    [ -n "$s" ] || s=$(echo "$m" | cut -d' ' -f1)
    [ "$stage" = ingest ] && articles=$(sed -n 's/^kliping stage=ingest .* articles=\([0-9]*\).*/\1/p' "$log.$stage" | tail -1)
    articles=${articles:-$n}
    total=$(echo "$total + $s" | bc)
    echo "$stage $s" >> "$times"
    read -r wall heap rss cpu <<< "$m"
    printf '%-13s %9.1f %9.1f %8.1f %11.0f %8.2f %10s %10s\n' "$stage" "$s" "$wall" "$cpu" \
      "$(echo "$articles / $s" | bc -l)" "$(echo "$bytes / 1000000 / $s" | bc -l)" "$heap" "$rss"
  done
  echo "pipeline $total" >> "$times"
  printf '%-13s %9.1f %9s %8s %11.0f %8.2f\n' "sum" "$total" - - "$(echo "$articles / $total" | bc -l)" \
    "$(echo "$bytes / 1000000 / $total" | bc -l)"
  local d
  d=$(awk '$1 == "dedup" {print $2}' "$times")
  [ -n "$d" ] && printf 'ratio dedup/floor = %.2f (target <= 1.5)\n' "$(echo "$d / $fs" | bc -l)"
  case ",$stages," in *,entities,*) printf 'ratio pipeline/floor = %.2f (target <= 3)\n' \
    "$(echo "$total / $fs" | bc -l)" ;; esac
  if [ "$one_jvm" = 1 ]; then
    local pwh="$wh-pipeline" plog="$log.pipeline" pm pwall
    rm -rf "$pwh"; : > "$plog"
    pm=$(measure "$plog" "$SUBMIT" pipeline --input "$dir/articles.jsonl.gz" --warehouse "$pwh" \
      --date "$DATE") || exit 70
    read -r pwall heap rss cpu <<< "$pm"
    echo "-- the same stages as one pipeline job (one JVM, load $(cut -d' ' -f1-3 /proc/loadavg)):"
    for stage in ingest dedup entities cooccurrence; do
      printf '%-13s %9s\n' "$stage" "$(stage_seconds "$plog" "$stage")"
    done
    printf '%-13s %9s %9.1f %8.1f %11.0f %8.2f %10s %10s\n' "pipeline job" - "$pwall" "$cpu" \
      "$(echo "$articles / $pwall" | bc -l)" "$(echo "$bytes / 1000000 / $pwall" | bc -l)" \
      "$heap" "$rss"
    echo "pipeline-job $pwall" >> "$times"
    printf 'ratio pipeline job (wall, JVM start included) / floor = %.2f (target <= 3)\n' \
      "$(echo "$pwall / $fs" | bc -l)"
  fi
  if [ "$mllib" = 1 ]; then
    echo "-- MLlib MinHashLSH (scripts/bench-dedup.sh $dir $n 5 $mllib_limit):"
    "$ROOT/scripts/bench-dedup.sh" "$dir" "$n" 5 "$mllib_limit" 2>> "$log" | tee "$work/$name.mllib"
  fi
}

default_gen="--dup-share 0.3 --cluster-sizes geometric:3 --max-copies 50 --hard-negative-share 0.1 --seed 8"
case "$mode" in
  single) run_size "corpus-$sizes" "$sizes" "${gen:-$default_gen}" ;;
  scaling)
    IFS=, read -r a b <<< "$sizes"
    run_size "corpus-$a" "$a" "${gen:-$default_gen}"
    run_size "corpus-$b" "$b" "${gen:-$default_gen}"
    echo "== scaling $a -> $b ($(echo "scale=2; $b / $a" | bc)x the articles): time ratio per stage"
    join <(sort "$work/corpus-$a.times") <(sort "$work/corpus-$b.times") \
      | awk '$2 > 0 && $3 ~ /^[0-9.]+$/ { printf "%-13s %9.1f %9.1f  ratio %.2f\n", $1, $2, $3, $3 / $2 }' ;;
  giant)
    nodup="${gen:---hard-negative-share 0.1 --seed 8} --dup-share 0"
    run_size "nodup-$sizes" "$sizes" "$nodup"
    run_size "giant$giant-$sizes" "$sizes" "$nodup --giant-cluster $giant"
    echo "== one cluster of $giant copies vs no duplicates, $sizes articles: time ratio per stage"
    join <(sort "$work/nodup-$sizes.times") <(sort "$work/giant$giant-$sizes.times") \
      | awk '$2 > 0 && $3 ~ /^[0-9.]+$/ { printf "%-13s %9.1f %9.1f  ratio %.2f\n", $1, $2, $3, $3 / $2 }' ;;
esac
