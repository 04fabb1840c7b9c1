package io.semsearch.answer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The team's questions about the sample articles, and off-topic ones: src/test/resources/eval/sample-questions.json. */
public record SampleQuestions(List<Factual> factual, List<String> offTopic) {

    /** A question, the article holding its answer, and words of the answer (any one must be cited). */
    public record Factual(String question, String source, List<String> facts) {
    }

    public static SampleQuestions load() {
        try (InputStream in = SampleQuestions.class.getResourceAsStream("/eval/sample-questions.json")) {
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, SampleQuestions.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
