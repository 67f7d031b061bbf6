package org.accord.api.trust;

import java.util.List;

public record TrustView(String id, String name, List<String> schoolIds, List<String> teamIds,
                        List<String> standardIds) {
}
