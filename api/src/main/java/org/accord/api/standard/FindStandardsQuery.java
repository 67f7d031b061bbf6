package org.accord.api.standard;

import java.util.List;

/** The standards with these ids, in the order asked; unknown ids are left out. */
public record FindStandardsQuery(List<String> standardIds) {
}
