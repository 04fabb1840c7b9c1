package io.semsearch.extraction;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the main content of a web page and drops its boilerplate: navigation, page header and footer, menus,
 * "previous/next" links, cookie banners, share buttons, comment sections, teasers and related links, sidebars.
 *
 * <ol>
 *   <li>Elements that never hold the main text go: scripts, styles, forms and their controls, hidden elements.</li>
 *   <li>Boilerplate containers go: {@code nav}, {@code aside}, {@code footer}, the page's {@code header}, ARIA
 *   landmarks of the same roles, and elements whose class or id names boilerplate (cookie, consent, share, social,
 *   comment, related, breadcrumb, menu, sidebar, promo, newsletter…) unless it also names content (article, content,
 *   main, post…). An element that holds the page's title ({@code h1}) or its {@code main} is never dropped.</li>
 *   <li>The container: the largest of {@code [itemprop=articleBody]}, {@code article}, {@code main},
 *   {@code [role=main]} when one holds real text; otherwise the best-scored block container, scored as in
 *   Readability (text length and commas of its paragraphs, discounted by link density, with class/id hints), with the
 *   sibling blocks that look like content.</li>
 *   <li>Inside it, link-dense blocks (teaser lists, tag lists, previous/next links, tables of contents) go, then the
 *   headings left with no text under them.</li>
 * </ol>
 */
final class HtmlMainContent {

    /** Class/id words of boilerplate that a content word does not redeem. */
    private static final Pattern STRONG_NEGATIVE = Pattern.compile(
            "cookie|consent|gdpr|rgpd|tarteaucitron|didomi|onetrust|share|sharing|social|disqus|comment|respond"
                    + "|newsletter|subscri|breadcrumb|related|recommend|similar|outbrain|taboola|promo|advert|sponsor"
                    + "|popup|modal|sidebar|skip-?link|paywall");

    /** Class/id tokens of boilerplate, unless a content word is also present. */
    private static final Set<String> WEAK_NEGATIVE_TOKENS = Set.of("nav", "navbar", "navigation", "menu", "header",
            "footer", "masthead", "banner", "widget", "widgets", "ad", "ads", "tag", "toolbar", "pagination", "pager", "prev", "next", "previous", "suivant", "precedent", "teaser", "teasers",
            "extra", "print", "navheader", "navfooter", "topbar", "bottombar", "copyright", "legal");

    /** Class/id tokens of a post's furniture (its byline, date, tags), boilerplate even beside a content word. */
    private static final Set<String> STRONG_NEGATIVE_TOKENS = Set.of("meta", "byline", "dateline", "tags",
            "author", "authors", "postmetadata");

    private static final Pattern POSITIVE = Pattern.compile(
            "article|content|entry|main|post|story|text|chapter|body|blog|hentry|prose|corps");

    private static final String SEMANTIC_MAIN = "[itemprop=articleBody], article, main, [role=main]";

    private static final Set<String> BOILERPLATE_ROLES = Set.of("navigation", "banner", "contentinfo",
            "complementary", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar");

    private static final Set<String> PRUNABLE = Set.of("ul", "ol", "dl", "div", "section", "p", "table", "nav",
            "span", "header", "figure", "menu");

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");

    /** Climb to the parent when the siblings' paragraph mass reaches this share of the top block's. */
    private static final double CLIMB_SHARE = 0.25;

    /** Least main-content text (letters) for a semantic element to be trusted as the container. */
    private static final int MIN_SEMANTIC_TEXT = 140;

    /**
     * The knobs the extraction benchmark compares.
     *
     * @param maxLinkDensity a block inside the content whose text is more than this share of link text is dropped
     * @param semantic whether {@code article}/{@code main} are trusted as the container before scoring
     */
    record Tuning(double maxLinkDensity, boolean semantic) {
        static final Tuning DEFAULT = new Tuning(0.65, true);
    }

    private HtmlMainContent() {
    }

    /**
     * The main text of a parsed page, rendered by {@link BlockText}. The document is modified.
     *
     * @return the text, possibly empty when the page has no main content
     */
    static String extract(Document document) {
        return extract(document, Tuning.DEFAULT);
    }

    static String extract(Document document, Tuning tuning) {
        Element body = document.body();
        if (body == null) {
            return "";
        }
        removeNonContent(body);
        Element title = titleHeading(body);
        Set<Element> kept = protectedElements(body, title);
        removeBoilerplate(body, kept);
        Element container = tuning.semantic() ? semanticContainer(body) : null;
        if (container == null) {
            container = scoredContainer(body);
        }
        prune(container, kept, tuning.maxLinkDensity());
        removeEmptyHeadings(container);
        String text = BlockText.render(container);
        if (title != null && !isInside(title, container) && precedes(title, container)) {
            String heading = BlockText.collapse(title.text());
            if (!heading.isEmpty() && !text.startsWith(heading)) {
                text = text.isEmpty() ? heading : heading + "\n\n" + text;
            }
        }
        return text;
    }

    /** The page's title heading: the first {@code h1} of its main element or article, else the first outside the chrome. */
    static Element titleHeading(Element body) {
        for (Element main : body.select(SEMANTIC_MAIN)) {
            Element h1 = main.selectFirst("h1");
            if (h1 != null && !h1.text().isBlank()) {
                return h1;
            }
        }
        for (Element h1 : body.select("h1")) {
            if (h1.closest("nav, aside, footer, [role=navigation], [role=banner]") == null && !h1.text().isBlank()) {
                return h1;
            }
        }
        return null;
    }

    // 1. ---------------------------------------------------------------------------------------------------------

    static void removeNonContent(Element body) {
        removePermalinks(body);
        body.select("script, style, noscript, template, link, meta, svg, canvas, iframe, object, embed, input, select,"
                + " textarea, button, dialog, [hidden], [aria-hidden=true]").remove();
        for (Element element : body.select("[style]")) {
            String style = element.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
            if (style.contains("display:none") || style.contains("visibility:hidden")) {
                element.remove();
            }
        }
    }

    /** Links whose whole text is a sign ({@code ¶}, {@code #}, {@code §}, {@code ↩}…): permalinks, not text. */
    static void removePermalinks(Element root) {
        for (Element link : root.select("a")) {
            String text = link.text().strip();
            if (!text.isEmpty() && text.length() <= 2 && text.codePoints().noneMatch(Character::isLetterOrDigit)) {
                link.remove();
            }
        }
    }

    // 2. ---------------------------------------------------------------------------------------------------------

    private static Set<Element> protectedElements(Element body, Element title) {
        Set<Element> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Element> anchors = new ArrayList<>(body.select("main, [role=main], [itemprop=articleBody]"));
        if (title != null) {
            anchors.add(title);
        }
        for (Element anchor : anchors) {
            for (Element e = anchor; e != null; e = e.parent()) {
                kept.add(e);
            }
        }
        return kept;
    }

    private static void removeBoilerplate(Element body, Set<Element> kept) {
        for (Element element : body.getAllElements()) {
            if (element == body || element.parent() == null || kept.contains(element) || !attached(element, body)) {
                continue;
            }
            if (isBoilerplate(element)) {
                element.remove();
            }
        }
    }

    private static boolean attached(Element element, Element body) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e == body) {
                return true;
            }
        }
        return false;
    }

    static boolean isBoilerplate(Element element) {
        String name = element.normalName();
        switch (name) {
            case "nav", "aside", "form" -> {
                return true;
            }
            case "footer" -> {
                // a quotation's or figure's own footer (its source) is content
                return element.closest("blockquote, figure") == null;
            }
            case "header" -> {
                // the page's header, not an article's own header (title, byline)
                return element.closest("article, main, [role=main]") == null;
            }
            default -> {
            }
        }
        String role = element.attr("role").toLowerCase(Locale.ROOT);
        if (BOILERPLATE_ROLES.contains(role)) {
            return true;
        }
        String names = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT).strip();
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

    // 3. ---------------------------------------------------------------------------------------------------------

    private static Element semanticContainer(Element body) {
        Element best = null;
        int bestLength = 0;
        for (Element candidate : body.select(SEMANTIC_MAIN)) {
            int length = contentLength(candidate);
            if (length > bestLength) {
                best = candidate;
                bestLength = length;
            }
        }
        return bestLength >= MIN_SEMANTIC_TEXT ? best : null;
    }

    /** Letters and digits outside links. */
    private static int contentLength(Element element) {
        int[] count = new int[1];
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof TextNode text && ((Element) node.parent()).closest("a") == null) {
                String s = text.getWholeText();
                for (int i = 0; i < s.length(); i++) {
                    if (Character.isLetterOrDigit(s.charAt(i))) {
                        count[0]++;
                    }
                }
            }
        }, element);
        return count[0];
    }

    private static Element scoredContainer(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element paragraph : body.select("p, pre, td, blockquote, dd, li, div, section")) {
            if (!isParagraphLike(paragraph)) {
                continue;
            }
            String text = paragraph.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + commas(text) + Math.min(text.length() / 100.0, 3.0);
            Element ancestor = paragraph.parent();
            for (int level = 0; ancestor != null && level < 3; level++) {
                scores.computeIfAbsent(ancestor, HtmlMainContent::initialScore);
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, score / divider, Double::sum);
                if (ancestor == body) {
                    break;
                }
                ancestor = ancestor.parent();
            }
        }
        if (scores.isEmpty()) {
            return body;
        }
        Map<Element, Double> finals = new IdentityHashMap<>();
        scores.forEach((element, score) -> finals.put(element, score * (1 - linkDensity(element))));
        List<Map.Entry<Element, Double>> ranked = new ArrayList<>(finals.entrySet());
        ranked.sort(Map.Entry.<Element, Double>comparingByValue(Comparator.reverseOrder()));
        Element top = ranked.get(0).getKey();
        double topScore = ranked.get(0).getValue();

        // Several near-equal candidates under one ancestor: the ancestor is the content (Readability's rule).
        List<Element> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(5, ranked.size()); i++) {
            if (ranked.get(i).getValue() >= 0.75 * topScore) {
                alternatives.add(ranked.get(i).getKey());
            }
        }
        if (alternatives.size() >= 3) {
            for (Element ancestor = top.parent(); ancestor != null && ancestor != body.parent();
                    ancestor = ancestor.parent()) {
                int holding = 0;
                for (Element alternative : alternatives) {
                    if (isInside(alternative, ancestor)) {
                        holding++;
                    }
                }
                if (holding >= 3) {
                    top = ancestor;
                    break;
                }
            }
        }
        // The content may be split over sibling blocks (sections of a chapter, a standfirst beside the body): climb
        // while the siblings together carry a good share of the top block's paragraph mass.
        Map<Element, Double> mass = new IdentityHashMap<>();
        while (top != body && top.parent() != null && top.parent() != body.parent()) {
            double own = paragraphMass(top, mass);
            double siblings = 0;
            for (Element sibling : top.parent().children()) {
                if (sibling != top) {
                    siblings += paragraphMass(sibling, mass);
                }
            }
            if (siblings < CLIMB_SHARE * own) {
                break;
            }
            top = top.parent();
        }
        if (top == body || top.parent() == null) {
            return top;
        }
        return withContentSiblings(top, mass);
    }

    /** Sibling blocks that look like content join the top block (Readability's sibling step, on paragraph mass). */
    private static Element withContentSiblings(Element top, Map<Element, Double> mass) {
        double threshold = Math.max(10, paragraphMass(top, mass) * 0.2);
        List<Element> kept = new ArrayList<>();
        for (Element sibling : top.parent().children()) {
            if (sibling == top || paragraphMass(sibling, mass) >= threshold) {
                kept.add(sibling);
                continue;
            }
            String text = sibling.text();
            double density = linkDensity(sibling);
            boolean paragraph = sibling.normalName().equals("p") || isParagraphLike(sibling);
            if (paragraph && text.length() > 80 && density < 0.25) {
                kept.add(sibling);
            } else if (paragraph && !text.isEmpty() && text.length() <= 80 && density == 0
                    && SENTENCE_END.matcher(text).find()) {
                kept.add(sibling);
            } else if (HEADINGS.contains(sibling.normalName()) && !text.isBlank()) {
                kept.add(sibling);
            }
        }
        if (kept.size() == 1) {
            return top;
        }
        Element wrapper = new Element("div");
        top.before(wrapper);
        for (Element element : kept) {
            wrapper.appendChild(element); // moves it: the wrapper takes the siblings' place in the document
        }
        return wrapper;
    }

    /**
     * The Readability scores of all the paragraphs inside an element (at any depth, unlike the candidate scores that
     * stop three levels up), discounted by the element's link density.
     */
    private static double paragraphMass(Element element, Map<Element, Double> cache) {
        Double cached = cache.get(element);
        if (cached != null) {
            return cached;
        }
        double sum = 0;
        for (Element paragraph : element.select("p, pre, td, blockquote, dd, li, div, section")) {
            if (isParagraphLike(paragraph)) {
                String text = paragraph.text();
                if (text.length() >= 25) {
                    sum += 1 + commas(text) + Math.min(text.length() / 100.0, 3.0);
                }
            }
        }
        double value = sum * (1 - linkDensity(element));
        cache.put(element, value);
        return value;
    }

    private static boolean isParagraphLike(Element element) {
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

    private static double initialScore(Element element) {
        double score = switch (element.normalName()) {
            case "div", "article", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        String names = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
        if (!names.isBlank()) {
            if (POSITIVE.matcher(names).find()) {
                score += 25;
            }
            if (STRONG_NEGATIVE.matcher(names).find()) {
                score -= 25;
            }
        }
        return score;
    }

    private static int commas(String text) {
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

    // 4. ---------------------------------------------------------------------------------------------------------

    private static void prune(Element container, Set<Element> kept, double maxLinkDensity) {
        Elements candidates = container.getAllElements();
        for (Element element : candidates) {
            if (element == container || element.parent() == null || kept.contains(element)
                    || !PRUNABLE.contains(element.normalName()) || !attached(element, container)) {
                continue;
            }
            if (element.closest("pre") != null) {
                continue;
            }
            String text = element.text();
            if (text.isBlank()) {
                if (element.select("img, picture, video").isEmpty()) {
                    element.remove();
                }
                continue;
            }
            double density = linkDensity(element);
            if (density > maxLinkDensity) {
                element.remove();
            }
        }
    }

    /** Removes headings with no text after them before the next heading of the same or a higher rank. */
    private static void removeEmptyHeadings(Element container) {
        List<Object[]> sequence = new ArrayList<>(); // {heading element or null, rank}
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof TextNode text && !text.isBlank()) {
                Element heading = enclosingHeading(text, container);
                if (heading == null) {
                    sequence.add(new Object[] {null, 0});
                } else if (sequence.isEmpty() || sequence.get(sequence.size() - 1)[0] != heading) {
                    sequence.add(new Object[] {heading, heading.normalName().charAt(1) - '0'});
                }
            }
        }, container);
        List<Element> empty = new ArrayList<>();
        for (int i = 0; i < sequence.size(); i++) {
            Element heading = (Element) sequence.get(i)[0];
            if (heading == null) {
                continue;
            }
            int rank = (int) sequence.get(i)[1];
            boolean hasText = false;
            for (int j = i + 1; j < sequence.size(); j++) {
                if (sequence.get(j)[0] == null) {
                    hasText = true;
                    break;
                }
                if ((int) sequence.get(j)[1] <= rank) {
                    break;
                }
                hasText = true; // a sub-heading: its own emptiness is judged on its own
                break;
            }
            if (!hasText) {
                empty.add(heading);
            }
        }
        empty.forEach(Node::remove);
    }

    private static Element enclosingHeading(TextNode text, Element container) {
        for (Node n = text.parent(); n != null && n != container; n = n.parent()) {
            if (n instanceof Element e && HEADINGS.contains(e.normalName())) {
                return e;
            }
        }
        return null;
    }

    static boolean isInside(Element element, Element ancestor) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static boolean precedes(Element a, Element b) {
        Document doc = a.ownerDocument();
        if (doc == null) {
            return false;
        }
        int[] order = {-1, -1};
        int[] index = {0};
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node == a) {
                order[0] = index[0];
            } else if (node == b) {
                order[1] = index[0];
            }
            index[0]++;
        }, doc);
        return order[0] >= 0 && order[1] >= 0 && order[0] < order[1];
    }
}
