package org.accord.query.runtime;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.accord.query.shared.Lookup;

/** The lookups a document type declares, and which one answers a query: what both adapters index and check. */
public final class Lookups {

    private Lookups() {
    }

    public static List<Lookup> declared(Class<?> documentType) {
        return List.of(documentType.getAnnotationsByType(Lookup.class));
    }

    /** Every field of the lookup's index, its order last: the index key, in order. */
    public static List<String> indexed(Lookup lookup) {
        List<String> fields = new java.util.ArrayList<>(Arrays.asList(lookup.by()));
        fields.add(lookup.sortedBy());
        return fields;
    }

    /**
     * The declared lookup whose fields the query compares, the one that compares most of them: a query no lookup
     * declares is refused rather than answered by a scan that would grow with the log.
     */
    public static Lookup answering(Class<?> documentType, Set<String> equalTo, String sortedBy) {
        return declared(documentType).stream()
                .filter(lookup -> lookup.sortedBy().equals(sortedBy) && equalTo.containsAll(List.of(lookup.by())))
                .max(Comparator.comparingInt(lookup -> lookup.by().length))
                .orElseThrow(() -> new IllegalArgumentException(documentType.getSimpleName()
                        + " declares no lookup by " + equalTo + " sorted by " + sortedBy));
    }
}
