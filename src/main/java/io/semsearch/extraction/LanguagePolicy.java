package io.semsearch.extraction;

import java.util.Optional;

/**
 * Which language a document is in: the one its file declares, unless the text says otherwise with confidence (a
 * detection of at least {@link #OVERRIDE_CONFIDENCE} on at least {@link #OVERRIDE_MIN_LETTERS} letters); with none
 * declared, the detected one; else unknown.
 */
final class LanguagePolicy {

    /** A detected language overrides the declared one when at least this probable on at least this many letters. */
    static final double OVERRIDE_CONFIDENCE = 0.9;
    static final int OVERRIDE_MIN_LETTERS = 200;

    /**
     * The decision.
     *
     * @param language ISO 639-1 code, or {@code null} when unknown
     * @param source where it comes from, {@code null} with an unknown language
     * @param confidence the detector's probability (rounded to 3 decimals) when detected, else {@code null}
     * @param declared the declared language as ISO 639-1, or {@code null}
     */
    record Choice(String language, LanguageSource source, Double confidence, String declared) {

        /** Whether the file declared a language that the detection overrode. */
        boolean overridden() {
            return declared != null && !declared.equals(language);
        }
    }

    private LanguagePolicy() {
    }

    /**
     * @param declaredTag the tag the file declares, as written ({@code fr-FR}, {@code fra}…), or {@code null}
     * @param detected the detector's answer on the text
     * @param text the text it was detected on
     */
    static Choice choose(String declaredTag, Optional<LanguageIdentifier.Detected> detected, String text) {
        String declared = LanguageIdentifier.toIso6391(declaredTag);
        if (declared != null && !overrides(detected, declared, text)) {
            return new Choice(declared, LanguageSource.METADATA, null, declared);
        }
        if (detected.isPresent()) {
            return new Choice(detected.get().language(), LanguageSource.DETECTED,
                    round(detected.get().confidence()), declared);
        }
        return new Choice(null, null, null, null);
    }

    private static boolean overrides(Optional<LanguageIdentifier.Detected> detected, String declared, String text) {
        return detected.isPresent() && !detected.get().language().equals(declared)
                && detected.get().confidence() >= OVERRIDE_CONFIDENCE
                && LanguageIdentifier.letters(text) >= OVERRIDE_MIN_LETTERS;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
