package io.semsearch.answer;

import io.quarkus.test.junit.QuarkusTest;
import io.semsearch.common.ClasspathResources;
import io.semsearch.common.LinearModel;
import io.semsearch.search.SearchService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The running service scores with the weights of the configured files, as scripts/train-answers.sh wrote them. */
@QuarkusTest
class LearnedWeightsTest {

    @Inject
    AnswerWeights weights;

    @Inject
    SearchService search;

    @Test
    void answerWeightsAreThoseOfTheConfiguredFile() throws IOException {
        Properties file = properties("answer/weights.properties");
        assertSame(file, "sentence", weights.sentence());
        assertSame(file, "rescored-sentence", weights.rescoredSentence());
        assertSame(file, "span", weights.span());
        assertSame(file, "relevance", weights.relevance());
        assertEquals(Double.parseDouble(file.getProperty("span.min-score")), weights.minSpanScore());
        assertEquals(Double.parseDouble(file.getProperty("relevance.threshold")), weights.minRelevance());
    }

    @Test
    void fusionWeightsAreThoseOfTheConfiguredFile() throws IOException {
        assertSame(properties("search/fusion-weights.properties"), "fusion", search.fusionWeights());
    }

    private static void assertSame(Properties file, String prefix, LinearModel model) {
        assertEquals(Double.parseDouble(file.getProperty(prefix + ".bias")), model.bias(), prefix + ".bias");
        for (String feature : model.features()) {
            String value = file.getProperty(prefix + "." + feature);
            assertTrue(value != null, prefix + "." + feature + " missing");
            assertEquals(Double.parseDouble(value), model.weight(feature), prefix + "." + feature);
        }
    }

    private static Properties properties(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ClasspathResources.open(resource)) {
            p.load(in);
        }
        return p;
    }
}
