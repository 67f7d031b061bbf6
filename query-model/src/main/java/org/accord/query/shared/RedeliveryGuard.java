package org.accord.query.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read-model document that tells its projection an event was already handled (a head's last global index, a
 * history of event ids). Where a batch's writes reach the store one by one (MongoDB's adapter), these documents go
 * last: a guard must never say "handled" while the documents it guards are still unwritten, or a crash in between
 * would make the redelivered event be skipped and its change lost.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RedeliveryGuard {
}
