package org.accord.query.rights;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A school's headteachers (one, sometimes two): who decides what the map leaves to the school. */
@Document("school_heads")
public record SchoolHeadsDocument(@Id String id, List<String> headIds) {

    public List<String> headIds() {
        return headIds == null ? List.of() : headIds;
    }
}
