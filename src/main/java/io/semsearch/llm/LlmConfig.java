package io.semsearch.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Answers written by a language model behind an OpenAI-compatible chat endpoint (vLLM, llama.cpp server, Ollama, a
 * hosted API), prompted with the numbered passages. Off by default: the extractive answer needs no model server.
 */
@ConfigMapping(prefix = "semsearch.llm")
public interface LlmConfig {

    /** Whether a language model writes the answers; the extractive answer stands in whenever it fails. */
    @WithDefault("false")
    boolean enabled();

    /** Base URL of the OpenAI-compatible API, up to and including its version path (…/v1). */
    @WithDefault("http://localhost:8000/v1")
    String baseUrl();

    /** Model name as the server knows it (e.g. the name vLLM serves, an Ollama tag). Required when enabled. */
    Optional<String> model();

    /** API key sent as a bearer token; local servers usually need none. */
    Optional<String> apiKey();

    /** Longest wait for a whole answer, streamed or not; past it the extractive answer is given. */
    @WithDefault("20s")
    Duration timeout();

    /** Sampling temperature; 0 keeps answers close to the passages and repeatable. */
    @WithDefault("0.0")
    double temperature();

    /** Most tokens the model may write for one answer. */
    @WithDefault("400")
    int maxTokens();

    /** Most passages put in the prompt, best first. */
    @WithDefault("6")
    int maxPassages();
}
