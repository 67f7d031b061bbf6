package org.accord.api.rules;

import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.StandardVersionView;
import org.accord.api.variation.VariationView;

/** One standard version in force for a school on a date, with the school's variation in force then, if any. */
public record RuleInForceView(String standardId, StandardVersionView version, AlignmentLevel alignment,
                              VariationView variation, RuleStatus status) {
}
