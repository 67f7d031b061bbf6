package org.accord.api.variation;

/** IMPLEMENTATION: how a school meets an ADAPTABLE standard. EXCEPTION: a school's approved departure from a REQUIRED one. */
public enum VariationKind { IMPLEMENTATION, EXCEPTION }
