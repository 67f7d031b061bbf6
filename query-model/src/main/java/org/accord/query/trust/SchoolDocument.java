package org.accord.query.trust;

import org.accord.api.trust.SchoolPhase;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("schools")
public record SchoolDocument(@Id String id, String trustId, String name, SchoolPhase phase) {
}
