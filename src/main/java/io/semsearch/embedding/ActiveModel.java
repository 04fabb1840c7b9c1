package io.semsearch.embedding;

import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The model the service runs: the configured one when its files are on disk, otherwise the configured fallback.
 *
 * @param fallbackReason why the configured model is not the one running, empty when it is
 */
public record ActiveModel(ModelDescriptor descriptor, Optional<String> fallbackReason) {

    private static final Logger LOG = Logger.getLogger(ActiveModel.class);

    public static ActiveModel select(EmbeddingConfig config) {
        ModelDescriptor wanted = ModelDescriptor.load(config.modelsDir().resolve(config.model()));
        List<Path> missing = wanted.missingFiles();
        if (missing.isEmpty()) {
            return new ActiveModel(wanted, Optional.empty());
        }
        String reason = "model '" + wanted.name() + "' is not provisioned (missing " + missing
                + "); run scripts/provision-models.sh where its hub is reachable";
        if (config.fallbackModel().isEmpty()) {
            throw new EmbeddingException("Cannot start: " + reason + ", and no fallback model is configured");
        }
        ModelDescriptor fallback = ModelDescriptor.load(config.modelsDir().resolve(config.fallbackModel().get()));
        if (!fallback.missingFiles().isEmpty()) {
            throw new EmbeddingException("Cannot start: " + reason + ", and the fallback model '" + fallback.name()
                    + "' is not provisioned either (missing " + fallback.missingFiles() + ")");
        }
        LOG.warnf("FALLBACK MODEL IN USE: %s. Embedding with '%s' instead: it is English-only, so French retrieval "
                + "quality is lower than with '%s'.", reason, fallback.name(), wanted.name());
        return new ActiveModel(fallback, Optional.of(reason));
    }

    public String name() {
        return descriptor.name();
    }

    public int dimension() {
        return descriptor.dimension();
    }

    public boolean isFallback() {
        return fallbackReason.isPresent();
    }
}
