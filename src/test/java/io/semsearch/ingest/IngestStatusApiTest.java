package io.semsearch.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.semsearch.extraction.BadFiles;
import io.semsearch.testing.TestData;
import io.semsearch.testing.TestKeys;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/ingest/status after a folder sync with bad files and after a batch, over HTTP, for writers only. */
@QuarkusTest
class IngestStatusApiTest {

    @Inject
    FolderIndexer folders;

    @Inject
    TestData testData;

    @TempDir
    Path folder;

    @AfterEach
    void restore() {
        testData.restore();
    }

    @Test
    void aFinishedFolderSyncReportsItsFilesChunksAndFailures() throws IOException {
        Files.writeString(folder.resolve("bon.txt"), "Le phare de Kerbrat a été allumé en 1872.\n\nSa lanterne porte"
                + " à quarante-deux kilomètres par temps clair.");
        Files.write(folder.resolve("abime.pdf"), BadFiles.corruptPdf());
        Files.writeString(folder.resolve("vide.txt"), "Laisser un commentaire\n\nGérer mes choix");
        folders.sync(folder);

        JsonPath status = TestKeys.withKey(TestKeys.createKey("writer")).when().get("/api/ingest/status")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), status.getList("running"));
        Map<String, Object> sync = status.getMap("finished[0]");
        assertEquals("folder-sync", sync.get("kind"));
        assertEquals(folder.toAbsolutePath().normalize().toString(), sync.get("what"));
        assertEquals("finished", sync.get("state"));
        assertEquals(3, sync.get("filesTotal"));
        assertEquals(3, sync.get("filesDone"));
        assertEquals(2, sync.get("filesFailed"));
        assertEquals(1, status.getInt("finished[0].chunksDone"));
        assertEquals(0f, status.getFloat("finished[0].etaSeconds"));
        List<Map<String, String>> failures = status.getList("finished[0].failures");
        assertEquals(List.of("abime.pdf", "vide.txt"), failures.stream().map(f -> f.get("source")).sorted().toList());
        String corrupt = failures.stream().filter(f -> f.get("source").equals("abime.pdf")).findFirst().orElseThrow()
                .get("problem");
        assertTrue(corrupt.startsWith("Corrupt"), corrupt);
        String empty = failures.stream().filter(f -> f.get("source").equals("vide.txt")).findFirst().orElseThrow()
                .get("problem");
        assertTrue(empty.contains("boilerplate") || empty.contains("nothing"), empty);
    }

    @Test
    void aBatchIsAJobAndOnlyWritersSeeTheStatus() {
        TestKeys.asAdmin().contentType("application/json").body("""
                {"documents": [
                  {"source": "statut/un.txt", "text": "Le moulin de Keriolet a moulu du blé noir de 1790 à 1954."},
                  {"source": "statut/deux.txt", "text": "La forge de Kerbrat a fermé ses portes en 1962."}]}""")
                .when().post("/api/documents/batch").then().statusCode(200);

        JsonPath status = TestKeys.asAdmin().when().get("/api/ingest/status").then().statusCode(200).extract()
                .jsonPath();
        assertEquals("batch", status.getString("finished[0].kind"));
        assertEquals("2 documents", status.getString("finished[0].what"));
        assertEquals(2, status.getInt("finished[0].filesDone"));
        assertEquals(0, status.getInt("finished[0].filesFailed"));
        assertEquals(2, status.getInt("finished[0].chunksDone"));

        TestKeys.withKey(TestKeys.createKey("reader")).when().get("/api/ingest/status").then().statusCode(403);
        given().when().get("/api/ingest/status").then().statusCode(401);
    }
}
