package org.accord.app.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** {@code Date} (2027-09-01) and {@code DateTime} (2027-09-01T08:00:00Z) as API.md defines them. */
@Configuration(proxyBeanMethods = false)
public class ScalarsConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring
                .scalar(GraphQLScalarType.newScalar().name("Date").coercing(new IsoCoercing<>("Date",
                        "an ISO-8601 date such as 2027-09-01", LocalDate.class, LocalDate::parse)).build())
                .scalar(GraphQLScalarType.newScalar().name("DateTime").coercing(new IsoCoercing<>("DateTime",
                        "an ISO-8601 instant such as 2027-09-01T08:00:00Z", Instant.class,
                        text -> OffsetDateTime.parse(text).toInstant())).build());
    }

    private record IsoCoercing<T>(String name, String expected, Class<T> type,
                                  java.util.function.Function<String, T> parser) implements Coercing<T, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (type.isInstance(value)) {
                return value.toString();
            }
            throw new CoercingSerializeException(name + " cannot show " + value);
        }

        @Override
        public T parseValue(Object input, GraphQLContext context, Locale locale) {
            try {
                return parse(input);
            } catch (IllegalArgumentException e) {
                throw new CoercingParseValueException(e.getMessage());
            }
        }

        @Override
        public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (!(input instanceof StringValue string)) {
                throw new CoercingParseLiteralException(name + " must be " + expected);
            }
            try {
                return parse(string.getValue());
            } catch (IllegalArgumentException e) {
                throw new CoercingParseLiteralException(e.getMessage());
            }
        }

        private T parse(Object input) {
            if (input instanceof String text) {
                try {
                    return parser.apply(text);
                } catch (DateTimeParseException e) {
                    // falls through to the message below
                }
            }
            throw new IllegalArgumentException(name + " must be " + expected + ", was '" + input + "'");
        }
    }
}
