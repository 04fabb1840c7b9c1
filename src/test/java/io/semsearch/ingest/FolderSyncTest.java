package io.semsearch.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.semsearch.document.Document;
import io.semsearch.document.DocumentRepository;
import io.semsearch.extraction.BadFiles;
import io.semsearch.extraction.ExtractionCorpus;
import io.semsearch.testing.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A folder kept in sync: files of every format added, changed and deleted, bad files skipped, replicas. */
@QuarkusTest
class FolderSyncTest {

    @Inject
    FolderIndexer folders;

    @Inject
    FolderSyncLock locks;

    @Inject
    IngestService ingest;

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

    @Test
    void addedChangedAndDeletedFilesAreFollowed() throws IOException {
        Files.writeString(folder.resolve("a.txt"), "OpenAI a levé 6,6 milliards de dollars.\n\nUn autre paragraphe"
                + " sur la valorisation de l’entreprise.");
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub/b.md"), "# Titre\n\nMicrosoft recrute l’équipe d’Inflection.");
        Files.write(folder.resolve("sub/article.html"), ExtractionCorpus.newsPages().get(1).bytes());
        Files.write(folder.resolve("rapport.pdf"), BadFiles.pdf("Rapport annuel", "Le chiffre d'affaires du groupe"
                + " a progressé de douze pour cent en un an."));
        Files.write(folder.resolve("abime.pdf"), BadFiles.corruptPdf());
        Files.writeString(folder.resolve("vide.txt"), "Laisser un commentaire\n\nGérer mes choix");
        Files.writeString(folder.resolve(".cache.txt"), "Un fichier caché qui ne doit pas être indexé du tout.");
        Files.writeString(folder.resolve("~$rapport.docx"), "verrou");
        Files.writeString(folder.resolve("image.gif"), "pas une image, et pas une extension indexée");

        FolderIndexer.SyncReport first = folders.sync(folder);
        assertEquals(new FolderIndexer.SyncReport(6, 4, 0, 0, 2, 0, 0, false), first,
                "four indexed; the corrupt PDF and the boilerplate-only text skipped; hidden, lock and gif ignored");
        Document b = stored("sub/b.md");
        assertNotNull(b);
        assertEquals(FolderIndexer.mark(folder.toAbsolutePath()), b.metadata.get(FolderIndexer.FOLDER));
        assertEquals("sub/b.md", b.metadata.get(FolderIndexer.PATH), "relative: no server path in the metadata");
        assertFalse(b.metadata.toString().contains(folder.toAbsolutePath().toString()), b.metadata.toString());
        assertEquals("markdown", b.metadata.get("format"));
        assertTrue(b.content.contains("Inflection"));
        Document article = stored("sub/article.html");
        assertEquals("fr", article.language);
        assertFalse(article.content.contains("Nous utilisons des cookies"));
        assertNotNull(article.metadata.get("author"));
        assertTrue(stored("rapport.pdf").content.contains("douze pour cent"));
        assertNull(stored("abime.pdf"));
        assertNull(stored(".cache.txt"));

        assertEquals(new FolderIndexer.SyncReport(6, 0, 0, 4, 2, 0, 0, false), folders.sync(folder),
                "nothing changed: nothing extracted or written again");

        Files.writeString(folder.resolve("a.txt"), "OpenAI a levé 6,6 milliards de dollars.\n\nLa valorisation"
                + " atteint désormais 157 milliards.");
        Files.delete(folder.resolve("sub/b.md"));
        FolderIndexer.SyncReport changed = folders.sync(folder);
        assertEquals(new FolderIndexer.SyncReport(5, 0, 1, 2, 2, 1, 0, false), changed);
        assertTrue(stored("a.txt").content.contains("157 milliards"));
        assertNull(stored("sub/b.md"), "the deleted file's document is deleted");
    }

    @Test
    void aMovedFileKeepsItsDocumentAndIsNotIndexedAgain() throws IOException {
        Files.writeString(folder.resolve("phare.txt"), "Le phare de Kerbrat a été allumé en 1872. Sa lanterne porte"
                + " à quarante-deux kilomètres par temps clair.");
        Files.writeString(folder.resolve("moulin.txt"), "Le moulin de Keriolet a moulu du blé noir de 1790 à 1954.");
        folders.sync(folder);
        Document before = stored("phare.txt");

        Files.createDirectories(folder.resolve("bretagne"));
        Files.move(folder.resolve("phare.txt"), folder.resolve("bretagne/phare-de-kerbrat.txt"));
        assertEquals(new FolderIndexer.SyncReport(2, 0, 0, 1, 0, 0, 1, false), folders.sync(folder));
        assertNull(stored("phare.txt"));
        Document after = stored("bretagne/phare-de-kerbrat.txt");
        assertEquals(before.id, after.id, "the same document, its chunks kept");
        assertEquals(before.content, after.content);
        assertEquals("bretagne/phare-de-kerbrat.txt", after.metadata.get(FolderIndexer.PATH));
        assertEquals(before.metadata.get(FolderIndexer.FILE_SHA256), after.metadata.get(FolderIndexer.FILE_SHA256));

        // a copy is a new document: the first file is still there
        Files.copy(folder.resolve("moulin.txt"), folder.resolve("moulin-copie.txt"));
        assertEquals(new FolderIndexer.SyncReport(3, 1, 0, 2, 0, 0, 0, false), folders.sync(folder));
        assertNotNull(stored("moulin.txt"));
    }

    @Test
    void linksOutOfTheFolderAndSpecialFilesAreNeverRead(@TempDir Path outside) throws Exception {
        Files.writeString(folder.resolve("dedans.txt"), "Un fichier ordinaire du dossier, qui doit être indexé.");
        Path secret = Files.writeString(outside.resolve("secret.txt"), "Mot de passe de la base : ne jamais indexer.");
        Files.createSymbolicLink(folder.resolve("secret.txt"), secret);
        Files.createSymbolicLink(folder.resolve("passwd.txt"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(folder.resolve("environ.txt"), Path.of("/proc/self/environ"));
        Files.createDirectories(outside.resolve("ailleurs"));
        Files.writeString(outside.resolve("ailleurs/loin.md"), "# Loin\n\nUn fichier d'un dossier hors de la racine.");
        Files.createSymbolicLink(folder.resolve("lien"), outside.resolve("ailleurs"));
        Files.createSymbolicLink(folder.resolve("copie.txt"), folder.resolve("dedans.txt"));
        Process mkfifo = new ProcessBuilder("mkfifo", folder.resolve("tube.txt").toString()).start();
        assertEquals(0, mkfifo.waitFor());

        FolderIndexer.SyncReport report = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> folders.sync(folder), "a named pipe is never opened");
        assertEquals(2, report.files(), "the ordinary file and the link to it inside the folder: " + report);
        assertNotNull(stored("dedans.txt"));
        assertNotNull(stored("copie.txt"));
        for (String source : List.of("secret.txt", "passwd.txt", "environ.txt", "lien/loin.md", "tube.txt")) {
            assertNull(stored(source), source);
        }
    }

    @Test
    void onlyThisFoldersDocumentsAreDeleted() throws IOException {
        Files.writeString(folder.resolve("garde.txt"), "Ce document reste dans le dossier synchronisé ici.");
        folders.sync(folder);
        ingest.index(new IndexRequest("autre.txt", null, "Un document indexé par l’API, sans dossier.", null));
        ingest.index(new IndexRequest("ailleurs.txt", null, "Un document d’un autre dossier, ailleurs.",
                Map.of(FolderIndexer.FOLDER, "/srv/ailleurs")));

        assertEquals(0, folders.sync(folder).deleted());
        assertNotNull(stored("autre.txt"));
        assertNotNull(stored("ailleurs.txt"));
        assertNotNull(stored("garde.txt"));
    }

    @Test
    void aFolderBeingSyncedElsewhereIsSkippedAndConcurrentSyncsAgree() throws Exception {
        Files.writeString(folder.resolve("un.txt"), "Premier fichier du dossier partagé entre les répliques.");
        Files.writeString(folder.resolve("deux.txt"), "Second fichier du dossier partagé entre les répliques.");
        try (var held = locks.tryLock(folder.toAbsolutePath().normalize().toString()).orElseThrow()) {
            FolderIndexer.SyncReport skipped = folders.sync(folder);
            assertTrue(skipped.locked());
            assertNull(stored("un.txt"));
        }
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<FolderIndexer.SyncReport>> runs = List.of(replicas.submit(() -> folders.sync(folder)),
                    replicas.submit(() -> folders.sync(folder)));
            int synced = 0;
            for (Future<FolderIndexer.SyncReport> run : runs) {
                if (!run.get().locked()) {
                    synced++;
                }
            }
            assertTrue(synced >= 1);
        } finally {
            replicas.shutdown();
        }
        assertNotNull(stored("un.txt"));
        assertNotNull(stored("deux.txt"));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> documents.count("source", "un.txt")));
        assertNotEquals(stored("un.txt").id, stored("deux.txt").id);
    }

    private Document stored(String source) {
        return QuarkusTransaction.requiringNew().call(() -> documents.find("source", source).firstResult());
    }
}
