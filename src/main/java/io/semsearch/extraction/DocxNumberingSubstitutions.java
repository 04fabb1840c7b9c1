package io.semsearch.extraction;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;

/**
 * Native executable only (GraalVM substitution, inert on the JVM): Tika reads a DOCX with POI's SAX reader
 * ({@code useSAXDocxExtractor}), except its list numbering ({@code word/numbering.xml}), which it parses with
 * XMLBeans. XMLBeans makes each element's Java object by reflection, naming its generated class (hundreds of them
 * for WordprocessingML) only at run time; a native executable does not have them, and the numbering of a DOCX with
 * lists failed to parse ("XmlComplexContentImpl cannot be cast to NumberingDocument", 422). Natively the numbering is
 * not read: list items keep their text, without their "1." or "a)" (Tika's list manager writes none without it).
 */
final class DocxNumberingSubstitutions {

    private DocxNumberingSubstitutions() {
    }
}

@TargetClass(className = "org.apache.tika.parser.microsoft.ooxml.SXWPFWordExtractorDecorator")
final class Target_org_apache_tika_parser_microsoft_ooxml_SXWPFWordExtractorDecorator {

    @Substitute
    private XWPFNumbering loadNumbering(PackagePart packagePart) {
        return null;
    }
}
