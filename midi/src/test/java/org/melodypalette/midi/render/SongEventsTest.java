package org.melodypalette.midi.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;
import org.melodypalette.midi.MidiNote;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.midi.MidiTrack;
import org.melodypalette.midi.TempoChange;

class SongEventsTest {

    /** 480 PPQ; 120 qpm for the first quarter, then 60 qpm. A lead on channel 0 and drums on 9. */
    private static MidiSong song() {
        MidiTrack lead = new MidiTrack(0, "Lead", 0, 40, List.of(
                new MidiNote(0, 60, 90, 0, 480),
                new MidiNote(0, 60, 80, 480, 960)), 960);
        MidiTrack drums = new MidiTrack(1, "Drums", 9, 0, List.of(new MidiNote(9, 36, 100, 0, 240)), 960);
        return new MidiSong("test", 1, 480, List.of(lead, drums),
                List.of(new TempoChange(0, 500_000), new TempoChange(480, 1_000_000)), List.of());
    }

    private static String describe(SongEvents.Timed t) {
        ShortMessage m = t.message();
        String kind = switch (m.getCommand()) {
            case ShortMessage.PROGRAM_CHANGE -> "program";
            case ShortMessage.NOTE_ON -> "on";
            default -> "off";
        };
        return t.micros() + " " + kind + " ch" + m.getChannel() + " " + m.getData1();
    }

    @Test
    void notesFollowTheTempoMapAndARepeatedNoteEndsBeforeItStartsAgain() {
        List<String> events = SongEvents.of(song(), RenderSettings.KEEP_PROGRAMS).stream()
                .map(SongEventsTest::describe).toList();

        assertThat(events).containsExactly(
                "0 program ch0 40", "0 program ch9 0",
                "0 on ch0 60", "0 on ch9 36",
                "250000 off ch9 36",
                "500000 off ch0 60", "500000 on ch0 60",
                "1500000 off ch0 60");
        assertThat(SongEvents.lengthMicros(song())).isEqualTo(1_500_000);
    }

    @Test
    void aProgramOverrideChangesMelodicChannelsButNeverTheDrums() {
        List<String> programs = SongEvents.of(song(), 73).stream().map(SongEventsTest::describe)
                .filter(e -> e.contains("program")).toList();

        assertThat(programs).containsExactly("0 program ch0 73", "0 program ch9 0");
    }
}
