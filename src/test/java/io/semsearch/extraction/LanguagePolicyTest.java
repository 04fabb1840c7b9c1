package io.semsearch.extraction;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The choice between a declared and a detected language, on made-up detections (no model). */
class LanguagePolicyTest {

    static final String LONG = "a".repeat(LanguagePolicy.OVERRIDE_MIN_LETTERS);
    static final String SHORT = "a".repeat(LanguagePolicy.OVERRIDE_MIN_LETTERS - 1);

    @Test
    void theDeclaredLanguageWinsAgainstAWeakOrShortDetection() {
        LanguagePolicy.Choice weak = LanguagePolicy.choose("en-GB", detected("fr", 0.89), LONG);
        assertEquals(new LanguagePolicy.Choice("en", LanguageSource.METADATA, null, "en"), weak);
        assertFalse(weak.overridden());
        LanguagePolicy.Choice shortText = LanguagePolicy.choose("en", detected("fr", 0.99), SHORT);
        assertEquals("en", shortText.language());
        assertEquals(LanguageSource.METADATA, shortText.source());
    }

    @Test
    void aConfidentDetectionOnEnoughLettersOverridesTheDeclaredLanguage() {
        LanguagePolicy.Choice choice = LanguagePolicy.choose("fra", detected("en", 0.9), LONG);
        assertEquals("en", choice.language());
        assertEquals(LanguageSource.DETECTED, choice.source());
        assertEquals(0.9, choice.confidence());
        assertEquals("fr", choice.declared());
        assertTrue(choice.overridden());
    }

    @Test
    void theSameLanguageDetectedKeepsTheMetadataAsSource() {
        LanguagePolicy.Choice choice = LanguagePolicy.choose("fr_FR", detected("fr", 0.99), LONG);
        assertEquals(new LanguagePolicy.Choice("fr", LanguageSource.METADATA, null, "fr"), choice);
    }

    @Test
    void withoutADeclaredLanguageTheDetectedOneIsTakenWithItsRoundedConfidence() {
        LanguagePolicy.Choice choice = LanguagePolicy.choose(null, detected("de", 0.27649), SHORT);
        assertEquals(new LanguagePolicy.Choice("de", LanguageSource.DETECTED, 0.276, null), choice);
        assertFalse(choice.overridden());
        // a declared value that is no language tag counts as none
        assertEquals("de", LanguagePolicy.choose("und", detected("de", 0.5), SHORT).language());
    }

    @Test
    void neitherDeclaredNorDetectedIsUnknown() {
        LanguagePolicy.Choice choice = LanguagePolicy.choose("  ", Optional.empty(), LONG);
        assertNull(choice.language());
        assertNull(choice.source());
        assertNull(choice.confidence());
        assertFalse(choice.overridden());
    }

    private static Optional<LanguageIdentifier.Detected> detected(String language, double confidence) {
        return Optional.of(new LanguageIdentifier.Detected(language, confidence));
    }
}
