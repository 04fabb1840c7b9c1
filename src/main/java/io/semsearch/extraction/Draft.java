package io.semsearch.extraction;

import java.util.Map;

/**
 * What a {@link FormatReader} yields before the finishing steps (least text, language, metadata) of
 * {@link DocumentFinisher}.
 *
 * @param declaredLanguage the language the file declares (a tag as written), or {@code null}
 * @param extra format-specific metadata, copied as is into {@link ExtractedDocument#metadata()}
 * @param noTextReason the detail of the {@link NoMainTextException} when the text is too short
 */
record Draft(String text, String title, String author, String published, String modified,
        String declaredLanguage, Map<String, Object> extra, String noTextReason) {
}
