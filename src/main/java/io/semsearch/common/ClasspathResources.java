package io.semsearch.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/** Files shipped inside the application (rules, sample articles, models of libraries), read one way everywhere. */
public final class ClasspathResources {

    private ClasspathResources() {
    }

    /**
     * Opens a resource with the context class loader (the application's, also under Quarkus' test and dev class
     * loaders), else this class's own loader.
     *
     * @throws IllegalStateException when no such resource exists
     */
    public static InputStream open(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(name);
        if (in == null) {
            in = ClasspathResources.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new IllegalStateException("Resource not found on the classpath: " + name);
        }
        return in;
    }

    /** Whether a resource of that name exists. */
    public static boolean exists(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return (context != null && context.getResource(name) != null)
                || ClasspathResources.class.getClassLoader().getResource(name) != null;
    }

    /** The whole resource as UTF-8 text. */
    public static String text(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + name, e);
        }
    }

    /** The resource read as a properties file (ISO-8859-1 with escapes, as {@link Properties#load} reads it). */
    public static Properties properties(String name) {
        Properties properties = new Properties();
        try (InputStream in = open(name)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
        return properties;
    }

    /** The resource's lines, stripped, without blank lines and {@code #} comments. */
    public static List<String> lines(String name) {
        return text(name).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
