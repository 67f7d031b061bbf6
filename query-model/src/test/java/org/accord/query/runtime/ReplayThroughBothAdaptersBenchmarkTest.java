package org.accord.query.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.accord.api.audit.DecisionLogPage;
import org.accord.api.audit.FindDecisionLogQuery;
import org.accord.api.proposal.FindProposalQuery;
import org.accord.api.proposal.FindProposalsQuery;
import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalDraftedEvent;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.proposal.ProposalPage;
import org.accord.api.proposal.ProposalView;
import org.accord.api.proposal.Tally;
import org.accord.api.proposal.VoteCastEvent;
import org.accord.api.proposal.VoteChoice;
import org.accord.api.proposal.VotingClosedEvent;
import org.accord.api.proposal.VotingOpenedEvent;
import org.accord.api.proposal.VotingOutcome;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.query.ReadModelMongo;
import org.accord.query.audit.DecisionFeed;
import org.accord.query.audit.DecisionLogProjection;
import org.accord.query.audit.DecisionLogQueries;
import org.accord.query.proposal.ProposalProjection;
import org.accord.query.proposal.ProposalQueries;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.runtime.sqlite.SqliteReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.trust.TrustProjection;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One stream of a trust's proposal decisions (drafted, voting opened, eight votes, closed) replayed through the real
 * projections (trust, proposals, decision log) in batches of 1,000 events, once on each adapter as its runtime runs
 * it: MongoDB's on mongo-java-server's H2 backend in a file (today's embedded store, without its save gate), SQLite's
 * on a file with each batch in one JDBC transaction. Both must answer the queries alike; the rates are printed.
 * {@code -Dbench.replay.events=110000} for a larger stream (default 11,000 events, to keep the suite quick).
 */
class ReplayThroughBothAdaptersBenchmarkTest {

    private static final int BATCH = 1_000;
    private static final String TRUST = "trust-replay";
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    @TempDir
    Path folder;

    @Test
    void bothAdaptersProjectTheSameStreamToTheSameAnswers() throws Exception {
        List<TrackedEventMessage<?>> events = stream(Integer.getInteger("bench.replay.events", 11_000));

        Answers mongo;
        double mongoRate;
        MVStore mvStore = new MVStore.Builder().fileName(folder.resolve("readmodels.mv.db").toString()).open();
        MongoServer server = new MongoServer(new H2Backend(mvStore));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            ReadModelStore store = new MongoReadModelStore(ReadModelMongo.template(client, "accord"));
            mongoRate = replay(store, NoTransactionManager.instance(), events);
            mongo = answers(store, events.size());
        } finally {
            server.shutdownNow();
            mvStore.close();
        }

        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        Path sqliteFile = folder.resolve("readmodels.db");
        dataSource.setUrl("jdbc:sqlite:" + sqliteFile);
        ReadModelStore sqlite = new SqliteReadModelStore(dataSource, ReadModelMongo.converter());
        double sqliteRate = replay(sqlite, jdbcTransactions(dataSource), events);
        Answers fromSqlite = answers(sqlite, events.size());

        System.out.printf("replay of %,d events through the trust, proposal and decision-log projections, batches of"
                        + " %,d: MongoDB adapter on mongo-java-server H2 %,.0f events/s (file %,d KB); SQLite adapter"
                        + " %,.0f events/s (file %,d KB, WAL %,d KB)%n", events.size(), BATCH, mongoRate,
                Files.size(folder.resolve("readmodels.mv.db")) / 1024, sqliteRate, Files.size(sqliteFile) / 1024,
                Files.exists(Path.of(sqliteFile + "-wal")) ? Files.size(Path.of(sqliteFile + "-wal")) / 1024 : 0);

        assertThat(fromSqlite.log().records()).hasSize(100);
        assertThat(fromSqlite.page().proposals()).isNotEmpty();
        assertThat(fromSqlite).isEqualTo(mongo);
    }

    private record Answers(List<ProposalView> proposals, ProposalPage page, DecisionLogPage log) {
    }

    private static Answers answers(ReadModelStore store, int events) {
        ProposalQueries proposals = new ProposalQueries(store);
        int count = (events - 1) / 11;
        List<ProposalView> sample = IntStream.of(0, count / 2, count - 1)
                .mapToObj(i -> proposals.handle(new FindProposalQuery("proposal-" + i))).toList();
        return new Answers(sample, proposals.handle(new FindProposalsQuery(TRUST, null, null, 50, null)),
                new DecisionLogQueries(store).handle(new FindDecisionLogQuery(TRUST, null, 100, null)));
    }

    private static double replay(ReadModelStore store, TransactionManager transactions,
                                 List<TrackedEventMessage<?>> events) {
        List<AnnotationEventHandlerAdapter> handlers = List.of(
                new AnnotationEventHandlerAdapter(new TrustProjection(store)),
                new AnnotationEventHandlerAdapter(new ProposalProjection(store)),
                new AnnotationEventHandlerAdapter(new DecisionLogProjection(store, new DecisionFeed())));
        long started = System.nanoTime();
        for (int from = 0; from < events.size(); from += BATCH) {
            List<TrackedEventMessage<?>> batch = events.subList(from, Math.min(events.size(), from + BATCH));
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(batch.get(0));
            unitOfWork.attachTransaction(transactions);
            try {
                for (EventMessage<?> event : batch) {
                    for (AnnotationEventHandlerAdapter handler : handlers) {
                        if (handler.canHandle(event)) {
                            handler.handle(event);
                        }
                    }
                }
            } catch (Exception e) {
                unitOfWork.rollback(e);
                throw new IllegalStateException(e);
            }
            unitOfWork.commit();
        }
        return events.size() / ((System.nanoTime() - started) / 1e9);
    }

    private static TransactionManager jdbcTransactions(SQLiteDataSource dataSource) {
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        return new SpringTransactionManager(transactions);
    }

    /** A trust, then proposals of eleven events each: drafted, voting opened, eight votes, closed. */
    private static List<TrackedEventMessage<?>> stream(int size) {
        List<Object> payloads = new ArrayList<>();
        payloads.add(new TrustRegisteredEvent(TRUST, "Replay Trust"));
        List<String> voters = IntStream.range(0, 8).mapToObj(i -> "person-" + i).toList();
        DecisionRule rule = new DecisionRule(DecisionMode.MAJORITY, 0.5, 0.5, 72);
        for (int p = 0; payloads.size() + 11 <= size; p++) {
            String id = "proposal-" + p;
            Instant at = START.plusSeconds(p * 3_600L);
            payloads.add(new ProposalDraftedEvent(id, TRUST, "team-1", ProposalKind.NEW_STANDARD, null, null,
                    new ProposalContent("Standard " + p, Area.CURRICULUM, AlignmentLevel.ADAPTABLE,
                            "Every school does " + p, "Because " + p, LocalDate.of(2026, 9, 1),
                            LocalDate.of(2027, 9, 1)), voters.get(0), at));
            payloads.add(new VotingOpenedEvent(id, TRUST, "team-1", voters, rule, at, at.plusSeconds(72 * 3_600L),
                    voters.get(0)));
            for (int v = 0; v < voters.size(); v++) {
                payloads.add(new VoteCastEvent(id, TRUST, "team-1", voters.get(v),
                        v % 3 == 2 ? VoteChoice.OBJECT : VoteChoice.APPROVE, "rationale " + v, at.plusSeconds(v)));
            }
            payloads.add(new VotingClosedEvent(id, TRUST, "team-1", VotingOutcome.RATIFIED, new Tally(6, 2, 0, 0, 8),
                    at.plusSeconds(72 * 3_600L), true, null));
        }
        // domain events, as the store delivers them: each with its aggregate's id and its number in that stream
        List<TrackedEventMessage<?>> events = new ArrayList<>(payloads.size());
        Map<String, Long> sequences = new HashMap<>();
        for (int i = 0; i < payloads.size(); i++) {
            Object payload = payloads.get(i);
            String aggregate = payload instanceof TrustRegisteredEvent ? TRUST : proposalIdOf(payload);
            long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
            events.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(i + 1),
                    new GenericDomainEventMessage<>(payload instanceof TrustRegisteredEvent ? "Trust" : "Proposal",
                            aggregate, sequence, payload)));
        }
        return events;
    }

    private static String proposalIdOf(Object payload) {
        if (payload instanceof ProposalDraftedEvent e) {
            return e.proposalId();
        }
        if (payload instanceof VotingOpenedEvent e) {
            return e.proposalId();
        }
        if (payload instanceof VoteCastEvent e) {
            return e.proposalId();
        }
        return ((VotingClosedEvent) payload).proposalId();
    }
}
