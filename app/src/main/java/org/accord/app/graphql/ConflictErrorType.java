package org.accord.app.graphql;

import graphql.ErrorClassification;

/** The classification Spring GraphQL's {@code ErrorType} lacks: a concurrent change or a stale version. */
public enum ConflictErrorType implements ErrorClassification {
    CONFLICT
}
