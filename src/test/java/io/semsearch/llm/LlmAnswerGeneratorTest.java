package io.semsearch.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.semsearch.answer.AnswerGenerator;
import io.semsearch.answer.AnswerGenerator.Citation;
import io.semsearch.answer.AnswerGenerator.GeneratedAnswer;
import io.semsearch.answer.AnswerListener;
import io.semsearch.answer.Question;
import io.semsearch.common.TextSpan;
import io.semsearch.document.SentenceVectors;
import io.semsearch.search.Retrieval;
import io.semsearch.search.SearchHit;
import io.semsearch.testing.FakeOpenAiServer;
import io.semsearch.testing.FakeOpenAiServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LLM answer generator against a scripted OpenAI-protocol server started by the test (no model runs here): the
 * prompt it sends, the citation contract it checks, and the extractive answer standing in for every failure, for
 * completions and for streams.
 */
class LlmAnswerGeneratorTest {

    private static final FakeOpenAiServer SERVER = new FakeOpenAiServer();
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private static final SearchHit FIRST = passage("Microsoft et OpenAI",
            "Microsoft a investi 13 milliards de dollars dans OpenAI. Les deux entreprises renégocient leur accord.");
    private static final SearchHit SECOND = passage("Inflection",
            "Le titre du passage. Microsoft a recruté l’équipe d’Inflection pour 650 millions de dollars.");
    private static final SearchHit THIRD = passage("Oracle", "OpenAI a signé un contrat de 10 milliards avec Oracle.");
    private static final List<SearchHit> PASSAGES = List.of(FIRST, SECOND, THIRD);

    /** The extractive answer's stand-in: the first sentence of the first passage. */
    private static final AnswerGenerator EXTRACTIVE = (question, vector, passages) -> new GeneratedAnswer(
            "Microsoft a investi 13 milliards de dollars dans OpenAI. [1]",
            List.of(new Citation(passages.get(0), 0, 56, 0.9)), null);

    private final LlmAnswerGenerator generator = new LlmAnswerGenerator(
            OpenAiChatModel.builder().baseUrl(SERVER.baseUrl()).apiKey("test-key").modelName("fake-model")
                    .temperature(0.0).maxTokens(200).timeout(TIMEOUT).maxRetries(0).build(),
            OpenAiStreamingChatModel.builder().baseUrl(SERVER.baseUrl()).apiKey("test-key").modelName("fake-model")
                    .temperature(0.0).maxTokens(200).timeout(TIMEOUT).build(),
            EXTRACTIVE, TIMEOUT, 3);

    private final Question question = new Question("Combien Microsoft a-t-il payé pour Inflection ?", 8, null,
            List.of(new Question.Turn(Question.Speaker.USER, "Qui finance OpenAI ?"),
                    new Question.Turn(Question.Speaker.ASSISTANT, "Microsoft. [1]")));

    @BeforeEach
    void reset() {
        SERVER.reset();
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void thePromptNumbersThePassagesAfterTheConversation() {
        SERVER.reply(Reply.text("Pour 650 millions de dollars. [2]"));
        generator.generate(question, new float[0], PASSAGES, AnswerListener.NONE);

        JsonNode request = SERVER.requests().get(0);
        assertEquals("fake-model", request.path("model").asText());
        assertEquals(0.0, request.path("temperature").asDouble());
        JsonNode messages = request.path("messages");
        assertEquals(List.of("system", "user", "assistant", "user"),
                messages.findValuesAsText("role"));
        assertEquals(AnswerPrompt.INSTRUCTIONS, messages.get(0).path("content").asText());
        assertEquals("Qui finance OpenAI ?", messages.get(1).path("content").asText());
        String last = messages.get(3).path("content").asText();
        assertTrue(last.startsWith("Passages:\n\n[1] Microsoft et OpenAI — Microsoft a investi 13 milliards"), last);
        assertTrue(last.contains("\n[2] Inflection — Le titre du passage. Microsoft a recruté"), last);
        assertTrue(last.contains("\n[3] Oracle — OpenAI a signé"), last);
        assertTrue(last.endsWith("\nQuestion: Combien Microsoft a-t-il payé pour Inflection ?"), last);
    }

    @Test
    void aCitedAnswerIsRenumberedInCitingOrderWithHighlightedSentences() {
        SERVER.reply(Reply.text("Microsoft a payé 650 millions de dollars pour l’équipe d’Inflection [2]. "
                + "Il avait déjà investi 13 milliards dans OpenAI [1, 2]."));
        GeneratedAnswer answer = generator.generate(question, new float[0], PASSAGES, AnswerListener.NONE);

        assertEquals(LlmAnswerGenerator.NAME, answer.generator());
        assertNull(answer.fallbackReason());
        assertEquals("Microsoft a payé 650 millions de dollars pour l’équipe d’Inflection [1]. "
                + "Il avait déjà investi 13 milliards dans OpenAI [2] [1].", answer.text());
        assertEquals(List.of(SECOND, FIRST), answer.citations().stream().map(Citation::passage).toList());
        Citation inflection = answer.citations().get(0);
        assertEquals("Microsoft a recruté l’équipe d’Inflection pour 650 millions de dollars.",
                SECOND.text().substring(inflection.highlightStart(), inflection.highlightEnd()));
        Citation investment = answer.citations().get(1);
        assertEquals("Microsoft a investi 13 milliards de dollars dans OpenAI.",
                FIRST.text().substring(investment.highlightStart(), investment.highlightEnd()));
    }

    @Test
    void anAnswerBreakingTheCitationContractFallsBackToTheExtractiveAnswer() {
        assertFallback(Reply.text("Microsoft a payé 650 millions [4]."), "cites [4], but only passages 1 to 3");
        assertFallback(Reply.text("Microsoft a payé 650 millions [0]."), "cites [0]");
        assertFallback(Reply.text("Les passages ne le disent pas."), "cites no passage");
        assertFallback(Reply.text("Microsoft a payé 650 millions [2]. Et bien plus encore."),
                "ends on a sentence that cites no passage");
        assertFallback(Reply.text("   "), "empty");
    }

    @Test
    void serverErrorsAndTimeoutsFallBackToTheExtractiveAnswer() {
        assertFallback(Reply.error(500), "the language model failed");
        assertFallback(Reply.error(401), "the language model failed");
        assertFallback(Reply.slow(3000, "Trop tard. [1]"), "did not answer within 1.5 s");
    }

    @Test
    void theEndpointsErrorTextStaysInTheLog() {
        SERVER.reply(Reply.error(500));
        GeneratedAnswer answer = generator.generate(question, new float[0], PASSAGES, AnswerListener.NONE);
        assertEquals("the language model failed: its endpoint answered HTTP 500", answer.fallbackReason());
        assertEquals("the language model failed: its endpoint cannot be reached",
                LlmAnswerGenerator.publicFailure(new RuntimeException("boom", new java.net.ConnectException(
                        "Connection refused: llm.internal.example:8000"))));
        assertEquals("the language model failed: the error is logged",
                LlmAnswerGenerator.publicFailure(new IllegalStateException("org-1234 quota exceeded")));
    }

    @Test
    void aStreamPassesTheModelsTokensOnAsTheyCome() {
        SERVER.reply(Reply.text("Pour 650 ", "millions de dollars", " [2]", "."));
        Recorder listener = new Recorder();
        GeneratedAnswer answer = generator.generate(question, new float[0], PASSAGES, listener);

        assertEquals(List.of("Pour 650 ", "millions de dollars", " [2]", "."), listener.texts);
        assertEquals(List.of(), listener.restarts);
        assertEquals("Pour 650 millions de dollars [1].", answer.text());
        assertEquals(LlmAnswerGenerator.NAME, answer.generator());
        assertTrue(SERVER.requests().get(0).path("stream").asBoolean());
    }

    @Test
    void aStreamCitingAnUnknownPassageStopsThereAndRestartsWithTheExtractiveAnswer() {
        SERVER.reply(Reply.slow(150, "Microsoft a payé ", "650 millions [9]", ". Puis ", "encore ", "et encore."));
        Recorder listener = new Recorder();
        GeneratedAnswer answer = generator.generate(question, new float[0], PASSAGES, listener);

        assertEquals(List.of("Microsoft a payé ", "650 millions [9]",
                "Microsoft a investi 13 milliards de dollars dans OpenAI. [1]"), listener.texts);
        assertEquals(1, listener.restarts.size());
        assertTrue(listener.restarts.get(0).contains("cites [9]"), listener.restarts.toString());
        assertEquals(AnswerGenerator.EXTRACTIVE, answer.generator());
        assertTrue(answer.fallbackReason().contains("cites [9]"), answer.fallbackReason());
        awaitBrokenStream();
    }

    @Test
    void aStreamThatTakesTooLongOrFailsFallsBack() {
        SERVER.reply(Reply.slow(700, "Pour ", "650 ", "millions ", "[2]."));
        Recorder slow = new Recorder();
        GeneratedAnswer late = generator.generate(question, new float[0], PASSAGES, slow);
        assertTrue(late.fallbackReason().contains("did not answer within 1.5 s"), late.fallbackReason());
        assertEquals(1, slow.restarts.size());

        SERVER.reply(Reply.error(503));
        Recorder failed = new Recorder();
        GeneratedAnswer error = generator.generate(question, new float[0], PASSAGES, failed);
        assertTrue(error.fallbackReason().startsWith("the language model failed"), error.fallbackReason());
        assertEquals(List.of(), failed.restarts, "nothing was streamed, so nothing is withdrawn");
        assertEquals(List.of("Microsoft a investi 13 milliards de dollars dans OpenAI. [1]"), failed.texts);
    }

    @Test
    void aListenerThatGoesAwayStopsTheStream() {
        SERVER.reply(Reply.slow(200, "Pour ", "650 ", "millions ", "de ", "dollars ", "[2]."));
        Recorder listener = new Recorder() {
            @Override
            public boolean cancelled() {
                return texts.size() >= 2;
            }
        };
        assertThrows(CancellationException.class,
                () -> generator.generate(question, new float[0], PASSAGES, listener));
        assertEquals(List.of("Pour ", "650 "), listener.texts);
        awaitBrokenStream();
        assertEquals(0, SERVER.streamsCompleted());
    }

    @Test
    void onlyTheConfiguredNumberOfPassagesIsPrompted() {
        List<SearchHit> many = new ArrayList<>(PASSAGES);
        many.add(passage("Quatrième", "Une quatrième phrase assez longue pour compter."));
        assertFallback(Reply.text("Voir le quatrième passage [4]."), "only passages 1 to 3", many);
        String prompt = SERVER.requests().get(SERVER.requests().size() - 1).path("messages").get(3).path("content")
                .asText();
        assertTrue(!prompt.contains("[4]"), prompt);
    }

    private void assertFallback(Reply reply, String reasonMentions) {
        assertFallback(reply, reasonMentions, PASSAGES);
    }

    private void assertFallback(Reply reply, String reasonMentions, List<SearchHit> passages) {
        SERVER.reply(reply);
        GeneratedAnswer answer = generator.generate(question, new float[0], passages, AnswerListener.NONE);
        assertEquals(AnswerGenerator.EXTRACTIVE, answer.generator());
        assertEquals("Microsoft a investi 13 milliards de dollars dans OpenAI. [1]", answer.text());
        assertTrue(answer.fallbackReason() != null && answer.fallbackReason().contains(reasonMentions),
                reply + " -> " + answer.fallbackReason());
    }

    private static void awaitBrokenStream() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (SERVER.streamsBroken() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(1, SERVER.streamsBroken(), "the server saw the stream cancelled");
    }

    private static SearchHit passage(String title, String text) {
        List<TextSpan> spans = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf(". "); end >= 0; end = text.indexOf(". ", start)) {
            spans.add(new TextSpan(start, end + 1));
            start = end + 2;
        }
        spans.add(new TextSpan(start, text.length()));
        return new SearchHit(UUID.randomUUID(), UUID.randomUUID(), title.toLowerCase() + ".txt", title, 0, 0,
                text.length(), text, 0.5, 0.9,
                new SentenceVectors(spans, Collections.nCopies(spans.size(), new float[] {1f})));
    }

    private static class Recorder implements AnswerListener {
        final List<String> texts = new ArrayList<>();
        final List<String> restarts = new ArrayList<>();

        @Override
        public void passages(Retrieval retrieval, List<SearchHit> passages) {
        }

        @Override
        public void text(String delta) {
            texts.add(delta);
        }

        @Override
        public void restart(String reason) {
            restarts.add(reason);
        }
    }
}
