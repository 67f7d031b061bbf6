package org.accord.app.graphql;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;

/**
 * The bounds on one request (nesting depth, complexity, aliases) as a single instrumentation. Each bound acts once
 * per request, but graphql-java asks every registered instrumentation about every field of every answer
 * ({@code ChainedInstrumentation}): with the three registered apart, beside Spring's observation, the benchmark
 * found 12% of a 500-rule {@code rulesInForce} request's CPU in that chaining (docs/benchmarks.md, run 17).
 */
final class RequestLimits extends SimplePerformantInstrumentation {

    private final MaxQueryDepthInstrumentation depth;
    private final MaxQueryComplexityInstrumentation complexity;
    private final MaxAliasesInstrumentation aliases;

    RequestLimits(int maxDepth, int maxComplexity, int maxAliases) {
        this.depth = new MaxQueryDepthInstrumentation(maxDepth);
        this.complexity = new MaxQueryComplexityInstrumentation(maxComplexity);
        this.aliases = new MaxAliasesInstrumentation(maxAliases);
    }

    /** The complexity bound's state: it counts the fields as the document is validated. */
    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return complexity.createStateAsync(parameters);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                       InstrumentationState state) {
        aliases.beginValidation(parameters, state);
        return complexity.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        depth.beginExecuteOperation(parameters, state);
        return complexity.beginExecuteOperation(parameters, state);
    }
}
