package io.semsearch.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.Charset;
import java.util.Locale;

/**
 * Checks the parameters of a {@code multipart/*} Content-Type before the form parser reads them: a missing or empty
 * {@code boundary}, or a {@code charset} the JVM does not know, is the client's error (400), where the parser would
 * fail with an index or encoding exception (500).
 */
public class MultipartTypeFilter {

    @ServerRequestFilter(preMatching = true)
    public void checkMultipartType(ContainerRequestContext request) {
        String type = request.getHeaderString("Content-Type");
        if (type == null || !type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return;
        }
        String boundary = null;
        String charset = null;
        for (String parameter : type.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = unquoted(parameter.substring(equals + 1).strip());
            if (name.equals("boundary")) {
                boundary = value;
            } else if (name.equals("charset")) {
                charset = value;
            }
        }
        if (boundary == null || boundary.isEmpty()) {
            throw new MalformedMultipartException("A multipart body needs a non-empty boundary parameter in its"
                    + " Content-Type (multipart/form-data; boundary=...), as curl -F and browsers send it.");
        }
        if (charset != null && !known(charset)) {
            throw new MalformedMultipartException("The Content-Type's charset '" + charset + "' is not one this"
                    + " service reads; send UTF-8 (or no charset).");
        }
    }

    private static String unquoted(String value) {
        if (value.startsWith("\"")) {
            return value.length() >= 2 && value.endsWith("\"") ? value.substring(1, value.length() - 1) : "";
        }
        return value;
    }

    private static boolean known(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A multipart Content-Type the form parser cannot take. */
    public static class MalformedMultipartException extends ApiException {

        MalformedMultipartException(String detail) {
            super(400, "Malformed multipart", detail);
        }
    }
}
