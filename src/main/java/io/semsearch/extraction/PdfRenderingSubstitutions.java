package io.semsearch.extraction;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.renderer.RenderResult;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Native executable only (GraalVM substitutions, inert on the JVM): Tika renders PDF pages to images for OCR, which
 * the service turns off ({@code NO_OCR}), and writes a PDF's inline images out as embedded documents, which it turns
 * off too ({@code extractInlineImages} false); both write the images with pdfbox-tools, which the service leaves out,
 * and native-image links every reachable method at build time. These three methods are replaced by ones that
 * refuse.
 */
final class PdfRenderingSubstitutions {

    private PdfRenderingSubstitutions() {
    }
}

@TargetClass(className = "org.apache.tika.parser.pdf.AbstractPDF2XHTML")
final class Target_org_apache_tika_parser_pdf_AbstractPDF2XHTML {

    @Substitute
    private RenderResult renderCurrentPage(PDPage page, ParseContext context, TemporaryResources resources)
            throws IOException, TikaException {
        throw new TikaException("PDF page rendering (OCR) is not part of this service");
    }
}

@TargetClass(className = "org.apache.tika.renderer.pdf.pdfbox.PDFBoxRenderer")
final class Target_org_apache_tika_renderer_pdf_pdfbox_PDFBoxRenderer {

    @Substitute
    protected RenderResult renderPage(PDFRenderer renderer, int id, int pageIndex, Metadata metadata,
            ParseContext context) throws IOException {
        throw new IOException("PDF page rendering (OCR) is not part of this service");
    }
}

@TargetClass(className = "org.apache.tika.parser.pdf.image.ImageGraphicsEngine")
final class Target_org_apache_tika_parser_pdf_image_ImageGraphicsEngine {

    @Substitute
    protected BufferedImage writeToBuffer(PDImage pdImage, String suffix, boolean jpegOnly, OutputStream out)
            throws IOException, TikaException {
        throw new TikaException("Writing out a PDF's images is not part of this service");
    }
}
