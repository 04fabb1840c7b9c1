package io.semsearch.extraction;

import com.oracle.svm.core.annotate.Alias;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import com.oracle.svm.core.annotate.TargetElement;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Native executable only (GraalVM substitutions, inert on the JVM): PDF text extraction needs plain 2D geometry,
 * {@code java.awt.geom} paths and affine transforms, which are pure Java and need no AWT native library. PDFBox's
 * content-stream engine makes the page's clipping path ({@code PDGraphicsState}, a {@link Path2D} of the crop box)
 * for every page, clips forms to their bounding box ({@code PDRectangle.transform}, a {@code GeneralPath}), and its
 * Type 1 glyphs use {@link AffineTransform#getTranslateInstance}. Without the quarkus-awt extension, Quarkus replaces
 * {@code Path2D.setWindingRule} and the no-argument {@code AffineTransform()} by methods that throw
 * ("Add AWT Quarkus extension to enable Java2D/ImageIO"), so that every PDF upload failed (422). quarkus-awt is not
 * the answer: it links the JDK's AWT libraries, needs freetype and fontconfig at run time, and the service renders
 * nothing. Instead these constructors and factories are replaced by ones that do what the JDK's do without going
 * through the two guarded members: they set the winding rule field after the same check, and build transforms with
 * the six-value constructor. PDFBox's own {@code new PDType1Font(Standard14Fonts.FontName)} also needs
 * {@code new AffineTransform()}; the two places text extraction makes one (the font of a text shown without a font,
 * and the default fonts Tika's AcroForm fix-up adds to a PDF's form while reading its metadata) make the same font from
 * its font dictionary instead ({@link Standard14Font}).
 */
final class GeometrySubstitutions {

    /** {@code Path2D.INIT_SIZE}: the initial capacity, in segments, of a path copied from a shape. */
    static final int INIT_SIZE = 20;

    private GeometrySubstitutions() {
    }

    /** {@code Path2D.setWindingRule}'s check. */
    static int windingRule(int rule) {
        if (rule != Path2D.WIND_EVEN_ODD && rule != Path2D.WIND_NON_ZERO) {
            throw new IllegalArgumentException("winding rule must be WIND_EVEN_ODD or WIND_NON_ZERO");
        }
        return rule;
    }
}

@TargetClass(Path2D.class)
final class Target_java_awt_geom_Path2D_Geometry {

    @Alias
    byte[] pointTypes;

    @Alias
    int windingRule;

    /** {@code Path2D(int rule, int initialTypes)}, behind {@code new GeneralPath()} and every empty path. */
    @Substitute
    @TargetElement(name = TargetElement.CONSTRUCTOR_NAME)
    void constructor(int rule, int initialTypes) {
        windingRule = GeometrySubstitutions.windingRule(rule);
        pointTypes = new byte[initialTypes];
    }
}

@TargetClass(value = Path2D.class, innerClass = "Float")
final class Target_java_awt_geom_Path2D_Float_Geometry {

    @Alias
    float[] floatCoords;

    /** {@code Path2D.Float(Shape, AffineTransform)}: a copy of a shape, behind {@code new GeneralPath(shape)}. */
    @Substitute
    @TargetElement(name = TargetElement.CONSTRUCTOR_NAME)
    void constructor(Shape shape, AffineTransform at) {
        PathIterator segments = shape.getPathIterator(at);
        Target_java_awt_geom_Path2D_Geometry path = (Target_java_awt_geom_Path2D_Geometry) (Object) this;
        path.windingRule = GeometrySubstitutions.windingRule(segments.getWindingRule());
        path.pointTypes = new byte[GeometrySubstitutions.INIT_SIZE];
        floatCoords = new float[GeometrySubstitutions.INIT_SIZE * 2];
        ((Path2D) (Object) this).append(segments, false);
    }
}

@TargetClass(value = Path2D.class, innerClass = "Double")
final class Target_java_awt_geom_Path2D_Double_Geometry {

    @Alias
    double[] doubleCoords;

    /** {@code Path2D.Double(Shape, AffineTransform)}: a copy of a shape (PDFBox's clipping paths, clones). */
    @Substitute
    @TargetElement(name = TargetElement.CONSTRUCTOR_NAME)
    void constructor(Shape shape, AffineTransform at) {
        PathIterator segments = shape.getPathIterator(at);
        Target_java_awt_geom_Path2D_Geometry path = (Target_java_awt_geom_Path2D_Geometry) (Object) this;
        path.windingRule = GeometrySubstitutions.windingRule(segments.getWindingRule());
        path.pointTypes = new byte[GeometrySubstitutions.INIT_SIZE];
        doubleCoords = new double[GeometrySubstitutions.INIT_SIZE * 2];
        ((Path2D) (Object) this).append(segments, false);
    }
}

@TargetClass(AffineTransform.class)
final class Target_java_awt_geom_AffineTransform_Geometry {

    @Substitute
    public static AffineTransform getTranslateInstance(double tx, double ty) {
        return new AffineTransform(1.0, 0.0, 0.0, 1.0, tx, ty);
    }

    @Substitute
    public static AffineTransform getScaleInstance(double sx, double sy) {
        return new AffineTransform(sx, 0.0, 0.0, sy, 0.0, 0.0);
    }
}

@TargetClass(className = "org.apache.pdfbox.contentstream.PDFStreamEngine")
final class Target_org_apache_pdfbox_contentstream_PDFStreamEngine_Geometry {

    @Alias
    private PDFont defaultFont;

    /** The font of text shown before any font is set: Helvetica. */
    @Substitute
    private PDFont getDefaultFont() {
        if (defaultFont == null) {
            try {
                defaultFont = Standard14Font.of(Standard14Fonts.FontName.HELVETICA);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return defaultFont;
    }
}

@TargetClass(className = "org.apache.pdfbox.pdmodel.fixup.processor.AcroFormDefaultsProcessor")
final class Target_org_apache_pdfbox_pdmodel_fixup_processor_AcroFormDefaultsProcessor_Geometry {

    /** PDFBox's: a default appearance, and default resources with the fonts Helv and ZaDb, where they are missing. */
    @Substitute
    private void verifyOrCreateDefaults(PDAcroForm acroForm) {
        String appearance = "/Helv 0 Tf 0 g";
        if (acroForm.getDefaultAppearance().length() == 0) {
            acroForm.setDefaultAppearance(appearance);
            acroForm.getCOSObject().setNeedToBeUpdated(true);
        }
        PDResources resources = acroForm.getDefaultResources();
        if (resources == null) {
            resources = new PDResources();
            acroForm.setDefaultResources(resources);
            acroForm.getCOSObject().setNeedToBeUpdated(true);
        }
        COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
        if (fonts == null) {
            fonts = new COSDictionary();
            resources.getCOSObject().setItem(COSName.FONT, fonts);
        }
        try {
            if (!fonts.containsKey(COSName.HELV)) {
                resources.put(COSName.HELV, Standard14Font.of(Standard14Fonts.FontName.HELVETICA));
                resources.getCOSObject().setNeedToBeUpdated(true);
                fonts.setNeedToBeUpdated(true);
            }
            if (!fonts.containsKey(COSName.ZA_DB)) {
                resources.put(COSName.ZA_DB, Standard14Font.of(Standard14Fonts.FontName.ZAPF_DINGBATS));
                resources.getCOSObject().setNeedToBeUpdated(true);
                fonts.setNeedToBeUpdated(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
