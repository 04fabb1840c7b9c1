package io.semsearch.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Locale;

/**
 * Refuses a query string holding the NUL character ({@code %00}) with a 400: PostgreSQL cannot take it as a query
 * parameter, and no search or filter value needs it.
 */
public class QueryStringFilter {

    @ServerRequestFilter(preMatching = true)
    public void rejectNulCharacters(ContainerRequestContext request) {
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
            throw new InvalidQueryStringException("The query string holds the NUL character (%00), which no "
                    + "parameter may contain");
        }
    }

    /** A query string that no endpoint can take. */
    public static class InvalidQueryStringException extends ApiException {
        public InvalidQueryStringException(String detail) {
            super(400, "Invalid request", detail);
        }
    }
}
