package io.semsearch.answer.span;

/** The surface form of a candidate span, as far as it can be told without a tagger. */
public enum SpanShape {
    /** Starts with a date: a year (1000–2099), a day and month, a month, a century ("XIXe siècle"). */
    DATE,
    /** Starts with a number, in digits or in words ("13 milliards de dollars", "vingt mètres", "3 %"). */
    NUMBER,
    /** Every word capitalised, particles aside ("Satya Nadella", "Football Club de Roubaix"). */
    CAPITALISED,
    /** The whole text between quotation marks. */
    QUOTED,
    /** Anything else. */
    OTHER
}
