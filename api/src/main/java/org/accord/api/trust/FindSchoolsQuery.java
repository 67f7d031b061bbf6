package org.accord.api.trust;

import java.util.List;

/** The schools with these ids, in the order asked; unknown ids are left out. */
public record FindSchoolsQuery(List<String> schoolIds) {
}
