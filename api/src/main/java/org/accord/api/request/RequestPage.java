package org.accord.api.request;

import java.util.List;

public record RequestPage(List<RequestView> requests, List<String> cursors, boolean hasNextPage) {
}
