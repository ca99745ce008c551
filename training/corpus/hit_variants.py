#!/usr/bin/python3
"""Hit variants of corpus pieces: the same music cut into sections that each open on a tutti hit.

Why: a video's event curve is flat with a few tall spikes (its cuts), and the largest changes of a
take are what its curve correlation with the video is made of (MODEL_CARD.md: r9 marks a cut with an
onset-sized blip while its largest changes fall elsewhere). In the corpus the music curve's largest
peaks are timbre changes the model cannot tie to anything; the sparse variants' re-entries peak only
a little (median 0.92 z) because they come every few beats. Here the largest changes of a piece are
made rare and loud, as a composer scores a cut: every 6-16 beats the band breaks off for 1-2 beats,
comes back on a beat with a crash, a kick and the next beat's notes of every instrument played
together at full velocity, and the section after it plays another subset of the instruments, a
little softer than the hit. The conditioning is still the music curve of the variant's own rendering
(`v2m corpus-conditioning`): where the hits peak is measured, not written in. Measured so far
(MODEL_CARD.md, r11): the hits peak at a median 1.19 z, and a model trained with them follows a
video's cuts no better; kept for the next experiment.

    hit_variants.py CORPUS [--variants 2] [--name hits] [--seed 5]

Appends `ID~hitsK` for every piece of CORPUS/tokens.jsonl that is not a variant itself (the corpus
`sparse_variants.py` wrote: same source prefix, so `train.py` holds a variant out with its piece).
"""
import argparse
import bisect
import json
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import v2m_tokens as vt  # noqa: E402
from sparse_variants import duration_within, is_variant_named, parse  # noqa: E402

F = vt.FIRST
QUARTER = vt.UNITS_PER_QUARTER
GAP_BEATS, REST_BEATS = (6, 16), (1, 2)
# An instrument sits out a section with LAYER_DROP; a section's notes keep SECTION_LOUDNESS of their
# velocity, so the hit (velocity 127) is the loudest moment around it.
LAYER_DROP, SECTION_LOUDNESS = 0.4, 0.75
CRASH, KICK = 49, 36
HIT_VEL = vt.velocity_value(127)


def flatten(tokens):
    """(metres, tempos, notes) as `v2m_tokens.encode` takes them: the inverse of encoding."""
    header, bars = parse(tokens)
    metres, tempos, notes = [(0, header[1] - F["TIMESIG"])], {0: header[2] - F["TEMPO"]}, []
    for b, (prefix, start, events) in enumerate(bars):
        if len(prefix) > 1:
            metres.append((b, prefix[1] - F["TIMESIG"]))
        for pos, tempo, groups in events:
            if tempo is not None:
                tempos[start + pos] = tempo - F["TEMPO"]
            for program, group in groups:
                p = program - F["PROGRAM"]
                first_key = F["DRUM" if p == vt.DRUM_KIT else "PITCH"]
                notes += [(start + pos, p, key - first_key, dur - F["DUR"], vel - F["VEL"]) for key, dur, vel in group]
    return metres, tempos, notes


def hit_times(end, rng):
    """Units of the hits: on whole beats, GAP_BEATS apart, the first after one gap."""
    out, t = [], rng.randint(*GAP_BEATS) * QUARTER
    while t < end:
        out.append(t)
        t += rng.randint(*GAP_BEATS) * QUARTER
    return out


def variant(tokens, rng):
    """The piece in sections, each after a rest and opening on a hit (module doc)."""
    metres, tempos, notes = flatten(tokens)
    end = max(n[0] for n in notes) + 1
    hits = hit_times(end, rng)
    rests = [h - rng.randint(*REST_BEATS) * QUARTER for h in hits]
    programs = sorted({n[1] for n in notes})
    left_out = [{p for p in programs if rng.random() < LAYER_DROP} for _ in range(len(hits) + 1)]
    out = []
    for unit, program, key, dur, vel in notes:
        k = bisect.bisect_right(hits, unit)  # the section the note starts in
        section_end = rests[k] if k < len(hits) else end + 192
        on_hit = k > 0 and unit < hits[k - 1] + QUARTER
        if on_hit:  # the hit: this beat's notes of every instrument, moved onto it, at full velocity
            unit, vel = hits[k - 1], HIT_VEL
        elif unit >= section_end or program in left_out[k]:
            continue
        else:
            vel = int(vel * SECTION_LOUDNESS)
        room = section_end - unit  # a note ringing into the rest is cut at its start
        out.append((unit, program, key, duration_within(dur, room), vel))
    for h in hits:
        out += [(h, vt.DRUM_KIT, KICK, vt.duration_value(QUARTER), HIT_VEL),
                (h, vt.DRUM_KIT, CRASH, vt.duration_value(4 * QUARTER), HIT_VEL)]
    return vt.encode(metres, tempos, out)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--variants", type=int, default=2)
    ap.add_argument("--name", default="hits", help="variant ids are ID~NAMEk")
    ap.add_argument("--seed", type=int, default=5)
    a = ap.parse_args(argv)
    path = os.path.join(a.corpus, "tokens.jsonl")
    with open(path) as f:
        lines = f.readlines()
    pieces = [json.loads(line) for line in lines]
    if any(is_variant_named(p["id"], a.name) for p in pieces):
        sys.exit("%s already has variants named %s; use another --name" % (path, a.name))
    rng, tmp, n = random.Random(a.seed), path + ".tmp", 0
    with open(tmp, "w") as w:
        w.writelines(lines)
        for piece in pieces:
            if "~" in piece["id"]:
                continue
            for k in range(1, a.variants + 1):
                w.write(json.dumps({"id": "%s~%s%d" % (piece["id"], a.name, k),
                                    "tokens": variant(piece["tokens"], rng)}) + "\n")
            n += 1
    os.replace(tmp, path)  # a failed run leaves the corpus as it was
    print("%d pieces: %d hit variants each appended to %s" % (n, a.variants, path))


if __name__ == "__main__":
    main(sys.argv[1:])
