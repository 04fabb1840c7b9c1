package io.semsearch.extraction;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.Collections;
import java.util.IdentityHashMap;
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
 *   <li>No silent loss: the text is measured against the page's body less its navigation (the same cleaning and
 *   pruning applied to the whole body, without choosing a container). When the chosen container keeps less than
 *   {@link Tuning#minCoverage()} of those words (a chapter made of sibling sections, option lists, tables of
 *   paragraphs), the container widens to its ancestors until it does, up to the whole cleaned body: always when
 *   it kept less than half, else only when the wider container adds headings, definition lists, tables or code
 *   (what a news page adds beside its article is comments and bylines, not its text).</li>
 * </ol>
 */
final class HtmlMainContent {

    /**
     * The knobs the extraction benchmark compares.
     *
     * @param maxLinkDensity a block inside the content whose text is more than this share of link text is dropped
     * @param semantic whether {@code article}/{@code main} are trusted as the container before scoring
     * @param minCoverage least share of the body's words outside navigation that the container must keep, else it
     *     widens; 0 turns the fallback off
     */
    record Tuning(double maxLinkDensity, boolean semantic, double minCoverage) {
        static final Tuning DEFAULT = new Tuning(0.65, true, 0.9);
    }

    /**
     * The main text and how much of the page it keeps.
     *
     * @param keptWords words of the text
     * @param bodyWords words of the page's body outside navigation, headers, footers, menus and link lists
     * @param widened whether the chosen container kept too little and was widened
     * @param containerWords words of the chosen container's text, before it was widened
     */
    record MainText(String text, int keptWords, int bodyWords, boolean widened, int containerWords) {

        /** Words kept over words of the body outside navigation, at most 1; 1 for a body with no words. */
        double coverage() {
            return bodyWords == 0 ? 1 : Math.min(1, keptWords / (double) bodyWords);
        }
    }

    private HtmlMainContent() {
    }

    /**
     * The main text of a parsed page, rendered by {@link BlockText}. The document is modified.
     *
     * @return the text, possibly empty when the page has no main content
     */
    static MainText extract(Document document) {
        return extract(document, Tuning.DEFAULT);
    }

    static MainText extract(Document document, Tuning tuning) {
        Element body = document.body();
        if (body == null) {
            return new MainText("", 0, 0, false, 0);
        }
        PageCleaner.removeNonContent(body);
        Element title = titleHeading(body);
        Set<Element> kept = PageCleaner.protectedElements(body, title);
        PageCleaner.removeBoilerplate(body, kept);
        int bodyWords = wordsOutsideNavigation(body, tuning);
        Element container = tuning.semantic() ? MainContainer.semantic(body) : null;
        if (container == null) {
            container = MainContainer.scored(body);
        }
        ContentPruning.prune(container, kept, tuning.maxLinkDensity());
        ContentPruning.removeEmptyHeadings(container);
        String text = withTitle(BlockText.render(container), title, container);
        int containerWords = words(text);
        boolean widened = false;
        if (containerWords < tuning.minCoverage() * bodyWords) {
            Element wider = container;
            String widerText = text;
            while (words(widerText) < tuning.minCoverage() * bodyWords && wider != body && wider.parent() != null) {
                wider = wider.parent();
                ContentPruning.prune(wider, kept, tuning.maxLinkDensity());
                ContentPruning.removeEmptyHeadings(wider);
                widerText = withTitle(BlockText.render(wider), title, wider);
            }
            if (containerWords < FRAGMENT * bodyWords || addsStructure(wider, container, title)) {
                text = widerText;
                widened = true;
            }
        }
        return new MainText(text, words(text), bodyWords, widened, containerWords);
    }

    /**
     * Below this share of the body's words the chosen container is a fragment, widened whatever the wider one adds;
     * above it, only when the wider one adds document structure (headings, definition lists, tables, code): what a
     * page adds beside an article without a heading of its own is a comment thread, a byline, not its text.
     */
    private static final double FRAGMENT = 0.5;

    private static final String STRUCTURE = "h1, h2, h3, h4, h5, h6, dl, table, pre";

    private static boolean addsStructure(Element wider, Element container, Element title) {
        for (Element element : wider.select(STRUCTURE)) {
            if (element != title && !DomTree.isInside(element, container) && !element.text().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Words of the cleaned body once its link-dense blocks and empty headings are pruned, on a copy. */
    private static int wordsOutsideNavigation(Element body, Tuning tuning) {
        Element copy = body.clone();
        Set<Element> none = Collections.newSetFromMap(new IdentityHashMap<>());
        ContentPruning.prune(copy, none, tuning.maxLinkDensity());
        ContentPruning.removeEmptyHeadings(copy);
        return words(BlockText.render(copy));
    }

    /** Runs of letters or digits. */
    static int words(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                count++;
            }
            inWord = letter;
        }
        return count;
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
