package io.semsearch.answer.span;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer type of a French or English question, from its question words: the earliest one decides ("Quelle est la
 * date où…" asks for a date, "Où…" for a place). After "quel/quelle/which/what", the noun that follows (the focus)
 * decides: "quelle ville" a place, "quel club" an organisation, "quel est le nom" a name; a focus that says nothing of
 * the answer's form gives {@link AnswerType#THING}.
 *
 * @param focus the folded noun after quel/quelle/which/what, null when there is none
 */
public record QuestionAnalysis(AnswerType type, String focus) {

    private record Cue(Pattern pattern, AnswerType type) {
    }

    /** Cues on the folded, lower-case question with plain apostrophes; a null type means "read the focus". */
    private static final List<Cue> CUES = List.of(
            cue("pourquoi|pour quelle raison|pour quelles raisons|dans quel but|why|for what reason", AnswerType.EXPLANATION),
            cue("comment (?:s'appel|se nomm|se surnomm|appel|nomm|surnomm|est (?:appele|nomme|surnomme|denomme)"
                    + "|sont (?:appele|nomme|surnomme)|etai(?:t|ent) (?:appele|nomme|surnomme))\\p{L}*",
                    AnswerType.NAME),
            cue("what (?:is|was|are|were) (?:\\w+ ){1,6}called|what (?:is|was) the name", AnswerType.NAME),
            cue("combien|how (?:many|much|long|old|far|big|large|tall|high|often)|what percentage", AnswerType.NUMBER),
            cue("comment|de quelle (?:maniere|facon)|how", AnswerType.EXPLANATION),
            cue("quand|depuis quand|jusqu'a quand|when", AnswerType.DATE),
            cue("d'where|where", AnswerType.PLACE),
            cue("(?:quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|which|what)", null),
            cue("(?:a|de|par|pour|avec|chez|contre|sur|aupres de|to|by|from|with|for) (?:qui|whom)|qui|who|whom|whose",
                    AnswerType.PERSON),
            cue("qu'est-ce qu(?:i|e|')|que|qu'|quoi|est-ce qu(?:e|')", AnswerType.THING));

    /** Words between "quel" and its noun that are not the noun. */
    private static final Set<String> NOT_FOCUS = words("est", "sont", "etait", "etaient", "fut", "furent", "a",
            "ont", "avait", "avaient", "sera", "seront", "serait", "etre", "ete", "le", "la", "les", "l'", "un", "une",
            "des", "du", "de", "d'", "en", "au", "aux", "son", "sa", "ses", "leur", "leurs", "premier", "premiere",
            "dernier", "derniere", "seul", "seule", "principal", "principale", "principaux", "principales", "meilleur",
            "meilleure", "plus", "moins", "grand", "grande", "petit", "petite", "autre", "autres", "nouveau",
            "nouvelle", "ancien", "ancienne", "type", "genre", "sorte", "is", "was", "are", "were", "did", "does", "do",
            "the", "a", "an", "of", "first", "last", "main", "largest", "biggest", "kind", "sort");

    private static final Map<AnswerType, Set<String>> FOCUS_NOUNS = Map.of(
            AnswerType.DATE, words("annee", "date", "jour", "siecle", "epoque", "periode", "mois", "an", "decennie",
                    "saison", "millenaire", "heure", "year", "day", "century", "period", "month", "decade"),
            AnswerType.PLACE, words("ville", "pays", "region", "lieu", "endroit", "continent", "departement", "ile",
                    "commune", "quartier", "fleuve", "riviere", "mer", "ocean", "lac", "montagne", "mont", "capitale",
                    "province", "etat", "territoire", "village", "rue", "localite", "cite", "port", "royaume",
                    "colonie", "vallee", "desert", "foret", "stade", "eglise", "chateau", "palais", "musee",
                    "city", "country", "place", "state", "town", "river", "island", "capital"),
            AnswerType.PERSON, words("personne", "homme", "femme", "roi", "reine", "president", "presidente", "auteur",
                    "artiste", "joueur", "joueuse", "pape", "empereur", "imperatrice", "ecrivain", "peintre",
                    "architecte", "ministre", "general", "fils", "fille", "pere", "mere", "frere", "soeur", "epouse",
                    "mari", "chanteur", "chanteuse", "acteur", "actrice", "compositeur", "entraineur", "fondateur",
                    "fondatrice", "directeur", "directrice", "dirigeant", "chef", "prince", "princesse", "duc",
                    "comte", "saint", "philosophe", "scientifique", "savant", "poete", "musicien", "patron",
                    "successeur", "predecesseur", "heritier", "inventeur", "createur", "proprietaire", "capitaine",
                    "pilote", "champion", "vainqueur", "gagnant", "heros", "personnage", "dieu", "deesse", "eveque",
                    "pretre", "moine", "sultan", "calife", "pharaon", "tsar", "chancelier", "maire", "depute",
                    "senateur", "ambassadeur", "commandant", "marechal", "amiral", "officier", "professeur",
                    "journaliste", "historien", "person", "man", "woman", "king", "queen", "author", "player",
                    "writer", "founder", "leader", "boss", "ceo"),
            AnswerType.ORGANISATION, words("entreprise", "societe", "club", "equipe", "parti", "organisation",
                    "organisme", "groupe", "compagnie", "universite", "institution", "journal", "marque",
                    "association", "federation", "banque", "firme", "constructeur", "ecole", "armee", "chaine",
                    "label", "studio", "editeur", "institut", "agence", "ministere", "concurrent", "company", "team",
                    "organization", "organisation", "party", "university", "firm", "competitor", "rival"),
            AnswerType.NUMBER, words("nombre", "pourcentage", "age", "taille", "hauteur", "longueur", "largeur",
                    "superficie", "population", "distance", "poids", "prix", "montant", "somme", "vitesse", "duree",
                    "temperature", "altitude", "profondeur", "surface", "proportion", "taux", "score", "capacite",
                    "budget", "cout", "chiffre", "quantite", "valeur", "frequence", "volume", "masse", "diametre",
                    "effectif", "salaire", "revenu", "valorisation", "number", "percentage", "height", "length",
                    "amount", "price", "size", "value", "cost", "sum", "weight"),
            AnswerType.NAME, words("nom", "titre", "surnom", "appellation", "prenom", "pseudonyme", "name", "title",
                    "nickname"));

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+'?");

    public static QuestionAnalysis of(String question) {
        String text = normalise(question);
        Cue earliest = null;
        int earliestAt = Integer.MAX_VALUE;
        int earliestEnd = 0;
        for (Cue cue : CUES) {
            Matcher m = cue.pattern().matcher(text);
            if (m.find() && (m.start() < earliestAt || (m.start() == earliestAt && m.end() > earliestEnd))) {
                earliest = cue;
                earliestAt = m.start();
                earliestEnd = m.end();
            }
        }
        if (earliest == null) {
            return new QuestionAnalysis(AnswerType.THING, null);
        }
        if (earliest.type() != null) {
            return new QuestionAnalysis(earliest.type(), null);
        }
        String focus = focusAfter(text.substring(earliestEnd));
        return new QuestionAnalysis(focus == null ? AnswerType.THING : typeOfFocus(focus), focus);
    }

    /** Whether a short answer should be looked for. */
    public boolean factual() {
        return type.factual();
    }

    private static String focusAfter(String rest) {
        Matcher m = WORD.matcher(rest);
        int words = 0;
        while (m.find() && words++ < 6) {
            String word = m.group();
            if (!NOT_FOCUS.contains(word)) {
                return word.endsWith("'") ? null : word;
            }
        }
        return null;
    }

    private static AnswerType typeOfFocus(String focus) {
        for (String form : List.of(focus, singular(focus))) {
            for (Map.Entry<AnswerType, Set<String>> e : FOCUS_NOUNS.entrySet()) {
                if (e.getValue().contains(form)) {
                    return e.getKey();
                }
            }
        }
        return AnswerType.THING;
    }

    private static String singular(String word) {
        if (word.endsWith("aux") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "al";
        }
        if ((word.endsWith("s") || word.endsWith("x")) && word.length() > 3) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    private static Cue cue(String alternatives, AnswerType type) {
        return new Cue(Pattern.compile("(?<![\\p{L}\\p{N}'])(?:" + alternatives + ")(?:(?<=')|(?![\\p{L}\\p{N}]))"),
                type);
    }

    /**
     * Lower case, accents removed ("où" becomes "where" first, not to be read as "ou"), typographic apostrophes and
     * hyphens plain, spaces single.
     */
    static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("(?<!\\p{L})où(?!\\p{L})", "where");
        String folded = Accents.fold(lower);
        return folded.replace('’', '\'').replace('‘', '\'').replace('\u2011', '-').replaceAll("\\s+", " ").strip();
    }
}
