package io.semsearch.extraction;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Where elements stand in a jsoup tree relative to each other. */
final class DomTree {

    private DomTree() {
    }

    /** Whether {@code element} is {@code ancestor} or sits somewhere under it (still attached to it). */
    static boolean isInside(Element element, Element ancestor) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code a} comes before {@code b} in document order; false when either is not in a document. */
    static boolean precedes(Element a, Element b) {
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
