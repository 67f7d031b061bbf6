package org.accord.api.peerreview;

/** What a peer review found: something to share, or something to develop. */
public enum FindingKind { STRENGTH, AREA_FOR_DEVELOPMENT }
