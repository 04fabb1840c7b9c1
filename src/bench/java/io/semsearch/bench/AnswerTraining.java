package io.semsearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.semsearch.answer.AnswerTrainingData;
import io.semsearch.answer.ExtractiveAnswerGenerator;
import io.semsearch.common.LinearModel;
import io.semsearch.embedding.EmbeddingService;
import io.semsearch.ingest.IndexRequest;
import io.semsearch.ingest.IngestService;
import io.semsearch.search.FusionTraining;
import io.semsearch.document.PassageStore;
import io.semsearch.search.SearchConfig;
import io.semsearch.search.SearchFilters;
import io.semsearch.search.SearchHit;
import io.semsearch.testing.ServiceProcess;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Collects the training data of the learned weights from the PIAF train part (never the test part), in-process over
 * the benchmark database, then fits them ({@link AnswerFitting}): the fusion of the two retrievers, the two sentence
 * rankings, the short-answer spans and the relevance gate. Run: scripts/train-answers.sh (it writes
 * src/main/resources/search/fusion-weights.properties and src/main/resources/answer/weights.properties, and keeps
 * the collected data in target/training/ for {@code scripts/train-answers.sh --fit-only}).
 */
@QuarkusTest
@TestProfile(AnswerTraining.Profile.class)
class AnswerTraining {

    static final long SEED = 20_241_130L;
    static final int PASSAGES = 8;
    /** Sentences embedded again per question while collecting: more than the service's 4, the first ranking changes. */
    static final int RESCORED = 6;
    /**
     * Train questions whose answers are collected (a seeded sample: embedding the sentences again is the slow part
     * on a shared 2-core machine); 0 for all 5,581. The fusion always uses every train question.
     */
    static final int ANSWER_QUESTIONS = Integer.getInteger("training.answer-questions", 2000);
    static final int GENERATED_OFF_TOPIC = 300;
    static final int PIAF_ON_SAMPLE = Integer.getInteger("training.piaf-on-sample", 600);
    /** Reuse target/training/fusion.json of an earlier run instead of collecting it again. */
    static final boolean REUSE_FUSION = Boolean.getBoolean("training.reuse-fusion");
    static final Path DATA = ServiceProcess.ROOT.resolve("target/training");

    /** The benchmark database, kept between runs (indexing PIAF takes minutes). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String db = System.getenv().getOrDefault("SEMSEARCH_BENCH_DB_NAME", "semsearch_bench");
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + db,
                    "quarkus.flyway.clean-at-start", "false",
                    "quarkus.flyway.locations", "db/migration");
        }
    }

    /** A train question's candidates and whether each is a chunk of its paragraph. */
    record FusionQuery(List<double[]> features, List<Boolean> relevant) {
    }

    /**
     * A question as the answer step sees it.
     *
     * @param kind {@code piaf} (answerable, whole store), {@code piaf-on-sample} (a PIAF question against the sample
     *     articles only: off-topic there) or {@code generated} (generated off-topic question, sample articles only)
     */
    record AnswerQuery(String kind, String question, List<String> answers, List<String> passages,
            double bestSimilarity, List<AnswerTrainingData.Sentence> sentences) {
    }

    @Inject
    IngestService ingest;
    @Inject
    EmbeddingService embedding;
    @Inject
    PassageStore repository;
    @Inject
    SearchConfig searchConfig;
    @Inject
    ExtractiveAnswerGenerator generator;
    @Inject
    EntityManager entityManager;

    @Test
    void collectAndFit() throws Exception {
        Piaf piaf = Piaf.load();
        Map<String, UUID> documents = indexPiaf(piaf);
        List<Piaf.Question> train = piaf.questions(Piaf.Part.TRAIN);
        Files.createDirectories(DATA);
        ObjectMapper json = new ObjectMapper();

        Path fusionData = DATA.resolve("fusion.json");
        List<FusionQuery> fusion = new ArrayList<>();
        if (REUSE_FUSION && Files.exists(fusionData)) {
            fusion = json.readValue(fusionData.toFile(), new com.fasterxml.jackson.core.type.TypeReference<>() { });
        } else {
            for (Piaf.Question q : train) {
                float[] vector = embedding.embedQuery(q.question());
                UUID relevant = documents.get("piaf/" + q.paragraph());
                List<FusionTraining.Row> rows = QuarkusTransaction.requiringNew().call(() ->
                        FusionTraining.rows(repository, searchConfig, vector, q.question()));
                fusion.add(new FusionQuery(rows.stream().map(FusionTraining.Row::features).toList(),
                        rows.stream().map(r -> r.documentId().equals(relevant)).toList()));
            }
            json.writeValue(fusionData.toFile(), fusion);
        }
        LinearModel fusionWeights = AnswerFitting.fitFusion(fusion);

        List<AnswerQuery> answers = new ArrayList<>();
        int done = 0;
        for (Piaf.Question q : piaf.sample(Piaf.Part.TRAIN, ANSWER_QUESTIONS, SEED)) {
            if (++done % 250 == 0) {
                System.out.println("training: answers collected for " + done + " questions");
            }
            float[] vector = embedding.embedQuery(q.question());
            List<SearchHit> hits = QuarkusTransaction.requiringNew().call(() -> FusionTraining.retrieve(repository,
                    searchConfig, vector, q.question(), PASSAGES, SearchFilters.NONE, fusionWeights));
            answers.add(new AnswerQuery("piaf", q.question(), q.answers(), texts(hits), best(hits),
                    AnswerTrainingData.sentences(generator, q.question(), vector, hits, RESCORED)));
        }
        SearchFilters sample = new SearchFilters(List.of(), List.of(), Map.of("corpus", "sample"));
        List<String> offTopic = new ArrayList<>();
        OffTopicQuestions.generated(GENERATED_OFF_TOPIC, SEED).forEach(offTopic::add);
        List<Piaf.Question> onSample = piaf.sample(Piaf.Part.TRAIN, PIAF_ON_SAMPLE, SEED);
        for (int i = 0; i < offTopic.size() + onSample.size(); i++) {
            boolean generated = i < offTopic.size();
            String question = generated ? offTopic.get(i) : onSample.get(i - offTopic.size()).question();
            float[] vector = embedding.embedQuery(question);
            List<SearchHit> hits = QuarkusTransaction.requiringNew().call(() -> FusionTraining.retrieve(repository,
                    searchConfig, vector, question, PASSAGES, sample, fusionWeights));
            answers.add(new AnswerQuery(generated ? "generated" : "piaf-on-sample", question, List.of(), texts(hits),
                    best(hits), List.of()));
        }
        json.writeValue(DATA.resolve("answers.json").toFile(), answers);
        AnswerFitting.fitAnswers(answers, fusionWeights, embedding.activeModel().descriptor().answerMinSimilarity()
                .orElse(0.0));
    }

    private Map<String, UUID> indexPiaf(Piaf piaf) {
        Map<String, UUID> documents = documents();
        long stored = documents.keySet().stream().filter(s -> s.startsWith("piaf/")).count();
        if (stored != piaf.paragraphs().size()) {
            List<Piaf.Paragraph> paragraphs = piaf.paragraphs();
            for (int from = 0; from < paragraphs.size(); from += 64) {
                List<IndexRequest> batch = new ArrayList<>();
                for (Piaf.Paragraph p : paragraphs.subList(from, Math.min(paragraphs.size(), from + 64))) {
                    batch.add(new IndexRequest(p.source(), p.title(), p.context(),
                            Map.of("corpus", "piaf", "title", p.title(), "categorie", p.category()), "fr"));
                }
                ingest.indexAll(batch);
            }
            documents = documents();
        }
        return documents;
    }

    private Map<String, UUID> documents() {
        Map<String, UUID> bySource = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("select source, id from document", Object[].class).getResultList()
                .forEach(row -> bySource.put((String) ((Object[]) row)[0], (UUID) ((Object[]) row)[1])));
        return bySource;
    }

    private static List<String> texts(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::text).toList();
    }

    private static double best(List<SearchHit> hits) {
        return hits.stream().mapToDouble(SearchHit::similarity).max().orElse(0);
    }
}
