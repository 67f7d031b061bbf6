package org.accord.app.shared;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.slf4j.Logger;

/**
 * What Accord itself records when a date comes: a vote's deadline, its reminder, a variation's expiry, an attestation
 * or a review falling due. Each is read from the read models (projected from the events, so one that came while
 * Accord was down is found at the next start) and sent as a command by {@link Actor#SYSTEM}. A refusal is expected:
 * someone acted a moment ago, or it is recorded already, and the read model had not caught up. The aggregate's
 * refusal is what makes each happen once, whatever restarts follow, so it is logged and passed over, never retried.
 */
public final class OnTime {

    private OnTime() {
    }

    /**
     * Each item recorded is logged at INFO.
     *
     * @param what a few words naming an item in the log ("the close of voting on proposal p-1")
     */
    public static <T> void record(Commands commands, List<T> due, Function<T, Object> command,
                                  Function<T, String> what, Logger log) {
        record(commands, due, command, what, log, true, item -> {
        });
    }

    /**
     * As {@link #record}, for a caller that sums up a whole look in one line of its own: each item recorded is logged
     * at DEBUG only, and handed to {@code recorded} as soon as it is (so a failure part-way loses none of the count).
     */
    public static <T> void recordEach(Commands commands, List<T> due, Function<T, Object> command,
                                      Function<T, String> what, Logger log, Consumer<T> recorded) {
        record(commands, due, command, what, log, false, recorded);
    }

    private static <T> void record(Commands commands, List<T> due, Function<T, Object> command,
                                   Function<T, String> what, Logger log, boolean eachAtInfo, Consumer<T> recorded) {
        for (T item : due) {
            try {
                commands.send(command.apply(item), Actor.SYSTEM);
            } catch (DomainException e) {
                log.debug("not recorded {}: {}", what.apply(item), e.getMessage());
                continue;
            }
            recorded.accept(item);
            if (eachAtInfo) {
                log.info("recorded {}", what.apply(item));
            } else {
                log.debug("recorded {}", what.apply(item));
            }
        }
    }
}
