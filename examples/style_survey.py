#!/usr/bin/env python3
"""Issue 4's "Proven" for every style of the symbolic composer's library, on the shared clips.

For each style, one short prompt that selects it (the take's manifest must name that style, or the row
says which it got), on each shared clip and seed: `v2m score` a take, then `v2m evaluate --cuts
--control` (same prompt and seed, time-reversed curve). Prints one Markdown row per style and clip:
hit recall @50 ms, hit accent, the control's recall, and whether the row meets the floor (recall >= 0.9,
accent >= 0.8, recall >= 2 x control recall). With --frame-phases N, also the lowest hit accent over N
phases of the music curve's analysis frames (`evaluate --frame-phases`): a row whose accent drops below
0.8 at some phase meets the floor by luck. Needs ../shared/data (the clips and their cut lists).
About 25 s a row on two cores.

    /usr/bin/python3 examples/style_survey.py [--styles jazz,rock] [--seeds 1] [--frame-phases 4] [--out DIR] [--json FILE]
"""
import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "training"))
from zero_pair import run, shared_clips  # noqa: E402  (score + evaluate --control, the shared clips)

# style -> a short prompt that selects it (by MiniLM embedding, and by keywords without the encoder)
PROMPTS = {
    "orchestral": "heroic orchestral adventure",
    "trailer": "epic trailer",
    "suspense": "suspense thriller",
    "horror": "creepy horror",
    "electronic": "techno club",
    "synthwave": "synthwave night drive",
    "ambient": "calm ambient",
    "piano": "sad solo piano",
    "rock": "driving rock",
    "hiphop": "boom bap hip hop beat",
    "jazz": "smoky jazz noir",
    "folk": "rustic folk waltz",
    "comedy": "silly cartoon comedy",
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--styles", default=",".join(PROMPTS), help="comma-separated style names")
    ap.add_argument("--seeds", default="1")
    ap.add_argument("--out", help="keep the takes here (default: a temporary folder)")
    ap.add_argument("--json", help="also write the rows as JSON")
    ap.add_argument("--frame-phases", type=int, default=1, help="also the lowest accent over N frame phases")
    a = ap.parse_args()
    out = a.out or tempfile.mkdtemp(prefix="v2m-style-survey-")
    rows = []
    phased = a.frame_phases > 1
    print("| style | prompt | clip | seed | recall | accent | control recall | floor |" + (" lowest accent over phases |" if phased else ""))
    print("|---|---|---|---|---|---|---|---|" + ("---|" if phased else ""))
    for style in a.styles.split(","):
        prompt = PROMPTS[style]
        for video, cuts in shared_clips():
            for seed in [int(s) for s in a.seeds.split(",")]:
                r = run("symbolic", video, cuts, prompt, seed, None, out, a.frame_phases)
                name = os.path.splitext(os.path.basename(video))[0]
                lib = os.path.join(out, "symbolic-%s-%s-%d" % (name, prompt.replace(" ", "-"), seed))
                take = next(d for d in sorted(os.listdir(lib)) if os.path.isdir(os.path.join(lib, d)))
                with open(os.path.join(lib, take, "manifest.json")) as f:
                    chosen = json.load(f)["styleMatch"]["chosen"]
                recall, accent, control = r["hitRecall"], r["hitAccent"], r["control"]["hitRecall"]
                ok = recall >= 0.9 and accent >= 0.8 and recall >= 2 * control
                label = style if chosen == style else "%s (got %s)" % (style, chosen)
                lowest = min(r["framePhases"]["hitAccent"]) if phased else None
                rows.append({"style": style, "chosen": chosen, "prompt": prompt, "clip": name, "seed": seed,
                             "hitRecall": recall, "hitAccent": accent, "controlHitRecall": control,
                             "controlHitAccent": r["control"]["hitAccent"], "ok": ok, "lowestPhaseAccent": lowest})
                print("| %s | %s | %s | %d | %.2f | %.2f | %.2f | %s |" % (
                    label, prompt, name, seed, recall, accent, control, "ok" if ok else "MISS")
                    + (" %.2f |" % lowest if phased else ""), flush=True)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(rows, f, indent=1)
    print("%d of %d rows meet the floor" % (sum(r["ok"] for r in rows), len(rows)))
    if phased:
        print("%d of %d also keep accent >= 0.8 at every phase" % (
            sum(r["ok"] and r["lowestPhaseAccent"] >= 0.8 for r in rows), len(rows)))


if __name__ == "__main__":
    main()
