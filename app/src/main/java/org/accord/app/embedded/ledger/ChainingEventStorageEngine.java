package org.accord.app.embedded.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.accord.app.embedded.ForwardingEventStorageEngine;
import org.accord.app.ledger.ChainHasher;
import org.accord.app.ledger.ChainHead;
import org.accord.app.ledger.ChainLinker;
import org.accord.app.ledger.LedgerStore;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Links every event of a trust to the one stored before it, as it is stored: the event's metadata gets its trust,
 * its position in the trust's chain and its link hash (see {@link ChainHasher}), and the trust's head moves in the
 * same transaction. Appends run one at a time (the embedded store's single writer), so a chain can never fork: two
 * commands of one trust can never build on the same head. Everything else is the wrapped engine's.
 */
public class ChainingEventStorageEngine extends ForwardingEventStorageEngine {

    private final Serializer eventSerializer;
    private final LedgerStore ledger;
    private final TransactionManager writer;

    /**
     * @param writer the transaction manager that command handling runs in; an append joins that transaction (and its
     *               writer lock), or starts one of its own if something stores events outside a command
     */
    public ChainingEventStorageEngine(EventStorageEngine delegate, Serializer eventSerializer, LedgerStore ledger,
                                      TransactionManager writer) {
        super(delegate);
        this.eventSerializer = eventSerializer;
        this.ledger = ledger;
        this.writer = writer;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        writer.executeInTransaction(() -> delegate().appendEvents(link(events)));
    }

    private List<EventMessage<?>> link(List<? extends EventMessage<?>> events) {
        Map<String, ChainHead> heads = new HashMap<>();
        List<EventMessage<?>> linked = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            ChainLinker.Candidate candidate = ChainLinker.Candidate.of(event, eventSerializer);
            if (candidate.trustId() == null) {
                linked.add(event); // not an event of a trust: nothing to chain it to
                continue;
            }
            ChainHead head = heads.computeIfAbsent(candidate.trustId(),
                    t -> ledger.head(t).orElseGet(() -> ChainHead.genesis(t)));
            ChainLinker.Linked link = candidate.linkOnto(head);
            heads.put(candidate.trustId(), link.head());
            linked.add(link.event());
        }
        heads.values().forEach(ledger::moveHead);
        return linked;
    }
}
