package org.accord.app.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Documents parsed and validated once, and reused for every request that sends the same text: Accord's pages, and
 * any client generated from the schema, send a fixed document per operation with the values in variables, so the
 * same few documents arrive again and again. Parsing and validating one was about a tenth of a castVote's request
 * CPU (docs/benchmarks.md, session 37).
 * <p>
 * Only a document that parsed and validated without errors is kept: one with errors is answered afresh each time,
 * and one that a request bound refused ({@link RequestLimits}: too many aliases) never comes back from the check, so
 * it is never kept either. What a kept document skips is exactly what depends on its text alone (its syntax, its
 * validity against the schema, its aliases); what depends on the request (variables, depth and complexity, which are
 * checked as each operation starts, the caller's rights) is checked every time.
 * <p>
 * Bounded by the total length of the texts kept, least recently used first out, and long documents are never kept:
 * a client sending a new document with every request (values written inline) only costs the look-up.
 */
final class ParsedDocuments implements PreparsedDocumentProvider {

    /** Longer documents are parsed every time: none of Accord's own is near this, and a few would fill the cache. */
    static final int LONGEST_KEPT = 8_000;

    private final Cache<String, PreparsedDocumentEntry> documents;

    /** @param characters how many characters of document text to keep at most, all documents together */
    ParsedDocuments(long characters) {
        this.documents = Caffeine.newBuilder()
                .maximumWeight(characters)
                .weigher((String text, PreparsedDocumentEntry entry) -> text.length())
                .build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String text = input.getQuery();
        PreparsedDocumentEntry kept = documents.getIfPresent(text);
        if (kept != null) {
            return CompletableFuture.completedFuture(kept);
        }
        PreparsedDocumentEntry parsed = parseAndValidate.apply(input);
        if (!parsed.hasErrors() && text.length() <= LONGEST_KEPT) {
            documents.put(text, parsed);
        }
        return CompletableFuture.completedFuture(parsed);
    }

    /** Whether this text is kept parsed (for tests). */
    boolean holds(String text) {
        return documents.getIfPresent(text) != null;
    }

    /** How many documents are kept now (for tests). */
    long size() {
        documents.cleanUp();
        return documents.estimatedSize();
    }
}
