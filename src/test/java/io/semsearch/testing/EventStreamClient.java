package io.semsearch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Posts JSON with {@code Accept: text/event-stream} and reads the Server-Sent Events that come back. */
public final class EventStreamClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One event; {@code nanos}: when it arrived, from the request's start. */
    public record Event(String name, JsonNode data, long nanos) {
    }

    /** What came back: the status, the content type, the events (or, when not a stream, the body). */
    public record Exchange(int status, String contentType, List<Event> events, String body) {

        public List<Event> named(String name) {
            return events.stream().filter(e -> e.name().equals(name)).toList();
        }

        public List<String> names() {
            return events.stream().map(Event::name).toList();
        }
    }

    private EventStreamClient() {
    }

    public static Exchange post(URI uri, Object body) {
        return post(uri, body, Map.of(), event -> false);
    }

    /** The same with extra request headers, e.g. {@code Authorization}. */
    public static Exchange post(URI uri, Object body, Map<String, String> headers) {
        return post(uri, body, headers, event -> false);
    }

    /** Reads events until the stream ends, or until {@code stop} accepts one: then the connection is closed. */
    public static Exchange post(URI uri, Object body, Predicate<Event> stop) {
        return post(uri, body, Map.of(), stop);
    }

    private static Exchange post(URI uri, Object body, Map<String, String> headers, Predicate<Event> stop) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream");
            headers.forEach(builder::header);
            HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            long started = System.nanoTime();
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = response.body()) {
                if (!type.startsWith("text/event-stream")) {
                    return new Exchange(response.statusCode(), type, List.of(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                return new Exchange(response.statusCode(), type, read(in, stop, started), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Event> read(InputStream in, Predicate<Event> stop, long started) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<Event> events = new ArrayList<>();
        String name = "message";
        StringBuilder data = new StringBuilder();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    Event event = new Event(name, JSON.readTree(data.toString()), System.nanoTime() - started);
                    events.add(event);
                    if (stop.test(event)) {
                        break;
                    }
                }
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).replaceFirst("^ ", ""));
            }
        }
        return events;
    }
}
