package io.semsearch.extraction;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class ContentPruningTest {

    @Test
    void linkDenseAndEmptyBlocksGoImagesAndCodeStay() {
        Document doc = Jsoup.parse("<div id=c><p>Un paragraphe de texte, avec <a href=x>un lien</a>.</p>"
                + "<ul id=tags><li><a href=x>politique</a></li><li><a href=y>budget</a></li></ul>"
                + "<div id=empty> </div><div id=img><img src=a.png></div>"
                + "<pre><span id=code><a href=z>lien dans du code</a></span></pre></div>");
        Element container = doc.getElementById("c");
        ContentPruning.prune(container, Set.of(), 0.65);
        assertNull(doc.getElementById("tags"));
        assertNull(doc.getElementById("empty"));
        assertNotNull(doc.getElementById("img"));
        assertNotNull(doc.getElementById("code"));
        assertNotNull(container.selectFirst("p"));
    }

    @Test
    void keptElementsAreNeverPruned() {
        Document doc = Jsoup.parse("<div id=c><ul id=toc><li><a href=x>Sommaire</a></li></ul></div>");
        Element toc = doc.getElementById("toc");
        ContentPruning.prune(doc.getElementById("c"), Set.of(toc), 0.65);
        assertNotNull(doc.getElementById("toc"));
    }

    @Test
    void headingsWithNoTextUnderThemGo() {
        Document doc = Jsoup.parse("<div id=c><h2>Vide</h2><h2>Partie</h2><h3>Section</h3><p>texte</p>"
                + "<h3>Fin vide</h3><h2>Dernier vide</h2></div>");
        Element container = doc.getElementById("c");
        ContentPruning.removeEmptyHeadings(container);
        assertEquals("Partie Section texte", container.text());
    }
}
