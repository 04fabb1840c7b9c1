package io.semsearch.document;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A passage store held in memory, for the unit tests of the features above the store: transactions are serialised
 * and undone on failure, a second document of one source is refused as the unique key refuses it, dense retrieval
 * is exact cosine similarity and lexical retrieval BM25 over lower-cased, unaccented words (no stemming).
 */
public class InMemoryPassageStore implements PassageStore {

    private record Passage(UUID id, UUID documentId, TextToWrite.PassageToWrite passage) {
    }

    private Map<UUID, StoredText> documents = new LinkedHashMap<>();
    private Map<UUID, Passage> passages = new LinkedHashMap<>();
    private int writes;

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        Map<UUID, StoredText> documentsBefore = new LinkedHashMap<>(documents);
        Map<UUID, Passage> passagesBefore = new LinkedHashMap<>(passages);
        try {
            return work.get();
        } catch (RuntimeException e) {
            documents = documentsBefore;
            passages = passagesBefore;
            throw e;
        }
    }

    @Override
    public synchronized List<ScoredPassage> dense(float[] query, int limit, PassageFilter filter, int efSearch) {
        return ranked(filter, p -> cosine(query, p.passage().vector()), limit, false);
    }

    @Override
    public synchronized List<ScoredPassage> lexical(String text, int limit, PassageFilter filter, Bm25 bm25) {
        List<String> query = words(text).stream().distinct().toList();
        List<Passage> all = List.copyOf(passages.values());
        double average = Math.max(1, all.stream().mapToInt(p -> words(p.passage().text()).size()).average()
                .orElse(1));
        Map<String, Long> df = new HashMap<>();
        for (String word : query) {
            df.put(word, all.stream().filter(p -> words(p.passage().text()).contains(word)).count());
        }
        return ranked(filter, p -> {
            List<String> words = words(p.passage().text());
            double score = 0;
            for (String word : query) {
                long tf = words.stream().filter(word::equals).count();
                double idf = Math.log(1 + (all.size() - df.get(word) + 0.5) / (df.get(word) + 0.5));
                score += tf == 0 ? 0 : idf * tf * (bm25.k1() + 1)
                        / (tf + bm25.k1() * (1 - bm25.b() + bm25.b() * words.size() / average));
            }
            return score;
        }, limit, true);
    }

    @Override
    public synchronized List<StoredPassage> passages(Collection<UUID> ids, float[] queryVector,
            boolean withSentences) {
        List<StoredPassage> found = new ArrayList<>();
        for (UUID id : ids) {
            Passage p = passages.get(id);
            if (p != null) {
                StoredText document = documents.get(p.documentId());
                found.add(new StoredPassage(id, p.documentId(), document.source(), document.title(),
                        p.passage().ordinal(), p.passage().text(),
                        queryVector == null ? Double.NaN : cosine(queryVector, p.passage().vector()),
                        withSentences ? p.passage().sentences() : SentenceVectors.NONE));
            }
        }
        return found;
    }

    @Override
    public synchronized Map<String, StoredText> findBySources(Collection<String> sources) {
        Map<String, StoredText> found = new HashMap<>();
        documents.values().stream().filter(d -> sources.contains(d.source())).forEach(d -> found.put(d.source(), d));
        return found;
    }

    @Override
    public synchronized Optional<StoredText> find(UUID id) {
        return Optional.ofNullable(documents.get(id));
    }

    @Override
    public synchronized Optional<StoredText> lockBySource(String source) {
        return documents.values().stream().filter(d -> d.source().equals(source)).findFirst();
    }

    @Override
    public synchronized UUID write(TextToWrite text) {
        if (text.id() == null && lockBySource(text.source()).isPresent()) {
            throw new DuplicateSourceException("Source " + text.source() + " exists", null);
        }
        UUID id = text.id() == null ? UUID.randomUUID() : text.id();
        Map<String, Object> metadata = text.metadata() != null ? text.metadata()
                : text.id() == null ? Map.of() : documents.get(id).metadata();
        documents.put(id, new StoredText(id, text.source(), text.title(), text.content(), text.contentSha256(),
                text.language(), metadata, text.embeddingModel()));
        passages.values().removeIf(p -> p.documentId().equals(id));
        text.passages().forEach(p -> {
            UUID passageId = UUID.randomUUID();
            passages.put(passageId, new Passage(passageId, id, p));
        });
        writes++;
        return id;
    }

    @Override
    public synchronized void updateDetails(UUID id, String title, Map<String, Object> metadata, String language) {
        StoredText d = documents.get(id);
        documents.put(id, new StoredText(id, d.source(), title != null ? title : d.title(), d.content(),
                d.contentSha256(), language != null ? language : d.language(), metadata != null ? metadata
                        : d.metadata(), d.embeddingModel()));
    }

    @Override
    public synchronized int countPassages(UUID documentId) {
        return (int) passages.values().stream().filter(p -> p.documentId().equals(documentId)).count();
    }

    @Override
    public synchronized Map<String, PassageVectors> passageVectors(UUID documentId) {
        Map<String, PassageVectors> vectors = new java.util.LinkedHashMap<>();
        passagesOf(documentId).forEach(p -> vectors.putIfAbsent(p.text(),
                new PassageVectors(p.vector(), p.sentences())));
        return vectors;
    }

    @Override
    public void refreshStatistics() {
        // BM25's statistics are counted at each query
    }

    /** Deletes a document and its passages. */
    public synchronized void delete(UUID documentId) {
        documents.remove(documentId);
        passages.values().removeIf(p -> p.documentId().equals(documentId));
    }

    /** The stored passages of a document, in order. */
    public synchronized List<TextToWrite.PassageToWrite> passagesOf(UUID documentId) {
        return passages.values().stream().filter(p -> p.documentId().equals(documentId)).map(Passage::passage)
                .sorted(Comparator.comparingInt(TextToWrite.PassageToWrite::ordinal)).toList();
    }

    /** How many times a document's content was written (created or replaced). */
    public synchronized int writes() {
        return writes;
    }

    private List<ScoredPassage> ranked(PassageFilter filter, java.util.function.ToDoubleFunction<Passage> score,
            int limit, boolean positiveOnly) {
        List<ScoredPassage> scored = new ArrayList<>();
        for (Passage p : passages.values()) {
            StoredText document = documents.get(p.documentId());
            double value = score.applyAsDouble(p);
            if (filter.matches(document.id(), document.source(), document.metadata())
                    && (!positiveOnly || value > 0)) {
                scored.add(new ScoredPassage(p.id(), p.documentId(), p.passage().start(), p.passage().end(), value));
            }
        }
        scored.sort(Comparator.comparingDouble(ScoredPassage::score).reversed()
                .thenComparing(ScoredPassage::passageId));
        return List.copyOf(scored.subList(0, Math.min(limit, scored.size())));
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    static List<String> words(String text) {
        String plain = Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        List<String> words = new ArrayList<>();
        for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
