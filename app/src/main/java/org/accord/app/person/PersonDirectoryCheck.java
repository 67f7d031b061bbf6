package org.accord.app.person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.accord.api.trust.FindPersonRegistrationsQuery;
import org.accord.api.trust.PersonRegistrationView;
import org.accord.app.shared.Queries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The person directory is the one thing Accord keeps that the events cannot rebuild (names are never in events). This
 * compares it, now and then, with what the events say: every person they registered and did not erase must have a
 * name. One without (a directory restored from a backup older than the person) is reported, by id, in an ERROR log
 * line and as this health component DOWN with the count; Accord keeps serving (not part of readiness), and the API
 * shows such a person with {@code displayName} null and {@code nameErased} false, never as erased. A person the
 * events erased whose name a restore brought back is erased again: the events decide erasure.
 */
@Component("personDirectoryHealthIndicator") // the health component "personDirectory"
class PersonDirectoryCheck extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(PersonDirectoryCheck.class);
    private static final int CHUNK = 1_000;

    private record Result(Instant checkedAt, int registered, List<String> missing, int erasedAgain) {
    }

    private final PersonDirectory directory;
    private final Queries queries;
    private volatile Result last;

    PersonDirectoryCheck(PersonDirectory directory, Queries queries) {
        this.directory = directory;
        this.queries = queries;
    }

    @Scheduled(initialDelayString = "${accord.person-directory.first-check:5s}",
            fixedDelayString = "${accord.person-directory.check-interval:10m}")
    void scheduledCheck() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("could not compare the person directory with the events this time: {}", e.toString());
        }
    }

    /** Compares the directory with the people the events registered, reports what is missing, and answers it. */
    List<String> check() {
        List<PersonRegistrationView> registered = queries.list(new FindPersonRegistrationsQuery(),
                PersonRegistrationView.class);
        List<String> missing = new ArrayList<>();
        int erasedAgain = 0;
        for (int from = 0; from < registered.size(); from += CHUNK) {
            List<PersonRegistrationView> chunk = registered.subList(from, Math.min(registered.size(), from + CHUNK));
            Map<String, PersonDirectory.Entry> entries = directory.entries(
                    chunk.stream().map(PersonRegistrationView::personId).toList());
            for (PersonRegistrationView person : chunk) {
                PersonDirectory.Entry entry = entries.get(person.personId());
                if (!person.erased() && entry == null) {
                    missing.add(person.personId());
                } else if (person.erased() && entry != null && !entry.erased()) {
                    directory.erase(person.personId());
                    erasedAgain++;
                }
            }
        }
        missing.sort(null);
        if (erasedAgain > 0) {
            log.warn("person directory: erased the names of {} people again that the events say were erased"
                    + " (the directory was restored from a backup older than their erasure)", erasedAgain);
        }
        if (!missing.isEmpty()) {
            log.error("person directory: {} of {} people the events registered and did not erase have no entry in"
                    + " the directory, so their names are missing (restored from an older backup?): {}. Restore"
                    + " the person directory from a backup that holds them (README, Production, What to back up)",
                    missing.size(), registered.size(), missing);
        }
        last = new Result(Instant.now(), registered.size(), List.copyOf(missing), erasedAgain);
        return last.missing();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Result result = last;
        if (result == null) {
            builder.unknown().withDetail("checked", "not yet");
            return;
        }
        Map<String, Object> details = new HashMap<>();
        details.put("checkedAt", result.checkedAt().toString());
        details.put("registeredPeople", result.registered());
        details.put("missingNames", result.missing().size());
        details.put("erasedAgain", result.erasedAgain());
        if (result.missing().isEmpty()) {
            builder.up().withDetails(details);
        } else {
            details.put("problem", "people the events registered have no name in the person directory (restored"
                    + " from an older backup?): their ids are in the log; restore the directory from a backup"
                    + " that holds them");
            builder.down().withDetails(details);
        }
    }
}
