package io.semsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.semsearch.testing.ServiceProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * PIAF v1.1 (French SQuAD-style QA on Wikipedia paragraphs), read from ../shared/eval/piaf (see its DATASET.md), and
 * the project's one split of it: the articles at positions 0, 4, 8, … of the file's {@code data} list are the
 * {@link Part#TEST test} part (120 articles, 1,988 questions), never used to fit or tune anything; the other 360 are
 * the {@link Part#TRAIN train} part, which also serves for calibration.
 */
public record Piaf(List<Paragraph> paragraphs, List<Question> questions) {

    /** A part of the split. */
    public enum Part {
        TRAIN, TEST;

        /** The part of the article at this position of the file's {@code data} list. */
        public static Part ofArticle(int article) {
            return article % 4 == 0 ? TEST : TRAIN;
        }
    }

    public static final Path DEFAULT_PATH = ServiceProcess.ROOT.resolve("../shared/eval/piaf/piaf-v1.1.json");

    /**
     * @param index position of the paragraph in the file, which makes its source {@code piaf/<index>}
     * @param article position of its article in the file's {@code data} list
     */
    public record Paragraph(int index, int article, String title, String category, String context) {
        public String source() {
            return "piaf/" + index;
        }

        /** The project's fixed test split: the articles at positions 0, 4, 8, ...; nothing is tuned on them. */
        public boolean inTestSplit() {
            return Part.ofArticle(article) == Part.TEST;
        }
    }

    public record Question(String id, int paragraph, int article, String question, List<String> answers) {

        public Part part() {
            return Part.ofArticle(article);
        }
    }

    public static Piaf load() throws IOException {
        Path path = Path.of(System.getProperty("piaf.path", DEFAULT_PATH.toString()));
        JsonNode root = new ObjectMapper().readTree(path.toFile());
        List<Paragraph> paragraphs = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        int articleIndex = 0;
        for (JsonNode article : root.get("data")) {
            for (JsonNode paragraph : article.get("paragraphs")) {
                int index = paragraphs.size();
                paragraphs.add(new Paragraph(index, articleIndex, article.get("title").asText(),
                        article.path("categorie").asText(""), paragraph.get("context").asText()));
                for (JsonNode qa : paragraph.get("qas")) {
                    List<String> answers = new ArrayList<>();
                    qa.get("answers").forEach(a -> answers.add(a.get("text").asText()));
                    questions.add(new Question(qa.get("id").asText(), index, articleIndex, qa.get("question").asText(),
                            answers));
                }
            }
            articleIndex++;
        }
        return new Piaf(paragraphs, questions);
    }

    /** The questions of one part of the split, in file order. */
    public List<Question> questions(Part part) {
        return questions.stream().filter(q -> q.part() == part).toList();
    }

    /**
     * A fixed sample of one part: the same questions on every run and machine (seeded shuffle), or all of them when
     * {@code size} is 0 or more than the part holds.
     */
    public List<Question> sample(Part part, int size, long seed) {
        List<Question> inPart = questions(part);
        if (size <= 0 || size >= inPart.size()) {
            return inPart;
        }
        List<Question> shuffled = new ArrayList<>(inPart);
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled.subList(0, size);
    }
}
