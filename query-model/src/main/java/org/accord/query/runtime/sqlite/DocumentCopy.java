package org.accord.query.runtime.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * A copy of a document that shares no document or list with it: updates applied in memory change the documents they
 * reach in place ({@code UpdateInMemory}), and the original may be read on another thread meanwhile.
 */
final class DocumentCopy {

    private DocumentCopy() {
    }

    static Document deep(Document document) {
        Document copy = new Document();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            copy.put(field.getKey(), value(field.getValue()));
        }
        return copy;
    }

    private static Object value(Object value) {
        if (value instanceof Document inner) {
            return deep(inner);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(each -> copy.add(value(each)));
            return copy;
        }
        return value;
    }
}
