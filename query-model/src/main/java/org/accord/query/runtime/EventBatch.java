package org.accord.query.runtime;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The batch of events this thread is handling, as the read-model adapters see it: Axon's root unit of work while it
 * handles events (a processor's batch), and nothing in a query's unit of work or outside any. Adapters keep one piece
 * of state per batch in it, written out as the batch prepares to commit and dropped if it rolls back.
 */
public final class EventBatch {

    private EventBatch() {
    }

    /** This batch's state under {@code key}, made (and hooked to the batch's end) on first use; null outside one. */
    public static <T> T state(String key, Supplier<T> make, Consumer<T> onPrepareCommit, Consumer<T> onRollback) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (!(unitOfWork.getMessage() instanceof EventMessage)) {
            return null;
        }
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(key, k -> {
            T state = make.get();
            root.onPrepareCommit(u -> onPrepareCommit.accept(state));
            root.onRollback(u -> onRollback.accept(state));
            return state;
        });
    }
}
