package io.semsearch.llm;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.semsearch.testing.FakeOpenAiServer;
import io.semsearch.testing.FakeOpenAiServer.Reply;

import java.util.Map;

/**
 * The service with LLM answers on, its model a scripted OpenAI-protocol server started here (no model runs on this
 * project's machines). The reply depends on the question: "inconnu" cites a passage that was not given, "panne"
 * fails, "lentement" streams slowly; any other question gets a valid answer citing passages 2 and 1.
 */
public class LlmOnProfile implements QuarkusTestProfile {

    static final String VALID = "Microsoft a payé au moins 650 millions de dollars pour l’équipe d’Inflection [2]. "
            + "C’était un plan B face à OpenAI [1].";

    private static FakeOpenAiServer server;

    static synchronized FakeOpenAiServer server() {
        if (server == null) {
            server = new FakeOpenAiServer();
            server.script(request -> {
                String question = FakeOpenAiServer.question(request);
                if (question.contains("inconnu")) {
                    return Reply.text("Selon le passage ", "[42], ", "Microsoft a payé.");
                }
                if (question.contains("panne")) {
                    return Reply.error(500);
                }
                if (question.contains("lentement")) {
                    return Reply.slow(300, "Microsoft ", "a ", "payé ", "au ", "moins ", "650 ", "millions ",
                            "de ", "dollars ", "pour ", "l’équipe ", "d’Inflection ", "[1].");
                }
                return Reply.text("Microsoft a payé au moins ", "650 millions de dollars pour l’équipe ",
                        "d’Inflection [2]. C’était un plan B ", "face à OpenAI [1].");
            });
        }
        return server;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("semsearch.llm.enabled", "true",
                "semsearch.llm.base-url", server().baseUrl(),
                "semsearch.llm.model", "fake-model",
                "semsearch.llm.timeout", "10s",
                "semsearch.answer.max-streams-per-key", "2");
    }
}
