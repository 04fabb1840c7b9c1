package io.semsearch.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses bodies over {@link ApiConfig#maxBodySize()} before they are read. */
public class BodySizeFilter {

    private final ApiConfig config;

    public BodySizeFilter(ApiConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public void rejectLargeBodies(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return;
        }
        long limit = config.maxBodySize().asLongValue();
        try {
            if (Long.parseLong(length.trim()) > limit) {
                throw new PayloadTooLargeException("The request body has " + length.trim() + " bytes; the limit is "
                        + limit + " (semsearch.api.max-body-size)");
            }
        } catch (NumberFormatException e) {
            throw new jakarta.ws.rs.BadRequestException("Invalid Content-Length: " + length);
        }
    }
}
