package org.melodypalette.app.workbench.clip;

import java.util.function.Function;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * Makes editable spinners forgive typing: text that is not a number puts back the current value
 * instead of throwing on the UI thread.
 */
public final class LenientNumbers {

    private LenientNumbers() {
    }

    public static void apply(Spinner<Double> spinner, String format) {
        install(spinner, value -> String.format(format, value), Double::valueOf);
    }

    public static void applyInteger(Spinner<Integer> spinner) {
        install(spinner, String::valueOf, Integer::valueOf);
    }

    private static <T> void install(Spinner<T> spinner, Function<T, String> show, Function<String, T> parse) {
        SpinnerValueFactory<T> factory = spinner.getValueFactory();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                try {
                    return parse.apply(text.trim().replace(',', '.'));
                } catch (RuntimeException notANumber) {
                    return factory.getValue();
                }
            }
        });
    }
}
