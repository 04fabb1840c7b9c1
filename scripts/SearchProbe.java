import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The /api/search latency probe of docs/benchmarks/containers.md: one client, sequential requests, the same questions
 * in the same order against any base URL (the service in its container or on the host JVM).
 *
 * <pre>java scripts/SearchProbe.java BASE_URL QUESTIONS_FILE [WARMUP=20] [QUERIES=200] [MODE=hybrid]</pre>
 *
 * QUESTIONS_FILE holds one question a line. Prints one line: {@code queries=N median_ms=… p90_ms=…
 * server_median_ms=…} (client-side wall time per request, and the service's own timings.totalMs). Sends
 * {@code Authorization: Bearer $SEMSEARCH_SECURITY_BOOTSTRAP_KEY} when that variable is set. Exits 1 on any
 * non-200 answer. Java 17, no dependencies.
 */
public class SearchProbe {

    private static final Pattern TOTAL_MS = Pattern.compile("\"totalMs\"\\s*:\\s*([0-9.]+)");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java SearchProbe.java BASE_URL QUESTIONS_FILE [WARMUP] [QUERIES] [MODE]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        List<String> questions = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
                .filter(q -> !q.isBlank()).toList();
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int queries = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        String mode = args.length > 4 ? args[4] : "hybrid";
        if (questions.size() < warmup + queries) {
            throw new IllegalArgumentException("need " + (warmup + queries) + " questions, the file has "
                    + questions.size());
        }
        String key = System.getenv("SEMSEARCH_SECURITY_BOOTSTRAP_KEY");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        List<Double> client_ms = new ArrayList<>();
        List<Double> server_ms = new ArrayList<>();
        for (int i = 0; i < warmup + queries; i++) {
            String url = base + "/api/search?k=5&mode=" + mode + "&q="
                    + URLEncoder.encode(questions.get(i), StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (key != null && !key.isEmpty()) {
                request.header("Authorization", "Bearer " + key);
            }
            long started = System.nanoTime();
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - started) / 1e6;
            if (response.statusCode() != 200) {
                System.err.println("probe: " + response.statusCode() + " for " + url + ": " + response.body());
                System.exit(1);
            }
            if (i >= warmup) {
                client_ms.add(ms);
                Matcher m = TOTAL_MS.matcher(response.body());
                if (m.find()) {
                    server_ms.add(Double.parseDouble(m.group(1)));
                }
            }
        }
        System.out.printf("queries=%d median_ms=%.1f p90_ms=%.1f server_median_ms=%.1f%n", client_ms.size(),
                percentile(client_ms, 50), percentile(client_ms, 90), percentile(server_ms, 50));
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
