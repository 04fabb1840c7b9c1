package io.semsearch.answer;

import io.semsearch.search.Retrieval;
import io.semsearch.search.SearchHit;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An answer as a stream of {@link AskEvent}s, made on a worker thread; when the subscriber goes away, the work left
 * is skipped.
 */
@ApplicationScoped
public class AskEventStream {

    private final AskService ask;
    private final ManagedExecutor executor;

    public AskEventStream(AskService ask, ManagedExecutor executor) {
        this.ask = ask;
        this.executor = executor;
    }

    public Multi<AskEvent> answer(Question question) {
        return Multi.createFrom().emitter(emitter -> {
            AtomicBoolean gone = new AtomicBoolean();
            emitter.onTermination(() -> gone.set(true));
            executor.execute(() -> run(question, new Events(emitter, gone)));
        });
    }

    private void run(Question question, Events events) {
        try {
            Answer answer = ask.ask(question, events);
            events.send(new AskEvent.Answered(answer, events.passages));
        } catch (CancellationException e) {
            // nobody listens any more
        } catch (RuntimeException e) {
            events.send(new AskEvent.Failed(e));
        }
        events.complete();
    }

    /** Emits what the answer listener hears; cancelled once the subscriber has gone. */
    private static final class Events implements AnswerListener {

        private final MultiEmitter<? super AskEvent> emitter;
        private final AtomicBoolean gone;
        private List<SearchHit> passages = List.of();

        Events(MultiEmitter<? super AskEvent> emitter, AtomicBoolean gone) {
            this.emitter = emitter;
            this.gone = gone;
        }

        @Override
        public void passages(Retrieval retrieval, List<SearchHit> passages) {
            this.passages = passages;
            send(new AskEvent.Passages(retrieval, passages));
        }

        @Override
        public void text(String delta) {
            send(new AskEvent.Text(delta));
        }

        @Override
        public void restart(String reason) {
            send(new AskEvent.Restart(reason));
        }

        @Override
        public boolean cancelled() {
            return gone.get();
        }

        void send(AskEvent event) {
            if (!gone.get()) {
                emitter.emit(event);
            }
        }

        void complete() {
            if (!gone.get()) {
                emitter.complete();
            }
        }
    }
}
