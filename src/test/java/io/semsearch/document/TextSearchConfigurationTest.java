package io.semsearch.document;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextSearchConfigurationTest {

    @Test
    void frenchAndEnglishHaveTheirOwnOthersSimple() {
        assertEquals("semsearch_french", TextSearchConfiguration.forLanguage("fr"));
        assertEquals("semsearch_french", TextSearchConfiguration.forLanguage(" FR "));
        assertEquals("semsearch_english", TextSearchConfiguration.forLanguage("en"));
        assertEquals("simple", TextSearchConfiguration.forLanguage("de"));
        assertEquals("simple", TextSearchConfiguration.forLanguage("zh"));
        assertEquals("simple", TextSearchConfiguration.forLanguage(""));
        assertEquals("simple", TextSearchConfiguration.forLanguage(null));
    }
}
