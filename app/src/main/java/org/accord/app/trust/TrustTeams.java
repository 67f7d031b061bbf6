package org.accord.app.trust;

import java.util.Optional;

/** Which trust a team belongs to, from the event-sourced team: for the decision-rights map's lines that name one. */
public interface TrustTeams {

    /** Empty when there is no such team. */
    Optional<String> trustOfTeam(String teamId);
}
