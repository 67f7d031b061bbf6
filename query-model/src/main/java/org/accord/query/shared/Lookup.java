package org.accord.query.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A secondary lookup a read model is queried by ({@link ReadModelStore#findPage}): documents whose fields {@link #by}
 * equal given values, in the order of the number {@link #sortedBy}. Declared on the document so that each adapter
 * makes an index for it when it makes the collection (SQLite) or at start-up (MongoDB): no query of the product ever
 * scans a collection that grows with the log.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Lookup.List.class)
public @interface Lookup {

    /** The fields compared for equality, most selective last; a query may add further equality filters. */
    String[] by();

    /** A whole number, unique among the documents of one value of {@link #by}: the page's order and its key. */
    String sortedBy();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Lookup[] value();
    }
}
