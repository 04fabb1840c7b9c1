package io.semsearch.testing;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import static io.restassured.RestAssured.given;

/**
 * The management interface of the service under test (health and metrics: {@code quarkus.management.*}), on a free
 * port of its own in tests ({@code %test.quarkus.management.test-port=0}).
 */
public final class Management {

    private Management() {
    }

    /** The port the running test service's management interface listens on. */
    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** A request to the management interface. */
    public static RequestSpecification request() {
        return given().port(port());
    }
}
