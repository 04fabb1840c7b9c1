package io.semsearch.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A linear score over named features, with weights learned offline and shipped as a properties file: {@code
 * <prefix>.bias} and one {@code <prefix>.<feature>} per feature. Loading fails when the file lacks a feature the code
 * computes, so that weights fitted for other features are never used silently.
 *
 * @param features the feature names, in the order {@link #score} reads its values
 */
public record LinearModel(List<String> features, double[] weights, double bias) {

    public LinearModel {
        features = List.copyOf(features);
        weights = weights.clone();
        if (features.size() != weights.length) {
            throw new IllegalArgumentException(features.size() + " features but " + weights.length + " weights");
        }
    }

    /** The weights of {@code features} under {@code prefix} in a properties resource on the classpath. */
    public static LinearModel load(String resource, String prefix, List<String> features) {
        return of(ClasspathResources.properties(resource), resource, prefix, features);
    }

    public static LinearModel of(Properties properties, String origin, String prefix, List<String> features) {
        double[] weights = new double[features.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            String value = properties.getProperty(prefix + "." + features.get(i));
            if (value == null) {
                missing.add(prefix + "." + features.get(i));
            } else {
                weights[i] = Double.parseDouble(value.strip());
            }
        }
        String bias = properties.getProperty(prefix + ".bias", "0");
        if (!missing.isEmpty()) {
            throw new IllegalStateException(origin + " lacks the weights " + missing
                    + ": fit them again (see the file's header)");
        }
        return new LinearModel(features, weights, Double.parseDouble(bias.strip()));
    }

    /** {@code bias + Σ weight × value}, the values in the order of {@link #features()}. */
    public double score(double[] values) {
        if (values.length != weights.length) {
            throw new IllegalArgumentException(values.length + " values for " + weights.length + " features");
        }
        double sum = bias;
        for (int i = 0; i < values.length; i++) {
            sum += weights[i] * values[i];
        }
        return sum;
    }

    /** The weight of one feature. */
    public double weight(String feature) {
        int i = features.indexOf(feature);
        if (i < 0) {
            throw new IllegalArgumentException("No feature " + feature);
        }
        return weights[i];
    }

    /** The model as properties lines, as {@link #load} reads them back. */
    public List<String> toProperties(String prefix) {
        List<String> lines = new ArrayList<>();
        lines.add(prefix + ".bias=" + format(bias));
        for (int i = 0; i < weights.length; i++) {
            lines.add(prefix + "." + features.get(i) + "=" + format(weights[i]));
        }
        return lines;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
