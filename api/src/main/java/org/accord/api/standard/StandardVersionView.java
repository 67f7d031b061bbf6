package org.accord.api.standard;

import java.time.Instant;
import java.time.LocalDate;

public record StandardVersionView(String standardId, int number, String title, Area area, AlignmentLevel alignment,
                                  String statement, LocalDate effectiveFrom, LocalDate reviewBy, String proposalId,
                                  String adoptedBy, Instant adoptedAt) {
}
