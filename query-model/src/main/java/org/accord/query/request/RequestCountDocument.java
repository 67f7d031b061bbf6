package org.accord.query.request;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How many requests a trust's schools have raised: the next one's position, one small row per trust. */
@Document("request_counts")
public record RequestCountDocument(@Id String trustId, long raised) {
}
