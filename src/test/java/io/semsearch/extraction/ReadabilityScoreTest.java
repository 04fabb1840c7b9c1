package io.semsearch.extraction;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.IdentityHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadabilityScoreTest {

    @Test
    void aParagraphScoresOnePlusCommasPlusAPointPerHundredCharsUpToThree() {
        assertEquals(3, ReadabilityScore.commas("a, b; c\uFF0C d."));
        String text = "x".repeat(248) + ",;";
        assertEquals(1 + 2 + 2.5, ReadabilityScore.paragraph(text), 1e-9);
        assertEquals(1 + 0 + 3.0, ReadabilityScore.paragraph("y".repeat(1000)), 1e-9);
    }

    @Test
    void containersStartFromTheirTagAndNames() {
        Document doc = Jsoup.parse("<div class=content id=a></div><li class=comment id=b></li><h2 id=c></h2>"
                + "<span id=d></span>");
        assertEquals(5 + 25, ReadabilityScore.initial(doc.getElementById("a")));
        assertEquals(-3 - 25, ReadabilityScore.initial(doc.getElementById("b")));
        assertEquals(-5, ReadabilityScore.initial(doc.getElementById("c")));
        assertEquals(0, ReadabilityScore.initial(doc.getElementById("d")));
    }

    @Test
    void linkDensityIsTheShareOfTextInLinks() {
        Element p = Jsoup.parse("<p>abcdef <a href=x>ghij</a></p>").selectFirst("p");
        assertEquals(4 / 11.0, ReadabilityScore.linkDensity(p), 1e-9);
        assertEquals(0, ReadabilityScore.linkDensity(Jsoup.parse("<p></p>").selectFirst("p")));
    }

    @Test
    void paragraphLikeMeansNoBlockChild() {
        Document doc = Jsoup.parse("<div id=a>text <b>bold</b></div><div id=b><p>x</p></div>"
                + "<div id=c><table></table></div><p id=d><div>y</div></p>");
        assertTrue(ReadabilityScore.isParagraphLike(doc.getElementById("a")));
        assertFalse(ReadabilityScore.isParagraphLike(doc.getElementById("b")));
        assertFalse(ReadabilityScore.isParagraphLike(doc.getElementById("c")));
    }

    @Test
    void massSumsParagraphsAtAnyDepthDiscountedByLinks() {
        String sentence = "Une phrase assez longue pour compter, avec une virgule.";
        Element div = Jsoup.parse("<div><section><p>" + sentence + "</p></section><p>court</p></div>")
                .selectFirst("div");
        Map<Element, Double> cache = new IdentityHashMap<>();
        double expected = ReadabilityScore.paragraph(sentence);
        assertEquals(expected, ReadabilityScore.mass(div, cache), 1e-9);
        assertEquals(expected, cache.get(div), 1e-9);
    }
}
