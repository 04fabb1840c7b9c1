package io.semsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** PIAF v1.1 (French SQuAD-style QA on Wikipedia paragraphs), read from ../shared/eval/piaf (see its DATASET.md). */
public record Piaf(List<Paragraph> paragraphs, List<Question> questions) {

    public static final Path DEFAULT_PATH = ServiceProcess.ROOT.resolve("../shared/eval/piaf/piaf-v1.1.json");

    /**
     * @param index position of the paragraph in the file, which makes its source {@code piaf/<index>}
     * @param article position of its article in the file's {@code data} list
     */
    public record Paragraph(int index, String title, String category, String context, int article) {
        public String source() {
            return "piaf/" + index;
        }

        /** The project's fixed test split: the articles at positions 0, 4, 8, ...; nothing is tuned on them. */
        public boolean inTestSplit() {
            return article % 4 == 0;
        }
    }

    public record Question(String id, int paragraph, String question, List<String> answers) {
    }

    public static Piaf load() throws IOException {
        Path path = Path.of(System.getProperty("piaf.path", DEFAULT_PATH.toString()));
        JsonNode root = new ObjectMapper().readTree(path.toFile());
        List<Paragraph> paragraphs = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        int articleIndex = -1;
        for (JsonNode article : root.get("data")) {
            articleIndex++;
            for (JsonNode paragraph : article.get("paragraphs")) {
                int index = paragraphs.size();
                paragraphs.add(new Paragraph(index, article.get("title").asText(),
                        article.path("categorie").asText(""), paragraph.get("context").asText(), articleIndex));
                for (JsonNode qa : paragraph.get("qas")) {
                    List<String> answers = new ArrayList<>();
                    qa.get("answers").forEach(a -> answers.add(a.get("text").asText()));
                    questions.add(new Question(qa.get("id").asText(), index, qa.get("question").asText(), answers));
                }
            }
        }
        return new Piaf(paragraphs, questions);
    }

    /** A fixed sample: the same questions on every run and machine (seeded shuffle), or all of them. */
    public List<Question> sample(int size, long seed) {
        if (size <= 0 || size >= questions.size()) {
            return questions;
        }
        List<Question> shuffled = new ArrayList<>(questions);
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled.subList(0, size);
    }
}
