package io.semsearch.common;

/** How the API reports numbers: durations in milliseconds with one decimal, scores with six. */
public final class Measures {

    private Measures() {
    }

    /** Nanoseconds as milliseconds, rounded to one decimal. */
    public static double millis(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }

    /** A score rounded to six decimals. */
    public static double score(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
