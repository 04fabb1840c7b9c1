package io.semsearch.extraction;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses the element that holds a cleaned page's main content: the largest of {@code [itemprop=articleBody]},
 * {@code article}, {@code main}, {@code [role=main]} when one holds real text; otherwise the best-scored block
 * container ({@link ReadabilityScore}), with the sibling blocks that look like content.
 */
final class MainContainer {

    static final String SEMANTIC_MAIN = "[itemprop=articleBody], article, main, [role=main]";

    /** Least main-content text (letters) for a semantic element to be trusted as the container. */
    private static final int MIN_SEMANTIC_TEXT = 140;

    /** Climb to the parent when the siblings' paragraph mass reaches this share of the top block's. */
    private static final double CLIMB_SHARE = 0.25;

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");

    private MainContainer() {
    }

    /** The largest semantic main element, or {@code null} when none holds {@value #MIN_SEMANTIC_TEXT} letters. */
    static Element semantic(Element body) {
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
    static int contentLength(Element element) {
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

    /** The best-scored container, possibly a new {@code div} that gathers it with its content siblings. */
    static Element scored(Element body) {
        List<Map.Entry<Element, Double>> ranked = ranked(candidateScores(body));
        if (ranked.isEmpty()) {
            return body;
        }
        Element top = commonAncestor(ranked, body);
        Map<Element, Double> mass = new IdentityHashMap<>();
        top = climbOverSiblings(top, body, mass);
        if (top == body || top.parent() == null) {
            return top;
        }
        return withContentSiblings(top, mass);
    }

    /** Each paragraph's score goes to its parent, half to its grandparent, a third to the next ancestor. */
    static Map<Element, Double> candidateScores(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element paragraph : body.select(ReadabilityScore.PARAGRAPHS)) {
            if (!ReadabilityScore.isParagraphLike(paragraph)) {
                continue;
            }
            String text = paragraph.text();
            if (text.length() < ReadabilityScore.MIN_PARAGRAPH_CHARS) {
                continue;
            }
            double score = ReadabilityScore.paragraph(text);
            Element ancestor = paragraph.parent();
            for (int level = 0; ancestor != null && level < 3; level++) {
                scores.computeIfAbsent(ancestor, ReadabilityScore::initial);
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, score / divider, Double::sum);
                if (ancestor == body) {
                    break;
                }
                ancestor = ancestor.parent();
            }
        }
        return scores;
    }

    /** The candidates by their final score (discounted by link density), best first. */
    private static List<Map.Entry<Element, Double>> ranked(Map<Element, Double> scores) {
        Map<Element, Double> finals = new IdentityHashMap<>();
        scores.forEach((element, score) -> finals.put(element, score * (1 - ReadabilityScore.linkDensity(element))));
        List<Map.Entry<Element, Double>> ranked = new ArrayList<>(finals.entrySet());
        ranked.sort(Map.Entry.<Element, Double>comparingByValue(Comparator.reverseOrder()));
        return ranked;
    }

    /** Several near-equal candidates under one ancestor: the ancestor is the content (Readability's rule). */
    private static Element commonAncestor(List<Map.Entry<Element, Double>> ranked, Element body) {
        Element top = ranked.get(0).getKey();
        double topScore = ranked.get(0).getValue();
        List<Element> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(5, ranked.size()); i++) {
            if (ranked.get(i).getValue() >= 0.75 * topScore) {
                alternatives.add(ranked.get(i).getKey());
            }
        }
        if (alternatives.size() < 3) {
            return top;
        }
        for (Element ancestor = top.parent(); ancestor != null && ancestor != body.parent();
                ancestor = ancestor.parent()) {
            int holding = 0;
            for (Element alternative : alternatives) {
                if (DomTree.isInside(alternative, ancestor)) {
                    holding++;
                }
            }
            if (holding >= 3) {
                return ancestor;
            }
        }
        return top;
    }

    /**
     * The content may be split over sibling blocks (sections of a chapter, a standfirst beside the body): climb while
     * the siblings together carry a good share of the top block's paragraph mass.
     */
    private static Element climbOverSiblings(Element top, Element body, Map<Element, Double> mass) {
        while (top != body && top.parent() != null && top.parent() != body.parent()) {
            double own = ReadabilityScore.mass(top, mass);
            double siblings = 0;
            for (Element sibling : top.parent().children()) {
                if (sibling != top) {
                    siblings += ReadabilityScore.mass(sibling, mass);
                }
            }
            if (siblings < CLIMB_SHARE * own) {
                break;
            }
            top = top.parent();
        }
        return top;
    }

    /** Sibling blocks that look like content join the top block (Readability's sibling step, on paragraph mass). */
    private static Element withContentSiblings(Element top, Map<Element, Double> mass) {
        double threshold = Math.max(10, ReadabilityScore.mass(top, mass) * 0.2);
        List<Element> kept = new ArrayList<>();
        for (Element sibling : top.parent().children()) {
            if (sibling == top || ReadabilityScore.mass(sibling, mass) >= threshold || looksLikeContent(sibling)) {
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

    /** A long paragraph with few links, a short link-free sentence, or a heading with text. */
    static boolean looksLikeContent(Element sibling) {
        String text = sibling.text();
        double density = ReadabilityScore.linkDensity(sibling);
        boolean paragraph = sibling.normalName().equals("p") || ReadabilityScore.isParagraphLike(sibling);
        if (paragraph && text.length() > 80 && density < 0.25) {
            return true;
        }
        if (paragraph && !text.isEmpty() && text.length() <= 80 && density == 0
                && SENTENCE_END.matcher(text).find()) {
            return true;
        }
        return HEADINGS.contains(sibling.normalName()) && !text.isBlank();
    }
}
