#!/usr/bin/python3
"""Export a trained checkpoint (or a tiny random model for Java tests) to the ONNX graphs of MODEL.md.

    /usr/bin/python3 training/export_onnx.py --checkpoint RUN/ckpt.pt --out DIR
    /usr/bin/python3 training/export_onnx.py --tiny --seed 7 --out DIR

writes DIR/step.onnx (with the attention cache), DIR/full.onnx (no cache inputs, the same three outputs:
the cache it returns can feed step.onnx), DIR/model.json
and DIR/reference.json: fixed inputs and torch's logits for Java to compare against.

Weights are rounded to float16 *in the torch model first*, then exported and stored as float16
initializers each followed by a Cast to float32: the graph then computes exactly the function of
the rounded torch model, so Java's logits match the reference to float32 rounding (~1e-5).
Python onnxruntime is not installed here; Java (ONNX Runtime) runs the graphs.
"""
import argparse
import json
import os

import numpy as np
import torch

from v2m_model import CURVE_OFFSETS, FORMAT, GRID_SLOTS, HIT_CHANNELS, TOKENS, ModelConfig, V2mModel

OPSET = 17


class FullGraph(torch.nn.Module):
    """full.onnx: no cache in (P = 0); logits and the cache of the whole sequence out."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, tokens, curve, style):
        return self.model(tokens, curve, style)


def round_to_fp16(model):
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(p.half().float())


def export_graphs(model, out_dir):
    """Writes step.onnx and full.onnx; returns their paths."""
    import onnx
    c = model.config
    model.eval()
    b, s, p = 1, 3, 2  # a non-zero P at trace time, so nothing about the cache is traced as constant
    tokens = torch.tensor([[1, 15, 226]], dtype=torch.int64)
    curve = torch.zeros(b, s, c.curve_features)
    style = torch.zeros(b, c.style_dimensions)
    past = torch.zeros(c.layers, b, c.heads, p, c.head_dim)
    common = {"tokens": {0: "B", 1: "S"}, "curve": {0: "B", 1: "S"}, "style": {0: "B"},
              "logits": {0: "B", 1: "S"}}
    step_path, full_path = os.path.join(out_dir, "step.onnx"), os.path.join(out_dir, "full.onnx")
    with torch.no_grad():
        torch.onnx.export(
            model, (tokens, curve, style, past, past.clone()), step_path, opset_version=OPSET,
            input_names=["tokens", "curve", "style", "past_key", "past_value"],
            output_names=["logits", "present_key", "present_value"],
            dynamic_axes=dict(common, past_key={1: "B", 3: "P"}, past_value={1: "B", 3: "P"},
                              present_key={1: "B", 3: "P+S"}, present_value={1: "B", 3: "P+S"}))
        torch.onnx.export(
            FullGraph(model).eval(), (tokens, curve, style), full_path, opset_version=OPSET,
            input_names=["tokens", "curve", "style"],
            output_names=["logits", "present_key", "present_value"],
            dynamic_axes=dict(common, present_key={1: "B", 3: "S"}, present_value={1: "B", 3: "S"}))
    for path in (step_path, full_path):
        m = onnx.load(path)
        untie_copy(m)
        weights_to_fp16(m)
        onnx.checker.check_model(m, full_check=True)
        onnx.save(m, path)
    return [step_path, full_path]


def untie_copy(m):
    """Constant folding stores the tied output embedding a second time, transposed; replace that copy
    by a Transpose of tok.weight (ONNX Runtime folds it once at load), saving vocab x d weights."""
    from onnx import helper, numpy_helper
    g = m.graph
    emb = next(i for i in g.initializer if i.name.endswith("tok.weight"))
    e = numpy_helper.to_array(emb)
    for init in list(g.initializer):
        if init.name != emb.name and tuple(init.dims) == e.shape[::-1] and np.array_equal(numpy_helper.to_array(init), e.T):
            g.initializer.remove(init)
            g.node.insert(0, helper.make_node("Transpose", [emb.name], [init.name], perm=[1, 0],
                                              name="tied_output_embedding"))


def weights_to_fp16(m):
    """Every float32 initializer becomes a float16 one plus a Cast back to float32 under the old name."""
    from onnx import TensorProto, helper, numpy_helper
    g = m.graph
    casts, kept = [], []
    for init in g.initializer:
        if init.data_type != TensorProto.FLOAT:
            kept.append(init)
            continue
        half = numpy_helper.from_array(numpy_helper.to_array(init).astype(np.float16), init.name + "_fp16")
        kept.append(half)
        casts.append(helper.make_node("Cast", [half.name], [init.name], to=TensorProto.FLOAT,
                                      name=init.name + "_cast"))
    del g.initializer[:]
    g.initializer.extend(kept)
    nodes = casts + list(g.node)  # casts first: the node list stays topologically sorted
    del g.node[:]
    g.node.extend(nodes)


def write_model_json(model, out_dir, training, curve_guidance, curve_search):
    c = model.config
    meta = {"format": FORMAT, "tokens": TOKENS, "vocab": c.vocab, "context": c.context,
            "layers": c.layers, "heads": c.heads, "headDim": c.head_dim, "dModel": c.d_model,
            "curveOffsets": CURVE_OFFSETS, "hitChannels": HIT_CHANNELS, "gridSlots": GRID_SLOTS, "styleDimensions": c.style_dimensions,
            "graphs": {"full": "full.onnx", "step": "step.onnx"}, "training": training,
            "sampling": {"temperature": 1.0, "topP": 0.95, "curveGuidance": curve_guidance,
                         "curveSearch": curve_search}}
    path = os.path.join(out_dir, "model.json")
    with open(path, "w") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    return path


def tiny_model(seed):
    """A small random model whose every weight matters (not the training init, whose zero biases and
    unit LayerNorms would leave parts of the graph untested)."""
    torch.manual_seed(seed)
    c = ModelConfig(context=64, d_model=32, layers=2, heads=2, dropout=0.0)
    model = V2mModel(c)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.startswith("ln") or ".ln" in name:
                p.add_(torch.randn_like(p) * 0.1)  # LayerNorm weight ~1, bias ~0
            elif p.dim() == 1:
                p.normal_(0.0, 0.1)
            else:
                p.normal_(0.0, 0.15)
    return model


def reference_inputs(cfg):
    """The fixed input of reference.json; formulas evaluated in float64, stored as float32."""
    tokens = [1, 15, 226, 3, 341, 533, 826, 929, 1002]  # BOS 4/4 TEMPO_186 BAR POS_0 DRUMS DRUM_36 DUR_12 VEL_35
    n = len(tokens)
    i = np.arange(n)[:, None]
    j = np.arange(cfg.curve_features)[None, :]
    curve = np.sin(0.5 * i + 0.9 * j).astype(np.float32)
    k = np.arange(cfg.style_dimensions)
    style = (0.5 * np.cos(0.37 * k)).astype(np.float32)
    return tokens, curve, style


def to_list(a):
    # 8 significant digits: float32 has ~7.2, so Java's parse loses nothing that matters at 1e-5.
    return [float("%.8g" % x) for x in np.asarray(a, dtype=np.float32).ravel()]


def write_reference(model, seed, out_dir):
    c = model.config
    # eval() again: torch.onnx.export restores the wrapper's training flag, which would reach the
    # model through the FullGraph wrapper and turn dropout back on.
    model.eval()
    tokens, curve, style = reference_inputs(c)
    t = torch.tensor([tokens])
    cu = torch.from_numpy(curve)[None]
    st = torch.from_numpy(style)[None]
    with torch.no_grad():
        full, _, _ = model(t, cu, st)
        pk, pv = model.empty_cache(1)
        first, k1, v1 = model(t[:, :5], cu[:, :5], st, pk, pv)
        second, k2, v2 = model(t[:, 5:], cu[:, 5:], st, k1, v1)
    drift = (torch.cat([first, second], 1) - full).abs().max().item()
    ref = {
        "format": FORMAT, "seed": seed,
        "note": "torch logits of the fp16-rounded model for this input; shapes in *_shape, values row-major. "
                "curve[i][j] = sin(0.5*i + 0.9*j), style[k] = 0.5*cos(0.37*k), both rounded to float32 "
                "(the arrays below are exact). step: the step graph fed tokens[0:5] with an empty cache "
                "(P=0), then tokens[5:9] with the returned present_key/present_value (P=5).",
        "tokens": tokens, "curve_shape": list(curve.shape), "curve": to_list(curve),
        "style": to_list(style),
        "full_logits_shape": list(full.shape[1:]), "full_logits": to_list(full[0]),
        "step_first_logits_shape": list(first.shape[1:]), "step_first_logits": to_list(first[0]),
        "step_second_logits_shape": list(second.shape[1:]), "step_second_logits": to_list(second[0]),
        "step_present_key_shape": list(k2.shape),
        "max_abs_step_vs_full_in_torch": drift,
    }
    path = os.path.join(out_dir, "reference.json")
    with open(path, "w") as f:
        json.dump(ref, f)
        f.write("\n")
    return path, drift


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", help="a checkpoint written by train.py")
    ap.add_argument("--tiny", action="store_true", help="a tiny random model (d 32, 2 layers, 2 heads, context 64) for tests")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    ap.add_argument("--curve-guidance", type=float, default=0.0,
                    help="model.json's sampling.curveGuidance: how much Java amplifies the curve's pull (MODEL.md)")
    ap.add_argument("--curve-search", type=int, default=1,
                    help="model.json's sampling.curveSearch: candidate bars Java samples per bar kept (MODEL.md)")
    a = ap.parse_args()
    torch.set_num_threads(2)
    os.makedirs(a.out, exist_ok=True)
    if a.tiny == bool(a.checkpoint):
        ap.error("give exactly one of --checkpoint and --tiny")
    if a.tiny:
        model = tiny_model(a.seed)
        training = {"tiny": True, "seed": a.seed, "note": "random weights, for tests only"}
    else:
        ck = torch.load(a.checkpoint, map_location="cpu")
        model = V2mModel(ModelConfig.from_dict(ck["config"]))
        model.load_state_dict(ck["model"])
        training = dict(ck.get("summary", {}), step=ck["step"], tokensSeen=ck.get("tokens_seen"),
                        elapsedSeconds=round(ck.get("elapsed", 0.0), 1))
    model.eval()
    round_to_fp16(model)
    paths = export_graphs(model, a.out)
    paths.append(write_model_json(model, a.out, training, a.curve_guidance, a.curve_search))
    # reference.json for every export: Java (CheckOnnx.java, the models tests) checks the graphs with it
    ref, drift = write_reference(model, a.seed, a.out)
    paths.append(ref)
    print("torch step-vs-full max |diff| %.2e" % drift)
    params = sum(p.numel() for p in model.parameters())
    print("parameters %d" % params)
    for p in paths:
        print("%10d bytes  %s" % (os.path.getsize(p), p))


if __name__ == "__main__":
    main()
