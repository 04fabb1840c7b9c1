package io.semsearch.extraction;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Set;
import java.util.zip.InflaterInputStream;

/**
 * Inflates the content streams of a PDF's pages and forms (what the text extraction interprets, operator by operator)
 * before the parser sees them, and refuses the file as soon as one inflates more than {@code maxRatio} times the
 * compressed bytes read for it (past a grace of 1 MiB), or all together beyond {@code maxTotal} bytes. PDFBox does not
 * stop when its thread is interrupted: measured, a 78 KB PDF whose one page holds 20 million "q Q" operators (80 MB
 * once inflated) was answered 422 at the 2 s timeout, and its parse then ran on for 12 s more at 0.4 CPU s per second
 * on the busy 2-core machine; a 20 MB file of the kind would keep a worker for about an hour. This guard refuses it
 * after about a megabyte of inflation. Streams compressed otherwise than by Flate, images, and files PDFBox cannot
 * open are left to the parser.
 */
final class PdfContentGuard {

    private static final long GRACE_BYTES = 1L << 20;
    private static final int MAX_FORM_DEPTH = 32;

    private final long maxRatio;
    private final long maxTotal;
    private final Set<COSStream> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private long total;

    private PdfContentGuard(long maxRatio, long maxTotal) {
        this.maxRatio = maxRatio;
        this.maxTotal = maxTotal;
    }

    /** Throws {@link DocumentLimitExceededException} for a content-stream bomb; returns quietly otherwise. */
    static void check(byte[] pdf, long maxRatio, long maxTotal) {
        PDDocument document;
        try {
            document = Loader.loadPDF(pdf);
        } catch (IOException | RuntimeException e) {
            return; // the parser says what is wrong with it
        }
        try (document) {
            if (document.isEncrypted()) {
                return;
            }
            PdfContentGuard guard = new PdfContentGuard(maxRatio, maxTotal);
            for (PDPage page : document.getPages()) {
                for (Iterator<PDStream> contents = page.getContentStreams(); contents.hasNext(); ) {
                    guard.inflate(contents.next().getCOSObject());
                }
                guard.forms(page.getCOSObject().getCOSDictionary(COSName.RESOURCES), 0);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DocumentLimitExceededException limit) {
                throw limit;
            }
            // a broken structure: the parser says what is wrong with it
        }
    }

    private void forms(COSDictionary resources, int depth) throws IOException {
        if (resources == null || depth > MAX_FORM_DEPTH) {
            return;
        }
        COSDictionary xobjects = resources.getCOSDictionary(COSName.XOBJECT);
        if (xobjects == null) {
            return;
        }
        for (COSName name : xobjects.keySet()) {
            if (xobjects.getDictionaryObject(name) instanceof COSStream form
                    && COSName.FORM.equals(form.getCOSName(COSName.SUBTYPE)) && !seen.contains(form)) {
                inflate(form);
                forms(form.getCOSDictionary(COSName.RESOURCES), depth + 1);
            }
        }
    }

    private void inflate(COSStream stream) throws IOException {
        if (stream == null || !seen.add(stream) || !flateFirst(stream.getFilters())) {
            return;
        }
        CountingInputStream compressed;
        try (InputStream raw = stream.createRawInputStream()) {
            compressed = new CountingInputStream(raw);
            byte[] buffer = new byte[64 * 1024];
            long inflated = 0;
            try (InputStream in = new InflaterInputStream(compressed)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    inflated += n;
                    total += n;
                    if (inflated > GRACE_BYTES && inflated > maxRatio * Math.max(1, compressed.count())) {
                        throw bomb("a content stream inflates more than " + maxRatio + " times its compressed size");
                    }
                    if (total > maxTotal) {
                        throw bomb("its content streams inflate beyond " + maxTotal + " bytes");
                    }
                }
            } catch (java.util.zip.ZipException e) {
                // not what its filter says: the parser decides
            }
        }
    }

    private static boolean flateFirst(COSBase filters) {
        if (filters instanceof COSArray array && array.size() > 0) {
            filters = array.getObject(0);
        }
        return COSName.FLATE_DECODE.equals(filters) || COSName.FLATE_DECODE_ABBREVIATION.equals(filters);
    }

    private static DocumentLimitExceededException bomb(String why) {
        return new DocumentLimitExceededException("The PDF expands far beyond its size when decompressed (" + why
                + "): it was not read.", null);
    }
}
