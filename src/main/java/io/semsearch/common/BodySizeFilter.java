package io.semsearch.common;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses bodies over {@link ApiConfig#maxBodySize()} before they are read, or, on a method marked with
 * {@link FileUploadLimit}, over its file limit plus {@link ApiConfig#maxBodySize()}. It runs once the request is
 * matched to its method, which is still before the body is read.
 */
public class BodySizeFilter {

    private final ApiConfig config;
    private final Map<Method, Limit> limits = new ConcurrentHashMap<>();

    public BodySizeFilter(ApiConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public void rejectLargeBodies(ContainerRequestContext request, ResourceInfo resource) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw new jakarta.ws.rs.BadRequestException("Invalid Content-Length: " + length);
        }
        Method method = resource.getResourceMethod();
        Limit limit = method == null ? ordinary() : limits.computeIfAbsent(method, this::limitOf);
        if (bytes > limit.bytes()) {
            throw new PayloadTooLargeException("The request body has " + bytes + " bytes; the limit is "
                    + limit.bytes() + " (" + limit.origin() + ")");
        }
    }

    private Limit limitOf(Method method) {
        FileUploadLimit upload = method.getAnnotation(FileUploadLimit.class);
        if (upload == null) {
            return ordinary();
        }
        long file = ConfigProvider.getConfig().getValue(upload.value(), MemorySize.class).asLongValue();
        long fields = config.maxBodySize().asLongValue();
        return new Limit(file + fields, "a file of at most " + file + " bytes, " + upload.value()
                + ", and " + fields + " bytes of other fields, semsearch.api.max-body-size");
    }

    private Limit ordinary() {
        return new Limit(config.maxBodySize().asLongValue(), "semsearch.api.max-body-size");
    }

    private record Limit(long bytes, String origin) {
    }
}
