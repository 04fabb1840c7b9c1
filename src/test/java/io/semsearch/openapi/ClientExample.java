package io.semsearch.openapi;

import io.semsearch.client.ApiClient;
import io.semsearch.client.ApiException;
import io.semsearch.client.api.AskApi;
import io.semsearch.client.api.DocumentsApi;
import io.semsearch.client.model.AskRequest;
import io.semsearch.client.model.AskResponse;
import io.semsearch.client.model.FileIndexResponse;
import io.semsearch.client.model.SearchFilters;

import java.io.File;
import java.util.Map;

/**
 * The example of client/README.md, kept here so that it compiles against the client jar and runs against the
 * service (GeneratedClientTest; ClientReadmeTest checks that the README shows this code).
 */
public final class ClientExample {

    private ClientExample() {
    }

    // README: begin
    /** A client of the service at baseUri (e.g. http://localhost:8080) that sends apiKey with every request. */
    public static ApiClient connect(String baseUri, String apiKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
        return client;
    }

    /** Indexes a file (HTML, PDF, DOCX, ODT, Markdown, text, scan) with a metadata attribute to filter on. */
    public static FileIndexResponse upload(ApiClient client, File file, String corpus) throws ApiException {
        return new DocumentsApi(client).indexFile(file, "reports/" + file.getName(), null,
                "{\"corpus\": \"" + corpus + "\"}", "fr");
    }

    /** Asks a question, answered from the documents of that corpus only. */
    public static AskResponse ask(ApiClient client, String question, String corpus) throws ApiException {
        return new AskApi(client).ask(new AskRequest()
                .question(question)
                .filters(new SearchFilters().metadata(Map.of("corpus", corpus))));
    }

    public static void main(String[] args) throws ApiException {
        ApiClient client = connect("http://localhost:8080", System.getenv("SEMSEARCH_API_KEY"));
        FileIndexResponse indexed = upload(client, new File(args[0]), "reports");
        System.out.println(indexed.getStatus() + ": " + indexed.getId() + ", " + indexed.getChunks() + " chunks");
        AskResponse answer = ask(client, args[1], "reports");
        System.out.println(answer.getAnswer());
        answer.getCitations().forEach(citation ->
                System.out.println("[" + citation.getN() + "] " + citation.getTitle() + ": " + citation.getText()));
    }
    // README: end
}
