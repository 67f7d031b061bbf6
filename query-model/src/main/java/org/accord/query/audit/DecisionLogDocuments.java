package org.accord.query.audit;

/** Names of the decision log's collections, in one place. */
final class DecisionLogDocuments {

    /** Records per bucket: a page of 20 to 100 records is one or two key lookups. */
    static final int BUCKET_SIZE = 100;

    private DecisionLogDocuments() {
    }

    static String bucketId(String trustId, long index) {
        return trustId + "#" + (index / BUCKET_SIZE);
    }
}
