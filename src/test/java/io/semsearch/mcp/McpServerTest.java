package io.semsearch.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.semsearch.testing.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.semsearch.testing.TestKeys;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.semsearch.testing.TestKeys.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MCP server at /mcp through a real client of another project (the MCP Java SDK over Streamable HTTP): it
 * initializes, lists the three tools and calls each on the sample articles.
 */
@QuarkusTest
class McpServerTest {

    @TestHTTPResource("/")
    URI root;

    @Inject
    TestData data;

    private McpSyncClient client;

    @BeforeEach
    void connect() {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder(root.toString().replaceAll("/$", "")).endpoint("/mcp").build();
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .clientInfo(new McpSchema.Implementation("semsearch-test", "1.0")).build();
        McpSchema.InitializeResult init = client.initialize();
        assertEquals("french-semantic-search", init.serverInfo().name());
        assertNotNull(init.capabilities().tools());
        assertTrue(init.instructions().contains("get_document"), init.instructions());
    }

    @AfterEach
    void close() {
        client.closeGracefully();
        data.restore();
    }

    @Test
    void listsFiveDescribedToolsAllReadOnlyButFeedback() {
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertEquals(List.of("ask", "get_document", "give_feedback", "list_documents", "search"),
                tools.stream().map(McpSchema.Tool::name).sorted().toList());
        for (McpSchema.Tool tool : tools) {
            assertTrue(tool.description().length() > 100, tool.name() + ": " + tool.description());
            assertEquals(!tool.name().equals("give_feedback"), tool.annotations().readOnlyHint(), tool.name());
            assertNotNull(tool.outputSchema(), tool.name());
            Map<String, Object> properties = (Map<String, Object>) tool.inputSchema().get("properties");
            properties.forEach((name, schema) -> assertNotNull(((Map<String, Object>) schema).get("description"),
                    tool.name() + "." + name + " has a description"));
        }
        McpSchema.Tool search = tools.stream().filter(t -> t.name().equals("search")).findFirst().orElseThrow();
        assertEquals(List.of("query"), search.inputSchema().get("required"));
        assertEquals(List.of("query", "k", "mode", "filters"),
                List.copyOf(((Map<String, Object>) search.inputSchema().get("properties")).keySet()));
    }

    @Test
    void giveFeedbackRatesAnAnswerOfTheAskTool() {
        Map<String, Object> answer = structured(call("ask",
                Map.of("question", "Combien Microsoft a-t-il payé pour recruter l’équipe d’Inflection ?")));
        String answerId = (String) answer.get("answerId");
        assertNotNull(answerId, answer.toString());
        McpSchema.Tool tool = client.listTools().tools().stream().filter(t -> t.name().equals("give_feedback"))
                .findFirst().orElseThrow();
        assertEquals(List.of("answerId", "rating"), tool.inputSchema().get("required"));

        Map<String, Object> given = structured(call("give_feedback",
                Map.of("answerId", answerId, "rating", "down", "comment", "Le montant manque.")));
        assertEquals(Map.of("answerId", answerId, "rating", "down", "comment", "Le montant manque."), given);
        String line = TestKeys.asAdmin().when().get("/api/feedback/export").then().statusCode(200).extract()
                .asString().lines().filter(l -> l.contains(answerId)).findFirst().orElseThrow();
        assertTrue(line.contains("\"rating\":\"down\",\"comment\":\"Le montant manque.\""), line);

        McpSchema.CallToolResult unknown = client.callTool(new McpSchema.CallToolRequest("give_feedback",
                Map.of("answerId", UUID.randomUUID().toString(), "rating", "up")));
        assertTrue(unknown.isError());
        assertTrue(((McpSchema.TextContent) unknown.content().get(0)).text().contains("No answer with id"),
                unknown.toString());
        McpSchema.CallToolResult bad = client.callTool(new McpSchema.CallToolRequest("give_feedback",
                Map.of("answerId", "nope", "rating", "great")));
        assertTrue(bad.isError());
        assertEquals("rating: must be 'up' or 'down'", ((McpSchema.TextContent) bad.content().get(0)).text());
    }

    @Test
    void searchReturnsPassagesWithTheirOffsetsAndGetDocumentTheirContent() {
        McpSchema.CallToolResult result = call("search", Map.of("query", "Google demande à la FTC", "k", 3,
                "mode", "hybrid", "filters", Map.of("metadata", Map.of("corpus", "sample"))));
        List<Map<String, Object>> results = (List<Map<String, Object>>) structured(result).get("results");
        assertEquals(3, results.size());
        String json = ((McpSchema.TextContent) result.content().get(0)).text();
        assertTrue(json.startsWith("{\"query\":\"Google demande à la FTC\""), json);

        Map<String, Object> first = results.get(0);
        Map<String, Object> document = structured(call("get_document", Map.of("id", first.get("documentId"))));
        String content = (String) document.get("content");
        assertEquals(first.get("text"),
                content.substring((Integer) first.get("start"), (Integer) first.get("end")));
        assertEquals(first.get("source"), document.get("source"));
    }

    @Test
    void askAnswersWithCitationsAndAbstainsOffTopic() {
        Map<String, Object> answer = structured(call("ask",
                Map.of("question", "Combien Microsoft a-t-il payé pour recruter l’équipe d’Inflection ?")));
        assertEquals(true, answer.get("answered"));
        assertTrue(((String) answer.get("answer")).contains("650 millions"), (String) answer.get("answer"));
        List<Map<String, Object>> citations = (List<Map<String, Object>>) answer.get("citations");
        Map<String, Object> citation = citations.get(0);
        Map<String, Integer> highlight = (Map<String, Integer>) citation.get("highlight");
        String sentence = ((String) citation.get("text")).substring(highlight.get("start"), highlight.get("end"));
        assertTrue(((String) answer.get("answer")).contains(sentence + " [1]"));
        assertNotNull(citation.get("source"));
        assertEquals("extractive", answer.get("generator"));

        Map<String, Object> followUp = structured(call("ask", Map.of("question", "Et combien a-t-elle levé ?",
                "history", List.of(Map.of("role", "user",
                        "content", "Avec qui OpenAI a-t-elle signé un contrat de 10 milliards ?")))));
        assertTrue(((String) followUp.get("answer")).contains("6,6 milliards"), (String) followUp.get("answer"));

        Map<String, Object> offTopic = structured(call("ask",
                Map.of("question", "Quelle est la recette de la tarte aux pommes ?")));
        assertEquals(false, offTopic.get("answered"));
        assertTrue(((String) offTopic.get("reason")).contains("relevant"));
    }

    @Test
    void listDocumentsPagesThroughTheCorpusAndFindsASource() {
        Map<String, Object> first = structured(call("list_documents", Map.of("size", 2)));
        List<Map<String, Object>> items = (List<Map<String, Object>>) first.get("items");
        assertEquals(2, items.size());
        int total = (Integer) first.get("total");
        assertTrue(total >= 5, "the sample articles at least: " + total);
        Map<String, Object> second = structured(call("list_documents", Map.of("page", 1, "size", 2)));
        List<Object> secondIds = ((List<Map<String, Object>>) second.get("items")).stream()
                .map(item -> item.get("id")).toList();
        assertTrue(items.stream().map(item -> item.get("id")).noneMatch(secondIds::contains));

        String source = (String) items.get(1).get("source");
        Map<String, Object> bySource = structured(call("list_documents", Map.of("source", source)));
        assertEquals(1, bySource.get("total"));
        assertEquals(items.get(1).get("id"), ((List<Map<String, Object>>) bySource.get("items")).get(0).get("id"));
        assertToolError(call("list_documents", Map.of("size", 500, "page", -1)), "page: must be 0 or more");
    }

    @Test
    void invalidArgumentsAreToolErrorsNamingTheArgument() {
        assertToolError(call("search", Map.of("query", " ", "k", 80)), "k: must be");
        assertToolError(call("search", Map.of("query", "OpenAI", "mode", "fuzzy")), "mode: must be dense");
        assertToolError(call("ask", Map.of("question", "OpenAI ?",
                "history", List.of(Map.of("role", "bot", "content", "x")))), "history[0].role");
        assertToolError(call("get_document", Map.of("id", "not-an-id")), "not a document id");
        assertToolError(call("get_document", Map.of("id", "00000000-0000-0000-0000-000000000000")),
                "00000000-0000-0000-0000-000000000000");
    }

    @Test
    void filtersMatchMetadataWithItsJsonTypeAndRangesAsOverHttp() {
        String text = "Les phoques se reposent sur les bancs de sable de la baie à marée basse.";
        for (Map.Entry<String, Object> document : Map.<String, Object>of("mcp/number.txt", 2024,
                "mcp/string.txt", "2024").entrySet()) {
            asAdmin().contentType(ContentType.JSON).body(Map.of("source", document.getKey(), "text", text,
                            "metadata", Map.of("corpus", "mcp-filters", "year", document.getValue())))
                    .when().post("/api/documents").then().statusCode(201);
        }
        String question = "Où se reposent les phoques à marée basse ?";
        assertEquals(List.of("mcp/number.txt"), searched(question, Map.of("corpus", "mcp-filters", "year", 2024)));
        assertEquals(List.of("mcp/string.txt"), searched(question, Map.of("corpus", "mcp-filters", "year", "2024")));
        assertEquals(List.of("mcp/number.txt"), searched(question, Map.of("corpus", "mcp-filters",
                "year", Map.of("gte", 2020, "lt", 2025))));

        Map<String, Object> answer = structured(call("ask", Map.of("question", question, "k", 3, "filters",
                Map.of("metadata", Map.of("corpus", "mcp-filters", "year", "2024")))));
        assertEquals(true, answer.get("answered"), answer.toString());
        for (Map<String, Object> citation : (List<Map<String, Object>>) answer.get("citations")) {
            assertEquals("mcp/string.txt", citation.get("source"));
        }

        Map<String, Object> bad = Map.of("metadata", Map.of("year", Map.of("gte", "bientôt")));
        assertToolError(call("search", Map.of("query", question, "filters", bad)),
                "filters.metadata.year.gte: must be a number or an ISO date");
        assertToolError(call("ask", Map.of("question", question, "filters", bad)),
                "filters.metadata.year.gte: must be a number or an ISO date");
    }

    private List<Object> searched(String query, Map<String, Object> metadata) {
        Map<String, Object> found = structured(call("search", Map.of("query", query, "k", 10, "mode", "dense",
                "filters", Map.of("metadata", metadata))));
        return ((List<Map<String, Object>>) found.get("results")).stream().map(r -> r.get("source")).toList();
    }

    private McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    private static Map<String, Object> structured(McpSchema.CallToolResult result) {
        assertFalse(Boolean.TRUE.equals(result.isError()), String.valueOf(result.content()));
        return (Map<String, Object>) result.structuredContent();
    }

    private static void assertToolError(McpSchema.CallToolResult result, String mentions) {
        assertTrue(result.isError(), String.valueOf(result));
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        assertTrue(text.contains(mentions), text);
    }
}
