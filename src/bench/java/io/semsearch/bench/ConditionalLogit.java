package io.semsearch.bench;

import io.semsearch.common.LinearModel;

import java.util.List;

/**
 * Logistic regression, fitted by full-batch Adam on standardised features with an L2 penalty: conditional (a softmax
 * over the candidates of each group, e.g. the chunks retrieved for one question, the right ones as target) or binary.
 * The weights come back on the raw features' scale.
 */
final class ConditionalLogit {

    /** The candidates of one group and the target share of each (summing to 1). */
    record Group(List<double[]> rows, double[] target) {
    }

    /** A labelled example of binary regression. */
    record Example(double[] row, boolean positive) {
    }

    private static final int ITERATIONS = 400;
    private static final double RATE = 0.05;

    private ConditionalLogit() {
    }

    static LinearModel fitConditional(List<String> features, List<Group> groups, double l2) {
        int d = features.size();
        double[][] scale = scale(groups.stream().flatMap(g -> g.rows().stream()).toList(), d);
        double[] w = new double[d];
        Adam adam = new Adam(d);
        for (int it = 0; it < ITERATIONS; it++) {
            double[] gradient = new double[d];
            for (Group g : groups) {
                int n = g.rows().size();
                double[] s = new double[n];
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    s[i] = dot(w, g.rows().get(i), scale);
                    max = Math.max(max, s[i]);
                }
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    s[i] = Math.exp(s[i] - max);
                    sum += s[i];
                }
                for (int i = 0; i < n; i++) {
                    double delta = s[i] / sum - g.target()[i];
                    double[] x = g.rows().get(i);
                    for (int j = 0; j < d; j++) {
                        gradient[j] += delta * (x[j] - scale[0][j]) / scale[1][j];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                gradient[j] = gradient[j] / groups.size() + l2 * w[j];
            }
            adam.step(w, gradient);
        }
        return raw(features, w, 0, scale);
    }

    static LinearModel fitBinary(List<String> features, List<Example> examples, double l2) {
        int d = features.size();
        double[][] scale = scale(examples.stream().map(Example::row).toList(), d);
        double[] w = new double[d + 1];
        Adam adam = new Adam(d + 1);
        long positives = examples.stream().filter(Example::positive).count();
        double positiveWeight = examples.size() / (2.0 * positives);
        double negativeWeight = examples.size() / (2.0 * (examples.size() - positives));
        for (int it = 0; it < ITERATIONS; it++) {
            double[] gradient = new double[d + 1];
            for (Example e : examples) {
                double z = w[d] + dot(w, e.row(), scale);
                double p = 1 / (1 + Math.exp(-z));
                double delta = (p - (e.positive() ? 1 : 0)) * (e.positive() ? positiveWeight : negativeWeight);
                for (int j = 0; j < d; j++) {
                    gradient[j] += delta * (e.row()[j] - scale[0][j]) / scale[1][j];
                }
                gradient[d] += delta;
            }
            for (int j = 0; j <= d; j++) {
                gradient[j] = gradient[j] / examples.size() + (j < d ? l2 * w[j] : 0);
            }
            adam.step(w, gradient);
        }
        return raw(features, w, w[d], scale);
    }

    /** Means (row 0) and standard deviations (row 1, 1 for constant features). */
    private static double[][] scale(List<double[]> rows, int d) {
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / rows.size();
            }
        }
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / rows.size();
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = sd[j] < 1e-12 ? 1 : Math.sqrt(sd[j]);
        }
        return new double[][] {mean, sd};
    }

    private static double dot(double[] w, double[] x, double[][] scale) {
        double sum = 0;
        for (int j = 0; j < x.length; j++) {
            sum += w[j] * (x[j] - scale[0][j]) / scale[1][j];
        }
        return sum;
    }

    private static LinearModel raw(List<String> features, double[] w, double bias, double[][] scale) {
        double[] raw = new double[features.size()];
        double b = bias;
        for (int j = 0; j < raw.length; j++) {
            raw[j] = w[j] / scale[1][j];
            b -= raw[j] * scale[0][j];
        }
        return new LinearModel(features, raw, b);
    }

    private static final class Adam {
        private final double[] m;
        private final double[] v;
        private int t;

        Adam(int d) {
            m = new double[d];
            v = new double[d];
        }

        void step(double[] w, double[] gradient) {
            t++;
            for (int j = 0; j < w.length; j++) {
                m[j] = 0.9 * m[j] + 0.1 * gradient[j];
                v[j] = 0.999 * v[j] + 0.001 * gradient[j] * gradient[j];
                double mHat = m[j] / (1 - Math.pow(0.9, t));
                double vHat = v[j] / (1 - Math.pow(0.999, t));
                w[j] -= RATE * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
    }
}
