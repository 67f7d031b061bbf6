package org.accord.api.standard;

/**
 * REQUIRED: identical in every school, deviating needs an approved exception. ADAPTABLE: each school records how it
 * meets it. GUIDANCE: shared good practice, schools are free.
 */
public enum AlignmentLevel { REQUIRED, ADAPTABLE, GUIDANCE }
