package io.semsearch.bench;

import io.semsearch.testing.ServiceProcess;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Closed-loop HTTP load: {@code clients} threads, each sending its next request as soon as the previous one is
 * answered, for a fixed duration after a warm-up. Requests are built from a rotating index (one per question).
 */
public final class LoadGenerator {

    public record Result(int clients, double seconds, int requests, int errors, double[] latenciesMs) {

        public double throughput() {
            return requests / seconds;
        }

        public double percentile(double p) {
            return Report.percentile(latenciesMs, p);
        }
    }

    private LoadGenerator() {
    }

    public static Result run(int clients, Duration warmUp, Duration duration, IntFunction<HttpRequest> requests)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        long warmUpEnd = System.nanoTime() + warmUp.toNanos();
        long end = warmUpEnd + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<double[]>>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    List<double[]> samples = new ArrayList<>();
                    while (true) {
                        long started = System.nanoTime();
                        if (started >= end) {
                            return samples;
                        }
                        boolean ok;
                        try {
                            HttpResponse<Void> response = client.send(requests.apply(next.getAndIncrement()),
                                    HttpResponse.BodyHandlers.discarding());
                            ok = response.statusCode() == 200;
                        } catch (java.io.IOException e) {
                            ok = false;
                        }
                        long finished = System.nanoTime();
                        if (started >= warmUpEnd && finished <= end) {
                            samples.add(new double[] {(finished - started) / 1e6, ok ? 0 : 1});
                        }
                    }
                }));
            }
            List<double[]> all = new ArrayList<>();
            for (Future<List<double[]>> future : futures) {
                all.addAll(future.get());
            }
            double[] latencies = all.stream().mapToDouble(s -> s[0]).toArray();
            int errors = (int) all.stream().filter(s -> s[1] > 0).count();
            return new Result(clients, duration.toNanos() / 1e9, all.size(), errors, latencies);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A GET /api/search of the question for 10 results, in a mode of the API's (hybrid, dense, lexical). */
    public static HttpRequest searchRequest(String mode, String question) {
        return request("/api/search?k=10&mode=" + mode + "&q=" + URLEncoder.encode(question, StandardCharsets.UTF_8))
                .GET().build();
    }

    /** A POST /api/ask of the question, with no other setting. */
    public static HttpRequest askRequest(String question) {
        try {
            return request("/api/ask").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(
                            Map.of("question", question)))).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(ServiceProcess.baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + ServiceProcess.KEY)
                .timeout(Duration.ofSeconds(60));
    }
}
