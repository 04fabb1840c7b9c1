package io.semsearch.extraction;

import org.jsoup.nodes.Element;

import java.util.Locale;
import java.util.Map;

/**
 * Readability's measures of a block: the score of a paragraph (1, plus its commas, plus a point per 100 characters up
 * to 3), a container's starting score (its tag and class/id words), link density, and the paragraph mass of an
 * element (its paragraphs' scores at any depth, discounted by its link density).
 */
final class ReadabilityScore {

    /** The elements that may be paragraphs. */
    static final String PARAGRAPHS = "p, pre, td, blockquote, dd, li, div, section";

    /** Shortest paragraph text that counts. */
    static final int MIN_PARAGRAPH_CHARS = 25;

    private ReadabilityScore() {
    }

    /** The score of a paragraph's text; only texts of at least {@link #MIN_PARAGRAPH_CHARS} characters count. */
    static double paragraph(String text) {
        return 1 + commas(text) + Math.min(text.length() / 100.0, 3.0);
    }

    /** A {@code p} or {@code pre}, or an element with no block child (a {@code div} used as a paragraph). */
    static boolean isParagraphLike(Element element) {
        String name = element.normalName();
        if (name.equals("p") || name.equals("pre")) {
            return true;
        }
        for (Element child : element.children()) {
            if (BlockText.isBlock(child) || child.normalName().equals("table")) {
                return false;
            }
        }
        return true;
    }

    /** A candidate container's starting score, from its tag and its class and id words. */
    static double initial(Element element) {
        double score = switch (element.normalName()) {
            case "div", "article", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        String names = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
        if (!names.isBlank()) {
            if (BoilerplateNames.POSITIVE.matcher(names).find()) {
                score += 25;
            }
            if (BoilerplateNames.STRONG_NEGATIVE.matcher(names).find()) {
                score -= 25;
            }
        }
        return score;
    }

    static int commas(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\uFF0C' || c == ';') {
                count++;
            }
        }
        return count;
    }

    /** Share of an element's text that sits inside links. */
    static double linkDensity(Element element) {
        int total = element.text().length();
        if (total == 0) {
            return 0;
        }
        int links = 0;
        for (Element link : element.select("a")) {
            links += link.text().length();
        }
        return Math.min(1.0, links / (double) total);
    }

    /**
     * The scores of all the paragraphs inside an element (at any depth, unlike the candidate scores that stop three
     * levels up), discounted by the element's link density; cached per element.
     */
    static double mass(Element element, Map<Element, Double> cache) {
        Double cached = cache.get(element);
        if (cached != null) {
            return cached;
        }
        double sum = 0;
        for (Element paragraph : element.select(PARAGRAPHS)) {
            if (isParagraphLike(paragraph)) {
                String text = paragraph.text();
                if (text.length() >= MIN_PARAGRAPH_CHARS) {
                    sum += paragraph(text);
                }
            }
        }
        double value = sum * (1 - linkDensity(element));
        cache.put(element, value);
        return value;
    }
}
