#!/usr/bin/env python3
"""The zero-pair table of issue 7: does a generator follow the video's curve, or would any curve do?

For each shared clip, prompt and seed: `v2m score` a take, then `v2m evaluate --cuts --control`, which
composes the same prompt and seed again from the time-reversed curve with the take's own generator.
Prints, per generator, the mean of each metric of ../shared/metrics.md and of its control, and their
ratio, as a Markdown table. Needs ../shared/data (the clips and their cut lists).

    /usr/bin/python3 training/zero_pair.py [--model DIR] [--seeds 1,2] [--generators neural,symbolic]
        [--clip VIDEO:CUTS ...] [--prompts "a,b"]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared", "data", "video")
CLIPS = ["pyscenedetect/testvideo", "pyscenedetect/goldeneye-vfr-drop3", "bigbuckbunny/big_buck_bunny_0_30"]


def shared_clips():
    """(video, cut list) of the shared clips."""
    out = []
    for clip in CLIPS:
        d, name = os.path.split(os.path.join(SHARED, clip))
        video = next(os.path.join(d, f) for f in sorted(os.listdir(d))
                     if f.startswith(name + ".") and not f.endswith(".txt"))
        out.append((video, os.path.join(SHARED, clip + ".cuts.txt")))
    return out
PROMPTS = ["tense orchestral", "epic trailer", "synthwave night drive"]
METRICS = ["hitRecall", "hitAccent", "beatAlign", "curveCorrelation"]


def v2m(*args):
    r = subprocess.run([os.path.join(ROOT, "v2m"), *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("v2m %s failed:\n%s%s" % (" ".join(args), r.stdout, r.stderr))
    return r.stdout


def run(generator, video, cuts, prompt, seed, model, out, frame_phases=1):
    """Scores a take and evaluates it with its control (and at frame_phases phases of the analysis frames)."""
    extra = ["--model", model] if model and generator == "neural" else []
    name = os.path.splitext(os.path.basename(video))[0]
    lib = os.path.join(out, "%s-%s-%s-%d" % (generator, name, prompt.replace(" ", "-"), seed))
    v2m("score", video, "--generator", generator, "-p", prompt, "-s", str(seed), "-o", lib, *extra)
    take = os.path.join(lib, os.listdir(lib)[0])
    report = os.path.join(lib, "evaluate.json")
    v2m("evaluate", take, "--cuts", cuts, "--control", "--frame-phases", str(frame_phases), "--json", report, *extra)
    with open(report) as f:
        return json.load(f)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", help="neural model folder (default: the shipped one)")
    ap.add_argument("--seeds", default="1,2")
    ap.add_argument("--generators", default="neural,symbolic")
    ap.add_argument("--out", help="keep the takes here (default: a temporary folder)")
    ap.add_argument("--clip", action="append", metavar="VIDEO:CUTS", help="a clip and its cut list (default: the shared clips)")
    ap.add_argument("--prompts", default=",".join(PROMPTS))
    a = ap.parse_args()
    clips = [tuple(c.split(":", 1)) for c in a.clip] if a.clip else shared_clips()
    out = a.out or tempfile.mkdtemp(prefix="v2m-zero-pair-")
    seeds = [int(s) for s in a.seeds.split(",")]
    print("| generator | runs | " + " | ".join("%s (control, ratio)" % m for m in METRICS) + " |")
    print("|---|---|" + "---|" * len(METRICS))
    for generator in a.generators.split(","):
        rows = []
        for video, cuts in clips:
            for prompt in a.prompts.split(","):
                for seed in seeds:
                    r = run(generator, video, cuts, prompt, seed, a.model, out)
                    rows.append(r)
                    print("  %s %s / %s / %d: %s" % (generator, os.path.basename(video), prompt, seed,
                          ", ".join("%s %.3f (%.3f)" % (m, r[m], r["control"][m]) for m in METRICS)), file=sys.stderr)
        cells = []
        for m in METRICS:
            mean = sum(r[m] for r in rows) / len(rows)
            control = sum(r["control"][m] for r in rows) / len(rows)
            ratio = "inf" if control <= 0 < mean else "n/a" if control <= 0 else "%.2f" % (mean / control)
            cells.append("%.3f (%.3f, %s)" % (mean, control, ratio))
        print("| %s | %d | %s |" % (generator, len(rows), " | ".join(cells)), flush=True)


if __name__ == "__main__":
    main()
