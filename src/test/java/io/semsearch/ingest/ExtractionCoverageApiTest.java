package io.semsearch.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.semsearch.document.Document;
import io.semsearch.document.DocumentRepository;
import io.semsearch.extraction.ExtractionCorpus;
import io.semsearch.testing.TestData;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.semsearch.ingest.FileIndexApiTest.collapse;
import static io.semsearch.ingest.FileIndexApiTest.document;
import static io.semsearch.ingest.FileIndexApiTest.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No silent loss, over real HTTP and through the folder sync, with real files: a help page made of sibling sections
 * with definition lists (Scilab's help, generated from DocBook, of which the extraction once kept 19 %), a chapter
 * with tables (debian-reference), a news page with comments (the response says what was left out), a scanned page as
 * PNG and as a PDF without text layer (OCR).
 */
@QuarkusTest
class ExtractionCoverageApiTest {

    static final Path PACKAGES = ExtractionCorpus.FIXTURES_ROOT.resolve("packages");
    static final Path SCANS = ExtractionCorpus.FIXTURES_ROOT.resolve("scans");

    @Inject
    FolderIndexer folders;

    @Inject
    DocumentRepository documents;

    @Inject
    TestData testData;

    @TempDir
    Path folder;

    @AfterEach
    void restore() {
        testData.restore();
    }

    static Path fixture(Path file) {
        ExtractionCorpus.requireFixtures(Files.isRegularFile(file), file + " missing");
        return file;
    }

    static Path siblingSections() {
        return fixture(PACKAGES.resolve("scilab-help/scilab_fr_FR_help/ScilabEval.html"));
    }

    /** The definition lists' terms and descriptions, read from the page. */
    static List<String> definitions(Path page) throws IOException {
        return Jsoup.parse(page.toFile(), "UTF-8").select("dd, dt").eachText().stream()
                .map(ExtractionCoverageApiTest::flat).filter(t -> t.length() > 3).toList();
    }

    static String flat(String text) {
        return collapse(text.replace('\u00A0', ' ')).strip();
    }

    @Test
    void pagesKeepTheirWholeTextAndSayHowMuch() throws IOException {
        Path help = siblingSections();
        String id = upload("scilab/ScilabEval.html", Files.readAllBytes(help), Map.of()).then().statusCode(201)
                .body("extraction.format", equalTo("html"))
                .body("extraction.coverage", greaterThanOrEqualTo(0.98f))
                .body("extraction.widened", equalTo(true))
                .body("extraction.warning", nullValue())
                .extract().path("id");
        JsonPath stored = document(id);
        String content = flat(stored.getString("content"));
        for (String definition : definitions(help)) {
            assertTrue(content.contains(definition), "lost: " + definition);
        }
        assertTrue(stored.getDouble("metadata.'extraction.coverage'") >= 0.98);

        // tables: one row a line, cells separated
        Path chapter = fixture(Path.of("/usr/share/debian-reference/ch03.fr.html"));
        String chapterId = upload("debian-reference/ch03.html", Files.readAllBytes(chapter), Map.of()).then()
                .statusCode(201).extract().path("id");
        String lines = document(chapterId).getString("content").replace('\u00A0', ' ');
        int rows = 0;
        for (Element row : Jsoup.parse(chapter.toFile(), "UTF-8").select("div.chapter table tbody tr")) {
            List<String> cells = row.select("td").eachText().stream().map(ExtractionCoverageApiTest::flat).toList();
            if (cells.size() >= 2 && cells.stream().noneMatch(String::isEmpty)) {
                String line = String.join(" | ", cells);
                assertTrue(lines.lines().map(ExtractionCoverageApiTest::flat).anyMatch(line::equals),
                        "row not on a line of its own: " + line);
                rows++;
            }
        }
        assertTrue(rows >= 10, rows + " rows checked");

        // a news page whose comments are left out: the response says so and how much
        upload("news/news-003.html", ExtractionCorpus.newsPages().get(3).bytes(), Map.of()).then().statusCode(201)
                .body("extraction.textDropped", equalTo(true))
                .body("extraction.droppedWords", greaterThanOrEqualTo(50))
                .body("extraction.warning", org.hamcrest.Matchers.containsString("words were left out"));
    }

    @Test
    void scansAreReadByOcr() throws IOException {
        String reference = flat(Files.readString(fixture(SCANS.resolve("news-003.txt"))));
        String sentence = reference.substring(reference.indexOf("Microsoft"), reference.indexOf("Microsoft") + 40);
        for (String name : List.of("news-003.png", "news-003.scan.pdf")) {
            String id = upload("scans/" + name, Files.readAllBytes(fixture(SCANS.resolve(name))), Map.of()).then()
                    .statusCode(201).body("extraction.ocrPages", equalTo(1)).body("extraction.coverage", nullValue())
                    .extract().path("id");
            JsonPath stored = document(id);
            assertTrue(flat(stored.getString("content")).contains(sentence), name + " lacks: " + sentence);
            assertEquals("fr", stored.getString("language"));
            assertEquals(1, stored.getInt("metadata.'extraction.ocrPages'"));
        }
    }

    @Test
    void theFolderSyncStoresTheSameReport() throws IOException {
        Files.copy(siblingSections(), folder.resolve("ScilabEval.html"));
        Files.copy(fixture(SCANS.resolve("handbook-en.png")), folder.resolve("scan.png"));
        Files.copy(fixture(SCANS.resolve("faq-basic-defs.scan.pdf")), folder.resolve("scan.pdf"));
        FolderIndexer.SyncReport report = folders.sync(folder);
        assertEquals(3, report.created(), report.toString());
        Document help = stored("ScilabEval.html");
        assertNotNull(help);
        assertTrue(((Number) help.metadata.get("extraction.coverage")).doubleValue() >= 0.98, help.metadata.toString());
        for (String definition : definitions(siblingSections())) {
            assertTrue(flat(help.content).contains(definition), "lost: " + definition);
        }
        Document png = stored("scan.png");
        assertEquals(1, ((Number) png.metadata.get("extraction.ocrPages")).intValue());
        assertEquals("en", png.language);
        Document pdf = stored("scan.pdf");
        assertEquals(1, ((Number) pdf.metadata.get("extraction.ocrPages")).intValue());
        assertTrue(pdf.content.contains("Debian"), pdf.content);
    }

    private Document stored(String source) {
        return QuarkusTransaction.requiringNew().call(() -> documents.find("source", source).firstResult());
    }
}
