package io.semsearch.bench;

import io.semsearch.answer.SampleQuestions;
import io.semsearch.testing.EventStreamClient.Event;
import io.semsearch.testing.EventStreamClient.Exchange;
import io.semsearch.testing.EventStreamClient;
import io.semsearch.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How soon a streamed answer shows: time to the {@code citations} event, to the first {@code answer} event and to
 * {@code done}, against the JSON endpoint's whole response, on the sample articles (the team's questions about them,
 * src/test/resources/eval/sample-questions.json), one client at a time, over HTTP to the packaged service, the
 * extractive answer (LLM off). With {@code -Dbenchmark.before=<folder of a built checkout>} (scripts/benchmark.sh
 * streaming --before REV) that build is measured in the same run, in sessions that alternate with this checkout's
 * (before, after, after, before, …), each on a schema of its own migrations. Writes docs/benchmarks/streaming.md.
 */
class StreamingBenchmark {

    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 5);
    /** Sessions (service starts) per build when two builds are compared; one otherwise. */
    private static final int SESSIONS = Integer.getInteger("benchmark.streaming.sessions", 2);

    private static final Map<String, String> KEY = Map.of("Authorization", "Bearer " + ServiceProcess.KEY);

    /** The timings of one kind of question, in milliseconds from the request's start. */
    private static final class Timings {
        final List<Double> citations = new ArrayList<>();
        final List<Double> firstAnswer = new ArrayList<>();
        final List<Double> done = new ArrayList<>();
        final List<Double> json = new ArrayList<>();
    }

    /** What one build measured over its sessions. */
    private static final class Measured {
        final Timings answered = new Timings();
        final Timings abstained = new Timings();
        String model = "";
    }

    @Test
    void timeToFirstEventAndToDone() throws Exception {
        SampleQuestions sample = SampleQuestions.load();
        List<String> questions = new ArrayList<>();
        sample.factual().forEach(f -> questions.add(f.question()));
        questions.addAll(sample.offTopic());
        ServiceBuild before = ServiceBuild.before();
        List<ServiceBuild> builds = before == null ? List.of(ServiceBuild.current("this build"))
                : List.of(before, ServiceBuild.current("after"));
        Map<ServiceBuild, Measured> measured = new LinkedHashMap<>();
        builds.forEach(build -> measured.put(build, new Measured()));
        String loadBefore = Report.loadAverage();
        int sessions = before == null ? 1 : SESSIONS;
        for (int session = 0; session < sessions; session++) {
            List<ServiceBuild> order = new ArrayList<>(builds);
            if (session % 2 == 1) {
                Collections.reverse(order);
            }
            for (ServiceBuild build : order) {
                if (before != null) {
                    build.migrateFreshSchema();
                }
                session(build, questions, measured.get(build));
            }
        }
        if (before != null) {
            ServiceProcess.resetSchema(); // leaves no schema of the other build for the benchmark that runs next
        }
        write(sample, questions.size(), sessions, measured, loadBefore);
    }

    /** One start of a build on the sample articles: a warm-up round, then the timed rounds. */
    private static void session(ServiceBuild build, List<String> questions, Measured into) throws Exception {
        try (ServiceProcess service = build.startOnEmptyDatabase(Map.of("SEMSEARCH_INGEST_SAMPLE_CORPUS", "true"),
                "streaming-benchmark")) {
            ServiceMeasures.awaitSampleSearchable(build.label());
            URI ask = URI.create(ServiceProcess.baseUrl() + "/api/ask");
            for (String question : questions) { // warm-up: JIT, connection pools, caches
                EventStreamClient.post(ask, Map.of("question", question), KEY);
                Api.post("/api/ask", Map.of("question", question));
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (String question : questions) {
                    time(ask, question, into);
                }
            }
        }
    }

    private static void time(URI ask, String question, Measured into) throws Exception {
        Exchange stream = EventStreamClient.post(ask, Map.of("question", question), KEY);
        assertTrue(!stream.events().isEmpty() && stream.names().get(0).equals("citations")
                && stream.names().get(stream.names().size() - 1).equals("done"),
                () -> stream.status() + " " + stream.names() + (stream.body() == null ? "" : " " + stream.body()));
        Event done = stream.named("done").get(0);
        into.model = done.data().path("model").asText();
        Timings timings = done.data().path("answered").asBoolean() ? into.answered : into.abstained;
        timings.citations.add(millis(stream.named("citations").get(0)));
        timings.done.add(millis(done));
        List<Event> answers = stream.named("answer");
        if (!answers.isEmpty()) {
            timings.firstAnswer.add(millis(answers.get(0)));
        }
        long started = System.nanoTime();
        Api.post("/api/ask", Map.of("question", question));
        timings.json.add((System.nanoTime() - started) / 1e6);
    }

    private static void write(SampleQuestions sample, int questions, int sessions, Map<ServiceBuild, Measured> measured,
            String loadBefore) throws Exception {
        List<ServiceBuild> builds = new ArrayList<>(measured.keySet());
        List<Measured> all = new ArrayList<>(measured.values());
        Report report = new Report("Streaming answers: time to first event and to done");
        report.line("Generated by `scripts/benchmark.sh streaming` (StreamingBenchmark). " + questions
                + " questions about the five sample articles (" + sample.factual().size() + " factual, "
                + sample.offTopic().size() + " off-topic, which abstain), " + ROUNDS + " rounds after one "
                + "warm-up round, one client, the packaged service over HTTP on this machine, extractive answers "
                + "(LLM off). Each question is sent once as `Accept: text/event-stream`, then once as JSON.");
        if (builds.size() > 1) {
            report.line("Two builds in this run: " + builds.get(0).label() + " (`" + builds.get(0).home()
                    .getFileName() + "`) and this checkout (after), " + sessions + " sessions each (a start on the "
                    + "sample articles, warm-up, the rounds), alternating: before, after, after, before, …");
        }
        report.line("");
        report.environment(all.get(all.size() - 1).model + (all.get(0).model.equals(all.get(all.size() - 1).model)
                ? "" : " (before: " + all.get(0).model + ")"));
        List<String> header = header(builds);
        report.line("Answered questions:");
        report.line("");
        report.table(header, List.of(
                row("time to `citations` (retrieval done)", all, m -> m.answered.citations),
                row("time to the first `answer` event", all, m -> m.answered.firstAnswer),
                row("time to `done`", all, m -> m.answered.done),
                row("JSON response, whole", all, m -> m.answered.json)));
        report.line("Abstentions (no `answer` event):");
        report.line("");
        report.table(header, List.of(
                row("time to `citations`", all, m -> m.abstained.citations),
                row("time to `done`", all, m -> m.abstained.done),
                row("JSON response, whole", all, m -> m.abstained.json)));
        report.line("Load average (1, 5, 15 min) before: " + loadBefore + "; after: " + Report.loadAverage() + ". "
                + "Timings taken while other work ran on the machine are higher than on an idle one; the "
                + "ratios between the rows come from the same run.");
        report.line("");
        for (int i = 0; i < builds.size(); i++) {
            report.line(ratios(builds.size() > 1 ? builds.get(i).label() : "", all.get(i).answered));
            report.line("");
        }
        report.write("streaming.md");
    }

    private static String ratios(String build, Timings answered) {
        return String.format(Locale.ROOT, "Answered questions%s, p50 ratios from this run: `citations` / `done` %.2f "
                + "(the passages show after that share of the wait); `done` / JSON response %.2f (what streaming "
                + "costs or saves over one JSON response).", build.isEmpty() ? "" : " (" + build + ")",
                p50(answered.citations) / p50(answered.done), p50(answered.done) / p50(answered.json));
    }

    /** One build: requests, p50, p90; two: requests of each, both p50s and their ratio, both p90s. */
    private static List<String> header(List<ServiceBuild> builds) {
        if (builds.size() == 1) {
            return List.of("measure", "requests", "p50 ms", "p90 ms");
        }
        return List.of("measure", "requests (before / after)", "p50 ms before", "p50 ms after", "p50 after / before",
                "p90 ms before", "p90 ms after");
    }

    private static List<String> row(String name, List<Measured> builds, Function<Measured, List<Double>> values) {
        List<double[]> arrays = builds.stream()
                .map(m -> values.apply(m).stream().mapToDouble(Double::doubleValue).toArray()).toList();
        List<String> row = new ArrayList<>(List.of(name, String.join(" / ", arrays.stream()
                .map(a -> Integer.toString(a.length)).toList())));
        arrays.forEach(a -> row.add(Report.num(Report.percentile(a, 50), 1)));
        if (arrays.size() == 2) {
            row.add(ServiceMeasures.ratio(Report.percentile(arrays.get(1), 50), Report.percentile(arrays.get(0), 50)));
        }
        arrays.forEach(a -> row.add(Report.num(Report.percentile(a, 90), 1)));
        return row;
    }

    private static double millis(Event event) {
        return event.nanos() / 1e6;
    }

    private static double p50(List<Double> values) {
        return Report.percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 50);
    }
}
