package org.accord.api.trust;

import java.util.List;

/** The people with these ids, in the order asked; unknown ids are left out. */
public record FindPeopleQuery(List<String> personIds) {
}
