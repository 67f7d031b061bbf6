package org.accord.query.shared;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.data.mongodb.core.query.Update;

/**
 * What the projections and queries do with read models, and all they may do: documents are found by id (one, or
 * many), written by upserts of absolute values, read by a few declared lookups a page at a time ({@link Lookup}), and
 * only a few small collections are ever read whole or by a range.
 * The runtime decides where they live (SQLite in the embedded mode, MongoDB in production); no projection or query
 * knows which.
 * <p>
 * Writes are upserts of absolute values ({@code $set}, {@code $unset}, {@code $addToSet}, {@code $pull}: Spring Data's
 * {@link Update} is the notation, every adapter applies these four and refuses the rest), so replaying or redelivering
 * a suffix of the event stream in order converges on the same documents: nothing is counted twice.
 * <p>
 * Inside a batch of events (a projection at work, in Axon's unit of work) an adapter may hold the writes until the
 * batch ends, but reads see them; the batch's documents are stored no later than the token that covers them.
 * Outside a batch (queries, tests) every write is stored at once.
 */
public interface ReadModelStore {

    void upsert(Class<?> documentType, String id, Update update);

    void delete(Class<?> documentType, String id);

    /**
     * Removes every document of these collections: what a projection's reset does before a replay rebuilds it, so
     * that no guard against redelivery ("already seen") skips the replayed events.
     */
    void clear(Class<?>... documentTypes);

    /** Every document of a collection: only for collections that stay small by design. */
    <T> List<T> findAll(Class<T> documentType);

    /** The documents whose {@code field} is at most {@code upTo}, earliest first: the deadlines and dates that are due. */
    <T> List<T> findDue(Class<T> documentType, String field, Object upTo);

    /** The document with this id, or null. */
    <T> T findById(Class<T> documentType, String id);

    /** The documents with these ids, in the order of the ids; unknown ids are left out. */
    <T> List<T> findByIds(Class<T> documentType, Collection<String> ids, Function<T, String> idOf);

    /**
     * A keyset page of a declared {@link Lookup}: the documents whose fields equal {@code equalTo} (the lookup's
     * fields, and any others the query adds), whose {@code sortedBy} is greater than {@code after}, in its order, at
     * most {@code limit}; a negative limit is none (a caller's {@code first + 1} past {@code Integer.MAX_VALUE}, asking
     * for every document, as both stores have always read it). A page costs the same however long the log: the
     * adapter answers it from the lookup's index.
     *
     * @throws IllegalArgumentException if the document type declares no lookup by some of these fields in this order
     */
    <T> List<T> findPage(Class<T> documentType, Map<String, ?> equalTo, String sortedBy, long after, int limit);
}
