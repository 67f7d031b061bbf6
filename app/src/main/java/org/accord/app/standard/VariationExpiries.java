package org.accord.app.standard;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.accord.api.variation.DueVariation;
import org.accord.api.variation.ExpireVariationCommand;
import org.accord.api.variation.FindVariationsDueQuery;
import org.accord.app.shared.Commands;
import org.accord.app.shared.OnTime;
import org.accord.app.shared.Queries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records the expiry of variations whose review or expiry date has come, as Accord itself, at every start and then
 * regularly. The rules in force do not wait for it: a variation lapses on its date in any answer about that date;
 * this puts the expiry in the log and in the variation's status.
 */
@Component
class VariationExpiries {

    private static final Logger log = LoggerFactory.getLogger(VariationExpiries.class);

    private final Queries queries;
    private final Commands commands;

    VariationExpiries(Queries queries, Commands commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void expireWhatPassedWhileDown() {
        expireDue();
    }

    @Scheduled(fixedDelayString = "${accord.variations.check-interval:60s}",
            initialDelayString = "${accord.variations.check-interval:60s}")
    void expireDue() {
        OnTime.record(commands, queries.list(new FindVariationsDueQuery(LocalDate.now(ZoneOffset.UTC)),
                DueVariation.class), v -> new ExpireVariationCommand(v.standardId(), v.variationId()),
                v -> "the expiry of variation " + v.variationId(), log);
    }
}
