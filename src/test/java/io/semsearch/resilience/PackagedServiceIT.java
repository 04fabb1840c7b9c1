package io.semsearch.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import io.semsearch.extraction.BadFiles;
import io.semsearch.extraction.ExtractionCorpus;
import io.semsearch.extraction.OfficePackages;
import io.semsearch.testing.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged artifact end to end, as it is shipped: the JVM build, or the native executable when
 * {@code native.image.path} names one (ServiceProcess). What a native build can lose while the JVM keeps it —
 * reflection, resources, service loaders, JNI of ONNX Runtime and the tokenizers, Tika/PDFBox/POI, OpenNLP models,
 * the MCP server — is exercised here through the API: ask with citations (JSON and Server-Sent Events), an upload of
 * each format and of each bad file, keys and roles with the production defaults, the MCP tools, OpenAPI and metrics.
 * On a throw-away PostgreSQL cluster (port 5441-5444).
 */
class PackagedServiceIT {

    private static final String ADMIN = "packaged-test-admin-key-" + UUID.randomUUID();
    private static final String QUESTION = "Combien Microsoft a-t-il payé pour recruter l’équipe d’Inflection ?";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static PackagedService packaged;
    private static ServiceProcess service;
    private static Client admin;

    @BeforeAll
    static void start() throws Exception {
        packaged = PackagedService.start(ADMIN, Map.of(), "packaged-it");
        service = packaged.service();
        admin = packaged.admin();
        System.out.printf("packaged service (%s) ready in %.2f s%n", ServiceProcess.isNative() ? "native" : "JVM",
                service.startupSeconds());
    }

    @AfterAll
    static void stop() throws Exception {
        if (packaged != null) {
            packaged.close();
        }
    }

    @Test
    void askAnswersWithCitedPassagesOfTheSampleArticles() throws Exception {
        Client.Reply reply = admin.post("/api/ask", Map.of("question", QUESTION));
        assertEquals(200, reply.status(), reply.body());
        JsonNode answer = reply.json();
        assertTrue(answer.path("answered").asBoolean(), reply.body());
        assertEquals("extractive", answer.path("generator").asText());
        JsonNode citations = answer.path("citations");
        assertTrue(citations.size() > 0, reply.body());
        for (JsonNode citation : citations) {
            // a sample article (src/main/resources/sample-articles/, indexed at start)
            assertTrue(citation.path("source").asText().matches("\\d{3}_[0-9a-f]{16}\\.txt"), citation.toString());
            assertTrue(answer.path("answer").asText().contains("[" + citation.path("n").asInt() + "]"),
                    reply.body());
        }
        assertTrue(answer.path("answer").asText().contains("650"), "the amount paid: " + reply.body());

        Client.Reply offTopic = admin.post("/api/ask", Map.of("question", "Quelle est la recette de la tarte aux pommes ?"));
        assertEquals(200, offTopic.status());
        assertFalse(offTopic.json().path("answered").asBoolean(), offTopic.body());
    }

    @Test
    void askStreamsCitationsThenTheAnswerThenDone() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + "/api/ask"))
                .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(Client.JSON.writeValueAsString(
                        Map.of("question", QUESTION)))).build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<Map.Entry<String, JsonNode>> events = events(response.body());
        List<String> names = events.stream().map(Map.Entry::getKey).toList();
        assertEquals("citations", names.get(0), names.toString());
        assertEquals("done", names.get(names.size() - 1), names.toString());
        assertTrue(names.contains("answer"), names.toString());
        JsonNode done = events.get(events.size() - 1).getValue();
        assertTrue(done.path("answered").asBoolean(), done.toString());
        assertEquals(names.size() - 2, done.path("citations").size(), "one answer event per cited sentence");
    }

    @Test
    void eachFormatIsExtractedIndexedAndFound() throws Exception {
        String sentence = "Les loutres du marais poitevin chassent les écrevisses à la tombée de la nuit.";
        String other = "Une association de Coulon compte les catiches chaque printemps depuis 2011.";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("loutres.txt", (sentence + "\n\n" + other).getBytes(StandardCharsets.UTF_8));
        files.put("loutres.md", ("# Les loutres\n\n" + sentence + "\n\n" + other).getBytes(StandardCharsets.UTF_8));
        files.put("loutres.html", ("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Les loutres"
                + "</title></head><body><nav><a href=\"/\">Accueil</a></nav><main><article><h1>Les loutres</h1><p>"
                + sentence + "</p><p>" + other + "</p></article></main></body></html>")
                .getBytes(StandardCharsets.UTF_8));
        files.put("loutres.pdf", BadFiles.pdf("Les loutres", sentence, other));
        files.put("loutres.docx", docx(sentence, other));
        files.put("loutres.odt", odt(sentence, other));
        String prefix = "formats/" + UUID.randomUUID() + "/";
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String source = prefix + file.getKey();
            Client.Reply reply = upload(source, file.getKey(), file.getValue());
            assertEquals(201, reply.status(), file.getKey() + ": " + reply.body());
            JsonNode stored = admin.get("/api/documents/" + reply.json().path("id").asText()).json();
            String content = stored.path("content").asText().replaceAll("\\s+", " ");
            assertTrue(content.contains(sentence) && content.contains(other), file.getKey() + ": " + content);
            String extension = file.getKey().substring(file.getKey().indexOf('.') + 1);
            assertEquals(extension.equals("md") ? "markdown" : extension.equals("txt") ? "text" : extension,
                    stored.path("metadata").path("format").asText(), file.getKey());
            assertEquals("fr", stored.path("language").asText(), file.getKey());
        }
        JsonNode found = admin.get("/api/search?k=10&q=" + encode("où chassent les loutres du marais ?")).json();
        List<String> sources = found.path("results").findValuesAsText("source");
        for (String name : files.keySet()) {
            assertTrue(sources.contains(prefix + name), name + " not found: " + sources);
        }

        // the same formats as LibreOffice writes them (scripts/setup-extraction-fixtures.sh)
        ExtractionCorpus.Page page = ExtractionCorpus.debianPages().get(0);
        for (String extension : List.of("pdf", "docx", "odt")) {
            Path file = page.office(extension).orElse(null);
            ExtractionCorpus.requireFixtures(file != null, extension + " of " + page.id() + " missing");
            Client.Reply reply = upload(prefix + page.id() + "." + extension, file.getFileName().toString(),
                    Files.readAllBytes(file));
            assertEquals(201, reply.status(), extension + ": " + reply.body());
            String content = admin.get("/api/documents/" + reply.json().path("id").asText()).json()
                    .path("content").asText();
            assertTrue(content.length() > 200, extension + ": " + content);
        }
    }

    @Test
    void everyBadFileGetsItsProblemAndNothingIsStored() throws Exception {
        for (BadFiles.Case bad : BadFiles.all(20L * 1024 * 1024)) {
            String source = "bad/" + UUID.randomUUID() + "/" + bad.fileName();
            Client.Reply reply = upload(source, bad.fileName(), bad.content());
            int expected = bad.name().startsWith("oversize") ? 413 : bad.name().startsWith("GIF")
                    || bad.name().startsWith("ZIP") ? 415 : 422;
            assertEquals(expected, reply.status(), bad.name() + ": " + reply.body());
            assertEquals("application/problem+json", reply.header("Content-Type"), bad.name());
            assertFalse(reply.json().path("detail").asText().isBlank(), bad.name());
            assertEquals(0, admin.get("/api/search?q=document&sources=" + encode(source)).json()
                    .path("results").size(), bad.name());
        }
    }

    @Test
    void keysAndRolesWithTheProductionDefaults() throws Exception {
        Client anonymous = new Client(service.url(), null);
        Client.Reply refused = anonymous.get("/api/search?q=OpenAI");
        assertEquals(401, refused.status(), "reads need a key by default: " + refused.body());
        assertEquals("application/problem+json", refused.header("Content-Type"));
        assertEquals(200, new Client(service.managementUrl(), null).get("/q/health/ready").status());

        Client.Reply created = admin.post("/api/keys", Map.of("name", "lecteur", "role", "reader"));
        assertEquals(201, created.status(), created.body());
        String secret = created.json().path("key").asText();
        assertTrue(secret.matches("ssk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}"), secret);
        String secondSecret = admin.post("/api/keys", Map.of("name", "lecteur 2", "role", "reader")).json()
                .path("key").asText();
        assertFalse(secret.equals(secondSecret), "each key is random");

        Client reader = new Client(service.url(), secret);
        assertEquals(200, reader.get("/api/search?q=OpenAI").status());
        assertEquals(403, reader.post("/api/documents", Map.of("source", "lecteur.txt", "text", "Refusé.")).status());
        assertEquals(403, reader.get("/api/keys").status());
        assertEquals(401, new Client(service.url(), "ssk_0123456789ab_" + "x".repeat(43))
                .get("/api/search?q=OpenAI").status());

        Client.Reply writerKey = admin.post("/api/keys", Map.of("name", "rédacteur", "role", "writer"));
        Client writer = new Client(service.url(), writerKey.json().path("key").asText());
        Client.Reply written = writer.post("/api/documents", Map.of("source", "keys/" + UUID.randomUUID() + ".txt",
                "text", "Un rédacteur peut indexer un texte."));
        assertEquals(201, written.status(), written.body());

        assertEquals(204, admin.delete("/api/keys/" + created.json().path("id").asText()).status());
        assertEquals(401, reader.get("/api/search?q=OpenAI").status(), "a revoked key is refused");
    }

    @Test
    void theMcpServerListsAndCallsItsTools() throws Exception {
        Map<String, Object> initialize = Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize", "params",
                Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                        "clientInfo", Map.of("name", "packaged-it", "version", "1")));
        HttpResponse<String> init = mcp(initialize, null);
        assertEquals(200, init.statusCode(), init.body());
        String session = init.headers().firstValue("Mcp-Session-Id").orElse(null);
        assertEquals("french-semantic-search", rpcResult(init).path("result").path("serverInfo").path("name")
                .asText(), init.body());
        mcp(Map.of("jsonrpc", "2.0", "method", "notifications/initialized"), session);

        HttpResponse<String> tools = mcp(Map.of("jsonrpc", "2.0", "id", 2, "method", "tools/list"), session);
        List<String> names = rpcResult(tools).path("result").path("tools").findValuesAsText("name");
        assertTrue(names.containsAll(List.of("ask", "search", "get_document", "list_documents")), names.toString());

        HttpResponse<String> called = mcp(Map.of("jsonrpc", "2.0", "id", 3, "method", "tools/call", "params",
                Map.of("name", "ask", "arguments", Map.of("question", QUESTION))), session);
        JsonNode result = rpcResult(called).path("result");
        assertFalse(result.path("isError").asBoolean(), called.body());
        assertTrue(result.toString().contains("650 millions de dollars"), called.body());
    }

    @Test
    void openApiAndMetricsAreServed() throws Exception {
        Client.Reply openapi = admin.get("/q/openapi?format=json");
        assertEquals(200, openapi.status());
        assertEquals("French semantic search", openapi.json().path("info").path("title").asText());
        Client.Reply metrics = new Client(service.managementUrl(), null).get("/q/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("semsearch_embedding"), "the service's own timers");
    }

    private static Client.Reply upload(String source, String fileName, byte[] content) throws Exception {
        String boundary = "semsearch" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\n" + source
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + "/api/documents/files"))
                .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Client.Reply(response.statusCode(), response.body(), response);
    }

    private static HttpResponse<String> mcp(Map<String, Object> message, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url() + "/mcp"))
                .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(Client.JSON.writeValueAsString(message)));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON-RPC message of a reply, sent as JSON or as the data of a Server-Sent Event. */
    private static JsonNode rpcResult(HttpResponse<String> response) throws IOException {
        String body = response.body();
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            StringBuilder data = new StringBuilder();
            for (String line : body.split("\n")) {
                if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
            body = data.toString();
        }
        return Client.JSON.readTree(body);
    }

    private static List<Map.Entry<String, JsonNode>> events(InputStream in) throws IOException {
        List<Map.Entry<String, JsonNode>> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(Map.entry(name, Client.JSON.readTree(data.toString())));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        }
        return events;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A DOCX of one paragraph per text. */
    static byte[] docx(String... paragraphs) throws IOException {
        StringBuilder body = new StringBuilder();
        for (String paragraph : paragraphs) {
            body.append("<w:p><w:r><w:t>").append(paragraph).append("</w:t></w:r></w:p>");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            OfficePackages.writeDocxPackageParts(zip);
            entry(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\""
                    + "http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body
                    + "</w:body></w:document>");
        }
        return bytes.toByteArray();
    }

    /** An ODT of one paragraph per text. */
    static byte[] odt(String... paragraphs) throws IOException {
        StringBuilder body = new StringBuilder();
        for (String paragraph : paragraphs) {
            body.append("<text:p>").append(paragraph).append("</text:p>");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            OfficePackages.writeOdtMimetype(zip);
            entry(zip, "META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest "
                    + "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry "
                    + "manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                    + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                    + "</manifest:manifest>");
            entry(zip, "content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
                    + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\""
                    + "urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>" + body
                    + "</office:text></office:body></office:document-content>");
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
