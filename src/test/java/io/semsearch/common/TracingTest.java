package io.semsearch.common;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.jboss.logging.MDC;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The span tree of one question, from the HTTP request down to the SQL statements, with readable attributes and
 * without the question's text; and the JSON console format, with the request id, when it is switched on.
 */
@QuarkusTest
@TestProfile(TracingProfile.class)
class TracingTest {

    private static final String QUESTION = "Combien Microsoft a-t-il investi dans OpenAI ?";

    @Inject
    InMemorySpanExporter spans;

    @Test
    void oneAskIsOneTreeOfSpans() throws Exception {
        spans.reset();
        String requestId = given().contentType(ContentType.JSON).body(Map.of("question", QUESTION))
                .when().post("/api/ask").then().statusCode(200).extract().header(RequestIds.HEADER);
        SpanData server = awaitSpan("POST /api/ask");
        List<SpanData> trace = awaitTrace(server.getTraceId(), "semsearch.ask");
        String tree = render(trace);
        Path rendered = Path.of("target", "trace-of-one-ask.txt");
        Files.writeString(rendered, tree);
        System.out.println(tree);

        SpanData ask = child(trace, server, "semsearch.ask");
        assertEquals(Boolean.TRUE, ask.getAttributes().get(AttributeKey.booleanKey("answered")), tree);
        assertEquals("extractive", ask.getAttributes().get(AttributeKey.stringKey("generator")), tree);
        SpanData search = child(trace, ask, "semsearch.search");
        assertEquals("hybrid", search.getAttributes().get(AttributeKey.stringKey("mode")), tree);
        assertEquals(8L, search.getAttributes().get(AttributeKey.longKey("k")), tree);
        assertTrue(search.getAttributes().get(AttributeKey.longKey("hits")) > 0, tree);
        SpanData embed = child(trace, search, "semsearch.embed");
        assertEquals("e5-small-v2", embed.getAttributes().get(AttributeKey.stringKey("model")), tree);
        SpanData dense = child(trace, search, "semsearch.dense");
        SpanData lexical = child(trace, search, "semsearch.lexical");
        child(trace, search, "semsearch.fusion");
        assertFalse(children(trace, dense).isEmpty(), "the dense retrieval's SQL is traced: " + tree);
        assertFalse(children(trace, lexical).isEmpty(), "the lexical retrieval's SQL (another thread): " + tree);
        SpanData gate = child(trace, ask, "semsearch.relevance-gate");
        assertEquals(Boolean.FALSE, gate.getAttributes().get(AttributeKey.booleanKey("abstained")), tree);
        child(trace, ask, "semsearch.answer");

        for (SpanData span : trace) {
            span.getAttributes().forEach((key, value) -> assertFalse(String.valueOf(value).contains("Microsoft"),
                    "the question's text is in " + span.getName() + "." + key + ": " + value));
        }
        assertNotNull(requestId);
    }

    @Test
    void queryStringsStayOutOfTraces() throws Exception {
        spans.reset();
        given().queryParam("q", "Microsoft OpenAI").when().get("/api/search").then().statusCode(200);
        SpanData server = awaitSpan("GET /api/search");
        List<SpanData> trace = awaitTrace(server.getTraceId(), "semsearch.search");
        assertEquals("redacted", server.getAttributes().get(AttributeKey.stringKey("url.query")), render(trace));
        for (SpanData span : trace) {
            span.getAttributes().forEach((key, value) -> assertFalse(String.valueOf(value).contains("Microsoft"),
                    "the query's text is in " + span.getName() + "." + key + ": " + value));
        }
    }

    @Test
    void consoleLogsAreJsonWithTheRequestIdWhenSwitchedOn() {
        Handler console = consoleHandler();
        Formatter formatter = console.getFormatter();
        assertTrue(formatter.getClass().getName().contains("Json"), formatter.getClass().getName());
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Indexed %d documents", ExtLogRecord.FormatStyle.PRINTF,
                TracingTest.class.getName());
        record.setParameters(new Object[] {3});
        MDC.put(RequestIds.MDC_KEY, "json-log-test");
        try {
            record.copyMdc();
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
        String line = formatter.format(record);
        assertTrue(line.startsWith("{") && line.contains("\"message\":\"Indexed 3 documents\""), line);
        assertTrue(line.contains("\"requestId\":\"json-log-test\""), line);
    }

    private static Handler consoleHandler() {
        List<Handler> found = new ArrayList<>();
        for (Handler handler : LogManager.getLogManager().getLogger("").getHandlers()) {
            collect(handler, found);
        }
        return found.stream().filter(h -> h.getClass().getSimpleName().contains("Console")).findFirst()
                .orElseThrow(() -> new AssertionError("no console handler among " + found));
    }

    private static void collect(Handler handler, List<Handler> found) {
        found.add(handler);
        if (handler instanceof org.jboss.logmanager.ExtHandler ext) {
            for (Handler nested : ext.getHandlers()) {
                collect(nested, found);
            }
        }
    }

    private SpanData awaitSpan(String name) throws InterruptedException {
        for (int i = 0; i < 250; i++) {
            for (SpanData span : spans.getFinishedSpanItems()) {
                if (span.getName().equals(name)) {
                    return span;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no span " + name + " among " + spans.getFinishedSpanItems().stream()
                .map(SpanData::getName).toList());
    }

    private List<SpanData> awaitTrace(String traceId, String name) throws InterruptedException {
        List<SpanData> trace = List.of();
        for (int i = 0; i < 250; i++) {
            trace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
            if (trace.stream().anyMatch(s -> s.getName().equals(name))) {
                return trace;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no span " + name + " in " + render(trace));
    }

    private static List<SpanData> children(List<SpanData> trace, SpanData parent) {
        return trace.stream().filter(s -> s.getParentSpanId().equals(parent.getSpanId()))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
    }

    private static SpanData child(List<SpanData> trace, SpanData parent, String name) {
        return children(trace, parent).stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " under " + parent.getName() + " in\n"
                        + render(trace)));
    }

    /** The trace as an indented tree: name, duration, attributes (SQL statements shortened). */
    static String render(List<SpanData> trace) {
        StringBuilder out = new StringBuilder();
        trace.stream().filter(s -> trace.stream().noneMatch(p -> p.getSpanId().equals(s.getParentSpanId())))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .forEach(root -> render(trace, root, 0, out));
        return out.toString();
    }

    private static void render(List<SpanData> trace, SpanData span, int depth, StringBuilder out) {
        String attributes = span.getAttributes().asMap().entrySet().stream()
                .map(e -> e.getKey().getKey() + "=" + shorten(String.valueOf(e.getValue())))
                .sorted().collect(Collectors.joining(" "));
        out.append("  ".repeat(depth)).append(span.getName()).append(String.format(java.util.Locale.ROOT,
                " %.1f ms", (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6))
                .append(attributes.isEmpty() ? "" : "  " + attributes).append('\n');
        children(trace, span).forEach(child -> render(trace, child, depth + 1, out));
    }

    private static String shorten(String value) {
        String flat = value.replaceAll("\\s+", " ");
        return flat.length() > 60 ? flat.substring(0, 57) + "..." : flat;
    }
}
