#!/usr/bin/python3
"""Music out of a Doom WAD: freedoom's music lumps (D_*) are Standard MIDI Files inside a WAD, a
directory of named lumps (header "IWAD"/"PWAD", lump count, directory offset; 16-byte entries of
offset, size, 8-byte name). Read with the standard library alone, so no WAD tool is needed.

    /usr/bin/python3 training/corpus/wad.py FILE.wad OUT_DIR

writes OUT_DIR/D_NAME.mid for every MIDI music lump and prints one line per music lump. A broken WAD
is one line on stderr naming it and what is wrong, and exit status 1.
"""
import os
import struct
import sys


class WadError(ValueError):
    """A WAD that cannot be read; the message is one line naming it."""


def lumps(path):
    """[(name, bytes)] of every lump, in directory order."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 12 or data[:4] not in (b"IWAD", b"PWAD"):
        raise WadError("%s: not a WAD (expected: an IWAD or PWAD header)" % path)
    count, table = struct.unpack_from("<ii", data, 4)
    if count < 0 or table < 12 or table + 16 * count > len(data):
        raise WadError("%s: directory of %d lumps at byte %d runs past the end (%d bytes)"
                       % (path, count, table, len(data)))
    found = []
    for i in range(count):
        pos, size, raw = struct.unpack_from("<ii8s", data, table + 16 * i)
        name = raw.split(b"\0", 1)[0].decode("ascii", "replace")
        if pos < 0 or size < 0 or pos + size > len(data):
            raise WadError("%s: lump %d (%s) at byte %d, %d bytes, runs past the end (%d bytes)"
                           % (path, i, name, pos, size, len(data)))
        found.append((name, data[pos:pos + size]))
    return found


def music(path):
    """([(name, midi bytes)], [(name, why skipped)]) of the D_* music lumps."""
    midi, skipped = [], []
    for name, data in lumps(path):
        if not name.startswith("D_"):
            continue
        if data[:4] == b"MThd":
            midi.append((name, data))
        else:  # Doom's own MUS format: not MIDI, and freedoom ships none
            skipped.append((name, "not a Standard MIDI File (starts %r)" % data[:4]))
    return midi, skipped


def main(argv):
    if len(argv) != 2:
        print("usage: wad.py FILE.wad OUT_DIR", file=sys.stderr)
        return 2
    try:
        midi, skipped = music(argv[0])
    except (OSError, WadError) as e:
        print(e, file=sys.stderr)
        return 1
    os.makedirs(argv[1], exist_ok=True)
    for name, data in midi:
        with open(os.path.join(argv[1], name + ".mid"), "wb") as f:
            f.write(data)
        print("%s midi %d bytes" % (name, len(data)))
    for name, why in skipped:
        print("%s skipped: %s" % (name, why))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
