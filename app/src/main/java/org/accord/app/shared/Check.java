package org.accord.app.shared;

import java.util.Collection;

import org.accord.api.shared.DomainException;

/** Input checks whose failures name the field and the problem, as BAD_REQUEST. */
public final class Check {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_TEXT_LENGTH = 20_000;
    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_PAGE_SIZE = 20;

    private Check() {
    }

    public static String name(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.badRequest(field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw DomainException.badRequest(field + " must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw DomainException.badRequest(field + " is required");
        }
        return value;
    }

    public static <C extends Collection<?>> C notEmpty(C values, String field) {
        if (values == null || values.isEmpty()) {
            throw DomainException.badRequest(field + " must not be empty");
        }
        return values;
    }

    /** Not empty, and no empty entries. */
    public static <C extends Collection<?>> C noNulls(C values, String field) {
        notEmpty(values, field);
        if (values.stream().anyMatch(java.util.Objects::isNull)) {
            throw DomainException.badRequest(field + " must not contain empty entries");
        }
        return values;
    }

    /** Trimmed text, or null when blank; refused when longer than anyone would write. */
    public static String optionalText(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > MAX_TEXT_LENGTH) {
            throw DomainException.badRequest(field + " must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }

    public static String requiredText(String value, String field) {
        String text = optionalText(value, field);
        if (text == null) {
            throw DomainException.badRequest(field + " must not be blank");
        }
        return text;
    }

    /** A Relay page size: {@code first} from 1 to 100, 20 when not given. */
    public static int pageSize(Integer first) {
        int size = first == null ? DEFAULT_PAGE_SIZE : first;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.badRequest("first must be from 1 to " + MAX_PAGE_SIZE + ", was " + size);
        }
        return size;
    }

    public static double fraction(double value, String field) {
        if (Double.isNaN(value) || value < 0 || value > 1) {
            throw DomainException.badRequest(field + " must be a fraction from 0 to 1, was " + value);
        }
        return value;
    }
}
