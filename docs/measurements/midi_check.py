"""Reads a MIDI file with mido (a second MIDI reader) and prints its type, resolution, tempo and
metre at tick 0, note tracks, note count and length in bars: python3 midi_check.py FILE.mid"""
import sys

import mido

path = sys.argv[1]
mid = mido.MidiFile(path)
print("file:", path)
print("type:", mid.type, "ticks_per_beat:", mid.ticks_per_beat, "tracks:", len(mid.tracks))
tempo = metre = None
end = 0
note_tracks = 0
notes = 0
for track in mid.tracks:
    tick = 0
    track_notes = 0
    for msg in track:
        tick += msg.time
        if msg.type == "set_tempo" and tempo is None:
            tempo = (tick, mido.tempo2bpm(msg.tempo))
        if msg.type == "time_signature" and metre is None:
            metre = (tick, msg.numerator, msg.denominator)
        if msg.type == "note_on" and msg.velocity > 0:
            track_notes += 1
    end = max(end, tick)
    notes += track_notes
    note_tracks += 1 if track_notes else 0
print("tempo at tick %d: %.2f qpm" % tempo)
print("time signature at tick %d: %d/%d" % metre)
print("note tracks:", note_tracks, "notes:", notes)
ticks_per_bar = mid.ticks_per_beat * metre[1] * 4 // metre[2]
print("end tick:", end, "bars: %.2f" % (end / ticks_per_bar))
print("seconds: %.2f" % mid.length)
