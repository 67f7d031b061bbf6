package org.accord.query.trust;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import java.util.List;

import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.FindSchoolsQuery;
import org.accord.api.trust.FindTrustQuery;
import org.accord.api.trust.FindPersonRegistrationsQuery;
import org.accord.api.trust.PersonRegistrationView;
import org.accord.api.trust.PersonView;
import org.accord.api.trust.SchoolView;
import org.accord.api.trust.TrustView;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class TrustQueries {

    private final ReadModelStore store;

    public TrustQueries(ReadModelStore store) {
        this.store = store;
    }

    @QueryHandler
    public TrustView handle(FindTrustQuery query) {
        TrustDocument trust = store.findById(TrustDocument.class, query.trustId());
        // a trust exists once it has a name: a team formed first must not make a half-known trust visible
        if (trust == null || trust.name() == null) {
            return null;
        }
        return new TrustView(trust.id(), trust.name(), trust.schoolIds(), trust.teamIds(), trust.standardIds());
    }

    @QueryHandler
    public List<SchoolView> handle(FindSchoolsQuery query) {
        return store.findByIds(SchoolDocument.class, query.schoolIds(), SchoolDocument::id).stream()
                .map(s -> new SchoolView(s.id(), s.trustId(), s.name(), SchoolPlacement.of(s)
                        .phaseOn(LocalDate.now(ZoneOffset.UTC), Instant.now())))
                .toList();
    }

    @QueryHandler
    public List<PersonView> handle(FindPeopleQuery query) {
        return store.findByIds(PersonDocument.class, query.personIds(), PersonDocument::id).stream()
                .filter(p -> p.trustId() != null)
                .map(p -> new PersonView(p.id(), p.trustId(), p.roles(), p.schoolId(), p.teamIds()))
                .toList();
    }

    @QueryHandler
    public List<PersonRegistrationView> handle(FindPersonRegistrationsQuery query) {
        return store.findAll(PersonDocument.class).stream()
                .filter(p -> p.trustId() != null)
                .map(p -> new PersonRegistrationView(p.id(), p.trustId(), Boolean.TRUE.equals(p.erased())))
                .toList();
    }
}
