package io.semsearch.answer.span;

/**
 * A candidate short answer: tokens {@code [firstToken, endToken)} of one sentence, characters
 * {@code [start, end)} of the passage text that holds the sentence.
 *
 * @param sentence index of the sentence among those the spans were taken from
 * @param features values in the order of {@link SpanFeatures#FEATURES}
 */
public record Span(int sentence, int firstToken, int endToken, int start, int end, String text, SpanShape shape,
        double[] features) {
}
