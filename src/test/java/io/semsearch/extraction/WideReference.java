package io.semsearch.extraction;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference main text of a page of the wide benchmark, independent of the extractor: the {@code <body>} text less
 * the elements that are plainly navigation by their tag or role, and those its generator's template uses for
 * navigation ({@code generators.tsv}), as laid out in the source (lines stripped, empty lines dropped), with a line
 * break around each block and table cell (as a browser shows them, whatever the source's white space).
 */
final class WideReference {

    static final String PLAIN_NAVIGATION = "nav, header, footer, aside, menu, form, script, style, noscript, template,"
            + " [hidden], [role=navigation], [role=banner], [role=contentinfo], [role=search], [role=complementary]";

    private static final String BLOCKS = "p, div, td, th, tr, li, dt, dd, h1, h2, h3, h4, h5, h6, pre, blockquote,"
            + " br, table, ul, ol, dl, section, article, main, figcaption, caption";

    private WideReference() {
    }

    static String of(byte[] bytes, String fileName, String navigation) {
        String source = new String(bytes, StandardCharsets.UTF_8);
        boolean xml = source.startsWith("<?xml") || fileName.endsWith(".xhtml");
        Document doc = xml ? Jsoup.parse(source, "", Parser.xmlParser()) : Jsoup.parse(source);
        Element body = doc.selectFirst("body");
        if (body == null) {
            return "";
        }
        body.select(PLAIN_NAVIGATION).remove();
        if (!navigation.isBlank()) {
            body.select(navigation).remove();
        }
        // a browser shows table cells, list items and blocks apart even when the source runs them together
        for (Element block : body.select(BLOCKS)) {
            block.prependChild(new TextNode("\n"));
            block.appendChild(new TextNode("\n"));
        }
        List<String> lines = new ArrayList<>();
        for (String line : body.wholeText().split("\n")) {
            String stripped = line.replaceAll("[ \\t\\u00A0]+", " ").strip();
            if (!stripped.isEmpty()) {
                lines.add(stripped);
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
