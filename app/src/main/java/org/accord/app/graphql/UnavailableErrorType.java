package org.accord.app.graphql;

import graphql.ErrorClassification;

/**
 * Nothing the client did: the storage under Accord cannot take the request right now (the data folder's disk full,
 * the read models' store not answering). The message says what, and that sending again later is safe.
 */
public enum UnavailableErrorType implements ErrorClassification {
    UNAVAILABLE
}
