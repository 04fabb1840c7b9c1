package io.semsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.semsearch.answer.SampleQuestions;
import io.semsearch.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.semsearch.bench.Report.num;
import static io.semsearch.bench.Report.pct;

/**
 * Retrieval quality on PIAF: indexes its 1,518 paragraphs (and the five sample articles) through the service, asks
 * the questions of the test part (articles 0, 4, 8, … of the file) through /api/search in each mode, checks the two
 * corpora side by side, and tunes hybrid retrieval on questions of the train part only.
 * Run: scripts/benchmark.sh retrieval. Writes docs/benchmarks/retrieval-piaf.md. Answers and abstention:
 * {@link AnswersBenchmark}.
 */
class RetrievalBenchmark {

    static final long SEED = 20_241_118L;
    static final int QUESTIONS = Integer.getInteger("benchmark.questions", 0);
    static final int TUNING_QUESTIONS = Integer.getInteger("benchmark.tuning-questions", 1000);
    static final boolean TUNE = Boolean.parseBoolean(System.getProperty("benchmark.tune", "true"));
    static final List<String> MODES = List.of("dense", "lexical", "hybrid");

    /** Ranking quality of one mode over a set of questions. */
    record Quality(int questions, double hit1, double hit5, double hit10, double mrr10, double p50Ms,
            double[] bestSimilarity) {
    }

    @Test
    void piaf() throws Exception {
        Piaf piaf = Piaf.load();
        List<Piaf.Question> questions = piaf.sample(Piaf.Part.TEST, QUESTIONS, SEED);
        SampleQuestions samples = SampleQuestions.load();
        Report report = new Report("Retrieval quality on PIAF");
        long started = System.nanoTime();

        ServiceProcess.wipeDatabase();
        Map<String, Quality> byMode = new LinkedHashMap<>();
        try (ServiceProcess service = ServiceProcess.start(Map.of(), "benchmark-retrieval")) {
            JsonNode health = Api.readiness();
            String model = modelOf(health);
            report.environment(model + (model.equals("multilingual-e5-small") ? ""
                    : " (fallback: English-only sibling of multilingual-e5-small, whose weights cannot be fetched here)"));
            report.line("Data: PIAF v1.1 (`piaf-v1.1.json`), " + piaf.paragraphs().size()
                    + " paragraphs indexed as documents (title and `categorie` as metadata), "
                    + "the " + questions.size() + " questions of the test part (articles 0, 4, 8, … of the file; "
                    + "nothing is tuned on them). The five sample articles are indexed "
                    + "next to them. A hit is a retrieved chunk of the question's own paragraph; retrieval asks "
                    + "for k = 10 through `GET /api/search`, with no filter.");
            report.line("");

            Indexing indexing = indexPiaf(piaf);
            indexSampleArticles();
            report.line("## Indexing");
            report.line("");
            report.table(List.of("paragraphs", "chunks", "time", "paragraphs/s", "chunks/s"), List.of(List.of(
                    Integer.toString(indexing.documents), Long.toString(indexing.chunks),
                    num(indexing.seconds, 1) + " s", num(indexing.documents / indexing.seconds, 1),
                    num(indexing.chunks / indexing.seconds, 1))));

            for (String mode : MODES) {
                byMode.put(mode, evaluate(questions, mode));
            }
            report.line("## Retrieval, by mode");
            report.line("");
            report.table(List.of("mode", "hit@1", "hit@5", "hit@10", "MRR@10", "p50 latency (client)"),
                    byMode.entrySet().stream().map(e -> List.of(e.getKey(), pct(e.getValue().hit1),
                            pct(e.getValue().hit5), pct(e.getValue().hit10), num(e.getValue().mrr10, 3),
                            num(e.getValue().p50Ms, 1) + " ms")).toList());

            corporaSection(report, samples);
        }
        try (ServiceProcess service = ServiceProcess.start(Map.of("SEMSEARCH_SEARCH_FUSION", "rrf"),
                "benchmark-retrieval")) {
            byMode.put("hybrid, RRF (before)", evaluate(questions, "hybrid"));
        }
        report.line("Hybrid with Reciprocal Rank Fusion (`semsearch.search.fusion=rrf`, k 60, equal weights), the "
                + "fusion before the learned one, on the same questions: "
                + summary(byMode.get("hybrid, RRF (before)")) + "; learned fusion: " + summary(byMode.get("hybrid"))
                + ".");
        report.line("");

        if (TUNE) {
            tuningSection(report, piaf, piaf.sample(Piaf.Part.TRAIN, TUNING_QUESTIONS, SEED));
        }
        report.line(String.format(Locale.ROOT, "Total time of the benchmark: %.1f min.",
                (System.nanoTime() - started) / 60e9));
        report.write("retrieval-piaf.md");
    }

    record Indexing(int documents, long chunks, double seconds) {
    }

    static Indexing indexPiaf(Piaf piaf) throws Exception {
        long started = System.nanoTime();
        long chunks = 0;
        List<Piaf.Paragraph> paragraphs = piaf.paragraphs();
        for (int from = 0; from < paragraphs.size(); from += 64) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (Piaf.Paragraph p : paragraphs.subList(from, Math.min(paragraphs.size(), from + 64))) {
                batch.add(Map.of("source", p.source(), "title", p.title(), "text", p.context(), "language", "fr",
                        "metadata", Map.of("corpus", "piaf", "title", p.title(), "categorie", p.category())));
            }
            for (JsonNode result : Api.post("/api/documents/batch", Map.of("documents", batch)).get("results")) {
                chunks += result.get("chunks").asLong();
            }
        }
        return new Indexing(paragraphs.size(), chunks, (System.nanoTime() - started) / 1e9);
    }

    static void indexSampleArticles() throws Exception {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (String name : resource("sample-articles/INDEX").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            batch.add(Map.of("source", name, "text", resource("sample-articles/" + name), "language", "fr",
                    "metadata", Map.of("corpus", "sample")));
        }
        Api.post("/api/documents/batch", Map.of("documents", batch));
    }

    static Quality evaluate(List<Piaf.Question> questions, String mode) throws Exception {
        int hit1 = 0;
        int hit5 = 0;
        int hit10 = 0;
        double mrr = 0;
        double[] latency = new double[questions.size()];
        double[] best = new double[questions.size()];
        for (int i = 0; i < questions.size(); i++) {
            Piaf.Question q = questions.get(i);
            long started = System.nanoTime();
            JsonNode results = Api.get("/api/search", Map.of("q", q.question(), "k", "10", "mode", mode))
                    .get("results");
            latency[i] = (System.nanoTime() - started) / 1e6;
            String expected = "piaf/" + q.paragraph();
            int rank = 0;
            best[i] = Double.NaN;
            for (int r = 0; r < results.size(); r++) {
                JsonNode hit = results.get(r);
                if (rank == 0 && expected.equals(hit.get("source").asText())) {
                    rank = r + 1;
                }
                if (hit.hasNonNull("similarity")) {
                    double similarity = hit.get("similarity").asDouble();
                    best[i] = Double.isNaN(best[i]) ? similarity : Math.max(best[i], similarity);
                }
            }
            hit1 += rank == 1 ? 1 : 0;
            hit5 += rank >= 1 && rank <= 5 ? 1 : 0;
            hit10 += rank >= 1 ? 1 : 0;
            mrr += rank >= 1 ? 1.0 / rank : 0;
        }
        int n = questions.size();
        return new Quality(n, (double) hit1 / n, (double) hit5 / n, (double) hit10 / n, mrr / n,
                Report.percentile(latency, 50), best);
    }

    static void corporaSection(Report report, SampleQuestions samples) throws Exception {
        int answered = 0;
        int leaks = 0;
        int sampleOnlyCitations = 0;
        for (SampleQuestions.Factual f : samples.factual()) {
            JsonNode answer = Api.post("/api/ask", Map.of("question", f.question()));
            boolean sourceInTop3 = false;
            boolean factCited = false;
            int n = 0;
            for (JsonNode c : answer.get("citations")) {
                sourceInTop3 |= n++ < 3 && f.source().equals(c.get("source").asText());
                factCited |= containsAny(c.get("text").asText(), f.facts());
            }
            answered += sourceInTop3 && factCited ? 1 : 0;
            for (JsonNode hit : Api.get("/api/search", Map.of("q", f.question(), "k", "10",
                    "metadata.corpus", "piaf")).get("results")) {
                leaks += hit.get("source").asText().startsWith("piaf/") ? 0 : 1;
            }
            JsonNode filtered = Api.post("/api/ask", Map.of("question", f.question(),
                    "filters", Map.of("metadata", Map.of("corpus", "sample"))));
            boolean allSample = true;
            for (JsonNode c : filtered.get("citations")) {
                allSample &= !c.get("source").asText().startsWith("piaf/");
            }
            sampleOnlyCitations += allSample && filtered.get("answered").asBoolean() ? 1 : 0;
        }
        int n = samples.factual().size();
        report.line("## Two corpora side by side");
        report.line("");
        report.line("The team's " + n + " questions about the sample articles (`src/test/resources/eval/"
                + "sample-questions.json`), asked with the 1,518 PIAF paragraphs in the same store.");
        report.line("");
        report.table(List.of("check", "result"), List.of(
                List.of("no filter: the right article in the top 3 citations and the fact cited",
                        answered + " / " + n),
                List.of("filter `corpus:sample`: answered, citing sample articles only",
                        sampleOnlyCitations + " / " + n),
                List.of("filter `corpus:piaf` on /api/search: results from outside PIAF", Integer.toString(leaks))));
    }

    static void tuningSection(Report report, Piaf piaf, List<Piaf.Question> questions) throws Exception {
        report.line("## Tuning hybrid retrieval");
        report.line("");
        report.line(questions.size() + " questions of the **train** part (seeded sample); each row restarts the "
                + "service with the setting changed (environment variables) over the same index.");
        report.line("");
        List<Map.Entry<String, Map<String, String>>> variants = List.of(
                Map.entry("defaults (learned fusion)", Map.of()),
                Map.entry("fusion rrf, rrf-k 60", Map.of("SEMSEARCH_SEARCH_FUSION", "rrf")),
                Map.entry("fusion rrf, rrf-k 10", Map.of("SEMSEARCH_SEARCH_FUSION", "rrf", "SEMSEARCH_SEARCH_RRF_K", "10")),
                Map.entry("fusion rrf, lexical-weight 2", Map.of("SEMSEARCH_SEARCH_FUSION", "rrf",
                        "SEMSEARCH_SEARCH_LEXICAL_WEIGHT", "2")),
                Map.entry("candidates 20", Map.of("SEMSEARCH_SEARCH_CANDIDATES", "20")),
                Map.entry("candidates 80", Map.of("SEMSEARCH_SEARCH_CANDIDATES", "80")),
                Map.entry("ef-search 40", Map.of("SEMSEARCH_SEARCH_EF_SEARCH", "40")),
                Map.entry("ef-search 200", Map.of("SEMSEARCH_SEARCH_EF_SEARCH", "200")));
        List<List<String>> rows = new ArrayList<>();
        for (var variant : variants) {
            try (ServiceProcess service = ServiceProcess.start(variant.getValue(), "benchmark-retrieval-tuning")) {
                Quality q = evaluate(questions, "hybrid");
                rows.add(List.of(variant.getKey(), pct(q.hit1()), pct(q.hit5()), pct(q.hit10()), num(q.mrr10(), 3),
                        num(q.p50Ms(), 1) + " ms"));
            }
        }
        report.table(List.of("hybrid setting", "hit@1", "hit@5", "hit@10", "MRR@10", "p50"), rows);

        report.line("Chunk size (the index is rebuilt for each):");
        report.line("");
        List<List<String>> chunkRows = new ArrayList<>();
        for (String tokens : List.of("120", "200", "300")) {
            ServiceProcess.wipeDatabase();
            try (ServiceProcess service = ServiceProcess.start(Map.of("SEMSEARCH_INGEST_CHUNK_MAX_TOKENS", tokens),
                    "benchmark-retrieval-chunks")) {
                Indexing indexing = indexPiaf(piaf);
                for (String mode : MODES) {
                    Quality q = evaluate(questions, mode);
                    chunkRows.add(List.of(tokens, Long.toString(indexing.chunks()), mode, pct(q.hit1()),
                            pct(q.hit5()), num(q.mrr10(), 3)));
                }
            }
        }
        report.table(List.of("chunk tokens", "chunks", "mode", "hit@1", "hit@5", "MRR@10"), chunkRows);
    }

    static String summary(Quality q) {
        return "hit@1 " + pct(q.hit1()) + ", hit@5 " + pct(q.hit5()) + ", MRR@10 " + num(q.mrr10(), 3);
    }

    static boolean containsAny(String text, List<String> needles) {
        String haystack = text.toLowerCase(Locale.ROOT);
        return needles.stream().anyMatch(n -> haystack.contains(n.toLowerCase(Locale.ROOT).strip()));
    }

    static String modelOf(JsonNode health) {
        for (JsonNode check : health.get("checks")) {
            if ("semantic-search".equals(check.get("name").asText())) {
                return check.get("data").get("model").asText();
            }
        }
        return "unknown";
    }

    static String resource(String name) throws IOException {
        try (InputStream in = RetrievalBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
