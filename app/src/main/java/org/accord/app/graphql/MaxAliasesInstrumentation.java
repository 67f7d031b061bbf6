package org.accord.app.graphql;

import java.util.concurrent.atomic.AtomicInteger;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;

import java.util.List;

/**
 * Refuses documents with more aliased fields than allowed: aliases let one small request ask for the same costly
 * field hundreds of times, which depth and complexity limits count only per field.
 */
public class MaxAliasesInstrumentation extends SimplePerformantInstrumentation {

    private final int maxAliases;

    public MaxAliasesInstrumentation(int maxAliases) {
        this.maxAliases = maxAliases;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                       InstrumentationState state) {
        AtomicInteger aliases = new AtomicInteger();
        new NodeTraverser().preOrder(new NodeVisitorStub() {
            @Override
            public TraversalControl visitField(Field node, TraverserContext<Node> context) {
                if (node.getAlias() != null) {
                    aliases.incrementAndGet();
                }
                return TraversalControl.CONTINUE;
            }
        }, parameters.getDocument().getChildren());
        if (aliases.get() > maxAliases) {
            throw new AbortExecutionException("the request uses " + aliases.get() + " aliases; at most " + maxAliases
                    + " are allowed");
        }
        return SimpleInstrumentationContext.noOp();
    }
}
