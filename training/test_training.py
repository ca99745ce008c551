#!/usr/bin/python3
"""Self-checks of the model and the training loop, tiny sizes (~1 min on 2 cores):

    /usr/bin/python3 training/test_training.py

the cache path equals the full pass, attention is causal, a stopped-then-resumed run ends with
exactly the validation loss of an uninterrupted one, --init-from carries a model with fewer curve
features over unchanged, curve dropout zeroes whole crops, and --hit-weight weighs the loss of tokens
on hits. Run in CI by TrainingSelfCheckTest.
"""
import os
import subprocess
import sys
import tempfile

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from v2m_model import ModelConfig, V2mModel, masked_loss  # noqa: E402
import synthetic_corpus  # noqa: E402
import train as training  # noqa: E402


def test_cache_and_causality():
    torch.manual_seed(0)
    m = V2mModel(ModelConfig(d_model=32, layers=2, heads=2, context=64, dropout=0.0)).eval()
    t, c, s = torch.randint(3, 1014, (2, 9)), torch.randn(2, 9, m.config.curve_features), torch.randn(2, 384)
    with torch.no_grad():
        full, k, v = m(t, c, s)
        pk, pv = m.empty_cache(2)
        a, k1, v1 = m(t[:, :5], c[:, :5], s, pk, pv)
        b, k2, v2 = m(t[:, 5:], c[:, 5:], s, k1, v1)
        assert (torch.cat([a, b], 1) - full).abs().max() < 1e-5, "cache path differs from full pass"
        assert k2.shape == (2, 2, 2, 9, 16) and (k2 - k).abs().max() < 1e-5
        t2, c2 = t.clone(), c.clone()
        t2[:, 6], c2[:, 6] = 7, 0.0
        changed = (m(t2, c2, s)[0] - full).abs().amax(dim=(0, 2))
        assert changed[:6].max() == 0 and changed[6:].min() > 0, "a token sees the future: %s" % changed


def train(corpus, run, *extra):
    args = [sys.executable, os.path.join(HERE, "train.py"), "--corpus", corpus, "--run", run,
            "--context", "32", "--d-model", "32", "--layers", "2", "--heads", "2", "--batch", "4",
            "--max-steps", "16", "--warmup", "4", "--log-every", "4", *extra]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return [l for l in out.splitlines() if " val loss " in l][-1].split(" val loss ")[1]


def test_exact_resume():
    with tempfile.TemporaryDirectory() as d:
        corpus = synthetic_corpus.make(os.path.join(d, "corpus"), pieces=12)
        whole = train(corpus, os.path.join(d, "a"))
        train(corpus, os.path.join(d, "b"), "--stop-after", "7")
        resumed = train(corpus, os.path.join(d, "b"), "--resume")
        assert whole == resumed, "resume is not exact: %s vs %s" % (whole, resumed)


def test_init_from_a_model_with_fewer_curve_features():
    torch.manual_seed(1)
    small = ModelConfig(d_model=32, layers=2, heads=2, context=64, dropout=0.0, curve_features=9)  # v2m-neural-2
    old = V2mModel(small).eval()
    new = V2mModel(ModelConfig(**dict(small.to_dict(), curve_features=25))).eval()
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "old.pt")
        torch.save({"model": old.state_dict()}, path)
        training.init_from(new, path)
    t, c, s = torch.randint(3, 1014, (2, 9)), torch.randn(2, 9, 25), torch.randn(2, 384)
    with torch.no_grad():
        same = (new(t, c, s)[0] - old(t, c[:, :, :9], s)[0]).abs().max()
    assert same < 1e-6, "the new curve features must start with no effect: %s" % same


def test_curve_dropout_zeroes_whole_crops():
    with tempfile.TemporaryDirectory() as d:
        corpus = synthetic_corpus.make(os.path.join(d, "corpus"), pieces=6)
        pieces = training.load_corpus(corpus, ["freedoom"], False)
        _, kept, _ = training.Sampler(pieces, 33, 64, 0.0, 1, curve_dropout=0.0).next()
        _, dropped, _ = training.Sampler(pieces, 33, 64, 0.0, 1, curve_dropout=0.5).next()
    zero = (dropped.abs().sum(dim=(1, 2)) == 0).float().mean().item()
    assert (kept.abs().sum(dim=(1, 2)) > 0).all(), "without dropout every crop has its curve"
    assert 0.3 < zero < 0.7, "about half the crops zeroed: %.2f" % zero


def test_hit_weights_count_tokens_on_hits_more():
    torch.manual_seed(1)
    logits, targets = torch.randn(1, 4, 10), torch.tensor([[3, 4, 5, 0]])  # the last target is PAD
    curve = torch.zeros(1, 4, ModelConfig().curve_features)
    curve[0, 1, training.ON_HIT] = 1.0
    assert training.hit_weights(curve, 0.0) is None, "off by default"
    plain = masked_loss(logits, targets)
    same = masked_loss(logits, targets, weights=torch.ones(1, 4))
    assert abs(plain - same) < 1e-6, "weights of 1 give the plain mean"
    ce = torch.nn.functional.cross_entropy(logits[0, :3], targets[0, :3], reduction="none")
    expected = (ce[0] + 4 * ce[1] + ce[2]) / 6
    got = masked_loss(logits, targets, weights=training.hit_weights(curve, 3.0))
    assert abs(got - expected) < 1e-6, "%s vs %s" % (got, expected)


if __name__ == "__main__":
    torch.set_num_threads(2)
    test_cache_and_causality()
    test_exact_resume()
    test_init_from_a_model_with_fewer_curve_features()
    test_curve_dropout_zeroes_whole_crops()
    test_hit_weights_count_tokens_on_hits_more()
    print("ok")
