package org.accord.api.trust;

public enum SchoolPhase { PRIMARY, SECONDARY, ALL_THROUGH, SPECIAL, ALTERNATIVE }
