package io.semsearch.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The first bundled sample article (a French news article of about 3,500 characters), from the classpath. */
final class SampleText {

    private SampleText() {
    }

    static String article() {
        try (InputStream in = SampleText.class.getResourceAsStream("/sample-articles/000_a0be3629d42b0289.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
