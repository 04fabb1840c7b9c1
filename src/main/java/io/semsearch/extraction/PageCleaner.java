package io.semsearch.extraction;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The first steps of {@link HtmlMainContent}: elements that never hold the main text go (scripts, styles, forms and
 * their controls, hidden elements, permalink signs), then the boilerplate containers ({@link BoilerplateNames}),
 * except those that hold the page's title heading or its {@code main}.
 */
final class PageCleaner {

    private PageCleaner() {
    }

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

    /** The elements never removed: the {@code main} elements and the title heading, with all their ancestors. */
    static Set<Element> protectedElements(Element body, Element title) {
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

    static void removeBoilerplate(Element body, Set<Element> kept) {
        for (Element element : body.getAllElements()) {
            if (element == body || element.parent() == null || kept.contains(element)
                    || !DomTree.isInside(element, body)) {
                continue;
            }
            if (BoilerplateNames.isBoilerplate(element)) {
                element.remove();
            }
        }
    }
}
