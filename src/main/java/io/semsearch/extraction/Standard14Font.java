package io.semsearch.extraction;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;

/**
 * A standard 14 font (not embedded) made the way a parsed PDF's fonts are, from its font dictionary:
 * {@code new PDType1Font(Standard14Fonts.FontName)} needs {@code new AffineTransform()}, which a native executable
 * without AWT does not have (see {@link GeometrySubstitutions}).
 */
final class Standard14Font {

    private Standard14Font() {
    }

    static PDType1Font of(Standard14Fonts.FontName name) throws IOException {
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE1);
        font.setName(COSName.BASE_FONT, name.getName());
        if (name != Standard14Fonts.FontName.SYMBOL && name != Standard14Fonts.FontName.ZAPF_DINGBATS) {
            font.setItem(COSName.ENCODING, COSName.WIN_ANSI_ENCODING);
        }
        return new PDType1Font(font);
    }
}
