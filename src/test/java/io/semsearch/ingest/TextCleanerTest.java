package io.semsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextCleanerTest {

    static final List<String> ARTICLES = SampleArticles.ALL;

    /** Markers of boilerplate that must not survive in any kept paragraph (checked case-insensitively). */
    static final List<String> BOILERPLATE_MARKERS = List.of(
            "Laisser un commentaire", "Votre adresse e-mail ne sera pas publiée", "Akismet", "Disqus", "cookies",
            "J’accepte", "J'accepte", "Gérer mes choix", "Pour aller plus loin", "À lire également", "suivez-nous",
            "Cliquez pour commenter", "YouTube video", "champs obligatoires", "consentement", "in , ,",
            "Elon Musk part en guerre contre Apple");

    private static TextCleaner cleaner;

    @BeforeAll
    static void setUp() {
        cleaner = new TextCleaner();
    }

    private static CleanedText clean(String article) {
        return cleaner.clean(SampleArticles.raw(article), null);
    }

    @ParameterizedTest
    @FieldSource("ARTICLES")
    void noBoilerplateMarkerSurvives(String article) {
        CleanedText cleaned = clean(article);
        assertFalse(paragraphs(cleaned).isEmpty());
        for (String paragraph : paragraphs(cleaned)) {
            String lower = paragraph.toLowerCase(Locale.ROOT);
            for (String marker : BOILERPLATE_MARKERS) {
                assertFalse(lower.contains(marker.toLowerCase(Locale.ROOT)),
                        () -> article + ": marker '" + marker + "' kept in: " + paragraph);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("ARTICLES")
    void contentIsNormalisedAndParagraphsAreUnique(String article) {
        CleanedText cleaned = clean(article);
        String content = cleaned.content();
        assertTrue(Normalizer.isNormalized(content, Normalizer.Form.NFC));
        assertFalse(content.contains("\u00A0"), "no NBSP");
        assertFalse(content.contains("\r"));
        assertFalse(content.contains("\n\n\n"));
        assertFalse(content.startsWith("\n") || content.endsWith("\n"));
        List<String> paragraphs = paragraphs(cleaned);
        for (String p : paragraphs) {
            assertEquals(p.strip(), p);
            assertFalse(p.contains("\n"));
            assertFalse(p.contains("  "));
            assertFalse(p.startsWith("•"));
        }
        assertEquals(paragraphs.size(),
                paragraphs.stream().map(p -> p.toLowerCase(Locale.ROOT)).distinct().count(), "no repeated paragraph");
    }

    /** Which rule dropped what, per article: a regression guard for the rule file. */
    @Test
    void droppedLinesPerArticle() {
        Map<String, List<String>> expected = Map.of(
                SampleArticles.A000, List.of("comment-form-heading", "comment-email-notice", "comment-akismet"),
                SampleArticles.A001, List.of("read-more-teaser", "read-more-teaser+next", "follow-us",
                        "consent-blocked-content", "consent-view-purposes", "consent-accept-all",
                        "consent-withdraw", "consent-manage-choices"),
                SampleArticles.A002, List.of("read-more-teaser"),
                SampleArticles.A003, List.of("duplicate-paragraph", "duplicate-paragraph", "duplicate-paragraph",
                        "duplicate-paragraph", "duplicate-paragraph", "duplicate-paragraph", "duplicate-paragraph"),
                SampleArticles.A004, List.of("template-debris", "embed-placeholder", "comment-click-to",
                        "comment-form-heading", "comment-email-notice"));
        for (String article : ARTICLES) {
            List<String> reasons = clean(article).droppedLines().stream().map(DroppedLine::reason).toList();
            assertEquals(expected.get(article), reasons, article);
        }
    }

    @Test
    void repeatedParagraphsOf003AppearOnce() {
        String content = clean(SampleArticles.A003).content();
        assertEquals(1, occurrences(content, "Google s’invite dans la danse"));
        assertEquals(1, occurrences(content, "Pour pimenter davantage"));
        assertEquals(1, occurrences(content, "Si la FTC donnait raison à Google"));
        assertEquals(1, occurrences(content, "- OpenAI gagnerait en flexibilité"));
        assertEquals(1, occurrences(content, "Affaire à suivre !"));
        assertTrue(content.endsWith("Affaire à suivre !"));
    }

    @Test
    void realContentIsKept() {
        String c000 = clean(SampleArticles.A000).content();
        assertTrue(c000.contains("13 milliards"));
        assertTrue(c000.contains("Inflection"));
        assertTrue(c000.contains("650 millions"));
        assertTrue(c000.contains("Stratégie de remplacement…"));
        assertTrue(c000.endsWith("incluant Nvidia et MGX."));

        String c001 = clean(SampleArticles.A001).content();
        assertTrue(c001.contains("Elon Musk a également sorti l’arsenal judiciaire"));
        assertTrue(c001.contains("OpenAI 2.0"));
        assertTrue(c001.contains("Quid de la justice ?"));

        String c002 = clean(SampleArticles.A002).content();
        assertTrue(c002.contains("2019"));
        assertTrue(c002.contains("– TechCrunch"), "attribution line kept");
        assertTrue(c002.contains("\n\nYahoo et Google : d’alliés à rivaux\n\n"), "bullet glyph stripped, text kept");
        assertTrue(c002.endsWith("éternellement ami."));

        String c003 = clean(SampleArticles.A003).content();
        assertTrue(c003.contains("\n\n- Microsoft perdrait un avantage stratégique"), "'- ' list item kept as is");

        String c004 = clean(SampleArticles.A004).content();
        assertTrue(c004.contains("157 milliards"));
        assertTrue(c004.contains("3 190 milliards"), "NBSP in the number became a plain space");
        assertTrue(c004.contains("Quelle est l’origine des désaccords entre les deux géants technologiques ?"));
        assertTrue(c004.startsWith("Microsoft et OpenAI signent la fin ?"));
    }

    @Test
    void titles() {
        assertEquals("Microsoft-OpenAI : la rupture ?", clean(SampleArticles.A000).title());
        assertEquals("Microsoft et OpenAI, Alliés Concurrents dans l’IA et la Recherche",
                clean(SampleArticles.A002).title());
        assertEquals("Microsoft et OpenAI signent la fin ? Trahisons, conflits et révélations chocs !",
                clean(SampleArticles.A004).title());

        String t001 = clean(SampleArticles.A001).title();
        assertEquals("C’est le début d’une rupture qui ne semble pas dire son nom. Alors que, depuis ses débuts, "
                + "OpenAI est maintenu à flot par des infusions de liquidités…", t001);
        assertTrue(t001.length() <= TextCleaner.MAX_TITLE_LENGTH + 1);

        String t003 = clean(SampleArticles.A003).title();
        assertTrue(t003.startsWith("Dans l’univers effervescent de la technologie"));
        assertTrue(t003.endsWith("…") && t003.length() <= TextCleaner.MAX_TITLE_LENGTH + 1);

        // the title line stays in the content
        assertTrue(clean(SampleArticles.A000).content().startsWith("Microsoft-OpenAI : la rupture ?\n\n"));
    }

    @Test
    void givenTitleWinsAndIsNormalised() {
        CleanedText cleaned = cleaner.clean(SampleArticles.raw(SampleArticles.A001), "  Microsoft\u00A0et  OpenAI \n");
        assertEquals("Microsoft et OpenAI", cleaned.title());
        assertEquals(clean(SampleArticles.A001).title(), cleaner.clean(SampleArticles.raw(SampleArticles.A001), " ")
                .title(), "blank title falls back to the first line");
    }

    @Test
    void titleShortening() {
        String word = "mot ";
        String longLine = word.repeat(60).strip(); // 239 chars
        String title = TextCleaner.shortenTitle(longLine);
        assertTrue(title.endsWith("…"));
        assertTrue(title.length() - 1 <= TextCleaner.MAX_TITLE_LENGTH);
        assertTrue(longLine.startsWith(title.substring(0, title.length() - 1)));
        assertFalse(title.contains(" …"));
        assertTrue(title.substring(0, title.length() - 1).endsWith("mot"), "cut at a word boundary");

        String noSpace = "x".repeat(400);
        assertEquals("x".repeat(150) + "…", TextCleaner.shortenTitle(noSpace));
        String exact = "y".repeat(150);
        assertEquals(exact, TextCleaner.shortenTitle(exact));
    }

    @Test
    void unicodeAndWhitespaceNormalisation() {
        String raw = "\uFEFFLe  caf\u0065\u0301 de l\u2019\u00E9t\u00E9\u00A0:\tun\u202Fsucc\u00E8s\u2007!\r\n"
                + "\u200BDeuxi\u00E8me\u200D ligne\u0007  \r"
                + "   \r\n"
                + "\t\u00A0Troisi\u00E8me\u2003ligne\u2028Quatri\u00E8me\u00ADligne";
        CleanedText cleaned = cleaner.clean(raw, null);
        assertEquals("Le café de l’été : un succès !\n\nDeuxième ligne\n\nTroisième ligne\n\nQuatrièmeligne",
                cleaned.content());
        assertTrue(cleaned.content().contains("caf\u00E9"), "composed é (NFC)");
        assertEquals("Le café de l’été : un succès !", cleaned.title());
    }

    @Test
    void legitSentencesMentioningCookiesOrCommentsAreKept() {
        List<String> legit = List.of(
                "La CNIL a infligé une amende de 150 millions d’euros à Google pour avoir déposé des cookies sans le consentement des internautes.",
                "Les internautes doivent pouvoir refuser les cookies aussi facilement que les accepter, rappelle la CNIL.",
                "Le régulateur estime que le bouton « Tout refuser » doit être aussi visible que « Tout accepter ».",
                "Contacté par nos soins, Microsoft n'a pas souhaité faire de commentaire.",
                "Laisser un commentaire haineux sous une vidéo peut désormais coûter cher, rappelle le gouvernement.",
                "Le forum permet de laisser un commentaire sous chaque article, une fonction très utilisée.",
                "Pour aller plus loin, OpenAI devra lever des fonds auprès de nouveaux investisseurs.",
                "Partager ses données avec des partenaires commerciaux n’est pas anodin.",
                "Partager sur les réseaux sociaux devient risqué pour les salariés.",
                "Inscrivez-vous sur les listes électorales avant le 3 mai, rappelle la mairie.",
                "S’inscrire sur les listes électorales devient possible en ligne.",
                "Pour recevoir la newsletter de Substack, il faut désormais payer.",
                "Disqus, le service de commentaires, a été racheté par Zeta Global en 2017.",
                "Le site utilise des algorithmes pour suggérer des vidéos YouTube à ses visiteurs.",
                "« Suivez-moi », a lancé Sam Altman à ses équipes.",
                "Non !",
                "– TechCrunch",
                "Stratégie de remplacement…",
                "- Microsoft perdrait un avantage stratégique",
                "Le plan B, C, D ?");
        String raw = String.join("\n", legit);
        CleanedText cleaned = cleaner.clean(raw, null);
        assertEquals(List.of(), cleaned.droppedLines());
        assertEquals(legit, paragraphs(cleaned));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Ce contenu est bloqué car vous n’avez pas accepté les cookies et autres traceurs.",
            "En cliquant sur « J'accepte tout », vous consentez à l’usage des cookies.",
            "Gérer mes choix",
            "Politique cookies",
            "Laisser un commentaire",
            "Laisser un commentaire Annuler la réponse",
            "Votre adresse e-mail ne sera pas publiée.",
            "Les champs obligatoires sont indiqués avec *",
            "Ce site utilise Akismet pour réduire les indésirables.",
            "Cliquez pour commenter",
            "Partager",
            "Partager sur Facebook",
            "Partager cet article",
            "S’abonner",
            "Facebook Twitter LinkedIn E-mail",
            "Suivez-nous sur Google Actualités",
            "Abonnez-vous à notre newsletter",
            "Inscrivez-vous à la newsletter",
            "YouTube video",
            "***",
            "— • —",
            "in , ,",
            "par ; |",
            "12 commentaires",
            "À lire aussi : Microsoft lance son propre modèle",
            "A lire aussi",
            "Lire aussi",
            "Publicité"})
    void boilerplateLinesAreDropped(String line) {
        CleanedText cleaned = cleaner.clean("Un vrai paragraphe d’article.\n" + line, null);
        assertEquals("Un vrai paragraphe d’article.", cleaned.content(), line);
        assertEquals(1, cleaned.droppedLines().size());
    }

    @Test
    void teaserDropsTheFollowingHeadlineOnlyIfShort() {
        String longParagraph = "Le patron d’OpenAI a détaillé la stratégie de l’entreprise pour les années à venir, "
                + "en insistant sur la puissance de calcul, les partenariats avec les fournisseurs de cloud et la "
                + "nécessité de lever encore davantage de fonds auprès des investisseurs.";
        assertTrue(longParagraph.length() > TextCleaner.MAX_TEASER_HEADLINE_LENGTH);
        CleanedText cleaned = cleaner.clean("Titre\n\nÀ lire également\n\n" + longParagraph + "\n\nPour aller plus "
                + "loin\n\nUn titre lié\n\nFin de l’article.", null);
        assertEquals(List.of("Titre", longParagraph, "Fin de l’article."), paragraphs(cleaned));
        assertEquals(List.of("read-more-teaser", "read-more-teaser", "read-more-teaser+next"),
                cleaned.droppedLines().stream().map(DroppedLine::reason).toList());
        assertEquals(9, cleaned.droppedLines().get(2).lineNumber());
    }

    @ParameterizedTest
    @FieldSource("ARTICLES")
    void cleaningIsIdempotentAndDeterministic(String article) {
        CleanedText once = clean(article);
        CleanedText twice = cleaner.clean(once.content(), null);
        assertEquals(once.content(), twice.content());
        assertEquals(once.title(), twice.title());
        assertEquals(List.of(), twice.droppedLines());
        assertEquals(once, clean(article));
    }

    @Test
    void emptyInputs() {
        assertEquals(new CleanedText("", "", List.of()), cleaner.clean(null, null));
        assertEquals("", cleaner.clean(" \n\t\u00A0\n ", "").content());
        CleanedText onlyJunk = cleaner.clean("Laisser un commentaire\n•\n", "Titre");
        assertEquals("", onlyJunk.content());
        assertEquals("Titre", onlyJunk.title());
        assertEquals(List.of("comment-form-heading", TextCleaner.REASON_EMPTY_BULLET),
                onlyJunk.droppedLines().stream().map(DroppedLine::reason).toList());
    }

    private static int occurrences(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** The cleaned content's paragraphs (separated by a blank line). */
    private static List<String> paragraphs(CleanedText cleaned) {
        return cleaned.content().isEmpty() ? List.of() : List.of(cleaned.content().split("\n\n"));
    }

    @Test
    void loneSurrogatesBecomeReplacementCharactersAndPairsStay() {
        assertEquals("a\uFFFDb😀c\uFFFD", TextCleaner.normalize("a\uD800b😀c\uDC00"));
    }
}
