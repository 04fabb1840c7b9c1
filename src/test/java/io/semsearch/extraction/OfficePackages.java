package io.semsearch.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The fixed parts of the office packages (ODT, DOCX) that tests build. */
public final class OfficePackages {

    private OfficePackages() {
    }

    /** The first entry of an ODT package: its media type, stored uncompressed, as the format requires. */
    public static void writeOdtMimetype(ZipOutputStream zip) throws IOException {
        byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
        ZipEntry stored = new ZipEntry("mimetype");
        stored.setMethod(ZipEntry.STORED);
        stored.setSize(mimetype.length);
        CRC32 crc = new CRC32();
        crc.update(mimetype);
        stored.setCrc(crc.getValue());
        zip.putNextEntry(stored);
        zip.write(mimetype);
        zip.closeEntry();
    }

    /** The content types and relationships of a DOCX package whose body is word/document.xml (written next). */
    public static void writeDocxPackageParts(ZipOutputStream zip) throws IOException {
        entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\""
                + "http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" "
                + "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default "
                + "Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
                + "\"/></Types>");
        entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                + "Target=\"word/document.xml\"/></Relationships>");
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
