#!/usr/bin/python3
"""The weights of an exported model (DIR/step.onnx) back into a checkpoint that train.py --init-from reads.

    /usr/bin/python3 training/import_onnx.py --model models/src/main/resources/org/v2mzero/models/neural/model \
        --out runs/shipped.pt

The repository ships the ONNX graphs, not the training checkpoint; with this a new run continues the
shipped weights on any machine. The weights come back exactly as shipped (float16, as export_onnx.py
rounded them), and the script refuses to write unless the rebuilt torch model gives DIR/reference.json's
logits (the ones export_onnx.py recorded for the same input) to 1e-4.

Names: most initializers keep their torch name plus "_fp16"; a Linear's weight is stored transposed
under a generated name ("onnx::MatMul_N"), found here by following the graph: that MatMul's output
is added to the bias "<layer>.bias", so the weight is "<layer>.weight".
"""
import argparse
import json
import os
import sys

import numpy as np
import torch

from v2m_model import ModelConfig, V2mModel

FP16 = "_fp16"


def onnx_weights(path):
    """state_dict name -> float32 array, from an export of export_onnx.py."""
    import onnx
    from onnx import numpy_helper
    g = onnx.load(path).graph
    arrays = {i.name[:-len(FP16)] if i.name.endswith(FP16) else i.name: numpy_helper.to_array(i).astype(np.float32)
              for i in g.initializer}
    consumers = {}
    for node in g.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    weights = {}
    for name, a in arrays.items():
        if not name.startswith("onnx::MatMul_"):
            weights[name] = a
            continue
        matmul = next(n for n in consumers[name] if n.op_type == "MatMul")
        add = next((n for n in consumers.get(matmul.output[0], []) if n.op_type == "Add"), None)
        bias = next((i for i in (add.input if add else []) if i.endswith(".bias")), None)
        if bias is None:
            sys.exit("%s: %s feeds no Add of a bias; cannot tell which Linear it is" % (path, name))
        weights[bias[:-len(".bias")] + ".weight"] = a.T.copy()
    return weights


def config_of(model_dir):
    with open(os.path.join(model_dir, "model.json")) as f:
        meta = json.load(f)
    curve_features = len(meta["curveOffsets"]) + len(meta["hitChannels"]) + meta.get("gridSlots", 0)
    return meta, ModelConfig(vocab=meta["vocab"], context=meta["context"], d_model=meta["dModel"],
                             layers=meta["layers"], heads=meta["heads"], curve_features=curve_features,
                             style_dimensions=meta["styleDimensions"])


def reference_error(model, model_dir):
    """max |logit - reference| on reference.json's input, full pass."""
    with open(os.path.join(model_dir, "reference.json")) as f:
        ref = json.load(f)
    tokens = torch.tensor([ref["tokens"]])
    curve = torch.tensor(ref["curve"], dtype=torch.float32).reshape(ref["curve_shape"])[None]
    style = torch.tensor(ref["style"], dtype=torch.float32)[None]
    expected = torch.tensor(ref["full_logits"]).reshape(ref["full_logits_shape"])
    with torch.no_grad():
        logits, _, _ = model.eval()(tokens, curve, style)
    return (logits[0] - expected).abs().max().item()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="DIR with step.onnx, model.json, reference.json")
    ap.add_argument("--out", required=True, help="checkpoint to write (for train.py --init-from)")
    a = ap.parse_args()
    meta, config = config_of(a.model)
    model = V2mModel(config)
    weights = {k: torch.from_numpy(v) for k, v in onnx_weights(os.path.join(a.model, "step.onnx")).items()}
    model.load_state_dict(weights)  # strict: a missing or extra weight is an error naming it
    error = reference_error(model, a.model)
    print("max |logit - reference.json| %.2e" % error)
    if error > 1e-4:
        sys.exit("%s: the imported weights do not reproduce reference.json (%.2e); nothing written" % (a.model, error))
    tmp = a.out + ".tmp"
    torch.save({"model": model.state_dict(), "config": config.to_dict(), "step": meta["training"].get("step", 0),
                "summary": {"importedFrom": os.path.abspath(a.model), "training": meta["training"]}}, tmp)
    os.replace(tmp, a.out)
    print("wrote %s" % a.out)


if __name__ == "__main__":
    main()
