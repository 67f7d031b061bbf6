package org.accord.app.shared;

import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Asks the query model through Axon's query bus, and waits for the answer. */
@Component
public class Queries {

    private final QueryGateway gateway;

    public Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R one(Object query, Class<R> type) {
        return gateway.query(query, ResponseTypes.instanceOf(type)).join();
    }

    public <R> List<R> list(Object query, Class<R> type) {
        return gateway.query(query, ResponseTypes.multipleInstancesOf(type)).join();
    }

    public <R> R first(Object query, Class<R> type) {
        List<R> found = list(query, type);
        return found.isEmpty() ? null : found.get(0);
    }
}
