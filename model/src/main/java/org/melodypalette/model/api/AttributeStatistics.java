package org.melodypalette.model.api;

/**
 * How one attribute vector was built.
 *
 * @param name       the attribute's name in {@code attributes.json}
 * @param windows    windows that define the attribute (pitch attributes skip silent windows)
 * @param quartile   windows in each of the bottom and top quartiles
 * @param bottomMean mean attribute value of the bottom quartile
 * @param topMean    mean attribute value of the top quartile
 * @param norm       Euclidean norm of the vector (mean z of the top quartile minus mean z of the bottom)
 */
public record AttributeStatistics(String name, int windows, int quartile, double bottomMean, double topMean,
                                  double norm) {
}
