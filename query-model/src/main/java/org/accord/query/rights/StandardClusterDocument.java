package org.accord.query.rights;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A cluster standard's cluster, by the standard's id; a standard of the whole trust has none. */
@Document("standard_clusters")
public record StandardClusterDocument(@Id String id, String trustId, String clusterId) {
}
