#!/usr/bin/env bash
# Benchmark: kliping's dedup stage against Spark MLlib MinHashLSH approxSimilarityJoin on a
# generated syndication corpus (see `scripts/submit.sh generate-corpus`).
#   scripts/bench-dedup.sh CORPUS_DIR SIZES [MLLIB_TABLES] [MLLIB_LIMIT_SECONDS]
#   scripts/bench-dedup.sh /tmp/synd-200k 20000,200000 5 1800
# MLLIB_TABLES may be a list (5,10,20: one MLlib run per count) or 0 (kliping only).
# Extra JVM options (a JFR recording, -Dspark.eventLog.enabled=true ...) go in BENCH_JAVA_OPTS.
# Configuration overrides for kliping's dedup go in KLIPING_BENCH_SET, separated by spaces
# (KLIPING_BENCH_SET='kliping.dedup.exact-verification=true').
# Prints one CSV line per size and method: seconds, recall and precision against the truth, and
# recall against exact Jaccard on a sample (pairs >= the dedup threshold with an end among 1 % of
# the articles).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -ge 2 ] || { sed -n 2,12p "$0" >&2; exit 64; }
cd "$ROOT"
mvn -B -ntp -q package -DskipTests >&2
opens=$(sed -n "s:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p" pom.xml)
exec java -Xmx12g ${BENCH_JAVA_OPTS:-} -XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector $opens \
  "-Dlog4j2.configurationFile=$ROOT/conf/log4j2.properties" \
  -cp "jobs/target/test-classes:jobs/target/classes:common/target/classes:$(cat jobs/target/classpath-test.txt)" \
  io.kliping.jobs.DedupVsMllib "$@"
