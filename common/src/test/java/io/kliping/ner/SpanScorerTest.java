package io.kliping.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanScorerTest {

    @Test
    void spansFollowConllevalRules() {
        assertThat(Span.fromBio(List.of("B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG")))
            .containsExactly(new Span(0, 2, "PER"), new Span(3, 5, "LOC"), new Span(5, 6, "LOC"),
                new Span(6, 7, "ORG"));
        assertThat(Span.fromBio(List.of("O", "O"))).isEmpty();
        assertThat(Span.fromBio(List.of("B-PER", "B-PER"))).hasSize(2);
    }

    @Test
    void onlyExactBoundariesAndTypeCount() {
        SpanScorer scorer = new SpanScorer(Map.of());
        // gold: PERSON [0,2), LOCATION [3,4); predicted: PERSON [0,1) (wrong end), LOCATION [3,4)
        scorer.add(List.of("B-PERSON", "I-PERSON", "O", "B-LOCATION"),
            List.of("B-PERSON", "O", "O", "B-LOCATION"));
        // gold: ORGANIZATION [0,1); predicted: LOCATION [0,1) (wrong type), PERSON [2,3) (spurious)
        scorer.add(List.of("B-ORGANIZATION", "O", "O"), List.of("B-LOCATION", "O", "B-PERSON"));

        assertThat(scorer.micro().gold()).isEqualTo(3);
        assertThat(scorer.micro().predicted()).isEqualTo(4);
        assertThat(scorer.micro().correct()).isEqualTo(1);
        assertThat(scorer.micro().precision()).isCloseTo(0.25, within(1e-9));
        assertThat(scorer.micro().recall()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(scorer.micro().f1()).isCloseTo(2 * 0.25 / 3 / (0.25 + 1.0 / 3), within(1e-9));
        assertThat(scorer.byType().get("LOCATION").precision()).isCloseTo(0.5, within(1e-9));
        assertThat(scorer.byType().get("LOCATION").recall()).isCloseTo(1.0, within(1e-9));
        assertThat(scorer.byType().get("ORGANIZATION").f1()).isZero();
        assertThat(scorer.report()).contains("micro").contains("LOCATION");
    }

    @Test
    void typesAreRenamedBeforeComparison() {
        SpanScorer scorer = new SpanScorer(SpanScorer.parseMap("PLACE=LOCATION, ORGANISATION=ORGANIZATION"));
        scorer.add(List.of("B-PLACE", "I-PLACE", "B-ORGANISATION"),
            List.of("B-LOCATION", "I-LOCATION", "B-ORGANIZATION"));
        assertThat(scorer.micro().f1()).isEqualTo(1.0);
        assertThat(scorer.byType()).containsOnlyKeys("LOCATION", "ORGANIZATION");
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> SpanScorer.parseMap("PLACE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpanScorer(Map.of()).add(List.of("O"), List.of("O", "O")))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
