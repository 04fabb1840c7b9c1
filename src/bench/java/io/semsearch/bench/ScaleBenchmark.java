package io.semsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.semsearch.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static io.semsearch.bench.Report.num;

/**
 * How query costs grow with the store: 10k, 100k and 1M chunks made from the real PIAF chunks and their real vectors,
 * replicated (see {@link Replicas}), queried with real PIAF questions through the packaged service.
 * Run: scripts/benchmark.sh scale [-Dbenchmark.scale.sizes=10000,100000]. Writes docs/benchmarks/scale.md.
 *
 * <p>The PIAF store (the template) is the benchmark database (SEMSEARCH_BENCH_DB_NAME), indexed through the service
 * when it does not hold PIAF already; the replicated stores grow in their own database (SEMSEARCH_SCALE_DB_NAME,
 * default semsearch_scale), one size after the other.
 */
class ScaleBenchmark {

    static final List<Integer> SIZES = Arrays.stream(System.getProperty("benchmark.scale.sizes",
            "10000,100000,1000000").split(",")).map(String::strip).map(Integer::parseInt).toList();
    static final String SCALE_DB_URL = System.getProperty("benchmark.scale.db.url",
            "jdbc:postgresql://127.0.0.1:5432/" + env("SEMSEARCH_SCALE_DB_NAME", "semsearch_scale"));
    static final int RECALL_QUERIES = Integer.getInteger("benchmark.scale.recall-queries", 100);
    static final Duration LOAD_DURATION = Duration.ofSeconds(Long.getLong("benchmark.load-seconds", 15));
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 5));
    static final List<Integer> EF_SEARCH = List.of(40, 64, 100, 200, 400, 800);
    static final int DEFAULT_EF_SEARCH = 100;
    static final String MAINTENANCE_WORK_MEM = System.getProperty("benchmark.scale.maintenance-work-mem", "3GB");
    /** Standard deviation of the noise added to each coordinate of a unit vector before normalising again. */
    static final double NOISE = 0.01;

    /**
     * @param recallByEf share of the exact top 10 chunks that HNSW returns, per ef_search
     * @param passageRecallByEf the same counting a copy as its original: share of the passages (original chunks) of
     *     the exact top 10 that HNSW's top 10 holds in some copy. The copies of one passage lie within the noise of
     *     each other, so which of them come first is a coin toss that the strict measure counts as misses.
     */
    record SizeResult(long chunks, double loadSeconds, double ginSeconds, double hnswSeconds, long databaseBytes,
            Map<Integer, Double> recallByEf, Map<Integer, Double> passageRecallByEf,
            Map<String, List<LoadGenerator.Result>> load, double rssMiB) {
    }

    @Test
    void scale() throws Exception {
        long started = System.nanoTime();
        Piaf piaf = Piaf.load();
        List<String> questions = piaf.sample(Piaf.Part.TRAIN, 2000, RetrievalBenchmark.SEED).stream().map(Piaf.Question::question)
                .toList();
        String model = ensurePiafTemplate(piaf);
        Replicas replicas = Replicas.read(ServiceProcess.DB_URL, model);
        List<float[]> queryVectors;
        try (PerformanceBenchmark.ModelHandle handle = PerformanceBenchmark.ModelHandle.open(
                new PerformanceBenchmark.ModelSetting(16, 0, 1))) {
            queryVectors = questions.subList(0, RECALL_QUERIES).stream().map(handle.service()::embedQuery).toList();
        }

        // An empty schema in the scale database, as the service's migrations make it: everything the project's
        // role owns there goes (the extensions, made by a superuser, stay).
        try (Connection connection = scaleConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop owned by current_user");
        } catch (SQLException e) {
            throw new IllegalStateException("The scale database must exist with the vector extension: run "
                    + "scripts/benchmark.sh scale (it creates it); " + e.getMessage(), e);
        }
        try (ServiceProcess service = ServiceProcess.start(scaleSettings(), "benchmark-scale-migrate", SCALE_DB_URL)) {
            // migrated
        }

        Map<Integer, SizeResult> results = new LinkedHashMap<>();
        long stored = 0;
        for (int size : SIZES) {
            long sizeStarted = System.nanoTime();
            System.out.printf(Locale.ROOT, "--- %d chunks%n", size);
            double loadSeconds;
            double ginSeconds;
            double hnswSeconds;
            long databaseBytes;
            try (Connection connection = scaleConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("drop index if exists chunk_embedding_hnsw_idx");
                    statement.execute("drop index if exists chunk_text_search_idx");
                }
                long t = System.nanoTime();
                stored = replicas.load(connection, stored, size);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select fold_statistics_changes()");
                    statement.execute("vacuum analyze chunk");
                    statement.execute("vacuum analyze document");
                }
                loadSeconds = (System.nanoTime() - t) / 1e9;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set maintenance_work_mem = '" + MAINTENANCE_WORK_MEM + "'");
                    t = System.nanoTime();
                    statement.execute("create index chunk_text_search_idx on chunk using gin (text_search)");
                    ginSeconds = (System.nanoTime() - t) / 1e9;
                    t = System.nanoTime();
                    statement.execute("create index chunk_embedding_hnsw_idx on chunk "
                            + "using hnsw (embedding vector_cosine_ops)");
                    hnswSeconds = (System.nanoTime() - t) / 1e9;
                    statement.execute("analyze chunk");
                    try (ResultSet row = statement.executeQuery("select pg_database_size(current_database())")) {
                        row.next();
                        databaseBytes = row.getLong(1);
                    }
                }
            }
            Map<Integer, Double> recall = new LinkedHashMap<>();
            Map<Integer, Double> passageRecall = new LinkedHashMap<>();
            recall(queryVectors, recall, passageRecall);
            Map<String, List<LoadGenerator.Result>> load = new LinkedHashMap<>();
            double rss;
            try (ServiceProcess service = ServiceProcess.start(scaleSettings(), "benchmark-scale", SCALE_DB_URL)) {
                for (String mode : List.of("dense", "lexical", "hybrid")) {
                    List<LoadGenerator.Result> byClients = new ArrayList<>();
                    for (int clients : List.of(1, 16)) {
                        byClients.add(LoadGenerator.run(clients, WARM_UP, LOAD_DURATION, i -> search(mode,
                                questions.get(i % questions.size()))));
                    }
                    load.put(mode, byClients);
                }
                rss = service.rssMiB();
            }
            results.put(size, new SizeResult(stored, loadSeconds, ginSeconds, hnswSeconds, databaseBytes, recall,
                    passageRecall, load, rss));
            System.out.printf(Locale.ROOT, "--- %d chunks done in %.1f min%n", size,
                    (System.nanoTime() - sizeStarted) / 60e9);
            // written after each size: the largest may take hours
            write(model, replicas, results, (System.nanoTime() - started) / 60e9);
        }
    }

    private static void write(String model, Replicas replicas, Map<Integer, SizeResult> results, double minutes)
            throws Exception {
        Report report = new Report("Scale");
        report.environment(model);
        report.line("Stores grown from the " + replicas.chunks.size() + " chunks of the PIAF paragraphs (1,518 "
                + "documents) as the service indexed them, with their real vectors. Copy r ≥ 1 of a document is a "
                + "new document whose chunks hold the same sentences as the original's, in an order shuffled with "
                + "seed r (joined by single spaces; its content is its chunks separated by blank lines), and whose "
                + "vectors are the original's plus Gaussian noise of standard deviation " + NOISE + " per "
                + "coordinate, normalised again (cosine to the original about 0.98); the stored sentence vectors "
                + "are the original's, in the sentences' new order. Copies are added whole, copy after copy, until "
                + "the size is reached. Queries: PIAF questions "
                + "from the benchmarks' fixed sample, through the packaged service over HTTP (`GET /api/search`, "
                + "k = 10), closed loop, " + LOAD_DURATION.toSeconds() + " s per row after " + WARM_UP.toSeconds()
                + " s of warm-up. Recall: the HNSW top 10 against the exact top 10 (sequential scan) for "
                + RECALL_QUERIES + " question vectors. Indexes are built after each load "
                + "(maintenance_work_mem " + MAINTENANCE_WORK_MEM + ", PostgreSQL's default parallel workers).");
        report.line("");
        List<String> header = new ArrayList<>(List.of(""));
        results.values().forEach(r -> header.add(String.format(Locale.ROOT, "%,d chunks", r.chunks())));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("load (copy, triggers, statistics)", results, r -> num(r.loadSeconds(), 0) + " s"));
        rows.add(row("GIN build", results, r -> num(r.ginSeconds(), 1) + " s"));
        rows.add(row("HNSW build", results, r -> num(r.hnswSeconds(), 1) + " s"));
        rows.add(row("database size", results, r -> num(r.databaseBytes() / 1048576.0, 0) + " MiB"));
        rows.add(row("dense recall@10 at ef_search " + DEFAULT_EF_SEARCH, results,
                r -> num(r.recallByEf().get(DEFAULT_EF_SEARCH), 3)));
        rows.add(row("ef_search for recall@10 ≥ 0.95", results, r -> r.recallByEf().entrySet().stream()
                .filter(e -> e.getValue() >= 0.95).map(e -> Integer.toString(e.getKey())).findFirst()
                .orElse("> " + EF_SEARCH.get(EF_SEARCH.size() - 1))));
        rows.add(row("passage recall@10 at ef_search " + DEFAULT_EF_SEARCH + " (a copy counts as its original)",
                results, r -> num(r.passageRecallByEf().get(DEFAULT_EF_SEARCH), 3)));
        rows.add(row("ef_search for passage recall@10 ≥ 0.95", results, r -> r.passageRecallByEf().entrySet()
                .stream().filter(e -> e.getValue() >= 0.95).map(e -> Integer.toString(e.getKey())).findFirst()
                .orElse("> " + EF_SEARCH.get(EF_SEARCH.size() - 1))));
        for (String mode : List.of("dense", "lexical", "hybrid")) {
            for (int c = 0; c < 2; c++) {
                int index = c;
                rows.add(row(mode + ", " + (c == 0 ? "1 client" : "16 clients") + ": p50 / p95 ms (req/s)",
                        results, r -> {
                            LoadGenerator.Result l = r.load().get(mode).get(index);
                            return num(l.percentile(50), 1) + " / " + num(l.percentile(95), 1) + " ("
                                    + num(l.throughput(), 0) + (l.errors() > 0 ? ", " + l.errors() + " errors" : "")
                                    + ")";
                        }));
            }
        }
        rows.add(row("service RSS after the load runs", results, r -> num(r.rssMiB(), 0) + " MiB"));
        report.table(header, rows);

        report.line("Recall@10 by `ef_search`, strict (the same chunks) / by passage (a copy counts as its "
                + "original: the copies of a passage lie within the noise of each other, and which of them rank first "
                + "is a coin toss that the strict measure counts as misses):");
        report.line("");
        List<String> efHeader = new ArrayList<>(List.of("ef_search"));
        results.values().forEach(r -> efHeader.add(String.format(Locale.ROOT, "%,d chunks", r.chunks())));
        List<List<String>> efRows = new ArrayList<>();
        for (int ef : EF_SEARCH) {
            efRows.add(row(Integer.toString(ef), results, r -> num(r.recallByEf().get(ef), 3) + " / "
                    + num(r.passageRecallByEf().get(ef), 3)));
        }
        report.table(efHeader, efRows);

        List<SizeResult> all = new ArrayList<>(results.values());
        SizeResult smallest = all.get(0);
        SizeResult largest = all.get(all.size() - 1);
        double small = smallest.load().get("hybrid").get(0).percentile(50);
        double large = largest.load().get("hybrid").get(0).percentile(50);
        report.line("## Target");
        report.line("");
        report.table(List.of("target", "measured", "met"), List.of(List.of(
                String.format(Locale.ROOT, "hybrid p50 (1 client) at %,d chunks ≤ 2 × at %,d", largest.chunks(),
                        smallest.chunks()),
                num(large, 1) + " ms vs " + num(small, 1) + " ms: " + num(large / small, 2) + " ×",
                large <= 2 * small ? "yes" : "**no**")));
        report.line(String.format(Locale.ROOT, "Total time of the benchmark: %.1f min (sizes %s).", minutes,
                SIZES));
        report.write(System.getProperty("benchmark.output", "scale.md"));
    }

    private static List<String> row(String label, Map<Integer, SizeResult> results,
            java.util.function.Function<SizeResult, String> cell) {
        List<String> row = new ArrayList<>(List.of(label));
        results.values().forEach(r -> row.add(cell.apply(r)));
        return row;
    }

    /** Share of the exact top 10 that HNSW returns, per ef_search: by chunk and by passage (see SizeResult). */
    private static void recall(List<float[]> queries, Map<Integer, Double> recall, Map<Integer, Double> byPassage)
            throws SQLException {
        try (Connection connection = scaleConnection()) {
            List<Set<String>> exact = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                statement.execute("set enable_indexscan = off");
                statement.execute("set jit = off");
            }
            for (float[] query : queries) {
                exact.add(top10(connection, query));
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("reset enable_indexscan");
                statement.execute("set enable_seqscan = off");
            }
            for (int ef : EF_SEARCH) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set hnsw.ef_search = " + ef);
                }
                int found = 0;
                double passages = 0;
                for (int i = 0; i < queries.size(); i++) {
                    Set<String> approximate = top10(connection, queries.get(i));
                    Set<String> exactPassages = passages(exact.get(i));
                    Set<String> approximatePassages = passages(approximate);
                    approximate.retainAll(exact.get(i));
                    found += approximate.size();
                    approximatePassages.retainAll(exactPassages);
                    passages += (double) approximatePassages.size() / exactPassages.size();
                }
                recall.put(ef, found / (10.0 * queries.size()));
                byPassage.put(ef, passages / queries.size());
            }
        }
    }

    /** The passages of chunk ids given as "id passage" pairs: the original's source and ordinal. */
    private static Set<String> passages(Set<String> chunks) {
        Set<String> passages = new HashSet<>();
        chunks.forEach(chunk -> passages.add(chunk.substring(chunk.indexOf(' ') + 1)));
        return passages;
    }

    private static Set<String> top10(Connection connection, float[] query) throws SQLException {
        // each chunk as "id passage", the passage being its original's source and ordinal
        try (PreparedStatement statement = connection.prepareStatement("""
                select k.id || ' ' || split_part(d.source, '#', 1) || ':' || k.ordinal
                from (select id, document_id, ordinal from chunk
                      order by embedding <=> cast(? as vector) limit 10) k
                join document d on d.id = k.document_id""")) {
            statement.setString(1, vector(query));
            Set<String> ids = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private static HttpRequest search(String mode, String question) {
        return LoadGenerator.request("/api/search?k=10&mode=" + mode + "&q="
                + URLEncoder.encode(question, StandardCharsets.UTF_8)).GET().build();
    }

    private static Map<String, String> scaleSettings() {
        return Map.of();
    }

    /** Indexes PIAF into the benchmark database unless it holds exactly PIAF; returns the model of its vectors. */
    private static String ensurePiafTemplate(Piaf piaf) throws Exception {
        try (Connection connection = DriverManager.getConnection(ServiceProcess.DB_URL, ServiceProcess.DB_USER,
                ServiceProcess.DB_PASSWORD); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        select count(*) filter (where source like 'piaf/%'), count(*), min(embedding_model),
                               bool_and(exists (select 1 from chunk c where c.document_id = d.id))
                        from document d""")) {
            row.next();
            if (row.getLong(1) == piaf.paragraphs().size() && row.getLong(2) == piaf.paragraphs().size()
                    && row.getBoolean(4)) {
                return row.getString(3);
            }
        } catch (SQLException e) {
            // no schema yet: the service makes it
        }
        ServiceProcess.wipeDatabase();
        try (ServiceProcess service = ServiceProcess.start(Map.of(), "benchmark-scale-template")) {
            RetrievalBenchmark.indexPiaf(piaf);
            JsonNode health = Api.readiness();
            return RetrievalBenchmark.modelOf(health);
        }
    }

    static Connection scaleConnection() throws SQLException {
        return DriverManager.getConnection(SCALE_DB_URL, ServiceProcess.DB_USER, ServiceProcess.DB_PASSWORD);
    }

    static String vector(float[] v) {
        StringBuilder s = new StringBuilder(v.length * 11).append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(v[i]);
        }
        return s.append(']').toString();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The PIAF store read once, and its copies written with COPY. */
    static final class Replicas {

        record TemplateDocument(UUID id, String source, String title, String metadata, List<TemplateChunk> chunks) {
        }

        /** @param sentenceVectors the stored form: one float32 vector per sentence, one after the other */
        record TemplateChunk(String text, int tokens, int[] sentenceSpans, float[] vector, byte[] sentenceVectors) {
        }

        final List<TemplateDocument> documents;
        final List<TemplateChunk> chunks;
        final String model;

        private Replicas(List<TemplateDocument> documents, String model) {
            this.documents = documents;
            this.chunks = documents.stream().flatMap(d -> d.chunks().stream()).toList();
            this.model = model;
        }

        static Replicas read(String url, String model) throws SQLException {
            Map<UUID, TemplateDocument> documents = new LinkedHashMap<>();
            try (Connection connection = DriverManager.getConnection(url, ServiceProcess.DB_USER,
                    ServiceProcess.DB_PASSWORD); Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery(
                        "select id, source, title, metadata::text from document order by created_at, id")) {
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        documents.put(id, new TemplateDocument(id, rows.getString(2), rows.getString(3),
                                rows.getString(4), new ArrayList<>()));
                    }
                }
                try (ResultSet rows = statement.executeQuery("select document_id, text, token_count, "
                        + "sentence_spans, embedding::text, sentence_embeddings from chunk "
                        + "order by document_id, ordinal")) {
                    while (rows.next()) {
                        Array spans = rows.getArray(4);
                        int[] flat = spans == null ? new int[0]
                                : Arrays.stream((Integer[]) spans.getArray()).mapToInt(Integer::intValue).toArray();
                        documents.get(rows.getObject(1, UUID.class)).chunks().add(new TemplateChunk(
                                rows.getString(2), rows.getInt(3), flat, parseVector(rows.getString(5)),
                                rows.getBytes(6)));
                    }
                }
            }
            return new Replicas(new ArrayList<>(documents.values()), model);
        }

        /**
         * Adds copies to a store holding {@code stored} chunks until it holds at least {@code target}; copy 0 is the
         * template itself. Returns the new number of chunks.
         */
        long load(Connection connection, long stored, long target) throws Exception {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long count = stored;
            int perCopy = chunks.size();
            long copyNumber = stored / perCopy;
            int documentIndex = (int) indexOfDocumentAt(stored % perCopy);
            while (count < target) {
                StringBuilder documentRows = new StringBuilder();
                StringBuilder chunkRows = new StringBuilder();
                int added = 0;
                while (count + added < target && added < 10_000) {
                    TemplateDocument template = documents.get(documentIndex);
                    added += appendCopy(template, copyNumber, documentRows, chunkRows);
                    if (++documentIndex == documents.size()) {
                        documentIndex = 0;
                        copyNumber++;
                    }
                }
                copy.copyIn("copy document (id, source, title, content, content_sha256, language, metadata, "
                        + "embedding_model, created_at, updated_at) from stdin", new StringReader(
                        documentRows.toString()));
                copy.copyIn("copy chunk (id, document_id, ordinal, text, start_offset, end_offset, token_count, "
                        + "embedding, sentence_spans, sentence_embeddings) from stdin",
                        new StringReader(chunkRows.toString()));
                count += added;
                System.out.printf(Locale.ROOT, "loaded %,d chunks%n", count);
            }
            return count;
        }

        /** Index of the document whose chunks start at position {@code chunk} of a copy. */
        private long indexOfDocumentAt(long chunk) {
            long seen = 0;
            for (int d = 0; d < documents.size(); d++) {
                if (seen >= chunk) {
                    return d;
                }
                seen += documents.get(d).chunks().size();
            }
            return 0;
        }

        /** Appends copy {@code copyNumber} of a document as COPY text rows; returns its number of chunks. */
        private int appendCopy(TemplateDocument template, long copyNumber, StringBuilder documentRows,
                StringBuilder chunkRows) {
            Random random = new Random(copyNumber * 1_000_003L + template.source().hashCode());
            UUID documentId = new UUID(random.nextLong(), random.nextLong());
            StringBuilder content = new StringBuilder();
            List<String> texts = new ArrayList<>();
            List<int[]> spans = new ArrayList<>();
            List<byte[]> sentenceVectors = new ArrayList<>();
            for (TemplateChunk chunk : template.chunks()) {
                int[] flat = chunk.sentenceSpans();
                int count = flat.length / 2;
                List<Integer> order = new ArrayList<>();
                for (int k = 0; k < count; k++) {
                    order.add(k);
                }
                if (copyNumber == 0 || count < 2) {
                    texts.add(chunk.text());
                    spans.add(flat);
                    sentenceVectors.add(chunk.sentenceVectors());
                    continue;
                }
                Collections.shuffle(order, new Random(copyNumber));
                StringBuilder text = new StringBuilder();
                int[] newSpans = new int[flat.length];
                byte[] vectors = new byte[chunk.sentenceVectors().length];
                int width = vectors.length / count;
                for (int k = 0; k < count; k++) {
                    int from = order.get(k);
                    if (k > 0) {
                        text.append(' ');
                    }
                    newSpans[2 * k] = text.length();
                    text.append(chunk.text(), flat[2 * from], flat[2 * from + 1]);
                    newSpans[2 * k + 1] = text.length();
                    System.arraycopy(chunk.sentenceVectors(), from * width, vectors, k * width, width);
                }
                texts.add(text.toString());
                spans.add(newSpans);
                sentenceVectors.add(vectors);
            }
            int[] starts = new int[texts.size()];
            for (int c = 0; c < texts.size(); c++) {
                if (c > 0) {
                    content.append("\n\n");
                }
                starts[c] = content.length();
                content.append(texts.get(c));
            }
            String source = template.source() + (copyNumber == 0 ? "" : "#copy" + copyNumber);
            String now = "2026-01-01 00:00:00+00";
            documentRows.append(documentId).append('\t').append(escape(source)).append('\t')
                    .append(escape(template.title())).append('\t').append(escape(content.toString())).append('\t')
                    .append(String.format(Locale.ROOT, "%064x", copyNumber)).append("\tfr\t")
                    .append(escape(template.metadata())).append('\t').append(escape(model)).append('\t').append(now)
                    .append('\t').append(now).append('\n');
            for (int c = 0; c < texts.size(); c++) {
                TemplateChunk chunk = template.chunks().get(c);
                float[] vector = copyNumber == 0 ? chunk.vector() : perturbed(chunk.vector(), random);
                int[] s = spans.get(c);
                StringBuilder array = new StringBuilder("{");
                for (int k = 0; k < s.length; k++) {
                    array.append(k > 0 ? "," : "").append(s[k]);
                }
                chunkRows.append(new UUID(random.nextLong(), random.nextLong())).append('\t').append(documentId)
                        .append('\t').append(c).append('\t').append(escape(texts.get(c))).append('\t')
                        .append(starts[c]).append('\t').append(starts[c] + texts.get(c).length()).append('\t')
                        .append(chunk.tokens()).append('\t').append(vector(vector)).append('\t')
                        .append(array.append('}')).append("\t\\\\x").append(HexFormat.of().formatHex(
                                sentenceVectors.get(c))).append('\n');
            }
            return texts.size();
        }

        private static float[] perturbed(float[] vector, Random random) {
            float[] result = new float[vector.length];
            double norm = 0;
            for (int i = 0; i < vector.length; i++) {
                result[i] = (float) (vector[i] + NOISE * random.nextGaussian());
                norm += result[i] * result[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < vector.length; i++) {
                result[i] = (float) (result[i] / norm);
            }
            return result;
        }

        private static float[] parseVector(String text) {
            String[] parts = text.substring(1, text.length() - 1).split(",");
            float[] vector = new float[parts.length];
            for (int i = 0; i < parts.length; i++) {
                vector[i] = Float.parseFloat(parts[i]);
            }
            return vector;
        }

        /** COPY text format: backslash, tab, newline and carriage return escaped. */
        private static String escape(String value) {
            StringBuilder escaped = new StringBuilder(value.length() + 16);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> escaped.append("\\\\");
                    case '\t' -> escaped.append("\\t");
                    case '\n' -> escaped.append("\\n");
                    case '\r' -> escaped.append("\\r");
                    default -> escaped.append(c);
                }
            }
            return escaped.toString();
        }
    }
}
