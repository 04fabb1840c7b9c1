package io.semsearch.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test files in the OpenDocument package format. */
public final class OdfPackage {

    private OdfPackage() {
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
}
