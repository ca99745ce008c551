#!/usr/bin/python3
"""Train the v2m-neural-3 model (MODEL.md) on a corpus of tokens.jsonl + conditioning/.

    /usr/bin/python3 training/train.py --run runs/r1 --minutes 120          # start
    /usr/bin/python3 training/train.py --run runs/r1 --minutes 120 --resume # continue exactly

A run directory holds ckpt.pt (latest), best.pt (lowest validation loss), loss.csv and train.log.
--minutes bounds this invocation's wall time; --max-steps is the whole run's length (the cosine
schedule ends there), so a long run is a sequence of resumed invocations. On --resume the saved
training options win over the command line (an exact continuation), except --minutes.

Validation: ~5% of the pieces, chosen by a hash of the id (stable across corpus rebuilds), scored in
consecutive windows of the context, once with the true curve and once with the curve reversed in time
within each piece: the gap between the two is the evidence that the model uses the curve at all.

Curve dropout (--curve-dropout): that fraction of training crops has its whole curve zeroed, the "no
curve" the generator's curve guidance contrasts with (MODEL.md), so that null is one the model has met.
--init-from starts a new run from another run's weights (a checkpoint with fewer curve features gets
zero weights for the new ones: the model starts as it was and learns what the new features add).
"""
import argparse
import csv
import hashlib
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch

from v2m_model import CURVE_OFFSETS, HIT_CHANNELS, ModelConfig, V2mModel, masked_loss

COND_FORMAT = "v2m-cond-3"  # conditioning/index.json, MODEL.md

HERE = os.path.dirname(os.path.abspath(__file__))
PAD = 0
TRAIN_OPTIONS = ["corpus", "sources", "no_conditioning", "batch", "lr", "min_lr_ratio", "warmup",
                 "weight_decay", "max_steps", "seed", "val_percent", "bos_crop", "context", "d_model",
                 "layers", "heads", "dropout", "curve_dropout", "init_from", "hit_weight"]
ON_HIT = len(CURVE_OFFSETS) + HIT_CHANNELS.index("onHit")  # its column among the curve features (MODEL.md)


def log(run, msg):
    line = time.strftime("%H:%M:%S ") + msg
    print(line, flush=True)
    with open(os.path.join(run, "train.log"), "a") as f:
        f.write(line + "\n")


# ---------------------------------------------------------------- data

def load_corpus(corpus, sources, no_conditioning, curve_features=ModelConfig().curve_features, style_dimensions=384):
    """[(id, tokens int64 [n], curve float32 [n, curve_features], style float32 [384])] of the chosen sources."""
    pieces = []
    with open(os.path.join(corpus, "tokens.jsonl")) as f:
        for line in f:
            p = json.loads(line)
            if p["id"].split("/", 1)[0] in sources:
                pieces.append((p["id"], np.asarray(p["tokens"], dtype=np.int64)))
    if not pieces:
        sys.exit("no pieces of sources %s in %s" % (sources, corpus))
    cond = os.path.join(corpus, "conditioning")
    if no_conditioning:  # a throughput or baseline run: zero curve and style
        return [(i, t, np.zeros((len(t), curve_features), np.float32), np.zeros(style_dimensions, np.float32))
                for i, t in pieces]
    if not os.path.exists(os.path.join(cond, "index.json")):
        sys.exit("%s missing: run `v2m corpus-conditioning %s` first, or pass --no-conditioning" % (cond, corpus))
    with open(os.path.join(cond, "index.json")) as f:
        index = json.load(f)
    if index.get("format") != COND_FORMAT or index.get("curveFeatures") != curve_features:
        sys.exit("%s/index.json: format %s with %s curve features, expected %s with %d: rerun `v2m corpus-conditioning %s`"
                 % (cond, index.get("format"), index.get("curveFeatures"), COND_FORMAT, curve_features, corpus))
    curves = np.fromfile(os.path.join(cond, "curve.f32"), dtype="<f4").reshape(-1, curve_features)
    styles = np.fromfile(os.path.join(cond, "style.f32"), dtype="<f4").reshape(-1, style_dimensions)
    where = {e["id"]: (k, e) for k, e in enumerate(index["pieces"])}
    out = []
    for pid, tokens in pieces:
        if pid not in where:
            sys.exit("%s: not in conditioning/index.json (rerun corpus-conditioning)" % pid)
        k, e = where[pid]
        if e["count"] != len(tokens):
            sys.exit("%s: %d conditioning rows for %d tokens" % (pid, e["count"], len(tokens)))
        out.append((pid, tokens, curves[e["offset"]:e["offset"] + e["count"]], styles[k]))
    return out


def piece_hash(pid):
    """Hash of the piece's own id: a derived variant (`ID~sparse1`, corpus/sparse_variants.py) goes with its piece."""
    return hashlib.sha1(pid.split("~", 1)[0].encode()).hexdigest()


def is_validation(pid, percent):
    return int(piece_hash(pid)[:8], 16) % 100 < percent


def split(pieces, percent):
    val = [p for p in pieces if is_validation(p[0], percent)]
    if not val:  # a tiny corpus: still hold one piece out (with its variants), the one with the smallest hash
        first = min(piece_hash(p[0]) for p in pieces)
        val = [p for p in pieces if piece_hash(p[0]) == first]
    ids = {p[0] for p in val}
    return [p for p in pieces if p[0] not in ids], val


def window(piece, start, length):
    """tokens [length], curve [length, curve_features], style of piece from start, PAD/zero-filled past its end."""
    _, tokens, curve, style = piece
    t = np.full(length, PAD, np.int64)
    c = np.zeros((length, curve.shape[1]), np.float32)
    part = tokens[start:start + length]
    t[:len(part)] = part
    c[:len(part)] = curve[start:start + length]
    return t, c, style


def batch_of(windows):
    t, c, s = zip(*windows)
    return torch.from_numpy(np.stack(t)), torch.from_numpy(np.stack(c)), torch.from_numpy(np.stack(s))


class Sampler:
    """Random crops of context+1 tokens; pieces drawn in proportion to their length (every token about
    equally likely). A fraction bos_crop of crops starts at the piece's BOS, since generation always
    starts there and a uniform crop would almost never show the header at position 0."""

    def __init__(self, pieces, length, batch, bos_crop, seed, curve_dropout=0.0):
        self.pieces, self.length, self.batch, self.bos_crop = pieces, length, batch, bos_crop
        self.curve_dropout = curve_dropout
        sizes = np.array([len(p[1]) for p in pieces], np.float64)
        self.weights = sizes / sizes.sum()
        self.rng = np.random.default_rng(seed)

    def next(self):
        ws = []
        for k in self.rng.choice(len(self.pieces), size=self.batch, p=self.weights):
            n = len(self.pieces[k][1])
            start = 0 if self.rng.random() < self.bos_crop else int(self.rng.integers(0, max(1, n - self.length + 1)))
            t, c, s = window(self.pieces[k], start, self.length)
            if self.curve_dropout and self.rng.random() < self.curve_dropout:
                c = np.zeros_like(c)
            ws.append((t, c, s))
        return batch_of(ws)


def hit_weights(curve, hit_weight):
    """Per-target loss weights 1 + hit_weight * onHit: the tokens of events on the music's own hits count
    more, so the model learns harder what the hit channels say (none when hit_weight is 0)."""
    return None if not hit_weight else 1 + hit_weight * curve[:, :, ON_HIT]


@torch.no_grad()
def evaluate(model, pieces, context, batch, reverse_curve=False):
    """Mean loss per non-PAD target over consecutive windows of every piece (deterministic)."""
    model.eval()
    ws = []
    for pid, tokens, curve, style in pieces:
        piece = (pid, tokens, curve[::-1].copy() if reverse_curve else curve, style)
        ws += [window(piece, s, context + 1) for s in range(0, max(1, len(tokens) - 1), context)]
    total, count = 0.0, 0
    for i in range(0, len(ws), batch):
        t, c, s = batch_of(ws[i:i + batch])
        logits, _, _ = model(t[:, :-1], c[:, :-1], s)
        n = int((t[:, 1:] != PAD).sum())
        total += masked_loss(logits, t[:, 1:]).item() * n
        count += n
    model.train()
    return total / max(1, count)


# ---------------------------------------------------------------- training

def learning_rate(step, a):
    if step < a.warmup:
        return a.lr * (step + 1) / a.warmup
    progress = min(1.0, (step - a.warmup) / max(1, a.max_steps - a.warmup))
    return a.lr * (a.min_lr_ratio + (1 - a.min_lr_ratio) * 0.5 * (1 + math.cos(math.pi * progress)))


def optimizer_for(model, a):
    # No weight decay on biases, LayerNorms and the embedding tables (the usual GPT recipe).
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2 and not n.startswith(("tok.", "pos."))]
    rest = [p for n, p in model.named_parameters() if not (p.dim() >= 2 and not n.startswith(("tok.", "pos.")))]
    return torch.optim.AdamW([{"params": decay, "weight_decay": a.weight_decay},
                              {"params": rest, "weight_decay": 0.0}], lr=a.lr, betas=(0.9, 0.95))


def init_from(model, path):
    """Loads another run's weights; its curve projection may have fewer input features (the new ones start at 0)."""
    weights = torch.load(path, map_location="cpu")["model"]
    w = weights["curve.weight"]
    own = model.state_dict()["curve.weight"]
    if w.shape != own.shape:
        if w.shape[0] != own.shape[0] or w.shape[1] > own.shape[1]:
            sys.exit("%s: curve.weight %s does not fit %s" % (path, tuple(w.shape), tuple(own.shape)))
        weights["curve.weight"] = torch.cat([w, torch.zeros(w.shape[0], own.shape[1] - w.shape[1])], dim=1)
    model.load_state_dict(weights)


def save(path, state):
    tmp = path + ".tmp"
    torch.save(state, tmp)
    os.replace(tmp, path)  # atomic: a crash mid-write leaves the previous checkpoint intact


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(HERE, "corpus"), help="CORPUS_DIR (tokens.jsonl, conditioning/)")
    ap.add_argument("--sources", default="freedoom", help="comma-separated id prefixes (default: the permissive one)")
    ap.add_argument("--no-conditioning", action="store_true", help="zero curve and style (conditioning/ not needed)")
    ap.add_argument("--run", required=True, help="run directory: checkpoints, loss.csv, train.log")
    ap.add_argument("--resume", action="store_true", help="continue RUN/ckpt.pt exactly")
    ap.add_argument("--minutes", type=float, default=60.0, help="wall budget of this invocation")
    ap.add_argument("--max-steps", type=int, default=3000, help="length of the whole run (cosine end)")
    ap.add_argument("--stop-after", type=int, default=0, help="stop this invocation after N steps (tests)")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--context", type=int, default=512)
    ap.add_argument("--lr", type=float, default=6e-4)
    ap.add_argument("--min-lr-ratio", type=float, default=0.1)
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--weight-decay", type=float, default=0.1)
    ap.add_argument("--d-model", type=int, default=192)
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--curve-dropout", type=float, default=0.15, help="fraction of crops trained with the curve zeroed")
    ap.add_argument("--hit-weight", type=float, default=0.0,
                    help="weight tokens on the music's hits (onHit) 1 + this in the training loss (validation stays unweighted)")
    ap.add_argument("--init-from", default="", help="start from this checkpoint's weights (a new run only)")
    ap.add_argument("--bos-crop", type=float, default=0.1, help="fraction of crops starting at BOS")
    ap.add_argument("--val-percent", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--log-every", type=int, default=10, help="steps between loss.csv rows")
    ap.add_argument("--val-minutes", type=float, default=5.0)
    ap.add_argument("--ckpt-minutes", type=float, default=5.0)
    a = ap.parse_args()
    torch.set_num_threads(2)
    os.makedirs(a.run, exist_ok=True)
    ckpt_path = os.path.join(a.run, "ckpt.pt")

    ck = None
    if a.resume:
        ck = torch.load(ckpt_path, map_location="cpu")
        for k in TRAIN_OPTIONS:
            setattr(a, k, ck["args"].get(k, getattr(a, k)))  # options newer than the checkpoint: their defaults
        log(a.run, "resume at step %d (%.0f s trained so far)" % (ck["step"], ck["elapsed"]))
    elif os.path.exists(ckpt_path):
        sys.exit("%s exists: pass --resume, or use a new --run" % ckpt_path)

    config = ModelConfig(context=a.context, d_model=a.d_model, layers=a.layers, heads=a.heads, dropout=a.dropout)
    sources = a.sources.split(",")
    train, val = split(load_corpus(a.corpus, sources, a.no_conditioning), a.val_percent)
    train_tokens = sum(len(p[1]) for p in train)
    log(a.run, "sources %s: %d train pieces (%d tokens), %d validation pieces (%d tokens): %s"
        % (sources, len(train), train_tokens, len(val), sum(len(p[1]) for p in val), [p[0] for p in val]))

    torch.manual_seed(a.seed)
    random.seed(a.seed)
    model = V2mModel(config)
    opt = optimizer_for(model, a)
    sampler = Sampler(train, a.context + 1, a.batch, a.bos_crop, a.seed, a.curve_dropout)
    step, tokens_seen, elapsed, best = 0, 0, 0.0, float("inf")
    if ck:
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["optimizer"])
        step, tokens_seen, elapsed, best = ck["step"], ck["tokens_seen"], ck["elapsed"], ck["best_val"]
        torch.set_rng_state(ck["rng"]["torch"])
        random.setstate(ck["rng"]["python"])
        sampler.rng.bit_generator.state = ck["rng"]["sampler"]
    elif a.init_from:
        init_from(model, a.init_from)
        log(a.run, "weights from %s" % a.init_from)
    log(a.run, "model %d parameters, config %s" % (sum(p.numel() for p in model.parameters()), config.to_dict()))

    csv_path = os.path.join(a.run, "loss.csv")
    if not os.path.exists(csv_path):
        with open(csv_path, "w") as f:
            f.write("step,elapsed_s,train_loss,val_loss,tokens_seen,val_loss_reversed_curve\n")

    def state(val_loss=None, val_rev=None):
        return {"model": model.state_dict(), "optimizer": opt.state_dict(), "step": step,
                "tokens_seen": tokens_seen, "elapsed": elapsed, "best_val": best,
                "config": config.to_dict(), "args": {k: getattr(a, k) for k in TRAIN_OPTIONS},
                "rng": {"torch": torch.get_rng_state(), "python": random.getstate(),
                        "sampler": sampler.rng.bit_generator.state},
                "summary": {"sources": sources, "trainPieces": len(train), "trainTokens": train_tokens,
                            "validationPieces": [p[0] for p in val], "conditioning": not a.no_conditioning,
                            "valLoss": val_loss, "valLossReversedCurve": val_rev, "batch": a.batch,
                            "maxSteps": a.max_steps, "lr": a.lr,
                            "curveDropout": a.curve_dropout, "initFrom": a.init_from,
                            "hitWeight": a.hit_weight}}

    def validate():
        v = evaluate(model, val, a.context, a.batch)
        r = evaluate(model, val, a.context, a.batch, reverse_curve=True)
        log(a.run, "step %d val loss %.4f (curve reversed %.4f, gap %+.4f)" % (step, v, r, r - v))
        return v, r

    def row(train_loss, v="", r=""):
        with open(csv_path, "a", newline="") as f:
            csv.writer(f).writerow([step, "%.1f" % elapsed, train_loss, v, tokens_seen, r])

    start = time.time()
    base = elapsed  # elapsed counts the whole run across resumes
    last_val = last_ckpt = time.time()
    v = r = val_step = None
    window_loss, window_steps, window_time, window_tok = 0.0, 0, 0.0, 0  # window_time: training only
    model.train()
    first_step = step
    while step < a.max_steps and time.time() - start < a.minutes * 60 and not (
            a.stop_after and step - first_step >= a.stop_after):
        t0 = time.time()
        lr = learning_rate(step, a)
        for g in opt.param_groups:
            g["lr"] = lr
        t, c, s = sampler.next()
        logits, _, _ = model(t[:, :-1], c[:, :-1], s)
        loss = masked_loss(logits, t[:, 1:], weights=hit_weights(c[:, 1:], a.hit_weight))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        n = int((t[:, 1:] != PAD).sum())
        tokens_seen += n
        window_loss, window_steps, window_tok = window_loss + loss.item(), window_steps + 1, window_tok + n
        window_time += time.time() - t0
        elapsed = base + time.time() - start
        if step % a.log_every == 0:
            rate = window_tok / window_time
            log(a.run, "step %d loss %.4f lr %.2e %.0f tokens/s" % (step, window_loss / window_steps, lr, rate))
            row("%.4f" % (window_loss / window_steps))
            window_loss, window_steps, window_time, window_tok = 0.0, 0, 0.0, 0
        if time.time() - last_val >= a.val_minutes * 60:
            v, r = validate()
            val_step = step
            row("", "%.4f" % v, "%.4f" % r)
            if v < best:
                best = v
                save(os.path.join(a.run, "best.pt"), state(v, r))
            last_val = time.time()
        if time.time() - last_ckpt >= a.ckpt_minutes * 60:
            save(ckpt_path, state())
            last_ckpt = time.time()
    if val_step != step:  # not validated at this very step already
        v, r = validate()
        row("", "%.4f" % v, "%.4f" % r)
    if v < best:
        best = v
        save(os.path.join(a.run, "best.pt"), state(v, r))
    save(ckpt_path, state(v, r))
    log(a.run, "stopped at step %d of %d, %d tokens seen, %.0f s trained; best val %.4f"
        % (step, a.max_steps, tokens_seen, elapsed, best))


if __name__ == "__main__":
    main()
