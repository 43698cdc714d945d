#!/usr/bin/env bash
# Recounts the lower-case word list (conf/ner/lowercase-words.txt.gz) from the shared CLICK-ID
# (Indonesian) and BBC (English) news and the two training sets' text, retrains the entities
# stage's name-finder model (conf/ner/kliping-ner.bin) from the shared NER-UI and NERGrit training
# sets on the versioned word clusters (conf/ner/word-clusters.txt.gz), then tags and scores both
# dev sets with the pipeline's extractor (gazetteer + new model). No Spark. See conf/ner/README.md.
#
#   scripts/train-ner.sh [DATA_DIR]     DATA_DIR defaults to ../shared/data/ner
#   KLIPING_NER_CLUSTERS=rebuild scripts/train-ner.sh    also relearns the word clusters first
#                                        (a new clustering moves dev F1 by about 0.01-0.02;
#                                        conf/ner/README.md)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${1:-$ROOT/../shared/data/ner}
OUT=${KLIPING_NER_OUT:-$ROOT/conf/ner/kliping-ner.bin}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

CLUSTERS=$ROOT/conf/ner/word-clusters.txt.gz
TEXTS="$DATA/../click-id/articles.jsonl.gz,$DATA/../bbc,$DATA/nerui/train.01.tsv,$DATA/nergrit/train_preprocess.txt"
if [[ ${KLIPING_NER_CLUSTERS:-keep} == rebuild ]]; then
  "$ROOT/scripts/submit.sh" word-clusters --input "$TEXTS" \
    --output "$CLUSTERS" --lowercase-words "$ROOT/conf/ner/lowercase-words.txt.gz"
else
  "$ROOT/scripts/submit.sh" word-clusters --input "$TEXTS" \
    --lowercase-words "$ROOT/conf/ner/lowercase-words.txt.gz"
fi

"$ROOT/scripts/submit.sh" train-ner \
  --clusters "$CLUSTERS" \
  --input "$DATA/nerui/train.01.tsv,$DATA/nergrit/train_preprocess.txt" \
  --map PLACE=LOCATION,ORGANISATION=ORGANIZATION \
  --algorithm PERCEPTRON --iterations 300 --cutoff 1 \
  --output "$OUT"

for dev in nerui/dev.01.tsv nergrit/valid_preprocess.txt; do
  echo "== $dev"
  "$ROOT/scripts/submit.sh" tag-conll --input "$DATA/$dev" --output "$TMP/tagged.conll"
  "$ROOT/scripts/submit.sh" eval-ner --input "$TMP/tagged.conll" \
    --map PLACE=LOCATION,ORGANISATION=ORGANIZATION
done
