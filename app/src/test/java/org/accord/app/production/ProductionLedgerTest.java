package org.accord.app.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.google.protobuf.ByteString;
import io.axoniq.axonserver.grpc.MetaDataValue;
import io.axoniq.axonserver.grpc.SerializedObject;
import io.axoniq.axonserver.grpc.event.Event;
import org.accord.api.shared.Actor;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.app.ledger.ChainHasher;
import org.accord.app.ledger.ChainHead;
import org.accord.app.ledger.ChainLink;
import org.accord.app.ledger.ChainMetadata;
import org.accord.app.ledger.ChainVerifier;
import org.accord.app.ledger.Checkpoint;
import org.accord.app.ledger.CheckpointSigning;
import org.accord.app.ledger.LedgerKeys;
import org.accord.app.ledger.LedgerStore;
import org.accord.app.ledger.StoredEvent;
import org.accord.app.ledger.Verification;
import org.accord.app.ledger.merkle.LedgerLeaf;
import org.accord.app.ledger.merkle.LogOrigin;
import org.accord.app.ledger.merkle.MerkleTree;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * The production ledger's pieces on an Axon Server held in memory ({@link InMemoryAxonServer}, which checks sequence
 * numbers per transaction as Axon Server does): how events are linked and stored with their markers, why two
 * replicas never fork a chain, how a consistent view is read without a read transaction, and what a write straight
 * into the store looks like to the verifier. RealAxonServerIT runs the same on a real Axon Server with the packaged
 * jar.
 */
class ProductionLedgerTest {

    private static final String TRUST = "lakeside-trust";
    private static final String OTHER = "harbour-trust";

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    private final InMemoryAxonServer axonServer = new InMemoryAxonServer();
    private final MemoryLedger ledger = new MemoryLedger();
    private final KeyPair key = ed25519();
    private final AtomicInteger relinks = new AtomicInteger();
    private final Replica replica = new Replica();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();

    /** One app replica: its own cache of heads and its own appender, on the shared Axon Server. */
    private final class Replica {
        final ChainStreams streams = new ChainStreams(axonServer.events());
        final ChainedAppender appender = new ChainedAppender(axonServer.events(), streams, serializer, ledger, 50,
                relinks::incrementAndGet, n -> { });
        final AxonServerLedgerSource source = new AxonServerLedgerSource(axonServer.events(), streams, ledger);

        Verification verify(String trustId) {
            return source.read(trustId, (events, head, checkpoints) -> ChainVerifier.verify(trustId, events, head,
                    checkpoints, key.getPublic()));
        }
    }

    @Test
    void eachEventOfATrustIsStoredJustAfterTheMarkerThatTakesItsPositionAndTheChainVerifies() {
        replica.appender.append(List.of(school(TRUST, "Lakeside Primary"), school(OTHER, "Harbour Primary")));
        replica.appender.append(List.of(school(TRUST, "Lakeside Secondary"), noTrust()));
        replica.appender.append(List.of(school(TRUST, "Lakeside Sixth Form")));

        List<Event> stored = axonServer.all();
        assertThat(stored).hasSize(9);
        List<String> trustEvents = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            Event event = stored.get(i);
            Optional<ChainMarker> marker = ChainMarker.of(event);
            if (marker.isPresent()) {
                Event next = stored.get(i + 1);
                assertThat(next.getMessageIdentifier()).as("the event after a marker is the one it names")
                        .isEqualTo(marker.get().eventId());
                assertThat(next.getMetaDataMap().get(ChainMetadata.HASH).getTextValue()).isEqualTo(marker.get().hash());
                assertThat(event.getAggregateIdentifier()).isEqualTo(ChainMarker.streamOf(marker.get().chain()));
                assertThat(event.getAggregateSequenceNumber()).isEqualTo(marker.get().position() - 1);
                if (marker.get().chain().equals(TRUST)) {
                    trustEvents.add(next.getMetaDataMap().get(ChainMetadata.POSITION).getTextValue());
                }
            }
        }
        assertThat(trustEvents).containsExactly("1", "2", "3");

        Verification verification = replica.verify(TRUST);
        assertThat(verification.intact()).as(String.valueOf(verification.firstProblem())).isTrue();
        assertThat(verification.checkedEvents()).isEqualTo(3);
        assertThat(replica.streams.head(TRUST)).contains(new ChainHead(TRUST, 3, verification.headHash()));
        assertThat(replica.verify(OTHER).checkedEvents()).isEqualTo(1);
        assertThat(ledger.noted).containsOnlyKeys(TRUST, OTHER);
    }

    @Test
    void aReplicaThatHasSeenNothingReadsTheHeadFromTheLastMarkerAndLinksOntoIt() {
        replica.appender.append(List.of(school(TRUST, "One"), school(TRUST, "Two")));
        Replica fresh = new Replica();
        assertThat(fresh.streams.head(TRUST)).isEqualTo(replica.streams.head(TRUST));
        fresh.appender.append(List.of(school(TRUST, "Three")));
        assertThat(relinks.get()).as("nothing moved between its read and its append").isZero();
        Verification verification = replica.verify(TRUST);
        assertThat(verification.intact()).as(String.valueOf(verification.firstProblem())).isTrue();
        assertThat(verification.checkedEvents()).isEqualTo(3);
    }

    @Test
    void aUnitOfWorksEventsAreSentWhenItCommitsAndNothingWhenItRollsBack() {
        DefaultUnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(null);
        replica.appender.append(List.of(school(TRUST, "One")));
        replica.appender.append(List.of(school(TRUST, "Two")));
        assertThat(axonServer.all()).as("nothing sent before the commit").isEmpty();
        committed.commit();
        assertThat(axonServer.all()).hasSize(4);

        DefaultUnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
        replica.appender.append(List.of(school(TRUST, "Three")));
        rolledBack.rollback();
        assertThat(axonServer.all()).hasSize(4);
        assertThat(replica.verify(TRUST).checkedEvents()).isEqualTo(2);
    }

    @Test
    void twoReplicasAppendingToOneTrustAtOnceLinkEveryEventOnceAndNeverFork() throws Exception {
        Replica other = new Replica();
        int threads = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Replica on = t % 2 == 0 ? replica : other;
                int client = t;
                sent.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        // each on an aggregate of its own, as drafts of new proposals are: only the chain is shared
                        on.appender.append(List.of(event(TRUST, "Proposal", "proposal-" + client + "-" + i, 0,
                                new SchoolRegisteredEvent(TRUST, "s-" + client + "-" + i, "School", SchoolPhase.PRIMARY,
                                        "exec"))));
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<Long, Integer> positions = new TreeMap<>();
        for (Event event : axonServer.all()) {
            MetaDataValue position = event.getMetaDataMap().get(ChainMetadata.POSITION);
            if (position != null) {
                positions.merge(Long.parseLong(position.getTextValue()), 1, Integer::sum);
            }
        }
        assertThat(positions).hasSize(threads * each);
        assertThat(positions.keySet()).first().isEqualTo(1L);
        assertThat(positions.keySet()).last().isEqualTo((long) threads * each);
        assertThat(positions.values()).as("each position held once").containsOnly(1);
        Verification verification = other.verify(TRUST);
        assertThat(verification.intact()).as(String.valueOf(verification.firstProblem())).isTrue();
        assertThat(verification.checkedEvents()).isEqualTo(threads * each);
        assertThat(relinks.get()).as("appends linked again after the other replica moved the head").isPositive();
        System.out.println("production ledger (in memory): " + threads * each + " events of one trust from two"
                + " replicas, " + relinks.get() + " linked again after the other replica's append, no fork");
    }

    @Test
    void aConflictOnAnAggregateOfTheDomainIsTheCommandsConflictAndIsNotLinkedAgain() {
        replica.appender.append(List.of(event(TRUST, "Trust", TRUST, 0, new TrustRegisteredEvent(TRUST, "Lakeside"))));
        assertThatThrownBy(() -> replica.appender.append(List.of(event(TRUST, "Trust", TRUST, 0,
                new TrustRegisteredEvent(TRUST, "Lakeside again"))))).isInstanceOf(ConcurrencyException.class);
        assertThat(relinks.get()).isZero();
        assertThat(axonServer.all()).hasSize(2);
        assertThat(replica.verify(TRUST).intact()).isTrue();
    }

    @Test
    void whatCommitsWhileTheLogIsReadIsLeftOutWithItsMarkerSoTheReadingIsOfOneMoment() {
        replica.appender.append(List.of(school(TRUST, "Before")));
        Replica other = new Replica();
        // between the head's read and the store's: another replica commits an event of the trust
        axonServer.beforeNextLastToken(() -> other.appender.append(List.of(school(TRUST, "Meanwhile"))));
        Verification during = replica.verify(TRUST);
        assertThat(during.intact()).as(String.valueOf(during.firstProblem())).isTrue();
        assertThat(during.checkedEvents()).isEqualTo(1);
        assertThat(replica.verify(TRUST).checkedEvents()).as("the next reading has it").isEqualTo(2);
    }

    @Test
    void aCheckpointAnotherReplicaSignsWhileTheLogIsReadIsNotPastTheEventsRead() {
        replica.appender.append(List.of(school(TRUST, "Before")));
        Replica other = new Replica();
        // just after this reading has seen the head: another replica stores an event and signs the new head
        axonServer.afterNextHighestSequence(() -> {
            other.appender.append(List.of(school(TRUST, "Meanwhile")));
            ChainHead head = other.streams.head(TRUST).orElseThrow();
            MerkleTree tree = MerkleTree.of(List.of(LedgerLeaf.hash(other.streams.markerAt(TRUST, 1).orElseThrow()
                    .hash()), LedgerLeaf.hash(head.hash())));
            ledger.record(CheckpointSigning.sign(head, tree.root(), Instant.now(),
                    new LedgerKeys(key.getPrivate(), key.getPublic()), LogOrigin.DEFAULT_NAMESPACE));
        });
        Verification during = replica.verify(TRUST);
        assertThat(during.intact()).as(String.valueOf(during.firstProblem())).isTrue();
        assertThat(during.checkedEvents()).isEqualTo(1);
        Verification after = replica.verify(TRUST);
        assertThat(after.intact()).as(String.valueOf(after.firstProblem())).isTrue();
        assertThat(after.lastCheckpoint().position()).isEqualTo(2);
    }

    @Test
    void anEventWrittenStraightIntoAxonServerWithoutALinkIsInserted() {
        replica.appender.append(List.of(school(TRUST, "Genuine")));
        axonServer.commit(List.of(raw(TRUST, "Forged", Map.of(Actor.METADATA_KEY, "exec"))));
        replica.appender.append(List.of(school(TRUST, "Genuine after")));

        Verification verification = replica.verify(TRUST);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstProblem().kind()).isEqualTo(Verification.Kind.INSERTED);
        assertThat(verification.firstProblem().position()).isEqualTo(2);
    }

    @Test
    void anEventWithAForgedLinkButNoMarkerStandsPastTheRecordedHeadAndIsInserted() {
        replica.appender.append(List.of(school(TRUST, "Genuine")));
        ChainHead head = replica.streams.head(TRUST).orElseThrow();
        Event unlinked = raw(TRUST, "Forged", Map.of(Actor.METADATA_KEY, "exec"));
        StoredEvent asStored = AxonServerLedgerSource.stored(0, unlinked);
        String hash = ChainHasher.hash(new ChainLink(TRUST, 2, head.hash(), asStored.eventId(),
                asStored.aggregateType(), asStored.aggregateId(), asStored.sequence(), asStored.payloadType(),
                ChainHasher.payload(asStored.payload()), "exec", Instant.parse(asStored.timestamp())));
        axonServer.commit(List.of(unlinked.toBuilder()
                .putMetaData(ChainMetadata.TRUST, text(TRUST))
                .putMetaData(ChainMetadata.POSITION, text("2"))
                .putMetaData(ChainMetadata.HASH, text(hash)).build()));

        Verification verification = replica.verify(TRUST);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstProblem().kind()).isEqualTo(Verification.Kind.INSERTED);
        assertThat(verification.firstProblem().position()).isEqualTo(2);
        assertThat(verification.firstProblem().detail()).contains("past its recorded head");
    }

    @Test
    void aChainStreamThatDoesNotEndInAMarkerIsNotBuiltOn() {
        replica.appender.append(List.of(school(TRUST, "Genuine")));
        axonServer.commit(List.of(raw(TRUST, "Not a marker", Map.of()).toBuilder()
                .setAggregateIdentifier(ChainMarker.streamOf(TRUST)).setAggregateSequenceNumber(1)
                .setAggregateType(ChainMarker.AGGREGATE_TYPE).build()));
        Replica fresh = new Replica();
        assertThatThrownBy(() -> fresh.appender.append(List.of(school(TRUST, "Next"))))
                .hasMessageContaining("does not end in Accord's marker for position 2");
        Verification verification = fresh.verify(TRUST);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstProblem().kind()).isEqualTo(Verification.Kind.MISSING);
    }

    @Test
    void theHashAtAPositionIsReadFromTheEventItsMarkerNames() {
        replica.appender.append(List.of(school(TRUST, "One"), school(TRUST, "Two")));
        String second = replica.streams.head(TRUST).orElseThrow().hash();
        assertThat(replica.source.hashesAt(TRUST, 2)).containsExactly(second);
        assertThat(replica.source.hashesAt(TRUST, 3)).isEmpty();
        assertThat(replica.source.hashesAt(OTHER, 1)).isEmpty();
    }

    @Test
    void theHolderOfAPositionIsTheEventItsMarkerNamesNotAnEventThatClaimsIt() {
        replica.appender.append(List.of(school(TRUST, "One"), school(TRUST, "Two"), school(TRUST, "Three")));
        Event copy = axonServer.all().get(3).toBuilder().setMessageIdentifier("copy-of-two")
                .clearAggregateIdentifier().clearAggregateType().clearAggregateSequenceNumber().build();
        axonServer.commit(List.of(copy)); // claims position 2 with its hash, after the genuine one
        List<String> genuine = axonServer.all().stream().filter(e -> ChainMarker.of(e).isPresent())
                .map(e -> ChainMarker.of(e).orElseThrow().eventId()).toList();

        assertThat(replica.source.claimsAt(TRUST, List.of(1L, 2L, 3L, 4L)))
                .extracting(c -> c.position() + " " + c.eventId())
                .containsExactly("1 " + genuine.get(0), "2 " + genuine.get(1), "3 " + genuine.get(2));
        assertThat(replica.source.claimsAt(TRUST, List.of(2L))).hasSize(1);
        assertThat(replica.source.claimsAt(OTHER, List.of(1L))).isEmpty();
    }

    @Test
    void noTrustIsListedAndNothingReadUntilItHasAChain() {
        assertThat(replica.streams.head(TRUST)).isEmpty();
        assertThat(replica.verify(TRUST).intact()).isTrue();
        assertThat(replica.verify(TRUST).checkedEvents()).isZero();
    }

    private GenericDomainEventMessage<SchoolRegisteredEvent> school(String trustId, String name) {
        return event(trustId, "Trust", trustId, sequences.computeIfAbsent(trustId, t -> new AtomicLong())
                .getAndIncrement(), new SchoolRegisteredEvent(trustId, "school-" + name.hashCode(), name,
                SchoolPhase.PRIMARY, "exec"));
    }

    private static <T> GenericDomainEventMessage<T> event(String trustId, String type, String aggregate, long sequence,
                                                          T payload) {
        return new GenericDomainEventMessage<>(type, aggregate, sequence, payload,
                MetaData.with(Actor.METADATA_KEY, "exec-" + trustId));
    }

    private static GenericEventMessage<String> noTrust() {
        return new GenericEventMessage<>("not of any trust");
    }

    /** An event as any client of Axon Server could append it: a school of the trust, no link. */
    private static Event raw(String trustId, String name, Map<String, String> metaData) {
        String json = "{\"trustId\":\"" + trustId + "\",\"schoolId\":\"forged\",\"name\":\"" + name
                + "\",\"phase\":\"PRIMARY\",\"registeredBy\":\"exec\"}";
        Event.Builder event = Event.newBuilder()
                .setMessageIdentifier("forged-" + name.hashCode())
                .setTimestamp(Instant.now().truncatedTo(ChronoUnit.MILLIS).toEpochMilli())
                .setPayload(SerializedObject.newBuilder().setType(SchoolRegisteredEvent.class.getName())
                        .setData(ByteString.copyFrom(json, StandardCharsets.UTF_8)));
        metaData.forEach((k, v) -> event.putMetaData(k, text(v)));
        return event.build();
    }

    private static MetaDataValue text(String value) {
        return MetaDataValue.newBuilder().setTextValue(value).build();
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ledger's MongoDB half, in memory: trusts noted, checkpoints kept (ProductionLedgerStoreTest has the real one). */
    private static final class MemoryLedger implements LedgerStore {
        final Map<String, Long> noted = new ConcurrentHashMap<>();
        final List<Checkpoint> checkpoints = new ArrayList<>();

        @Override
        public Optional<ChainHead> head(String trustId) {
            throw new UnsupportedOperationException("heads are read from the chain streams");
        }

        @Override
        public List<ChainHead> heads() {
            throw new UnsupportedOperationException("heads are read from the chain streams");
        }

        @Override
        public void moveHead(ChainHead head) {
            noted.merge(head.trustId(), head.position(), Math::max);
        }

        @Override
        public void record(Checkpoint checkpoint) {
            checkpoints.add(checkpoint);
        }

        @Override
        public Optional<Checkpoint> lastCheckpoint(String trustId) {
            return Optional.empty();
        }

        @Override
        public List<Checkpoint> checkpoints(String trustId) {
            return checkpoints.stream().filter(c -> c.trustId().equals(trustId)).toList();
        }
    }
}
