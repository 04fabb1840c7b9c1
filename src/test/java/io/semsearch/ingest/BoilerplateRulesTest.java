package io.semsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BoilerplateRulesTest {

    @Test
    void defaultRulesLoadFromTheClasspath() {
        BoilerplateRules rules = BoilerplateRules.loadDefault();
        assertTrue(rules.rules().size() >= 20, "rules loaded: " + rules.rules().size());
        assertEquals(rules.rules().size(),
                new HashSet<>(rules.rules().stream().map(BoilerplateRule::name).toList()).size());
        assertTrue(rules.rules().stream().anyMatch(r -> r.action() == BoilerplateRule.Action.DROP_LINE_AND_NEXT));
    }

    @Test
    void bothApostrophesMatch() {
        BoilerplateRules rules = BoilerplateRules.loadDefault();
        Optional<BoilerplateRule> typographic = rules.firstMatch("En cliquant sur « J’accepte tout », vous consentez");
        Optional<BoilerplateRule> straight = rules.firstMatch("En cliquant sur « J'accepte tout », vous consentez");
        assertEquals("consent-accept-all", typographic.orElseThrow().name());
        assertEquals("consent-accept-all", straight.orElseThrow().name());
        assertEquals("consent-blocked-content",
                rules.firstMatch("Ce contenu est bloqué car vous n’avez pas accepté les cookies.").orElseThrow().name());
        assertEquals("consent-blocked-content",
                rules.firstMatch("Ce contenu est bloqué car vous n'avez pas accepté les cookies.").orElseThrow().name());
    }

    @Test
    void matchingIsCaseInsensitiveWithUnicode() {
        BoilerplateRules rules = BoilerplateRules.loadDefault();
        assertEquals("consent-manage-choices", rules.firstMatch("GÉRER MES CHOIX").orElseThrow().name());
        assertEquals("read-more-teaser", rules.firstMatch("À LIRE ÉGALEMENT").orElseThrow().name());
        assertEquals("read-more-teaser", rules.firstMatch("à lire également :").orElseThrow().name());
    }

    @Test
    void customRulesViaConstructor() {
        BoilerplateRules rules = new BoilerplateRules(List.of(
                BoilerplateRule.of("signature", "drop-line", "^par la rédaction$"),
                BoilerplateRule.of("related", "drop-line-and-next", "^sur le même thème$")));
        TextCleaner cleaner = new TextCleaner(rules);
        CleanedText cleaned = cleaner.clean("Texte.\nPar la rédaction\nSur le même thème\nLien\nLaisser un commentaire",
                null);
        assertEquals(List.of("Texte.", "Laisser un commentaire"), paragraphs(cleaned));
        assertEquals(List.of("signature", "related", "related+next"),
                cleaned.droppedLines().stream().map(DroppedLine::reason).toList());
    }

    @Test
    void parsesTheFileFormat() {
        BoilerplateRules rules = BoilerplateRules.parse("""
                # comment

                a-rule | drop-line | ^(foo|bar)$
                  b-rule|DROP-LINE-AND-NEXT|baz\\s+qux
                """, "inline");
        assertEquals(List.of("a-rule", "b-rule"), rules.rules().stream().map(BoilerplateRule::name).toList());
        assertEquals(BoilerplateRule.Action.DROP_LINE_AND_NEXT, rules.rules().get(1).action());
        assertTrue(rules.firstMatch("BAR").isPresent(), "regex may contain '|'");
        assertFalse(rules.firstMatch("foobar").isPresent());
        assertTrue(rules.firstMatch("un baz  qux").isPresent(), "patterns are searched, not fully matched");
    }

    @Test
    void malformedRulesFailFastWithLineNumber() {
        IllegalArgumentException missingField = assertThrows(IllegalArgumentException.class,
                () -> BoilerplateRules.parse("ok | drop-line | x\nbroken | drop-line\n", "rules.txt"));
        assertTrue(missingField.getMessage().contains("rules.txt:2"), missingField.getMessage());

        IllegalArgumentException badRegex = assertThrows(IllegalArgumentException.class,
                () -> BoilerplateRules.parse("bad | drop-line | (unclosed", "rules.txt"));
        assertTrue(badRegex.getMessage().contains("rules.txt:1") && badRegex.getMessage().contains("invalid regex"),
                badRegex.getMessage());

        IllegalArgumentException badAction = assertThrows(IllegalArgumentException.class,
                () -> BoilerplateRules.parse("bad | drop-everything | x", "rules.txt"));
        assertTrue(badAction.getMessage().contains("unknown action"), badAction.getMessage());

        IllegalArgumentException emptyRegex = assertThrows(IllegalArgumentException.class,
                () -> BoilerplateRules.parse("bad | drop-line |   ", "rules.txt"));
        assertTrue(emptyRegex.getMessage().contains("empty regex"), emptyRegex.getMessage());

        IllegalArgumentException matchesEverything = assertThrows(IllegalArgumentException.class,
                () -> BoilerplateRules.parse("bad | drop-line | .*", "rules.txt"));
        assertTrue(matchesEverything.getMessage().contains("empty string"), matchesEverything.getMessage());

        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> BoilerplateRules.parse("a | drop-line | x\na | drop-line | y", "rules.txt"));
        assertTrue(duplicate.getMessage().contains("duplicate"), duplicate.getMessage());

        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> BoilerplateRules.fromResource("ingest/no-such-rules.txt"));
        assertTrue(missing.getMessage().contains("no-such-rules.txt"));
    }

    /** The cleaned content's paragraphs (separated by a blank line). */
    private static List<String> paragraphs(CleanedText cleaned) {
        return cleaned.content().isEmpty() ? List.of() : List.of(cleaned.content().split("\n\n"));
    }
}
