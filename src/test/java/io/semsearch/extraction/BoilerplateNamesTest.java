package io.semsearch.extraction;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoilerplateNamesTest {

    @Test
    void strongWordsAreBoilerplateEvenBesideAContentWord() {
        assertTrue(BoilerplateNames.byClassOrId("cookie-banner"));
        assertTrue(BoilerplateNames.byClassOrId("content sidebar"));
        assertTrue(BoilerplateNames.byClassOrId("post-meta"));
        assertTrue(BoilerplateNames.byClassOrId("entry byline"));
    }

    @Test
    void weakTokensAreRedeemedByAContentWord() {
        assertTrue(BoilerplateNames.byClassOrId("nav"));
        assertTrue(BoilerplateNames.byClassOrId("site-footer"));
        assertFalse(BoilerplateNames.byClassOrId("nav main-content"));
        // a token, not a substring: "navigable" names no navigation
        assertFalse(BoilerplateNames.byClassOrId("navigable"));
        assertFalse(BoilerplateNames.byClassOrId(""));
    }

    @Test
    void tagsAndRolesDecideBeforeNames() {
        Document doc = Jsoup.parse("<body><nav class=content>a</nav><header id=top>b</header>"
                + "<article><header id=h>c</header><blockquote>q<footer id=f>src</footer></blockquote></article>"
                + "<footer id=page>d</footer><div role=navigation class=content>e</div><div class=article>f</div>"
                + "</body>");
        assertTrue(BoilerplateNames.isBoilerplate(doc.selectFirst("nav")));
        assertTrue(BoilerplateNames.isBoilerplate(doc.selectFirst("#top")));
        assertFalse(BoilerplateNames.isBoilerplate(doc.selectFirst("#h")), "an article's own header");
        assertFalse(BoilerplateNames.isBoilerplate(doc.selectFirst("#f")), "a quotation's source");
        assertTrue(BoilerplateNames.isBoilerplate(doc.selectFirst("#page")));
        assertTrue(BoilerplateNames.isBoilerplate(doc.selectFirst("[role=navigation]")));
        assertFalse(BoilerplateNames.isBoilerplate(doc.selectFirst(".article")));
    }
}
