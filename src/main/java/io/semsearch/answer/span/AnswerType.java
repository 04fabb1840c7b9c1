package io.semsearch.answer.span;

/** What kind of answer a question asks for. */
public enum AnswerType {
    PERSON,
    ORGANISATION,
    PLACE,
    DATE,
    /** Amounts, counts, measures, percentages: numbers with their units or currencies. */
    NUMBER,
    /** A name or title: "comment s'appelle…", "quel est le nom…", quoted names. */
    NAME,
    /** Any other fact: "que…", "quel est le X…" where X says nothing of the answer's form. */
    THING,
    /** "pourquoi", "comment" (other than names), "why", "how": an explanation, never a short answer. */
    EXPLANATION;

    /** Whether a short span can answer: every type but explanations. */
    public boolean factual() {
        return this != EXPLANATION;
    }

    /** The span shapes this type usually takes; empty when any shape may do. */
    public java.util.Set<SpanShape> expectedShapes() {
        return switch (this) {
            case NUMBER -> java.util.EnumSet.of(SpanShape.NUMBER);
            case DATE -> java.util.EnumSet.of(SpanShape.DATE);
            case PERSON, ORGANISATION, PLACE -> java.util.EnumSet.of(SpanShape.CAPITALISED);
            case NAME -> java.util.EnumSet.of(SpanShape.CAPITALISED, SpanShape.QUOTED);
            case THING, EXPLANATION -> java.util.EnumSet.noneOf(SpanShape.class);
        };
    }
}
