package org.melodypalette.app.input;

/** What reading a melody does with notes outside the model's pitch range (one policy for every command). */
public enum OutOfRange {

    /** Move each such note by whole octaves into the range, and say how many moved. */
    FOLD,

    /** Refuse the file, naming the first such note. */
    REFUSE
}
