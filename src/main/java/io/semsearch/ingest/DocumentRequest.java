package io.semsearch.ingest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

@Schema(description = "A text to index. Indexing the same source again updates it, or does nothing if it is unchanged.")
public record DocumentRequest(
        @Schema(description = "Your unique identifier of the text: a file name, a URL...",
                example = "lemonde/2024-10-18-microsoft-openai.txt")
        @NotBlank(message = "must be given and not blank")
        @Size(max = 1000, message = "must be at most 1000 characters")
        String source,

        @Schema(description = "Title; when absent, the first line of the cleaned text", nullable = true,
                example = "Microsoft-OpenAI : la rupture ?")
        @Size(max = 1000, message = "must be at most 1000 characters")
        String title,

        @Schema(description = "The raw text. Boilerplate (cookie notices, comment forms, related-article teasers, "
                + "repeated paragraphs) is removed before indexing.",
                example = "Microsoft-OpenAI : la rupture ?\n\nLa relation entre les deux géants de la tech serait en "
                        + "proie à quelques frictions depuis peu.")
        @NotBlank(message = "must be given and not blank")
        String text,

        @Schema(description = "Free JSON attributes, usable as search filters", nullable = true,
                example = "{\"site\": \"lemonde.fr\", \"year\": 2024}")
        @Size(max = 100, message = "must have at most 100 keys")
        Map<String, Object> metadata,

        @Schema(description = "The text's language as an ISO 639-1 code; when absent, detected from the text (else "
                + "the service's default, fr)", nullable = true, example = "fr")
        @LanguageCode
        String language) {

    IndexRequest toIndexRequest() {
        return new IndexRequest(source, title, text, metadata, language);
    }
}
