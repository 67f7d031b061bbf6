package org.accord.query.runtime.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class IdsWrittenTest {

    @Test
    void nothingWrittenYetIsSurelyNotThere() {
        assertThat(new IdsWritten().surelyNot("decision-1")).isTrue();
    }

    @Test
    void everyIdWrittenIsNeverSaidToBeAbsentHoweverManyFollowIt() {
        IdsWritten ids = new IdsWritten();
        IntStream.range(0, 300_000).forEach(i -> ids.add("decision-" + i));

        assertThat(IntStream.range(0, 300_000).filter(i -> ids.surelyNot("decision-" + i)).count()).isZero();
    }

    @Test
    void anIdNeverWrittenIsKnownToBeAbsentNearlyAlwaysAsTheTableGrows() {
        IdsWritten ids = new IdsWritten();
        IntStream.range(0, 300_000).forEach(i -> ids.add("decision-" + i));

        long known = IntStream.range(0, 100_000).filter(i -> ids.surelyNot("vote-" + i)).count();

        // the filters' wrong "maybe" is bounded by twice the first filter's 0.5%, however many filters there are
        assertThat(known).isGreaterThan(98_000);
    }

    @Test
    void anIdWrittenTwiceTakesNoMoreRoom() {
        IdsWritten once = new IdsWritten();
        IdsWritten twice = new IdsWritten();
        IntStream.range(0, 20_000).forEach(i -> once.add("row-" + i));
        IntStream.range(0, 20_000).forEach(i -> {
            twice.add("row-" + i);
            twice.add("row-" + i);
        });

        long wrongOnce = IntStream.range(0, 50_000).filter(i -> !once.surelyNot("other-" + i)).count();
        long wrongTwice = IntStream.range(0, 50_000).filter(i -> !twice.surelyNot("other-" + i)).count();
        assertThat(wrongTwice).isEqualTo(wrongOnce);
    }
}
