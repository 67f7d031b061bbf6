package org.accord.query.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

/**
 * The few MongoDB update operators the projections use ({@code $set}, {@code $unset}, {@code $addToSet}, {@code $pull}),
 * applied to a document in memory the way the server applies them, and merged where two updates can be sent as one.
 * Both adapters use it: MongoDB's to let a batch read its own pending writes, SQLite's to apply every update.
 * Anything else is refused loudly: a projection that needs another operator must teach it here first.
 */
public final class UpdateInMemory {

    private static final Set<String> OPERATORS = Set.of("$set", "$unset", "$addToSet", "$pull");
    /** Operators where a later update of the same field may simply join the earlier one. */
    private static final Set<String> MERGEABLE = Set.of("$set", "$unset", "$addToSet");

    private UpdateInMemory() {
    }

    /** The document after the update: an upsert of a missing document starts from its id alone. */
    public static Document apply(Document document, Object id, Document update) {
        Document result = document == null ? new Document("_id", id) : document;
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            Document fields = (Document) operator.getValue();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                String path = field.getKey();
                Object value = field.getValue();
                switch (known(operator.getKey())) {
                    case "$set" -> parentOf(result, path, true).put(leaf(path), value);
                    case "$unset" -> {
                        Document parent = parentOf(result, path, false);
                        if (parent != null) {
                            parent.remove(leaf(path));
                        }
                    }
                    case "$addToSet" -> {
                        List<Object> set = listAt(result, path);
                        for (Object each : eachOf(value)) {
                            if (!set.contains(each)) {
                                set.add(each);
                            }
                        }
                    }
                    case "$pull" -> listAt(result, path).removeIf(value::equals);
                    default -> throw new IllegalStateException("unreachable");
                }
            }
        }
        return result;
    }

    /**
     * Folds {@code next} into {@code into} when one update can say both: no field is touched by two different
     * operators (nor a field and one inside it), and a field touched twice by one operator is a {@code $set} or
     * {@code $unset} (the later value wins) or an {@code $addToSet} (the values join one {@code $each}).
     *
     * @return false, leaving {@code into} as it was, when they must stay two updates
     */
    public static boolean merge(Document into, Document next) {
        for (Map.Entry<String, Object> operator : next.entrySet()) {
            known(operator.getKey());
            for (String path : ((Document) operator.getValue()).keySet()) {
                for (Map.Entry<String, Object> existing : into.entrySet()) {
                    for (String other : ((Document) existing.getValue()).keySet()) {
                        boolean sameOperator = existing.getKey().equals(operator.getKey());
                        if (overlap(path, other) && !(sameOperator && path.equals(other)
                                && MERGEABLE.contains(operator.getKey()))) {
                            return false;
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, Object> operator : next.entrySet()) {
            Document target = (Document) into.computeIfAbsent(operator.getKey(), k -> new Document());
            for (Map.Entry<String, Object> field : ((Document) operator.getValue()).entrySet()) {
                if (operator.getKey().equals("$addToSet") && target.containsKey(field.getKey())) {
                    List<Object> values = new ArrayList<>(eachOf(target.get(field.getKey())));
                    values.addAll(eachOf(field.getValue()));
                    target.put(field.getKey(), new Document("$each", values));
                } else {
                    target.put(field.getKey(), field.getValue());
                }
            }
        }
        return true;
    }

    /** A copy whose operator documents can be merged into without touching the caller's. */
    public static Document copy(Document update) {
        Document copy = new Document();
        update.forEach((operator, fields) -> copy.put(operator, new Document((Document) fields)));
        return copy;
    }

    private static String known(String operator) {
        if (!OPERATORS.contains(operator)) {
            throw new IllegalArgumentException("read models are written with " + OPERATORS + ", not " + operator);
        }
        return operator;
    }

    private static boolean overlap(String a, String b) {
        return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> eachOf(Object value) {
        if (value instanceof Document document && document.containsKey("$each")) {
            return (List<Object>) document.get("$each");
        }
        return List.of(value);
    }

    /** The list at a path, made if missing; copied, so that no update document shares it with the result. */
    @SuppressWarnings("unchecked")
    private static List<Object> listAt(Document document, String path) {
        Document parent = parentOf(document, path, true);
        Object existing = parent.get(leaf(path));
        List<Object> list = existing == null ? new ArrayList<>() : new ArrayList<>((List<Object>) existing);
        parent.put(leaf(path), list);
        return list;
    }

    private static Document parentOf(Document document, String path, boolean create) {
        Document parent = document;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = parent.get(parts[i]);
            if (!(child instanceof Document)) {
                if (!create) {
                    return null;
                }
                child = new Document();
                parent.put(parts[i], child);
            }
            parent = (Document) child;
        }
        return parent;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
