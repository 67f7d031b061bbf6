package org.accord.api.rules;

import java.util.List;

import org.accord.api.standard.StandardView;

/**
 * The answer to {@link FindRulesInForceQuery}: the rules, and the standards they are versions of, read once for both
 * (a client asking for each rule's standard would otherwise have every standard of the trust read again).
 */
public record RulesInForceAnswer(List<RuleInForceView> rules, List<StandardView> standards) {
}
