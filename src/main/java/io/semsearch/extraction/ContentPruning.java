package io.semsearch.extraction;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The last steps of {@link HtmlMainContent}, inside the chosen container: link-dense blocks (teaser lists, tag lists,
 * previous/next links, tables of contents) and empty blocks go, then the headings left with no text under them.
 */
final class ContentPruning {

    private static final Set<String> PRUNABLE = Set.of("ul", "ol", "dl", "div", "section", "p", "table", "nav",
            "span", "header", "figure", "menu");

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    /** A heading, or a run of text outside headings ({@code heading == null}, rank 0). */
    private record Mark(Element heading, int rank) {
    }

    private ContentPruning() {
    }

    static void prune(Element container, Set<Element> kept, double maxLinkDensity) {
        for (Element element : container.getAllElements()) {
            if (element == container || element.parent() == null || kept.contains(element)
                    || !PRUNABLE.contains(element.normalName()) || !DomTree.isInside(element, container)
                    || element.closest("pre") != null) {
                continue;
            }
            if (element.text().isBlank()) {
                if (element.select("img, picture, video").isEmpty()) {
                    element.remove();
                }
            } else if (ReadabilityScore.linkDensity(element) > maxLinkDensity) {
                element.remove();
            }
        }
    }

    /** Removes headings with no text after them before the next heading of the same or a higher rank. */
    static void removeEmptyHeadings(Element container) {
        List<Mark> sequence = marks(container);
        List<Element> empty = new ArrayList<>();
        for (int i = 0; i < sequence.size(); i++) {
            Mark mark = sequence.get(i);
            if (mark.heading() == null) {
                continue;
            }
            // text follows, or a sub-heading (whose own emptiness is judged on its own)
            boolean hasText = i + 1 < sequence.size()
                    && (sequence.get(i + 1).heading() == null || sequence.get(i + 1).rank() > mark.rank());
            if (!hasText) {
                empty.add(mark.heading());
            }
        }
        empty.forEach(Node::remove);
    }

    /** The headings and runs of text of a container in document order. */
    private static List<Mark> marks(Element container) {
        List<Mark> sequence = new ArrayList<>();
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof TextNode text && !text.isBlank()) {
                Element heading = enclosingHeading(text, container);
                if (heading == null) {
                    sequence.add(new Mark(null, 0));
                } else if (sequence.isEmpty() || sequence.get(sequence.size() - 1).heading() != heading) {
                    sequence.add(new Mark(heading, heading.normalName().charAt(1) - '0'));
                }
            }
        }, container);
        return sequence;
    }

    private static Element enclosingHeading(TextNode text, Element container) {
        for (Node n = text.parent(); n != null && n != container; n = n.parent()) {
            if (n instanceof Element e && HEADINGS.contains(e.normalName())) {
                return e;
            }
        }
        return null;
    }
}
