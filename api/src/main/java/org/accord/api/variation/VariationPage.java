package org.accord.api.variation;

import java.util.List;

public record VariationPage(List<VariationView> variations, List<String> cursors, boolean hasNextPage) {
}
