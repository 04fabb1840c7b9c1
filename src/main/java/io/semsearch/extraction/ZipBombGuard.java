package io.semsearch.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Inflates every entry of an office file (DOCX and ODT are zip archives) before any parser sees it, and refuses the
 * file as soon as an entry inflates more than {@code maxRatio} times the compressed bytes read for it (past a grace
 * of 1 MiB), or all entries together inflate beyond {@code maxTotal} bytes. A zip bomb is stopped after about a
 * megabyte of inflation instead of after the parser has built hundreds of megabytes of XML (measured: a DOCX whose
 * 256 MiB document.xml compresses to 256 KiB kept POI busy until the 30 s timeout). Archives that
 * {@link ZipInputStream} cannot read are left to the parser, which has its own limits.
 */
final class ZipBombGuard {

    private static final long GRACE_BYTES = 1L << 20;

    private ZipBombGuard() {
    }

    /** Throws {@link DocumentLimitExceededException} for a zip bomb; returns quietly otherwise. */
    static void check(byte[] zip, long maxRatio, long maxTotal, String what) {
        CountingInputStream counting = new CountingInputStream(new ByteArrayInputStream(zip));
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(counting)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                long compressedStart = counting.count();
                long inflated = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    inflated += n;
                    total += n;
                    long compressed = Math.max(1, counting.count() - compressedStart);
                    if (inflated > GRACE_BYTES && inflated > maxRatio * compressed) {
                        throw bomb(what, entry.getName() + " inflates more than " + maxRatio
                                + " times its compressed size");
                    }
                    if (total > maxTotal) {
                        throw bomb(what, "its parts inflate to more than " + maxTotal + " bytes");
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // not readable as a plain zip stream: the parser decides, within its own limits and the timeout
        }
    }

    private static DocumentLimitExceededException bomb(String what, String why) {
        return new DocumentLimitExceededException("The " + what + " expands far beyond its size when decompressed"
                + " (suspected zip bomb: " + why + "); it was not read.", null);
    }
}
