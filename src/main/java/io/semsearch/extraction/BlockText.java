package io.semsearch.extraction;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Renders an HTML element as text for a line-based cleaner: one block (paragraph, heading, list item, table row) a
 * line, inline whitespace collapsed, {@code <br>} as a line break, preformatted text kept line by line. Paragraphs and
 * headings are separated by a blank line; consecutive list items, table rows and the lines of one block by a single
 * line break. Links are rendered as their text; images, scripts and form controls are skipped.
 */
final class BlockText {

    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "caption",
            "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
            "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
            "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr",
            "ul");

    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "head", "title",
            "svg", "math", "canvas", "iframe", "object", "embed", "audio", "video", "map", "img", "input", "select",
            "textarea", "button", "option");

    private enum Kind { PARAGRAPH, HEADING, ITEM, ROW, PRE }

    private record Line(String text, Kind kind, int block) {
    }

    private BlockText() {
    }

    static String render(Element root) {
        Renderer renderer = new Renderer();
        NodeTraversor.filter(renderer, root);
        renderer.flush();
        return renderer.join();
    }

    static boolean isBlock(Element element) {
        return BLOCKS.contains(element.normalName());
    }

    private static final class Renderer implements NodeFilter {

        private final List<Line> lines = new ArrayList<>();
        private final Deque<Kind> kinds = new ArrayDeque<>();
        private final StringBuilder current = new StringBuilder();
        private boolean pendingSpace;
        private int block;
        private int pre;
        private int cells;

        Renderer() {
            kinds.push(Kind.PARAGRAPH);
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                appendText(text);
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            String name = element.normalName();
            if (SKIPPED.contains(name)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (name.equals("br")) {
                if (cells > 0) {
                    pendingSpace = true;
                } else {
                    flushLine();
                }
                return FilterResult.CONTINUE;
            }
            if (name.equals("td") || name.equals("th")) {
                if (!current.isEmpty()) {
                    current.append(" | ");
                    pendingSpace = false;
                }
                cells++;
                return FilterResult.CONTINUE;
            }
            if (BLOCKS.contains(name)) {
                if (cells > 0 && !name.equals("tr") && !name.equals("table")) {
                    pendingSpace = true; // a block inside a table cell stays on the row's line
                    return FilterResult.CONTINUE;
                }
                flush();
                kinds.push(kindOf(name));
                if (name.equals("pre")) {
                    pre++;
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            String name = element.normalName();
            if (name.equals("td") || name.equals("th")) {
                cells--;
                pendingSpace = true;
                return FilterResult.CONTINUE;
            }
            if (BLOCKS.contains(name)) {
                if (cells > 0 && !name.equals("tr") && !name.equals("table")) {
                    return FilterResult.CONTINUE;
                }
                flush();
                if (kinds.size() > 1) {
                    kinds.pop();
                }
                if (name.equals("pre")) {
                    pre--;
                }
            }
            return FilterResult.CONTINUE;
        }

        private Kind kindOf(String name) {
            Kind enclosing = kinds.peek();
            return switch (name) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> Kind.HEADING;
                case "li", "dt", "dd" -> Kind.ITEM;
                case "tr" -> Kind.ROW;
                case "pre" -> Kind.PRE;
                // a paragraph inside a list item is still part of that item
                default -> enclosing == Kind.ITEM || enclosing == Kind.HEADING ? enclosing : Kind.PARAGRAPH;
            };
        }

        private void appendText(TextNode node) {
            String raw = node.getWholeText();
            if (pre > 0) {
                current.append(raw);
                return;
            }
            if (raw.isEmpty()) {
                return;
            }
            boolean leading = isSpace(raw.charAt(0));
            boolean trailing = isSpace(raw.charAt(raw.length() - 1));
            String collapsed = collapse(raw);
            if (collapsed.isEmpty()) {
                pendingSpace |= !current.isEmpty();
                return;
            }
            if ((leading || pendingSpace) && !current.isEmpty() && current.charAt(current.length() - 1) != ' ') {
                current.append(' ');
            }
            current.append(collapsed);
            pendingSpace = trailing;
        }

        /** Ends the current line but not the block (a {@code <br>}). */
        private void flushLine() {
            addLines();
            pendingSpace = false;
        }

        /** Ends the current block. */
        void flush() {
            addLines();
            pendingSpace = false;
            block++;
        }

        private void addLines() {
            if (current.isEmpty()) {
                return;
            }
            Kind kind = kinds.peek();
            if (kind == Kind.PRE) {
                for (String line : current.toString().split("\r\n|\r|\n")) {
                    String stripped = line.stripTrailing();
                    if (!stripped.isBlank()) {
                        lines.add(new Line(stripped, kind, block));
                    }
                }
            } else {
                String text = current.toString().strip();
                if (!text.isEmpty()) {
                    lines.add(new Line(text, kind, block));
                }
            }
            current.setLength(0);
        }

        String join() {
            StringBuilder out = new StringBuilder();
            Line previous = null;
            for (Line line : lines) {
                if (previous != null) {
                    boolean tight = previous.block() == line.block()
                            || previous.kind() == line.kind()
                                    && (line.kind() == Kind.ITEM || line.kind() == Kind.ROW);
                    out.append(tight ? "\n" : "\n\n");
                }
                out.append(line.text());
                previous = line;
            }
            return out.toString();
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }

    /** Collapses runs of ASCII whitespace to one space and trims them (no-break spaces are text, kept as they are). */
    static String collapse(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isSpace(c)) {
                space = true;
            } else {
                if (space && !sb.isEmpty()) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
