#!/usr/bin/python3
"""Builds the training corpus from the Debian packages named in shared/neural-notes.md, and nothing
else: `apt-get download` of exactly these packages, `dpkg-deb -x` into a work folder (nothing is
installed), MIDI files copied out (freedoom's out of its WADs, abcmidi's made from its .abc examples
by the package's own abc2midi), each tokenized by ../v2m_tokens.py.

    /usr/bin/python3 training/corpus/build_corpus.py [--offline]

writes, next to this script (all ignored by git):
  work/            the .deb files and their extracted trees (--offline reuses the .debs there)
  midi/SOURCE/     one .mid per piece
  manifest.json    per piece: source package, version, licence, path, sha256, seconds, tokens;
                   per source: totals; the pieces skipped and why
  tokens.jsonl     one {"id", "tokens"} per line, for training
"""
import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import v2m_tokens  # noqa: E402  (the twin, one folder up)
import wad  # noqa: E402

# (package, how its MIDI is found, glob inside the package): the sources of neural-notes.md.
SOURCES = [
    ("freedoom", "wad", "usr/share/games/doom/freedoom*.wad"),
    ("planetblupi-music-midi", "mid", "usr/share/planetblupi/music/*.mid"),
    ("openttd-openmsx", "mid", "usr/share/games/openttd/baseset/openmsx/*.mid"),
    ("mma", "mid", "usr/share/doc/mma/examples/**/*.mid"),
    ("abcmidi", "abc", "usr/share/doc/abcmidi/examples/*.abc"),
]
# DEP-5 licence names that allow shipping a model without copyleft questions (issue 7: prefer them).
PERMISSIVE = {"freedoom-license"}  # BSD-3-Clause style; the other sources are GPL


def run(*command, cwd=None):
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError("%s: exit %d: %s" % (" ".join(command), result.returncode,
                                                (result.stderr.strip().splitlines() or [""])[-1]))
    return result.stdout


def fetch(package, debs, offline):
    """The package's .deb in work/debs, downloaded by apt unless --offline."""
    found = glob.glob(os.path.join(debs, package + "_*.deb"))
    if not found and not offline:
        # Sandbox user root: apt's _apt user may not write into this folder.
        run("apt-get", "download", "-o", "APT::Sandbox::User=root", package, cwd=debs)
        found = glob.glob(os.path.join(debs, package + "_*.deb"))
    if len(found) != 1:
        raise RuntimeError("%s: %d .deb files in %s (expected: 1%s)"
                           % (package, len(found), debs, "; run without --offline" if offline else ""))
    return found[0]


def licence(tree, package):
    """The License of the `Files: *` stanza of the package's machine-readable copyright file."""
    path = os.path.join(tree, "usr/share/doc", package, "copyright")
    stanza_files = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("Files:"):
                stanza_files = line.split(":", 1)[1].strip()
            elif line.startswith("License:") and stanza_files == "*":
                return line.split(":", 1)[1].strip()
    raise RuntimeError("%s: no License for `Files: *` (expected: a DEP-5 copyright file)" % path)


def pieces(kind, tree, pattern, work):
    """[(origin inside the package, path of a MIDI file)], [(origin, why skipped)]."""
    matches = sorted(glob.glob(os.path.join(tree, pattern), recursive=True))
    found, skipped = [], []
    for path in matches:
        origin = os.path.relpath(path, tree)
        if kind == "mid":
            found.append((origin, path))
        elif kind == "wad":
            out = os.path.join(work, "wad", os.path.basename(path))
            midi, skips = wad.music(path)
            os.makedirs(out, exist_ok=True)
            for name, data in midi:
                with open(os.path.join(out, name + ".mid"), "wb") as f:
                    f.write(data)
                found.append(("%s:%s" % (origin, name), os.path.join(out, name + ".mid")))
            skipped += [("%s:%s" % (origin, name), why) for name, why in skips]
        else:  # abc: abc2midi writes one NAME<X>.mid per tune beside the .abc, so work on a copy
            out = os.path.join(work, "abc", os.path.basename(path))
            shutil.rmtree(out, ignore_errors=True)
            os.makedirs(out)
            shutil.copy(path, out)
            run(os.path.join(tree, "usr/bin/abc2midi"), os.path.basename(path), "-silent", cwd=out)
            stem = os.path.splitext(os.path.basename(path))[0]
            made = glob.glob(os.path.join(out, stem + "*.mid"))
            made.sort(key=lambda p: int(os.path.basename(p)[len(stem):-4] or 0))
            found += [("%s#%s" % (origin, os.path.basename(p)[len(stem):-4]), p) for p in made]
            if not made:
                skipped.append((origin, "abc2midi made no MIDI file"))
    return found, skipped


def piece_id(package, origin):
    """A short, stable id: the source and the file's name (with the folder below examples/, the lump)."""
    name = origin.split("examples/", 1)[-1] if package == "mma" else os.path.basename(origin)
    for old, new in (("/", "-"), (":", "-"), ("#", "-"), (".wad", ""), (".mid", ""), (".abc", "")):
        name = name.replace(old, new)
    return "%s/%s" % (package, name)


def main(argv):
    offline = "--offline" in argv
    work, midi_dir = os.path.join(HERE, "work"), os.path.join(HERE, "midi")
    debs = os.path.join(work, "debs")
    os.makedirs(debs, exist_ok=True)
    shutil.rmtree(midi_dir, ignore_errors=True)
    import mido  # for the pieces' lengths in seconds
    manifest = {"tokens_version": v2m_tokens.VERSION, "sources": [], "pieces": [], "skipped": []}
    seen = {}
    with open(os.path.join(HERE, "tokens.jsonl"), "w") as tokens_out:
        for package, kind, pattern in SOURCES:
            deb = fetch(package, debs, offline)
            tree = os.path.join(work, "x", package)
            shutil.rmtree(tree, ignore_errors=True)
            os.makedirs(tree)
            run("dpkg-deb", "-x", deb, tree)
            version = run("dpkg-deb", "-f", deb, "Version").strip()
            source = {"package": package, "version": version, "licence": licence(tree, package),
                      "copyright": "usr/share/doc/%s/copyright" % package, "deb": os.path.basename(deb),
                      "deb_sha256": sha256(read(deb)), "pieces": 0, "seconds": 0.0, "tokens": 0}
            found, skipped = pieces(kind, tree, pattern, work)
            manifest["skipped"] += [{"source": package, "origin": o, "reason": why} for o, why in skipped]
            for origin, path in found:
                data = read(path)
                digest = sha256(data)
                if digest in seen:  # freedoom1 and freedoom2 share tracks
                    seen[digest].setdefault("also", []).append(origin)
                    continue
                pid = piece_id(package, origin)
                try:
                    tokens = v2m_tokens.encode_file(path)
                    seconds = mido.MidiFile(path).length
                except (v2m_tokens.TokenError, ValueError, OSError) as e:
                    manifest["skipped"].append({"source": package, "origin": origin, "reason": str(e)})
                    continue
                target = os.path.join(midi_dir, pid + ".mid")
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as f:
                    f.write(data)
                piece = {"id": pid, "source": package, "version": version, "licence": source["licence"],
                         "permissive": source["licence"] in PERMISSIVE, "path": os.path.relpath(target, HERE),
                         "origin": origin, "sha256": digest, "seconds": round(seconds, 3), "tokens": len(tokens)}
                seen[digest] = piece
                manifest["pieces"].append(piece)
                source["pieces"] += 1
                source["seconds"] = round(source["seconds"] + seconds, 3)
                source["tokens"] += len(tokens)
                tokens_out.write(json.dumps({"id": pid, "tokens": tokens}) + "\n")
            manifest["sources"].append(source)
            print("%-24s %-14s %-18s %3d pieces %6.1f min %8d tokens" % (
                package, version, source["licence"], source["pieces"], source["seconds"] / 60, source["tokens"]))
    with open(os.path.join(HERE, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    total = manifest["sources"]
    print("%-24s %-33s %3d pieces %6.1f min %8d tokens; %d skipped" % (
        "total", "", sum(s["pieces"] for s in total), sum(s["seconds"] for s in total) / 60,
        sum(s["tokens"] for s in total), len(manifest["skipped"])))
    for s in manifest["skipped"]:
        print("skipped %s %s: %s" % (s["source"], s["origin"], s["reason"]))
    return 0


def read(path):
    with open(path, "rb") as f:
        return f.read()


def sha256(data):
    return hashlib.sha256(data).hexdigest()


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (RuntimeError, OSError, wad.WadError) as e:
        print("build_corpus: %s" % e, file=sys.stderr)
        sys.exit(1)
