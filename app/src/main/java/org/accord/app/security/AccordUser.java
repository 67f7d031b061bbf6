package org.accord.app.security;

import java.util.Collection;

import org.accord.api.trust.PersonRole;
import org.accord.api.trust.PersonView;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * An authenticated caller: the person they are and the trust they belong to. Every command's actor is taken from
 * here, never from what a client sends. Domain roles are not copied in: they come from the trust's events.
 */
public class AccordUser extends User {

    private final String personId;
    private final String trustId;

    public AccordUser(String username, String password, Collection<? extends GrantedAuthority> authorities,
                      String personId, String trustId) {
        super(username, password, authorities);
        this.personId = personId;
        this.trustId = trustId;
    }

    public String personId() {
        return personId;
    }

    public String trustId() {
        return trustId;
    }

    /**
     * Who may read a trust (its schools, teams, proposals, standards, variations, people, decision log and board
     * pack): everyone of that trust, nobody else. The one place that decides it. The trust is the one sign-in
     * verified: a person registered in a trust signs in with that trust only (a token claiming another is refused);
     * a caller no trust has registered (a service reading the rules in force) has the trust its credentials name.
     */
    public boolean mayRead(String trustId) {
        return this.trustId != null && this.trustId.equals(trustId);
    }

    /**
     * Who may read a record the trust keeps among a few of its schools and teams (a peer review between schools):
     * of those who may read the trust ({@link #mayRead}), its executives and board members, and the people of those
     * schools or members of those teams; nobody else, even of the trust. {@code reader} is the caller as the trust's
     * record knows them (their roles, school and teams), null for a caller no trust has registered: such a caller
     * reads no such record.
     */
    public boolean mayReadAmong(String trustId, PersonView reader, Collection<String> schoolIds,
                                Collection<String> teamIds) {
        if (!mayRead(trustId) || reader == null || !reader.id().equals(personId) || !trustId.equals(reader.trustId())) {
            return false;
        }
        if (reader.roles().contains(PersonRole.TRUST_EXECUTIVE) || reader.roles().contains(PersonRole.BOARD_MEMBER)) {
            return true;
        }
        return (reader.schoolId() != null && schoolIds.contains(reader.schoolId()))
                || (reader.teamIds() != null && reader.teamIds().stream().anyMatch(teamIds::contains));
    }
}
