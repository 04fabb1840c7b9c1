package io.semsearch.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests that quarkus-kubernetes generates at package time (target/kubernetes/kubernetes.yml, with
 * src/main/kubernetes/kubernetes.yml merged in): a Deployment with its three probes on the management port, resources,
 * the database password and bootstrap key from Secrets, the ConfigMap, a Service, an HPA and a PDB; and
 * deploy/kubernetes/kubernetes.yml is that file, up to the order of named items, which varies between builds (after a
 * change: -Dsemsearch.kubernetes.update=true).
 */
class KubernetesManifestsIT {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "."));
    private static final Path GENERATED = ROOT.resolve("target/kubernetes/kubernetes.yml");
    private static final Path COMMITTED = ROOT.resolve("deploy/kubernetes/kubernetes.yml");

    @Test
    void theGeneratedManifestsHoldWhatProductionNeeds() throws IOException {
        Map<String, JsonNode> resources = read(GENERATED);
        JsonNode deployment = resources.get("Deployment/semsearch");
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);

        Map<String, Integer> ports = new TreeMap<>();
        container.path("ports").forEach(port -> ports.put(port.path("name").asText(),
                port.path("containerPort").asInt()));
        assertEquals(Map.of("http", 8080, "management", 9000), ports, container.toString());

        assertProbe(container.path("readinessProbe"), "/q/health/ready");
        assertProbe(container.path("livenessProbe"), "/q/health/live");
        assertProbe(container.path("startupProbe"), "/q/health/started");
        assertEquals(180, container.path("startupProbe").path("failureThreshold").asInt(),
                "start-up (migrations, re-embedding) may take 30 min");

        assertEquals("500m", container.path("resources").path("requests").path("cpu").asText());
        assertEquals("2Gi", container.path("resources").path("limits").path("memory").asText());

        Map<String, JsonNode> env = new TreeMap<>();
        container.path("env").forEach(variable -> env.put(variable.path("name").asText(), variable));
        assertSecret(env.get("QUARKUS_DATASOURCE_PASSWORD"), "semsearch-db", "password");
        assertSecret(env.get("SEMSEARCH_SECURITY_BOOTSTRAP_KEY"), "semsearch-keys", "bootstrap-key");
        List<String> configMaps = new ArrayList<>();
        container.path("envFrom").forEach(from -> configMaps.add(from.path("configMapRef").path("name").asText()));
        assertEquals(List.of("semsearch-config"), configMaps);
        assertTrue(resources.containsKey("ConfigMap/semsearch-config"), resources.keySet().toString());
        assertFalse(resources.keySet().stream().anyMatch(name -> name.startsWith("Secret/")),
                "no secret is generated: " + resources.keySet());
        assertFalse(resources.keySet().stream().anyMatch(name -> name.startsWith("Job/")),
                "Flyway migrates at start, without a Job: " + resources.keySet());

        JsonNode annotations = deployment.path("spec").path("template").path("metadata").path("annotations");
        assertEquals("9000", annotations.path("prometheus.io/port").asText(), annotations.toString());
        assertEquals("/q/metrics", annotations.path("prometheus.io/path").asText(), annotations.toString());

        JsonNode service = resources.get("Service/semsearch");
        assertTrue(service.path("spec").path("ports").toString().contains("8080"), service.toString());

        JsonNode hpa = resources.get("HorizontalPodAutoscaler/semsearch");
        assertEquals("semsearch", hpa.path("spec").path("scaleTargetRef").path("name").asText());
        assertTrue(hpa.path("spec").path("maxReplicas").asInt() > hpa.path("spec").path("minReplicas").asInt());
        JsonNode pdb = resources.get("PodDisruptionBudget/semsearch");
        JsonNode selector = pdb.path("spec").path("selector").path("matchLabels");
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        selector.properties().forEach(label -> assertEquals(label.getValue(), podLabels.path(label.getKey()),
                "the PDB selects the Deployment's pods by " + label.getKey()));
    }

    @Test
    void theCommittedCopyIsTheGeneratedFile() throws IOException {
        if (Boolean.getBoolean("semsearch.kubernetes.update")) {
            Files.createDirectories(COMMITTED.getParent());
            // without the commit that built it, which would be stale in the repository from the next commit on
            Files.writeString(COMMITTED, Files.readString(GENERATED).lines()
                    .filter(line -> !line.contains("app.quarkus.io/commit-id:"))
                    .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
        }
        assertEquals(read(GENERATED), read(COMMITTED), COMMITTED + " differs from " + GENERATED + ": after a change "
                + "run the ITs with -Dsemsearch.kubernetes.update=true");
    }

    private static void assertProbe(JsonNode probe, String path) {
        assertEquals(path, probe.path("httpGet").path("path").asText(), probe.toString());
        assertEquals(9000, probe.path("httpGet").path("port").asInt(), "probes use the management port: " + probe);
    }

    private static void assertSecret(JsonNode variable, String secret, String key) {
        assertTrue(variable != null, secret + " is not referenced");
        JsonNode reference = variable.path("valueFrom").path("secretKeyRef");
        assertEquals(secret, reference.path("name").asText(), variable.toString());
        assertEquals(key, reference.path("key").asText(), variable.toString());
    }

    /** Annotations that say which checkout built the file (its commit, its time): they change with every commit. */
    private static JsonNode withoutBuildAnnotations(JsonNode node) {
        if (node.isObject()) {
            JsonNode annotations = node.get("annotations");
            if (annotations instanceof ObjectNode object) {
                object.remove(List.of("app.quarkus.io/commit-id", "app.quarkus.io/build-timestamp",
                        "app.quarkus.io/vcs-uri"));
            }
            node.forEach(KubernetesManifestsIT::withoutBuildAnnotations);
        } else if (node.isArray()) {
            node.forEach(KubernetesManifestsIT::withoutBuildAnnotations);
        }
        return node;
    }

    /** Lists of named items (env, ports, containers) in name order: their order varies from build to build. */
    private static JsonNode sortedByName(JsonNode node) {
        if (node.isObject()) {
            node.properties().forEach(field -> ((ObjectNode) node).set(field.getKey(), sortedByName(field.getValue())));
        } else if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(sortedByName(item)));
            if (items.stream().allMatch(item -> item.has("name"))) {
                items.sort(java.util.Comparator.comparing(item -> item.path("name").asText()));
            }
            ArrayNode sorted = ((ArrayNode) node).removeAll();
            items.forEach(sorted::add);
        }
        return node;
    }

    /** The documents of a multi-document YAML file by kind and name, annotations that change per build left out. */
    private static Map<String, JsonNode> read(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " is missing: package the service first (mvn package)");
        ObjectMapper yaml = new YAMLMapper(new YAMLFactory());
        Map<String, JsonNode> resources = new TreeMap<>();
        try (var parser = yaml.getFactory().createParser(file.toFile())) {
            for (var documents = yaml.readValues(parser, JsonNode.class); documents.hasNext(); ) {
                JsonNode resource = documents.next();
                if (resource == null || resource.isNull() || resource.isEmpty()) {
                    continue;
                }
                resources.put(resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText(),
                        sortedByName(withoutBuildAnnotations(resource)));
            }
        }
        assertFalse(resources.isEmpty(), file + " holds no resource");
        return resources;
    }
}
