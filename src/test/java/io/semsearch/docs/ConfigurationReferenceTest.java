package io.semsearch.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every configuration key of the service, and only those: the keys of every
 * {@code @ConfigMapping} (as SmallRye Config names them) and the {@code semsearch.*} keys that
 * application.properties reads in expressions.
 */
class ConfigurationReferenceTest {

    private static final Path REFERENCE = Path.of("docs/configuration.md");
    private static final Pattern DOCUMENTED_KEY = Pattern.compile("`(semsearch\\.[a-z0-9.*-]+)`");
    private static final Pattern EXPRESSION_KEY = Pattern.compile("\\$\\{(semsearch\\.[a-z0-9.-]+)");

    @Test
    void everyKeyOfTheServiceIsDocumented() throws IOException {
        Set<String> missing = new TreeSet<>(serviceKeys());
        missing.removeAll(documentedKeys());
        assertTrue(missing.isEmpty(), "keys missing from " + REFERENCE + ": " + missing);
    }

    @Test
    void everyDocumentedKeyExists() throws IOException {
        Set<String> unknown = new TreeSet<>(documentedKeys());
        unknown.removeAll(serviceKeys());
        assertTrue(unknown.isEmpty(), REFERENCE + " documents keys the service does not read: " + unknown);
    }

    @Test
    void theMappingsAreFound() {
        assertEquals(true, configMappingKeys().contains("semsearch.search.lexical.k1"),
                "the scan of @ConfigMapping interfaces found: " + configMappingKeys());
    }

    static Set<String> serviceKeys() throws IOException {
        Set<String> keys = new TreeSet<>(configMappingKeys());
        String properties = Files.readString(Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8);
        Matcher expression = EXPRESSION_KEY.matcher(properties);
        while (expression.find()) {
            keys.add(expression.group(1));
        }
        return keys;
    }

    static Set<String> configMappingKeys() {
        Set<String> keys = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.semsearch")) {
            if (type.isAnnotatedWith(ConfigMapping.class)) {
                Class<?> mapping = type.reflect();
                String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
                // a list is one comma-separated key, which SmallRye names KEY[*]
                ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(mapping, prefix)).keySet()
                        .forEach(key -> keys.add(key.replace("[*]", "")));
            }
        }
        return keys;
    }

    private static Set<String> documentedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher documented = DOCUMENTED_KEY.matcher(Files.readString(REFERENCE, StandardCharsets.UTF_8));
        while (documented.find()) {
            keys.add(documented.group(1));
        }
        return keys;
    }
}
