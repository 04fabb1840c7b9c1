package io.semsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.semsearch.answer.SampleQuestions;
import io.semsearch.answer.span.AnswerType;
import io.semsearch.answer.span.QuestionAnalysis;
import io.semsearch.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.semsearch.bench.Report.num;
import static io.semsearch.bench.Report.pct;

/**
 * Answers on the PIAF test part (articles 0, 4, 8, … of the file: 1,988 questions), never used for fitting or
 * calibration: short-answer exact match and F1, how often the answer sentences hold a reference answer, retrieval
 * per mode (learned fusion against Reciprocal Rank Fusion), false abstentions, and off-topic questions answered
 * (test sets apart from the calibration set). With {@code -Dbenchmark.before=<folder of a built checkout>} the same
 * measures are taken first on that build, for a before/after table.
 * Run: scripts/benchmark.sh answers. Writes docs/benchmarks/answers.md.
 */
class AnswersBenchmark {

    static final String BEFORE = System.getProperty("benchmark.before", "");
    static final int ON_SAMPLE = Integer.getInteger("benchmark.piaf-on-sample", 500);
    /**
     * Keep the store of an earlier run (e.g. scripts/train-answers.sh's, same chunking): indexing again through the
     * API then only checks that every text is unchanged. Both builds index the same way (ingestion did not change).
     */
    static final boolean REUSE_INDEX = Boolean.getBoolean("benchmark.reuse-index");
    /**
     * The before build's measures as a JSON file: written there (and nothing else measured) with
     * {@code -Dbenchmark.before-only=true}, read from there instead of measuring the before build again otherwise.
     */
    static final String BEFORE_RESULTS = System.getProperty("benchmark.before-results", "");
    static final boolean BEFORE_ONLY = Boolean.getBoolean("benchmark.before-only");

    /** The measures of one build. */
    record Measures(String label, Map<String, RetrievalBenchmark.Quality> retrieval, int questions,
            double shortAnswered, double exact, double f1, double exactWhenGiven, double f1WhenGiven,
            double answerHolds, double citedHold, double falseAbstention, double offTopicAnswered,
            double piafOnSampleAnswered, int offTopic, int piafOnSample, String sampleQuestions,
            Map<AnswerType, double[]> byType, double askP50) {
    }

    @Test
    void answers() throws Exception {
        Piaf piaf = Piaf.load();
        List<Piaf.Question> test = piaf.questions(Piaf.Part.TEST);
        Report report = new Report("Answers on the PIAF test part");
        long started = System.nanoTime();
        List<Measures> builds = new ArrayList<>();
        String model = "unknown";
        if (!REUSE_INDEX) {
            ServiceProcess.wipeDatabase();
        }
        String beforeLabel = System.getProperty("benchmark.before-label", "");
        ObjectMapper json = new ObjectMapper();
        if (BEFORE_ONLY) {
            json.writeValue(Path.of(BEFORE_RESULTS).toFile(), measure(beforeLabel.isBlank() ? "before" : beforeLabel,
                    Path.of(BEFORE), piaf, test, false));
            return;
        }
        Measures after = measure("after", ServiceProcess.ROOT, piaf, test, true);
        if (!BEFORE_RESULTS.isBlank()) {
            Path results = Path.of(BEFORE_RESULTS);
            for (int waited = 0; !java.nio.file.Files.exists(results) && waited < 60; waited++) {
                Thread.sleep(60_000); // the before build may still be measured elsewhere
            }
            builds.add(json.readValue(results.toFile(), Measures.class));
        } else if (!BEFORE.isBlank()) {
            ServiceProcess.resetSchema(); // an older build refuses a schema migrated past its own migrations
            builds.add(measure(beforeLabel.isBlank() ? "before (" + Path.of(BEFORE).getFileName() + ")"
                    : beforeLabel, Path.of(BEFORE), piaf, test, false));
        }
        builds.add(after);
        try (ServiceProcess service = ServiceProcess.start(Map.of(), "benchmark-answers")) {
            model = RetrievalBenchmark.modelOf(Api.readiness());
        }
        report.environment(model);
        report.line("Data: PIAF v1.1, all " + piaf.paragraphs().size() + " paragraphs indexed (and the five sample "
                + "articles); questions: the **test part** only (" + test.size() + " questions of the articles at "
                + "positions 0, 4, 8, … of the file), which nothing was fitted, tuned or calibrated on. The weights "
                + "were fitted on the train part (`scripts/train-answers.sh`), the abstention threshold on a "
                + "calibration set of train questions and generated off-topic questions.");
        report.line("");

        report.line("## Answers (`POST /api/ask`, default settings, k = 8)");
        report.line("");
        report.line("Shares of all " + test.size() + " test questions: an abstention, or a question without a short "
                + "answer (explanations: pourquoi, comment…), counts as a miss. EM and F1 are SQuAD's, best over the "
                + "reference answers, with French normalisation (case, accents, punctuation, articles le/la/les/l'/"
                + "un/une/des).");
        report.line("");
        List<String> header = new ArrayList<>(List.of("measure"));
        builds.forEach(b -> header.add(b.label()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("answer sentences hold a reference answer", builds, b -> pct(b.answerHolds())));
        rows.add(row("cited passages hold a reference answer", builds, b -> pct(b.citedHold())));
        rows.add(row("short answer given", builds, b -> pct(b.shortAnswered())));
        rows.add(row("short answer exact match (all questions)", builds, b -> num(100 * b.exact(), 1)));
        rows.add(row("short answer F1 (all questions)", builds, b -> num(100 * b.f1(), 1)));
        rows.add(row("short answer EM / F1 when given", builds, b -> num(100 * b.exactWhenGiven(), 1) + " / "
                + num(100 * b.f1WhenGiven(), 1)));
        rows.add(row("false abstention (test questions that abstain)", builds, b -> pct(b.falseAbstention())));
        rows.add(row("off-topic test questions answered (sample articles)", builds,
                b -> pct(b.offTopicAnswered()) + " of " + b.offTopic()));
        rows.add(row("PIAF test questions answered against the sample articles alone", builds,
                b -> pct(b.piafOnSampleAnswered()) + " of " + b.piafOnSample()));
        rows.add(row("team's sample questions: right article in the top 3 and fact cited (no filter)", builds,
                Measures::sampleQuestions));
        rows.add(row("p50 latency of /api/ask (client)", builds, b -> num(b.askP50(), 1) + " ms"));
        report.table(header, rows);

        report.line("Short answers by the answer type the question asks for (after):");
        report.line("");
        List<List<String>> typeRows = new ArrayList<>();
        after.byType().forEach((type, v) -> typeRows.add(List.of(type.name().toLowerCase(Locale.ROOT),
                Integer.toString((int) v[0]), pct(v[1] / v[0]), num(100 * v[2] / v[0], 1), num(100 * v[3] / v[0], 1),
                pct(v[4] / v[0]))));
        report.table(List.of("type", "questions", "short answer given", "EM", "F1", "answer sentences hold one"),
                typeRows);

        report.line("## Retrieval on the test part (`GET /api/search`, k = 10)");
        report.line("");
        List<List<String>> retrievalRows = new ArrayList<>();
        for (Measures b : builds) {
            b.retrieval().forEach((mode, q) -> retrievalRows.add(List.of(b.label(), mode, pct(q.hit1()),
                    pct(q.hit5()), pct(q.hit10()), num(q.mrr10(), 3), num(q.p50Ms(), 1) + " ms")));
        }
        report.table(List.of("build", "mode", "hit@1", "hit@5", "hit@10", "MRR@10", "p50 (client)"), retrievalRows);
        report.line(String.format(Locale.ROOT, "Total time of the benchmark: %.1f min (the machine was shared: "
                + "latencies are indicative).", (System.nanoTime() - started) / 60e9));
        report.write("answers.md");
    }

    private interface Cell {
        String of(Measures m);
    }

    private static List<String> row(String name, List<Measures> builds, Cell cell) {
        List<String> row = new ArrayList<>(List.of(name));
        builds.forEach(b -> row.add(cell.of(b)));
        return row;
    }

    static Measures measure(String label, Path home, Piaf piaf, List<Piaf.Question> test, boolean rrfToo)
            throws Exception {
        Map<String, RetrievalBenchmark.Quality> retrieval = new LinkedHashMap<>();
        try (ServiceProcess service = ServiceProcess.start(home, Map.of(), "benchmark-answers")) {
            RetrievalBenchmark.indexPiaf(piaf);
            RetrievalBenchmark.indexSampleArticles();
            for (String mode : RetrievalBenchmark.MODES) {
                retrieval.put(mode.equals("hybrid") && rrfToo ? "hybrid (learned fusion)" : mode,
                        RetrievalBenchmark.evaluate(test, mode));
            }
        }
        if (rrfToo) {
            try (ServiceProcess service = ServiceProcess.start(home, Map.of("SEMSEARCH_SEARCH_FUSION", "rrf"),
                    "benchmark-answers-rrf")) {
                retrieval.put("hybrid (RRF, as before)", RetrievalBenchmark.evaluate(test, "hybrid"));
            }
        }
        try (ServiceProcess service = ServiceProcess.start(home, Map.of(), "benchmark-answers")) {
            return ask(label, retrieval, piaf, test);
        }
    }

    static Measures ask(String label, Map<String, RetrievalBenchmark.Quality> retrieval, Piaf piaf,
            List<Piaf.Question> test) throws Exception {
        int given = 0;
        double exact = 0;
        double f1 = 0;
        int holds = 0;
        int cited = 0;
        int abstained = 0;
        double[] latency = new double[test.size()];
        Map<AnswerType, double[]> byType = new EnumMap<>(AnswerType.class);
        for (int i = 0; i < test.size(); i++) {
            Piaf.Question q = test.get(i);
            long started = System.nanoTime();
            JsonNode answer = Api.post("/api/ask", Map.of("question", q.question()));
            latency[i] = (System.nanoTime() - started) / 1e6;
            double[] type = byType.computeIfAbsent(QuestionAnalysis.of(q.question()).type(), t -> new double[5]);
            type[0]++;
            if (!answer.get("answered").asBoolean()) {
                abstained++;
                continue;
            }
            boolean anyCited = false;
            for (JsonNode citation : answer.get("citations")) {
                anyCited |= SquadMetric.holds(citation.get("text").asText(), q.answers());
            }
            cited += anyCited ? 1 : 0;
            boolean sentenceHolds = SquadMetric.holds(answer.get("answer").asText(), q.answers());
            holds += sentenceHolds ? 1 : 0;
            type[4] += sentenceHolds ? 1 : 0;
            JsonNode shortAnswer = answer.get("shortAnswer");
            if (shortAnswer != null && !shortAnswer.isNull()) {
                String text = shortAnswer.get("text").asText();
                given++;
                double e = SquadMetric.exactMatch(text, q.answers()) ? 1 : 0;
                double f = SquadMetric.f1(text, q.answers());
                exact += e;
                f1 += f;
                type[1]++;
                type[2] += e;
                type[3] += f;
            }
        }
        int n = test.size();

        SampleQuestions samples = SampleQuestions.load();
        List<String> offTopic = new ArrayList<>(samples.offTopic());
        new ObjectMapper().readTree(AnswersBenchmark.class.getResourceAsStream("/eval/off-topic-test.json"))
                .get("questions").forEach(node -> offTopic.add(node.asText()));
        int offTopicAnswered = 0;
        Map<String, Object> sampleOnly = Map.of("metadata", Map.of("corpus", "sample"));
        for (String question : offTopic) {
            offTopicAnswered += Api.post("/api/ask", Map.of("question", question, "filters", sampleOnly))
                    .get("answered").asBoolean() ? 1 : 0;
        }
        List<Piaf.Question> onSample = piaf.sample(Piaf.Part.TEST, ON_SAMPLE, RetrievalBenchmark.SEED);
        int onSampleAnswered = 0;
        for (Piaf.Question q : onSample) {
            onSampleAnswered += Api.post("/api/ask", Map.of("question", q.question(), "filters", sampleOnly))
                    .get("answered").asBoolean() ? 1 : 0;
        }
        int sampleRight = 0;
        for (SampleQuestions.Factual f : samples.factual()) {
            JsonNode answer = Api.post("/api/ask", Map.of("question", f.question()));
            boolean sourceInTop3 = false;
            boolean factCited = false;
            int rank = 0;
            for (JsonNode c : answer.get("citations")) {
                sourceInTop3 |= rank++ < 3 && f.source().equals(c.get("source").asText());
                factCited |= f.facts().stream().anyMatch(fact -> c.get("text").asText().contains(fact));
            }
            sampleRight += sourceInTop3 && factCited ? 1 : 0;
        }
        return new Measures(label, retrieval, n, (double) given / n, exact / n, f1 / n,
                given == 0 ? 0 : exact / given, given == 0 ? 0 : f1 / given, (double) holds / n, (double) cited / n,
                (double) abstained / n, (double) offTopicAnswered / offTopic.size(),
                (double) onSampleAnswered / onSample.size(), offTopic.size(), onSample.size(),
                sampleRight + " / " + samples.factual().size(), byType, Report.percentile(latency, 50));
    }
}
