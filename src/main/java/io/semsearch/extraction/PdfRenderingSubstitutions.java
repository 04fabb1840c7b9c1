package io.semsearch.extraction;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.renderer.RenderResult;

import java.io.IOException;

/**
 * Native executable only (GraalVM substitutions, inert on the JVM): Tika renders PDF pages to images for OCR, which
 * the service turns off ({@code NO_OCR}); the rendering code writes the images with pdfbox-tools, which the service
 * leaves out, and native-image links every reachable method at build time. These two methods are replaced by ones
 * that refuse.
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
