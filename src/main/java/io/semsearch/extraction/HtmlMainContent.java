package io.semsearch.extraction;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.Set;

/**
 * Finds the main content of a web page and drops its boilerplate: navigation, page header and footer, menus,
 * "previous/next" links, cookie banners, share buttons, comment sections, teasers and related links, sidebars.
 *
 * <ol>
 *   <li>Elements that never hold the main text go ({@link PageCleaner#removeNonContent}).</li>
 *   <li>Boilerplate containers go ({@link BoilerplateNames}); an element that holds the page's title ({@code h1})
 *   or its {@code main} is never dropped.</li>
 *   <li>The container is chosen ({@link MainContainer}): a semantic main element that holds real text, else the
 *   best-scored block container as in Readability, with the sibling blocks that look like content.</li>
 *   <li>Inside it, link-dense blocks go, then the headings left with no text under them ({@link ContentPruning}).
 *   </li>
 * </ol>
 */
final class HtmlMainContent {

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
        PageCleaner.removeNonContent(body);
        Element title = titleHeading(body);
        Set<Element> kept = PageCleaner.protectedElements(body, title);
        PageCleaner.removeBoilerplate(body, kept);
        Element container = tuning.semantic() ? MainContainer.semantic(body) : null;
        if (container == null) {
            container = MainContainer.scored(body);
        }
        ContentPruning.prune(container, kept, tuning.maxLinkDensity());
        ContentPruning.removeEmptyHeadings(container);
        return withTitle(BlockText.render(container), title, container);
    }

    /** The page's title heading: the first {@code h1} of its main element or article, else the first outside the chrome. */
    static Element titleHeading(Element body) {
        for (Element main : body.select(MainContainer.SEMANTIC_MAIN)) {
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

    /** The title heading goes first when it stands before the container, outside it, and the text lacks it. */
    private static String withTitle(String text, Element title, Element container) {
        if (title == null || DomTree.isInside(title, container) || !DomTree.precedes(title, container)) {
            return text;
        }
        String heading = BlockText.collapse(title.text());
        if (heading.isEmpty() || text.startsWith(heading)) {
            return text;
        }
        return text.isEmpty() ? heading : heading + "\n\n" + text;
    }
}
