#!/usr/bin/python3
"""MIDI files to V2M tokens (training/TOKENS.md, version v2m-remi-1): the Python twin of the Java
org.v2mzero.models.neural.MidiTokenizer, held to the same ids by MidiTokenizerPythonTwinTest.

    /usr/bin/python3 training/v2m_tokens.py [--names] FILE.mid...

prints one line of space-separated token ids (or names) per file. A file that cannot be tokenized
gives one line on stderr naming it and why, and exit status 1.

Named v2m_tokens, not tokenize: a local tokenize.py shadows the standard module and breaks torch.
"""
import sys

VERSION = "v2m-remi-1"
UNITS_PER_QUARTER = 12
MIN_BPM, MAX_BPM = 20, 300
DRUM_KIT = 0
DRUM_CHANNEL = 9  # GM channel 10, counted from 0
# (kind, first id, count): the fixed ranges of TOKENS.md; Vocabulary.Kind in Java.
KINDS = [("PAD", 0, 1), ("BOS", 1, 1), ("EOS", 2, 1), ("BAR", 3, 1), ("TIMESIG", 4, 56),
         ("TEMPO", 60, 281), ("POS", 341, 192), ("PROGRAM", 533, 129), ("PITCH", 662, 128),
         ("DRUM", 790, 128), ("DUR", 918, 64), ("VEL", 982, 32)]
FIRST = {k: first for k, first, _ in KINDS}
SIZE = 1014
# n/2 stops at 8/2 so that bars stay within 16 quarters, the POS range.
METRES = [(n, d) for d in (2, 4, 8, 16) for n in range(1, (8 if d == 2 else 16) + 1)]


class TokenError(ValueError):
    """A file that cannot be tokenized; the message is one line naming it."""


def half_up(numerator, denominator):
    """floor(numerator / denominator + 1/2) in integers: the rounding of TOKENS.md (Java Math.floor(x + 0.5))."""
    return (2 * numerator + denominator) // (2 * denominator)


def bar_units(metre):
    n, d = METRES[metre]
    return n * 4 * UNITS_PER_QUARTER // d


def tempo_value(bpm):
    return max(MIN_BPM, min(MAX_BPM, int(bpm + 0.5) if bpm >= 0 else MIN_BPM)) - MIN_BPM


def duration_value(units):
    u = max(1, units)
    if u <= 48:
        return u - 1
    if u <= 96:
        return 47 + (u - 48 + 3) // 6
    return min(63, 55 + (u - 96 + 6) // 12)


def duration_units(value):
    if value < 48:
        return value + 1
    if value < 56:
        return 48 + 6 * (value - 47)
    return 96 + 12 * (value - 55)


def velocity_value(velocity):
    return (max(1, min(127, velocity)) - 1) // 4


def kind(token):
    """The kind of a token id (KINDS), e.g. "POS"; "?" outside the vocabulary."""
    for k, first, count in KINDS:
        if first <= token < first + count:
            return k
    return "?"


def name(token):
    for kind, first, count in KINDS:
        if first <= token < first + count:
            v = token - first
            if count == 1:
                return kind
            if kind == "TIMESIG":
                return "TIMESIG_%d/%d" % METRES[v]
            if kind == "TEMPO":
                return "TEMPO_%d" % (v + MIN_BPM)
            if kind == "PROGRAM":
                return "PROGRAM_DRUMS" if v == DRUM_KIT else "PROGRAM_%d" % (v - 1)
            if kind == "DUR":
                return "DUR_%d" % duration_units(v)
            if kind == "VEL":
                return "VEL_%d" % (4 * v + 3)
            return "%s_%d" % (kind, v)
    return "?%d" % token


def encode(metres, tempos, notes):
    """Tokens of a piece on the grid (TOKENS.md, "Encoding a piece", steps 2-5).

    metres: [(bar, metre value)] ascending, the first at bar 0; tempos: {unit: tempo value}, unit 0
    present; notes: [(unit, program value, key, DUR value, VEL value)].
    """
    best = {}
    for unit, program, key, dur, vel in notes:  # merge equal notes: longest, then loudest
        k = (unit, program, key)
        best[k] = max(best.get(k, (dur, vel)), (dur, vel))
    grid = sorted(k + v for k, v in best.items())
    last_onset = grid[-1][0] if grid else -1
    header_tempo = tempos[0]
    kept, current = {}, header_tempo
    for unit in sorted(u for u in tempos if 0 < u <= last_onset):
        if tempos[unit] != current:
            current = kept[unit] = tempos[unit]
    by_unit = {}
    for note in grid:
        by_unit.setdefault(note[0], []).append(note)
    out = [FIRST["BOS"], FIRST["TIMESIG"] + metres[0][1], FIRST["TEMPO"] + header_tempo]
    bar, bar_start, metre, next_metre = -1, 0, metres[0][1], 1
    for unit in sorted(set(kept) | set(by_unit)):
        while bar < 0 or unit >= bar_start + bar_units(metre):
            bar_start += 0 if bar < 0 else bar_units(metre)
            bar += 1
            out.append(FIRST["BAR"])
            while next_metre < len(metres) and metres[next_metre][0] <= bar:
                if metres[next_metre][1] != metre:
                    metre = metres[next_metre][1]
                    out.append(FIRST["TIMESIG"] + metre)
                next_metre += 1
        out.append(FIRST["POS"] + unit - bar_start)
        if unit in kept:
            out.append(FIRST["TEMPO"] + kept[unit])
        program = -1
        for _, prog, key, dur, vel in by_unit.get(unit, []):
            if prog != program:
                program = prog
                out.append(FIRST["PROGRAM"] + program)
            out.append(FIRST["DRUM" if program == DRUM_KIT else "PITCH"] + key)
            out += [FIRST["DUR"] + dur, FIRST["VEL"] + vel]
    out.append(FIRST["EOS"])
    return out


def read_midi(path):
    """(metres, tempos, notes) for encode() from a Standard MIDI File (TOKENS.md, step 1 and the tie rules)."""
    import mido  # here, so that --help and name() work without it
    try:
        mid = mido.MidiFile(path)
    except Exception as e:  # mido raises OSError, EOFError, ValueError, KeyError... for broken files
        raise TokenError("%s: not a readable MIDI file (%s)" % (path, e)) from e
    if mid.type == 2:
        raise TokenError("%s: MIDI type 2 (expected: type 0 or 1)" % path)
    ppq = mid.ticks_per_beat
    if not 0 < ppq < 0x8000:
        raise TokenError("%s: division %d is SMPTE or zero (expected: ticks per quarter)" % (path, ppq))

    def unit(tick):
        return half_up(tick * UNITS_PER_QUARTER, ppq)

    sigs, tempo_events, programs, raw = [], [], {}, []
    for t, track in enumerate(mid.tracks):
        tick, open_notes = 0, {}
        for i, msg in enumerate(track):
            tick += msg.time
            order = (tick, t, i)
            if msg.type == "time_signature":
                sigs.append((order, msg.numerator, msg.denominator))
            elif msg.type == "set_tempo":
                tempo_events.append((order, 60e6 / msg.tempo))
            elif msg.type == "program_change":
                programs.setdefault(msg.channel, []).append((tick, order, msg.program))
            elif msg.type == "note_on" and msg.velocity > 0:
                open_notes.setdefault((msg.channel, msg.note), []).append((tick, msg.velocity))
            elif msg.type in ("note_on", "note_off"):
                waiting = open_notes.get((msg.channel, msg.note))
                if waiting:  # pairs with the oldest open note-on of this key, channel and track
                    on, vel = waiting.pop(0)
                    raw.append((on, tick, msg.channel, msg.note, vel))
        for (channel, key), waiting in open_notes.items():  # left open: closes at the track's end
            raw += [(on, tick, channel, key, vel) for on, vel in waiting]

    for channel in programs:
        programs[channel].sort(key=lambda p: p[1])
    notes = []
    for on, off, channel, key, vel in raw:
        if channel == DRUM_CHANNEL:
            program = DRUM_KIT
        else:  # the last program change at or before the onset's tick, whatever its track
            changes = [p for tick, _, p in programs.get(channel, []) if tick <= on]
            program = 1 + (changes[-1] if changes else 0)
        notes.append((unit(on), program, key, duration_value(max(1, half_up((off - on) * UNITS_PER_QUARTER, ppq))),
                      velocity_value(vel)))

    tempos = {0: tempo_value(120)}
    for order, bpm in sorted(tempo_events):
        tempos[unit(order[0])] = tempo_value(bpm)
    return metres_by_bar(path, sorted(sigs), unit), tempos, notes


def metres_by_bar(path, sigs, unit):
    """[(bar, metre)]: each change applies from the first bar starting at or after it (TOKENS.md, step 4)."""
    changes = []
    for (tick, _, _), n, d in sigs:
        if (n, d) not in METRES:
            raise TokenError("%s: time signature %d/%d at tick %d (expected: n/2 with n <= 8, or n/4, n/8, n/16"
                             " with n <= 16)" % (path, n, d, tick))
        changes.append((unit(tick), METRES.index((n, d))))
    first = [m for u, m in changes if u == 0]
    metres = [(0, first[-1] if first else METRES.index((4, 4)))]
    bar, bar_start = 0, 0
    for u, m in changes:
        if u == 0:
            continue
        while bar_start < u:
            bar_start += bar_units(metres[-1][1])
            bar += 1
        if metres[-1][0] == bar:
            metres[-1] = (bar, m)
        else:
            metres.append((bar, m))
    canonical = [metres[0]]
    for bar, m in metres[1:]:
        if m != canonical[-1][1]:
            canonical.append((bar, m))
    return canonical


def encode_file(path):
    return encode(*read_midi(path))


def main(argv):
    names = "--names" in argv
    files = [a for a in argv if a != "--names"]
    if not files:
        print("usage: v2m_tokens.py [--names] FILE.mid...", file=sys.stderr)
        return 2
    status = 0
    for path in files:
        try:
            tokens = encode_file(path)
        except TokenError as e:
            print(e, file=sys.stderr)
            status = 1
            continue
        print(" ".join(name(t) if names else str(t) for t in tokens))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
