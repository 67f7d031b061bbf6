package org.accord.app.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

/** Which documents are kept parsed: the same text is parsed once; errors, long texts and the least used are not kept. */
class ParsedDocumentsTest {

    private final List<String> parsed = new ArrayList<>();

    /** Parses as graphql-java would, and notes each text it was asked to parse. */
    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parsed.add(input.getQuery());
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    @Test
    void aDocumentSentAgainIsParsedOnceAndAnsweredWithTheSameEntry() {
        ParsedDocuments documents = new ParsedDocuments(10_000);
        String text = "query Proposal($id: ID!) { proposal(id: $id) { id } }";

        PreparsedDocumentEntry first = documents.getDocumentAsync(input(text), parse).join();
        PreparsedDocumentEntry second = documents.getDocumentAsync(input(text), parse).join();

        assertThat(parsed).containsExactly(text);
        assertThat(second).isSameAs(first);
    }

    @Test
    void aDocumentWithErrorsIsCheckedAgainEachTime() {
        ParsedDocuments documents = new ParsedDocuments(10_000);
        Function<ExecutionInput, PreparsedDocumentEntry> invalid = input -> {
            parsed.add(input.getQuery());
            return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("unknown field").build());
        };

        documents.getDocumentAsync(input("{ nothing }"), invalid).join();
        documents.getDocumentAsync(input("{ nothing }"), invalid).join();

        assertThat(parsed).hasSize(2);
        assertThat(documents.size()).isZero();
    }

    @Test
    void aDocumentLongerThanTheLongestKeptIsParsedEachTime() {
        ParsedDocuments documents = new ParsedDocuments(1_000_000);
        String text = "{ " + "__typename ".repeat(ParsedDocuments.LONGEST_KEPT / 10) + "}";

        documents.getDocumentAsync(input(text), parse).join();
        documents.getDocumentAsync(input(text), parse).join();

        assertThat(parsed).hasSize(2);
        assertThat(documents.size()).isZero();
    }

    @Test
    void theTextsKeptTogetherStayWithinTheirBound() {
        ParsedDocuments documents = new ParsedDocuments(1_000);
        for (int i = 0; i < 200; i++) {
            documents.getDocumentAsync(input("{ a" + i + ": __typename }"), parse).join(); // 18 to 20 characters
        }
        // at most as many as the shortest texts fit in the bound (the cache may keep older, shorter ones)
        int shortest = "{ a0: __typename }".length();
        assertThat(documents.size()).isPositive().isLessThanOrEqualTo(1_000 / shortest);
    }

    private static ExecutionInput input(String text) {
        return ExecutionInput.newExecutionInput(text).build();
    }
}
