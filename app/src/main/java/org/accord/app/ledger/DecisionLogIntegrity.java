package org.accord.app.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.accord.app.ledger.Verification.Kind;
import org.accord.app.ledger.merkle.LogOrigin;
import org.accord.app.ledger.merkle.MerkleTree;
import org.accord.app.ledger.Verification.Problem;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the decision log to what was witnessed outside the database. Every signed checkpoint goes to the witness file
 * (and to the witness URL, if one is set) before the database; verification checks the chain against the checkpoints
 * of both, and compares the two; before anything is signed, the head must agree with the newest checkpoint either
 * knows of. A trust whose log shows a problem gets no new signature until an operator acknowledges it
 * ({@link #acknowledge}). docs/verifiable-log.md, "The witness".
 */
public class DecisionLogIntegrity {

    private static final Logger log = LoggerFactory.getLogger(DecisionLogIntegrity.class);

    private final LedgerSource source;
    private final LedgerStore ledger;
    private final LedgerKeys keys;
    private final Witness witness;
    private final WitnessUrl url;
    private final TransactionManager writer;
    private final Clock clock;
    private final String originNamespace;
    private final Duration signedWithin;
    private final TrustTrees trees;
    private final QuarantinedEvents quarantine;
    /** What the chain and the two records of checkpoints showed, by trust; quarantined events are added on reading. */
    private final Map<String, TrustCheck> checked = new ConcurrentHashMap<>();

    /**
     * What the check of one trust found.
     *
     * @param problems        the problems found, the chain's first one first; empty when the log is intact
     * @param acknowledgement the operator's acknowledgement that covers them all; null if none does
     */
    public record TrustCheck(String trustId, List<Problem> problems, WitnessEntry acknowledgement) {

        public boolean blocksSigning() {
            return !problems.isEmpty() && acknowledgement == null;
        }
    }

    /**
     * @param url    the external witness; null when none is configured
     * @param writer the store's writer: a checkpoint is recorded in the database as any command's events are
     */
    public DecisionLogIntegrity(LedgerSource source, LedgerStore ledger, LedgerKeys keys, Witness witness,
                                WitnessUrl url, TransactionManager writer, Clock clock) {
        this(source, ledger, keys, witness, url, writer, clock, LogOrigin.DEFAULT_NAMESPACE, Duration.ofMinutes(11));
    }

    public DecisionLogIntegrity(LedgerSource source, LedgerStore ledger, LedgerKeys keys, Witness witness,
                                WitnessUrl url, TransactionManager writer, Clock clock, String originNamespace,
                                Duration signedWithin) {
        this(source, ledger, keys, witness, url, writer, clock, originNamespace, signedWithin,
                new QuarantinedEvents());
    }

    /**
     * @param originNamespace the first part of each trust's log name in its checkpoints ({@link LogOrigin})
     * @param signedWithin    how soon after a trust's first event Accord has certainly signed a checkpoint of it: a
     *                        trust with older events and no checkpoint anywhere had its checkpoints deleted
     * @param quarantine      the events the projections refused: each is a problem of its trust, as if the check had
     *                        found it (a problem the chain's own check may not reach, since it stops at the first)
     */
    public DecisionLogIntegrity(LedgerSource source, LedgerStore ledger, LedgerKeys keys, Witness witness,
                                WitnessUrl url, TransactionManager writer, Clock clock, String originNamespace,
                                Duration signedWithin, QuarantinedEvents quarantine) {
        this.originNamespace = originNamespace;
        this.signedWithin = signedWithin;
        this.trees = new TrustTrees(source);
        this.quarantine = quarantine;
        this.source = source;
        this.ledger = ledger;
        this.keys = keys;
        this.witness = witness;
        this.url = url;
        this.writer = writer;
        this.clock = clock;
    }

    public Witness witness() {
        return witness;
    }

    /**
     * The trust's chain checked against the checkpoints of the database and of the witness file together, then the
     * two compared: a checkpoint one holds and the other does not is a problem (CHECKPOINT_MISSING,
     * WITNESS_ROLLED_BACK), never a fresh start.
     */
    public Verification verify(String trustId) {
        List<Checkpoint> witnessed = witnessedCheckpoints(trustId);
        return source.read(trustId, (events, head, stored) -> {
            Verification chain = ChainVerifier.verify(trustId, events, head, merge(stored, witnessed),
                    keys.publicKey());
            if (!chain.intact()) {
                return chain;
            }
            Problem apart = compare(stored, witnessed);
            return apart == null ? chain
                    : new Verification(false, chain.checkedEvents(), chain.headHash(), chain.lastCheckpoint(), apart);
        });
    }

    /** The database's checkpoints with the witness file's, oldest first: what an export carries. */
    public List<Checkpoint> checkpointsWithWitnessed(String trustId, List<Checkpoint> stored) {
        return merge(stored, witnessedCheckpoints(trustId));
    }

    /** Checks every trust that the database or the witness file knows of; each problem is logged as an ERROR. */
    public void checkAll() {
        Set<String> trusts = new LinkedHashSet<>();
        ledger.heads().forEach(h -> trusts.add(h.trustId()));
        witness.entries().forEach(e -> trusts.add(e.trustId()));
        trusts.forEach(this::check);
        log.info("Decision log checked for {} trusts against the witness file {}", trusts.size(), witness.path());
    }

    /**
     * The trust's check, made now if it has not been made since the start (or since its acknowledgement), with the
     * trust's quarantined events among its problems.
     */
    public TrustCheck check(String trustId) {
        return withQuarantined(chainCheck(trustId));
    }

    /** What is known of the trust so far, without checking it now: for health, which must not wait. */
    public Optional<TrustCheck> known(String trustId) {
        TrustCheck known = checked.get(trustId);
        if (known == null && quarantine.of(trustId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(withQuarantined(known != null ? known : new TrustCheck(trustId, List.of(), null)));
    }

    public QuarantinedEvents quarantine() {
        return quarantine;
    }

    private TrustCheck chainCheck(String trustId) {
        TrustCheck known = checked.get(trustId);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            known = checked.get(trustId);
            if (known != null) {
                return known;
            }
            restoreTornCheckpoint(trustId);
            List<Problem> problems = new ArrayList<>();
            Verification verification = verify(trustId);
            if (!verification.intact()) {
                problems.add(verification.firstProblem());
            }
            Problem apart = source.read(trustId, (events, head, stored) -> compare(stored,
                    witnessedCheckpoints(trustId)));
            addIfNew(problems, apart);
            addIfNew(problems, disagreement(ledger.head(trustId).orElseGet(() -> ChainHead.genesis(trustId))));
            addIfNew(problems, neverSigned(trustId));
            TrustCheck check = new TrustCheck(trustId, List.copyOf(problems), acknowledgementOf(trustId, problems));
            report(check);
            checked.put(trustId, check);
            return check;
        }
    }

    /** Every trust checked so far, or with a quarantined event, that has a problem, by trust. */
    public Map<String, TrustCheck> problems() {
        Set<String> trusts = new LinkedHashSet<>(checked.keySet());
        trusts.addAll(quarantine.trusts());
        Map<String, TrustCheck> problems = new TreeMap<>();
        for (String trust : trusts) {
            known(trust).filter(check -> !check.problems().isEmpty()).ifPresent(check -> problems.put(trust, check));
        }
        return problems;
    }

    /**
     * The check with the trust's quarantined events added to its problems (each once: one the chain's check found
     * already, same kind and position, is not repeated), and the acknowledgement that covers them all, if any.
     * Logged already, by QuarantinedEvents.
     */
    private TrustCheck withQuarantined(TrustCheck check) {
        List<QuarantinedEvents.QuarantinedEvent> held = quarantine.of(check.trustId());
        if (held.isEmpty()) {
            return check;
        }
        List<Problem> problems = new ArrayList<>(check.problems());
        held.forEach(q -> addIfNew(problems, q.problem()));
        if (problems.size() == check.problems().size()) {
            return check;
        }
        return new TrustCheck(check.trustId(), List.copyOf(problems), acknowledgementOf(check.trustId(), problems));
    }

    /**
     * Why this head must not be signed, or empty if it may be. Refused while the trust has a problem nobody has
     * acknowledged, and when the head disagrees with the newest checkpoint that the database or the witness file
     * knows of (which then becomes the trust's problem, logged as an ERROR).
     */
    public synchronized Optional<String> refusal(ChainHead head) {
        TrustCheck check = check(head.trustId());
        if (check.blocksSigning()) {
            return Optional.of("the decision log of trust '" + head.trustId() + "' has an unacknowledged problem: "
                    + check.problems().get(0).detail());
        }
        Problem problem = disagreement(head);
        if (problem == null) {
            return Optional.empty();
        }
        List<Problem> problems = new ArrayList<>(check.problems());
        problems.add(problem);
        TrustCheck now = new TrustCheck(head.trustId(), List.copyOf(problems), null);
        report(now);
        checked.put(head.trustId(), now);
        return Optional.of(problem.detail());
    }

    /**
     * Signs a checkpoint of the trust's log at this head (the Merkle root of its first {@code head.position()} link
     * hashes, as a C2SP note), unless {@link #refusal} says no. Not yet recorded: see {@link #record}.
     */
    public synchronized Optional<Checkpoint> sign(ChainHead head, Instant now) {
        Optional<String> refused = refusal(head);
        if (refused.isPresent()) {
            return Optional.empty();
        }
        byte[] root = trees.tree(head).root(head.position()); // refusal() has built it and found it whole
        return Optional.of(CheckpointSigning.sign(head, root, now.truncatedTo(ChronoUnit.MILLIS), keys,
                originNamespace));
    }

    /** The trust's Merkle tree as stored, at least up to this head, for proofs. */
    public MerkleTree tree(ChainHead head) {
        return trees.tree(head);
    }

    /**
     * Records a signed checkpoint: first in the witness file (forced to disk), then in the database, then, without
     * waiting, at the witness URL. A stop between the first two leaves the witness one ahead, which the next start
     * repairs ({@link #restoreTornCheckpoint}).
     */
    public void record(Checkpoint checkpoint) {
        WitnessEntry entry = WitnessEntry.of(checkpoint);
        witness.append(entry);
        writer.executeInTransaction(() -> ledger.record(checkpoint));
        if (url != null) {
            url.send(entry);
        }
    }

    /**
     * An operator's acknowledgement of the trust's problems: written to the witness file (and its URL) and logged.
     * It deletes nothing and does not make the log intact; it brings the two records of checkpoints together (each
     * signed checkpoint one holds and the other lacks is copied across, since its signature makes it true of the
     * chain it was signed on), and it re-baselines signing at the trust's current head: from then on a head must
     * agree with that baseline and the checkpoints signed after it.
     *
     * @throws IllegalStateException when the trust has nothing left to acknowledge
     */
    public synchronized WitnessEntry acknowledge(String trustId, String operator, String reason) {
        TrustCheck check = check(trustId);
        if (!check.blocksSigning()) {
            throw new IllegalStateException("the decision log of trust '" + trustId + "' has no unacknowledged problem");
        }
        List<Checkpoint> witnessed = witnessedCheckpoints(trustId);
        List<Checkpoint> stored = ledger.checkpoints(trustId);
        CheckpointSigning signatures = new CheckpointSigning(keys.publicKey());
        for (Checkpoint c : witnessed) {
            if (!contains(stored, c) && signatures.verifies(c)) {
                writer.executeInTransaction(() -> ledger.record(c));
            }
        }
        for (Checkpoint c : stored) {
            if (!contains(witnessed, c) && signatures.verifies(c)) {
                witness.append(WitnessEntry.of(c));
            }
        }
        ChainHead baseline = ledger.head(trustId).orElseGet(() -> ChainHead.genesis(trustId));
        WitnessEntry entry = WitnessEntry.acknowledgement(baseline, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                operator, reason, check.problems().stream().map(DecisionLogIntegrity::label).toList());
        witness.append(entry);
        if (url != null) {
            url.send(entry);
        }
        log.warn("Decision log of trust '{}': {} acknowledged by '{}' ({}); signing resumes from position {}",
                trustId, entry.problems(), operator, reason, baseline.position());
        checked.remove(trustId);
        trees.forget(trustId);
        check(trustId);
        return entry;
    }

    /**
     * Where the head disagrees with the newest checkpoint known, or with the last acknowledgement's baseline: the
     * chain must reach that position, and the event there must still carry that hash.
     */
    private Problem disagreement(ChainHead head) {
        MerkleTree tree;
        try {
            tree = trees.tree(head);
        } catch (IllegalStateException e) {
            return new Problem(head.position(), null, Kind.ALTERED, e.getMessage());
        }
        for (WitnessEntry reference : references(head.trustId())) {
            long position = reference.position();
            if (position == 0) {
                continue;
            }
            String what = reference.isAcknowledgement() ? "the head acknowledged at position " + position
                    : "the checkpoint signed at position " + position;
            if (head.position() < position) {
                return new Problem(head.position() + 1, null, Kind.MISSING, "the chain of trust '" + head.trustId()
                        + "' ends at position " + head.position() + ", before " + what + ": its last events were"
                        + " removed");
            }
            List<String> hashes = source.hashesAt(head.trustId(), position);
            if (hashes.size() != 1 || !reference.hash().equals(hashes.get(0))) {
                return new Problem(position, null, hashes.isEmpty() ? Kind.MISSING : Kind.ALTERED, "the chain of"
                        + " trust '" + head.trustId() + "' no longer holds " + what + " (hash " + reference.hash()
                        + "): it was re-linked, or events were removed, at or before that position");
            }
            if (reference.rootHash() != null
                    && !reference.rootHash().equals(HexFormat.of().formatHex(tree.root(position)))) {
                return new Problem(position, null, Kind.ALTERED, "the Merkle tree of trust '" + head.trustId()
                        + "' at size " + position + " no longer has the root of " + what + " (" + reference.rootHash()
                        + "): an event at or before that position was altered, removed or added");
            }
        }
        return null;
    }

    /**
     * The newest things the head must agree with: the witness file's last entry for the trust (a checkpoint or an
     * acknowledgement's baseline) and the database's last checkpoint unless an acknowledgement came after it.
     */
    private List<WitnessEntry> references(String trustId) {
        List<WitnessEntry> entries = witness.entries(trustId);
        List<WitnessEntry> references = new ArrayList<>();
        Instant acknowledged = Instant.MIN;
        if (!entries.isEmpty()) {
            WitnessEntry last = entries.get(entries.size() - 1);
            references.add(last);
            for (WitnessEntry e : entries) {
                if (e.isAcknowledgement()) {
                    acknowledged = e.at();
                }
            }
        }
        Optional<Checkpoint> stored = ledger.lastCheckpoint(trustId);
        if (stored.isPresent() && stored.get().signedAt().isAfter(acknowledged)) {
            references.add(WitnessEntry.of(stored.get()));
        }
        return references;
    }

    /**
     * A trust with events older than {@code signedWithin} and no checkpoint in the database, the witness file or an
     * acknowledgement: Accord signs a new trust's log within seconds and at every graceful stop, so its checkpoints
     * were deleted from both, or the witness file beside this data folder is not its own. Not a fresh start.
     */
    private Problem neverSigned(String trustId) {
        if (!ledger.checkpoints(trustId).isEmpty() || !witness.entries(trustId).isEmpty()) {
            return null;
        }
        return source.read(trustId, (events, head, stored) -> {
            if (head == null || head.position() == 0) {
                return null;
            }
            while (events.hasNext()) {
                StoredEvent event = events.next();
                if (trustId.equals(event.chainTrust())) {
                    Instant first;
                    try {
                        first = Instant.parse(event.timestamp());
                    } catch (RuntimeException unreadable) {
                        return null; // the chain check reports an event it cannot read
                    }
                    if (Duration.between(first, clock.instant()).compareTo(signedWithin) <= 0) {
                        return null;
                    }
                    return new Problem(1, null, Kind.CHECKPOINT_MISSING, "trust '" + trustId + "' has events"
                            + " since " + first + " (positions 1 to " + head.position() + ") but no signed checkpoint in the database"
                            + " or in the witness file " + witness.path() + ": Accord signs one within " + signedWithin
                            + " of a trust's first event, so its checkpoints were deleted from both, or this witness"
                            + " file is not this data folder's");
                }
            }
            return null;
        });
    }

    /** The database lacks only the witness's newest checkpoint, which the chain still holds: a stop between writes. */
    private void restoreTornCheckpoint(String trustId) {
        List<Checkpoint> witnessed = witnessedCheckpoints(trustId);
        if (witnessed.isEmpty()) {
            return;
        }
        List<Checkpoint> stored = ledger.checkpoints(trustId);
        Checkpoint newest = witnessed.get(witnessed.size() - 1);
        boolean onlyNewestMissing = !contains(stored, newest)
                && witnessed.subList(0, witnessed.size() - 1).stream().allMatch(c -> contains(stored, c));
        if (onlyNewestMissing && new CheckpointSigning(keys.publicKey()).verifies(newest)
                && source.hashesAt(trustId, newest.position()).equals(List.of(newest.hash()))) {
            writer.executeInTransaction(() -> ledger.record(newest));
            log.warn("Decision log of trust '{}': the checkpoint at position {} was in the witness file but not yet in"
                    + " the database (a stop between the two writes); restored", trustId, newest.position());
        }
    }

    private Problem compare(List<Checkpoint> stored, List<Checkpoint> witnessed) {
        for (Checkpoint c : witnessed) {
            if (!contains(stored, c)) {
                return new Problem(c.position(), null, Kind.CHECKPOINT_MISSING, "the witness file "
                        + witness.path() + " holds a checkpoint signed at position " + c.position() + " (" + c.signedAt()
                        + ") that the database does not: checkpoint rows were deleted, or this is not the database"
                        + " the witness file belongs to");
            }
        }
        for (Checkpoint c : stored) {
            if (!contains(witnessed, c)) {
                return new Problem(c.position(), null, Kind.WITNESS_ROLLED_BACK, "the database holds a checkpoint"
                        + " signed at position " + c.position() + " (" + c.signedAt() + ") that the witness file "
                        + witness.path() + " does not: the witness file was rolled back or replaced");
            }
        }
        return null;
    }

    private WitnessEntry acknowledgementOf(String trustId, List<Problem> problems) {
        if (problems.isEmpty()) {
            return null;
        }
        WitnessEntry covering = null;
        for (WitnessEntry e : witness.entries(trustId)) {
            if (e.isAcknowledgement() && problems.stream().allMatch(p -> (e.problems() != null
                    && e.problems().contains(label(p))) || p.position() <= e.position())) {
                covering = e;
            }
        }
        return covering;
    }

    private void report(TrustCheck check) {
        for (Problem p : check.problems()) {
            if (check.acknowledgement() == null) {
                log.error("Decision log of trust '{}' is not intact: {} at position {}{}: {}", check.trustId(),
                        p.kind(), p.position(), p.eventId() == null ? "" : " (event " + p.eventId() + ")", p.detail());
            } else {
                log.warn("Decision log of trust '{}': {} at position {}, acknowledged by '{}' at {}: {}",
                        check.trustId(), p.kind(), p.position(), check.acknowledgement().operator(),
                        check.acknowledgement().at(), p.detail());
            }
        }
    }

    private List<Checkpoint> witnessedCheckpoints(String trustId) {
        return witness.entries(trustId).stream().filter(WitnessEntry::isCheckpoint).map(WitnessEntry::checkpoint)
                .toList();
    }

    private static List<Checkpoint> merge(List<Checkpoint> stored, List<Checkpoint> witnessed) {
        List<Checkpoint> all = new ArrayList<>(stored);
        for (Checkpoint c : witnessed) {
            if (!contains(all, c)) {
                all.add(c);
            } else if (c.isTreeCheckpoint()) {
                // the same head signed as a tree too: the tree checkpoint says more
                all.replaceAll(o -> o.position() == c.position() && o.hash().equals(c.hash())
                        && !o.isTreeCheckpoint() ? c : o);
            }
        }
        all.sort(java.util.Comparator.comparingLong(Checkpoint::position));
        return all;
    }

    private static boolean contains(List<Checkpoint> checkpoints, Checkpoint c) {
        return checkpoints.stream().anyMatch(o -> o.position() == c.position() && o.hash().equals(c.hash()));
    }

    private static void addIfNew(List<Problem> problems, Problem problem) {
        if (problem != null && problems.stream().noneMatch(p -> p.kind() == problem.kind()
                && p.position() == problem.position())) {
            problems.add(problem);
        }
    }

    static String label(Problem p) {
        return p.kind() + "@" + p.position();
    }
}
