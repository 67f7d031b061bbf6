package org.accord.app.support;

import org.accord.api.shared.DomainException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** What the aggregate tests expect of a refusal: the one matcher they all use, where each test class had its own. */
public final class Refusals {

    private Refusals() {
    }

    /** A refusal of the given kind; the message is checked separately so that a failure shows both clearly. */
    public static Matcher<DomainException> refusedAs(DomainException.Kind kind) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.kind() == kind;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException of kind ").appendValue(kind);
            }

            @Override
            protected void describeMismatchSafely(DomainException e, Description description) {
                description.appendText("was of kind ").appendValue(e.kind());
            }
        };
    }
}
