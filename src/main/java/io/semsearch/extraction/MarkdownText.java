package io.semsearch.extraction;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Markdown (CommonMark) to text: rendered to HTML by commonmark-java, then to text by {@link BlockText}, so headings
 * lose their {@code #}, links keep their text, emphasis marks go and list items become lines. A YAML front matter
 * block ({@code ---} … {@code ---}) is read for its simple {@code key: value} lines (title, author, date, lang…) and
 * left out of the text.
 */
final class MarkdownText {

    record Converted(String text, String firstHeading, Map<String, String> frontMatter) {
    }

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();

    private MarkdownText() {
    }

    static Converted convert(String markdown) {
        String source = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        Map<String, String> frontMatter = new LinkedHashMap<>();
        source = stripFrontMatter(source, frontMatter);
        String html = RENDERER.render(PARSER.parse(source));
        Document doc = Jsoup.parseBodyFragment(html);
        Element body = doc.body();
        body.select("script, style, noscript, template, iframe, object, embed").remove();
        Element h1 = body.selectFirst("h1");
        String heading = h1 == null ? null : BlockText.collapse(h1.text());
        return new Converted(BlockText.render(body), heading == null || heading.isEmpty() ? null : heading,
                frontMatter);
    }

    private static String stripFrontMatter(String source, Map<String, String> into) {
        String normalized = source.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            return source;
        }
        int end = normalized.indexOf("\n---\n", 3);
        int endDots = normalized.indexOf("\n...\n", 3);
        if (end < 0 || (endDots >= 0 && endDots < end)) {
            end = endDots;
        }
        if (end < 0 || end > 8192) {
            return source;
        }
        for (String line : normalized.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
                String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!value.isEmpty()) {
                    into.putIfAbsent(key, value);
                }
            }
        }
        return normalized.substring(end + 5);
    }
}
