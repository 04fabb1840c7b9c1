package io.semsearch.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.semsearch.answer.Question;
import io.semsearch.search.SearchHit;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages a chat model answers from: instructions, the earlier turns of the conversation, then the numbered
 * passages with the question. Passage n of the prompt is {@code passages.get(n - 1)}.
 */
final class AnswerPrompt {

    static final String INSTRUCTIONS = """
            You answer questions using only the numbered passages you are given. Answer in the language of the \
            question, in one to three short sentences. End every sentence with the number of the passage it relies \
            on, in square brackets, for example [2]; cite only numbers of the passages given. Do not use anything \
            that the passages do not say. If the passages do not answer the question, say so in one sentence, \
            without any number in brackets.""";

    private AnswerPrompt() {
    }

    static List<ChatMessage> messages(Question question, List<SearchHit> passages) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(INSTRUCTIONS));
        for (Question.Turn turn : question.history()) {
            messages.add(turn.speaker() == Question.Speaker.USER ? UserMessage.from(turn.content())
                    : AiMessage.from(turn.content()));
        }
        messages.add(UserMessage.from(passagesAndQuestion(question.text(), passages)));
        return messages;
    }

    static String passagesAndQuestion(String question, List<SearchHit> passages) {
        StringBuilder text = new StringBuilder("Passages:\n");
        for (int i = 0; i < passages.size(); i++) {
            SearchHit passage = passages.get(i);
            text.append("\n[").append(i + 1).append("] ");
            if (passage.title() != null && !passage.title().isBlank()) {
                text.append(passage.title().strip()).append(" — ");
            }
            text.append(passage.text().strip().replaceAll("\\s*\\n\\s*", " ")).append('\n');
        }
        return text.append("\nQuestion: ").append(question).toString();
    }
}
