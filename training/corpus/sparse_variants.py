#!/usr/bin/python3
"""Sparse variants of corpus pieces: the same music with rests cut into it and instruments left out.

Why: the video curves the generator is driven by are flat with narrow spikes at cuts, while a dense
piece's music curve moves all the time, its peaks marking timbre changes (MODEL_CARD.md). A model
that only saw dense music never learns what a lone spike asks for. In a piece with rests, the music
curve spikes where the band comes back in, so a spike in the conditioning comes to mean "enter
here": the relation zero-pair needs. The variants are derived from the pieces themselves (same
licence), and their conditioning is computed from their own rendering like any piece's
(`v2m corpus-conditioning`), so the curve-music relation the model learns is still measured, never
written in by hand.

    sparse_variants.py SOURCE_CORPUS OUT_CORPUS [--variants 2] [--sources freedoom] [--seed 1]
    sparse_variants.py SOURCE_CORPUS OUT_CORPUS --append --name sparseb --play-beats 2,6 ...

--append adds variants of other spans, under another --name, to an OUT_CORPUS this script wrote
(the pieces are in it already): one corpus with variants of two kinds (MODEL_CARD.md, r8).

OUT_CORPUS/tokens.jsonl holds every chosen piece and its variants (`ID~sparseK`, same source prefix,
so `train.py --sources` takes both; `train.py` holds a variant out with its piece).
"""
import argparse
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import v2m_tokens as vt  # noqa: E402

F = vt.FIRST
QUARTER = vt.UNITS_PER_QUARTER
# Spans in whole beats: a rest long enough for the music curve to settle (0.5-1.5 s at 120 bpm),
# playing long enough to be a phrase. An instrument sits out a playing span with LAYER_DROP.
REST_BEATS, PLAY_BEATS, LAYER_DROP = (1, 3), (3, 12), 0.3


def parse(tokens):
    """(header, bars): header is [BOS, TIMESIG, TEMPO]; a bar is (prefix tokens, start unit, events);
    an event is (pos, tempo token or None, [(program, [(key, dur, vel)])])."""
    header, bars = list(tokens[:3]), []
    metre, start, i = tokens[1] - F["TIMESIG"], 0, 3
    while i < len(tokens) and tokens[i] != F["EOS"]:
        assert tokens[i] == F["BAR"], vt.name(tokens[i])
        if bars:
            start += vt.bar_units(metre)
        prefix, i = [tokens[i]], i + 1
        if i < len(tokens) and vt.kind(tokens[i]) == "TIMESIG":
            metre = tokens[i] - F["TIMESIG"]
            prefix.append(tokens[i])
            i += 1
        events = []
        while i < len(tokens) and vt.kind(tokens[i]) == "POS":
            pos, tempo, groups = tokens[i] - F["POS"], None, []
            i += 1
            if vt.kind(tokens[i]) == "TEMPO":
                tempo, i = tokens[i], i + 1
            while i < len(tokens) and vt.kind(tokens[i]) == "PROGRAM":
                program, notes = tokens[i], []
                i += 1
                while i < len(tokens) and vt.kind(tokens[i]) in ("PITCH", "DRUM"):
                    notes.append(tuple(tokens[i:i + 3]))
                    i += 3
                groups.append((program, notes))
            events.append((pos, tempo, groups))
        bars.append((prefix, start, events))
    return header, bars


def spans(end, rng, play_beats=PLAY_BEATS, rest_beats=REST_BEATS):
    """[(start, stop)] of playing spans in units, rests between them, from unit 0 to `end`."""
    out, t = [], 0
    while t < end:
        play = rng.randint(*play_beats) * QUARTER
        out.append((t, t + play))
        t += play + rng.randint(*rest_beats) * QUARTER
    return out


def variant(tokens, rng, play_beats=PLAY_BEATS, rest_beats=REST_BEATS):
    """The piece with rests and left-out instruments; notes ringing into a rest are cut at its start."""
    header, bars = parse(tokens)
    end = max((s + e[0] for _, s, ev in bars for e in ev), default=0) + 1
    playing = spans(end, rng, play_beats, rest_beats)
    programs = {p for _, _, ev in bars for e in ev for p, _ in e[2]}
    out_of = [{p for p in programs if rng.random() < LAYER_DROP} for _ in playing]
    out, k = list(header), 0
    for prefix, start, events in bars:
        out += prefix
        for pos, tempo, groups in events:
            unit = start + pos
            while k + 1 < len(playing) and playing[k + 1][0] <= unit:  # spans are in order
                k += 1
            span_start, span_stop = playing[k]
            kept = []
            if span_start <= unit < span_stop:
                for program, notes in groups:
                    if program in out_of[k]:
                        continue
                    room = span_stop - unit
                    kept.append((program, [(key, F["DUR"] + duration_within(dur - F["DUR"], room), vel)
                                           for key, dur, vel in notes]))
            if kept or tempo is not None:
                out += [F["POS"] + pos] + ([tempo] if tempo is not None else [])
                for program, notes in kept:
                    out.append(program)
                    for note in notes:
                        out += note
    return trim(out)


def duration_within(dur, room):
    """The DUR value of a note of DUR value `dur` cut to end within `room` units: the table's longest
    length that fits (rounding to the nearest could end a long note up to half a beat into a rest)."""
    value = vt.duration_value(min(vt.duration_units(dur), room))
    while value > 0 and vt.duration_units(value) > room:
        value -= 1
    return value


def is_variant_named(pid, name):
    """Whether `pid` is a variant this script (or hit_variants.py) wrote under `name`: `ID~NAMEk`."""
    return re.fullmatch(r"[^~]*~%s\d+" % re.escape(name), pid) is not None


def trim(tokens):
    """End on a note (TOKENS.md: no trailing bars or tempo changes), then EOS."""
    last = max(i for i, t in enumerate(tokens) if vt.kind(t) == "VEL")
    return tokens[:last + 1] + [F["EOS"]]


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source")
    ap.add_argument("out")
    ap.add_argument("--variants", type=int, default=2)
    ap.add_argument("--sources", default="freedoom")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--play-beats", default="%d,%d" % PLAY_BEATS, help="playing spans, whole beats: min,max")
    ap.add_argument("--rest-beats", default="%d,%d" % REST_BEATS, help="rests, whole beats: min,max")
    ap.add_argument("--name", default="sparse", help="variant ids are ID~NAMEk")
    ap.add_argument("--append", action="store_true", help="add variants to OUT_CORPUS's pieces (written before)")
    a = ap.parse_args(argv)
    sources = set(a.sources.split(","))
    play, rest = (tuple(int(x) for x in v.split(",")) for v in (a.play_beats, a.rest_beats))
    os.makedirs(a.out, exist_ok=True)
    rng, n = random.Random(a.seed), 0
    path = os.path.join(a.out, "tokens.jsonl")
    kept = []
    if a.append:
        if not os.path.exists(path):
            sys.exit("%s: not found; --append adds to a corpus this script wrote" % path)
        with open(path) as f:
            kept = f.readlines()
        if any(is_variant_named(json.loads(line)["id"], a.name) for line in kept):
            sys.exit("%s already has variants named %s; --append needs another --name" % (path, a.name))
    tmp = path + ".tmp"
    with open(os.path.join(a.source, "tokens.jsonl")) as f, open(tmp, "w") as w:
        w.writelines(kept)
        for line in f:
            piece = json.loads(line)
            if piece["id"].split("/", 1)[0] not in sources:
                continue
            if not a.append:
                w.write(json.dumps({"id": piece["id"], "tokens": piece["tokens"]}) + "\n")
            for k in range(1, a.variants + 1):
                w.write(json.dumps({"id": "%s~%s%d" % (piece["id"], a.name, k),
                                    "tokens": variant(piece["tokens"], rng, play, rest)}) + "\n")
            n += 1
    os.replace(tmp, path)  # a failed run leaves OUT_CORPUS as it was
    print("%d pieces and %d variants each in %s" % (n, a.variants, a.out))


if __name__ == "__main__":
    main(sys.argv[1:])
