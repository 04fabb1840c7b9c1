package io.semsearch.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** What a streaming chat model says, as its client library's callbacks hear it. */
sealed interface Heard {

    /** A piece of the answer's text. */
    record Piece(String text) implements Heard {
    }

    /** The answer is complete. */
    record Complete() implements Heard {
    }

    /** The model, or the way to it, failed. */
    record Failure(Throwable error) implements Heard {
    }

    /** Queues what the callbacks hear, for the answering thread to take; also cancels the stream. */
    final class Queue implements StreamingChatResponseHandler {

        private final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();
        private final AtomicReference<StreamingHandle> handle = new AtomicReference<>();

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            handle.set(context.streamingHandle());
            heard.add(new Piece(partial.text()));
        }

        @Override
        public void onPartialResponse(String text) {
            heard.add(new Piece(text));
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            heard.add(new Complete());
        }

        @Override
        public void onError(Throwable error) {
            heard.add(new Failure(error));
        }

        /** The next thing heard, or null when nothing comes within {@code nanos}. */
        Heard poll(long nanos) throws InterruptedException {
            return heard.poll(nanos, TimeUnit.NANOSECONDS);
        }

        /** Stops the model's stream, once the library has handed a handle over. */
        void cancel() {
            StreamingHandle current = handle.get();
            if (current != null && !current.isCancelled()) {
                current.cancel();
            }
        }
    }
}
