package io.semsearch.embedding;

import io.semsearch.common.ClasspathResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A passage framed from the tokens kept at chunking is what the model would read from its text, with both real
 * tokenizers: e5-small-v2's WordPiece and multilingual-e5-small's SentencePiece (its tokenizer is provisioned even
 * where its weights are missing).
 */
class PassageInputsTest {

    static {
        System.setProperty("ai.djl.offline", "true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"e5-small-v2", "multilingual-e5-small"})
    void framedTokensAreWhatTheModelReadsFromTheText(String model) throws Exception {
        ModelDescriptor descriptor = ModelDescriptor.load(Path.of("models", model));
        assumeTrue(Files.isRegularFile(descriptor.tokenizerPath()) || System.getenv("CI") != null,
                descriptor.tokenizerPath() + " is not provisioned");
        try (ModelTokenizer tokenizer = ModelTokenizer.load(descriptor)) {
            PassageInputs inputs = new PassageInputs(tokenizer, descriptor);
            assertTrue(inputs.reusesTokens());
            List<String> passages = passages();
            for (String passage : passages) {
                ModelInput whole = inputs.whole(passage);
                ModelInput framed = inputs.of(new PassageText(passage, tokenizer.tokenize(passage), List.of()));
                assertArrayEquals(whole.ids(), framed.ids(), passage);
                assertArrayEquals(whole.tokenSpans(), framed.tokenSpans(), passage);
            }
            assertTrue(passages.size() >= 100, "paragraphs of the sample articles: " + passages.size());
        }
    }

    @Test
    void aPassageOverTheWindowKeepsItsFirstTokensAndTheClosingOne() throws Exception {
        ModelDescriptor descriptor = ModelDescriptor.load(Path.of("models", "e5-small-v2"));
        try (ModelTokenizer tokenizer = ModelTokenizer.load(descriptor)) {
            PassageInputs inputs = new PassageInputs(tokenizer, descriptor);
            String passage = "Microsoft et OpenAI. ".repeat(200);
            ModelInput framed = inputs.framed(tokenizer.tokenize(passage));
            assertEquals(descriptor.maxTokens(), framed.ids().length);
            assertArrayEquals(inputs.whole(passage).ids(), framed.ids());
            assertEquals(null, framed.tokenSpans()[framed.tokenSpans().length - 1], "the closing special token");
        }
    }

    /** Every paragraph of the five sample articles, and a few texts with what could join tokens across the prefix. */
    private static List<String> passages() {
        List<String> passages = new ArrayList<>(List.of("« Citation » au début.", "’apostrophe d’abord", "2023 : chiffres",
                "😀 emoji", "  espaces autour  ", "-tiret", "L"));
        for (String article : ClasspathResources.lines("sample-articles/INDEX")) {
            Arrays.stream(ClasspathResources.text("sample-articles/" + article).split("\n+"))
                    .filter(line -> !line.isBlank()).forEach(passages::add);
        }
        return passages;
    }
}
