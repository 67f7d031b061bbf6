package org.accord.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.accord.app.support.AccordHttpTest;
import org.accord.app.support.GraphQlClient;
import org.accord.app.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The reliability suite's abuse test. A corpus of malformed and hostile requests (src/test/resources/hostile/):
 * the hand-written ones of {@code requests.json} (syntax errors, wrong types, huge strings, deep nesting, alias and
 * field floods, bodies that are no GraphQL request at all), and, generated from the schema itself, every mutation
 * and every query with each string of {@code operator-strings.txt} ({"$ne": null} and its kin) in every string and
 * ID argument, nested inputs included, and every mutation with an operator object where a string belongs.
 * <p>
 * Every one is answered with a classified error (or, for a query, exactly what the same query with a plain unknown
 * id answers: null, for the few marked {@code nullAnswerAllowed}), no answer carries a stack trace or an internal class name, nothing is recorded, and the application
 * is healthy afterwards.
 */
class HostileRequestsCorpusTest extends AccordHttpTest {

    private static final Set<String> CLASSIFIED = Set.of("BAD_REQUEST", "NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED",
            "CONFLICT");
    /** A stack frame, an exception's name, or a qualified name of a class, in any answer. */
    private static final Pattern INTERNALS = Pattern.compile("(\\bat [a-z][\\w$]*\\.[\\w$.]+\\("
            + "|\\b[A-Z]\\w*(Exception|Error)\\b"
            + "|\\b(java|javax|jakarta|sun|org|com|de|tools|graphql|reactor|io)\\.[a-z]\\w*\\.[\\w$.]*"
            + "|\\b(LinkedHashMap|HashMap|ArrayList|Optional|BigDecimal|BigInteger|Long|Integer)\\b"
            + "|Caused by|SQLITE_|SQLException|MVStore)");
    /** Who each mutation's generated variants are sent as: someone entitled to it, so refusals come from the data. */
    private static final Map<String, String> SENDER = Map.ofEntries(
            Map.entry("draftProposal", "member1"), Map.entry("reviseProposal", "member1"),
            Map.entry("castVote", "member1"), Map.entry("recuse", "member1"),
            Map.entry("withdrawProposal", "member1"), Map.entry("openVoting", "chair"),
            Map.entry("closeVoting", "chair"), Map.entry("recordImplementation", "head"),
            Map.entry("requestException", "head"), Map.entry("reaffirmVariation", "head"),
            Map.entry("withdrawVariation", "head"));

    private final TypeDefinitionRegistry schema = schema();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> classifications = new TreeMap<>();
    private int requests;

    @Test
    void everyHostileRequestIsAnsweredWithAClassifiedErrorAndChangesNothing() throws Exception {
        GraphQlClient graphql = new GraphQlClient(port);
        long started = System.nanoTime();
        long eventsBefore = storedEvents();
        List<String> operators = operatorStrings();

        int handWritten = 0;
        for (JsonNode request : GraphQlClient.JSON.readTree(resource("hostile/requests.json"))) {
            handWritten++;
            GraphQlClient.Answer answer = send(graphql, request);
            if (request.path("nullAnswerAllowed").asBoolean() && !answer.hasErrors()) {
                // a query for an id that matches nothing answers null, as the contract says of an unknown id
                noInternals(request.path("name").asString(), answer);
                answer.data().properties().forEach(e -> {
                    if (!e.getValue().isNull()) {
                        problems.add(request.path("name").asString() + ": answered with data: " + answer.body());
                    }
                });
                continue;
            }
            expectClassifiedError(request.path("name").asString(), answer);
        }

        int mutations = 0;
        for (FieldDefinition mutation : fields("Mutation")) {
            mutations++;
            String account = SENDER.getOrDefault(mutation.getName(), "exec");
            InputValueDefinition input = mutation.getInputValueDefinitions().get(0);
            String document = "mutation ($input: " + typeText(input.getType()) + ") { " + mutation.getName()
                    + "(input: $input) { clientMutationId } }";
            for (String operator : operators) {
                Object value = valueOf(input.getType(), operator);
                expectClassifiedError(mutation.getName() + " with " + operator + " in every string",
                        graphql.post(account, document, Map.of("input", value)));
                requests++;
            }
            Object objects = valueOf(input.getType(), Map.of("$ne", "")); // an operator object, not a string
            expectClassifiedError(mutation.getName() + " with {\"$ne\": \"\"} objects for strings",
                    graphql.post(account, document, Map.of("input", objects)));
            requests++;
        }

        int queries = 0;
        for (FieldDefinition query : fields("Query")) {
            if (query.getInputValueDefinitions().isEmpty()) {
                continue;
            }
            queries++;
            StringBuilder declared = new StringBuilder();
            StringBuilder passed = new StringBuilder();
            for (InputValueDefinition argument : query.getInputValueDefinitions()) {
                declared.append(declared.isEmpty() ? "" : ", ").append('$').append(argument.getName()).append(": ")
                        .append(typeText(argument.getType()));
                passed.append(passed.isEmpty() ? "" : ", ").append(argument.getName()).append(": $")
                        .append(argument.getName());
            }
            String document = "query (" + declared + ") { " + query.getName() + "(" + passed + ")"
                    + (isObject(query.getType()) ? " { __typename }" : "") + " }";
            // the board with every string; another trust's executive with the strings that could widen a match
            for (String account : List.of("board", "outsider")) {
                JsonNode plain = graphql.post(account, document, arguments(query, "no-such-id")).json();
                requests++;
                for (String operator : account.equals("board") ? operators : operators.subList(0, Math.min(5, operators.size()))) {
                    String name = query.getName() + " as " + account + " with " + operator + " in every string";
                    GraphQlClient.Answer answer = graphql.post(account, document, arguments(query, operator));
                    requests++;
                    noInternals(name, answer);
                    JsonNode json = answer.json();
                    // an operator string is just an unknown id: the same data, the same kind of refusal
                    if (!json.path("data").equals(plain.path("data"))
                            || !answer.classifications().equals(classificationsOf(plain))) {
                        problems.add(name + ": answered " + answer.body() + " where a plain unknown id got "
                                + plain);
                    }
                    answer.classifications().forEach(c -> {
                        classifications.merge(c, 1, Integer::sum);
                        if (!CLASSIFIED.contains(c)) {
                            problems.add(name + ": classified " + c + ": " + answer.body());
                        }
                    });
                }
            }
        }

        long recorded = storedEvents() - eventsBefore;
        boolean healthy = Http.healthy(port);
        GraphQlClient.Answer me = graphql.post("exec", "{ me { id } }", null);
        System.out.printf("reliability abuse test: %d requests (%d hand-written, %d mutations and %d queries each"
                        + " with %d operator strings in every string argument): %d problems; classifications %s;"
                        + " %d events recorded; healthy afterwards: %s; %.0f s%n",
                requests, handWritten, mutations, queries, operators.size(), problems.size(), classifications,
                recorded, healthy && !me.hasErrors(), (System.nanoTime() - started) / 1e9);
        problems.stream().limit(40).forEach(p -> System.out.println("reliability abuse test: problem: " + p));

        assertThat(problems).as("hostile requests answered badly").isEmpty();
        assertThat(recorded).as("events recorded by hostile requests").isZero();
        assertThat(healthy).as("healthy afterwards").isTrue();
        assertThat(me.data().path("me").path("id").asString()).isEqualTo("demo-person-exec");
    }

    private GraphQlClient.Answer send(GraphQlClient graphql, JsonNode request) throws Exception {
        requests++;
        String account = request.path("account").isNull() ? null : request.path("account").asString();
        if (request.has("raw")) {
            return graphql.postRaw(account, request.path("raw").asString(), "application/json");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", request.path("query").asString());
        if (request.has("variables")) {
            body.put("variables", expand(GraphQlClient.JSON.treeToValue(request.path("variables"), Object.class)));
        }
        if (request.has("operationName")) {
            body.put("operationName", request.path("operationName").asString());
        }
        return graphql.postRaw(account, GraphQlClient.JSON.writeValueAsString(body), "application/json");
    }

    /** "@@repeat x 60000@@" stands for 60,000 x's: kept short in the corpus file. */
    private static Object expand(Object value) {
        if (value instanceof String s) {
            Matcher m = Pattern.compile("@@repeat (.) (\\d+)@@").matcher(s);
            return m.matches() ? m.group(1).repeat(Integer.parseInt(m.group(2))) : s;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> expanded = new LinkedHashMap<>();
            map.forEach((k, v) -> expanded.put(k, expand(v)));
            return expanded;
        }
        return value;
    }

    private void expectClassifiedError(String name, GraphQlClient.Answer answer) {
        noInternals(name, answer);
        JsonNode json;
        try {
            json = answer.json();
        } catch (RuntimeException e) {
            problems.add(name + ": HTTP " + answer.status() + " with a body that is not JSON: " + answer.body());
            return;
        }
        List<String> found = answer.classifications();
        found.forEach(c -> classifications.merge(c, 1, Integer::sum));
        if (found.isEmpty()) {
            problems.add(name + ": HTTP " + answer.status() + " without an error: " + abbreviate(answer.body()));
        } else if (!CLASSIFIED.containsAll(found)) {
            problems.add(name + ": HTTP " + answer.status() + " classified " + found + ": "
                    + abbreviate(answer.body()));
        }
        if (json.path("data").isObject()) {
            json.path("data").properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    problems.add(name + ": answered with data: " + abbreviate(answer.body()));
                }
            });
        }
    }

    private void noInternals(String name, GraphQlClient.Answer answer) {
        Matcher leak = INTERNALS.matcher(answer.body());
        if (leak.find()) {
            problems.add(name + ": internals ('" + leak.group() + "') in " + abbreviate(answer.body()));
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }

    private static List<String> classificationsOf(JsonNode json) {
        List<String> result = new ArrayList<>();
        json.path("errors").forEach(e -> result.add(e.path("extensions").path("classification").asString("")));
        return result;
    }

    private Map<String, Object> arguments(FieldDefinition field, String text) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (InputValueDefinition argument : field.getInputValueDefinitions()) {
            arguments.put(argument.getName(), argument.getName().equals("first") ? 5 : valueOf(argument.getType(),
                    text));
        }
        return arguments;
    }

    /** A value of the given type with {@code text} in every String and ID, and plausible values elsewhere. */
    private Object valueOf(Type<?> type, Object text) {
        if (type instanceof NonNullType nonNull) {
            return valueOf(nonNull.getType(), text);
        }
        if (type instanceof ListType list) {
            return List.of(valueOf(list.getType(), text));
        }
        String name = ((TypeName) type).getName();
        switch (name) {
            case "String", "ID":
                return text;
            case "Int":
                return 1;
            case "Float":
                return 0.5;
            case "Boolean":
                return true;
            case "Date":
                return "2030-01-01";
            case "DateTime":
                return "2030-01-01T00:00:00Z";
            default:
                break;
        }
        var definition = schema.getType(name).orElseThrow(() -> new IllegalStateException("unknown type " + name));
        if (definition instanceof EnumTypeDefinition e) {
            return e.getEnumValueDefinitions().get(0).getName();
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (InputValueDefinition field : ((InputObjectTypeDefinition) definition).getInputValueDefinitions()) {
            object.put(field.getName(), valueOf(field.getType(), text));
        }
        return object;
    }

    private boolean isObject(Type<?> type) {
        Type<?> t = type;
        while (!(t instanceof TypeName)) {
            t = t instanceof NonNullType n ? n.getType() : ((ListType) t).getType();
        }
        String name = ((TypeName) t).getName();
        return schema.getType(name).map(d -> !(d instanceof EnumTypeDefinition)
                && !(d instanceof graphql.language.ScalarTypeDefinition)).orElse(false);
    }

    private static String typeText(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return typeText(nonNull.getType()) + "!";
        }
        if (type instanceof ListType list) {
            return "[" + typeText(list.getType()) + "]";
        }
        return ((TypeName) type).getName();
    }

    /** Every field of a root type, its extensions included. */
    private List<FieldDefinition> fields(String root) {
        List<FieldDefinition> fields = new ArrayList<>(schema.getType(root, ObjectTypeDefinition.class)
                .orElseThrow().getFieldDefinitions());
        schema.objectTypeExtensions().getOrDefault(root, List.of())
                .forEach(extension -> fields.addAll(extension.getFieldDefinitions()));
        assertThat(fields).as(root + " fields").isNotEmpty();
        return fields;
    }

    private static List<String> operatorStrings() throws IOException {
        List<String> strings = resource("hostile/operator-strings.txt").lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.replace("\\u0000", "\u0000"))
                .toList();
        assertThat(strings).isNotEmpty();
        // all of them unless told otherwise: a quick run on a busy machine may take the first few
        return strings.subList(0, Math.min(strings.size(), Integer.getInteger("reliability.operators",
                strings.size())));
    }

    private static TypeDefinitionRegistry schema() {
        try (InputStream in = HostileRequestsCorpusTest.class.getResourceAsStream("/graphql/schema.graphqls")) {
            return new SchemaParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HostileRequestsCorpusTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
