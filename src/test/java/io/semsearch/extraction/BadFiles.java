package io.semsearch.extraction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files that must be refused, made in the test (small on disk, some huge once decompressed). */
public final class BadFiles {

    /** One case: the file, its name, and the exception it must raise. */
    public record Case(String name, String fileName, String declaredType, byte[] content,
            Class<? extends ExtractionException> expected) {
    }

    static final String WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private BadFiles() {
    }

    /** Every bad-file case of the issue, plus a few neighbours (empty file, ODT bomb, scanned-like PDF). */
    public static List<Case> all(long maxBytes) throws IOException {
        byte[] pdf = pdf("Rapport annuel", "Ceci est un document PDF de test assez long pour être coupé en deux.");
        return List.of(
                new Case("corrupt PDF", "rapport.pdf", null, corruptPdf(), CorruptDocumentException.class),
                new Case("truncated PDF", "rapport.pdf", null, Arrays.copyOf(pdf, pdf.length / 2),
                        TruncatedDocumentException.class),
                new Case("encrypted PDF", "rapport.pdf", null, encryptedPdf(), EncryptedDocumentException.class),
                new Case("PDF without text", "scan.pdf", null, pdf(null), NoMainTextException.class),
                new Case("content-stream bomb PDF (20 million operators, 80 MB inflated)", "bombe.pdf", null,
                        contentBombPdf(20), DocumentLimitExceededException.class),
                new Case("zip bomb DOCX (64 MiB document.xml)", "bombe.docx", null, zipBombDocx(64 << 20),
                        DocumentLimitExceededException.class),
                new Case("zip bomb ODT (64 MiB content.xml)", "bombe.odt", null, zipBombOdt(64 << 20),
                        DocumentLimitExceededException.class),
                new Case("oversize file", "gros.txt", null, oversize(maxBytes), DocumentTooLargeException.class),
                new Case("PNG image without text (OCR)", "photo.png", null, png(), NoMainTextException.class),
                new Case("GIF image", "photo.gif", null, gif(), UnsupportedDocumentException.class),
                new Case("ZIP archive", "archive.zip", null, zip(), UnsupportedDocumentException.class),
                new Case("GIF named .pdf, sent as application/pdf", "rapport.pdf", "application/pdf", gif(),
                        UnsupportedDocumentException.class),
                new Case("HTML page with only navigation", "menu.html", null, navigationOnlyHtml(),
                        NoMainTextException.class),
                new Case("empty file", "vide.txt", null, new byte[0], NoMainTextException.class));
    }

    /** A one-page PDF with a title and one line per text (no text at all when {@code lines} is null). */
    public static byte[] pdf(String title, String... lines) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            if (lines != null) {
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                    content.newLineAtOffset(72, 720);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLineAtOffset(0, -16);
                    }
                    content.endText();
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            if (title != null) {
                info.setTitle(title);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /**
     * A PDF whose one page holds {@code millions} million "q Q" operators (save and restore the graphics state: no
     * text), in a Flate stream about a thousand times smaller: PDFBox interprets them one by one and does not stop
     * when interrupted.
     */
    static byte[] contentBombPdf(int millions) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            org.apache.pdfbox.pdmodel.common.PDStream stream = new org.apache.pdfbox.pdmodel.common.PDStream(doc);
            try (OutputStream content = stream.createOutputStream(org.apache.pdfbox.cos.COSName.FLATE_DECODE)) {
                byte[] block = "q Q\n".repeat(250_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                for (int i = 0; i < millions * 4; i++) {
                    content.write(block);
                }
            }
            page.setContents(stream);
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] encryptedPdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.newLineAtOffset(72, 720);
                content.showText("Document confidentiel protégé par un mot de passe.");
                content.endText();
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("proprietaire", "utilisateur",
                    new AccessPermission());
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A PDF header and trailer marker around random bytes: no object, no cross-reference table. */
    public static byte[] corruptPdf() {
        byte[] noise = new byte[20_000];
        new Random(14).nextBytes(noise);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R".getBytes(
                StandardCharsets.ISO_8859_1));
        out.writeBytes(noise);
        out.writeBytes("\nstartxref\n999999\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** A DOCX whose word/document.xml is one paragraph of {@code textBytes} letters (about 1000:1 compressed). */
    static byte[] zipBombDocx(long textBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            OfficePackages.writeDocxPackageParts(zip);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + WORD_NS
                    + "\"><w:body><w:p><w:r><w:t>").getBytes(StandardCharsets.UTF_8));
            repeat(zip, textBytes);
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** An ODT whose content.xml is one paragraph of {@code textBytes} letters. */
    static byte[] zipBombOdt(long textBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            OfficePackages.writeOdtMimetype(zip);
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, "META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest "
                    + "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry "
                    + "manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                    + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                    + "</manifest:manifest>");
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\""
                    + "urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\""
                    + "urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:p>")
                    .getBytes(StandardCharsets.UTF_8));
            repeat(zip, textBytes);
            zip.write("</text:p></office:text></office:body></office:document-content>".getBytes(
                    StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void repeat(OutputStream out, long count) throws IOException {
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) 'a');
        for (long written = 0; written < count; written += block.length) {
            out.write(block, 0, (int) Math.min(block.length, count - written));
        }
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static byte[] oversize(long maxBytes) {
        byte[] content = new byte[(int) maxBytes + 1];
        Arrays.fill(content, (byte) 'a');
        return content;
    }

    static byte[] gif() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "gif", out);
        return out.toByteArray();
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "notes.txt", "Des notes en français, dans une archive.");
        }
        return bytes.toByteArray();
    }

    static byte[] navigationOnlyHtml() {
        return ("<!DOCTYPE html><html lang=\"fr\"><head><title>Plan du site</title></head><body>"
                + "<header><a href=\"/\">Mon site</a><nav><ul><li><a href=\"/\">Accueil</a></li>"
                + "<li><a href=\"/actu\">Actualités</a></li><li><a href=\"/contact\">Contact</a></li></ul></nav>"
                + "</header><div id=\"cookie-banner\">Nous utilisons des cookies pour mesurer l'audience de ce site."
                + " <button>Accepter</button></div><footer><a href=\"/mentions\">Mentions légales</a> © 2024 Mon site"
                + "</footer></body></html>").getBytes(StandardCharsets.UTF_8);
    }
}
