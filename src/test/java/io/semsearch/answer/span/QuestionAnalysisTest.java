package io.semsearch.answer.span;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuestionAnalysisTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Combien Microsoft a-t-il investi dans OpenAI ?|NUMBER",
        "L'église a combien d'étages ?|NUMBER",
        "À combien OpenAI est-elle évaluée ?|NUMBER",
        "Quelle est la valeur de Microsoft ?|NUMBER",
        "Quand Sam Altman voit-il les premières manifestations de l’AGI ?|DATE",
        "En quelle année Microsoft a-t-il commencé à investir dans OpenAI ?|DATE",
        "A quelle date est ressortie l'enquête ?|DATE",
        "Qui pilote le nouveau projet d’IA interne chez Microsoft ?|PERSON",
        "À qui la compagnie anglaise a-t-elle vendu des munitions ?|PERSON",
        "Où est basée l'autorité régionale byzantine ?|PLACE",
        "D’où vient le nom ?|PLACE",
        "Dans quel pays se trouve Smolensk ?|PLACE",
        "Quel club occupait le stade jusqu'en 1928 ?|ORGANISATION",
        "Avec quelle entreprise OpenAI a-t-elle signé un contrat de 10 milliards ?|ORGANISATION",
        "Comment s'appelle le chien de Tintin ?|NAME",
        "Comment est surnommé l’AC Milan ?|NAME",
        "Quel est le nom du fondateur ?|NAME",
        "Que demande Google à la FTC ?|THING",
        "Qu'est-ce qui distingue la Golf de la Coccinelle ?|THING",
        "Quel siège Microsoft a-t-il accepté d’abandonner chez OpenAI ?|THING",
        "Pourquoi Microsoft diversifie-t-il ses partenaires ?|EXPLANATION",
        "Pour quelle raison le vice-roi dut-il transmettre son commandement ?|EXPLANATION",
        "Comment fonctionne un moteur diesel ?|EXPLANATION",
        "How much did Microsoft invest in OpenAI?|NUMBER",
        "When did Microsoft start investing in OpenAI?|DATE",
        "Who runs Microsoft?|PERSON",
        "Where is OpenAI based?|PLACE",
        "Which company signed a contract with OpenAI?|ORGANISATION",
        "What did Microsoft invest in OpenAI?|THING",
        "Why did Microsoft hire the Inflection team?|EXPLANATION",
        "How does the partnership work?|EXPLANATION"})
    void answerTypeComesFromTheEarliestQuestionWord(String question, AnswerType expected) {
        assertEquals(expected, QuestionAnalysis.of(question).type());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Pourquoi le ciel est-il bleu ?", "Why is the sky blue?",
        "Comment Microsoft a-t-il réagi ?"})
    void explanationsAreNotFactual(String question) {
        assertEquals(false, QuestionAnalysis.of(question).factual());
    }
}
