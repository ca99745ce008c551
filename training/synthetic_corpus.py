#!/usr/bin/python3
"""A tiny synthetic corpus in the layout train.py reads (tokens.jsonl + conditioning/ of MODEL.md), for
smoke tests before the real conditioning exists. Pieces are grammatical v2m-remi-1 drum/bass loops
whose note density follows the piece's curve, so a model that uses the curve gets a lower loss with
the true curve than with the reversed one (the ablation check of train.py has something to see).

    /usr/bin/python3 training/synthetic_corpus.py OUT_DIR [--pieces 60]
"""
import argparse
import json
import os

import numpy as np

from train import COND_FORMAT
from v2m_model import CURVE_OFFSETS, GRID_SLOTS, HIT_CHANNELS, ModelConfig

BOS, EOS, BAR, TIMESIG_4_4, TEMPO_120 = 1, 2, 3, 15, 160
POS, DRUMS, BASS, PITCH, DRUM, DUR, VEL = 341, 533, 534 + 33, 662, 790, 918, 982
SECONDS_PER_UNIT = 0.5 / 12  # 120 bpm, 12 units per quarter


def piece(rng, bars):
    seconds = bars * 48 * SECONDS_PER_UNIT
    freqs, phases = rng.uniform(0.05, 0.4, 3), rng.uniform(0, 6.3, 3)

    def curve(t):  # smooth, roughly z-scored; 0 outside the piece as MODEL.md says
        v = sum(np.sin(2 * np.pi * f * t + p) for f, p in zip(freqs, phases)) / 1.2
        return np.where((t >= 0) & (t <= seconds), v, 0.0)

    tokens, times = [BOS, TIMESIG_4_4, TEMPO_120], [0.0, 0.0, 0.0]
    for bar in range(bars):
        tokens.append(BAR)
        times.append(bar * 48 * SECONDS_PER_UNIT)
        for pos in range(0, 48, 3):
            t = (bar * 48 + pos) * SECONDS_PER_UNIT
            if pos % 12 and curve(t) + rng.normal(0, 0.3) < 0.3:
                continue  # quarters always sound; sixteenths only where the curve is high
            group = [POS + pos, DRUMS, DRUM + (36 if pos % 24 == 0 else 42), DUR + 2, VEL + 25]
            if pos % 12 == 0:
                group += [BASS, PITCH + 36 + int(rng.integers(0, 12)), DUR + 11, VEL + 20]
            tokens += group
            times += [t] * len(group)
    tokens.append(EOS)
    times.append(times[-1])
    t = np.array(times)[:, None] + np.array(CURVE_OFFSETS)[None, :]
    # no hits (nor a bar grid of them): the samples carry the signal here
    hits = np.zeros((len(tokens), ModelConfig().curve_features - len(CURVE_OFFSETS)))
    return tokens, np.concatenate([curve(t), hits], axis=1).astype(np.float32), seconds


def make(out_dir, pieces=60, seed=0):
    rng = np.random.default_rng(seed)
    cond = os.path.join(out_dir, "conditioning")
    os.makedirs(cond, exist_ok=True)
    index, offset = [], 0
    with open(os.path.join(out_dir, "tokens.jsonl"), "w") as tj, \
            open(os.path.join(cond, "curve.f32"), "wb") as cf, open(os.path.join(cond, "style.f32"), "wb") as sf:
        for i in range(pieces):
            pid = "freedoom/synthetic-%03d" % i
            tokens, curve, seconds = piece(rng, int(rng.integers(8, 40)))
            tj.write(json.dumps({"id": pid, "tokens": tokens}) + "\n")
            cf.write(curve.astype("<f4").tobytes())
            sf.write((rng.normal(0, 1, 384) / np.sqrt(384)).astype("<f4").tobytes())
            index.append({"id": pid, "offset": offset, "count": len(tokens), "seconds": seconds,
                          "description": "synthetic drum and bass loop"})
            offset += len(tokens)
    with open(os.path.join(cond, "index.json"), "w") as f:
        json.dump({"format": COND_FORMAT, "curveOffsets": CURVE_OFFSETS, "hitChannels": HIT_CHANNELS,
                   "gridSlots": GRID_SLOTS, "curveFeatures": ModelConfig().curve_features, "styleDimensions": 384,
                   "pieces": index}, f)
    return out_dir


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--pieces", type=int, default=60)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    print(make(a.out, a.pieces, a.seed))
