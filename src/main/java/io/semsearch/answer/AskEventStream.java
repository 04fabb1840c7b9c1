package io.semsearch.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.semsearch.common.ApiException;
import io.semsearch.common.Problem;
import io.semsearch.search.Retrieval;
import io.semsearch.search.SearchHit;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An answer as Server-Sent Events: {@code citations} (the retrieved passages, numbered as the streamed markers
 * number them), {@code answer} (pieces of text; one with {@code restart: true} withdraws the text sent before it),
 * then {@code done} (the response of the JSON endpoint) or {@code error} (a problem document). The answer is made on
 * a worker thread; when the client goes away, the work left is skipped.
 */
@ApplicationScoped
public class AskEventStream {

    public static final String CITATIONS = "citations";
    public static final String ANSWER = "answer";
    public static final String DONE = "done";
    public static final String ERROR = "error";

    private static final Logger LOG = Logger.getLogger(AskEventStream.class);

    private final AskService ask;
    private final ManagedExecutor executor;
    private final ObjectMapper json;

    public AskEventStream(AskService ask, ManagedExecutor executor, ObjectMapper json) {
        this.ask = ask;
        this.executor = executor;
        this.json = json;
    }

    /** The passages retrieved for the question, numbered from 1 as the markers of the streamed answer. */
    public record CitationsEvent(List<AskResponse.Citation> citations, String model) {
    }

    /**
     * A piece of the answer's text.
     *
     * @param restart true when the text sent before this event is withdrawn: the configured generator failed (reason says
     *     why) and another one answers from here on
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnswerEvent(String text, Boolean restart, String reason) {
    }

    public Multi<OutboundSseEvent> answer(Question question, Sse sse, String path) {
        return Multi.createFrom().emitter(emitter -> {
            AtomicBoolean gone = new AtomicBoolean();
            emitter.onTermination(() -> gone.set(true));
            executor.execute(() -> run(question, new Events(emitter, sse, gone), path));
        });
    }

    private void run(Question question, Events events, String path) {
        try {
            Answer answer = ask.ask(question, events);
            events.send(DONE, AskResponse.of(answer));
            events.complete();
        } catch (CancellationException e) {
            events.complete();
        } catch (ApiException e) {
            if (e.serverSide()) {
                LOG.error(e.title() + " on " + path + " (stream)", e);
            }
            events.send(ERROR, Problem.of(e, path));
            events.complete();
        } catch (RuntimeException e) {
            LOG.error("Unexpected error on " + path + " (stream)", e);
            events.send(ERROR, Problem.internal(path));
            events.complete();
        }
    }

    /** Sends what the answer listener hears as events; cancelled once the client has gone. */
    private final class Events implements AnswerListener {

        private final MultiEmitter<? super OutboundSseEvent> emitter;
        private final Sse sse;
        private final AtomicBoolean gone;

        Events(MultiEmitter<? super OutboundSseEvent> emitter, Sse sse, AtomicBoolean gone) {
            this.emitter = emitter;
            this.sse = sse;
            this.gone = gone;
        }

        @Override
        public void passages(Retrieval retrieval, List<SearchHit> passages) {
            List<AskResponse.Citation> citations = new ArrayList<>(passages.size());
            for (SearchHit passage : passages) {
                citations.add(AskResponse.Citation.of(citations.size() + 1, passage));
            }
            send(CITATIONS, new CitationsEvent(citations, retrieval.model()));
        }

        @Override
        public void text(String delta) {
            send(ANSWER, new AnswerEvent(delta, null, null));
        }

        @Override
        public void restart(String reason) {
            send(ANSWER, new AnswerEvent("", Boolean.TRUE, reason));
        }

        @Override
        public boolean cancelled() {
            return gone.get();
        }

        void send(String name, Object data) {
            if (gone.get()) {
                return;
            }
            try {
                emitter.emit(sse.newEventBuilder().name(name)
                        .data(String.class, json.writeValueAsString(data)).build());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        void complete() {
            if (!gone.get()) {
                emitter.complete();
            }
        }
    }
}
