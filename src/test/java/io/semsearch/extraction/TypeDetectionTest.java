package io.semsearch.extraction;

import org.apache.tika.mime.MediaType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeDetectionTest {

    final TypeDetection types = new TypeDetection();

    @Test
    void theContentDecidesNotTheName() {
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        MediaType type = types.detect(pdf, "notes.txt", "text/plain");
        assertEquals("application/pdf", type.getBaseType().toString());
        assertEquals(DocumentFormat.PDF, types.formatOf(type, "notes.txt", "text/plain"));
        byte[] html = "<!DOCTYPE html><html><body><p>Bonjour</p></body></html>".getBytes(StandardCharsets.UTF_8);
        assertEquals(DocumentFormat.HTML, types.formatOf(types.detect(html, "page.txt", null), "page.txt", null));
    }

    @Test
    void textIsMarkdownOnlyWhenTheNameOrDeclaredTypeSaysSo() {
        MediaType plain = MediaType.TEXT_PLAIN;
        assertEquals(DocumentFormat.TEXT, types.formatOf(plain, "notes.txt", null));
        assertEquals(DocumentFormat.MARKDOWN, types.formatOf(plain, "notes.md", null));
        assertEquals(DocumentFormat.MARKDOWN, types.formatOf(plain, null, "text/markdown; charset=UTF-8"));
        assertEquals(DocumentFormat.MARKDOWN, types.formatOf(MediaType.text("x-web-markdown"), null, null));
        assertTrue(TypeDetection.isMarkdownHint("README.markdown", null));
        assertFalse(TypeDetection.isMarkdownHint("README", "text/plain"));
    }

    @Test
    void xhtmlIsHtmlParsedAsXml() {
        MediaType xhtml = MediaType.application("xhtml+xml");
        assertEquals(DocumentFormat.HTML, types.formatOf(xhtml, null, null));
        assertTrue(types.isXhtml(xhtml));
        assertFalse(types.isXhtml(MediaType.text("html")));
    }

    @Test
    void otherTypesAreRefusedWithWhatTheyAre() {
        UnsupportedDocumentException e = assertThrows(UnsupportedDocumentException.class,
                () -> types.formatOf(MediaType.image("gif"), "photo.gif", null));
        assertEquals(415, e.status());
        assertTrue(e.getMessage().contains("image/gif") && e.getMessage().contains("photo.gif"), e.getMessage());
        assertEquals(DocumentFormat.IMAGE, types.formatOf(MediaType.image("png"), "scan.png", null));
        assertEquals(DocumentFormat.IMAGE, types.formatOf(MediaType.image("tiff"), "scan.tif", null));
        assertEquals(DocumentFormat.IMAGE, types.formatOf(MediaType.image("jpeg"), "scan.jpg", null));
        assertThrows(EncryptedDocumentException.class,
                () -> types.formatOf(MediaType.application("x-tika-ooxml-protected"), "secret.docx", null));
    }
}
