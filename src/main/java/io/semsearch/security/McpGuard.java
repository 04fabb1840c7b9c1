package io.semsearch.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.semsearch.common.RouteProblems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the REST endpoints get from {@link RateLimitFilter}, for the MCP endpoint ({@code /mcp}), which is no REST
 * resource: the same rate limits, once its key is known; and, before anything else, an {@code Origin} check: a browser
 * page may call it only from an allowed origin ({@link SecurityConfig#mcpAllowedOrigins()}), which stops a page of
 * another site, even one whose name resolves to this host (DNS rebinding), from driving a local MCP server.
 */
@Singleton
public class McpGuard {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final RateLimits limits;
    private final ObjectMapper json;
    private final List<String> allowedOrigins;

    public McpGuard(RateLimits limits, ObjectMapper json, SecurityConfig config) {
        this.limits = limits;
        this.json = json;
        this.allowedOrigins = config.mcpAllowedOrigins().orElse(List.of()).stream()
                .map(o -> o.strip().toLowerCase(Locale.ROOT)).map(McpGuard::withoutTrailingSlash).toList();
    }

    void install(@Observes Router router) {
        // "/mcp/*" matches /mcp itself too. Before CORS and authentication (route filters, orders -300 and below):
        router.route("/mcp/*").order(Integer.MIN_VALUE + 10).handler(this::checkOrigin);
        // after authentication and the HTTP permission of /mcp, before the MCP endpoint:
        router.route("/mcp/*").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::limitRate);
    }

    private void checkOrigin(RoutingContext context) {
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null || allowed(origin)) {
            context.next();
            return;
        }
        RouteProblems.send(context, json, 403, "Forbidden", "Origin " + origin + " may not call /mcp: only "
                + "pages of localhost and of semsearch.security.mcp-allowed-origins may", Map.of());
    }

    boolean allowed(String origin) {
        String normalised = withoutTrailingSlash(origin.strip().toLowerCase(Locale.ROOT));
        if (allowedOrigins.contains(normalised)) {
            return true;
        }
        try {
            URI uri = URI.create(normalised);
            String host = uri.getHost();
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && host != null
                    && LOCAL_HOSTS.contains(host) && uri.getRawPath().isEmpty() && uri.getRawQuery() == null
                    && uri.getRawUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void limitRate(RoutingContext context) {
        KeyHolder holder = context.user() instanceof QuarkusHttpUser user
                ? user.getSecurityIdentity().getAttribute(ApiKeyIdentityProvider.HOLDER) : null;
        long retryAfter = limits.acquire(holder, RateLimitFilter.address(context.request()));
        if (retryAfter == 0) {
            context.next();
            return;
        }
        RateLimitedException limited = RateLimitFilter.limited(retryAfter);
        RouteProblems.send(context, json, limited.status(), limited.title(), limited.getMessage(),
                limited.headers());
    }

    private static String withoutTrailingSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
