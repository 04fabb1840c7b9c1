package io.semsearch.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Distinct French documents made from the paragraphs of the sample articles, for batches of any size. */
final class TestDocuments {

    private TestDocuments() {
    }

    /** {@code count} documents with sources {@code prefix + i}, each of three to five paragraphs. */
    static List<Map<String, Object>> batch(String prefix, int count) throws IOException {
        List<String> paragraphs = new ArrayList<>();
        for (String name : resource("sample-articles/INDEX").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            Arrays.stream(resource("sample-articles/" + name).split("\n\\s*\n")).map(String::strip)
                    .filter(p -> p.length() > 80).forEach(paragraphs::add);
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder("Dossier numéro " + i + " de la série " + prefix + ".\n\n");
            int length = 3 + i % 3;
            for (int p = 0; p < length; p++) {
                text.append(paragraphs.get((i * 7 + p * 13) % paragraphs.size())).append("\n\n");
            }
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("source", prefix + i);
            document.put("text", text.toString());
            documents.add(document);
        }
        return documents;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TestDocuments.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("No resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
