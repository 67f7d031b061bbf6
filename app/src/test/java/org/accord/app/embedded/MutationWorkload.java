package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.accord.app.support.GraphQlClient;
import tools.jackson.databind.JsonNode;

/**
 * The reliability suite's mutations against the demo trust (schools registered, proposals drafted, votes cast, each
 * with its own clientMutationId and a text of its own), and the checks after the storm: every acknowledged mutation
 * recorded once in its read model and in the decision log, and read models equal to a fresh rebuild.
 */
final class MutationWorkload {

    static final String TRUST = "demo-trust";
    static final String TEAM = "demo-team-english";
    static final String OPEN_PROPOSAL = "demo-proposal-library-lesson";
    static final List<String> VOTERS = List.of("chair", "member1", "member2", "member3");
    static final List<String> CHOICES = List.of("APPROVE", "OBJECT", "ABSTAIN");

    /** One mutation the clients send; its key is its clientMutationId and the unique text it records. */
    record Mutation(int n, String account, String document, Map<String, Object> input) {

        String key() {
            return "reliability-" + n;
        }

        String kind() {
            return document.substring(document.indexOf('{') + 1, document.indexOf('(', document.indexOf('{')))
                    .trim();
        }
    }

    /** What came back for a mutation the first time it was acknowledged. */
    record Acknowledgement(int round, String id) {
    }

    private MutationWorkload() {
    }

    static List<Mutation> mutations(int total) {
        List<Mutation> all = new ArrayList<>();
        for (int n = 1; n <= total; n++) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("clientMutationId", "reliability-" + n);
            switch (n % 3) {
                case 0 -> {
                    input.put("trustId", TRUST);
                    input.put("name", "Reliability School " + n);
                    input.put("phase", "PRIMARY");
                    all.add(new Mutation(n, "exec", "mutation ($input: RegisterSchoolInput!) {"
                            + " registerSchool(input: $input) { clientMutationId school { id name } } }", input));
                }
                case 1 -> {
                    input.put("teamId", TEAM);
                    input.put("kind", "NEW_STANDARD");
                    input.put("title", "Reliability proposal " + n);
                    input.put("area", "CURRICULUM");
                    input.put("alignment", "GUIDANCE");
                    input.put("statement", "Statement of proposal " + n);
                    all.add(new Mutation(n, VOTERS.get(n % VOTERS.size()), "mutation ($input: DraftProposalInput!)"
                            + " { draftProposal(input: $input) { clientMutationId proposal { id title } } }", input));
                }
                default -> {
                    input.put("proposalId", OPEN_PROPOSAL);
                    input.put("choice", CHOICES.get(n % CHOICES.size()));
                    input.put("rationale", "Reliability vote " + n);
                    all.add(new Mutation(n, VOTERS.get(n % VOTERS.size()), "mutation ($input: CastVoteInput!) {"
                            + " castVote(input: $input) { clientMutationId proposal { id status } } }", input));
                }
            }
        }
        return all;
    }

    static String idIn(GraphQlClient.Answer answer, Mutation m) {
        JsonNode payload = answer.data().path(m.kind());
        JsonNode subject = payload.has("school") ? payload.path("school") : payload.path("proposal");
        return subject.path("id").asString();
    }

    static final class Verification {
        int schools;
        int proposals;
        int votes;
        int found;
        int duplicates;
        final List<String> missing = new ArrayList<>();
        final List<String> missingFromLog = new ArrayList<>();
    }

    /** Looks every mutation up in its read model and in the decision log. */
    /** Looks every mutation of the workload (all {@code total} acknowledged) up in its read model and in the log. */
    static Verification verify(GraphQlClient graphql, Map<String, Acknowledgement> acknowledged, int total)
            throws Exception {
        Map<String, List<String>> schoolsByName = new HashMap<>();
        for (JsonNode school : graphql.post("board", "{ trust(id: \"" + TRUST + "\") { schools { id name } } }",
                null).data().path("trust").path("schools")) {
            schoolsByName.computeIfAbsent(school.path("name").asString(), k -> new ArrayList<>())
                    .add(school.path("id").asString());
        }
        Map<String, List<String>> proposalsByTitle = new HashMap<>();
        String after = null;
        do {
            JsonNode page = graphql.post("board", "query ($after: String) { proposals(trustId: \"" + TRUST
                    + "\", teamId: \"" + TEAM + "\", first: 100, after: $after) { edges { node { id title } }"
                    + " pageInfo { hasNextPage endCursor } } }", after == null ? Map.of() : Map.of("after", after))
                    .data().path("proposals");
            page.path("edges").forEach(e -> proposalsByTitle.computeIfAbsent(e.path("node").path("title").asString(),
                    k -> new ArrayList<>()).add(e.path("node").path("id").asString()));
            after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor")
                    .asString() : null;
        } while (after != null);
        Map<String, Integer> votesByRationale = new HashMap<>();
        graphql.post("board", "{ proposal(id: \"" + OPEN_PROPOSAL + "\") { voteHistory { rationale } } }", null)
                .data().path("proposal").path("voteHistory")
                .forEach(v -> votesByRationale.merge(v.path("rationale").asString(""), 1, Integer::sum));
        Map<String, Integer> logSubjects = new HashMap<>();
        Map<String, Integer> logRationales = new HashMap<>();
        List<Long> positions = new ArrayList<>();
        after = null;
        do {
            JsonNode page = graphql.post("board", "query ($after: String) { decisionLog(trustId: \"" + TRUST
                    + "\", first: 100, after: $after) { edges { node { position type subjectId rationale } }"
                    + " pageInfo { hasNextPage endCursor } } }", after == null ? Map.of() : Map.of("after", after))
                    .data().path("decisionLog");
            page.path("edges").forEach(e -> {
                JsonNode record = e.path("node");
                positions.add(record.path("position").asLong());
                logSubjects.merge(record.path("type").asString() + " " + record.path("subjectId").asString(""), 1,
                        Integer::sum);
                logRationales.merge(record.path("type").asString() + " " + record.path("rationale").asString(""),
                        1, Integer::sum);
            });
            after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor")
                    .asString() : null;
        } while (after != null);

        Verification v = new Verification();
        // the log's positions run 1, 2, 3… without a gap or a repeat
        long distinct = positions.stream().distinct().count();
        long highest = positions.stream().mapToLong(Long::longValue).max().orElse(0);
        if (distinct != positions.size() || highest != positions.size()) {
            v.missing.add("decision log positions: " + positions.size() + " records, " + distinct
                    + " distinct positions, the highest " + highest);
        }
        for (Mutation m : mutations(total)) {
            Acknowledgement ack = acknowledged.get(m.key());
            int inReadModel;
            int inLog;
            switch (m.kind()) {
                case "registerSchool" -> {
                    v.schools++;
                    List<String> ids = schoolsByName.getOrDefault(m.input().get("name"), List.of());
                    inReadModel = ids.contains(ack.id()) ? ids.size() : 0;
                    inLog = logSubjects.getOrDefault("SchoolRegistered " + ack.id(), 0);
                }
                case "draftProposal" -> {
                    v.proposals++;
                    List<String> ids = proposalsByTitle.getOrDefault(m.input().get("title"), List.of());
                    inReadModel = ids.contains(ack.id()) ? ids.size() : 0;
                    inLog = logSubjects.getOrDefault("ProposalDrafted " + ack.id(), 0);
                }
                default -> {
                    v.votes++;
                    inReadModel = votesByRationale.getOrDefault(m.input().get("rationale"), 0);
                    inLog = logRationales.getOrDefault("VoteCast " + m.input().get("rationale"), 0);
                }
            }
            if (inReadModel > 0 && inLog == 0) {
                v.missingFromLog.add(m.key() + " (" + m.kind() + ", acknowledged in round " + ack.round() + "):"
                        + " in its read model, not in the decision log; looked up directly: " + lookUp(graphql,
                        ack.id()));
            } else if (inReadModel == 0) {
                v.missing.add(m.key() + " (" + m.kind() + ", acknowledged in round " + ack.round() + " as '"
                        + ack.id() + "'): read model " + inReadModel + ", decision log " + inLog + "; looked up"
                        + " directly: " + lookUp(graphql, ack.id()));
            }
            if (inReadModel > 0) {
                v.found++;
            }
            if (inReadModel > 1 || inLog > 1) {
                v.duplicates++;
            }
        }
        return v;
    }

    private static String lookUp(GraphQlClient graphql, String id) {
        try {
            return graphql.post("board", "query ($id: ID!) { school(id: $id) { id name } proposal(id: $id) { id title }"
                    + " decisionLog(trustId: \"" + TRUST + "\", filter: {subjectId: $id}, first: 100) { edges { node {"
                    + " position type } } } }", Map.of("id", id)).body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    static List<String> differences(Map<String, List<String>> before, Map<String, List<String>> after) {
        List<String> differences = new ArrayList<>();
        if (!before.keySet().equals(after.keySet())) {
            differences.add("collections " + before.keySet() + " against " + after.keySet());
        }
        before.forEach((name, documents) -> {
            List<String> other = after.getOrDefault(name, List.of());
            if (!documents.equals(other)) {
                List<String> onlyBefore = new ArrayList<>(documents);
                onlyBefore.removeAll(other);
                List<String> onlyAfter = new ArrayList<>(other);
                onlyAfter.removeAll(documents);
                differences.add(name + ": " + documents.size() + " against " + other.size() + " documents; first"
                        + " only in the killed instance: " + onlyBefore.stream().findFirst().orElse("-")
                        + "; first only in the rebuild: " + onlyAfter.stream().findFirst().orElse("-"));
            }
        });
        return differences;
    }

    /**
     * The event store after a clean stop (WAL checkpointed, or copied with it), the ledger's signing key and the
     * witness file beside the data folder (its default place): a store copied without the checkpoints it witnessed is
     * one whose witness was rolled back, which Accord reports as such.
     */
    static void copyEventStore(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        Path witness = from.resolveSibling(from.getFileName() + "-witness.log");
        if (Files.exists(witness)) {
            Files.copy(witness, to.resolveSibling(to.getFileName() + "-witness.log"),
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        for (String file : List.of("events.db", "events.db-wal", "events.db-shm")) {
            if (Files.exists(from.resolve(file))) {
                Files.copy(from.resolve(file), to.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path ledger = from.resolve("ledger");
        if (Files.isDirectory(ledger)) {
            try (Stream<Path> files = Files.walk(ledger)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(f));
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        try (Stream<Path> files = Files.list(to)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no read models copied")
                    .noneMatch(n -> n.startsWith("readmodels"));
        }
    }
}
