package io.semsearch.extraction;

import org.jsoup.nodes.Element;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells boilerplate elements by their tag, ARIA role and class/id words: {@code nav}, {@code aside}, {@code form},
 * the page's {@code footer} and {@code header}, landmarks of the same roles, and elements whose class or id names
 * boilerplate (cookie, consent, share, social, comment, related, breadcrumb, menu, sidebar, promo, newsletter…)
 * unless it also names content (article, content, main, post…).
 */
final class BoilerplateNames {

    /** Class/id words of boilerplate that a content word does not redeem. */
    static final Pattern STRONG_NEGATIVE = Pattern.compile(
            "cookie|consent|gdpr|rgpd|tarteaucitron|didomi|onetrust|share|sharing|social|disqus|comment|respond"
                    + "|newsletter|subscri|breadcrumb|related|recommend|similar|outbrain|taboola|promo|advert|sponsor"
                    + "|popup|modal|sidebar|skip-?link|paywall");

    /**
     * A sidebar may be a documentation aside ("Note", "Vocabulary" boxes of DocBook's {@code sidebar}): prose, kept
     * when the word is its only boilerplate name.
     */
    private static final Pattern PROSE_SIDEBAR = Pattern.compile("sidebar");

    /** Least characters, and most link density, of a sidebar's text for it to be prose. */
    private static final int PROSE_CHARS = 150;
    private static final double PROSE_LINK_DENSITY = 0.2;

    /** Class/id words of content. */
    static final Pattern POSITIVE = Pattern.compile(
            "article|content|entry|main|post|story|text|chapter|body|blog|hentry|prose|corps");

    /** Class/id tokens of boilerplate, unless a content word is also present. */
    private static final Set<String> WEAK_NEGATIVE_TOKENS = Set.of("nav", "navbar", "navigation", "menu", "header",
            "footer", "masthead", "banner", "widget", "widgets", "ad", "ads", "tag", "toolbar", "pagination", "pager",
            "prev", "next", "previous", "suivant", "precedent", "teaser", "teasers", "extra", "print", "navheader",
            "navfooter", "topbar", "bottombar", "copyright", "legal");

    /** Class/id tokens of a post's furniture (its byline, date, tags), boilerplate even beside a content word. */
    private static final Set<String> STRONG_NEGATIVE_TOKENS = Set.of("meta", "byline", "dateline", "tags",
            "author", "authors", "postmetadata");

    private static final Set<String> BOILERPLATE_ROLES = Set.of("navigation", "banner", "contentinfo",
            "complementary", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar");

    private BoilerplateNames() {
    }

    static boolean isBoilerplate(Element element) {
        Boolean byTag = byTag(element);
        if (byTag != null) {
            return byTag;
        }
        if (BOILERPLATE_ROLES.contains(element.attr("role").toLowerCase(Locale.ROOT))) {
            return true;
        }
        String names = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT).strip();
        if (!byClassOrId(names)) {
            return false;
        }
        return !(PROSE_SIDEBAR.matcher(names).find() && !byClassOrId(PROSE_SIDEBAR.matcher(names).replaceAll(" "))
                && isProse(element));
    }

    private static boolean isProse(Element element) {
        return element.text().length() >= PROSE_CHARS
                && ReadabilityScore.linkDensity(element) < PROSE_LINK_DENSITY;
    }

    /** The verdict of the tag alone, or {@code null} when the tag does not decide. */
    private static Boolean byTag(Element element) {
        return switch (element.normalName()) {
            case "nav", "aside", "form" -> true;
            // a quotation's or figure's own footer (its source) is content
            case "footer" -> element.closest("blockquote, figure") == null;
            // the page's header, not an article's own header (title, byline)
            case "header" -> element.closest("article, main, [role=main]") == null;
            default -> null;
        };
    }

    /** The verdict of lower-cased class and id words. */
    static boolean byClassOrId(String names) {
        if (names.isEmpty()) {
            return false;
        }
        if (STRONG_NEGATIVE.matcher(names).find()) {
            return true;
        }
        String[] tokens = names.split("[^a-z0-9]+");
        for (String token : tokens) {
            if (STRONG_NEGATIVE_TOKENS.contains(token)) {
                return true;
            }
        }
        if (POSITIVE.matcher(names).find()) {
            return false;
        }
        for (String token : tokens) {
            if (WEAK_NEGATIVE_TOKENS.contains(token)) {
                return true;
            }
        }
        return false;
    }
}
