package io.semsearch.document;

/** pgvector's text form of a vector, {@code [x,y,...]}, as queries bind it (cast to {@code vector} in SQL). */
final class PgVectors {

    private PgVectors() {
    }

    static String literal(float[] vector) {
        StringBuilder literal = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append(vector[i]);
        }
        return literal.append(']').toString();
    }
}
