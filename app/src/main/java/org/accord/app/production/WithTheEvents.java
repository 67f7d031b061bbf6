package org.accord.app.production;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * MongoDB and Axon Server cannot share a transaction, so a write that belongs with a command's events is made at
 * the unit of work's prepare-commit, after the events have been handed to the event store and before Axon commits
 * their append, and undone if the unit of work rolls back (the append failed, or a conflict). A crash in between is
 * the one gap left: the write stands without the events (docs/decisions.md).
 */
final class WithTheEvents {

    private WithTheEvents() {
    }

    static void write(Runnable write, Runnable undo) {
        if (!CurrentUnitOfWork.isStarted()) {
            write.run();
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        unitOfWork.onPrepareCommit(u -> {
            write.run();
            unitOfWork.onRollback(r -> undo.run());
        });
    }
}
