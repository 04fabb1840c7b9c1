package io.semsearch.openapi;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.semsearch.client.ApiClient;
import io.semsearch.client.ApiException;
import io.semsearch.client.api.AskApi;
import io.semsearch.client.api.DocumentsApi;
import io.semsearch.client.api.SearchApi;
import io.semsearch.client.model.AskRequest;
import io.semsearch.client.model.AskResponse;
import io.semsearch.client.model.Citation;
import io.semsearch.client.model.DocumentDetail;
import io.semsearch.client.model.SearchFilters;
import io.semsearch.client.model.SearchResponse;
import io.semsearch.client.model.SearchResult;
import io.semsearch.client.model.Turn;
import io.semsearch.ingest.IndexRequest;
import io.semsearch.ingest.SampleCorpus;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java client that OpenAPI Generator makes from docs/openapi.json at build time (target/generated-test-sources),
 * calling the service: what a client builder gets from the published document.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URI root;

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(root.toString().replaceAll("/$", ""));
        return client;
    }

    @Test
    void asksThroughTheGeneratedClient() throws ApiException {
        AskResponse answer = new AskApi(client()).ask(new AskRequest()
                .question("Combien Microsoft a-t-il payé pour recruter l’équipe d’Inflection ?"));
        assertTrue(answer.getAnswered());
        assertEquals("extractive", answer.getGenerator());
        Citation first = answer.getCitations().get(0);
        String sentence = first.getText().substring(first.getHighlight().getStart(), first.getHighlight().getEnd());
        assertTrue(answer.getAnswer().contains(sentence + " [1]"), answer.getAnswer());
        assertTrue(answer.getAnswer().contains("650 millions"), answer.getAnswer());
        assertTrue(answer.getTimings().getTotalMs() > 0);

        AskResponse followUp = new AskApi(client()).ask(new AskRequest().question("Et combien a-t-elle levé ?")
                .history(List.of(new Turn().role("user")
                        .content("Avec qui OpenAI a-t-elle signé un contrat de 10 milliards ?")))
                .filters(new SearchFilters().metadata(Map.of("corpus", "sample"))));
        assertTrue(followUp.getAnswer().contains("6,6 milliards"), followUp.getAnswer());
    }

    @Test
    void searchesAndReadsDocumentsThroughTheGeneratedClient() throws ApiException {
        List<String> samples = SampleCorpus.requests().stream().map(IndexRequest::source).toList();
        SearchResponse found = new SearchApi(client()).search("Google demande à la FTC", null, null, 3, null,
                "hybrid", null, samples);
        assertEquals(3, found.getResults().size());
        SearchResult best = found.getResults().get(0);
        DocumentDetail document = new DocumentsApi(client()).getDocument(best.getDocumentId().toString());
        assertEquals(best.getText(), document.getContent().substring(best.getStart(), best.getEnd()));
    }

    @Test
    void problemsAreApiExceptionsWithTheirDocument() {
        ApiException invalid = assertThrows(ApiException.class,
                () -> new AskApi(client()).ask(new AskRequest().question("  ")));
        assertEquals(400, invalid.getCode());
        assertTrue(invalid.getResponseBody().contains("\"detail\":\"question: must be given and not blank\""),
                invalid.getResponseBody());
        ApiException missing = assertThrows(ApiException.class,
                () -> new DocumentsApi(client()).getDocument("00000000-0000-0000-0000-000000000000"));
        assertEquals(404, missing.getCode());
        assertFalse(missing.getResponseBody().isBlank());
    }
}
