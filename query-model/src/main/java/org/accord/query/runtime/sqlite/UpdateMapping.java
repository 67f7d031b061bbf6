package org.accord.query.runtime.sqlite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.bson.Document;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Maps an {@link Update} to the document the store applies, exactly as Spring Data's {@link UpdateMapper} does, at a
 * fraction of its cost for the updates the projections write: a top-level field, or one entry of a map field, set to a
 * value of the domain. The mapper resolves every key as a property path (a map's entry, {@code votes.<personId>},
 * misses its cache each time) and maps plain values through the whole converter; here a document type's fields are
 * looked up once, and strings, numbers, booleans, enums and instants are mapped directly. Records and other objects
 * still go through the converter, with the type hint the mapper would give. Anything else (an id, a renamed field, a
 * deeper path, a type with a custom conversion) goes to the mapper itself, so the result never differs.
 */
final class UpdateMapping {

    /** What a key says when it is not one this class maps: the whole update goes to Spring's mapper. */
    private static final Object UNMAPPED = new Object();

    private final MongoConverter converter;
    private final UpdateMapper mapper;
    private final Map<Class<?>, Map<String, Field>> fieldsByType = new ConcurrentHashMap<>();
    private final Map<Class<?>, Boolean> converted = new ConcurrentHashMap<>();
    /**
     * Whether an instant is written as a {@link Date}: the store's JSR-310 converter counts as a custom conversion,
     * and sent every update holding an instant (a decision record's, a vote's) to the mapper, 29% of a replay's CPU
     * (docs/benchmarks.md, run 17).
     */
    private final boolean instantsWrittenAsDates;
    private final LongAdder delegated = new LongAdder();

    /** A document field the mapping knows: its declared type, and the type of its elements (a list's, a map's). */
    private record Field(TypeInformation<?> type, TypeInformation<?> element, boolean map) {
    }

    UpdateMapping(MongoConverter converter) {
        this.converter = converter;
        this.mapper = new UpdateMapper(converter);
        this.instantsWrittenAsDates = converter.getCustomConversions().getCustomWriteTarget(Instant.class)
                .map(Date.class::equals).orElse(true);
    }

    /** How many updates went to Spring's mapper: what the tests check the direct path against. */
    long delegated() {
        return delegated.sum();
    }

    Document map(Update update, MongoPersistentEntity<?> entity) {
        Document source = update.getUpdateObject();
        Map<String, Field> fields = fieldsByType.computeIfAbsent(entity.getType(), type -> fieldsOf(entity));
        Document mapped = new Document();
        for (Map.Entry<String, Object> operator : source.entrySet()) {
            Document target = new Document();
            for (Map.Entry<String, Object> field : ((Document) operator.getValue()).entrySet()) {
                Object value = map(fields, operator.getKey(), field.getKey(), field.getValue());
                if (value == UNMAPPED) {
                    delegated.increment();
                    return mapper.getMappedObject(source, entity);
                }
                target.put(field.getKey(), value);
            }
            mapped.put(operator.getKey(), target);
        }
        return mapped;
    }

    private Object map(Map<String, Field> fields, String operator, String key, Object value) {
        int dot = key.indexOf('.');
        Field field = fields.get(dot < 0 ? key : key.substring(0, dot));
        if (field == null || dot >= 0 && (!field.map() || key.indexOf('.', dot + 1) >= 0)) {
            return UNMAPPED;
        }
        if (operator.equals("$unset")) {
            return value;
        }
        if (dot >= 0) {
            // an entry of a map: the mapper types it as the map, so an object's document names its class
            return value(value, field.type());
        }
        if (value instanceof Update.Modifier each && each.getKey().equals("$each") && operator.equals("$addToSet")
                && each.getValue() instanceof Object[] all) {
            List<Object> values = new ArrayList<>();
            for (Object one : all) {
                Object mappedOne = value(one, field.element());
                if (mappedOne == UNMAPPED) {
                    return UNMAPPED;
                }
                values.add(mappedOne);
            }
            return new Document("$each", values);
        }
        return value(value, operator.equals("$set") ? field.type() : field.element());
    }

    private Object value(Object value, TypeInformation<?> declared) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Update.Modifier || value instanceof Document || value instanceof Map<?, ?>) {
            return UNMAPPED;
        }
        if (value instanceof Instant instant && instantsWrittenAsDates) {
            // before the custom-conversion check: the store's own JSR-310 converter is one, and writes a Date
            return Date.from(instant);
        }
        if (converted.computeIfAbsent(value.getClass(), this::hasCustomConversion)) {
            return UNMAPPED;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Collection<?> collection && collection.stream().allMatch(UpdateMapping::plain)) {
            return new ArrayList<>(collection);
        }
        return converter.convertToMongoType(value, declared);
    }

    private static boolean plain(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double;
    }

    private boolean hasCustomConversion(Class<?> type) {
        return converter.getCustomConversions().hasCustomWriteTarget(type);
    }

    /** The fields stored under their own name: the id ({@code _id}) and renamed fields are left to the mapper. */
    private static Map<String, Field> fieldsOf(MongoPersistentEntity<?> entity) {
        Map<String, Field> fields = new HashMap<>();
        for (MongoPersistentProperty property : entity) {
            if (!property.isIdProperty() && property.getFieldName().equals(property.getName())) {
                TypeInformation<?> type = property.getTypeInformation();
                TypeInformation<?> element = type.getActualType();
                fields.put(property.getName(), new Field(type, element == null ? type : element, property.isMap()));
            }
        }
        return Map.copyOf(fields);
    }
}
