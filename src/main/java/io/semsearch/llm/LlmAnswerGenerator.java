package io.semsearch.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.semsearch.answer.AnswerGenerator;
import io.semsearch.answer.AnswerListener;
import io.micrometer.core.instrument.Metrics;
import io.semsearch.answer.Question;
import io.semsearch.common.Traces;
import io.semsearch.search.SearchHit;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Answers written by a chat model from the numbered passages ({@link AnswerPrompt}), checked against the citation
 * contract ({@link CitedText}): an answer that cites no passage, cites one that was not given, fails or takes longer
 * than the timeout is replaced by the fallback generator's (the extractive answer), which says why in
 * {@link GeneratedAnswer#fallbackReason()}. Streamed answers pass the model's tokens on as they come.
 */
public class LlmAnswerGenerator implements AnswerGenerator {

    /** {@link GeneratedAnswer#generator()} of the answers a language model wrote. */
    public static final String NAME = "llm";

    private static final Logger LOG = Logger.getLogger(LlmAnswerGenerator.class);
    /** How often a stream that says nothing checks whether its listener is still there. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final AnswerGenerator fallback;
    private final Duration timeout;
    private final int maxPassages;

    public LlmAnswerGenerator(ChatModel chat, StreamingChatModel streaming, AnswerGenerator fallback,
            Duration timeout, int maxPassages) {
        this.chat = chat;
        this.streaming = streaming;
        this.fallback = fallback;
        this.timeout = timeout;
        this.maxPassages = maxPassages;
    }

    @Override
    public GeneratedAnswer generate(String question, float[] questionVector, List<SearchHit> passages) {
        return generate(new Question(question, passages.size(), null, List.of()), questionVector, passages,
                AnswerListener.NONE);
    }

    @Override
    public GeneratedAnswer generate(Question question, float[] questionVector, List<SearchHit> passages,
            AnswerListener listener) {
        List<SearchHit> given = passages.subList(0, Math.min(passages.size(), maxPassages));
        List<ChatMessage> messages = AnswerPrompt.messages(question, given);
        Reply reply = Traces.span("semsearch.llm", span -> {
            span.setAttribute("passages", given.size());
            span.setAttribute("streamed", listener != AnswerListener.NONE);
            Reply heard = listener == AnswerListener.NONE ? complete(messages)
                    : stream(messages, given.size(), listener);
            span.setAttribute("failed", heard.failure() != null);
            return heard;
        });
        String problem = reply.failure() != null ? reply.failure() : CitedText.problem(reply.text(), given.size());
        if (problem == null) {
            return CitedText.answer(reply.text(), given, NAME);
        }
        LOG.warnf("The language model's answer was set aside: %s", problem);
        Metrics.counter("semsearch.llm.fallbacks", "reason", fallbackReason(reply)).increment();
        if (reply.streamed()) {
            listener.restart(problem);
        }
        return fallback.generate(question, questionVector, passages, listener).asFallback(problem);
    }

    /** The model's text, or why there is none; {@code streamed}: whether pieces of it were passed on. */
    private record Reply(String text, String failure, boolean streamed) {
    }

    private Reply complete(List<ChatMessage> messages) {
        try {
            return new Reply(chat.chat(ChatRequest.builder().messages(messages).build()).aiMessage().text(), null,
                    false);
        } catch (RuntimeException e) {
            return new Reply(null, failure(e), false);
        }
    }

    /**
     * Streams the model's answer to the listener, from this thread: the client library's callbacks only queue what
     * they hear. Stops early when a marker cites a passage that was not given, when the listener is cancelled, and
     * at the timeout.
     */
    private Reply stream(List<ChatMessage> messages, int passages, AnswerListener listener) {
        Heard.Queue heard = new Heard.Queue();
        streaming.chat(ChatRequest.builder().messages(messages).build(), heard);
        StringBuilder text = new StringBuilder();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Heard next = heard.poll(Math.min(POLL_NANOS, Math.max(0, deadline - System.nanoTime())));
                if (listener.cancelled()) {
                    heard.cancel();
                    throw new CancellationException("nobody waits for the answer any more");
                }
                Reply reply = next == null ? silence(deadline, heard, text)
                        : hear(next, heard, text, passages, listener);
                if (reply != null) {
                    return reply;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            heard.cancel();
            throw new CancellationException("interrupted while waiting for the language model");
        }
    }

    /** Nothing heard for a while: the reply once the deadline has passed, else null (wait on). */
    private Reply silence(long deadline, Heard.Queue heard, CharSequence text) {
        if (System.nanoTime() - deadline < 0) {
            return null;
        }
        heard.cancel();
        return new Reply(null, timedOut(), !text.isEmpty());
    }

    /** Passes a piece of text on; the reply when the stream ends or breaks the contract, else null (wait on). */
    private Reply hear(Heard next, Heard.Queue heard, StringBuilder text, int passages, AnswerListener listener) {
        if (next instanceof Heard.Failure failure) {
            return new Reply(null, failure(failure.error()), !text.isEmpty());
        }
        if (next instanceof Heard.Complete) {
            return new Reply(text.toString(), null, !text.isEmpty());
        }
        String piece = ((Heard.Piece) next).text();
        text.append(piece);
        listener.text(piece);
        String unknown = CitedText.unknownMarker(text, passages);
        if (unknown != null) {
            heard.cancel();
            return new Reply(null, unknown, true);
        }
        return null;
    }

    private static final String TIMED_OUT = "the language model did not answer within ";
    private static final String FAILED = "the language model failed: ";

    private String timedOut() {
        return TIMED_OUT + timeout.toMillis() / 1000.0 + " s";
    }

    /** The tag of {@code semsearch.llm.fallbacks}: timeout, error, or citations (the text broke the contract). */
    private static String fallbackReason(Reply reply) {
        if (reply.failure() != null && reply.failure().startsWith(TIMED_OUT)) {
            return "timeout";
        }
        return reply.failure() != null && reply.failure().startsWith(FAILED) ? "error" : "citations";
    }

    private String failure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.http.HttpTimeoutException
                    || cause instanceof java.util.concurrent.TimeoutException
                    || cause instanceof java.net.SocketTimeoutException) {
                return timedOut();
            }
        }
        LOG.warnf("The language model failed: %s", e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        return publicFailure(e);
    }

    /**
     * Why the model's answer is missing, as the client reads it: the endpoint's HTTP status or that it could not be
     * reached, never its error text (which may name the deployment, the key's organisation or the prompt).
     */
    static String publicFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof dev.langchain4j.exception.HttpException http) {
                return FAILED + "its endpoint answered HTTP " + http.statusCode();
            }
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException) {
                return FAILED + "its endpoint cannot be reached";
            }
        }
        return FAILED + "the error is logged";
    }
}
