package io.semsearch.extraction;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code reference/<id>.txt} for the Debian pages of {@code debian-pages.tsv}: the text of the page's content
 * element (which must match exactly once) less the excluded elements, as laid out in the page's source (lines
 * stripped, empty lines dropped). Independent of the extractor on purpose. Run once after the manifest changes, read
 * the output, commit it:
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/classpath.txt) io.semsearch.extraction.MakeDebianReferences</pre>
 */
public final class MakeDebianReferences {

    public static void main(String[] args) throws Exception {
        for (ExtractionCorpus.Page page : ExtractionCorpus.debianManifest()) {
            String source = Files.readString(page.html(), StandardCharsets.UTF_8);
            Document doc = source.startsWith("<?xml") ? Jsoup.parse(source, "", Parser.xmlParser()) : Jsoup.parse(source);
            Elements content = doc.select(page.contentSelector());
            if (content.size() != 1) {
                throw new IllegalStateException(page.id() + ": " + page.contentSelector() + " matches "
                        + content.size() + " elements");
            }
            Element element = content.get(0);
            if (!page.exclude().isEmpty()) {
                element.select(page.exclude()).remove();
            }
            List<String> lines = new ArrayList<>();
            for (String line : element.wholeText().split("\n")) {
                String stripped = line.replaceAll("[ \\t\\u00A0]+", " ").strip();
                if (!stripped.isEmpty()) {
                    lines.add(stripped);
                }
            }
            Path out = ExtractionCorpus.RESOURCES.resolve("reference").resolve(page.id() + ".txt");
            Files.writeString(out, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            System.out.println(page.id() + ": " + lines.size() + " lines");
        }
    }

    private MakeDebianReferences() {
    }
}
