package io.semsearch.extraction;

import java.util.Map;

/** Small rules shared by the readers and the finisher for metadata values. */
final class MetadataValues {

    private MetadataValues() {
    }

    /** Puts a value that is not blank; leaves the map as it is otherwise. */
    static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    /** White space collapsed (no-break spaces too); {@code null} for nothing left. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String collapsed = BlockText.collapse(value.replace('\u00A0', ' '));
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** The refusal of more text than {@link ExtractionOptions#maxChars()}. */
    static DocumentLimitExceededException textLimit(ExtractionOptions options) {
        return new DocumentLimitExceededException("The file holds more than " + options.maxChars()
                + " characters of text (semsearch.extraction.max-chars); split it.", null);
    }
}
