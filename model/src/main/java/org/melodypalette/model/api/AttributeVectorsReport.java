package org.melodypalette.model.api;

import java.util.List;

/**
 * What {@code AttributeVectorsBuilder} wrote.
 *
 * @param file       the {@code attributes.json} written
 * @param windows    train windows encoded
 * @param attributes one entry per vector, in file order
 */
public record AttributeVectorsReport(String file, int windows, List<AttributeStatistics> attributes) {

    public AttributeVectorsReport {
        attributes = List.copyOf(attributes);
    }
}
