"""The network of training/MODEL.md (version v2m-neural-3): a pre-norm decoder-only transformer over
v2m-remi-1 tokens, conditioned per token on 25 curve features (6 curve samples, 3 hit channels, 16 bar-grid slots) and per
piece on a 384-float style.

One module serves training and both ONNX graphs: forward() takes an optional attention cache
(past_key/past_value, [layers, B, heads, P, headDim], P may be 0) and returns the cache extended by
the new tokens, so step.onnx and full.onnx are the same code (full.onnx passes no cache).

torch 1.13 has no fused attention, so attention is written by hand; the causal mask is built from
position comparisons (Range + LessOrEqual in ONNX) so it stays dynamic in P and S when exported.
"""
import math
from dataclasses import dataclass, asdict

import torch
import torch.nn as nn
import torch.nn.functional as F

FORMAT = "v2m-neural-3"
TOKENS = "v2m-remi-1"
CURVE_OFFSETS = [-0.5, -0.25, 0.0, 0.25, 0.5, 1.0]  # seconds, MODEL.md "Conditioning"
HIT_CHANNELS = ["onHit", "nextHit", "lastHit"]  # after the samples, MODEL.md "Conditioning"
GRID_SLOTS = 16  # the on-hit bump at each 16th of the token's bar, after the hit channels


@dataclass
class ModelConfig:
    vocab: int = 1014
    context: int = 512
    d_model: int = 192
    layers: int = 4
    heads: int = 4
    curve_features: int = len(CURVE_OFFSETS) + len(HIT_CHANNELS) + GRID_SLOTS
    style_dimensions: int = 384
    dropout: float = 0.1  # training only; eval() and the exported graphs have none

    @property
    def head_dim(self):
        return self.d_model // self.heads

    def to_dict(self):
        return asdict(self)

    @staticmethod
    def from_dict(d):
        return ModelConfig(**d)


class Block(nn.Module):
    def __init__(self, c: ModelConfig):
        super().__init__()
        assert c.d_model % c.heads == 0, "d_model must split evenly into heads"
        self.heads, self.head_dim = c.heads, c.head_dim
        self.ln1 = nn.LayerNorm(c.d_model)
        self.qkv = nn.Linear(c.d_model, 3 * c.d_model)
        self.proj = nn.Linear(c.d_model, c.d_model)
        self.ln2 = nn.LayerNorm(c.d_model)
        self.fc = nn.Linear(c.d_model, 4 * c.d_model)
        self.out = nn.Linear(4 * c.d_model, c.d_model)
        self.drop = nn.Dropout(c.dropout)

    def forward(self, x, allowed, past_k, past_v):
        """x [B,S,d]; allowed [S,P+S] bool; past_k/v [B,H,P,hd] or None. Returns x, k_all, v_all."""
        b, s, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
        q, k, v = [t.reshape(b, s, self.heads, self.head_dim).transpose(1, 2) for t in (q, k, v)]
        if past_k is not None:
            k = torch.cat([past_k, k], dim=2)
            v = torch.cat([past_v, v], dim=2)
        # Scale q, not the [S, P+S] scores, and no dropout on the attention weights: on 2 CPU cores
        # the elementwise passes over B*H*S*S scores cost as much as the matmuls.
        att = torch.matmul(q * (1.0 / math.sqrt(self.head_dim)), k.transpose(2, 3))
        # A large finite negative rather than -inf: no NaN even if a row were fully masked. In place
        # is safe for autograd (matmul does not need its output) and saves a pass over the scores.
        att = torch.softmax(att.masked_fill_(~allowed, -1e9), dim=-1)
        y = torch.matmul(att, v).transpose(1, 2).reshape(b, s, d)
        x = x + self.drop(self.proj(y))
        x = x + self.drop(self.out(F.gelu(self.fc(self.ln2(x)))))
        return x, k, v


class V2mModel(nn.Module):
    def __init__(self, c: ModelConfig):
        super().__init__()
        self.config = c
        self.tok = nn.Embedding(c.vocab, c.d_model)
        self.pos = nn.Embedding(c.context, c.d_model)
        self.curve = nn.Linear(c.curve_features, c.d_model)
        self.style = nn.Linear(c.style_dimensions, c.d_model)
        self.drop = nn.Dropout(c.dropout)
        self.blocks = nn.ModuleList([Block(c) for _ in range(c.layers)])
        self.ln_f = nn.LayerNorm(c.d_model)
        self.apply(self._init)

    @staticmethod
    def _init(m):
        # Small init (std 0.02) everywhere; with tied output embeddings large E gives huge first logits.
        if isinstance(m, (nn.Linear, nn.Embedding)):
            nn.init.normal_(m.weight, 0.0, 0.02)
        if isinstance(m, nn.Linear) and m.bias is not None:
            nn.init.zeros_(m.bias)

    def forward(self, tokens, curve, style, past_key=None, past_value=None):
        """tokens [B,S] int64, curve [B,S,curve_features], style [B,384], past_key/value [L,B,H,P,hd] or None.

        Returns logits [B,S,vocab], present_key, present_value [L,B,H,P+S,hd]. Token i sits at
        position P+i and sees the P cached positions and the new tokens <= i.
        """
        s = tokens.shape[1]
        p = 0 if past_key is None else past_key.shape[3]
        q_pos = torch.arange(s, device=tokens.device) + p           # positions of the new tokens
        k_pos = torch.arange(p + s, device=tokens.device)           # positions of every key
        allowed = k_pos.unsqueeze(0) <= q_pos.unsqueeze(1)          # [S, P+S], causal with offset
        h = (self.tok(tokens) + self.pos(q_pos).unsqueeze(0) + self.curve(curve)
             + self.style(style).unsqueeze(1))
        h = self.drop(h)
        keys, values = [], []
        for i, block in enumerate(self.blocks):
            pk = None if past_key is None else past_key[i]
            pv = None if past_value is None else past_value[i]
            h, k, v = block(h, allowed, pk, pv)
            keys.append(k)
            values.append(v)
        logits = torch.matmul(self.ln_f(h), self.tok.weight.t())   # tied output embedding
        return logits, torch.stack(keys), torch.stack(values)

    def empty_cache(self, batch):
        c = self.config
        z = torch.zeros(c.layers, batch, c.heads, 0, c.head_dim)
        return z, z.clone()


def masked_loss(logits, targets, pad=0, weights=None):
    """Mean cross-entropy over non-PAD targets (PAD fills crops shorter than the context); with weights
    (one per target), their weighted mean."""
    if weights is None:
        return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), ignore_index=pad)
    ce = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), ignore_index=pad, reduction="none")
    w = weights.reshape(-1) * (targets.reshape(-1) != pad)
    return (w * ce).sum() / w.sum().clamp_min(1e-9)
