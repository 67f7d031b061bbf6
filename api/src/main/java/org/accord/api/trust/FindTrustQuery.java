package org.accord.api.trust;

public record FindTrustQuery(String trustId) {
}
