package io.semsearch.openapi;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.semsearch.client.ApiClient;
import io.semsearch.client.ApiException;
import io.semsearch.client.api.AskApi;
import io.semsearch.client.api.DocumentsApi;
import io.semsearch.client.api.KeysApi;
import io.semsearch.client.api.SearchApi;
import io.semsearch.client.model.AskRequest;
import io.semsearch.client.model.AskResponse;
import io.semsearch.client.model.Citation;
import io.semsearch.client.model.DocumentDetail;
import io.semsearch.client.model.FileIndexResponse;
import io.semsearch.client.model.IndexStatus;
import io.semsearch.client.model.SearchFilters;
import io.semsearch.client.model.SearchResponse;
import io.semsearch.client.model.SearchResult;
import io.semsearch.client.model.Turn;
import io.semsearch.ingest.IndexRequest;
import io.semsearch.ingest.SampleCorpus;
import io.semsearch.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java client of client/ (the jar that OpenAPI Generator makes from docs/openapi.json, a test dependency)
 * calling the service: what a user of that jar or of the published document gets.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URI root;

    private String base() {
        return root.toString().replaceAll("/$", "");
    }

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base());
        return client;
    }

    @Test
    void asksThroughTheGeneratedClient() throws ApiException {
        AskResponse answer = new AskApi(client()).ask(new AskRequest()
                .question("Combien Microsoft a-t-il payé pour recruter l’équipe d’Inflection ?"));
        assertTrue(answer.getAnswered());
        assertEquals(AskResponse.GeneratorEnum.EXTRACTIVE, answer.getGenerator());
        Citation first = answer.getCitations().get(0);
        String sentence = first.getText().substring(first.getHighlight().getStart(), first.getHighlight().getEnd());
        assertTrue(answer.getAnswer().contains(sentence + " [1]"), answer.getAnswer());
        assertTrue(answer.getAnswer().contains("650 millions"), answer.getAnswer());
        assertTrue(answer.getTimings().getTotalMs() > 0);

        AskResponse followUp = new AskApi(client()).ask(new AskRequest().question("Et combien a-t-elle levé ?")
                .history(List.of(new Turn().role(Turn.RoleEnum.USER)
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
    void theReadmeExampleUploadsAFileThenAsksAboutItWithAFilter(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("mediatheque-valmont.md"), """
                # Rapport d’activité 2024 de la médiathèque de Valmont

                La médiathèque de Valmont a prêté 48 300 documents en 2024, contre 41 000 en 2023. \
                Elle a accueilli 512 classes des écoles de la ville pour des ateliers de lecture.

                Ses horaires d’ouverture ont été étendus au dimanche matin à partir du mois de mars.
                """);
        String corpus = "client-example-" + UUID.randomUUID();
        ApiClient client = ClientExample.connect(base(), TestKeys.ADMIN);

        FileIndexResponse indexed = ClientExample.upload(client, file.toFile(), corpus);
        try {
            assertEquals(IndexStatus.CREATED, indexed.getStatus());
            assertEquals("reports/mediatheque-valmont.md", indexed.getSource());
            assertTrue(indexed.getChunks() >= 1, indexed.toString());
            assertEquals(IndexStatus.UNCHANGED, ClientExample.upload(client, file.toFile(), corpus).getStatus());

            AskResponse answer = ClientExample.ask(client,
                    "Combien de documents la médiathèque de Valmont a-t-elle prêtés en 2024 ?", corpus);
            assertTrue(answer.getAnswered(), answer.toString());
            assertTrue(answer.getAnswer().contains("48 300"), answer.getAnswer());
            assertFalse(answer.getCitations().isEmpty());
            assertTrue(answer.getCitations().stream().allMatch(c -> c.getDocumentId().equals(indexed.getId())),
                    answer.getCitations().toString());
        } finally {
            new DocumentsApi(client).deleteDocument(indexed.getId().toString());
        }
        ApiException deleted = assertThrows(ApiException.class,
                () -> new DocumentsApi(client).getDocument(indexed.getId().toString()));
        assertEquals(404, deleted.getCode());
    }

    @Test
    void deletesAndRevocationsAnswerAClientThatAcceptsOnlyProblems() {
        // the generated client sends Accept: application/problem+json on these (no body on success): a 404, not a 406
        ApiClient admin = ClientExample.connect(base(), TestKeys.ADMIN);
        String unknown = UUID.randomUUID().toString();
        ApiException document = assertThrows(ApiException.class,
                () -> new DocumentsApi(admin).deleteDocument(unknown));
        assertEquals(404, document.getCode(), document.getResponseBody());
        ApiException source = assertThrows(ApiException.class,
                () -> new DocumentsApi(admin).deleteDocumentBySource("no/such/source-" + unknown));
        assertEquals(404, source.getCode(), source.getResponseBody());
        ApiException key = assertThrows(ApiException.class, () -> new KeysApi(admin).revokeKey(unknown));
        assertEquals(404, key.getCode(), key.getResponseBody());
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
