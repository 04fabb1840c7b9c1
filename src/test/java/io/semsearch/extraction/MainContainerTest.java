package io.semsearch.extraction;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainContainerTest {

    static final String PARAGRAPH = "<p>Le conseil municipal a voté hier soir, après un long débat, le budget de"
            + " la commune pour l'année prochaine, en hausse de trois pour cent.</p>";

    @Test
    void theLargestSemanticElementWithRealTextIsTrusted() {
        Document doc = Jsoup.parse("<body><article id=small><p>Brève.</p></article><main id=big>" + PARAGRAPH
                + PARAGRAPH + "</main></body>");
        assertSame(doc.getElementById("big"), MainContainer.semantic(doc.body()));
        Document thin = Jsoup.parse("<body><main><p>Peu de texte ici.</p><a href=x>" + "lien ".repeat(50)
                + "</a></main></body>");
        assertNull(MainContainer.semantic(thin.body()), "link text does not count");
        assertEquals(10, MainContainer.contentLength(Jsoup.parse("<p>Peu de texte <a>ignoré</a></p>").body()));
    }

    @Test
    void theScoredContainerIsTheBlockOfParagraphsNotTheLinkList() {
        Document doc = Jsoup.parse("<body><div id=links><ul>" + "<li><a href=x>Un titre d'article en lien</a></li>"
                .repeat(8) + "</ul></div><div id=text>" + PARAGRAPH.repeat(4) + "</div></body>");
        assertSame(doc.getElementById("text"), MainContainer.scored(doc.body()));
    }

    @Test
    void aBodyWithoutParagraphsIsItsOwnContainer() {
        Document doc = Jsoup.parse("<body><div>court</div></body>");
        assertSame(doc.body(), MainContainer.scored(doc.body()));
        assertTrue(MainContainer.candidateScores(doc.body()).isEmpty());
    }

    @Test
    void contentSiblingsJoinTheTopBlock() {
        Document doc = Jsoup.parse("<body><div id=wrap><p id=lead>Un chapeau court.</p><div id=text>"
                + PARAGRAPH.repeat(4) + "</div><div id=share><a href=x>Partager</a></div></div></body>");
        Element container = MainContainer.scored(doc.body());
        assertTrue(DomTree.isInside(doc.getElementById("lead"), container), container.outerHtml());
        assertTrue(DomTree.isInside(doc.getElementById("text"), container));
        assertFalse(DomTree.isInside(doc.getElementById("share"), container));
    }

    @Test
    void looksLikeContent() {
        Document doc = Jsoup.parse("<p id=a>Une phrase.</p><p id=b>Sans point final</p><h2 id=c>Titre</h2>"
                + "<p id=d><a href=x>Un lien.</a></p>");
        assertTrue(MainContainer.looksLikeContent(doc.getElementById("a")));
        assertFalse(MainContainer.looksLikeContent(doc.getElementById("b")));
        assertTrue(MainContainer.looksLikeContent(doc.getElementById("c")));
        assertFalse(MainContainer.looksLikeContent(doc.getElementById("d")));
    }
}
