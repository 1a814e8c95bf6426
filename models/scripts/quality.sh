#!/usr/bin/env bash
# Reproduces the figures of models/RESULTS.md: trains each family on Fashion-MNIST for a fixed time and
# evaluates it. Needs `apt-get install dataset-fashion-mnist`; takes about 70 minutes on 2 cores.
# Run from the repository root: models/scripts/quality.sh [OUT_DIR]
set -euo pipefail
OUT="${1:-runs/quality}"
mkdir -p "$OUT"
train() {  # model minutes extra-flags...
  local model="$1" minutes="$2"; shift 2
  ./vgan train --model "$model" --data fashion-mnist --minutes "$minutes" --epochs 1000 --steps-per-epoch 469 \
    --out "$OUT/$model" "$@" | tee "$OUT/$model.log"
}
train cgan 15
train acgan 15
train dcgan 10 --keep-checkpoints
train infogan 10
train wgangp 10 --clusters 10
./vgan eval --data fashion-mnist
for m in cgan acgan infogan wgangp; do
  ./vgan eval --checkpoint "$OUT/$m/checkpoint.safetensors" --json | tee "$OUT/$m.eval.json"
done
for c in "$OUT"/dcgan/checkpoints/epoch-*.safetensors; do
  ./vgan eval --checkpoint "$c" --json | tee -a "$OUT/dcgan.fid.jsonl"
done
