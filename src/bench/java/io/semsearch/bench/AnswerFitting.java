package io.semsearch.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.semsearch.answer.AnswerTrainingData;
import io.semsearch.answer.RelevanceGate;
import io.semsearch.answer.span.SentenceFeatures;
import io.semsearch.answer.span.Span;
import io.semsearch.answer.span.SpanFeatures;
import io.semsearch.common.LinearModel;
import io.semsearch.search.FusionTraining;
import io.semsearch.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Fits the learned weights from the data {@link AnswerTraining} collected on the PIAF train part (and the generated
 * off-topic questions), and writes them as configuration. Run alone ({@code scripts/train-answers.sh --fit-only})
 * it fits again from target/training/ without collecting.
 */
class AnswerFitting {

    static final double L2 = 1e-3;
    static final int RESCORED = 4;
    static final int SPAN_SENTENCES = 3;
    static final int MAX_SENTENCES = 3;
    static final int MAX_SPANS_PER_QUESTION = 300;
    static final Path FUSION_WEIGHTS = ServiceProcess.ROOT.resolve("src/main/resources/search/fusion-weights.properties");
    static final Path ANSWER_WEIGHTS = ServiceProcess.ROOT.resolve("src/main/resources/answer/weights.properties");

    @Test
    void fitFromCollectedData() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<AnswerTraining.FusionQuery> fusion = json.readValue(AnswerTraining.DATA.resolve("fusion.json").toFile(),
                new TypeReference<>() { });
        LinearModel fusionWeights = fitFusion(fusion);
        List<AnswerTraining.AnswerQuery> answers = json.readValue(
                AnswerTraining.DATA.resolve("answers.json").toFile(), new TypeReference<>() { });
        fitAnswers(answers, fusionWeights, Double.parseDouble(System.getProperty("answer.min-similarity", "0.83")));
    }

    static LinearModel fitFusion(List<AnswerTraining.FusionQuery> queries) throws IOException {
        List<ConditionalLogit.Group> groups = new ArrayList<>();
        for (AnswerTraining.FusionQuery q : queries) {
            long relevant = q.relevant().stream().filter(r -> r).count();
            if (relevant == 0 || relevant == q.relevant().size()) {
                continue;
            }
            double[] target = new double[q.relevant().size()];
            for (int i = 0; i < target.length; i++) {
                target[i] = q.relevant().get(i) ? 1.0 / relevant : 0;
            }
            groups.add(new ConditionalLogit.Group(q.features(), target));
        }
        LinearModel model = ConditionalLogit.fitConditional(FusionTraining.features(), groups, L2);
        int rrfTop = 0;
        int learnedTop = 0;
        int denseTop = 0;
        int lexicalTop = 0;
        int reciprocalDense = FusionTraining.features().indexOf("dense-reciprocal-rank");
        int reciprocalLexical = FusionTraining.features().indexOf("lexical-reciprocal-rank");
        for (AnswerTraining.FusionQuery q : queries) {
            int byRrf = argmax(q.features(), f -> rrf(f[reciprocalDense]) + rrf(f[reciprocalLexical]));
            int byModel = argmax(q.features(), model::score);
            rrfTop += byRrf >= 0 && q.relevant().get(byRrf) ? 1 : 0;
            int byDense = argmax(q.features(), f -> f[reciprocalDense]);
            int byLexical = argmax(q.features(), f -> f[reciprocalLexical]);
            denseTop += byDense >= 0 && q.features().get(byDense)[reciprocalDense] == 1 && q.relevant().get(byDense) ? 1 : 0;
            lexicalTop += byLexical >= 0 && q.features().get(byLexical)[reciprocalLexical] == 1
                    && q.relevant().get(byLexical) ? 1 : 0;
            learnedTop += byModel >= 0 && q.relevant().get(byModel) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "fusion (train, in-sample, before diversification): top-1 dense %.1f %%, lexical "
                + "%.1f %%, RRF %.1f %%, learned %.1f %% of %d questions%n", 100.0 * denseTop / queries.size(),
                100.0 * lexicalTop / queries.size(), 100.0 * rrfTop / queries.size(),
                100.0 * learnedTop / queries.size(), queries.size());
        List<String> lines = new ArrayList<>(header("Learned fusion of dense and lexical retrieval (search.ScoreFusion)",
                groups.size() + " PIAF train questions whose paragraph either retriever returned among its "
                        + "candidates; conditional logistic regression (softmax over each question's candidates), "
                        + "L2 " + L2));
        lines.addAll(model.toProperties(FusionTraining.weightsPrefix()));
        Files.write(FUSION_WEIGHTS, lines, StandardCharsets.UTF_8);
        return model;
    }

    static void fitAnswers(List<AnswerTraining.AnswerQuery> all, LinearModel fusion, double minSimilarity)
            throws IOException {
        List<AnswerTraining.AnswerQuery> piaf = all.stream().filter(q -> q.kind().equals("piaf")).toList();

        // 1. first sentence ranking, by the stored vectors, over every candidate sentence
        List<ConditionalLogit.Group> stored = new ArrayList<>();
        for (AnswerTraining.AnswerQuery q : piaf) {
            List<double[]> rows = q.sentences().stream().map(AnswerTrainingData.Sentence::stored).toList();
            double[] target = target(q, q.sentences());
            if (target != null) {
                stored.add(new ConditionalLogit.Group(rows, target));
            }
        }
        LinearModel sentence = ConditionalLogit.fitConditional(SentenceFeatures.STORED, stored, L2);

        // 2. second ranking, over the best few by the first that have their own vector
        List<ConditionalLogit.Group> rescored = new ArrayList<>();
        for (AnswerTraining.AnswerQuery q : piaf) {
            List<AnswerTrainingData.Sentence> best = rescoredCandidates(q, sentence);
            double[] target = target(q, best);
            if (target != null) {
                rescored.add(new ConditionalLogit.Group(best.stream().map(s -> SentenceFeatures.rescored(s.ownCosine(),
                        s.stored())).toList(), target));
            }
        }
        LinearModel second = ConditionalLogit.fitConditional(SentenceFeatures.RESCORED, rescored, L2);

        // 3. spans of the best sentences, for questions that ask for a fact
        Random random = new Random(AnswerTraining.SEED);
        List<ConditionalLogit.Group> spanGroups = new ArrayList<>();
        int factual = 0;
        int exactCandidate = 0;
        double bestF1Sum = 0;
        for (AnswerTraining.AnswerQuery q : piaf) {
            List<Span> spans = spans(q, sentence, second);
            if (spans.isEmpty()) {
                continue;
            }
            factual++;
            double[] f1 = spans.stream().mapToDouble(s -> SquadMetric.f1(s.text(), q.answers())).toArray();
            double bestF1 = java.util.Arrays.stream(f1).max().orElse(0);
            exactCandidate += bestF1 == 1 ? 1 : 0;
            bestF1Sum += bestF1;
            if (bestF1 < 0.5) {
                continue;
            }
            List<Integer> positives = new ArrayList<>();
            List<Integer> negatives = new ArrayList<>();
            for (int i = 0; i < spans.size(); i++) {
                (f1[i] == bestF1 ? positives : negatives).add(i);
            }
            Collections.shuffle(negatives, random);
            List<Integer> kept = new ArrayList<>(positives);
            kept.addAll(negatives.subList(0, Math.min(negatives.size(), MAX_SPANS_PER_QUESTION - positives.size())));
            double[] target = new double[kept.size()];
            for (int i = 0; i < positives.size(); i++) {
                target[i] = 1.0 / positives.size();
            }
            spanGroups.add(new ConditionalLogit.Group(kept.stream().map(i -> spans.get(i).features()).toList(),
                    target));
        }
        LinearModel span = ConditionalLogit.fitConditional(SpanFeatures.FEATURES, spanGroups, L2);
        System.out.printf(Locale.ROOT, "span candidates (train): %d questions with spans, an exact one for %.1f %%, "
                + "best F1 reachable %.1f%n", factual, 100.0 * exactCandidate / factual, 100 * bestF1Sum / factual);

        // 4. in-sample choices: the sentence margin and the lowest span score worth showing
        double margin = chooseMargin(piaf, sentence, second);
        double minSpanScore = chooseMinSpanScore(piaf, sentence, second, span);

        // 5. relevance gate: answerable PIAF questions against off-topic ones
        List<ConditionalLogit.Example> examples = new ArrayList<>();
        for (AnswerTraining.AnswerQuery q : all) {
            examples.add(new ConditionalLogit.Example(RelevanceGate.measure(q.question(), q.passages(),
                    q.bestSimilarity(), minSimilarity).features(), q.kind().equals("piaf")));
        }
        LinearModel relevance = ConditionalLogit.fitBinary(RelevanceGate.FEATURES, examples, L2);
        double threshold = chooseRelevanceThreshold(all, relevance, minSimilarity);

        List<String> lines = new ArrayList<>(header("Learned weights of the extractive answer (answer.AnswerWeights)",
                piaf.size() + " PIAF train questions (sentences: " + stored.size() + " with a candidate sentence "
                        + "holding a reference answer; rescored: " + rescored.size() + "; spans: " + spanGroups.size()
                        + " with a span of F1 >= 0.5); relevance: " + examples.size() + " questions ("
                        + all.stream().filter(q -> q.kind().equals("generated")).count() + " generated off-topic, "
                        + all.stream().filter(q -> q.kind().equals("piaf-on-sample")).count()
                        + " PIAF train questions against the sample articles only); logistic regression, L2 " + L2));
        lines.add("");
        lines.add("# first sentence ranking (stored vectors), then the second (the best " + RESCORED
                + " embedded again)");
        lines.addAll(sentence.toProperties("sentence"));
        lines.addAll(second.toProperties("rescored-sentence"));
        lines.add("# sentences scoring more than this below the best are left out (chosen on train: the smallest margin"
                + " within 1 point of the best share of answers holding a reference)");
        lines.add(String.format(Locale.ROOT, "rescored-sentence.margin=%.3f", margin));
        lines.add("");
        lines.add("# short answer: spans of the best " + SPAN_SENTENCES + " sentences");
        lines.addAll(span.toProperties("span"));
        lines.add("# no short answer under this score (chosen on train: the questions scoring lower had a mean F1 of"
                + " at most 0.10)");
        lines.add(String.format(Locale.ROOT, "span.min-score=%.4f", minSpanScore));
        lines.add("");
        lines.add("# relevance gate; answer when the score reaches the threshold (chosen on the calibration set: the "
                + "lowest worst case of false abstention / 3 % and off-topic answered / 5 %)");
        lines.addAll(relevance.toProperties("relevance"));
        lines.add(String.format(Locale.ROOT, "relevance.threshold=%.4f", threshold));
        Files.write(ANSWER_WEIGHTS, lines, StandardCharsets.UTF_8);
        System.out.println("Written " + ANSWER_WEIGHTS + " and " + FUSION_WEIGHTS);
    }

    /** Target shares over the candidates: the sentences holding a reference answer; null when none or all do. */
    private static double[] target(AnswerTraining.AnswerQuery q, List<AnswerTrainingData.Sentence> sentences) {
        boolean[] holds = new boolean[sentences.size()];
        int count = 0;
        for (int i = 0; i < holds.length; i++) {
            holds[i] = SquadMetric.holds(text(q, sentences.get(i)), q.answers());
            count += holds[i] ? 1 : 0;
        }
        if (count == 0 || count == holds.length) {
            return null;
        }
        double[] target = new double[holds.length];
        for (int i = 0; i < holds.length; i++) {
            target[i] = holds[i] ? 1.0 / count : 0;
        }
        return target;
    }

    static String text(AnswerTraining.AnswerQuery q, AnswerTrainingData.Sentence s) {
        return q.passages().get(s.passage()).substring(s.start(), s.end());
    }

    /** The best {@link #RESCORED} by the first ranking among those embedded again while collecting. */
    static List<AnswerTrainingData.Sentence> rescoredCandidates(AnswerTraining.AnswerQuery q, LinearModel first) {
        return q.sentences().stream().filter(s -> s.ownCosine() != null)
                .sorted(Comparator.comparingDouble((AnswerTrainingData.Sentence s) -> first.score(s.stored())).reversed())
                .limit(RESCORED).toList();
    }

    /** The rescored candidates, best first by the second ranking. */
    static List<AnswerTrainingData.Sentence> ranked(AnswerTraining.AnswerQuery q, LinearModel first,
            LinearModel second) {
        return rescoredCandidates(q, first).stream().sorted(Comparator.comparingDouble(
                (AnswerTrainingData.Sentence s) -> second.score(SentenceFeatures.rescored(s.ownCosine(), s.stored())))
                .reversed()).toList();
    }

    static List<Span> spans(AnswerTraining.AnswerQuery q, LinearModel first, LinearModel second) {
        SpanFeatures.Question question = SpanFeatures.Question.of(q.question());
        if (!question.analysis().factual()) {
            return List.of();
        }
        List<AnswerTrainingData.Sentence> ranked = ranked(q, first, second);
        List<Span> spans = new ArrayList<>();
        for (int r = 0; r < Math.min(SPAN_SENTENCES, ranked.size()); r++) {
            AnswerTrainingData.Sentence s = ranked.get(r);
            spans.addAll(SpanFeatures.spans(question, q.passages().get(s.passage()), s.start(), s.end(), r,
                    second.score(SentenceFeatures.rescored(s.ownCosine(), s.stored())), r));
        }
        return spans;
    }

    private static double chooseMargin(List<AnswerTraining.AnswerQuery> piaf, LinearModel first, LinearModel second) {
        double[] margins = {0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 1e9};
        double[] holds = new double[margins.length];
        double[] sentences = new double[margins.length];
        for (AnswerTraining.AnswerQuery q : piaf) {
            List<AnswerTrainingData.Sentence> ranked = ranked(q, first, second);
            if (ranked.isEmpty()) {
                continue;
            }
            double best = second.score(SentenceFeatures.rescored(ranked.get(0).ownCosine(), ranked.get(0).stored()));
            for (int m = 0; m < margins.length; m++) {
                Set<Integer> passages = new HashSet<>();
                StringBuilder answer = new StringBuilder();
                int count = 0;
                for (AnswerTrainingData.Sentence s : ranked) {
                    double score = second.score(SentenceFeatures.rescored(s.ownCosine(), s.stored()));
                    if (count == MAX_SENTENCES || score < best - margins[m]) {
                        break;
                    }
                    if (passages.add(s.passage())) {
                        answer.append(text(q, s)).append(' ');
                        count++;
                    }
                }
                holds[m] += SquadMetric.holds(answer.toString(), q.answers()) ? 1 : 0;
                sentences[m] += count;
            }
        }
        double max = java.util.Arrays.stream(holds).max().orElse(0);
        int chosen = IntStream.range(0, margins.length).filter(m -> holds[m] >= max - 0.01 * piaf.size())
                .findFirst().orElse(margins.length - 1);
        for (int m = 0; m < margins.length; m++) {
            System.out.printf(Locale.ROOT, "margin %.2f: answer holds a reference %.1f %%, %.2f sentences%s%n",
                    margins[m], 100 * holds[m] / piaf.size(), sentences[m] / piaf.size(), m == chosen ? " <-" : "");
        }
        return margins[chosen];
    }

    private static double chooseMinSpanScore(List<AnswerTraining.AnswerQuery> piaf, LinearModel first,
            LinearModel second, LinearModel span) {
        record Best(double score, double f1, boolean exact) {
        }
        List<Best> bests = new ArrayList<>();
        for (AnswerTraining.AnswerQuery q : piaf) {
            Span best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Span s : spans(q, first, second)) {
                double score = span.score(s.features());
                if (score > bestScore) {
                    best = s;
                    bestScore = score;
                }
            }
            if (best != null) {
                bests.add(new Best(bestScore, SquadMetric.f1(best.text(), q.answers()),
                        SquadMetric.exactMatch(best.text(), q.answers())));
            }
        }
        bests.sort(Comparator.comparingDouble(Best::score));
        double threshold = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < bests.size(); i++) {
            sum += bests.get(i).f1();
            if (sum / (i + 1) <= 0.10 && i + 1 < bests.size()) {
                threshold = bests.get(i + 1).score();
            }
        }
        double chosen = threshold;
        double f1 = bests.stream().filter(b -> b.score() >= chosen).mapToDouble(Best::f1).sum();
        double em = bests.stream().filter(b -> b.score() >= chosen).filter(Best::exact).count();
        long shown = bests.stream().filter(b -> b.score() >= chosen).count();
        System.out.printf(Locale.ROOT, "short answers (train, in-sample, all %d questions): shown %.1f %%, EM %.1f, F1 %.1f%n",
                piaf.size(), 100.0 * shown / piaf.size(), 100 * em / piaf.size(), 100 * f1 / piaf.size());
        return Double.isInfinite(threshold) ? -1e9 : threshold;
    }

    private static double chooseRelevanceThreshold(List<AnswerTraining.AnswerQuery> all, LinearModel relevance,
            double minSimilarity) {
        List<Double> positives = new ArrayList<>();
        List<Double> generated = new ArrayList<>();
        List<Double> onSample = new ArrayList<>();
        for (AnswerTraining.AnswerQuery q : all) {
            double score = relevance.score(RelevanceGate.measure(q.question(), q.passages(), q.bestSimilarity(),
                    minSimilarity).features());
            (q.kind().equals("piaf") ? positives : q.kind().equals("generated") ? generated : onSample).add(score);
        }
        List<Double> thresholds = new ArrayList<>(positives);
        thresholds.addAll(generated);
        thresholds.addAll(onSample);
        Collections.sort(thresholds);
        double best = Double.POSITIVE_INFINITY;
        double chosen = 0;
        for (double t : thresholds) {
            double falseAbstention = share(positives, s -> s < t);
            double worstAnswered = Math.max(share(generated, s -> s >= t), share(onSample, s -> s >= t));
            double cost = Math.max(falseAbstention / 0.03, worstAnswered / 0.05);
            if (cost < best) {
                best = cost;
                chosen = t;
            }
        }
        double t = chosen;
        System.out.printf(Locale.ROOT, "relevance (calibration): threshold %.4f, false abstention %.1f %%, generated "
                        + "off-topic answered %.1f %%, PIAF-on-sample answered %.1f %%%n", t,
                100 * share(positives, s -> s < t), 100 * share(generated, s -> s >= t),
                100 * share(onSample, s -> s >= t));
        return chosen;
    }

    private static double share(List<Double> values, java.util.function.DoublePredicate p) {
        return values.isEmpty() ? 0 : (double) values.stream().filter(p::test).count() / values.size();
    }

    private static double rrf(double reciprocalRank) {
        return reciprocalRank == 0 ? 0 : 1.0 / (60 + 1 / reciprocalRank);
    }

    private static int argmax(List<double[]> rows, java.util.function.ToDoubleFunction<double[]> score) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows.size(); i++) {
            double s = score.applyAsDouble(rows.get(i));
            if (s > bestScore) {
                best = i;
                bestScore = s;
            }
        }
        return best;
    }

    private static List<String> header(String what, String data) {
        return List.of("# " + what + ".",
                "# Written by scripts/train-answers.sh (src/test/java/io/semsearch/bench/AnswerTraining.java and",
                "# AnswerFitting.java) on " + LocalDate.now() + ", from " + data + ".",
                "# The PIAF test part (articles 0, 4, 8, ... of the file) is never used here. Fit again after changing",
                "# the features; any weight may be overridden here by hand, at the cost of no longer being learned.");
    }
}
