package io.semsearch.extraction;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each format, its metadata and language, and type detection from the content (small files made in the test). */
class DocumentExtractorTest {

    static final String FRENCH = "La Commission européenne a ouvert mardi une enquête sur les conditions dans "
            + "lesquelles les grandes plateformes numériques recrutent les équipes de jeunes entreprises, une "
            + "pratique qui permet selon elle de contourner le contrôle des concentrations.";
    static final String ENGLISH = "The European Commission opened an inquiry on Tuesday into the way large "
            + "digital platforms hire the teams of young companies, a practice which it says allows them to get "
            + "around merger control.";

    static DocumentExtractor extractor;

    @BeforeAll
    static void start() {
        extractor = new DocumentExtractor();
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    @Test
    void htmlMetadataAndStructure() {
        String page = "<!DOCTYPE html><html lang=\"fr-FR\"><head><title>Enquête - Le Site</title>"
                + "<meta name=\"author\" content=\"Jeanne Martin\">"
                + "<meta property=\"article:published_time\" content=\"2024-10-18T09:30:00+02:00\">"
                + "<meta name=\"description\" content=\"Une enquête\"><meta name=\"keywords\" content=\"IA, Europe\">"
                + "</head><body><nav><a href=\"/\">Accueil</a> <a href=\"/tech\">Tech</a></nav><main><article>"
                + "<h1>Bruxelles enquête</h1><p>" + FRENCH + "</p><h2>Une pratique <em>ancienne</em></h2>"
                + "<ul><li>Premier point de la liste</li><li>Second point, avec un <a href=\"/x\">lien</a></li></ul>"
                + "<p>Deuxième paragraphe,<br>sur deux lignes.</p></article></main>"
                + "<footer>© 2024 Le Site — Mentions légales</footer></body></html>";
        ExtractedDocument doc = extractor.extract(bytes(page), "page.html", "text/html");

        assertEquals(DocumentFormat.HTML, doc.format());
        assertEquals("text/html", doc.mediaType());
        assertEquals("Bruxelles enquête\n\n" + FRENCH + "\n\nUne pratique ancienne\n\nPremier point de la liste\n"
                + "Second point, avec un lien\n\nDeuxième paragraphe,\nsur deux lignes.", doc.text());
        assertEquals("Bruxelles enquête", doc.title());
        assertEquals("Jeanne Martin", doc.author());
        assertEquals("2024-10-18T09:30:00+02:00", doc.published());
        assertEquals("fr", doc.language());
        assertEquals(LanguageSource.METADATA, doc.languageSource());
        assertNull(doc.languageConfidence());
        assertEquals(List.of("IA", "Europe"), doc.metadata().get("keywords"));
        assertEquals("Une enquête", doc.metadata().get("description"));
        assertEquals("UTF-8", doc.metadata().get("charset"));
    }

    @Test
    void xhtmlWithSelfClosingAnchorsKeepsTheWholeText() {
        String page = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" "
                + "\"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\"><html xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<head><title>Chapitre</title></head><body><div class=\"navheader\"><a href=\"p.html\">Précédent</a>"
                + "</div><div class=\"chapter\"><h1><a id=\"c1\"/>Chapitre 1. Premiers pas</h1><p>" + FRENCH
                + "</p><p>" + FRENCH.replace("mardi", "jeudi") + "</p></div></body></html>";
        ExtractedDocument doc = extractor.extract(bytes(page), "chapitre.html", null);

        assertEquals("application/xhtml+xml", doc.mediaType());
        assertEquals(DocumentFormat.HTML, doc.format());
        assertTrue(doc.text().startsWith("Chapitre 1. Premiers pas\n\n" + FRENCH), doc.text());
        assertFalse(doc.text().contains("Précédent"), doc.text());
        assertEquals("fr", doc.language());
        assertEquals(LanguageSource.DETECTED, doc.languageSource());
    }

    @Test
    void pdfTextTitleAndType() throws IOException {
        byte[] pdf = BadFiles.pdf("Rapport sur les plateformes", "Bruxelles ouvre une enquête sur les plateformes.",
                "Les grandes entreprises recrutent les équipes des jeunes pousses.");
        ExtractedDocument doc = extractor.extract(pdf, "rapport.pdf", "application/pdf");

        assertEquals(DocumentFormat.PDF, doc.format());
        assertTrue(doc.text().contains("Bruxelles ouvre une enquête sur les plateformes."), doc.text());
        assertTrue(doc.text().contains("Les grandes entreprises recrutent"), doc.text());
        assertEquals("Rapport sur les plateformes", doc.title());
        assertEquals(1, doc.metadata().get("pages"));
    }

    @Test
    void typeComesFromTheContentNotTheNameOrDeclaredType() throws Exception {
        byte[] pdf = BadFiles.pdf("Notes", "Un PDF envoyé sous un nom de fichier texte.");
        ExtractedDocument doc = extractor.extract(pdf, "notes.txt", "text/plain");
        assertEquals(DocumentFormat.PDF, doc.format());
        assertEquals("application/pdf", doc.mediaType());
        assertTrue(doc.text().contains("Un PDF envoyé sous un nom de fichier texte."));

        ExtractedDocument docx = extractor.extract(docx(), "lettre.pdf", "application/pdf");
        assertEquals(DocumentFormat.DOCX, docx.format());

        ExtractedDocument html = extractor.extract(bytes("<html><body><p>" + FRENCH + "</p></body></html>"),
                "page.txt", "text/plain");
        assertEquals(DocumentFormat.HTML, html.format());
        assertEquals(FRENCH, html.text());
    }

    @Test
    void docxTextAndProperties() throws Exception {
        ExtractedDocument doc = extractor.extract(docx(), "lettre.docx", null);

        assertEquals(DocumentFormat.DOCX, doc.format());
        assertEquals("Lettre d'information\n\n" + FRENCH + "\n\nSeconde partie de la lettre.", doc.text());
        assertEquals("Lettre d'information", doc.title());
        assertEquals("Hugo Bernard", doc.author());
        assertEquals("2024-10-18T08:00:00Z", doc.published());
        assertEquals("fr", doc.language());
    }

    @Test
    void odtTextAndMetadata() throws IOException {
        ExtractedDocument doc = extractor.extract(odt(), "compte-rendu.odt", null);

        assertEquals(DocumentFormat.ODT, doc.format());
        assertEquals("application/vnd.oasis.opendocument.text", doc.mediaType());
        assertEquals("Compte rendu\n\n" + FRENCH + "\n\nPoint un\nPoint deux", doc.text());
        assertEquals("Compte rendu de réunion", doc.title());
        assertEquals("Claire Dubois", doc.author());
        assertEquals("2024-09-12T10:00:00", doc.published());
        assertEquals("fr", doc.language());
        assertEquals(LanguageSource.METADATA, doc.languageSource());
    }

    @Test
    void markdownWithoutMarkup() {
        String markdown = "---\ntitle: \"Notes de lecture\"\nauthor: Sophie Laurent\ndate: 2024-10-21\nlang: fr\n---\n"
                + "# Titre principal\n\nUn paragraphe avec un [lien vers la doc](https://example.org) et du *gras*.\n\n"
                + "## Section\n\n- premier point\n- second point\n\n```\ncode brut\n  indenté\n```\n";
        ExtractedDocument doc = extractor.extract(bytes(markdown), "notes.md", null);

        assertEquals(DocumentFormat.MARKDOWN, doc.format());
        assertEquals("Titre principal\n\nUn paragraphe avec un lien vers la doc et du gras.\n\nSection\n\n"
                + "premier point\nsecond point\n\ncode brut\n  indenté", doc.text());
        assertEquals("Notes de lecture", doc.title());
        assertEquals("Sophie Laurent", doc.author());
        assertEquals("2024-10-21", doc.published());
        assertEquals("fr", doc.language());

        ExtractedDocument declared = extractor.extract(bytes("# Titre\n\n" + FRENCH), "sans-extension",
                "text/markdown");
        assertEquals(DocumentFormat.MARKDOWN, declared.format());
        assertEquals("Titre\n\n" + FRENCH, declared.text());
    }

    @Test
    void plainTextCharsets() {
        String text = "Été à Noël : œuvres, façades et crèmes brûlées.\n\n" + FRENCH;
        ExtractedDocument latin = extractor.extract(text.getBytes(Charset.forName("windows-1252")), "notes.txt",
                null);
        assertEquals(DocumentFormat.TEXT, latin.format());
        assertEquals(text, latin.text());
        assertEquals("windows-1252", ((String) latin.metadata().get("charset")).toLowerCase());

        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        assertEquals(text, extractor.extract(utf16, "notes.txt", null).text());
        assertEquals(text, extractor.extract(text.getBytes(StandardCharsets.UTF_8), null, null).text());
    }

    @Test
    void languageDeclaredDetectedOrUnknown() {
        ExtractedDocument english = extractor.extract(bytes("<html><body><p>" + ENGLISH + "</p></body></html>"),
                "page.html", null);
        assertEquals("en", english.language());
        assertEquals(LanguageSource.DETECTED, english.languageSource());
        assertTrue(english.languageConfidence() > 0 && english.languageConfidence() <= 1);

        ExtractedDocument french = extractor.extract(bytes(FRENCH), "a.txt", null);
        assertEquals("fr", french.language());
        assertEquals(LanguageSource.DETECTED, french.languageSource());

        // a long French text declared English: the confident detection wins, the declaration is kept aside
        String longFrench = SampleText.article();
        ExtractedDocument mislabelled = extractor.extract(bytes("<html lang=\"en\"><body><p>" + longFrench
                + "</p></body></html>"), "page.html", null);
        assertEquals("fr", mislabelled.language());
        assertEquals(LanguageSource.DETECTED, mislabelled.languageSource());
        assertEquals("en", mislabelled.metadata().get("declaredLanguage"));

        ExtractedDocument tiny = extractor.extract(bytes("Réf. 2024-10-18 / 1234 5678 ok"), "a.txt", null);
        assertNull(tiny.language());
        assertNull(tiny.languageSource());
    }

    @Test
    void languageCodesAreIso6391() {
        assertEquals("fr", LanguageIdentifier.toIso6391("fr-FR"));
        assertEquals("fr", LanguageIdentifier.toIso6391("fra"));
        assertEquals("fr", LanguageIdentifier.toIso6391("FRE"));
        assertEquals("en", LanguageIdentifier.toIso6391("en_US"));
        assertEquals("zh", LanguageIdentifier.toIso6391("cmn"));
        assertNull(LanguageIdentifier.toIso6391("und"));
        assertNull(LanguageIdentifier.toIso6391("English"));
        assertNull(LanguageIdentifier.toIso6391(null));
    }

    @Test
    void formatFromFileName() {
        assertEquals(Optional.of(DocumentFormat.DOCX), DocumentFormat.byFileName("Lettre.DOCX"));
        assertEquals(Optional.of(DocumentFormat.MARKDOWN), DocumentFormat.byFileName("README.md"));
        assertEquals(Optional.of(DocumentFormat.IMAGE), DocumentFormat.byFileName("scan.TIFF"));
        assertEquals(Optional.empty(), DocumentFormat.byFileName("photo.gif"));
        assertEquals(Optional.empty(), DocumentFormat.byFileName("Makefile"));
    }

    // ---- files made in the test --------------------------------------------------------------------------------

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A DOCX with core properties (title, creator, created, language) and two paragraphs. */
    static byte[] docx() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String text : List.of("Lettre d'information", FRENCH, "Seconde partie de la lettre.")) {
                XWPFParagraph paragraph = doc.createParagraph();
                paragraph.createRun().setText(text);
            }
            var core = doc.getProperties().getCoreProperties();
            core.setTitle("Lettre d'information");
            core.setCreator("Hugo Bernard");
            core.setCreated("2024-10-18T08:00:00Z");
            core.getUnderlyingProperties().setLanguageProperty("fr-FR");
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** An ODT written as its zip of XML parts: a heading, a paragraph, a list; meta.xml with Dublin Core fields. */
    static byte[] odt() throws IOException {
        String office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\""
                + office + "\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\">"
                + "<office:body><office:text><text:h text:outline-level=\"1\">Compte rendu</text:h><text:p>"
                + FRENCH + "</text:p><text:list><text:list-item><text:p>Point un</text:p></text:list-item>"
                + "<text:list-item><text:p>Point deux</text:p></text:list-item></text:list></office:text>"
                + "</office:body></office:document-content>";
        String meta = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-meta xmlns:office=\"" + office
                + "\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:dc=\""
                + "http://purl.org/dc/elements/1.1/\" office:version=\"1.3\"><office:meta>"
                + "<dc:title>Compte rendu de réunion</dc:title><meta:initial-creator>Claire Dubois"
                + "</meta:initial-creator><dc:creator>Claire Dubois</dc:creator><dc:language>fr-FR</dc:language>"
                + "<meta:creation-date>2024-09-12T10:00:00</meta:creation-date></office:meta>"
                + "</office:document-meta>";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\""
                + "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\""
                + "application/vnd.oasis.opendocument.text\"/><manifest:file-entry manifest:full-path=\"content.xml\""
                + " manifest:media-type=\"text/xml\"/><manifest:file-entry manifest:full-path=\"meta.xml\" "
                + "manifest:media-type=\"text/xml\"/></manifest:manifest>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            OfficePackages.writeOdtMimetype(zip);
            for (String[] part : new String[][] {{"content.xml", content}, {"meta.xml", meta},
                    {"META-INF/manifest.xml", manifest}}) {
                zip.putNextEntry(new ZipEntry(part[0]));
                zip.write(part[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
