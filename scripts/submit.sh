#!/usr/bin/env bash
# Runs a kliping job: scripts/submit.sh <job> [spark options] [job options]
#
#   jobs:          ingest | dedup | entities | cooccurrence | pipeline   (--help on each)
#   report:        report --date D rebuilds <warehouse>/_runs/dt=D/report.html from the tables
#   tools:         generate-corpus (a syndicated corpus with ground truth, no Spark; without
#                                   --source it takes the bundled sample's articles as bases)
#                  evaluate-dedup  (scores a deduplicated date: truth, exact-Jaccard recall)
#                  export-graph    (entity graph of a date or rolling window: GraphML, GEXF, CSV)
#                  tag-conll       (tags a CoNLL file with the entity extractor, no Spark)
#                  eval-ner        (span P/R/F1 of a tagged CoNLL file, no Spark)
#                  train-ner       (trains the name-finder model, no Spark; see scripts/train-ner.sh)
#                  word-clusters   (learns the name finder's word clusters from unlabelled text, no Spark)
#   spark options: --master URL, --deploy-mode M, --conf K=V, --driver-memory M, --executor-memory M,
#                  --executor-cores N, --num-executors N, --total-executor-cores N, --queue Q,
#                  --name N, --files F, --jars J, --packages P, --repositories R, --archives A,
#                  --properties-file F, --driver-java-options O, --driver-cores N,
#                  --driver-class-path P, --principal P, --keytab F
#   job options:   --input PATH[,PATH] --warehouse PATH --date yyyy-MM-dd --config FILE --set K=V
#
# With SPARK_HOME set, the job goes through $SPARK_HOME/bin/spark-submit with the application jar
# (jobs/target/kliping-app.jar): --master spark://host:7077 (standalone), yarn (HADOOP_CONF_DIR or
# YARN_CONF_DIR set; --queue, --num-executors, --principal/--keytab), k8s://https://host:port
# (--conf spark.kubernetes.container.image=..., and spark.kubernetes.file.upload.path for
# --deploy-mode cluster), local[N]. README.md, "Running in production", has examples.
# Without SPARK_HOME, it runs the same main class on embedded Spark (local[*] unless --master is
# given) from the Maven-resolved classpath, building the jar first when sources changed.
#
# ingest and pipeline without --input read the bundled sample (sample/news/).
# Exit codes: 0 ok, 64 bad usage or configuration, 66 input (file or table partition) not found,
# 70 run failed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
APP_JAR="$ROOT/jobs/target/kliping-app.jar"
PROVIDED_CP="$ROOT/jobs/target/classpath-provided.txt"
MAIN=io.kliping.jobs.Main
SAMPLE="$ROOT/sample/news"

usage() { sed -n '2,/^[^#]/{/^#/p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 64; }

[ $# -ge 1 ] || usage
job=$1; shift
case "$job" in
  ingest|dedup|entities|cooccurrence|pipeline|report|generate-corpus|evaluate-dedup|export-graph|tag-conll|eval-ner|train-ner|word-clusters|bench-floor) ;;
  -h|--help|help) usage ;;
  *) echo "submit.sh: unknown job '$job'" >&2; usage ;;
esac

spark_args=(); job_args=(); has_input=0; has_help=0; has_source=0
while [ $# -gt 0 ]; do
  case "$1" in
    --master|--deploy-mode|--conf|--driver-memory|--executor-memory|--executor-cores|--num-executors|\
    --total-executor-cores|--queue|--name|--files|--jars|--properties-file|--driver-java-options|\
    --packages|--repositories|--archives|--driver-cores|--driver-class-path|--principal|--keytab)
      [ $# -ge 2 ] || { echo "submit.sh: $1 needs a value" >&2; exit 64; }
      spark_args+=("$1" "$2"); shift 2 ;;
    --master=*|--deploy-mode=*|--conf=*|--driver-memory=*|--executor-memory=*|--executor-cores=*|\
    --num-executors=*|--total-executor-cores=*|--queue=*|--name=*|--files=*|--jars=*|--properties-file=*|\
    --packages=*|--repositories=*|--archives=*|--driver-cores=*|--driver-class-path=*|--principal=*|--keytab=*)
      spark_args+=("${1%%=*}" "${1#*=}"); shift ;;
    --input|--input=*) has_input=1; job_args+=("$1"); shift ;;
    --source|--source=*) has_source=1; job_args+=("$1"); shift ;;
    -h|--help) has_help=1; job_args+=("$1"); shift ;;
    *) job_args+=("$1"); shift ;;
  esac
done
if [ "$has_input" = 0 ] && [ "$has_help" = 0 ] && { [ "$job" = pipeline ] || [ "$job" = ingest ]; }; then
  echo "submit.sh: no --input given: using the bundled sample $SAMPLE" >&2
  job_args+=(--input "$SAMPLE")
fi

if [ "$has_source" = 0 ] && [ "$has_help" = 0 ] && [ "$job" = generate-corpus ]; then
  job_args+=(--source "$SAMPLE/articles.jsonl")
fi

build_if_needed() {
  local stale=0
  if [ ! -f "$APP_JAR" ] || [ ! -f "$PROVIDED_CP" ]; then
    stale=1
  elif [ -n "$(find "$ROOT/pom.xml" "$ROOT/common" "$ROOT/jobs/pom.xml" "$ROOT/jobs/src" "$ROOT/conf" \
        -newer "$APP_JAR" -type f -not -path '*/target/*' -print -quit 2>/dev/null)" ]; then
    stale=1
  fi
  if [ "$stale" = 1 ]; then
    echo "submit.sh: building the application jar (mvn package)..." >&2
    (cd "$ROOT" && mvn -B -q -ntp -DskipTests package) >&2
  fi
}

if [ -n "${SPARK_HOME:-}" ]; then
  build_if_needed
  exec "$SPARK_HOME/bin/spark-submit" --class "$MAIN" "${spark_args[@]}" "$APP_JAR" "$job" "${job_args[@]}"
fi

# Embedded Spark: the same jar plus Spark and Hadoop from Maven, with Spark's Java 17 module flags.
build_if_needed
jvm=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true
  "-Dlog4j2.configurationFile=$ROOT/conf/log4j2.properties")
set -- "${spark_args[@]+"${spark_args[@]}"}"
while [ $# -gt 0 ]; do
  case "$1" in
    --master) jvm+=("-Dspark.master=$2") ;;
    --conf) jvm+=("-D${2%%=*}=${2#*=}") ;;
    --driver-memory) jvm+=("-Xmx$2") ;;
    --name) jvm+=("-Dspark.app.name=$2") ;;
    --driver-java-options) read -r -a extra <<< "$2"; jvm+=("${extra[@]}") ;;
    *) echo "submit.sh: $1 applies to spark-submit only; ignored on embedded Spark" >&2 ;;
  esac
  shift 2
done
exec java "${jvm[@]}" ${KLIPING_JAVA_OPTS:-} -cp "$APP_JAR:$(cat "$PROVIDED_CP")" "$MAIN" "$job" "${job_args[@]}"
