package org.accord.app.request;

import java.util.List;

import org.accord.api.standard.Area;

/** Which teams of a trust a request in an area goes to: every team whose remit covers it, oldest team first. */
public interface RequestRouting {

    List<String> teamsCovering(String trustId, Area area);
}
