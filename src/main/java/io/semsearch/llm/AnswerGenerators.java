package io.semsearch.llm;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.semsearch.answer.AnswerGenerator;
import io.semsearch.answer.ExtractiveAnswerGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/**
 * Chooses who writes answers: the extractive generator, or, with {@code semsearch.llm.enabled}, a language model
 * behind an OpenAI-compatible endpoint, with the extractive generator standing in when it fails.
 *
 * <p>Native executable: LangChain4j's OpenAI client ships the reflection configuration of its JSON request and reply
 * types, but they name their fields with {@code @JsonNaming(SnakeCaseStrategy.class)}, which Jackson instantiates by
 * reflection; without it every call to the model failed natively ("SnakeCaseStrategy has no default constructor").
 */
@ApplicationScoped
@RegisterForReflection(targets = PropertyNamingStrategies.SnakeCaseStrategy.class)
public class AnswerGenerators {

    private static final Logger LOG = Logger.getLogger(AnswerGenerators.class);

    private final LlmConfig config;

    public AnswerGenerators(LlmConfig config) {
        this.config = config;
    }

    @Produces
    @ApplicationScoped
    AnswerGenerator answerGenerator(ExtractiveAnswerGenerator extractive) {
        if (!config.enabled()) {
            return extractive;
        }
        String model = requiredModel();
        String apiKey = config.apiKey().filter(key -> !key.isBlank()).orElse("none");
        return new LlmAnswerGenerator(
                OpenAiChatModel.builder().baseUrl(config.baseUrl()).apiKey(apiKey).modelName(model)
                        .temperature(config.temperature()).maxTokens(config.maxTokens()).timeout(config.timeout())
                        .maxRetries(0).build(),
                OpenAiStreamingChatModel.builder().baseUrl(config.baseUrl()).apiKey(apiKey).modelName(model)
                        .temperature(config.temperature()).maxTokens(config.maxTokens()).timeout(config.timeout())
                        .build(),
                extractive, config.timeout(), config.maxPassages());
    }

    /** Says at start who writes answers, and refuses to start with an LLM configuration that cannot work. */
    void onStart(@Observes StartupEvent start) {
        if (config.enabled()) {
            LOG.infof("Answers are written by the language model %s at %s (timeout %s); the extractive answer "
                    + "stands in when it fails", requiredModel(), config.baseUrl(), config.timeout());
        }
    }

    private String requiredModel() {
        return config.model().filter(name -> !name.isBlank()).orElseThrow(() -> new IllegalStateException(
                "semsearch.llm.model must name the model to use when semsearch.llm.enabled is true"));
    }
}
