package io.semsearch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Questions that the five sample articles (about Microsoft and OpenAI) cannot answer, for calibrating abstention:
 * generated from templates and fillers, the same on every run (seeded). The test sets are elsewhere and written
 * differently: the team's off-topic questions (src/test/resources/eval/sample-questions.json) and
 * src/test/resources/eval/off-topic-test.json; none of their questions is generated here.
 */
public final class OffTopicQuestions {

    private static final List<String> DISHES = List.of("du bœuf bourguignon", "de la quiche lorraine", "des crêpes",
            "du gratin dauphinois", "de la ratatouille", "du couscous", "de la blanquette de veau", "des lasagnes",
            "du tiramisu", "de la soupe à l’oignon", "du pain perdu", "des madeleines");
    private static final List<String> CITIES = List.of("Marseille", "Bordeaux", "Lille", "Nantes", "Strasbourg",
            "Toulouse", "Rennes", "Nice", "Grenoble", "Dijon", "Brest", "Montpellier");
    private static final List<String> PRODUCTS = List.of("un aspirateur sans fil", "une machine à laver",
            "un vélo électrique", "une trottinette", "un lave-vaisselle", "une cafetière", "un réfrigérateur",
            "une tondeuse", "un matelas", "une poussette", "un casque de moto", "une friteuse sans huile");
    private static final List<String> AILMENTS = List.of("un rhume", "une entorse de la cheville", "le mal de dos",
            "une piqûre de guêpe", "les maux de tête", "une brûlure légère", "l’insomnie", "une angine",
            "les allergies au pollen", "une tendinite");
    private static final List<String> CHORES = List.of("déboucher un évier", "changer un pneu", "repeindre un volet",
            "poser du carrelage", "détartrer une bouilloire", "réparer une chasse d’eau", "tailler un rosier",
            "monter une étagère", "nettoyer un four", "changer une serrure");
    private static final List<String> ANIMALS = List.of("un chaton", "un lapin nain", "un chiot", "un perroquet",
            "un hamster", "une tortue d’eau", "un poisson rouge", "un cheval");
    private static final List<String> TEMPLATES = List.of(
            "Quelle est la recette %s ?",
            "Combien de temps faut-il pour cuire %s ?",
            "Quel temps fera-t-il ce week-end à %s ?",
            "Quels sont les meilleurs restaurants de %s ?",
            "Combien coûte %s ?",
            "Où acheter %s d’occasion ?",
            "Comment soigner %s ?",
            "Quel médicament prendre contre %s ?",
            "Comment %s ?",
            "Quels outils faut-il pour %s ?",
            "Que donner à manger à %s ?",
            "À quel âge peut-on adopter %s ?");

    private OffTopicQuestions() {
    }

    /** {@code count} distinct generated questions, shuffled with {@code seed}. */
    public static List<String> generated(int count, long seed) {
        List<String> all = new ArrayList<>();
        for (String template : TEMPLATES) {
            for (String filler : fillers(template)) {
                all.add(String.format(template, filler));
            }
        }
        Collections.shuffle(all, new Random(seed));
        return all.subList(0, Math.min(count, all.size()));
    }

    private static List<String> fillers(String template) {
        if (template.contains("recette") || template.contains("cuire")) {
            return DISHES;
        }
        if (template.contains("temps fera") || template.contains("restaurants")) {
            return CITIES;
        }
        if (template.contains("coûte") || template.contains("acheter")) {
            return PRODUCTS;
        }
        if (template.contains("soigner") || template.contains("médicament")) {
            return AILMENTS;
        }
        if (template.startsWith("Comment %s") || template.contains("outils")) {
            return CHORES;
        }
        return ANIMALS;
    }
}
