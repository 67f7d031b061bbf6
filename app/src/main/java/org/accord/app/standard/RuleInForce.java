package org.accord.app.standard;

import org.accord.api.rules.RuleStatus;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.StandardVersionView;
import org.accord.api.standard.StandardView;
import org.accord.api.variation.VariationView;

/**
 * A rule in force as GraphQL answers it: with its standard already in hand, so that each of a school's hundreds of
 * rules is plain properties. Resolved by a data fetcher per rule (a batch mapping), the standard cost a quarter of a
 * {@code rulesInForce} request's CPU in graphql-java's data-loader dispatch and Spring's context propagation around
 * each call (benchmark run 11, 500 rules per answer), for a standard the query had already read.
 */
public record RuleInForce(StandardView standard, StandardVersionView version, AlignmentLevel alignment,
                          VariationView variation, RuleStatus status) {
}
