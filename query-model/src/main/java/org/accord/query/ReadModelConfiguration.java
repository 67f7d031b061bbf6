package org.accord.query;

import java.time.LocalDate;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Everything of the read side: projections and query handlers. The {@link org.accord.query.shared.ReadModelStore} they
 * share is the runtime's to provide (SQLite in the embedded mode, MongoDB in production).
 */
@Configuration
@ComponentScan
public class ReadModelConfiguration {

    /**
     * Dates of the domain (effective-from, review-by) are calendar dates, not instants: stored as ISO strings, so no
     * time zone can shift them on the way in or out.
     */
    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(LocalDateToString.INSTANCE, StringToLocalDate.INSTANCE));
    }

    @WritingConverter
    enum LocalDateToString implements Converter<LocalDate, String> {
        INSTANCE;

        @Override
        public String convert(LocalDate source) {
            return source.toString();
        }
    }

    @ReadingConverter
    enum StringToLocalDate implements Converter<String, LocalDate> {
        INSTANCE;

        @Override
        public LocalDate convert(String source) {
            return LocalDate.parse(source);
        }
    }
}
