package io.semsearch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in for an OpenAI-compatible chat server (no model runs here): {@code POST /v1/chat/completions} answers
 * with the scripted {@link Reply} for each request, as one JSON completion or, when the request asks to stream, as
 * Server-Sent Events of chunks. It records the requests and whether each streamed reply was sent whole
 * ({@code GET /stats} tells the counts, for a test that cannot hold this object).
 */
public final class FakeOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What to answer.
     *
     * @param pieces the answer's text, in the pieces a stream sends (a completion sends them joined)
     * @param delayMillis wait before each piece (and before a completion)
     * @param status an HTTP status other than 200 answers with an OpenAI-style error body
     */
    public record Reply(List<String> pieces, long delayMillis, int status) {

        public static Reply text(String... pieces) {
            return new Reply(List.of(pieces), 0, 200);
        }

        public static Reply slow(long delayMillis, String... pieces) {
            return new Reply(List.of(pieces), delayMillis, 200);
        }

        public static Reply error(int status) {
            return new Reply(List.of(), 0, status);
        }
    }

    private final HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger streamsCompleted = new AtomicInteger();
    private final AtomicInteger streamsBroken = new AtomicInteger();
    private volatile Function<JsonNode, Reply> script = request -> Reply.text("Rien. [1]");

    public FakeOpenAiServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::answer);
        server.createContext("/stats", this::stats);
        server.start();
    }

    /** The base URL a client is configured with, ending in /v1. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Answers every following request with the script's reply for it. */
    public void script(Function<JsonNode, Reply> script) {
        this.script = script;
    }

    public void reply(Reply reply) {
        script(request -> reply);
    }

    public List<JsonNode> requests() {
        return requests;
    }

    /** Streams sent to their end. */
    public int streamsCompleted() {
        return streamsCompleted.get();
    }

    /** Streams whose client went away before their end. */
    public int streamsBroken() {
        return streamsBroken.get();
    }

    public void reset() {
        requests.clear();
        streamsCompleted.set(0);
        streamsBroken.set(0);
    }

    private void stats(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, 200, "application/json", JSON.writeValueAsString(JSON.createObjectNode()
                    .put("requests", requests.size()).put("streamsCompleted", streamsCompleted.get())
                    .put("streamsBroken", streamsBroken.get())));
        }
    }

    /** The question of a request: what follows "Question: " in its last message. */
    public static String question(JsonNode request) {
        JsonNode messages = request.path("messages");
        String last = messages.get(messages.size() - 1).path("content").asText();
        return last.substring(last.lastIndexOf("Question: ") + "Question: ".length());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            Reply reply = script.apply(request);
            if (reply.status() != 200) {
                send(exchange, reply.status(), "application/json",
                        "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}");
            } else if (request.path("stream").asBoolean(false)) {
                stream(exchange, reply);
            } else {
                pause(reply.delayMillis());
                ObjectNode message = JSON.createObjectNode().put("role", "assistant")
                        .put("content", String.join("", reply.pieces()));
                ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
                        .put("created", 0).put("model", request.path("model").asText());
                body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").set("message",
                        message);
                body.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
                send(exchange, 200, "application/json", JSON.writeValueAsString(body));
            }
        }
    }

    private void stream(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            for (String piece : reply.pieces()) {
                pause(reply.delayMillis());
                write(out, chunk(JSON.createObjectNode().put("content", piece), null));
            }
            write(out, chunk(JSON.createObjectNode(), "stop"));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            streamsCompleted.incrementAndGet();
        } catch (IOException e) {
            streamsBroken.incrementAndGet();
        }
    }

    private static String chunk(ObjectNode delta, String finishReason) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                .put("created", 0).put("model", "fake");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return JSON.writeValueAsString(body);
    }

    private static void write(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
